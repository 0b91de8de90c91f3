//! `sdkflow manifest` end to end: JSON contract fields, XML output, and a one-line error
//! with file, entry and offset (exit 2) on a broken manifest.

mod common;

use std::io::Write;

#[test]
fn json_has_the_contract_fields() {
    let apk = common::repo().join("tests/fixtures/rich.apk");
    let (code, out, err) =
        common::sdkflow(&["manifest", "--format", "json", apk.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["package"], "com.example.rich");
    assert_eq!(v["version_code"], 42);
    assert_eq!(v["version_name"], "4.2.0-rich");
    assert_eq!(
        (v["min_sdk"].as_u64(), v["target_sdk"].as_u64()),
        (Some(16), Some(30))
    );
    assert_eq!(v["permissions"][0]["name"], "android.permission.INTERNET");
    assert!(v["components"].as_array().unwrap().len() == 6);
    assert!(
        v["meta_data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "UMENG_APPKEY")
    );
}

#[test]
fn xml_is_the_default_and_names_references() {
    let apk = common::appium_settings_apk();
    let (code, out, err) = common::sdkflow(&["manifest", apk.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<?xml"));
    assert!(out.contains(r#"android:label="@string/app_name""#), "{out}");
    assert!(out.contains(r#"android:protectionLevel="signature""#));
}

#[test]
fn a_broken_manifest_is_one_line_with_file_entry_offset_and_exit_2() {
    let apk = common::appium_settings_apk();
    let app = sdkflow::apk::load(&apk, &sdkflow::Limits::default()).unwrap();
    let Some(sdkflow::apk::ManifestSource::Binary(blob)) = app.manifest else {
        panic!("binary manifest expected")
    };
    // Claim 2^30 strings in the pool: the offsets table cannot fit.
    let mut bytes = blob.bytes.clone();
    bytes[16..20].copy_from_slice(&(1u32 << 30).to_le_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.apk");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file(
        "AndroidManifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(&bytes).unwrap();
    zip.finish().unwrap();
    let (code, out, err) = common::sdkflow(&["manifest", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.apk!AndroidManifest.xml @0x8: malformed binary XML: string count"),
        "{err}"
    );
}
