//! `sdkflow policy <FILE> [--format text|json]`: the declared table of a privacy policy
//! (or of a structured JSON / TOML / CSV table), every item with its evidence.

use std::fmt::Write as _;
use std::path::PathBuf;

use sdkflow::Error;
use sdkflow::catalog::Catalog;
use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases, DeclaredPolicy, Span};
use sdkflow::report::sanitize::shown;

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow policy`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Policy file: text, Markdown or HTML (UTF-8, UTF-16, GB18030), or a structured
    /// declared table (.json, .toml, .csv).
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Extra SDK aliases, one `alias<TAB>sdk_id` per line (`#` comments), tried before the
    /// signature catalogue's.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let dict = Dictionary::embedded()?;
    let aliases = load_aliases(args.aliases.as_deref())?;
    let table = policy::read_file(&args.input, dict, &aliases)?;
    let text = match args.format {
        TextOrJson::Json => json(&table)?,
        TextOrJson::Text => render_text(&table),
    };
    emit(&text, args.output.as_deref())?;
    Ok(0)
}

/// The user's aliases (tried first: the first id given for an alias wins), then the
/// signature catalogue's.
fn load_aliases(path: Option<&std::path::Path>) -> Result<Aliases, Error> {
    let mut pairs: Vec<(String, String)> = match path {
        Some(path) => user_aliases(path)?,
        None => Vec::new(),
    };
    let catalog = Catalog::embedded();
    pairs.extend(
        catalog
            .aliases()
            .map(|(a, id)| (a.to_owned(), id.to_owned())),
    );
    Ok(Aliases::new(pairs))
}

/// Alias pairs from a TSV file (`alias<TAB>sdk_id`, `#` comments).
fn user_aliases(path: &std::path::Path) -> Result<Vec<(String, String)>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display(), e))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (a, id) = l.split_once('\t')?;
            Some((a.trim().to_owned(), id.trim().to_owned()))
        })
        .collect())
}

fn at(e: &Option<Span>) -> String {
    e.as_ref()
        .map_or_else(|| "-".to_owned(), |s| format!("L{}:{}", s.line, s.column))
}

fn quote(e: &Option<Span>) -> String {
    e.as_ref()
        .map_or_else(String::new, |s| format!("“{}”", shown(&s.snippet)))
}

fn render_text(t: &DeclaredPolicy) -> String {
    let mut s = String::new();
    let enc = t.encoding.as_deref().unwrap_or("-");
    let _ = writeln!(s, "policy: {} ({})", shown(&t.source), shown(enc));
    let listed = t.sdks.iter().filter(|x| x.listed).count();
    let _ = writeln!(
        s,
        "\nSDKs: {} listed, {} only mentioned",
        listed,
        t.sdks.len() - listed
    );
    for sdk in &t.sdks {
        let id = sdk.sdk_id.as_deref().unwrap_or("(unresolved)");
        let kind = if sdk.listed { "listed" } else { "mentioned" };
        let _ = writeln!(
            s,
            "  {:<9} {} → {} [{kind}]",
            at(&sdk.evidence),
            shown(&sdk.name),
            shown(id)
        );
        if !sdk.alternatives.is_empty() {
            let _ = writeln!(s, "            or: {}", shown(&sdk.alternatives.join(", ")));
        }
        for (label, v) in [
            ("vendor", &sdk.vendor),
            ("purpose", &sdk.purpose),
            ("link", &sdk.link),
        ] {
            if let Some(v) = v {
                let _ = writeln!(s, "            {label}: {}", shown(v));
            }
        }
        if !sdk.data_types.is_empty() {
            let _ = writeln!(s, "            data: {}", shown(&sdk.data_types.join(", ")));
        }
        if !sdk.permissions.is_empty() {
            let _ = writeln!(
                s,
                "            permissions: {}",
                shown(&sdk.permissions.join(", "))
            );
        }
        if sdk.evidence.is_some() {
            let _ = writeln!(s, "            {}", quote(&sdk.evidence));
        }
    }
    let _ = writeln!(s, "\nPermissions: {}", t.permissions.len());
    for p in &t.permissions {
        let _ = writeln!(
            s,
            "  {:<9} {:<48} {}  {}",
            at(&p.evidence),
            shown(&p.permission),
            shown(&p.phrase),
            quote(&p.evidence)
        );
    }
    let _ = writeln!(s, "\nData types: {}", t.data_types.len());
    for d in &t.data_types {
        let sdk = d
            .sdk_id
            .as_deref()
            .map(|x| format!(" [{}]", shown(x)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:<9} {:<28} {}{sdk}  {}",
            at(&d.evidence),
            shown(&d.data_type),
            shown(&d.phrase),
            quote(&d.evidence)
        );
    }
    if !t.unmatched.is_empty() {
        let _ = writeln!(s, "\nUnmatched phrases: {}", t.unmatched.len());
        for u in &t.unmatched {
            let _ = writeln!(
                s,
                "  {:<9} {}  {}",
                at(&u.evidence),
                shown(&u.phrase),
                quote(&u.evidence)
            );
        }
    }
    s
}
