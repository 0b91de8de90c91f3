//! What a queue survives: a worker killed mid-job (the job is reclaimed and finished), a
//! job whose every delivery dies (dead-lettered after N), an unreadable payload
//! (dead-lettered at once) and a Redis restart (the append-only file keeps the queue).

mod service_support;

use std::path::PathBuf;
use std::time::Duration;

use sdkflow::service::Status;
use service_support::*;

/// The largest registry APK: its audit takes long enough to be caught mid-job.
fn big_apk() -> PathBuf {
    registry_apks()
        .into_iter()
        .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .unwrap()
}

fn roots() -> [PathBuf; 2] {
    [corpus_dir(), repo()]
}

/// Start a worker, wait until it is auditing, then kill it and its audit like a machine
/// that dies. Asserts the job had no record yet, so the kill really was mid-job.
fn kill_mid_job(server: &RedisServer, name: &str, extra: &[&str], logs: &std::path::Path) {
    let [corpus, repo] = roots();
    let w = Worker::start(server, name, &[&corpus, &repo], extra, logs);
    wait_until(Duration::from_secs(120), "the worker's audit child", || {
        !children_of(w.pid()).is_empty()
    });
    // Stop the audit itself first: from here on nothing can finish the job.
    for child in children_of(w.pid()) {
        signal(child, "STOP");
    }
    signal(w.pid(), "STOP");
    assert!(
        server.queue().records().unwrap().is_empty(),
        "the job finished before the kill; {}",
        w.log_text()
    );
    w.kill();
}

#[test]
fn a_worker_killed_mid_job_loses_nothing() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let ids = submit(&server, &policy(), &[big_apk()], &[]);
    kill_mid_job(&server, "doomed", &["--claim-idle", "1s"], logs.path());

    let [corpus, repo] = roots();
    let rescuer = Worker::start(
        &server,
        "rescuer",
        &[&corpus, &repo],
        &["--claim-idle", "1s"],
        logs.path(),
    );
    let (records, _) = wait_results(&server, "600s");
    let log = rescuer.log_text();
    assert_eq!(rescuer.terminate(), Some(0), "{log}");

    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.job, ids[0]);
    assert_eq!(r.status, Status::Audited, "{:?}", r.error);
    assert_eq!(r.worker, "rescuer");
    assert_eq!(
        r.deliveries, 2,
        "delivered to the dead worker, then claimed"
    );
    assert!(r.report.is_some());
    assert_eq!(server.queue().results_len().unwrap(), 1);
}

#[test]
fn a_job_whose_deliveries_keep_dying_goes_to_the_dead_letter_stream() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let ids = submit(&server, &policy(), &[big_apk()], &[]);
    let opts = ["--claim-idle", "1s", "--max-deliveries", "2"];
    kill_mid_job(&server, "first", &opts, logs.path());
    kill_mid_job(&server, "second", &opts, logs.path());

    let [corpus, repo] = roots();
    let third = Worker::start(&server, "third", &[&corpus, &repo], &opts, logs.path());
    let (records, code) = wait_results(&server, "600s");
    let log = third.log_text();
    assert_eq!(third.terminate(), Some(0), "{log}");

    assert_eq!(code, 2);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(
        (r.job.as_str(), r.status, r.exit_code),
        (ids[0].as_str(), Status::DeadLetter, 2)
    );
    assert_eq!(r.deliveries, 3);
    let error = r.error.as_deref().unwrap();
    assert!(error.contains("given up after 2 deliveries"), "{error}");
    let dead = server.queue().dead_letters().unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].0, ids[0]);
    assert_eq!(dead[0].1, error);
}

#[test]
fn a_poison_payload_is_dead_lettered_and_the_queue_goes_on() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let mut q = server.queue();
    q.push_raw(b"{\"not\": \"a job").unwrap();
    q.push_raw(br#"{"id":"p1","apk":"/x.apk","policy":"/p.md","run":"sh -c reboot"}"#)
        .unwrap();
    q.mark_submitted("p1").unwrap();
    let ids = submit(&server, &policy(), &[sample_apk("basic")], &[]);

    let [corpus, repo] = roots();
    let w = Worker::start(&server, "w", &[&corpus, &repo], &[], logs.path());
    let (records, _) = wait_results(&server, "300s");
    let log = w.log_text();
    assert_eq!(w.terminate(), Some(0), "{log}");

    let poison = records.iter().find(|r| r.job == "p1").unwrap();
    assert_eq!((poison.status, poison.exit_code), (Status::DeadLetter, 2));
    assert!(
        poison.error.as_deref().unwrap().contains("unknown field"),
        "{poison:?}"
    );
    let good = records.iter().find(|r| r.job == ids[0]).unwrap();
    assert_eq!(good.status, Status::Audited);
    let dead = q.dead_letters().unwrap();
    assert_eq!(dead.len(), 2, "both poison entries: {dead:?}");
    assert!(
        dead.iter()
            .any(|(id, e)| id.is_empty() && e.contains("unreadable job payload"))
    );
    assert!(dead.iter().any(|(id, _)| id == "p1"));
}

#[test]
fn redis_restarted_with_aof_keeps_the_queue() {
    let mut server = RedisServer::start(true);
    let logs = tempfile::tempdir().unwrap();
    let apks = sample_apks();
    let ids = submit(&server, &policy(), &apks, &[]);
    server.restart();

    let [corpus, repo] = roots();
    let w = Worker::start(&server, "w", &[&corpus, &repo], &[], logs.path());
    let (records, _) = wait_results(&server, "600s");
    let log = w.log_text();
    assert_eq!(w.terminate(), Some(0), "{log}");
    assert_eq!(records.len(), ids.len());
    assert!(
        records.iter().all(|r| r.status == Status::Audited),
        "{records:?}"
    );

    // The results survive a restart too, and a new submission gets a new id.
    server.restart();
    assert_eq!(server.queue().records().unwrap(), records);
    let more = submit(&server, &policy(), &apks[..1], &[]);
    assert!(!ids.contains(&more[0]));
}

#[test]
fn a_job_recorded_twice_has_one_record() {
    // Two workers that both audited the same job (the first was partitioned away, not
    // dead, and came back): the second record is dropped in the step that acknowledges.
    let server = RedisServer::start(false);
    let mut q = server.queue();
    q.ensure_group("workers").unwrap();
    let id = q
        .submit("/store/a.apk", "/store/p.md", Default::default())
        .unwrap();
    let first = q
        .read_new("workers", "slow", Duration::from_millis(100))
        .unwrap()
        .unwrap();
    assert!(
        q.read_new("workers", "fast", Duration::from_millis(100))
            .unwrap()
            .is_none()
    );
    let claimed = q
        .claim_abandoned("workers", "fast", Duration::from_millis(0))
        .unwrap()
        .unwrap();
    assert_eq!(
        (claimed.entry.as_str(), claimed.deliveries),
        (first.entry.as_str(), 2)
    );
    let record = |worker: &str| sdkflow::service::Record {
        job: id.clone(),
        status: Status::Failed,
        exit_code: 2,
        apk: "/store/a.apk".into(),
        report: None,
        error: Some(format!("from {worker}")),
        worker: worker.into(),
        deliveries: 1,
        catalog: String::new(),
        seconds: 0.0,
    };
    assert!(
        q.finish("workers", &claimed.entry, Some(&record("fast")), None)
            .unwrap()
    );
    assert!(
        !q.finish("workers", &first.entry, Some(&record("slow")), None)
            .unwrap()
    );
    let records = q.records().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].worker, "fast");
    assert_eq!(q.results_len().unwrap(), 1);
    assert!(q.is_done(&id).unwrap());
    assert_eq!(q.progress().unwrap(), (1, 0));
}

#[test]
fn a_queue_connection_survives_a_redis_restart() {
    // A worker's connection dropped by a Redis restart (or failed with EINTR after the
    // process was stopped and continued) reconnects instead of failing the worker.
    let mut server = RedisServer::start(true);
    let mut q = server.queue();
    q.ensure_group("workers").unwrap();
    let id = q
        .submit("/store/a.apk", "/store/p.md", Default::default())
        .unwrap();
    server.restart();
    let delivery = q
        .read_new("workers", "after-restart", Duration::from_millis(100))
        .expect("the same Queue reconnects")
        .expect("the job survived the restart");
    assert!(!delivery.entry.is_empty());
    assert!(!q.is_done(&id).unwrap());
}
