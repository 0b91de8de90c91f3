//! `sdkflow sdks`: name the third-party SDKs of an APK (or a vendor jar/aar) with evidence.

use std::fmt::Write as _;
use std::path::PathBuf;

use sdkflow::catalog::Catalog;
use sdkflow::detect::{self, Confidence, Detections, Detector, Evidence};
use sdkflow::dex::{Multidex, ParseOptions};
use sdkflow::{Error, Limits, Location};
use serde::Serialize;

use super::output::emit;

/// Output format.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable listing.
    Text,
    /// JSON: `{ input, sdks: [...], unknown: [...] }`.
    Json,
}

/// Arguments of `sdkflow sdks`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The APK (or a vendor .jar / .aar) to inspect.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// A folder of signature files that add to or override the embedded catalogue.
    #[arg(long, value_name = "DIR")]
    pub signatures: Option<PathBuf>,
    /// Write the report here instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Serialize)]
struct Report<'a> {
    input: String,
    #[serde(flatten)]
    detections: &'a Detections,
}

/// The embedded catalogue plus `--signatures DIR`, refused when the result is invalid.
pub fn load_catalog(dir: Option<&std::path::Path>) -> Result<Catalog, Error> {
    let catalog = match dir {
        Some(dir) => Catalog::embedded().with_overrides(dir)?,
        None => Catalog::embedded(),
    };
    if let Some(first) = catalog.validate().into_iter().next() {
        return Err(Error::malformed(
            sdkflow::Location::file(first.file.clone()),
            sdkflow::Format::Signature,
            format!(
                "{}: {} (run `sdkflow signatures check`)",
                first.field, first.message
            ),
        ));
    }
    Ok(catalog)
}

/// Detect on an input: jar/aar through the archive reader; everything else (APK, split
/// set, bare dex) through the container loader, the dex parser and the manifest decoder.
/// A manifest that does not decode is a problem, not a failure: code evidence remains.
fn detect_input(path: &std::path::Path, detector: &Detector<'_>) -> Result<Detections, Error> {
    let limits = Limits::default();
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if ext == "jar" || ext == "aar" {
        let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
        let inv = detect::subject_from_archive(&name, &bytes, &limits)?;
        return Ok(detector.detect(&inv.subject));
    }
    let app = sdkflow::apk::load(path, &limits)?;
    let multidex = Multidex::from_app(&app, ParseOptions::default());
    let mut problems = app.problems.clone();
    let manifest = match app.manifest {
        Some(_) => match sdkflow::manifest::from_app(&app) {
            Ok((manifest, p)) => {
                problems.extend(p);
                Some(manifest)
            }
            Err(e) => {
                problems.push(sdkflow::apk::Problem {
                    at: e
                        .location()
                        .cloned()
                        .unwrap_or_else(|| Location::file(&name)),
                    message: e.to_string(),
                });
                None
            }
        },
        None => None,
    };
    let mut found = detect::detect_app(&app, &multidex, manifest.as_ref(), detector);
    problems.append(&mut found.problems);
    found.problems = problems;
    Ok(found)
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let catalog = load_catalog(args.signatures.as_deref())?;
    let detector = Detector::new(&catalog);
    let found = detect_input(&args.input, &detector)?;
    let input = args.input.display().to_string();
    let text = match args.format {
        OutputFormat::Json => {
            let report = Report {
                input,
                detections: &found,
            };
            let mut s = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::Usage(format!("cannot render JSON: {e}")))?;
            s.push('\n');
            s
        }
        OutputFormat::Text => render_text(&input, &found),
    };
    emit(&text, args.output.as_deref())?;
    Ok(0)
}

fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn render_text(input: &str, found: &Detections) -> String {
    let mut out = String::new();
    let third: Vec<_> = found.third_party().collect();
    let libs: Vec<_> = found
        .sdks
        .iter()
        .filter(|d| d.category == "library")
        .collect();
    let _ = writeln!(
        out,
        "{input}: {} third-party SDKs, {} plain libraries, {} unknown packages",
        third.len(),
        libs.len(),
        found.unknown.len()
    );
    for d in &third {
        let zh = d
            .name_zh
            .as_deref()
            .map(|z| format!(" ({z})"))
            .unwrap_or_default();
        let version = d
            .version
            .as_deref()
            .map(|v| {
                // "android 6.8.24" (WeChat) reads badly as "vandroid 6.8.24".
                if v.starts_with(|c: char| c.is_ascii_digit()) {
                    format!(" v{v}")
                } else {
                    format!(" {v}")
                }
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} — {}{zh}{version}  [{}, {} confidence]",
            d.id,
            d.name,
            d.category,
            confidence_word(d.confidence)
        );
        if !d.bundled_by.is_empty() {
            let _ = writeln!(out, "    bundled by: {}", d.bundled_by.join(", "));
        }
        for e in &d.evidence {
            let line = match e {
                Evidence::Classes {
                    package,
                    count,
                    examples,
                    dex,
                } => format!(
                    "classes   {package}.* ({count}) in {}, e.g. {}",
                    dex.join(", "),
                    examples.first().map(String::as_str).unwrap_or_default()
                ),
                Evidence::Component {
                    component_kind,
                    name,
                } => format!("manifest  {component_kind} {name}"),
                Evidence::MetaData { name, value } => format!(
                    "meta-data {name}{}",
                    value
                        .as_deref()
                        .map(|v| format!(" = {v}"))
                        .unwrap_or_default()
                ),
                Evidence::NativeLib { path } => format!("native    {path}"),
                Evidence::JniSymbol { path, symbol } => format!("jni       {symbol} in {path}"),
                Evidence::Host { host, location } => format!("host      {host} at {location}"),
                Evidence::Permission { name } => format!("permission {name}"),
            };
            let _ = writeln!(out, "    {line}");
        }
        if !d.permissions.is_empty() {
            let _ = writeln!(out, "    permissions: {}", d.permissions.join(", "));
        }
    }
    if !libs.is_empty() {
        let names: Vec<String> = libs.iter().map(|d| d.id.clone()).collect();
        let _ = writeln!(out, "\nplain libraries: {}", names.join(", "));
    }
    if !found.unknown.is_empty() {
        let _ = writeln!(
            out,
            "\nunknown third-party packages (no signature, not the app's own):"
        );
        for u in &found.unknown {
            let _ = writeln!(out, "    {:<40} {} classes", u.package, u.classes);
        }
    }
    if !found.problems.is_empty() {
        let _ = writeln!(out, "\nproblems (detections come from the readable parts):");
        for p in &found.problems {
            let _ = writeln!(out, "    {}: {}", p.at, p.message);
        }
    }
    out
}
