//! `sdkflow audit`: compare APKs with a privacy policy and report what the policy does not
//! say. Raw flags become validated options here; the library audits and renders; this
//! module prints and turns the reports into the exit code (0 clean, 1 a finding reaches
//! `--fail-on`, 2 bad input or usage, including any input that failed in a batch).

use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sdkflow::Error;
use sdkflow::analyze::{self, AnalyzeOptions, Analyzer};
use sdkflow::audit::{
    self, AppFacts, AuditInput, AuditOptions, AuditReport, Baseline, FailOn, PermissionTable,
};
use sdkflow::detect::Confidence;
use sdkflow::policy::DeclaredPolicy;
use sdkflow::report::{self, FailedInput, Outcome, OutputFormat, RenderOptions};

use super::output::emit;

/// Arguments of `sdkflow audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// APKs to audit, or directories holding them (searched recursively for .apk, .apks,
    /// .xapk). Several inputs are audited in parallel.
    #[arg(value_name = "APK", required_unless_present = "facts")]
    pub inputs: Vec<PathBuf>,
    /// The privacy policy (its declared table as JSON, from `sdkflow policy --format json`).
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,
    /// Output format. With several inputs, json writes JSON Lines (one record per input).
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value_t = FailOnArg::High)]
    pub fail_on: FailOnArg,
    /// Suppress the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Extra SDK signature folder, added to the built-in catalogue.
    #[arg(long, value_name = "DIR")]
    pub signatures: Option<PathBuf>,
    /// Skip the data-flow analysis (faster; data findings then rest on signature data only).
    #[arg(long)]
    pub no_flows: bool,
    /// Worker threads for several inputs (default: the number of CPUs).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Ignore detections below this confidence.
    #[arg(long, value_enum, default_value_t = ConfidenceArg::Low)]
    pub min_confidence: ConfidenceArg,
    /// Base URL of the documentation, for rule links (`https://host/org/sdkflow/blob/main/`).
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
    /// Read app facts from JSON (the AppFacts shape) instead of analysing an APK;
    /// repeatable. For tests and for feeding detections made elsewhere.
    #[arg(long, value_name = "FILE.json", hide = true)]
    pub facts: Vec<PathBuf>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Terminal report.
    Text,
    /// JSON (docs/report.schema.json); JSON Lines for several inputs.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// Single-file HTML.
    Html,
    /// Markdown for pull-request comments.
    #[value(alias = "markdown")]
    Md,
}

/// `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// High findings.
    High,
    /// Medium or high.
    Medium,
    /// Low, medium or high.
    Low,
    /// Never fail on findings.
    Never,
}

/// `--min-confidence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfidenceArg {
    /// Every detection.
    Low,
    /// Medium and high.
    Medium,
    /// High only.
    High,
}

enum Input {
    Apk(PathBuf),
    Facts(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Apk(p) | Input::Facts(p) => p.display().to_string(),
        }
    }
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let format = match args.format {
        FormatArg::Text => OutputFormat::Text,
        FormatArg::Json => OutputFormat::Json,
        FormatArg::Sarif => OutputFormat::Sarif,
        FormatArg::Html => OutputFormat::Html,
        FormatArg::Md => OutputFormat::Markdown,
    };
    let fail_on = match args.fail_on {
        FailOnArg::High => FailOn::High,
        FailOnArg::Medium => FailOn::Medium,
        FailOnArg::Low => FailOn::Low,
        FailOnArg::Never => FailOn::Never,
    };
    let options = AuditOptions {
        min_confidence: match args.min_confidence {
            ConfidenceArg::Low => Confidence::Low,
            ConfidenceArg::Medium => Confidence::Medium,
            ConfidenceArg::High => Confidence::High,
        },
    };
    if args.jobs == Some(0) {
        return Err(Error::Usage("--jobs must be at least 1".into()));
    }
    let baseline = match &args.baseline {
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|e| Error::io(&name, e))?;
            Some(Baseline::parse(&text, &name)?)
        }
        None => None,
    };
    let mut inputs = Vec::new();
    for p in &args.inputs {
        expand(p, &mut inputs)?;
    }
    inputs.extend(args.facts.iter().cloned().map(Input::Facts));
    if inputs.is_empty() {
        return Err(Error::Usage("no APK found in the given inputs".into()));
    }

    let analyzer = Analyzer::new(AnalyzeOptions {
        signatures: args.signatures.clone(),
        no_flows: args.no_flows,
        ..AnalyzeOptions::default()
    })?;
    let policy = analyzer.read_policy(&args.policy)?;
    let permissions =
        PermissionTable::from_dictionary(sdkflow::dictionary::Dictionary::embedded()?);
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(inputs.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;
    let progress = progress_bar(inputs.len());
    let ctx = Ctx {
        policy: &policy,
        permissions: &permissions,
        options: &options,
        analyze: &analyzer,
    };
    let results: Vec<Result<AuditReport, FailedInput>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let r = audit_one(input, &ctx);
                progress.inc(1);
                r
            })
            .collect()
    });
    progress.finish_and_clear();

    if let Some(path) = &args.write_baseline {
        let written = Baseline::from_reports(results.iter().filter_map(|r| r.as_ref().ok()));
        std::fs::write(path, written.to_json()).map_err(|e| Error::io(path.display(), e))?;
    }
    let outcomes: Vec<Outcome> = results
        .into_iter()
        .map(|r| match r {
            Ok(mut report) => {
                if let Some(b) = &baseline {
                    b.apply(&mut report);
                }
                Outcome::Audited(Box::new(report))
            }
            Err(f) => Outcome::Failed(f),
        })
        .collect();

    let to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");
    let render_options = RenderOptions {
        color: format == OutputFormat::Text
            && to_stdout
            && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
        docs_base: args
            .docs_url
            .clone()
            .or_else(RenderOptions::default_docs_base),
        batch: inputs.len() > 1 || args.inputs.iter().any(|p| p.is_dir()),
    };
    let text = report::render(&outcomes, format, &render_options);
    emit(&text, args.output.as_deref())?;

    let mut code = 0;
    for o in &outcomes {
        match o {
            Outcome::Failed(f) => {
                eprintln!("sdkflow: error: {}", f.error);
                code = 2;
            }
            Outcome::Audited(r) if r.fails(fail_on) && code == 0 => code = 1,
            Outcome::Audited(_) => {}
        }
    }
    Ok(code)
}

struct Ctx<'a> {
    policy: &'a DeclaredPolicy,
    permissions: &'a PermissionTable,
    options: &'a AuditOptions,
    analyze: &'a Analyzer,
}

/// Audit one input; any error or panic becomes that input's failure, not the run's.
fn audit_one(input: &Input, ctx: &Ctx<'_>) -> Result<AuditReport, FailedInput> {
    let name = input.name();
    let run = || -> Result<AuditReport, Error> {
        let app: AppFacts = match input {
            Input::Apk(p) => ctx.analyze.analyze_path(p)?,
            Input::Facts(p) => analyze::read_facts(p)?,
        };
        let audit_input = AuditInput {
            app,
            policy: ctx.policy.clone(),
            permissions: ctx.permissions.clone(),
        };
        Ok(audit::audit(&audit_input, ctx.options))
    };
    match std::panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(report)) => Ok(report),
        Ok(Err(e)) => Err(FailedInput::new(name, &e)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(FailedInput {
                source: name.clone(),
                error: format!("{name}: internal error (please report): {what}"),
                location: None,
            })
        }
    }
}

/// A file is an input as given; a directory contributes its APKs, sorted, recursively.
fn expand(path: &Path, out: &mut Vec<Input>) -> Result<(), Error> {
    if !path.is_dir() {
        out.push(Input::Apk(path.to_path_buf()));
        return Ok(());
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(dir.display(), e))?;
        for entry in entries {
            let p = entry.map_err(|e| Error::io(dir.display(), e))?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| {
                ["apk", "apks", "xapk"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            }) {
                found.push(p);
            }
        }
    }
    found.sort();
    out.extend(found.into_iter().map(Input::Apk));
    Ok(())
}

/// A progress bar on stderr for batches, drawn only when stderr is a terminal.
fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} auditing [{bar:30}] {pos}/{len} {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
