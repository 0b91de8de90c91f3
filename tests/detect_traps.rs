//! The real-world traps of ../shared/corpus/README.md §3 and sdk-facts.md §6, one test each,
//! on subjects built from real class lists or from manifest facts of the vendors' docs.

mod detect_support;

use detect_support::*;
use sdkflow::detect::{CodeString, Confidence, Subject};
use sdkflow::manifest::{Component, ComponentKind, Manifest, MetaData};

fn component(kind: ComponentKind, name: &str) -> Component {
    Component {
        kind,
        name: name.into(),
        target_activity: None,
        exported: false,
        exported_explicit: None,
        enabled: true,
        permission: None,
        read_permission: None,
        write_permission: None,
        process: None,
        authorities: Vec::new(),
        intent_filters: Vec::new(),
    }
}

fn meta(name: &str, value: &str) -> MetaData {
    MetaData {
        name: name.into(),
        value: Some(value.into()),
        resource: None,
        value_reference: None,
        component: None,
    }
}

#[test]
fn app_package_under_a_vendor_prefix_is_not_an_sdk() {
    // A Jiguang demo app with no SDK inside (sdk-facts §6: cn.jiguang.jmlinkdemo).
    let mut s = Subject {
        app_package: Some("cn.jiguang.jmlinkdemo".into()),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "cn.jiguang.jmlinkdemo.MainActivity",
            "cn.jiguang.jmlinkdemo.ui.Home",
        ],
    );
    let found = detect(&s);
    assert!(found.sdks.is_empty(), "{:?}", found.sdks);
    assert!(
        found.unknown.is_empty(),
        "own code is not unknown: {:?}",
        found.unknown
    );
}

#[test]
fn demo_app_inside_the_sdk_namespace_still_has_the_real_sdk() {
    // The Bugly hot-fix demo (com.tencent.bugly.hotfix) bundles the real Bugly SDK.
    let mut s = Subject {
        app_package: Some("com.tencent.bugly.hotfix".into()),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "com.tencent.bugly.hotfix.MainActivity",
            "com.tencent.bugly.hotfix.SampleApplication",
            "com.tencent.bugly.crashreport.CrashReport",
            "com.tencent.bugly.beta.Beta",
        ],
    );
    let found = detect(&s);
    let d = assert_detects(&found, "tencent-bugly", Confidence::Medium);
    assert_eq!(
        class_count(d, "com.tencent.bugly"),
        2,
        "only the SDK's classes, not the app's"
    );
}

#[test]
fn app_package_that_is_a_parent_of_an_sdk_prefix_does_not_hide_the_sdk() {
    let mut s = Subject {
        app_package: Some("com.tencent".into()),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        ["com.tencent.smtt.sdk.WebView", "com.tencent.MainActivity"],
    );
    let found = detect(&s);
    assert_detects(&found, "tencent-tbs", Confidence::Medium);
}

#[test]
fn obfuscated_amap_location_is_found_by_its_manifest_at_medium_confidence() {
    // Code renamed to a.a.a; the stable anchors are the APSService (R8 keeps the classes
    // the manifest names, so the class is there under its name) and the API key.
    let manifest = Manifest {
        package: "com.example.delivery".into(),
        components: vec![component(
            ComponentKind::Service,
            "com.amap.api.location.APSService",
        )],
        meta_data: vec![meta("com.amap.api.v2.apikey", "0123456789abcdef")],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "a.a.a",
            "a.a.b",
            "com.amap.api.location.APSService",
            "com.example.delivery.Main",
        ],
    );
    let found = detect(&s);
    let d = assert_detects(&found, "amap-location", Confidence::Medium);
    assert!(has_evidence(d, "com.amap.api.location.APSService"));
    let key = assert_detects(&found, "amap-common", Confidence::Medium);
    assert!(has_evidence(key, "com.amap.api.v2.apikey"));
}

#[test]
fn same_sdk_with_code_and_manifest_is_high() {
    let jar = "react-native-amap-location@0.0.4/libs/AMap_Location_V2.4.0_20160308.jar";
    let manifest = Manifest {
        package: "com.example.delivery".into(),
        components: vec![component(
            ComponentKind::Service,
            "com.amap.api.location.APSService",
        )],
        ..Manifest::default()
    };
    let mut s = subject(&[jar]);
    s.manifest = Some(&manifest);
    let found = detect(&s);
    assert_detects(&found, "amap-location", Confidence::High);
}

#[test]
fn unlisted_component_under_an_sdk_package_counts_as_manifest_evidence() {
    // JPush manifests gain services across versions; the package names the owner.
    let manifest = Manifest {
        package: "com.example.news".into(),
        components: vec![component(
            ComponentKind::Service,
            "cn.jpush.android.service.SomeFutureService",
        )],
        meta_data: vec![meta("JPUSH_APPKEY", "abcdef0123456789abcdef01")],
        ..Manifest::default()
    };
    let s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    let found = detect(&s);
    assert_detects(&found, "jpush", Confidence::Medium);
    let core = assert_detects(&found, "jiguang-jcore", Confidence::Medium);
    assert!(core.evidence.iter().any(|e| matches!(e, sdkflow::detect::Evidence::MetaData { value: Some(v), .. } if v.starts_with("abcdef"))));
}

#[test]
fn hosts_alone_are_low_confidence_and_match_on_label_boundaries() {
    let mut s = Subject::default();
    s.strings.push(CodeString {
        value: "https://stats.jpush.cn/v1/report".into(),
        location: "La/b;->c()V".into(),
    });
    s.strings.push(CodeString {
        value: "notjpush.cn".into(),
        location: "La/b;->d()V".into(),
    });
    let found = detect(&s);
    // Host-only detections are kept apart from the SDKs (`host_only`).
    assert_absent(&found, "jpush");
    let d = found
        .host_only
        .iter()
        .find(|d| d.id == "jpush")
        .unwrap_or_else(|| panic!("jpush not in host_only: {:?}", found.host_only));
    assert_eq!(d.confidence, Confidence::Low);
    assert_eq!(d.evidence.len(), 1, "{:?}", d.evidence);
    assert!(has_evidence(d, "stats.jpush.cn"));
}

#[test]
fn generic_native_names_prove_nothing_alone() {
    // libutility.so (weibo) and libfbjni.so (React Native too) are weak matchers.
    let mut s = Subject::default();
    s.add_native_lib("lib/arm64-v8a/libutility.so");
    s.add_native_lib("lib/arm64-v8a/libfbjni.so");
    let found = detect(&s);
    assert!(
        found.sdks.is_empty(),
        "{:?}",
        found.sdks.iter().map(|d| &d.id).collect::<Vec<_>>()
    );
}

#[test]
fn facebook_libraries_are_not_the_facebook_sdk() {
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        [
            "com.facebook.drawee.view.SimpleDraweeView",
            "com.facebook.imagepipeline.core.ImagePipeline",
            "com.facebook.react.ReactActivity",
            "com.facebook.soloader.SoLoader",
        ],
    );
    let found = detect(&s);
    assert_absent(&found, "facebook-sdk");
    assert_detects(&found, "fresco", Confidence::Medium);
    assert_detects(&found, "react-native", Confidence::Medium);
}

#[test]
fn bytedance_namespace_is_split_between_its_sdks() {
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        [
            "com.bytedance.sdk.open.douyin.DouYinOpenApiFactory",
            "com.bytedance.applog.AppLog",
        ],
    );
    let found = detect(&s);
    assert_detects(&found, "douyin-opensdk", Confidence::Medium);
    assert_detects(&found, "bytedance-applog", Confidence::Medium);
    assert_absent(&found, "pangle");
}

#[test]
fn exclusions_hand_a_sub_package_to_the_next_owner() {
    // gms.ads.identifier (AdvertisingIdClient) is used by many SDKs: not AdMob by itself.
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        ["com.google.android.gms.ads.identifier.AdvertisingIdClient"],
    );
    let found = detect(&s);
    assert_absent(&found, "google-admob");
    assert_detects(&found, "google-play-services", Confidence::Medium);
}

#[test]
fn versions_come_from_static_fields() {
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        [
            "com.tencent.bugly.crashreport.CrashReport",
            "com.tencent.bugly.crashreport.BuildConfig",
        ],
    );
    s.static_fields.push(sdkflow::detect::StaticField {
        class: "Lcom/tencent/bugly/crashreport/BuildConfig;".into(),
        field: "VERSION_NAME".into(),
        value: "4.1.9.3".into(),
    });
    let found = detect(&s);
    let d = assert_detects(&found, "tencent-bugly", Confidence::Medium);
    assert_eq!(d.version.as_deref(), Some("4.1.9.3"));
}

#[test]
fn unknown_packages_are_grouped_and_exclude_platform_and_own_code() {
    let mut s = Subject {
        app_package: Some("com.example.app".into()),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "com.example.app.Main",
            "com.newvendor.sdk.core.Tracker",
            "com.newvendor.sdk.core.Uploader",
            "com.newvendor.sdk.net.Http",
            "android.support.v4.app.Fragment",
            "java.lang.Object2",
        ],
    );
    let found = detect(&s);
    assert_eq!(found.unknown.len(), 1, "{:?}", found.unknown);
    assert_eq!(found.unknown[0].package, "com.newvendor.sdk");
    assert_eq!(found.unknown[0].classes, 3);
    assert_detects(&found, "android-support", Confidence::Medium);
}
