//! Batch audits (`sdkflow audit DIR --jobs N`): inputs are scheduled largest first on
//! separate workers and JSON Lines are streamed as records complete; none of that may show
//! in the output. Real registry APKs of different sizes go through the full pipeline.

mod common;

use std::path::Path;

const POLICY: &str = "samples/policies/demo-shop.md";

/// A directory where the sorted (output) order is not the size (scheduling) order:
/// `a-` is the smallest APK, `b-` the largest, `c-` in between, `d-` not an APK at all.
fn batch_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = [
        (
            "a-small.apk",
            "apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-debug-androidTest.apk",
        ),
        (
            "b-large.apk",
            "apk/pypi__uiautomator2cache==0.3.1__uiautomator2cache_cache_app-uiautomator-test.apk-652bf9e13c_app-uiautomator-test.apk",
        ),
        (
            "c-mid.apk",
            "apk/pypi__uiautomator==1.0.2__uiautomator_libs_app-uiautomator-test.apk",
        ),
    ];
    for (name, rel) in inputs {
        std::fs::copy(common::corpus(rel), dir.path().join(name)).expect("copy");
    }
    std::fs::write(dir.path().join("d-broken.apk"), "not a zip").expect("write");
    let size = |n: &str| std::fs::metadata(dir.path().join(n)).expect("stat").len();
    assert!(
        size("a-small.apk") < size("c-mid.apk") && size("c-mid.apk") < size("b-large.apk"),
        "the inputs no longer differ in size the way this test needs"
    );
    dir
}

fn audit(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let policy = common::repo().join(POLICY).display().to_string();
    let dir = dir.display().to_string();
    let mut args = vec![
        "audit",
        dir.as_str(),
        "--policy",
        policy.as_str(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    common::sdkflow(&args)
}

#[test]
fn records_come_in_input_order_whatever_the_schedule() {
    let dir = batch_dir();
    let (code, out, err) = audit(dir.path(), &["--jobs", "2"]);
    assert_eq!(code, 2, "the broken input makes the run exit 2: {err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect();
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            let source = r["app"]["source"]
                .as_str()
                .or_else(|| r["source"].as_str())
                .unwrap_or_else(|| panic!("record without a source: {r}"));
            Path::new(source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        names,
        ["a-small.apk", "b-large.apk", "c-mid.apk", "d-broken.apk"]
    );
    assert!(records[3]["error"].is_string(), "{}", records[3]);
    assert!(err.contains("d-broken.apk"), "{err}");
}

#[test]
fn streamed_output_equals_the_collected_output_and_one_worker() {
    let dir = batch_dir();
    // Streamed: JSON Lines to stdout on two workers.
    let (code2, streamed, _) = audit(dir.path(), &["--jobs", "2"]);
    // Collected: --write-baseline needs every report, so the records are rendered at the
    // end (the path every other format takes); and on a single worker.
    let baseline = dir.path().join("baseline.json").display().to_string();
    let (code1, collected, _) = audit(dir.path(), &["--jobs", "1", "--write-baseline", &baseline]);
    assert_eq!((code1, code2), (2, 2));
    assert_eq!(streamed.lines().count(), 4);
    assert_eq!(streamed, collected);
}

#[test]
fn an_unwritable_output_file_is_a_usage_error_naming_it() {
    let dir = batch_dir();
    let out = dir.path().join("missing-dir/report.jsonl");
    let (code, stdout, err) = audit(
        dir.path(),
        &["--jobs", "2", "-o", &out.display().to_string()],
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(err.contains("missing-dir"), "{err}");
}

#[test]
fn the_malloc_rerun_passes_output_and_exit_code_through() {
    // Without GLIBC_TUNABLES a batch re-runs itself in a child with the variable set (see
    // docs/report.md, Batches); with it set, the batch runs in-process. Same bytes, same
    // exit code, same errors either way.
    let dir = batch_dir();
    let policy = common::repo().join(POLICY);
    let run = |tunables: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sdkflow"));
        cmd.arg("audit")
            .arg(dir.path())
            .arg("--policy")
            .arg(&policy)
            .args(["--format", "json", "--jobs", "2"]);
        match tunables {
            Some(t) => cmd.env("GLIBC_TUNABLES", t),
            None => cmd.env_remove("GLIBC_TUNABLES"),
        };
        let out = cmd.output().expect("run sdkflow");
        (out.status.code(), out.stdout, out.stderr)
    };
    let rerun = run(None);
    let in_process = run(Some("glibc.malloc.check=0"));
    assert_eq!(rerun.0, Some(2));
    assert_eq!(rerun.1.iter().filter(|&&b| b == b'\n').count(), 4);
    assert_eq!(rerun, in_process);
}
