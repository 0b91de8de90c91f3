//! `sdkflow inspect`: the JSON contract and the text view on a real APK, exit codes and
//! one-line errors on bad input.

mod apk_support;
mod common;

#[test]
fn json_contract_on_the_appium_settings_apk() {
    let apk = common::appium_settings_apk();
    let (code, stdout, stderr) =
        common::sdkflow(&["inspect", "--format", "json", apk.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(v["input_kind"], "apk");
    assert_eq!(v["has_manifest"], true);
    // Dex files: name and size, as unzip lists them.
    let listing = common::oracle("unzip", &["-Z1"], &apk);
    let dex: Vec<&str> = v["dex"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        dex.len(),
        listing.lines().filter(|l| l.starts_with("classes")).count()
    );
    assert_eq!(dex[0], "classes.dex");
    assert!(v["dex"][0]["size"].as_u64().unwrap() > 0);
    assert_eq!(
        v["entries"]["total"]["count"].as_u64().unwrap() as usize,
        listing.lines().count()
    );
    assert_eq!(v["entries"]["by_kind"]["dex"]["count"], 9);
    assert_eq!(v["signing"]["schemes"], serde_json::json!(["v2"]));
    assert_eq!(v["signing"]["v1_files"], serde_json::json!([]));
    assert!(v["native_libs"].as_array().unwrap().is_empty());
    assert!(v["problems"].as_array().unwrap().is_empty());
}

#[test]
fn text_view_on_the_fixture() {
    let apk = apk_support::fixture_path();
    let (code, stdout, stderr) = common::sdkflow(&["inspect", apk.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for needle in [
        "(apk)",
        "classes2.dex",
        "arm64-v8a",
        "libfixture.so",
        "schemes   v1 v2 v3",
        "META-INF/FIXTURE.SF",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in\n{stdout}");
    }
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.apk");
    std::fs::write(&junk, b"this is not an apk").unwrap();
    let (code, stdout, stderr) = common::sdkflow(&["inspect", junk.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("junk.apk: unsupported input"), "{stderr}");

    // A truncated real APK: the end record is gone.
    let mut bytes = std::fs::read(apk_support::fixture_path()).unwrap();
    bytes.truncate(bytes.len() - 30);
    let cut = dir.path().join("cut.apk");
    std::fs::write(&cut, &bytes).unwrap();
    let (code, _, stderr) = common::sdkflow(&["inspect", cut.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cut.apk @0x"), "{stderr}");
    assert!(
        stderr.contains("no end-of-central-directory record (truncated?)"),
        "{stderr}"
    );

    let (code, _, stderr) = common::sdkflow(&["inspect", "/nonexistent/app.apk"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/nonexistent/app.apk"), "{stderr}");

    let (code, _, _) = common::sdkflow(&["inspect", "--format", "yaml", "x.apk"]);
    assert_eq!(code, 2, "bad usage exits 2");
}
