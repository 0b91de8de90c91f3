//! A packed app (issue 11): every audit format says so at the top, naming the packer and
//! its evidence, before any finding; an unpacked app carries no such notice. The packer and
//! evidence expected are what `sdkflow sdks` detects on the same APK, so the test checks
//! that the audit passes the detector's verdict through, not a fixed string.

mod common;

use serde_json::Value;

const POLICY: &str = "samples/policies/demo-shop.md";

fn audit(apk: &str, format: &str) -> String {
    let apk = common::sample_apk(apk);
    let apk = apk.to_str().expect("utf-8 path");
    let (code, out, err) = common::sdkflow(&["audit", apk, "--policy", POLICY, "--format", format]);
    assert!(
        code == 0 || code == 1,
        "audit --format {format} exited {code}: {err}"
    );
    out
}

/// The packer `sdkflow sdks` finds: (id, Chinese or English name, evidence count).
fn detected_packer(apk: &str) -> Option<(String, String, usize)> {
    let apk = common::sample_apk(apk);
    let (code, out, err) =
        common::sdkflow(&["sdks", apk.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(code, 0, "sdks failed: {err}");
    let v: Value = serde_json::from_str(&out).expect("sdks JSON");
    let p = v.get("packer")?.as_object()?;
    let name = p
        .get("name_zh")
        .and_then(Value::as_str)
        .or_else(|| p.get("name").and_then(Value::as_str))?;
    Some((
        p["id"].as_str()?.to_string(),
        name.to_string(),
        p["evidence"].as_array()?.len(),
    ))
}

#[test]
fn json_report_carries_the_detected_packer_and_its_evidence() {
    let (id, name, evidence) = detected_packer("packed").expect("the fixture is packed");
    assert!(evidence > 0);
    let v: Value = serde_json::from_str(&audit("packed", "json")).expect("JSON");
    let packed = &v["app"]["packed"];
    assert_eq!(packed["packer"], id.as_str());
    assert_eq!(packed["name"], name.as_str());
    assert_eq!(packed["evidence"].as_array().map(Vec::len), Some(evidence));
    assert!(
        packed["notice"]
            .as_str()
            .is_some_and(|n| n.contains("encrypted"))
    );
}

#[test]
fn every_human_format_shows_the_notice_before_the_first_finding() {
    let (_, name, _) = detected_packer("packed").expect("the fixture is packed");
    // Where each format starts its first finding.
    let first_finding = [
        ("text", "[sdk-"),
        ("markdown", "<details>"),
        ("html", "<h2>SDKs"),
    ];
    for (format, marker) in first_finding {
        let out = audit("packed", format);
        let notice = out
            .find("encrypted and loaded at run time")
            .unwrap_or_else(|| panic!("{format}: no packed notice:\n{out}"));
        assert!(out.contains(&name), "{format}: packer {name} not named");
        let first = out
            .find(marker)
            .unwrap_or_else(|| panic!("{format}: no {marker:?} in report"));
        assert!(
            notice < first,
            "{format}: the packed notice comes after the findings"
        );
    }
}

#[test]
fn sarif_leads_with_the_packed_notification() {
    let v: Value = serde_json::from_str(&audit("packed", "sarif")).expect("SARIF");
    let first = &v["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(first["level"], "warning", "{first}");
    assert!(
        first["message"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Packed app")),
        "{first}"
    );
}

#[test]
fn an_unpacked_app_has_no_packed_notice() {
    assert!(detected_packer("basic").is_none());
    let v: Value = serde_json::from_str(&audit("basic", "json")).expect("JSON");
    assert!(v["app"].get("packed").is_none());
    for format in ["text", "markdown", "html", "sarif"] {
        let out = audit("basic", format);
        assert!(
            !out.contains("Packed app") && !out.contains("PACKED"),
            "{format}: notice on an unpacked app"
        );
    }
}

/// Stale listings of a packed app are unconfirmable (info); of an unpacked app they are not.
fn stale_severities(apk: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(&audit(apk, "json")).expect("JSON");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "sdk-stale-disclosure")
        .map(|f| f["severity"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_packed_apps_stale_listings_are_info_only() {
    let packed = stale_severities("packed");
    assert!(!packed.is_empty(), "the fixture's policy lists absent SDKs");
    assert!(packed.iter().all(|s| s == "info"), "{packed:?}");
    let plain = stale_severities("basic");
    assert!(
        !plain.is_empty() && plain.iter().all(|s| s != "info"),
        "{plain:?}"
    );
}

/// Manifest leftovers (SDK entries without code in an unpacked app) are named in the notes
/// and shown under the stale listing they explain, never reported as the SDK being present.
#[test]
fn leftovers_are_configuration_not_sdks() {
    let apk = common::sample_apk("leftovers");
    let (code, out, err) =
        common::sdkflow(&["sdks", apk.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let sdks: Value = serde_json::from_str(&out).expect("sdks JSON");
    let leftovers: Vec<String> = sdks["leftovers"]
        .as_array()
        .expect("the fixture has leftovers")
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_string))
        .collect();
    assert!(!leftovers.is_empty());
    let v: Value = serde_json::from_str(&audit("leftovers", "json")).expect("JSON");
    let notes = v["notes"].to_string();
    assert!(notes.contains("left behind"), "{notes}");
    let mut explained = 0;
    let mut reported = Vec::new();
    for f in v["findings"].as_array().expect("findings") {
        let subject = f["subject"].as_str().unwrap_or_default();
        if !leftovers.iter().any(|l| l == subject) {
            continue;
        }
        match f["rule"].as_str() {
            Some("sdk-manifest-leftover") => {
                assert_eq!(f["severity"], "info", "{f}");
                reported.push(subject.to_string());
            }
            Some("sdk-stale-disclosure") => explained += 1,
            _ => panic!("a leftover SDK reported as present: {f}"),
        }
        assert!(f.to_string().contains("left behind"), "{f}");
    }
    // demo-shop lists JPush, whose manifest entries the fixture keeps without its code.
    assert!(explained > 0, "no stale listing shows its leftovers");
    // One sdk-manifest-leftover finding per leftover SDK, naming each of its entries.
    reported.sort();
    let mut expected = leftovers.clone();
    expected.sort();
    expected.dedup();
    assert_eq!(reported, expected, "one leftover finding per SDK");
    for d in sdks["leftovers"].as_array().expect("leftovers") {
        let id = d["id"].as_str().unwrap_or_default();
        let finding = v["findings"]
            .as_array()
            .and_then(|fs| {
                fs.iter().find(|f| {
                    f["rule"] == "sdk-manifest-leftover" && f["subject"].as_str() == Some(id)
                })
            })
            .expect("leftover finding");
        let entries = d["evidence"].as_array().map_or(0, Vec::len);
        let detected = finding["apk_evidence"]
            .as_array()
            .map_or(0, |e| e.iter().filter(|e| e["kind"] != "not_found").count());
        assert_eq!(detected, entries, "{id}: every entry named: {finding}");
    }
}

/// A packed app's manifest is the best evidence left of its SDKs: nothing in it is called
/// a leftover.
#[test]
fn a_packed_app_has_no_leftover_findings() {
    let v: Value = serde_json::from_str(&audit("packed", "json")).expect("JSON");
    for f in v["findings"].as_array().expect("findings") {
        assert_ne!(f["rule"], "sdk-manifest-leftover", "{f}");
    }
}

/// The findings of `sdkflow audit APK --policy POLICY` as (rule, subject, severity).
fn findings(apk: &str, policy: &str) -> Vec<(String, String, String)> {
    let apk = common::sample_apk(apk);
    let (code, out, err) = common::sdkflow(&[
        "audit",
        apk.to_str().expect("utf-8"),
        "--policy",
        policy,
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("rule"), s("subject"), s("severity"))
        })
        .collect()
}

/// A packer protects the app's code and collects nothing (issue 11): left out of the policy
/// it is `sdk-undeclared` at info only; named by the policy it produces no finding at all.
#[test]
fn a_packer_is_protection_info_when_unnamed_and_silent_when_listed() {
    let (packer, _, _) = detected_packer("packed").expect("the fixture is packed");
    let unnamed = findings("packed", POLICY);
    let about: Vec<_> = unnamed.iter().filter(|f| f.1 == packer).collect();
    assert_eq!(
        about,
        [&(
            "sdk-undeclared".to_string(),
            packer.clone(),
            "info".to_string()
        )],
        "{unnamed:?}"
    );
    // A policy that lists the packer (and every SDK of the fixture).
    let listed = findings("packed", "tests/audit_gold/policies/packed-app-complete.md");
    assert!(
        listed.iter().all(|f| f.1 != packer),
        "a listed packer produced a finding: {listed:?}"
    );
    assert!(
        listed.iter().all(|f| f.2 != "high" && f.2 != "medium"),
        "{listed:?}"
    );
}
