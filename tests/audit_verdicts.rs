//! The examples of issue 11 ("audit verdicts a reviewer can sign"), each on a real APK and
//! a real seed policy:
//!
//! - the demo shop (`samples/apk/multidex.apk`: WeChat, Alipay, AMap location, JPush with
//!   JCore, …) against seed 002, which lists 微信SDK, 支付宝SDK and 高德地图sdk with their
//!   purpose and no data types: 31 HIGH findings before, 20 of them one per data type
//!   resting only on the vendor's statement;
//! - the registry APK `pocoservice-debug.apk`, whose AndroidX `TwilightManager` reads the
//!   last known location although the APK requests no location permission: a HIGH
//!   "library reads location.precise" before.

mod common;

use serde_json::Value;

const SEED_002: &str = "samples/policies/seeds/002_16aba12272f79583.txt";

fn audit(apk: &std::path::Path, policy: &str, format: &str) -> String {
    let policy = common::repo().join(policy);
    let (code, out, err) = common::sdkflow(&[
        "audit",
        apk.to_str().expect("utf-8 path"),
        "--policy",
        policy.to_str().expect("utf-8 path"),
        "--format",
        format,
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, 0, "{err}");
    out
}

fn audit_json(apk: &std::path::Path, policy: &str) -> Value {
    let out = audit(apk, policy, "json");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn findings(json: &Value) -> Vec<&Value> {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .collect()
}

fn kinds(f: &Value) -> Vec<&str> {
    f["apk_evidence"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["kind"].as_str()).collect())
        .unwrap_or_default()
}

fn shop_against_seed_002() -> Value {
    audit_json(&common::sample_apk("multidex"), SEED_002)
}

#[test]
fn vendor_statements_are_one_low_finding_per_sdk_never_high() {
    let json = shop_against_seed_002();
    let all = findings(&json);
    // No finding per data type any more: data-undeclared is one finding per reader, and
    // rests on reads observed in the APK only.
    for f in all.iter().filter(|f| f["rule"] == "data-undeclared") {
        let subject = f["subject"].as_str().unwrap_or_default();
        assert!(!subject.contains('/'), "per-data-type finding {subject}");
        assert!(
            kinds(f).iter().all(|k| *k == "call_path"),
            "data-undeclared without an observed read: {f}"
        );
    }
    // Alipay: one finding per rule at most.
    let alipay: Vec<&&Value> = all
        .iter()
        .filter(|f| f["sdk"]["id"] == "alipay-sdk")
        .collect();
    let mut rules: Vec<&str> = alipay.iter().filter_map(|f| f["rule"].as_str()).collect();
    let n = rules.len();
    rules.dedup();
    assert_eq!(
        rules.len(),
        n,
        "two findings of one rule for Alipay: {rules:?}"
    );
    // Its record lacks data and company (the purpose is there): one low finding, with
    // the vendor's statement as context.
    let listing = alipay
        .iter()
        .find(|f| f["rule"] == "sdk-listing-incomplete")
        .expect("listing finding for 支付宝SDK");
    assert_eq!(listing["severity"], "low");
    let msg = listing["message"].as_str().unwrap_or_default();
    assert!(
        msg.contains("personal data") && msg.contains("company"),
        "{msg}"
    );
    assert!(!msg.contains("purpose"), "{msg}");
    assert_eq!(kinds(listing), vec!["vendor_statement"]);
    // Nothing HIGH rests on a vendor's statement alone.
    for f in all.iter().filter(|f| f["severity"] == "high") {
        assert!(
            kinds(f).iter().any(|k| *k != "vendor_statement"),
            "HIGH without observed evidence: {f}"
        );
    }
    assert!(
        all.iter().filter(|f| f["severity"] == "high").count() < 31,
        "31 HIGH before this change"
    );
}

#[test]
fn amap_location_named_as_the_map_sdk_is_low_and_its_common_core_follows_it() {
    let json = shop_against_seed_002();
    let all = findings(&json);
    let sibling = all
        .iter()
        .find(|f| f["rule"] == "sdk-declared-under-other-name" && f["subject"] == "amap-location")
        .expect("amap-location declared under another product name");
    assert_eq!(sibling["severity"], "low");
    let msg = sibling["message"].as_str().unwrap_or_default();
    assert!(
        msg.contains("高德地图sdk") && msg.contains("AMap (Gaode) Location SDK"),
        "{msg}"
    );
    // No HIGH for the location SDK, nothing at all for the common component it bundles,
    // and the map SDK's line is not stale: it is the sibling's declaration.
    assert!(
        !all.iter()
            .any(|f| f["rule"] == "sdk-undeclared" && f["subject"] == "amap-location")
    );
    assert!(!all.iter().any(|f| f["subject"] == "amap-common"));
    assert!(kinds(sibling).contains(&"bundled"));
    assert!(
        !all.iter()
            .any(|f| f["rule"] == "sdk-stale-disclosure" && f["subject"] == "amap-map")
    );
}

#[test]
fn jcore_bundled_in_jpush_is_evidence_on_jpush_not_a_second_sdk() {
    let json = shop_against_seed_002();
    let all = findings(&json);
    assert!(
        !all.iter().any(|f| f["subject"] == "jiguang-jcore"),
        "JCore reported on its own"
    );
    let jpush = all
        .iter()
        .find(|f| f["rule"] == "sdk-undeclared" && f["subject"] == "jpush")
        .expect("JPush undeclared");
    let evidence = jpush["apk_evidence"].as_array().expect("evidence");
    assert!(
        evidence
            .iter()
            .any(|e| e["kind"] == "bundled" && e["sdk_id"] == "jiguang-jcore")
    );
    // JCore's reads (cn.jiguang.internal.JCoreCollector) are JPush's evidence.
    assert!(evidence.iter().any(|e| e["kind"] == "call_path"
        && e["path"].as_array().is_some_and(|p| {
            p.iter()
                .any(|m| m.as_str().is_some_and(|m| m.contains("JCoreCollector")))
        })));
}

#[test]
fn a_library_read_the_apk_has_no_permission_for_is_info_and_names_the_library() {
    let apk =
        common::corpus("apk/pypi__pocoui==1.0.94__poco_drivers_android_lib_pocoservice-debug.apk");
    let json = audit_json(&apk, SEED_002);
    let data: Vec<&Value> = findings(&json)
        .into_iter()
        .filter(|f| f["rule"] == "data-undeclared")
        .collect();
    // Not "the app's own code", and not high: the read is in AndroidX's TwilightManager
    // and the APK requests no location permission.
    assert!(!data.iter().any(|f| {
        f["subject"] == "app"
            && f["message"]
                .as_str()
                .unwrap_or_default()
                .contains("location")
    }));
    let lib = data
        .iter()
        .find(|f| {
            f["subject"]
                .as_str()
                .is_some_and(|s| s.starts_with("library:"))
        })
        .expect("library finding");
    assert_eq!(lib["severity"], "info");
    let msg = lib["message"].as_str().unwrap_or_default();
    assert!(msg.starts_with("Library code AndroidX"), "{msg}");
    // The message names the app-inherited AndroidX frame the reads are entered at (which
    // read comes first is the engine's choice: TwilightManager's location read is entered
    // at attachBaseContext, TextViewCompat's activity query at onConfigurationChanged).
    assert!(
        msg.contains("(entered at androidx.appcompat.app.AppCompatActivity.")
            && msg.contains("which the app's components inherit"),
        "{msg}"
    );
    let location = lib["apk_evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .find(|e| {
            e["data_type"] == "location.precise"
                && e["path"].as_array().is_some_and(|p| {
                    p.iter()
                        .any(|m| m.as_str().is_some_and(|m| m.contains("TwilightManager")))
                })
        })
        .expect("TwilightManager read");
    assert!(
        location["path"][0]
            .as_str()
            .is_some_and(|m| m.contains("AppCompatActivity;->attachBaseContext(")),
        "{location}"
    );
    assert_eq!(location["library"], "AndroidX (Jetpack)");
    assert_eq!(
        location["missing_permissions"],
        serde_json::json!([
            "android.permission.ACCESS_FINE_LOCATION",
            "android.permission.ACCESS_COARSE_LOCATION"
        ])
    );
}

#[test]
fn text_html_and_markdown_are_short_and_in_java_names_json_keeps_everything() {
    let apk = common::sample_apk("multidex");
    let text = audit(&apk, SEED_002, "text");
    // Java names, never raw descriptors.
    assert!(!text.contains(";->"), "raw descriptor in text");
    assert!(!text.contains("Lcom/"), "raw class descriptor in text");
    assert!(text.contains("com.loc.dp.a(Context)"), "{text}");
    // At most four APK evidence lines per finding, then "+N more".
    let mut apk_lines = 0;
    let mut max = 0;
    for line in text.lines() {
        if line.trim_start().starts_with('[') {
            apk_lines = 0;
        } else if line.trim_start().starts_with("apk:") {
            apk_lines += 1;
            max = usize::max(max, apk_lines);
        }
    }
    assert!(max <= 5, "a finding shows {max} APK lines");
    assert!(text.contains("more (the JSON and SARIF reports list all)"));
    // Shortened call paths with their length.
    assert!(text.contains(" \u{2192} \u{2026} \u{2192} ") && text.contains(" calls)"));
    let md = audit(&apk, SEED_002, "md");
    assert!(!md.contains(";->") && md.contains("more (the JSON"));
    let html = audit(&apk, SEED_002, "html");
    assert!(html.contains("<details class=\"sdk\""));
    assert!(html.contains("<summary>JPush (极光推送) ("));
    // JSON keeps every item and the raw descriptors.
    let json: Value = serde_json::from_str(&audit(&apk, SEED_002, "json")).expect("json");
    let jpush = findings(&json)
        .into_iter()
        .find(|f| f["rule"] == "sdk-undeclared" && f["subject"] == "jpush")
        .expect("jpush");
    assert!(jpush["apk_evidence"].as_array().map_or(0, Vec::len) > 5);
    assert!(jpush.to_string().contains(";->"));
}
