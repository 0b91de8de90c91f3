//! `sdkflow audit`: compare APKs with a privacy policy and report what the policy does not
//! say. Raw flags become validated options here; the library audits and renders; this
//! module prints and turns the reports into the exit code (0 clean, 1 a finding reaches
//! `--fail-on`, 2 bad input or usage, including any input that failed in a batch).

use std::io::{BufWriter, IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use sdkflow::Error;
use sdkflow::analyze::{self, AnalyzeOptions, Analyzer};
use sdkflow::audit::{
    self, AppFacts, AuditInput, AuditOptions, AuditReport, Baseline, FailOn, PermissionTable,
};
use sdkflow::detect::Confidence;
use sdkflow::policy::DeclaredPolicy;
use sdkflow::report::sanitize::shown;
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
    /// Give it more than once (the main policy and a separate SDK list): the declared
    /// tables are merged, evidence naming each file.
    #[arg(long, value_name = "FILE", required = true)]
    pub policy: Vec<PathBuf>,
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
    /// Threads (default: the number of CPUs): one worker per input up to N, and the threads
    /// no worker needs go to the workers themselves (a single input uses all N).
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
    /// GitLab Code Quality JSON (CodeClimate issues).
    Codeclimate,
    /// JUnit XML: one test case per rule × subject, failures at or above --fail-on.
    Junit,
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

    /// The size on disk (0 when unknown), to schedule the largest inputs first.
    fn size(&self) -> u64 {
        match self {
            Input::Apk(p) | Input::Facts(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        }
    }
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let fail_on = match args.fail_on {
        FailOnArg::High => FailOn::High,
        FailOnArg::Medium => FailOn::Medium,
        FailOnArg::Low => FailOn::Low,
        FailOnArg::Never => FailOn::Never,
    };
    let format = match args.format {
        FormatArg::Text => OutputFormat::Text,
        FormatArg::Json => OutputFormat::Json,
        FormatArg::Sarif => OutputFormat::Sarif,
        FormatArg::Html => OutputFormat::Html,
        FormatArg::Md => OutputFormat::Markdown,
        FormatArg::Codeclimate => OutputFormat::CodeClimate,
        FormatArg::Junit => OutputFormat::Junit(fail_on),
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
    if inputs.len() > 1
        && let Some(code) = rerun_with_fixed_malloc_thresholds()
    {
        return Ok(code);
    }

    let analyzer = Analyzer::new(AnalyzeOptions {
        signatures: args.signatures.clone(),
        no_flows: args.no_flows,
        ..AnalyzeOptions::default()
    })?;
    let policy = sdkflow::policy::merge(
        args.policy
            .iter()
            .map(|p| analyzer.read_policy(p))
            .collect::<Result<Vec<_>, _>>()?,
    );
    let permissions =
        PermissionTable::from_dictionary(sdkflow::dictionary::Dictionary::embedded()?);
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let workers = Workers::split(threads, inputs.len());
    let progress = progress_bar(inputs.len());
    let ctx = Ctx {
        policy: &policy,
        permissions: &permissions,
        options: &options,
        analyze: &analyzer,
    };
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

    // JSON Lines need nothing but the record itself: stream each one (in input order) as
    // soon as it and every input before it are done, so a batch holds no finished reports.
    // The other formats (and --write-baseline) need every report at once.
    if format == OutputFormat::Json && render_options.batch && args.write_baseline.is_none() {
        let mut out = LineWriter::open(args.output.as_deref())?;
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut failures = Vec::new();
        let mut code = 0;
        audit_all(&inputs, &ctx, workers, &progress, |i, result| {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                let outcome = to_outcome(result, baseline.as_ref());
                match &outcome {
                    Outcome::Failed(f) => {
                        failures.push(f.error.clone());
                        code = 2;
                    }
                    Outcome::Audited(r) if r.fails(fail_on) && code == 0 => code = 1,
                    Outcome::Audited(_) => {}
                }
                let line = report::render(std::slice::from_ref(&outcome), format, &render_options);
                out.write(&line)?;
            }
            Ok(())
        })?;
        progress.finish_and_clear();
        out.finish()?;
        for error in failures {
            eprintln!("sdkflow: error: {}", shown(&error));
        }
        return Ok(code);
    }

    let mut results: Vec<Option<Result<AuditReport, FailedInput>>> =
        inputs.iter().map(|_| None).collect();
    audit_all(&inputs, &ctx, workers, &progress, |i, result| {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(result);
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    // Every worker reports every input it takes, so no slot stays empty.
    let results: Vec<Result<AuditReport, FailedInput>> = results.into_iter().flatten().collect();

    if let Some(path) = &args.write_baseline {
        let written = Baseline::from_reports(results.iter().filter_map(|r| r.as_ref().ok()));
        std::fs::write(path, written.to_json()).map_err(|e| Error::io(path.display(), e))?;
    }
    let outcomes: Vec<Outcome> = results
        .into_iter()
        .map(|r| to_outcome(r, baseline.as_ref()))
        .collect();

    let text = report::render(&outcomes, format, &render_options);
    emit(&text, args.output.as_deref())?;

    let mut code = 0;
    for o in &outcomes {
        match o {
            Outcome::Failed(f) => {
                eprintln!("sdkflow: error: {}", shown(&f.error));
                code = 2;
            }
            Outcome::Audited(r) if r.fails(fail_on) && code == 0 => code = 1,
            Outcome::Audited(_) => {}
        }
    }
    Ok(code)
}

/// Run this same command again in a child process with glibc's malloc thresholds fixed,
/// and return its exit code; `None` to go on in this process (not glibc, the variable is
/// already set (so also in the child), or the child could not start).
///
/// Why: glibc raises its mmap and trim thresholds (up to 32 MiB and 64 MiB) each time a
/// large mapped block is freed, and the first APK's buffers (the file, the dex files, the
/// data-flow tables) are such blocks. From then on every worker's arena keeps up to those
/// sizes of freed memory resident, and a batch of 100 registry APKs on 2 workers peaked
/// at 231-242 MB against a bound of 236 MB (largest single run × 2). A fixed threshold
/// (which also turns the adjustment off) returns large blocks to the system on free: 217-219 MB,
/// no slower (benches/README.md). The threshold is only settable
/// through `mallopt` (unsafe, and the crate forbids unsafe) or the `GLIBC_TUNABLES`
/// variable read at process start, hence the re-run. One extra process start (about 1 ms)
/// per batch, not per input.
pub(crate) fn rerun_with_fixed_malloc_thresholds() -> Option<u8> {
    const VAR: &str = "GLIBC_TUNABLES";
    if !cfg!(all(target_os = "linux", target_env = "gnu")) || std::env::var_os(VAR).is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(VAR, "glibc.malloc.mmap_threshold=131072")
        .status()
        .ok()?;
    // Killed by a signal: it printed what it could; the run failed.
    Some(
        status
            .code()
            .and_then(|c| u8::try_from(c).ok())
            .unwrap_or(2),
    )
}

/// One input's result as rendered, with the baseline's suppressions applied.
fn to_outcome(result: Result<AuditReport, FailedInput>, baseline: Option<&Baseline>) -> Outcome {
    match result {
        Ok(mut report) => {
            if let Some(b) = baseline {
                b.apply(&mut report);
            }
            Outcome::Audited(Box::new(report))
        }
        Err(f) => Outcome::Failed(f),
    }
}

/// How many workers audit at once, and the threads of each one's pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Workers {
    count: usize,
    threads_each: usize,
}

impl Workers {
    /// `threads` shared by the audits of `inputs` files: one worker per input up to the
    /// thread count, and the threads no worker needs go to the workers' own parallel
    /// phases, so one APK alone gets every thread (it used to run on one, at 1.6x the wall
    /// time of `sdkflow flows` on a two-core machine).
    fn split(threads: usize, inputs: usize) -> Workers {
        let count = threads.min(inputs).max(1);
        Workers {
            count,
            threads_each: (threads / count).max(1),
        }
    }
}

/// Audit `inputs` on `workers` and hand each result, with the input's index, to `sink` on
/// the calling thread as soon as it is done.
///
/// Each worker is its own rayon pool (one thread each when there are more inputs than
/// threads) and audits one input at a time, start to end. With one shared pool, a worker
/// waiting inside an app's parallel loop steals other work, which can be a whole other APK:
/// it then holds two apps at once (memory above the "largest single run × workers" bound)
/// and the first app waits for the second. Inputs are taken largest file first so a big
/// APK does not run alone at the end while the other workers are idle. A `sink` error
/// stops the workers after their current input.
fn audit_all(
    inputs: &[Input],
    ctx: &Ctx<'_>,
    workers: Workers,
    progress: &ProgressBar,
    mut sink: impl FnMut(usize, Result<AuditReport, FailedInput>) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut order: Vec<(u64, usize)> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (input.size(), i))
        .collect();
    // Largest first; equal sizes keep input order.
    order.sort_by_key(|&(size, i)| (std::cmp::Reverse(size), i));
    let jobs = workers.count;
    let pools = (0..jobs)
        .map(|_| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(workers.threads_each)
                .build()
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;
    let taken = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for pool in &pools {
            let tx = tx.clone();
            let (order, taken, stop) = (&order, &taken, &stop);
            scope.spawn(move || {
                pool.install(|| {
                    while !stop.load(Ordering::Relaxed) {
                        let Some(&(_, i)) = order.get(taken.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        let Some(input) = inputs.get(i) else { break };
                        if tx.send((i, audit_one(input, ctx))).is_err() {
                            break;
                        }
                    }
                });
            });
        }
        drop(tx);
        for (i, result) in rx {
            progress.inc(1);
            if let Err(e) = sink(i, result) {
                stop.store(true, Ordering::Relaxed);
                return Err(e);
            }
        }
        Ok(())
    })
}

/// `--format json` records written one by one to stdout or `--output FILE`.
struct LineWriter {
    out: Box<dyn Write>,
    name: String,
    /// stdout was closed (`sdkflow ... | head`): the rest is dropped, as [`emit`] does.
    closed: bool,
}

impl LineWriter {
    fn open(path: Option<&Path>) -> Result<LineWriter, Error> {
        Ok(match path {
            Some(p) if p.as_os_str() != "-" => LineWriter {
                out: Box::new(BufWriter::new(
                    std::fs::File::create(p).map_err(|e| Error::io(p.display(), e))?,
                )),
                name: p.display().to_string(),
                closed: false,
            },
            _ => LineWriter {
                out: Box::new(std::io::stdout()),
                name: "<stdout>".into(),
                closed: false,
            },
        })
    }

    fn write(&mut self, text: &str) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        match self.out.write_all(text.as_bytes()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(Error::io(&self.name, e)),
        }
    }

    fn finish(mut self) -> Result<(), Error> {
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe && !self.closed => {
                Err(Error::io(&self.name, e))
            }
            _ => Ok(()),
        }
    }
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
            catalog: audit::CatalogEntry::index(ctx.analyze.catalog()),
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

#[cfg(test)]
mod tests {
    use super::Workers;

    fn split(threads: usize, inputs: usize) -> (usize, usize) {
        let w = Workers::split(threads, inputs);
        (w.count, w.threads_each)
    }

    #[test]
    fn one_input_gets_every_thread() {
        assert_eq!(split(2, 1), (1, 2));
        assert_eq!(split(8, 1), (1, 8));
    }

    #[test]
    fn many_inputs_get_one_thread_each() {
        assert_eq!(split(2, 10), (2, 1));
        assert_eq!(split(1, 5), (1, 1));
    }

    #[test]
    fn spare_threads_are_shared_and_nothing_is_zero() {
        assert_eq!(split(8, 3), (3, 2));
        assert_eq!(split(4, 0), (1, 4));
    }
}
