//! End to end: the audit of sample APKs built from our own sources against the demo
//! policy and the seed policies. The expected findings are the discrepancies written into
//! the demo app and its policy on purpose (samples/README.md, "expected findings").

mod common;

use std::collections::BTreeSet;

use serde_json::Value;

fn audit_json(apk: &str, policy: &str, extra: &[&str]) -> (i32, Value) {
    let apk = common::sample_apk(apk);
    let policy = common::repo().join(policy);
    let mut args = vec![
        "audit",
        apk.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = common::sdkflow(&args);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, json)
}

fn findings(json: &Value) -> BTreeSet<(String, String)> {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn has(set: &BTreeSet<(String, String)>, rule: &str, subject: &str) -> bool {
    set.contains(&(rule.to_string(), subject.to_string()))
}

#[test]
fn demo_shop_against_its_policy_reports_the_planted_discrepancies() {
    let (code, json) = audit_json("multidex", "samples/policies/demo-shop.md", &[]);
    assert_eq!(code, 1, "high findings must fail the run by default");
    let f = findings(&json);
    // SDKs the policy forgot.
    for sdk in ["tencent-bugly", "umeng-analytics", "huawei-push"] {
        assert!(has(&f, "sdk-undeclared", sdk), "{sdk} not reported: {f:?}");
    }
    // SDKs it lists, and a component bundled inside a listed SDK (JCore in JPush).
    for sdk in [
        "jpush",
        "jiguang-jcore",
        "amap-location",
        "wechat-opensdk",
        "alipay-sdk",
    ] {
        assert!(!has(&f, "sdk-undeclared", sdk), "{sdk} wrongly reported");
    }
    // The stale entry.
    assert!(has(&f, "sdk-stale-disclosure", "weibo-sdk"));
    // Location and phone are never explained.
    for p in ["ACCESS_FINE_LOCATION", "READ_PHONE_STATE"] {
        assert!(
            has(
                &f,
                "permission-unexplained",
                &format!("android.permission.{p}")
            ),
            "{p}"
        );
    }
    // Data a listed SDK collects that the policy does not declare for it.
    let jpush_app_list = json["findings"].as_array().unwrap().iter().any(|x| {
        x["rule"] == "data-undeclared"
            && x["sdk"]["id"] == "jpush"
            && x["message"]
                .as_str()
                .unwrap_or_default()
                .contains("app.list")
    });
    assert!(jpush_app_list, "JPush's installed-app list not reported");
    assert!(has(
        &f,
        "manifest-cleartext-traffic",
        "application/usesCleartextTraffic"
    ));
    // Every finding carries evidence from both sides or the manifest.
    for x in json["findings"].as_array().unwrap() {
        assert!(
            !x["apk_evidence"].as_array().is_none_or(|a| a.is_empty()),
            "finding without APK evidence: {x}"
        );
    }
}

#[test]
fn fail_on_never_exits_zero_and_sarif_is_produced() {
    let (code, _) = audit_json(
        "multidex",
        "samples/policies/demo-shop.md",
        &["--fail-on", "never"],
    );
    assert_eq!(code, 0);
    let apk = common::sample_apk("multidex");
    let policy = common::repo().join("samples/policies/demo-shop.md");
    let (code, out, _) = common::sdkflow(&[
        "audit",
        apk.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "sdk-undeclared"));
}

#[test]
fn basic_sample_is_debuggable_and_has_no_third_party_sdk() {
    let (_, json) = audit_json("basic", "samples/policies/demo-shop.md", &[]);
    let f = findings(&json);
    assert!(
        has(&f, "manifest-debuggable", "application/debuggable"),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(rule, _)| rule == "sdk-undeclared"),
        "basic has no third-party SDK: {f:?}"
    );
}

#[test]
fn broken_apk_is_still_audited_with_its_problems_reported() {
    let (code, json) = audit_json("broken", "samples/policies/demo-shop.md", &[]);
    assert_eq!(code, 1);
    let problems = json["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("classes2.dex")),
        "{problems:?}"
    );
    // The intact dex files still show their SDKs (WeChat lives in classes3.dex).
    let sdks = json["sdks"].to_string();
    assert!(sdks.contains("wechat-opensdk"), "{sdks}");
}

#[test]
fn demo_shop_against_a_seed_policy_runs_and_fails() {
    let seed = "samples/policies/seeds";
    let dir = common::repo().join(seed);
    let first = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .min()
        .expect("a seed policy");
    let rel = first
        .strip_prefix(common::repo())
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (code, json) = audit_json("multidex", &rel, &[]);
    assert_eq!(code, 1);
    // A real policy of another app cannot cover the demo's SDKs.
    let f = findings(&json);
    assert!(f.iter().any(|(rule, _)| rule == "sdk-undeclared"), "{f:?}");
}
