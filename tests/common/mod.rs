//! Shared helpers for integration tests: where the real inputs are, and running the oracles.
//!
//! Real APKs and SDK binaries come from the registries (`.ci/run` fetches them into
//! `target/corpus` with `../shared/corpus/corpus-fetch.sh`). A test that needs one and
//! cannot find it fails with instructions; it never skips itself.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus folder: `$SDKFLOW_CORPUS`, else `target/corpus`.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("SDKFLOW_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => repo().join("target/corpus"),
    }
}

/// A file of the corpus (`apk/npm__io.appium.settings@8.0.10__settings_apk-debug.apk`).
/// Panics with instructions when it is missing.
pub fn corpus(rel: &str) -> PathBuf {
    let path = corpus_dir().join(rel);
    assert!(
        path.exists(),
        "missing real input {}: run `bash .ci/run` (or `bash ../shared/corpus/corpus-fetch.sh target/corpus --big`) first",
        path.display()
    );
    path
}

/// The io.appium.settings registry APK (9 dex files, v2-only signature).
pub fn appium_settings_apk() -> PathBuf {
    corpus("apk/npm__io.appium.settings@8.0.10__settings_apk-debug.apk")
}

/// The 16-dex appium-uiautomator2-server registry APK.
pub fn uiautomator2_server_apk() -> PathBuf {
    corpus("apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk")
}

/// A sample APK built by `samples/build.sh` (committed under `samples/apk/`).
pub fn sample_apk(name: &str) -> PathBuf {
    let path = repo().join("samples/apk").join(format!("{name}.apk"));
    assert!(
        path.exists(),
        "missing sample {}: run `bash samples/build.sh`",
        path.display()
    );
    path
}

/// Run an oracle tool (aapt, dexdump, readelf) and return its stdout. Panics with
/// instructions when the tool is not installed.
pub fn oracle(tool: &str, args: &[&str], input: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(input)
        .output()
        .unwrap_or_else(|e| {
            panic!("oracle `{tool}` not runnable ({e}): run `bash .ci/run` to install it")
        });
    assert!(
        out.status.success() || !out.stdout.is_empty(),
        "oracle `{tool} {args:?} {}` failed: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Run the sdkflow binary; returns (exit code, stdout, stderr).
pub fn sdkflow(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sdkflow"))
        .args(args)
        .output()
        .expect("run sdkflow");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
