//! `sdkflow inspect --format json` on a registry APK: the per-dex counts and the class
//! list agree with dexdump, and native libraries are described.

mod common;

use std::collections::BTreeSet;

use serde_json::Value;

#[test]
fn inspect_json_counts_and_classes_agree_with_dexdump() {
    let apk = common::appium_settings_apk();
    let (code, out, err) = common::sdkflow(&[
        "inspect",
        apk.to_str().unwrap(),
        "--format",
        "json",
        "--classes",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let dex = json["dex"].as_array().expect("dex list");
    assert_eq!(dex.len(), 9);
    for d in dex {
        for field in ["name", "classes", "methods", "invokes", "strings"] {
            assert!(!d[field].is_null(), "dex entry lacks {field}: {d}");
        }
    }
    let dump = common::oracle("dexdump", &["-d"], &apk);
    let oracle_classes: BTreeSet<String> = dump
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Class descriptor  : '"))
        .map(|l| l.trim_end_matches('\'').to_string())
        .collect();
    let ours: BTreeSet<String> = json["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ours, oracle_classes);
    let invokes: u64 = dex.iter().map(|d| d["invokes"].as_u64().unwrap()).sum();
    let oracle_invokes = dump
        .lines()
        .filter(|l| l.contains('|') && l.contains(": invoke-"))
        .count() as u64;
    assert_eq!(invokes, oracle_invokes);
    assert_eq!(json["code"]["invokes"].as_u64(), Some(oracle_invokes));
}

#[test]
fn inspect_describes_native_libraries_of_the_sample() {
    let apk = common::sample_apk("multidex");
    let (code, out, _) = common::sdkflow(&["inspect", apk.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    let native = json["native"].as_array().expect("native");
    assert_eq!(native.len(), 6);
    let jcore = native
        .iter()
        .find(|l| l["name"] == "lib/arm64-v8a/libjcore330.so")
        .expect("libjcore330");
    assert_eq!(jcore["machine"], "aarch64");
    assert_eq!(jcore["jni_onload"], true);
    let readelf = common::oracle(
        "readelf",
        &["-d", "-W"],
        &extract(&apk, "lib/arm64-v8a/libjcore330.so"),
    );
    for needed in jcore["needed"].as_array().unwrap() {
        assert!(
            readelf.contains(&format!("[{}]", needed.as_str().unwrap())),
            "{needed}"
        );
    }
}

#[test]
fn broken_dex_is_a_problem_and_the_rest_is_counted() {
    let apk = common::sample_apk("broken");
    let (code, out, _) = common::sdkflow(&["inspect", apk.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    let problems = json["problems"].to_string();
    assert!(problems.contains("classes2.dex"), "{problems}");
    assert!(problems.contains("libBugly.so"), "{problems}");
    assert!(json["code"]["classes"].as_u64().unwrap() > 10);
}

fn extract(apk: &std::path::Path, entry: &str) -> std::path::PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let out = std::process::Command::new("unzip")
        .args(["-o", "-q", apk.to_str().unwrap(), entry, "-d"])
        .arg(&dir)
        .status()
        .expect("unzip");
    assert!(out.success());
    dir.join(entry)
}
