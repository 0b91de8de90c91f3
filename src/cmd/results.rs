//! `sdkflow results`: print one record per job from a Redis queue's results stream.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
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
    let mut out = Output::open(args.output.as_deref())?;
    let mut code = 0;
    let mut line = String::new();
    queue.each_record(|r| {
        code = code.max(r.exit_code);
        line.clear();
        match args.format {
            ResultsFormat::Jsonl => {
                line.push_str(&r.to_json());
                line.push('\n');
            }
            ResultsFormat::Text => text_line(&mut line, &r),
            ResultsFormat::Reports => {
                let value = match r.report {
                    Some(report) => report,
                    None => serde_json::json!({
                        "schema_version": sdkflow::audit::SCHEMA_VERSION,
                        "source": r.apk,
                        "error": r.error,
                    }),
                };
                line.push_str(&value.to_string());
                line.push('\n');
            }
        }
        out.write(&line)
            .map_err(|e| sdkflow::service::ServiceError::Invalid(e.to_string()))
    })?;
    out.finish()?;
    Ok(code)
}

/// stdout or `--output FILE`, written record by record; a closed stdout (`| head`)
/// drops the rest silently, as the other subcommands do.
struct Output {
    out: Box<dyn Write>,
    name: String,
    closed: bool,
}

impl Output {
    fn open(path: Option<&std::path::Path>) -> Result<Output, Error> {
        Ok(match path {
            Some(p) if p.as_os_str() != "-" => Output {
                out: Box::new(BufWriter::new(
                    std::fs::File::create(p).map_err(|e| Error::io(p.display(), e))?,
                )),
                name: p.display().to_string(),
                closed: false,
            },
            _ => Output {
                out: Box::new(BufWriter::new(std::io::stdout())),
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
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.map_err(|e| Error::io(&self.name, e)),
        }
    }

    fn finish(mut self) -> Result<(), Error> {
        match self.out.flush() {
            Err(e) if !self.closed && e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Error::io(&self.name, e))
            }
            _ => Ok(()),
        }
    }
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
