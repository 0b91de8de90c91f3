//! `samples/build.sh --check` rebuilds every sample into a temp dir and compares it byte for
//! byte with the committed APK. It needs the Android build tools and takes ~15 s of two cores,
//! so it is opt-in: `cargo test --test samples_reproducible -- --ignored`.

mod common;

use std::process::Command;

#[test]
#[ignore = "rebuilds all samples with aapt/smali/gcc/apksigner (~15 s); run with --ignored"]
fn build_sh_check_rebuilds_byte_identical_apks() {
    let script = common::repo().join("samples/build.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg("--check")
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "build.sh --check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "basic",
        "multidex",
        "obfuscated",
        "flows",
        "broken",
        "hostile",
        "vendor-demo",
        "vendor-tool",
        "leftovers",
        "packed",
        "share-plugins",
    ] {
        assert!(
            stdout.contains(&format!("same      {name}.apk")),
            "{name}: {stdout}"
        );
    }
}
