//! The embedded permission and data-type dictionaries load, validate, and map the phrases
//! real policies use. Expectations come from the Android framework (permission names,
//! groups) and from reading the seed policies, not from our own output.

use sdkflow::dictionary::{DataKind, Dictionary, PhraseTarget};

fn dict() -> &'static Dictionary {
    Dictionary::embedded().expect("embedded dictionaries parse")
}

#[test]
fn embedded_dictionaries_validate_cleanly() {
    let problems = dict().validate();
    assert!(
        problems.is_empty(),
        "dictionary problems:\n{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn unknown_fields_are_rejected() {
    let perms = "format = 1\n[[permission]]\nname = \"android.permission.CAMERA\"\nprotection = \"dangerous\"\ngroup = \"none\"\nsensitive = true\nphrase = [\"相机\"]\n";
    let err = Dictionary::parse(perms, "format = 1\n").expect_err("typo `phrase` must be rejected");
    assert!(err.to_string().contains("phrase"), "{err}");
    let dts = "format = 1\n[[data_type]]\nid = \"x\"\nname = \"x\"\nkinds = \"personal\"\n";
    assert!(Dictionary::parse("format = 1\n", dts).is_err());
}

#[test]
fn dangling_references_and_clashes_are_reported() {
    let perms = r#"format = 1
[[group]]
id = "camera"
runtime = true
name = "Camera"
permissions = ["android.permission.CAMERA", "android.permission.NOPE"]
phrases = ["相机权限"]
[[permission]]
name = "android.permission.CAMERA"
protection = "dangerous"
group = "cameras"
sensitive = true
data_types = ["camera.frames"]
phrases = ["相機權限"]
"#;
    let dts = "format = 1\n[[data_type]]\nid = \"camera\"\nname = \"camera\"\nphrases = []\n";
    let dict = Dictionary::parse(perms, dts).expect("parses");
    let problems: Vec<String> = dict.validate().iter().map(|p| p.to_string()).collect();
    let has = |s: &str| problems.iter().any(|p| p.contains(s));
    assert!(
        has("unknown permission `android.permission.NOPE`"),
        "{problems:?}"
    );
    assert!(has("`cameras` is not a runtime group"), "{problems:?}");
    assert!(has("unknown data type `camera.frames`"), "{problems:?}");
    // 相機權限 is 相机权限 after traditional → simplified: one phrase naming two entries.
    assert!(has("names two different entries"), "{problems:?}");
    assert!(Dictionary::from_toml(perms, dts).is_err());
}

#[test]
fn every_dangerous_permission_is_sensitive_and_in_a_runtime_group() {
    for p in dict().permissions() {
        if p.protection.split('|').any(|l| l == "dangerous") {
            assert!(p.sensitive, "{} is dangerous but not sensitive", p.name);
        }
    }
    // Normal permissions regulators still expect to be disclosed (research §8 note 3).
    for name in [
        "ACCESS_WIFI_STATE",
        "BLUETOOTH",
        "QUERY_ALL_PACKAGES",
        "GET_TASKS",
    ] {
        let p = dict()
            .permission(name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert!(p.sensitive, "{name} should be sensitive");
        assert_eq!(p.group, "none");
    }
    let fine = dict()
        .permission("android.permission.ACCESS_FINE_LOCATION")
        .expect("fine location");
    assert_eq!(fine.group, "location");
    assert_eq!(
        dict().permission("READ_CONTACTS").map(|p| p.group.as_str()),
        Some("contacts")
    );
    assert_eq!(
        dict().permission("RECORD_AUDIO").map(|p| p.group.as_str()),
        Some("microphone")
    );
}

#[test]
fn phrases_in_both_scripts_map_to_permissions() {
    let d = dict();
    let one = |phrase: &str| d.permissions_for_phrase(phrase).unwrap_or_default();
    assert_eq!(one("相机权限"), ["android.permission.CAMERA"]);
    assert_eq!(one("相機權限"), ["android.permission.CAMERA"]);
    assert_eq!(one("麥克風權限"), ["android.permission.RECORD_AUDIO"]);
    // Words from seed 002's permission table (AOSP labels of older Android versions).
    assert_eq!(one("读取联系人"), ["android.permission.READ_CONTACTS"]);
    assert_eq!(
        one("重新设置外拨电话的路径"),
        ["android.permission.PROCESS_OUTGOING_CALLS"]
    );
    assert_eq!(one("完全的网络访问权限"), ["android.permission.INTERNET"]);
    assert_eq!(
        one("更改网络连接性"),
        ["android.permission.CHANGE_NETWORK_STATE"]
    );
    // Group words name several permissions.
    let loc = one("位置權限");
    assert!(
        loc.contains(&"android.permission.ACCESS_FINE_LOCATION")
            && loc.contains(&"android.permission.ACCESS_COARSE_LOCATION")
    );
    assert!(
        !loc.contains(&"android.permission.ACCESS_BACKGROUND_LOCATION"),
        "background location needs its own words"
    );
    let storage = one("存储权限");
    assert!(storage.contains(&"android.permission.WRITE_EXTERNAL_STORAGE"));
    assert!(d.permissions_for_phrase("隐私政策").is_none());
}

#[test]
fn phrases_map_to_data_types() {
    let d = dict();
    assert_eq!(d.data_type_for_phrase("IMEI"), Some("device_id.imei"));
    assert_eq!(
        d.data_type_for_phrase("安卓ID"),
        Some("device_id.android_id")
    );
    assert_eq!(d.data_type_for_phrase("软件列表"), Some("app.list"));
    assert_eq!(d.data_type_for_phrase("剪切板"), Some("clipboard"));
    assert_eq!(d.data_type_for_phrase("通訊錄"), Some("contacts"));
    assert_eq!(d.data_type_for_phrase("身份证号码"), Some("id_card"));
    assert_eq!(d.data_type_for_phrase("手機號"), Some("phone_number"));
    // A bare 平台 / 版本 declares nothing: they were in the first generated version.
    assert_eq!(d.data_type_for_phrase("平台"), None);
    assert_eq!(d.data_type_for_phrase("版本"), None);
}

#[test]
fn capabilities_are_not_personal_data() {
    let d = dict();
    for id in ["vibrate", "wake_lock", "autostart", "network", "overlay"] {
        assert_eq!(
            d.data_type(id).map(|t| t.kind),
            Some(DataKind::Capability),
            "{id}"
        );
    }
    for id in [
        "device_id.imei",
        "location.precise",
        "contacts",
        "clipboard",
        "app.list",
    ] {
        assert_eq!(
            d.data_type(id).map(|t| t.kind),
            Some(DataKind::Personal),
            "{id}"
        );
    }
}

#[test]
fn ids_used_by_other_modules_still_exist() {
    // Ids present in the first generated data-types.toml (used by the signature data and
    // sensitive-API tables): they may gain phrases but never disappear.
    for id in [
        "account.user_id",
        "app.list",
        "app.running",
        "device.model",
        "device_id.android_id",
        "device_id.oaid",
        "device_id.imei",
        "device_id.mac",
        "device_id.sim_serial",
        "location.precise",
        "location.coarse",
        "network.ip",
        "network.carrier",
        "push.token",
        "sensors",
        "storage.album",
        "clipboard",
        "vibrate",
        "wake_lock",
        "screen.recording",
        "app.install_state",
        "camera",
    ] {
        assert!(dict().data_type(id).is_some(), "{id} disappeared");
    }
}

#[test]
fn covers_expand_generic_declarations() {
    let covered = dict().covered(["device.info", "device_id.iccid"]);
    assert!(covered.contains("device.model"));
    assert!(covered.contains("device_id.sim_serial"));
    assert!(!covered.contains("device_id.imei"));
}

#[test]
fn leftmost_longest_and_ignore_phrases() {
    let d = dict();
    let text = sdkflow::dictionary::text::normalize("请开启相机权限，我们会收集您的联系邮箱");
    let perms = d.find_permission_phrases(&text);
    assert_eq!(perms.len(), 1, "{perms:?}");
    assert_eq!(
        d.permissions_of(perms[0].target),
        ["android.permission.CAMERA"]
    );
    assert!(!perms[0].context_only);
    let dts = d.find_data_type_phrases(&text);
    assert!(
        dts.iter().all(|h| h.target == PhraseTarget::Ignore),
        "联系邮箱 is ignored: {dts:?}"
    );
}

/// A phrase written around a bracketed aside (`WLAN（如Wi-Fi）接入点`) is found at its place
/// in the text; a phrase that merely stands next to an aside is found once, as before.
#[test]
fn phrases_with_a_bracketed_aside_inside_are_found() {
    let d = dict();
    let text =
        sdkflow::dictionary::text::normalize("通过IP地址、WLAN（如Wi-Fi）接入点、基站获取位置");
    let hits = d.find_data_type_phrases(&text);
    let wifi: Vec<_> = hits
        .iter()
        .filter(|h| d.data_type_of(h.target) == Some("network.wifi_state"))
        .collect();
    assert_eq!(wifi.len(), 1, "{hits:?}");
    assert_eq!(
        text.get(wifi[0].start..wifi[0].end),
        Some("wlan(如wi-fi)接入点")
    );
    let ip: Vec<_> = hits
        .iter()
        .filter(|h| d.data_type_of(h.target) == Some("network.ip"))
        .collect();
    assert_eq!(ip.len(), 1, "{hits:?}");
    // Negative twin: an aside between two unrelated words joins nothing.
    let other = sdkflow::dictionary::text::normalize("WLAN（无线局域网）设置");
    assert!(
        d.find_data_type_phrases(&other)
            .iter()
            .all(|h| d.data_type_of(h.target) != Some("network.wifi_state")),
    );
}

/// A Wi-Fi access-point declaration covers the access point's identifiers (BSSID, SSID).
#[test]
fn wifi_state_covers_the_access_point_identifiers() {
    let covered = dict().covered(["network.wifi_state"]);
    assert!(covered.contains("network.bssid"));
    assert!(covered.contains("network.ssid"));
    assert!(!covered.contains("network.ip"));
}
