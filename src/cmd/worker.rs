//! `sdkflow worker`: audit jobs from a Redis queue until SIGTERM (or Ctrl-C), which
//! finishes the jobs in hand and stops. A second signal stops at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use sdkflow::Error;
use sdkflow::service::audit_child::ChildOptions;
use sdkflow::service::{Roots, WorkerOptions};

/// Arguments of `sdkflow worker`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Redis URL (`redis://host:6379/0`).
    #[arg(long, value_name = "URL")]
    pub redis: String,
    /// Directory under which job APKs and policies may be read; repeatable. Job paths
    /// resolving anywhere else (`..`, symlinks out) are refused.
    #[arg(long, value_name = "DIR", required = true)]
    pub root: Vec<PathBuf>,
    /// Key prefix of the queue.
    #[arg(long, default_value = "sdkflow", value_name = "NAME")]
    pub queue: String,
    /// Consumer group shared by the workers.
    #[arg(long, default_value = "workers", value_name = "G")]
    pub group: String,
    /// Consumer name (default: host name and process id).
    #[arg(long, value_name = "NAME")]
    pub consumer: Option<String>,
    /// Jobs audited at once, each in its own child process.
    #[arg(long, short, default_value_t = 1, value_name = "N")]
    pub jobs: usize,
    /// Wall-clock limit of one audit; a job over it is killed and recorded as failed.
    #[arg(long, default_value = "10m", value_parser = humantime::parse_duration, value_name = "DURATION")]
    pub job_timeout: Duration,
    /// A job pending this long without its worker's heartbeat (the worker died) is
    /// claimed by another worker.
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration, value_name = "DURATION")]
    pub claim_idle: Duration,
    /// A job delivered this many times without a record goes to the dead-letter stream.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub max_deliveries: u64,
    /// Extra SDK signature folder, as for `audit --signatures`.
    #[arg(long, value_name = "DIR")]
    pub signatures: Option<PathBuf>,
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    if args.jobs == 0 {
        return Err(Error::Usage("--jobs must be at least 1".into()));
    }
    if args.max_deliveries == 0 {
        return Err(Error::Usage("--max-deliveries must be at least 1".into()));
    }
    if args.claim_idle < Duration::from_millis(300) {
        // The heartbeat runs every third of it; shorter would be claimed from live workers.
        return Err(Error::Usage("--claim-idle must be at least 300ms".into()));
    }
    let roots = Roots::new(&args.root).map_err(Error::Usage)?;
    let exe = std::env::current_exe().map_err(|e| Error::io("<current executable>", e))?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        // The first signal sets `stop`; a second one, with `stop` set, exits at once.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&stop)))
            .map_err(|e| Error::io("<signal handler>", e))?;
    }
    let options = WorkerOptions {
        redis_url: args.redis,
        prefix: args.queue,
        group: args.group,
        consumer: args.consumer.unwrap_or_else(default_consumer),
        jobs: args.jobs,
        roots,
        child: ChildOptions {
            exe,
            timeout: args.job_timeout,
            signatures: args.signatures,
        },
        claim_idle: args.claim_idle,
        max_deliveries: args.max_deliveries,
        catalog: sdkflow::catalog::EMBEDDED_VERSION.to_string(),
    };
    let log = |line: &str| eprintln!("sdkflow worker: {}", super::results::visible(line));
    sdkflow::service::run_worker(&options, &stop, &log)?;
    Ok(0)
}

/// `HOST-PID`: unique per worker process, and the pod name under Kubernetes.
fn default_consumer() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "worker".into());
    format!("{host}-{}", std::process::id())
}
