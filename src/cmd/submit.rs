//! `sdkflow submit`: add one audit job per APK to a Redis queue and print the job ids.

use std::path::{Path, PathBuf};

use sdkflow::Error;
use sdkflow::service::Queue;
use sdkflow::service::job::{ConfidenceName, FailOnName, JobOptions};

use super::audit::{ConfidenceArg, FailOnArg};

/// Arguments of `sdkflow submit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// APKs to audit, on storage the workers share (their paths are sent as absolute
    /// paths; symlinks and `..` are resolved by the worker, under its --root).
    #[arg(value_name = "APK", required = true)]
    pub apks: Vec<PathBuf>,
    /// Redis URL (`redis://host:6379/0`).
    #[arg(long, value_name = "URL")]
    pub redis: String,
    /// The privacy policy, on the same shared storage.
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,
    /// Key prefix of the queue.
    #[arg(long, default_value = "sdkflow", value_name = "NAME")]
    pub queue: String,
    /// A job's exit code is 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value_t = FailOnArg::High)]
    pub fail_on: FailOnArg,
    /// Ignore detections below this confidence.
    #[arg(long, value_enum, default_value_t = ConfidenceArg::Low)]
    pub min_confidence: ConfidenceArg,
    /// Skip the data-flow analysis.
    #[arg(long)]
    pub no_flows: bool,
}

/// Run the subcommand: one line per APK, `ID<TAB>PATH`.
pub fn run(args: Args) -> Result<u8, Error> {
    let options = JobOptions {
        fail_on: match args.fail_on {
            FailOnArg::High => FailOnName::High,
            FailOnArg::Medium => FailOnName::Medium,
            FailOnArg::Low => FailOnName::Low,
            FailOnArg::Never => FailOnName::Never,
        },
        min_confidence: match args.min_confidence {
            ConfidenceArg::Low => ConfidenceName::Low,
            ConfidenceArg::Medium => ConfidenceName::Medium,
            ConfidenceArg::High => ConfidenceName::High,
        },
        no_flows: args.no_flows,
    };
    let policy = shared_path(&args.policy)?;
    let apks = args
        .apks
        .iter()
        .map(|p| shared_path(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut queue = Queue::connect(&args.redis, &args.queue)?;
    let mut out = String::new();
    for apk in &apks {
        let id = queue.submit(apk, &policy, options)?;
        out.push_str(&format!("{id}\t{}\n", super::results::visible(apk)));
    }
    super::output::emit(&out, None)?;
    Ok(0)
}

/// The absolute form of a path that names an existing file, as UTF-8 (the job format is
/// JSON). Not canonicalised: the worker resolves it against its own roots.
fn shared_path(path: &Path) -> Result<String, Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&name, e))?;
    if !meta.is_file() {
        return Err(Error::Usage(format!("{name} is not a file")));
    }
    let absolute = std::path::absolute(path).map_err(|e| Error::io(&name, e))?;
    absolute
        .to_str()
        .map(str::to_string)
        .ok_or_else(|| Error::Usage(format!("{name}: path is not UTF-8")))
}
