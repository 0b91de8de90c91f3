//! `sdkflow summary RESULTS.jsonl...`: the store-wide view over many audits (JSON Lines
//! from `sdkflow audit --format json`): SDKs embedded and declared, the most common
//! undeclared SDKs and data types, the apps with the most high findings.

use std::io::BufReader;
use std::path::PathBuf;

use sdkflow::Error;
use sdkflow::summary::render::{self, SummaryFormat};
use sdkflow::summary::{self, Summarizer};

use super::output::emit;

/// Arguments of `sdkflow summary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSON Lines files written by `sdkflow audit --format json` (`-` for stdin).
    #[arg(value_name = "RESULTS.jsonl", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// How many entries the "most common" and "most high findings" lists keep.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// For the terminal.
    Text,
    /// JSON (docs/report.md, "Store-wide summary").
    Json,
    /// Single-file HTML.
    Html,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
}

/// Run the subcommand: 0, or 2 when an input cannot be read.
pub fn run(args: Args) -> Result<u8, Error> {
    let mut acc = Summarizer::default();
    for path in &args.inputs {
        if path.as_os_str() == "-" {
            summary::read_jsonl(std::io::stdin().lock(), "<stdin>", &mut acc)?;
            continue;
        }
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(&name, e))?;
        summary::read_jsonl(BufReader::new(file), &name, &mut acc)?;
    }
    let format = match args.format {
        FormatArg::Text => SummaryFormat::Text,
        FormatArg::Json => SummaryFormat::Json,
        FormatArg::Html => SummaryFormat::Html,
        FormatArg::Md => SummaryFormat::Markdown,
    };
    let text = render::render(&acc.finish(args.top), format);
    emit(&text, args.output.as_deref())?;
    Ok(0)
}
