//! Workers on a real Redis: two workers share a queue of real APKs (the samples and the
//! registry APKs) and every job is done exactly once; SIGTERM finishes the job in hand and
//! stops. `redis-server` runs on 127.0.0.1 on a free port in a temporary directory.

mod service_support;

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

use sdkflow::service::Status;
use service_support::*;

#[test]
fn two_workers_share_a_queue_and_every_job_is_done_exactly_once() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let mut apks = sample_apks();
    apks.extend(registry_apks());
    let ids = submit(&server, &policy(), &apks, &[]);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "ids are unique"
    );

    let roots = [repo(), corpus_dir()];
    let roots: Vec<&std::path::Path> = roots.iter().map(|p| p.as_path()).collect();
    let a = Worker::start(&server, "a", &roots, &["-j", "1"], logs.path());
    let b = Worker::start(&server, "b", &roots, &["-j", "1"], logs.path());
    let (records, code) = wait_results(&server, "1200s");
    let (log_a, log_b) = (a.log_text(), b.log_text());
    assert_eq!(
        a.terminate(),
        Some(0),
        "worker a exits 0 on SIGTERM: {log_a}"
    );
    assert_eq!(
        b.terminate(),
        Some(0),
        "worker b exits 0 on SIGTERM: {log_b}"
    );

    // Exactly once: one record per job, and no second record was ever written.
    let jobs: Vec<&str> = records.iter().map(|r| r.job.as_str()).collect();
    assert_eq!(
        jobs.iter().copied().collect::<BTreeSet<_>>(),
        ids.iter().map(String::as_str).collect::<BTreeSet<_>>()
    );
    assert_eq!(records.len(), ids.len());
    assert_eq!(server.queue().results_len().unwrap(), ids.len());

    for (id, apk) in ids.iter().zip(&apks) {
        let r = records.iter().find(|r| &r.job == id).unwrap();
        assert_eq!(
            r.status,
            Status::Audited,
            "{}: {:?}",
            apk.display(),
            r.error
        );
        assert_eq!(r.deliveries, 1);
        assert!(r.worker == "a" || r.worker == "b");
        assert_eq!(r.catalog, sdkflow::catalog::EMBEDDED_VERSION);
        let report = r.report.as_ref().unwrap();
        // The record is this job's report: the audit saw the job's APK (canonical path).
        let canonical = apk.canonicalize().unwrap();
        assert_eq!(report["app"]["source"], canonical.display().to_string());
        // Exit code semantics of `audit --fail-on high`.
        let high = report["summary"]["high"].as_u64().unwrap();
        assert_eq!(r.exit_code, u8::from(high > 0), "{}", apk.display());
    }
    assert_eq!(code, i32::from(records.iter().any(|r| r.exit_code == 1)));

    // The record's report is what `sdkflow audit` prints for that APK.
    let apk = sample_apk("multidex").canonicalize().unwrap();
    let out = Command::new(exe())
        .arg("audit")
        .arg(&apk)
        .arg("--policy")
        .arg(policy().canonicalize().unwrap())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let direct: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = records
        .iter()
        .find(|r| r.report.as_ref().unwrap()["app"]["source"] == apk.display().to_string())
        .unwrap();
    assert_eq!(r.report.as_ref(), Some(&direct));
}

#[test]
fn sigterm_finishes_the_job_in_hand_and_stops() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    // The largest registry APKs, so the worker is mid-job when it is signalled.
    let mut apks = registry_apks();
    apks.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).unwrap().len()));
    apks.truncate(3);
    submit(&server, &policy(), &apks, &[]);
    let (corpus, repo) = (corpus_dir(), repo());
    let w = Worker::start(&server, "w", &[&corpus, &repo], &[], logs.path());

    wait_until(Duration::from_secs(120), "the worker's audit child", || {
        !children_of(w.pid()).is_empty()
    });
    // Stopped, the worker cannot finish anything: it holds exactly one unrecorded job
    // (its child, even if exited, is not reaped yet).
    signal(w.pid(), "STOP");
    assert!(!children_of(w.pid()).is_empty());
    let before = server.queue().records().unwrap().len();
    signal(w.pid(), "TERM");
    signal(w.pid(), "CONT");
    let log = w.log_text();
    assert_eq!(w.wait_exit(), Some(0), "{log}");

    let records = server.queue().records().unwrap();
    assert_eq!(
        records.len(),
        before + 1,
        "the job in hand is finished and no other is taken"
    );
    assert!(
        records
            .iter()
            .all(|r| r.status == Status::Audited && r.deliveries == 1)
    );
    let (total, missing) = server.queue().progress().unwrap();
    assert_eq!((total, missing), (3, 3 - records.len()));
}

#[test]
fn version_names_the_signature_catalogue() {
    let out = Command::new(exe()).arg("--version").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let files = std::fs::read_dir(repo().join("sdk-signatures/sdks"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .count();
    assert!(
        text.starts_with(&format!(
            "sdkflow {} (catalogue: {files} signatures, data ",
            env!("CARGO_PKG_VERSION")
        )),
        "{text}"
    );
    assert!(text.contains(sdkflow::catalog::EMBEDDED_VERSION), "{text}");
    // The hash is 16 hex digits.
    let hash = text
        .trim()
        .trim_end_matches(')')
        .rsplit(' ')
        .next()
        .unwrap();
    assert!(
        hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{text}"
    );
}
