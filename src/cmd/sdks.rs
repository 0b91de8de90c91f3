//! `sdkflow sdks`: name the third-party SDKs of an APK (or a vendor jar/aar) with evidence.

use std::fmt::Write as _;
use std::path::PathBuf;

use sdkflow::catalog::Catalog;
use sdkflow::detect::{self, Confidence, Detections, Detector, Evidence};
use sdkflow::dex::{Multidex, ParseOptions};
use sdkflow::report::sanitize::shown;
use sdkflow::{Error, Limits, Location};
use serde::Serialize;

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow sdks`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The APK (or a vendor .jar / .aar) to inspect.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
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
/// The embedded catalogue alone is not validated again here: `tests/catalog_validate.rs`
/// checks the very files the binary embeds, and validation costs as much as parsing.
pub fn load_catalog(dir: Option<&std::path::Path>) -> Result<Catalog, Error> {
    let Some(dir) = dir else {
        return Ok(Catalog::embedded());
    };
    let catalog = Catalog::embedded().with_overrides(dir)?;
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

/// Is this input a JVM archive (vendor `.jar` / `.aar`) rather than an app?
fn is_archive(path: &std::path::Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    ext == "jar" || ext == "aar"
}

/// The input, read while the catalogue loads.
enum Loaded {
    Archive(Box<detect::ArchiveInventory>),
    App(Box<sdkflow::apk::LoadedApp>),
}

fn load_input(path: &std::path::Path) -> Result<Loaded, Error> {
    let limits = Limits::default();
    if is_archive(path) {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
        return Ok(Loaded::Archive(Box::new(detect::subject_from_archive(
            &name, &bytes, &limits,
        )?)));
    }
    Ok(Loaded::App(Box::new(sdkflow::apk::load(path, &limits)?)))
}

/// Detect on an input: jar/aar through the archive reader; everything else (APK, split
/// set, bare dex) through the container loader, the dex parser and the manifest decoder.
/// A manifest that does not decode is a problem, not a failure: code evidence remains.
/// The catalogue is parsed while the input loads, and compiled while the dex files and
/// the manifest are parsed (two cores make this most of what detection costs on top of
/// reading the app).
fn detect_input(
    path: &std::path::Path,
    signatures: Option<&std::path::Path>,
) -> Result<Detections, Error> {
    let name = path.display().to_string();
    let (catalog, loaded) = rayon::join(|| load_catalog(signatures), || load_input(path));
    let (catalog, loaded) = (catalog?, loaded?);
    let app = match loaded {
        Loaded::Archive(inv) => return Ok(Detector::new(&catalog).detect(&inv.subject)),
        Loaded::App(app) => app,
    };
    let (detector, (multidex, manifest)) = rayon::join(
        || Detector::new(&catalog),
        || {
            rayon::join(
                || Multidex::from_app(&app, ParseOptions::default()),
                || {
                    app.manifest
                        .as_ref()
                        .map(|_| sdkflow::manifest::from_app(&app))
                },
            )
        },
    );
    let mut problems = app.problems.clone();
    let manifest = match manifest {
        Some(Ok((manifest, p))) => {
            problems.extend(p);
            Some(manifest)
        }
        Some(Err(e)) => {
            problems.push(sdkflow::apk::Problem {
                at: e
                    .location()
                    .cloned()
                    .unwrap_or_else(|| Location::file(&name)),
                message: e.to_string(),
            });
            None
        }
        None => None,
    };
    let mut found = detect::detect_app(&app, &multidex, manifest.as_ref(), &detector);
    problems.append(&mut found.problems);
    found.problems = problems;
    Ok(found)
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let found = detect_input(&args.input, args.signatures.as_deref())?;
    let input = args.input.display().to_string();
    let text = match args.format {
        TextOrJson::Json => {
            let report = Report {
                input,
                detections: &found,
            };
            json(&report)?
        }
        TextOrJson::Text => render_text(&input, &found),
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
        "{}: {} third-party SDKs, {} plain libraries, {} unknown packages",
        shown(input),
        third.len(),
        libs.len(),
        found.unknown.len()
    );
    if let Some(packer) = &found.packer {
        let _ = writeln!(out, "PACKED: {}", packer.notice);
    }
    for d in &third {
        let zh = d
            .name_zh
            .as_deref()
            .map(|z| format!(" ({})", shown(z)))
            .unwrap_or_default();
        let version = d
            .version
            .as_deref()
            .map(|v| {
                // "android 6.8.24" (WeChat) reads badly as "vandroid 6.8.24".
                if v.starts_with(|c: char| c.is_ascii_digit()) {
                    format!(" v{}", shown(v))
                } else {
                    format!(" {}", shown(v))
                }
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} — {}{zh}{version}  [{}, {} confidence]",
            shown(&d.id),
            shown(&d.name),
            shown(&d.category),
            confidence_word(d.confidence)
        );
        if !d.bundled_by.is_empty() {
            let _ = writeln!(out, "    bundled by: {}", shown(&d.bundled_by.join(", ")));
        }
        for p in &d.plugins {
            let _ = writeln!(
                out,
                "    plugin    {} ({}): {} evidence item(s), not the platform's own SDK",
                p.name,
                p.platform,
                p.evidence.len()
            );
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
                Evidence::ObfuscatedCode {
                    package,
                    tie,
                    value,
                    location,
                } => format!("obfuscated {package} ({tie} {value} at {location})"),
            };
            let _ = writeln!(out, "    {}", shown(&line));
        }
        if !d.permissions.is_empty() {
            let _ = writeln!(out, "    permissions: {}", shown(&d.permissions.join(", ")));
        }
    }
    if !libs.is_empty() {
        let names: Vec<String> = libs.iter().map(|d| d.id.clone()).collect();
        let _ = writeln!(out, "\nplain libraries: {}", shown(&names.join(", ")));
    }
    if !found.host_only.is_empty() {
        let _ = writeln!(
            out,
            "\nvendor hosts in code, no other trace of the SDK (low confidence, not counted):"
        );
        for d in &found.host_only {
            for e in &d.evidence {
                if let Evidence::Host { host, location } = e {
                    let _ = writeln!(
                        out,
                        "    {:<24} {} at {}",
                        shown(&d.id),
                        shown(host),
                        shown(location)
                    );
                }
            }
        }
    }
    if !found.leftovers.is_empty() {
        let _ = writeln!(
            out,
            "\nmanifest leftovers: entries of SDKs whose code is in no dex (info, not counted):"
        );
        for d in &found.leftovers {
            for e in &d.evidence {
                let line = match e {
                    Evidence::Component {
                        component_kind,
                        name,
                    } => format!("{component_kind} {name}"),
                    Evidence::MetaData { name, .. } => format!("meta-data {name}"),
                    _ => continue,
                };
                let _ = writeln!(out, "    {:<24} {line}", d.id);
            }
        }
    }
    if !found.unknown.is_empty() {
        let _ = writeln!(
            out,
            "\nunknown third-party packages (no signature, not the app's own):"
        );
        for u in &found.unknown {
            let _ = writeln!(out, "    {:<40} {} classes", shown(&u.package), u.classes);
        }
    }
    if !found.problems.is_empty() {
        let _ = writeln!(out, "\nproblems (detections come from the readable parts):");
        for p in &found.problems {
            let _ = writeln!(
                out,
                "    {}: {}",
                shown(&p.at.to_string()),
                shown(&p.message)
            );
        }
    }
    out
}
