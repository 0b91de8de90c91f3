//! `sdkflow flows`: trace personal data from the APIs that read it to where it is sent,
//! attributed to the app or to the SDK whose code does it.

use std::fmt::Write as _;
use std::path::PathBuf;

use sdkflow::flows::{FlowOptions, FlowReport, analyze_app};
use sdkflow::report::sanitize::shown;
use sdkflow::{Error, Limits};
use serde::Serialize;

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow flows`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The APK (or dex) to analyse.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
    /// Treat every method as an entry point (no reachability filter).
    #[arg(long)]
    pub all_entries: bool,
    /// Write the report here instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Serialize)]
struct Report<'a> {
    input: String,
    #[serde(flatten)]
    report: &'a FlowReport,
}

/// Run the subcommand: exit 1 when a flow is found, 0 when none.
///
/// Runs with glibc's malloc thresholds fixed, as the batch audit does (see
/// [`super::audit::rerun_with_fixed_malloc_thresholds`]): the dex files and the call
/// graph's tables are large blocks freed before the data-flow phase allocates its own,
/// and with glibc's adaptive thresholds that memory stays resident (6-7 MB of the peak
/// on the 16-dex and Yosemite APKs, docs/flows.md).
pub fn run(args: Args) -> Result<u8, Error> {
    if let Some(code) = super::audit::rerun_with_fixed_malloc_thresholds() {
        return Ok(code);
    }
    let app = sdkflow::apk::load(&args.input, &Limits::default())?;
    let options = FlowOptions {
        all_methods_are_entries: args.all_entries,
        ..FlowOptions::default()
    };
    let report = analyze_app(&app, &options)?;
    let input = args.input.display().to_string();
    let text = match args.format {
        TextOrJson::Json => json(&Report {
            input,
            report: &report,
        })?,
        TextOrJson::Text => render_text(&input, &report),
    };
    emit(&text, args.output.as_deref())?;
    Ok(u8::from(!report.flows.is_empty()))
}

fn render_text(input: &str, r: &FlowReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} flow(s), {} reachable read(s) of personal data",
        shown(input),
        r.flows.len(),
        r.reads.len()
    );
    let _ = writeln!(
        out,
        "  ({} methods, {} reachable, {} skipped for size, {} round(s){})",
        r.stats.methods,
        r.stats.reachable,
        r.stats.skipped,
        r.stats.rounds,
        if r.stats.truncated { ", truncated" } else { "" }
    );
    if !r.sdks.is_empty() {
        let _ = writeln!(out, "\nBy owner:");
        for s in &r.sdks {
            let _ = writeln!(
                out,
                "  {}: reads {}",
                shown(&s.sdk),
                shown(&s.data_types_read.join(", "))
            );
            for (kind, types) in &s.sinks {
                let _ = writeln!(
                    out,
                    "    sends to {}: {}",
                    shown(kind),
                    shown(&types.join(", "))
                );
            }
        }
    }
    for f in &r.flows {
        let _ = writeln!(
            out,
            "\n[{}] {} -> {} ({})",
            shown(&f.sdk),
            shown(&f.source.data_type),
            shown(&f.sink.kind),
            shown(&f.sink.api)
        );
        let _ = writeln!(
            out,
            "  source {} in {} @{:#x}",
            shown(&f.source.api),
            shown(&f.source.method),
            f.source.offset
        );
        let _ = writeln!(
            out,
            "  sink   {} in {} @{:#x}",
            shown(&f.sink.api),
            shown(&f.sink.method),
            f.sink.offset
        );
        if !f.entry.is_empty() {
            let _ = writeln!(out, "  entry  {}", joined(&f.entry));
        }
        let _ = writeln!(out, "  path   {}", joined(&f.path));
    }
    out
}

/// Methods one per line, each shown escaped (the separator is ours).
fn joined(methods: &[String]) -> String {
    methods
        .iter()
        .map(|m| shown(m).to_string())
        .collect::<Vec<_>>()
        .join("\n      -> ")
}
