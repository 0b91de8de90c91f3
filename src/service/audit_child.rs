//! Run one audit in a child process (`sdkflow audit APK --policy FILE --format json`) with
//! a wall-clock limit. A child can be killed when it runs out of time, which a thread
//! cannot; and whatever a hostile input does to the audit (a crash, memory growth) stays
//! in the child.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::job::JobOptions;

/// The largest report read from a child; larger is treated as a crash.
const MAX_REPORT: u64 = 256 * 1024 * 1024;
/// How much of the child's stderr is kept for the error message.
const MAX_STDERR: u64 = 64 * 1024;
/// How often the child is polled.
const POLL: Duration = Duration::from_millis(5);

/// How to start the audits.
#[derive(Debug, Clone)]
pub struct ChildOptions {
    /// The `sdkflow` executable.
    pub exe: PathBuf,
    /// Wall-clock limit of one audit.
    pub timeout: Duration,
    /// Extra signature folder (`audit --signatures`).
    pub signatures: Option<PathBuf>,
}

/// How an audit child ended.
#[derive(Debug)]
pub enum ChildOutcome {
    /// Exit 0 or 1 with its JSON report.
    Report {
        /// 0 clean, 1 a finding reaches `fail_on`.
        exit_code: u8,
        /// The report.
        report: serde_json::Value,
    },
    /// Exit 2: the audit refused the input; the error is its message.
    Failed(String),
    /// Killed at the wall-clock limit.
    TimedOut(Duration),
    /// Killed by a signal, an unexpected exit code or an unreadable report: nothing to
    /// record; the job is retried.
    Crashed(String),
}

/// Audit `apk` against `policy` with `job`'s options in a child process. `tick` is called
/// about every `tick_every` while the child runs (the worker's heartbeat).
pub fn run(
    opts: &ChildOptions,
    apk: &Path,
    policy: &Path,
    job: &JobOptions,
    tick_every: Duration,
    mut tick: impl FnMut(),
) -> ChildOutcome {
    let mut cmd = Command::new(&opts.exe);
    cmd.arg("audit")
        .arg(apk)
        .arg("--policy")
        .arg(policy)
        .args(["--format", "json", "--fail-on", job.fail_on.as_arg()])
        .args(["--min-confidence", job.min_confidence.as_arg()]);
    if job.no_flows {
        cmd.arg("--no-flows");
    }
    if let Some(dir) = &opts.signatures {
        cmd.arg("--signatures").arg(dir);
    }
    // Its own process group: a Ctrl-C or a group-wide SIGTERM meant for the worker (which
    // finishes its current job) does not kill the audit under it.
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return ChildOutcome::Crashed(format!("cannot start {}: {e}", opts.exe.display()));
        }
    };
    let stdout = child.stdout.take().map(|s| drain(s, MAX_REPORT));
    let stderr = child.stderr.take().map(|s| drain(s, MAX_STDERR));

    let start = Instant::now();
    let mut last_tick = start;
    let status = loop {
        // The limit is checked before the exit status, so a limit is a limit even when the
        // child would have ended in the same instant.
        if start.elapsed() >= opts.timeout {
            let _ = child.kill();
            let _ = child.wait();
            join(stdout);
            join(stderr);
            return ChildOutcome::TimedOut(opts.timeout);
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return ChildOutcome::Crashed(format!("cannot wait for the audit: {e}"));
            }
        }
        if last_tick.elapsed() >= tick_every {
            tick();
            last_tick = Instant::now();
        }
        std::thread::sleep(POLL);
    };
    let out = join(stdout);
    let err = join(stderr);
    let err_text = String::from_utf8_lossy(&err.bytes);
    let last_line = err_text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_start_matches("sdkflow: error: ").to_string());

    match status.code() {
        Some(code @ (0 | 1)) => {
            if out.truncated {
                return ChildOutcome::Crashed(format!("report larger than {MAX_REPORT} bytes"));
            }
            match serde_json::from_slice(&out.bytes) {
                Ok(report) => ChildOutcome::Report {
                    exit_code: code as u8,
                    report,
                },
                Err(e) => ChildOutcome::Crashed(format!("unreadable report from the audit: {e}")),
            }
        }
        Some(2) => {
            // One input: stdout holds its failed record; a policy error prints none.
            let from_record = serde_json::from_slice::<serde_json::Value>(&out.bytes)
                .ok()
                .and_then(|v| v.get("error")?.as_str().map(str::to_string));
            ChildOutcome::Failed(
                from_record
                    .or(last_line)
                    .unwrap_or_else(|| "the audit failed without a message".into()),
            )
        }
        Some(code) => ChildOutcome::Crashed(format!(
            "the audit exited with code {code}{}",
            last_line.map(|l| format!(": {l}")).unwrap_or_default()
        )),
        None => ChildOutcome::Crashed(format!(
            "the audit was killed by signal {}",
            status.signal().unwrap_or(0)
        )),
    }
}

struct Drained {
    bytes: Vec<u8>,
    truncated: bool,
}

/// Read a pipe to its end on a thread, keeping at most `limit` bytes (the rest is read
/// and dropped so the child never blocks on a full pipe).
fn drain<R: Read + Send + 'static>(mut r: R, limit: u64) -> std::thread::JoinHandle<Drained> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = r.by_ref().take(limit).read_to_end(&mut bytes);
        let rest = std::io::copy(&mut r, &mut std::io::sink()).unwrap_or(0);
        Drained {
            bytes,
            truncated: rest > 0,
        }
    })
}

fn join(handle: Option<std::thread::JoinHandle<Drained>>) -> Drained {
    handle.and_then(|h| h.join().ok()).unwrap_or(Drained {
        bytes: Vec::new(),
        truncated: false,
    })
}
