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
