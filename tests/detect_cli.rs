//! `sdkflow sdks` and `sdkflow signatures` end to end.

mod detect_support;
use detect_support::common;

#[test]
fn sdks_json_lists_ids_categories_confidence_and_evidence() {
    let jar = common::corpus(
        "sdk/jverification-react-native@2.8.8/android/libs/jverification-android-not_support_dynamic-release-3.4.8.jar",
    );
    let (code, out, err) =
        common::sdkflow(&["sdks", jar.to_str().unwrap_or_default(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let sdks = json["sdks"].as_array().expect("sdks list");
    let ids: Vec<&str> = sdks.iter().filter_map(|s| s["id"].as_str()).collect();
    for id in ["jverification", "cmcc-auth", "cucc-auth", "ctcc-auth"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let jv = sdks
        .iter()
        .find(|s| s["id"] == "jverification")
        .expect("jverification");
    assert_eq!(jv["category"], "one-click-login");
    assert_eq!(jv["confidence"], "medium");
    assert_eq!(jv["evidence"][0]["kind"], "classes");
    assert_eq!(jv["evidence"][0]["package"], "cn.jiguang.verifysdk");
    assert!(json["unknown"].is_array());
}

#[test]
fn sdks_text_names_sdk_and_evidence() {
    let jar = common::corpus("sdk/react-native-qq@2.0.5/android/libs/mta-sdk-1.6.2.jar");
    let (code, out, _) = common::sdkflow(&["sdks", jar.to_str().unwrap_or_default()]);
    assert_eq!(code, 0);
    assert!(out.contains("tencent-mta"), "{out}");
    assert!(out.contains("com.tencent.stat.* (65)"), "{out}");
}

#[test]
fn signatures_check_passes_on_the_embedded_catalogue_and_fails_on_a_bad_folder() {
    let (code, out, _) = common::sdkflow(&["signatures", "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 problems"), "{out}");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.toml"), "format = 1\nid = \"bad\"\nname = \"Bad\"\ncategory = \"nope\"\n[match]\npackages = [\"com.bad\"]\n").expect("write");
    let (code, out, _) = common::sdkflow(&[
        "signatures",
        "check",
        dir.path().to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("bad.toml: category: unknown category `nope`"),
        "{out}"
    );
}

#[test]
fn signatures_show_and_list() {
    let (code, out, _) = common::sdkflow(&["signatures", "show", "jpush", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["id"], "jpush");
    assert!(
        json["aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "极光推送"))
    );
    let (code, out, _) = common::sdkflow(&["signatures", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.lines().any(|l| l.starts_with("tencent-bugly ")),
        "{out}"
    );
    let (code, _, err) = common::sdkflow(&["signatures", "show", "no-such-sdk"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn sdks_refuses_an_invalid_override_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("x.toml"),
        "format = 1\nid = \"x\"\nname = \"X\"\ncategory = \"ads\"\nbogus = 1\n",
    )
    .expect("write");
    let jar = common::corpus("sdk/react-native-qq@2.0.5/android/libs/mta-sdk-1.6.2.jar");
    let (code, _, err) = common::sdkflow(&[
        "sdks",
        jar.to_str().unwrap_or_default(),
        "--signatures",
        dir.path().to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("x.toml") && err.contains("bogus"), "{err}");
}
