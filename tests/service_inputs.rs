//! Jobs are untrusted input (issue 14): a worker reads APK and policy paths only under its
//! `--root` directories, and every audit has a wall-clock limit after which it is killed
//! and recorded as failed.

mod service_support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use sdkflow::service::{Record, Status};
use service_support::*;

fn record<'a>(records: &'a [Record], id: &str) -> &'a Record {
    records
        .iter()
        .find(|r| r.job == id)
        .unwrap_or_else(|| panic!("no record for job {id}"))
}

#[test]
fn job_paths_outside_the_roots_are_refused() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let (root, outside) = (tmp.path().join("root"), tmp.path().join("outside"));
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let apk = sample_apk("basic");
    for dir in [&root, &outside] {
        std::fs::copy(&apk, dir.join("app.apk")).unwrap();
        std::fs::copy(policy(), dir.join("policy.md")).unwrap();
    }
    std::os::unix::fs::symlink(outside.join("app.apk"), root.join("link-out.apk")).unwrap();
    std::os::unix::fs::symlink(outside.join("policy.md"), root.join("link-out.md")).unwrap();
    std::os::unix::fs::symlink(root.join("app.apk"), root.join("sub/link-in.apk")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("dir-out")).unwrap();
    let fifo = root.join("fifo.apk");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );

    let inside_policy = root.join("policy.md");
    let submit_one =
        |apk: &Path, policy: &Path| submit(&server, policy, &[apk.to_path_buf()], &[])[0].clone();
    let dotdot = submit_one(&root.join("sub/../../outside/app.apk"), &inside_policy);
    let dotdot_inside = submit_one(&root.join("sub/../app.apk"), &inside_policy);
    let link_out = submit_one(&root.join("link-out.apk"), &inside_policy);
    let dir_link_out = submit_one(&root.join("dir-out/app.apk"), &inside_policy);
    let absolute_out = submit_one(&outside.join("app.apk"), &inside_policy);
    let policy_out = submit_one(&root.join("app.apk"), &outside.join("policy.md"));
    let policy_link_out = submit_one(&root.join("app.apk"), &root.join("link-out.md"));
    let link_in = submit_one(&root.join("sub/link-in.apk"), &inside_policy);
    let plain = submit_one(&root.join("app.apk"), &inside_policy);
    // What `submit` refuses to send, a hostile writer to the queue can still send.
    let mut q = server.queue();
    let raw = [
        (
            "relative",
            format!(
                r#"{{"id":"relative","apk":"root/app.apk","policy":{:?}}}"#,
                inside_policy
            ),
        ),
        (
            "fifo",
            format!(
                r#"{{"id":"fifo","apk":{:?},"policy":{:?}}}"#,
                fifo, inside_policy
            ),
        ),
        (
            "root-dir",
            format!(
                r#"{{"id":"root-dir","apk":{:?},"policy":{:?}}}"#,
                root, inside_policy
            ),
        ),
        (
            "missing",
            format!(
                r#"{{"id":"missing","apk":{:?},"policy":{:?}}}"#,
                root.join("nope.apk"),
                inside_policy
            ),
        ),
        (
            "hostile",
            format!(
                r#"{{"id":"hostile","apk":"{}/\u001b]0;pwned\u0007\u001b[31m\u202e.apk","policy":{:?}}}"#,
                root.display(),
                inside_policy
            ),
        ),
    ];
    for (id, payload) in &raw {
        q.push_raw(payload.as_bytes()).unwrap();
        q.mark_submitted(id).unwrap();
    }

    let w = Worker::start(&server, "w", &[root.as_path()], &[], logs.path());
    let (records, _) = wait_results(&server, "300s");
    let log = w.log_text();
    assert_eq!(w.terminate(), Some(0), "{log}");

    let refused = |id: &str, why: &str| {
        let r = record(&records, id);
        assert_eq!((r.status, r.exit_code), (Status::Failed, 2), "{id}: {r:?}");
        let error = r.error.as_deref().unwrap_or_default();
        assert!(error.contains(why), "{id}: {error:?} should say {why:?}");
        assert!(r.report.is_none());
    };
    refused(&dotdot, "contains `..`");
    refused(&dotdot_inside, "contains `..`");
    refused(&link_out, "outside the worker's roots");
    refused(&dir_link_out, "outside the worker's roots");
    refused(&absolute_out, "outside the worker's roots");
    refused(&policy_out, "policy path");
    refused(&policy_link_out, "outside the worker's roots");
    refused("relative", "is not absolute");
    refused("fifo", "is not a regular file");
    refused("root-dir", "is not a regular file");
    refused("missing", "No such file");
    refused("hostile", "No such file");
    // The text listing shows the hostile path inert: no escape sequence reaches a terminal.
    let text = Command::new(exe())
        .args(["results", "--redis", &server.url(), "--format", "text"])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    let line = text.lines().find(|l| l.starts_with("hostile\t")).unwrap();
    assert!(
        line.contains("\\u{1b}]0;pwned\\u{7}\\u{1b}[31m\\u{202e}.apk"),
        "{line}"
    );
    assert!(
        !text
            .chars()
            .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}')
    );
    for id in [&link_in, &plain] {
        let r = record(&records, id);
        assert_eq!(r.status, Status::Audited, "{id}: {r:?}");
        let source = &r.report.as_ref().unwrap()["app"]["source"];
        let canonical = root.canonicalize().unwrap().join("app.apk");
        assert_eq!(source, &canonical.display().to_string());
    }
}

#[test]
fn the_wall_clock_limit_kills_the_audit_and_records_a_failure() {
    let server = RedisServer::start(false);
    let logs = tempfile::tempdir().unwrap();
    let apk = registry_apks().into_iter().next().unwrap();
    let ids = submit(&server, &policy(), &[apk], &[]);
    // A limit of zero is over before any audit can end: the worker checks the limit
    // before the child's exit status, so this is the kill path every time.
    let (corpus, repo) = (corpus_dir(), repo());
    let w = Worker::start(
        &server,
        "w",
        &[&corpus, &repo],
        &["--job-timeout", "0s"],
        logs.path(),
    );
    let (records, code) = wait_results(&server, "300s");
    // The audit is not left running: the worker has no child once the record is out.
    wait_until(
        Duration::from_secs(30),
        "the killed audit to be reaped",
        || children_of(w.pid()).is_empty(),
    );
    let log = w.log_text();
    assert_eq!(w.terminate(), Some(0), "{log}");

    assert_eq!(code, 2);
    let r = record(&records, &ids[0]);
    assert_eq!(
        (r.status, r.exit_code, r.deliveries),
        (Status::Failed, 2, 1)
    );
    let error = r.error.as_deref().unwrap();
    assert!(error.contains("exceeded the wall-clock limit"), "{error}");
    let (_, missing) = server.queue().progress().unwrap();
    assert_eq!(
        missing, 0,
        "the timed-out job is recorded and acknowledged, not retried"
    );
}
