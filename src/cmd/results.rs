//! `sdkflow results`: print one record per job from a Redis queue's results stream.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use sdkflow::Error;
use sdkflow::service::{Queue, Record, Status};

/// Arguments of `sdkflow results`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Redis URL (`redis://host:6379/0`).
    #[arg(long, value_name = "URL")]
    pub redis: String,
    /// Key prefix of the queue.
    #[arg(long, default_value = "sdkflow", value_name = "NAME")]
    pub queue: String,
    /// Wait until every submitted job has its record.
    #[arg(long)]
    pub wait: bool,
    /// With --wait, give up (exit 2) after this long.
    #[arg(long, value_parser = humantime::parse_duration, value_name = "DURATION")]
    pub timeout: Option<Duration>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ResultsFormat::Jsonl)]
    pub format: ResultsFormat,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsFormat {
    /// One JSON record per line (`docs/scale.md`); the same lines `summary` reads.
    Jsonl,
    /// One line per job for people: id, status, exit code, APK, counts or error.
    Text,
    /// The reports alone, as JSON Lines like `audit --format json` on several inputs (a
    /// failed job gives its `source`/`error` record).
    Reports,
}

/// Run the subcommand. Exit code: the highest of the jobs' exit codes (0 all clean, 1 a
/// job has findings at its `fail_on`, 2 a job failed), or 2 when --wait timed out.
pub fn run(args: Args) -> Result<u8, Error> {
    let mut queue = Queue::connect(&args.redis, &args.queue)?;
    if args.wait {
        let start = Instant::now();
        loop {
            let (total, missing) = queue.progress()?;
            if missing == 0 {
                break;
            }
            if args.timeout.is_some_and(|t| start.elapsed() >= t) {
                return Err(Error::Usage(format!(
                    "timed out: {missing} of {total} submitted jobs have no record yet"
                )));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }
    let records = queue.records()?;
    let mut out = String::new();
    for r in &records {
        match args.format {
            ResultsFormat::Jsonl => {
                out.push_str(&r.to_json());
                out.push('\n');
            }
            ResultsFormat::Text => text_line(&mut out, r),
            ResultsFormat::Reports => {
                let value = match &r.report {
                    Some(report) => report.clone(),
                    None => serde_json::json!({
                        "schema_version": sdkflow::audit::SCHEMA_VERSION,
                        "source": r.apk,
                        "error": r.error,
                    }),
                };
                out.push_str(&value.to_string());
                out.push('\n');
            }
        }
    }
    super::output::emit(&out, args.output.as_deref())?;
    Ok(records.iter().map(|r| r.exit_code).max().unwrap_or(0))
}

fn text_line(out: &mut String, r: &Record) {
    let status = match r.status {
        Status::Audited => "audited",
        Status::Failed => "failed",
        Status::DeadLetter => "dead-letter",
    };
    let detail = match (r.counts(), &r.error) {
        (Some((h, m, l)), _) => format!("high {h}, medium {m}, low {l}"),
        (None, Some(e)) => visible(e),
        (None, None) => String::new(),
    };
    let _ = writeln!(
        out,
        "{}\t{status}\t{}\t{}\t{detail}",
        visible(&r.job),
        r.exit_code,
        visible(&r.apk)
    );
}

/// Text from a job (paths, errors) made inert for a terminal (`report::sanitize::text`):
/// a hostile file name cannot drive the terminal.
pub fn visible(s: &str) -> String {
    sdkflow::report::sanitize::text(s).into_owned()
}
