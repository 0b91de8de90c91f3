//! The text path: a binary manifest rendered as XML and read back as text gives the same
//! model; the hand-written source of the rich fixture, read as text with its APK's resource
//! table, gives the same model as aapt's compilation of it; Android's exported rules.

mod common;

use std::path::Path;

use sdkflow::Location;
use sdkflow::arsc::ResourceTable;
use sdkflow::axml::Naming;
use sdkflow::manifest::{ComponentKind, Manifest};

fn json(m: &Manifest) -> serde_json::Value {
    serde_json::to_value(m).expect("serialise")
}

fn round_trip(apk: &Path) {
    let app = sdkflow::apk::load(apk, &sdkflow::Limits::default()).expect("load");
    let mut problems = Vec::new();
    let table = sdkflow::manifest::resource_table(&app, &mut problems);
    let decoded = sdkflow::manifest::decode_source(&app, table.as_ref()).expect("decode");
    let xml =
        sdkflow::axml::render_xml(&decoded.document, table.as_ref().map(|t| t as &dyn Naming));
    let again =
        sdkflow::manifest::from_text(xml.as_bytes(), table.as_ref(), &Location::file("rendered"))
            .unwrap_or_else(|e| {
                panic!("{}: rendered XML does not parse: {e}\n{xml}", apk.display())
            });
    assert_eq!(
        json(&decoded.manifest),
        json(&again.manifest),
        "{}: text round trip changed the model",
        apk.display()
    );
    assert!(!decoded.manifest.package.is_empty());
}

#[test]
fn rendered_xml_reads_back_to_the_same_manifest_for_every_corpus_apk() {
    let dir = common::appium_settings_apk()
        .parent()
        .expect("dir")
        .to_path_buf();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("list") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "apk") {
            round_trip(&path);
            n += 1;
        }
    }
    assert!(n >= 10, "only {n} corpus APKs");
    round_trip(&common::repo().join("tests/fixtures/fixture.apk"));
    round_trip(&common::repo().join("tests/fixtures/rich.apk"));
}

#[test]
fn the_rich_source_manifest_reads_like_its_compiled_form() {
    let apk = common::repo().join("tests/fixtures/rich.apk");
    let app = sdkflow::apk::load(&apk, &sdkflow::Limits::default()).expect("load");
    let arsc = &app
        .resources
        .as_ref()
        .expect("rich.apk has resources.arsc")
        .bytes;
    let table = ResourceTable::parse(arsc).expect("arsc");
    let (binary, _) = sdkflow::manifest::from_app(&app).expect("binary");
    let source = std::fs::read(common::repo().join("tests/fixtures/rich/AndroidManifest.xml"))
        .expect("source");
    let text =
        sdkflow::manifest::from_text(&source, Some(&table), &Location::file("rich")).expect("text");
    assert_eq!(json(&binary), json(&text.manifest));

    // Expectations read off tests/fixtures/rich/ by hand.
    let m = binary;
    assert_eq!(m.version_name.as_deref(), Some("4.2.0-rich"));
    assert_eq!(m.application.label.as_deref(), Some("Rich Sample"));
    assert_eq!(
        m.application.name.as_deref(),
        Some("com.example.rich.RichApp")
    );
    assert_eq!(
        m.application.network_security_config.as_deref(),
        Some("res/xml/network_security_config.xml")
    );
    assert_eq!(m.application.uses_cleartext_traffic, Some(true));
    assert!(m.application.debuggable && !m.application.allow_backup);
    assert_eq!(
        (m.min_sdk, m.target_sdk, m.max_sdk),
        (Some(16), Some(30), Some(33))
    );
    let perm = |n: &str| m.permissions.iter().find(|p| p.name == n).expect(n).clone();
    assert_eq!(
        m.permissions.iter().filter(|p| p.implied.is_none()).count(),
        5,
        "INTERNET is listed twice in the source"
    );
    // WRITE_EXTERNAL_STORAGE implies READ_EXTERNAL_STORAGE, as `aapt dump badging` says.
    assert_eq!(
        perm("android.permission.READ_EXTERNAL_STORAGE")
            .implied
            .as_deref(),
        Some("requested WRITE_EXTERNAL_STORAGE")
    );
    assert_eq!(perm("android.permission.CAMERA").max_sdk_version, Some(29));
    assert!(perm("android.permission.CAMERA").sdk23);
    assert!(!perm("android.permission.INTERNET").sdk23);
    let levels: Vec<_> = m
        .permission_definitions
        .iter()
        .map(|p| p.protection_level.clone().unwrap_or_default())
        .collect();
    assert_eq!(levels, ["signature", "signature|privileged"]);
    assert_eq!(m.features[1].gl_es_version, Some(0x20000));
    assert!(!m.features[0].required);
    let meta = |n: &str| m.meta_data.iter().find(|d| d.name == n).expect(n).clone();
    assert_eq!(meta("UMENG_CHANNEL").value.as_deref(), Some("huawei"));
    assert_eq!(
        meta("UMENG_CHANNEL").value_reference.as_deref(),
        Some("@string/channel")
    );
    assert_eq!(meta("BaiduMobAd_STAT_ID").value.as_deref(), Some("987654"));
    assert_eq!(meta("DEBUG_LOG").value.as_deref(), Some("false"));
    assert_eq!(meta("PUSH_ENABLED").value.as_deref(), Some("true"));
    assert_eq!(meta("RATIO").value.as_deref(), Some("1.5"));
    assert_eq!(meta("BRAND_COLOR").value.as_deref(), Some("#ff336699"));
    assert_eq!(meta("SHORT_COLOR").value.as_deref(), Some("#f0a"));
    assert_eq!(
        meta("activity.key").component.as_deref(),
        Some("com.example.rich.MainActivity")
    );
    assert_eq!(meta("activity.key").value.as_deref(), Some("Rich Sample"));
    let c = |n: &str| m.components.iter().find(|c| c.name == n).expect(n).clone();
    let main = c("com.example.rich.MainActivity");
    assert!(
        main.exported && main.exported_explicit.is_none(),
        "implied by its filters"
    );
    assert_eq!(main.intent_filters[0].priority, Some(100));
    assert_eq!(
        main.intent_filters[1].data,
        ["rich://open:8080/item*", "type=image/*"]
    );
    let alias = c("com.example.rich.Launcher");
    assert_eq!(alias.kind, ComponentKind::ActivityAlias);
    assert_eq!(
        alias.target_activity.as_deref(),
        Some("com.example.rich.MainActivity")
    );
    assert!(!c("com.example.rich.SettingsActivity").enabled);
    assert_eq!(
        c("cn.jpush.android.service.PushService").process.as_deref(),
        Some(":pushcore")
    );
    assert!(c("cn.jpush.android.service.PushService").exported);
    assert!(!c("com.example.rich.Receiver").exported);
    let provider = c("androidx.core.content.FileProvider");
    assert!(
        !provider.exported,
        "targetSdk 30 >= 17: providers are private by default"
    );
    assert_eq!(
        provider.authorities,
        ["com.example.rich.fileprovider", "com.example.rich.other"]
    );
    assert_eq!(
        provider.read_permission.as_deref(),
        Some("com.example.rich.permission.PUSH")
    );
}

const S_MANIFEST: &str = r#"<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="p.q">
  <uses-sdk android:minSdkVersion="14" android:targetSdkVersion="TARGET"/>
  <application>
    <receiver android:name=".Boot">
      <intent-filter><action android:name="android.intent.action.BOOT_COMPLETED"/></intent-filter>
    </receiver>
    <provider android:name=".Data" android:authorities="p.q.data"/>
  </application>
</manifest>"#;

#[test]
fn exported_follows_android_rules_for_the_target_sdk() {
    let build = |target: &str| {
        let xml = S_MANIFEST.replace("TARGET", target);
        sdkflow::manifest::from_text(xml.as_bytes(), None, &Location::file("m.xml")).expect("text")
    };
    let s = build("31");
    let boot = &s.manifest.components[0];
    assert_eq!(boot.name, "p.q.Boot");
    assert!(
        boot.exported,
        "filters without android:exported: treated as exported"
    );
    assert!(
        s.problems
            .iter()
            .any(|p| p.message.contains("p.q.Boot") && p.message.contains(">= 31")),
        "{:?}",
        s.problems
    );
    assert!(!s.manifest.components[1].exported);
    let old = build("16");
    assert!(old.problems.is_empty(), "{:?}", old.problems);
    assert!(
        old.manifest.components[1].exported,
        "providers are exported below API 17"
    );
    let defaults = sdkflow::manifest::from_text(
        br#"<manifest package="a.b"><application/></manifest>"#,
        None,
        &Location::file("m.xml"),
    )
    .expect("text");
    assert_eq!(
        (defaults.manifest.min_sdk, defaults.manifest.target_sdk),
        (Some(1), Some(1))
    );
    assert!(defaults.manifest.application.allow_backup);
}
