//! Detection on real APKs from the registries: the whole pipeline (loader, dex parser,
//! manifest decoder, `detect_app`). Class counts are checked against `dexdump`, host
//! locations against `dexdump -d`'s `const-string` lines.

mod detect_support;

use std::path::{Path, PathBuf};

use detect_support::common::corpus;
use detect_support::*;
use sdkflow::detect::{Confidence, Detection, Detections, Evidence};

fn apk(name: &str) -> PathBuf {
    corpus(&format!("apk/{name}"))
}

const U2CACHE: &str = "pypi__uiautomator2cache==0.3.1__uiautomator2cache_cache_app-uiautomator.apk-d3f17174fb_app-uiautomator.apk";
const U2_371: &str = "pypi__uiautomator2==3.7.1__uiautomator2_assets_app-uiautomator.apk";
const YOSEMITE: &str = "pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk";

/// Every host evidence of `d` located in code points at a `const-string` that dexdump
/// shows at that method and offset, and that string contains the host.
#[track_caller]
pub fn assert_host_locations(path: &Path, d: &Detection) {
    let strings = dexdump_const_strings(path);
    let mut checked = 0;
    for e in &d.evidence {
        if let Evidence::Host { host, location } = e
            && location.starts_with('L')
        {
            let value = strings
                .get(location)
                .unwrap_or_else(|| panic!("{}: no const-string at {location}", d.id));
            assert!(
                value.to_ascii_lowercase().contains(host.as_str()),
                "{}: {location} loads {value:?}, not {host}",
                d.id
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "{}: no host evidence in code", d.id);
}

#[test]
fn talkingdata_in_uiautomator2cache_app() {
    let path = apk(U2CACHE);
    let found = detect_apk(&path);
    let d = found.get("talkingdata").expect("TalkingData detected");
    assert!(
        matches!(d.confidence, Confidence::High | Confidence::Medium),
        "{:?}",
        d.confidence
    );
    let classes = dexdump_classes(&path);
    let expected = count_under(&classes, "com/tendcloud/tenddata/");
    assert!(
        expected > 200,
        "dexdump sees {expected} TalkingData classes"
    );
    assert_eq!(class_count(d, "com.tendcloud.tenddata"), expected);
    assert!(d.evidence.iter().any(|e| matches!(e,
        Evidence::Classes { dex, .. } if dex == &["classes.dex".to_string()])));
    // Its endpoints are located in TalkingData's own code.
    assert_host_locations(&path, d);
    assert_eq!(third_party_ids(&found), ["talkingdata"]);
}

#[test]
fn talkingdata_gone_in_later_uiautomator2_build() {
    let path = apk(U2_371);
    let classes = dexdump_classes(&path);
    assert_eq!(
        count_under(&classes, "com/tendcloud/"),
        0,
        "dexdump sees TalkingData"
    );
    let found = detect_apk(&path);
    assert_absent(&found, "talkingdata");
    assert!(found.host_only.iter().all(|d| d.id != "talkingdata"));
    assert_eq!(third_party_ids(&found), Vec::<String>::new());
    // The same plain libraries as the earlier build (android.support, androidx, commons,
    // nanohttpd, okhttp and okio per dexdump's package list).
    assert_eq!(
        library_ids(&found),
        [
            "android-support",
            "androidx",
            "apache-commons",
            "nanohttpd",
            "okhttp",
            "okio"
        ]
    );
}

#[test]
fn yosemite_has_tencent_x5_and_no_play_services() {
    let path = apk(YOSEMITE);
    let found = detect_apk(&path);
    let classes = dexdump_classes(&path);
    let tbs = assert_detects(&found, "tencent-tbs", Confidence::High);
    let expected = count_under(&classes, "com/tencent/smtt/");
    assert!(expected > 300, "dexdump sees {expected} X5 classes");
    assert_eq!(class_count(tbs, "com.tencent.smtt"), expected);
    assert_eq!(class_count(tbs, "MTT"), count_under(&classes, "MTT/"));
    assert!(has_evidence(tbs, "log.tbs.qq.com"));
    assert_host_locations(&path, tbs);
    // The corpus notes list Google Play services, but there is none: no gms class (dexdump)
    // and no gms component or meta-data in the manifest (aapt).
    assert_eq!(count_under(&classes, "com/google/android/gms/"), 0);
    let out = std::process::Command::new("aapt")
        .args(["dump", "xmltree"])
        .arg(&path)
        .arg("AndroidManifest.xml")
        .output()
        .expect("aapt (oracle) not runnable: run `bash .ci/run` to install it");
    let manifest = String::from_utf8_lossy(&out.stdout);
    assert!(
        manifest.contains("uses-permission"),
        "aapt gave no manifest"
    );
    assert!(!manifest.contains("com.google.android.gms"));
    assert_absent(&found, "google-play-services");
    assert_eq!(third_party_ids(&found), ["tencent-tbs"]);
    // AndroidX Test's usage tracker names google-analytics.com: a host, not an SDK.
    let ga = host_only(&found, "google-analytics");
    assert!(ga.evidence.iter().all(|e| matches!(e,
        Evidence::Host { location, .. } if location.starts_with("Landroidx/test/"))));
    for lib in ["androidx", "glide", "netty", "kotlin-stdlib", "zxing"] {
        assert!(library_ids(&found).contains(&lib.to_string()), "{lib}");
    }
}

#[test]
fn appium_settings_has_play_services_as_library_and_no_tracker() {
    let path = detect_support::common::appium_settings_apk();
    let found = detect_apk(&path);
    let classes = dexdump_classes(&path);
    assert_eq!(third_party_ids(&found), Vec::<String>::new());
    assert!(found.host_only.is_empty(), "{:?}", found.host_only);
    let gms = found.get("google-play-services").expect("play services");
    assert_eq!(gms.category, "library");
    assert_eq!(
        class_count(gms, "com.google.android.gms"),
        count_under(&classes, "com/google/android/gms/")
    );
    assert!(has_evidence(
        gms,
        "com.google.android.gms.common.api.GoogleApiActivity"
    ));
    let firebase = found.get("firebase-core").expect("firebase");
    assert_eq!(
        class_count(firebase, "com.google.firebase"),
        count_under(&classes, "com/google/firebase/")
    );
    for lib in [
        "androidx",
        "kotlin-stdlib",
        "kotlinx-coroutines",
        "apache-commons",
    ] {
        assert!(library_ids(&found).contains(&lib.to_string()), "{lib}");
    }
}

#[test]
fn appium_uiautomator2_server_has_no_tracker_and_a_host_only_hint() {
    let path = detect_support::common::uiautomator2_server_apk();
    let found = detect_apk(&path);
    assert_eq!(third_party_ids(&found), Vec::<String>::new());
    // `www.google-analytics.com` is in AndroidX Test's tracker, reported apart.
    let ga = host_only(&found, "google-analytics");
    assert_eq!(ga.confidence, Confidence::Low);
    assert_host_locations(&path, ga);
    assert_eq!(found.host_only.len(), 1, "{:?}", found.host_only);
    let classes = dexdump_classes(&path);
    for (lib, package, prefix) in [
        ("gson", "com.google.gson", "com/google/gson/"),
        ("netty", "io.netty", "io/netty/"),
        ("icu4j", "com.ibm.icu", "com/ibm/icu/"),
    ] {
        let d = found.get(lib).unwrap_or_else(|| panic!("{lib}"));
        assert_eq!(d.category, "library");
        assert_eq!(
            class_count(d, package),
            count_under(&classes, prefix),
            "{lib}"
        );
    }
}

/// The detector's Detections for a JSON round trip through the CLI match the library's.
#[test]
fn sdks_cli_json_on_apk() {
    let path = apk(U2CACHE);
    let (code, out, err) =
        detect_support::common::sdkflow(&["sdks", &path.display().to_string(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let sdks = json["sdks"].as_array().expect("sdks");
    let td = sdks
        .iter()
        .find(|s| s["id"] == "talkingdata")
        .expect("talkingdata in JSON");
    assert_eq!(td["category"], "analytics");
    assert!(td["evidence"].as_array().is_some_and(|e| !e.is_empty()));
    let lib: Detections = detect_apk(&path);
    assert_eq!(sdks.len(), lib.sdks.len());
}
