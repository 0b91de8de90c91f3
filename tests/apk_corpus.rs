//! Every real APK of the registry corpus: our entry list is `unzip -Z1`'s, our dex files are
//! the root `classes*.dex` in install order with `unzip -p`'s bytes, our ABIs are aapt's
//! `native-code`, and our signing evidence matches what `apksigner verify` verifies.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use sdkflow::Limits;
use sdkflow::apk::{LoadedApp, load, summarize};

fn corpus_apks() -> Vec<PathBuf> {
    let dir = common::corpus("apk");
    let mut apks: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read corpus/apk")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "apk"))
        .collect();
    apks.sort();
    assert!(
        apks.len() >= 8,
        "expected the registry APKs in {}: run `bash .ci/run`",
        dir.display()
    );
    apks
}

/// Each corpus APK loaded once for all tests of this file.
fn loaded(path: &Path) -> &'static LoadedApp {
    static CACHE: OnceLock<Vec<(PathBuf, LoadedApp)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        corpus_apks()
            .into_iter()
            .map(|p| {
                let app =
                    load(&p, &Limits::default()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                (p, app)
            })
            .collect()
    });
    all.iter()
        .find(|(p, _)| p == path)
        .map(|(_, app)| app)
        .unwrap_or_else(|| panic!("{} is not in the corpus", path.display()))
}

/// Root `classes.dex`, `classes2.dex`, ... from a name list, in Android's loading order,
/// decided here without the crate's classifier.
fn expected_dex(names: &[&str]) -> Vec<String> {
    let mut dex: Vec<(u32, String)> = names
        .iter()
        .filter_map(|n| {
            let mid = n.strip_prefix("classes")?.strip_suffix(".dex")?;
            let index = if mid.is_empty() { 1 } else { mid.parse().ok()? };
            (index >= 1 && (mid.is_empty() || index >= 2)).then(|| (index, n.to_string()))
        })
        .collect();
    dex.sort();
    dex.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn entry_lists_equal_unzip_and_dex_files_equal_the_root_classes_dex() {
    for apk in corpus_apks() {
        let listing = common::oracle("unzip", &["-Z1"], &apk);
        let names: Vec<&str> = listing.lines().collect();
        let app = loaded(&apk);
        let ours: Vec<&str> = app.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            ours,
            names,
            "{}: entry list differs from unzip -Z1",
            apk.display()
        );
        let dex: Vec<&str> = app.dex.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(dex, expected_dex(&names), "{}", apk.display());
        assert!(app.manifest.is_some(), "{}: no manifest", apk.display());
        assert!(
            app.problems.is_empty(),
            "{}: {:#?}",
            apk.display(),
            app.problems
        );
    }
}

#[test]
fn inflated_bytes_equal_unzip_for_the_manifest_and_the_last_dex() {
    for apk in corpus_apks() {
        let app = loaded(&apk);
        let Some(sdkflow::apk::ManifestSource::Binary(manifest)) = &app.manifest else {
            panic!("{}: no binary manifest", apk.display());
        };
        let unzip = |name: &str| {
            Command::new("unzip")
                .arg("-p")
                .arg(&apk)
                .arg(name)
                .output()
                .expect("oracle `unzip` not runnable: run `bash .ci/run`")
                .stdout
        };
        assert_eq!(
            manifest.bytes,
            unzip("AndroidManifest.xml"),
            "{}",
            apk.display()
        );
        let last = app.dex.last().expect("a dex file");
        assert_eq!(
            last.bytes,
            unzip(&last.name),
            "{}!{}",
            apk.display(),
            last.name
        );
    }
}

#[test]
fn native_abis_equal_aapt_native_code() {
    for apk in corpus_apks() {
        let badging = common::oracle("aapt", &["dump", "badging"], &apk);
        let mut expected: Vec<String> = badging
            .lines()
            .find_map(|l| l.strip_prefix("native-code: "))
            .map(|rest| {
                rest.split_whitespace()
                    .map(|a| a.trim_matches('\'').to_string())
                    .collect()
            })
            .unwrap_or_default();
        expected.sort();
        let summary = summarize(loaded(&apk));
        let ours: Vec<String> = summary.native_libs.iter().map(|a| a.abi.clone()).collect();
        assert_eq!(ours, expected, "{}", apk.display());
    }
}

fn apksigner(apk: &Path, extra: &[&str]) -> String {
    let out = Command::new("apksigner")
        .args(["verify", "-v"])
        .args(extra)
        .arg(apk)
        .output()
        .expect("oracle `apksigner` not runnable: run `bash .ci/run`");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The block schemes `apksigner` verifies (as for Android 7+, so a v2-only APK whose
/// minSdk would also need v1 still verifies).
fn apksigner_block_schemes(apk: &Path) -> Vec<&'static str> {
    let text = apksigner(apk, &["--min-sdk-version", "24"]);
    assert!(
        text.starts_with("Verifies"),
        "{}: apksigner: {text}",
        apk.display()
    );
    [
        (
            "Verified using v2 scheme (APK Signature Scheme v2): true",
            "v2",
        ),
        (
            "Verified using v3 scheme (APK Signature Scheme v3): true",
            "v3",
        ),
    ]
    .into_iter()
    .filter(|(line, _)| text.lines().any(|l| l == *line))
    .map(|(_, scheme)| scheme)
    .collect()
}

/// v1 evidence is a `META-INF/*.SF` in unzip's listing, for every APK; v2/v3 evidence is
/// checked against what apksigner verifies on three APKs that cover the cases (v2 only,
/// v2 only with a minSdk that would need v1, v2+v3): apksigner starts a JVM each time.
#[test]
fn signing_evidence_matches_unzip_and_apksigner() {
    let apks: Vec<PathBuf> = corpus_apks();
    let small: Vec<&PathBuf> = apks
        .iter()
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.contains("io.appium.settings")
                || name.contains("debug-androidTest")
                || name.ends_with("libs_app-uiautomator-androidx.apk")
        })
        .collect();
    assert_eq!(
        small.len(),
        3,
        "expected the three registry APKs for apksigner"
    );
    let verified: Vec<Vec<&str>> = std::thread::scope(|s| {
        let handles: Vec<_> = small
            .iter()
            .map(|apk| s.spawn(move || apksigner_block_schemes(apk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("apksigner thread"))
            .collect()
    });
    for apk in &apks {
        let listing = common::oracle("unzip", &["-Z1"], apk);
        let has_sf = listing.lines().any(|l| {
            l.starts_with("META-INF/")
                && l.matches('/').count() == 1
                && l.to_uppercase().ends_with(".SF")
        });
        let summary = summarize(loaded(apk));
        assert_eq!(
            summary.signing.schemes.iter().any(|s| s == "v1"),
            has_sf,
            "{}: v1",
            apk.display()
        );
        if let Some(i) = small.iter().position(|p| *p == apk) {
            let ours: Vec<&str> = summary
                .signing
                .schemes
                .iter()
                .map(String::as_str)
                .filter(|s| *s != "v1")
                .collect();
            assert_eq!(ours, verified[i], "{}: block schemes", apk.display());
        }
    }
}

#[test]
fn appium_settings_is_v2_only() {
    let app = loaded(&common::appium_settings_apk());
    assert!(
        app.signing.v1_files.is_empty(),
        "{:?}",
        app.signing.v1_files
    );
    assert!(app.signing.has_signing_block);
    assert!(
        app.signing
            .signing_block_ids
            .iter()
            .any(|id| id == "0x7109871a (v2)")
    );
    assert!(
        !app.signing
            .signing_block_ids
            .iter()
            .any(|id| id.starts_with("0xf05368c0"))
    );
    assert_eq!(app.dex.len(), 9);
}
