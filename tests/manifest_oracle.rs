//! The manifest model agrees with `aapt dump badging|permissions|xmltree` on every registry
//! APK of the corpus and on the fixture APKs (tests/fixtures/build.sh).

#[path = "common/aapt.rs"]
mod aapt;
mod common;

use std::path::{Path, PathBuf};

fn assert_agrees(apk: &Path) {
    let diffs = aapt::compare_with_aapt(apk);
    assert!(
        diffs.is_empty(),
        "{} disagrees with aapt:\n{}",
        apk.display(),
        diffs.join("\n")
    );
}

fn corpus_apks() -> Vec<PathBuf> {
    // The named APK first: a missing corpus fails here with instructions.
    let settings = common::appium_settings_apk();
    let dir = settings.parent().expect("corpus apk dir").to_path_buf();
    let mut apks: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list corpus")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "apk"))
        .collect();
    apks.sort();
    assert!(
        apks.len() >= 10,
        "expected the 12 registry APKs in {}",
        dir.display()
    );
    apks
}

#[test]
fn every_corpus_apk_agrees_with_aapt() {
    let mut failures = Vec::new();
    for apk in corpus_apks() {
        let diffs = aapt::compare_with_aapt(&apk);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", apk.display(), diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_apk_agrees_with_aapt() {
    assert_agrees(&common::repo().join("tests/fixtures/fixture.apk"));
}

#[test]
fn rich_fixture_agrees_with_aapt() {
    assert_agrees(&common::repo().join("tests/fixtures/rich.apk"));
}

/// Every sample APK built from our own sources by `samples/build.sh` (`broken` keeps the
/// intact manifest of the demo shop).
#[test]
fn every_sample_apk_agrees_with_aapt() {
    for name in ["basic", "multidex", "obfuscated", "flows", "broken"] {
        assert_agrees(&common::sample_apk(name));
    }
}

/// Manifests packed by `aapt package` (no code) for each implied-permission rule of aapt:
/// the pre-Donut defaults, READ from WRITE_EXTERNAL_STORAGE with its maxSdkVersion, the
/// pre-Jelly-Bean call log from contacts, and a modern app that implies nothing. Each
/// must agree with `aapt dump badging` line for line (`uses-implied-permission`).
#[test]
fn implied_permissions_agree_with_aapt_on_packed_manifests() {
    let framework = Path::new("/usr/share/android-framework-res/framework-res.apk");
    assert!(
        framework.exists(),
        "missing {} (apt-get install android-framework-res)",
        framework.display()
    );
    let dir = std::env::temp_dir().join(format!("sdkflow-implied-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: [(&str, &str, &[&str]); 4] = [
        ("donut", "<uses-sdk android:minSdkVersion=\"3\"/>", &[]),
        (
            "storage",
            "<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"30\"/>",
            &["WRITE_EXTERNAL_STORAGE\" android:maxSdkVersion=\"28"],
        ),
        (
            "contacts",
            "<uses-sdk android:minSdkVersion=\"9\" android:targetSdkVersion=\"15\"/>",
            &["READ_CONTACTS", "WRITE_CONTACTS", "ACCESS_FINE_LOCATION"],
        ),
        (
            "modern",
            "<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"33\"/>",
            &[
                "READ_CONTACTS",
                "READ_EXTERNAL_STORAGE",
                "WRITE_EXTERNAL_STORAGE",
            ],
        ),
    ];
    let mut implied_seen = 0;
    for (name, sdk, perms) in cases {
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"org.sdkflow.implied.{name}\">\n  {sdk}\n"
        );
        for p in perms {
            xml.push_str(&format!(
                "  <uses-permission android:name=\"android.permission.{p}\"/>\n"
            ));
        }
        xml.push_str("  <application android:label=\"implied\"/>\n</manifest>\n");
        // aapt only packs a file named AndroidManifest.xml.
        let case = dir.join(name);
        std::fs::create_dir_all(&case).expect("case dir");
        let manifest = case.join("AndroidManifest.xml");
        let apk = dir.join(format!("{name}.apk"));
        std::fs::write(&manifest, xml).expect("write manifest");
        let _ = std::fs::remove_file(&apk);
        let status = std::process::Command::new("aapt")
            .args(["package", "-f", "-M"])
            .arg(&manifest)
            .arg("-I")
            .arg(framework)
            .arg("-F")
            .arg(&apk)
            .status()
            .expect("run aapt package (apt-get install aapt)");
        assert!(status.success(), "aapt package failed for {name}");
        implied_seen += common::oracle("aapt", &["dump", "badging"], &apk)
            .lines()
            .filter(|l| l.starts_with("uses-implied-permission: "))
            .count();
        assert_agrees(&apk);
    }
    // donut: 3, storage: 1, contacts: 2, modern: 0.
    assert_eq!(
        implied_seen, 6,
        "aapt's implied permissions over the four manifests"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
