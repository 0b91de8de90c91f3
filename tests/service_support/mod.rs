//! Shared helpers for the `service_*` tests: a real `redis-server` on 127.0.0.1 on a free
//! port in a temporary directory, worker processes, and reading the queue. Every process
//! started here is killed when its guard drops, also when a test fails.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sdkflow::service::{Queue, Record};

#[path = "../common/mod.rs"]
mod common;
pub use common::{corpus_dir, repo, sample_apk};

/// The sdkflow binary under test.
pub fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_sdkflow")
}

/// A `redis-server` child; killed on drop.
pub struct RedisServer {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Option<Child>,
    aof: bool,
}

impl RedisServer {
    /// Start one, with the append-only file on (fsync every write) when `aof`.
    pub fn start(aof: bool) -> RedisServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let mut server = RedisServer {
            port,
            dir,
            child: None,
            aof,
        };
        server.spawn();
        server
    }

    fn spawn(&mut self) {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string()])
            .arg("--dir")
            .arg(self.dir.path())
            .args(["--save", "", "--protected-mode", "yes", "--daemonize", "no"])
            .args(if self.aof {
                ["--appendonly", "yes", "--appendfsync", "always"]
            } else {
                ["--appendonly", "no", "--appendfsync", "no"]
            })
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "redis-server must be installed (`apt-get install redis-server`; .ci/run does)",
            );
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ping = redis::Client::open(self.url().as_str())
                .and_then(|c| c.get_connection_with_timeout(Duration::from_secs(1)))
                .and_then(|mut con| redis::cmd("PING").query::<String>(&mut con));
            if ping.is_ok() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "redis-server did not answer on port {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `redis://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Stop the server the way an operator would (SIGTERM: it flushes the AOF and exits)
    /// and start it again on the same port and directory.
    pub fn restart(&mut self) {
        if let Some(mut child) = self.child.take() {
            signal(child.id(), "TERM");
            let deadline = Instant::now() + Duration::from_secs(20);
            while child.try_wait().ok().flatten().is_none() {
                assert!(
                    Instant::now() < deadline,
                    "redis-server did not stop on SIGTERM"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        self.spawn();
    }

    /// A queue connection.
    pub fn queue(&self) -> Queue {
        Queue::connect(&self.url(), "sdkflow").expect("connect to the test redis")
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A port nobody listens on now (the OS picks it).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr").port()
}

/// Send a signal with kill(1) (the crate forbids the unsafe a direct call needs).
pub fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status();
}

/// The processes whose parent is `pid`.
pub fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in dir.flatten() {
        let Some(child) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(child);
        }
    }
    out
}

/// A `sdkflow worker` process; killed (with its audit children) on drop.
pub struct Worker {
    child: Option<Child>,
    pub consumer: String,
    pub log: PathBuf,
}

impl Worker {
    /// Start a worker named `consumer` with `--root` for each of `roots` and `extra`
    /// options. Its log goes to `log_dir/consumer.log`.
    pub fn start(
        server: &RedisServer,
        consumer: &str,
        roots: &[&Path],
        extra: &[&str],
        log_dir: &Path,
    ) -> Worker {
        let log = log_dir.join(format!("{consumer}.log"));
        let mut cmd = Command::new(exe());
        cmd.args(["worker", "--redis", &server.url(), "--consumer", consumer]);
        for root in roots {
            cmd.arg("--root").arg(root);
        }
        cmd.args(extra);
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("worker log"))
            .spawn()
            .expect("start sdkflow worker");
        Worker {
            child: Some(child),
            consumer: consumer.to_string(),
            log,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// SIGTERM, then wait (bounded) for its exit code.
    pub fn terminate(self) -> Option<i32> {
        signal(self.pid(), "TERM");
        self.wait_exit()
    }

    /// Wait (bounded) for its exit code; a signal was already sent.
    pub fn wait_exit(mut self) -> Option<i32> {
        let mut child = self.child.take()?;
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                kill_tree(&mut child);
                panic!("worker did not stop within 300 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL the worker and its audit child, as when its machine dies.
    pub fn kill(mut self) {
        if let Some(mut child) = self.child.take() {
            kill_tree(&mut child);
        }
    }

    /// The worker's log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn kill_tree(child: &mut Child) {
    let children = children_of(child.id());
    let _ = child.kill();
    let _ = child.wait();
    for pid in children {
        signal(pid, "KILL");
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_tree(&mut child);
        }
    }
}

/// `sdkflow submit` the APKs against `policy`; returns the job ids in order.
pub fn submit(
    server: &RedisServer,
    policy: &Path,
    apks: &[PathBuf],
    extra: &[&str],
) -> Vec<String> {
    let out = Command::new(exe())
        .args(["submit", "--redis", &server.url(), "--policy"])
        .arg(policy)
        .args(extra)
        .args(apks)
        .output()
        .expect("run sdkflow submit");
    assert!(
        out.status.success(),
        "submit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids.len(), apks.len(), "one id per APK: {stdout}");
    ids
}

/// `sdkflow results --wait` (bounded) as parsed records, and its exit code.
pub fn wait_results(server: &RedisServer, timeout: &str) -> (Vec<Record>, i32) {
    let out = Command::new(exe())
        .args([
            "results",
            "--redis",
            &server.url(),
            "--wait",
            "--timeout",
            timeout,
        ])
        .output()
        .expect("run sdkflow results");
    let code = out.status.code().unwrap_or(-1);
    // Exit 2 is also "a job failed"; a failure of `results` itself says so on stderr.
    assert!(
        out.stderr.is_empty(),
        "results --wait failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a record"))
        .collect();
    (records, code)
}

/// Poll `check` every 50 ms until it is true; panic with `what` after `limit`.
pub fn wait_until(limit: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every registry APK of the corpus (fails with instructions when it was not fetched).
pub fn registry_apks() -> Vec<PathBuf> {
    let dir = common::corpus("apk");
    let mut apks: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus apk dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "apk"))
        .collect();
    apks.sort();
    assert!(
        !apks.is_empty(),
        "no APK in {}: run `bash .ci/run` first",
        dir.display()
    );
    apks
}

/// The committed sample APKs.
pub fn sample_apks() -> Vec<PathBuf> {
    let mut apks: Vec<PathBuf> = std::fs::read_dir(repo().join("samples/apk"))
        .expect("samples/apk")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "apk"))
        .collect();
    apks.sort();
    apks
}

/// The sample policy every test audits against.
pub fn policy() -> PathBuf {
    repo().join("samples/policies/demo-shop.md")
}
