//! The `sdkflow audit` command end to end: exit codes, --fail-on, baselines, batches with
//! a failing input, output files and formats. App facts come from the shared fixture via
//! the hidden `--facts` flag (committed as JSON next to it); real registry APKs go through
//! the whole pipeline as far as it exists on this branch.

mod common;
#[path = "audit_fixture/mod.rs"]
mod fixture;

use std::path::{Path, PathBuf};

fn fixture_file(name: &str) -> PathBuf {
    common::repo().join("tests/audit_fixture").join(name)
}

fn facts() -> String {
    fixture_file("shop.facts.json").display().to_string()
}

fn policy() -> String {
    fixture_file("shop.policy.json").display().to_string()
}

/// Write `--facts` JSON for a variant of the fixture app.
fn write_facts(dir: &Path, name: &str, app: &sdkflow::audit::AppFacts) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(app).expect("json")).expect("write");
    path.display().to_string()
}

#[test]
fn committed_fixture_json_matches_the_rust_fixture() {
    // The JSON files are what users see as the --facts / declared-table example; they
    // must not drift from the fixture the rule tests check.
    let facts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(facts()).expect("facts")).expect("json");
    let policy: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(policy()).expect("policy")).expect("json");
    assert_eq!(facts, serde_json::to_value(fixture::app()).expect("value"));
    assert_eq!(
        policy,
        serde_json::to_value(fixture::policy()).expect("value")
    );
}

#[test]
fn high_findings_exit_1_by_default_and_never_exits_0() {
    let (code, out, err) = common::sdkflow(&["audit", "--facts", &facts(), "--policy", &policy()]);
    assert_eq!(code, 1, "stderr: {err}");
    assert!(out.contains("[sdk-undeclared] TalkingData"), "{out}");
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let (code, ..) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn fail_on_counts_only_findings_at_or_above_the_threshold() {
    // Keep only low and info findings: drop SDKs, reads, and the manifest's dangerous
    // permissions, and list nothing but an SDK that is not in the APK.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = fixture::app();
    app.detections.sdks.clear();
    app.observed.clear();
    if let Some(m) = &mut app.manifest {
        m.permissions
            .retain(|p| p.name == "android.permission.INTERNET");
    }
    let facts = write_facts(dir.path(), "low.json", &app);
    let run = |fail_on: &str| {
        common::sdkflow(&[
            "audit",
            "--facts",
            &facts,
            "--policy",
            &policy(),
            "--fail-on",
            fail_on,
        ])
        .0
    };
    assert_eq!(run("high"), 0);
    assert_eq!(run("medium"), 0);
    assert_eq!(run("low"), 1);
    assert_eq!(run("never"), 0);
}

#[test]
fn baseline_written_then_used_suppresses_everything_known() {
    let dir = tempfile::tempdir().expect("tempdir");
    let baseline = dir.path().join("baseline.json").display().to_string();
    let (code, ..) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--write-baseline",
        &baseline,
    ]);
    assert_eq!(
        code, 1,
        "writing a baseline does not hide this run's findings"
    );
    let written = std::fs::read_to_string(&baseline).expect("baseline written");
    assert!(written.contains("sdk-undeclared:talkingdata"));

    let (code, out, err) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--baseline",
        &baseline,
        "--fail-on",
        "low",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(report["summary"]["suppressed"], fixture::EXPECTED.len());

    // A new SDK appears: only it fails the build.
    let mut app = fixture::app();
    app.detections.sdks.push(sdkflow::detect::Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "getui-push".into(),
        name: "Getui Push".into(),
        name_zh: Some("个推".into()),
        vendor: None,
        category: "push".into(),
        confidence: sdkflow::detect::Confidence::High,
        version: None,
        evidence: Vec::new(),
        permissions: Vec::new(),
        data_types: Vec::new(),
    });
    let facts2 = write_facts(dir.path(), "new.json", &app);
    let (code, out, _) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts2,
        "--policy",
        &policy(),
        "--baseline",
        &baseline,
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let fps: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["fingerprint"].as_str())
        .collect();
    assert_eq!(fps, ["sdk-undeclared:getui-push"]);
}

#[test]
fn bad_usage_and_bad_inputs_exit_2() {
    // Missing policy file.
    let (code, _, err) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        "/nonexistent.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent.json"), "{err}");
    // Unknown format value (clap's usage error is 2 as well).
    let (code, ..) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--format",
        "pdf",
    ]);
    assert_eq!(code, 2);
    // A malformed baseline.
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("b.json");
    std::fs::write(&bad, "{not json").expect("write");
    let (code, _, err) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--baseline",
        &bad.display().to_string(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("b.json") && err.contains("baseline"), "{err}");
    // A policy that does not exist: a clear error naming it, not a crash.
    let missing = dir.path().join("policy.txt");
    let (code, _, err) = common::sdkflow(&[
        "audit",
        "--facts",
        &facts(),
        "--policy",
        &missing.display().to_string(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("policy.txt"), "{err}");
    // No input at all.
    let (code, ..) = common::sdkflow(&["audit", "--policy", &policy()]);
    assert_eq!(code, 2);
}

#[test]
fn batch_writes_json_lines_and_a_failing_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"source\": 3}").expect("write");
    let not_apk = dir.path().join("notes.apk");
    std::fs::write(&not_apk, "plain text, not an APK").expect("write");
    let (code, out, err) = common::sdkflow(&[
        "audit",
        &not_apk.display().to_string(),
        "--facts",
        &facts(),
        "--facts",
        &broken.display().to_string(),
        "--facts",
        &facts(),
        "--policy",
        &policy(),
        "--format",
        "json",
        "--jobs",
        "2",
    ]);
    assert_eq!(code, 2, "a failed input makes the run exit 2");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect();
    assert_eq!(records.len(), 4);
    // Order follows the command line: APK inputs first, then --facts.
    assert!(
        records[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("notes.apk"))
    );
    assert_eq!(records[1]["app"]["source"], "shop.apk");
    assert!(
        records[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("broken.json"))
    );
    assert_eq!(records[3]["summary"]["high"], 6);
    for r in &records {
        assert_eq!(r["schema_version"], 1);
    }
    assert!(
        err.contains("notes.apk") && err.contains("broken.json"),
        "{err}"
    );
}

#[test]
fn directory_input_audits_each_apk_and_output_goes_to_the_file() {
    // Real registry APKs through the pipeline as far as it exists (container only): the
    // run must read them, and with no detections every listed SDK is stale.
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, src) in [common::appium_settings_apk(), common::corpus(
        "apk/pypi__uiautomator2cache==0.3.1__uiautomator2cache_cache_app-uiautomator.apk-d3f17174fb_app-uiautomator.apk",
    )]
    .iter()
    .enumerate()
    {
        std::fs::copy(src, dir.path().join(format!("app{i}.apk"))).expect("copy");
    }
    std::fs::write(dir.path().join("README.txt"), "not an input").expect("write");
    let out_file = dir.path().join("report.jsonl");
    let (code, out, err) = common::sdkflow(&[
        "audit",
        &dir.path().display().to_string(),
        "--policy",
        &policy(),
        "--format",
        "json",
        "--output",
        &out_file.display().to_string(),
        "--fail-on",
        "low",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "report went to the file");
    let text = std::fs::read_to_string(&out_file).expect("output file");
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(records.len(), 2, "README.txt is not an input");
    for r in &records {
        let stale: Vec<&str> = r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == "sdk-stale-disclosure")
            .filter_map(|f| f["subject"].as_str())
            .collect();
        // The fixture policy lists jpush and umeng-analytics.
        assert_eq!(stale, ["jpush", "umeng-analytics"]);
        // The whole pipeline ran: the manifest was decoded.
        assert!(
            r["app"]["package"].as_str().is_some_and(|p| !p.is_empty()),
            "{}",
            r["app"]
        );
    }
}

#[test]
fn each_format_renders_and_md_alias_works() {
    for (format, probe) in [
        ("text", "[sdk-undeclared]"),
        ("json", "\"schema_version\": 1"),
        ("sarif", "\"version\": \"2.1.0\""),
        ("html", "<!doctype html>"),
        ("md", "#### HIGH (6)"),
        ("markdown", "#### HIGH (6)"),
    ] {
        let (code, out, err) = common::sdkflow(&[
            "audit",
            "--facts",
            &facts(),
            "--policy",
            &policy(),
            "--format",
            format,
        ]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.contains(probe), "{format}: missing {probe}");
    }
}

#[test]
fn a_directory_with_one_apk_still_writes_json_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        common::appium_settings_apk(),
        dir.path().join("settings.apk"),
    )
    .expect("copy");
    let (code, out, err) = common::sdkflow(&[
        "audit",
        &dir.path().display().to_string(),
        "--policy",
        &policy(),
        "--format",
        "json",
    ]);
    // READ_SMS and READ_PHONE_STATE are requested and the fixture policy explains
    // neither: high findings.
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "one compact record: {out}");
    let rec: serde_json::Value = serde_json::from_str(out.trim_end()).expect("json");
    assert!(
        rec["app"]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("settings.apk"))
    );
}
