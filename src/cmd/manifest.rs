//! `sdkflow manifest <INPUT> [--format xml|json]`: decode the manifest of an APK (or a
//! text manifest) and print it as XML or as the JSON model (`docs/manifest.md`).

use std::path::PathBuf;

use sdkflow::axml::Naming;
use sdkflow::report::sanitize::shown;
use sdkflow::{Error, Limits};

use super::output::{emit, json};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The decoded document as text XML, references named through resources.arsc.
    Xml,
    /// The manifest model (package, versions, permissions, components, meta-data).
    Json,
}

/// Arguments of `sdkflow manifest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input: an APK or a text AndroidManifest.xml.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Xml)]
    pub format: OutputFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let app = sdkflow::apk::load(&args.input, &Limits::default())?;
    let mut problems = Vec::new();
    let table = sdkflow::manifest::resource_table(&app, &mut problems);
    let decoded = sdkflow::manifest::decode_source(&app, table.as_ref())?;
    problems.extend(decoded.problems.iter().cloned());
    let text = match args.format {
        OutputFormat::Xml => {
            sdkflow::axml::render_xml(&decoded.document, table.as_ref().map(|t| t as &dyn Naming))
        }
        OutputFormat::Json => json(&decoded.manifest)?,
    };
    for p in &problems {
        eprintln!(
            "sdkflow: warning: {}: {}",
            shown(&p.at.to_string()),
            shown(&p.message)
        );
    }
    emit(&text, args.output.as_deref())?;
    Ok(0)
}
