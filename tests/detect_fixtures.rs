//! Every SDK named is really there (issue 11): one fixture APK per pattern that made the
//! detector name an SDK the APK does not contain (`samples/README.md`, "Detection
//! fixtures"), plus subject-level cases that show each rule holds beyond the fixture.
//! Each fixture test asserts the complete list of third-party SDKs (no false detection, the
//! true ones kept) and checks class counts against `dexdump`.

mod detect_support;

use detect_support::common::sample_apk;
use detect_support::*;
use sdkflow::detect::{Confidence, Detections, Evidence, Subject};
use sdkflow::manifest::{Component, ComponentKind, IntentFilter, Manifest, MetaData};

fn ids(list: &[sdkflow::detect::Detection]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|d| d.id.clone()).collect();
    v.sort();
    v
}

/// Every id the detector names anywhere (SDKs, host-only vendors, leftovers).
fn named_anywhere(found: &Detections) -> Vec<String> {
    let mut v = ids(&found.sdks);
    v.extend(ids(&found.host_only));
    v.extend(ids(&found.leftovers));
    v
}

fn classes_count(found: &Detections, id: &str) -> usize {
    found
        .get(id)
        .map(|d| {
            d.evidence
                .iter()
                .map(|e| match e {
                    Evidence::Classes { count, .. } => *count,
                    _ => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn vendor_demo_app_under_a_vendor_prefix_is_not_the_vendor() {
    let path = sample_apk("vendor-demo");
    let found = detect_apk(&path);
    // The app is cn.jiguang.sdkflowdemo: its classes and components are its own, not JCore.
    assert_eq!(
        third_party_ids(&found),
        ["umeng-analytics", "umeng-common"],
        "{:#?}",
        found.sdks
    );
    for id in named_anywhere(&found) {
        assert!(!id.starts_with("jiguang") && id != "jpush", "{id} named");
    }
    assert!(found.unknown.is_empty(), "{:?}", found.unknown);
    assert!(found.leftovers.is_empty() && found.packer.is_none());
    // dexdump: every class under cn/jiguang/ is the app's (its package subtree).
    let classes = dexdump_classes(&path);
    assert_eq!(
        count_under(&classes, "cn/jiguang/"),
        count_under(&classes, "cn/jiguang/sdkflowdemo/")
    );
    assert!(count_under(&classes, "cn/jiguang/sdkflowdemo/") >= 5);
    // The real SDK outside the app's package is still found from its code.
    assert_eq!(
        classes_count(&found, "umeng-analytics"),
        count_under(&classes, "com/umeng/analytics/")
    );
}

#[test]
fn tool_whose_code_lies_under_the_weibo_prefix_keeps_the_real_weibo_sdk() {
    let path = sample_apk("vendor-tool");
    let found = detect_apk(&path);
    assert_eq!(third_party_ids(&found), ["weibo-sdk"], "{:#?}", found.sdks);
    let classes = dexdump_classes(&path);
    let sdk_classes = count_under(&classes, "com/sina/weibo/sdk/")
        - count_under(&classes, "com/sina/weibo/sdk/sdkflowtool/");
    assert!(sdk_classes >= 3);
    // Only the SDK's classes count; the app's (under its launcher's package) do not.
    assert_eq!(classes_count(&found, "weibo-sdk"), sdk_classes);
    let weibo = found.get("weibo-sdk").expect("weibo-sdk");
    for e in &weibo.evidence {
        if let Evidence::Component { name, .. } = e {
            assert!(
                !name.contains("sdkflowtool"),
                "app component {name} as weibo evidence"
            );
        }
    }
    // The app's classes are not unknown third-party code either.
    assert!(found.unknown.is_empty(), "{:?}", found.unknown);
}

#[test]
fn manifest_entries_without_code_are_leftovers_not_sdks() {
    let path = sample_apk("leftovers");
    let found = detect_apk(&path);
    assert_eq!(
        third_party_ids(&found),
        ["tencent-bugly"],
        "{:#?}",
        found.sdks
    );
    assert_eq!(
        ids(&found.leftovers),
        ["jiguang-jcore", "jpush", "umeng-common"]
    );
    assert!(found.host_only.is_empty());
    let classes = dexdump_classes(&path);
    for prefix in ["cn/jpush/", "cn/jiguang/", "com/umeng/"] {
        assert_eq!(count_under(&classes, prefix), 0, "{prefix} has classes");
    }
    // A leftover is configuration only: components and meta-data.
    for d in &found.leftovers {
        assert!(!d.evidence.is_empty());
        for e in &d.evidence {
            assert!(
                matches!(e, Evidence::Component { .. } | Evidence::MetaData { .. }),
                "{}: {e:?}",
                d.id
            );
        }
    }
    let jpush = found.leftovers.iter().find(|d| d.id == "jpush").unwrap();
    assert!(has_evidence(jpush, "cn.jpush.android.service.PushService"));
}

#[test]
fn packed_app_names_its_packer_and_keeps_manifest_and_native_evidence() {
    let path = sample_apk("packed");
    let found = detect_apk(&path);
    let packer = found.packer.as_ref().expect("packed app not recognised");
    assert_eq!(packer.id, "jiagu-360");
    assert!(packer.evidence.contains(&Evidence::Component {
        component_kind: "application".into(),
        name: "com.stub.StubApp".into(),
    }));
    assert!(packer.evidence.contains(&Evidence::NativeLib {
        path: "assets/libjiagu.so".into()
    }));
    assert!(packer.notice.contains("360加固") && packer.notice.contains("encrypted"));
    // The same manifest entries that are leftovers in an unpacked app are the best evidence
    // left here: no leftover, every SDK kept at medium (no code evidence).
    assert!(found.leftovers.is_empty(), "{:?}", ids(&found.leftovers));
    assert_eq!(
        third_party_ids(&found),
        [
            "jiagu-360",
            "jiguang-jcore",
            "jpush",
            "tencent-bugly",
            "umeng-common"
        ]
    );
    for id in ["jiguang-jcore", "jpush", "tencent-bugly", "umeng-common"] {
        assert_detects(&found, id, Confidence::Medium);
    }
    let jcore = found.get("jiguang-jcore").unwrap();
    assert!(has_evidence(jcore, "libjcore330.so"));
    // dexdump: the dex is the stub alone.
    assert_eq!(dexdump_classes(&path), ["Lcom/stub/StubApp;"]);
}

#[test]
fn share_sdk_platform_plugins_are_not_the_platforms_own_sdks() {
    let path = sample_apk("share-plugins");
    let found = detect_apk(&path);
    assert_eq!(
        third_party_ids(&found),
        ["mob-sharesdk", "mob-tools"],
        "{:#?}",
        found.sdks
    );
    let named = named_anywhere(&found);
    assert!(!named.contains(&"wechat-opensdk".to_string()), "{named:?}");
    assert!(!named.contains(&"qq-connect".to_string()), "{named:?}");
    let share = found.get("mob-sharesdk").unwrap();
    let platforms: Vec<&str> = share.plugins.iter().map(|p| p.platform.as_str()).collect();
    assert_eq!(platforms, ["qq-connect", "wechat-opensdk"]);
    let wechat = share
        .plugins
        .iter()
        .find(|p| p.platform == "wechat-opensdk")
        .unwrap();
    assert!(wechat.evidence.iter().any(|e| matches!(e,
        Evidence::Component { name, .. } if name == "com.sdkflow.fixture.share.wxapi.WXEntryActivity")));
    assert!(wechat.evidence.iter().any(|e| matches!(e,
        Evidence::Host { host, location } if host == "api.weixin.qq.com" && location.starts_with("Lcn/sharesdk/wechat/"))));
    let classes = dexdump_classes(&path);
    assert_eq!(count_under(&classes, "com/tencent/"), 0);
    assert!(wechat.evidence.iter().any(|e| matches!(e,
        Evidence::Classes { package, count, .. }
            if package == "cn.sharesdk.wechat" && *count == count_under(&classes, "cn/sharesdk/wechat/"))));
}

// --- the same rules on subjects built in code: they hold for every app, not the fixtures ---

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

fn launcher(name: &str) -> Component {
    let mut c = component(ComponentKind::Activity, name);
    c.intent_filters.push(IntentFilter {
        actions: vec!["android.intent.action.MAIN".into()],
        categories: vec!["android.intent.category.LAUNCHER".into()],
        data: Vec::new(),
        priority: None,
    });
    c
}

fn meta(name: &str) -> MetaData {
    MetaData {
        name: name.into(),
        value: Some("x".into()),
        resource: None,
        value_reference: None,
        component: None,
    }
}

#[test]
fn platform_with_its_own_code_stays_an_sdk_next_to_the_plugin() {
    // ShareSDK's WeChat plugin and the official WeChat Open SDK both in the APK: both named.
    let manifest = Manifest {
        package: "com.example.shop".into(),
        components: vec![component(
            ComponentKind::Activity,
            "com.example.shop.wxapi.WXEntryActivity",
        )],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "com.example.shop.wxapi.WXEntryActivity",
            "cn.sharesdk.framework.ShareSDK",
            "cn.sharesdk.wechat.friends.Wechat",
            "com.tencent.mm.opensdk.openapi.WXAPIFactory",
        ],
    );
    let found = detect(&s);
    assert_detects(&found, "wechat-opensdk", Confidence::High);
    let share = found.get("mob-sharesdk").expect("mob-sharesdk");
    assert_eq!(share.plugins.len(), 1);
    assert_eq!(share.plugins[0].platform, "wechat-opensdk");
}

#[test]
fn packers_are_recognised_from_files_anywhere_and_legu_wrapper_applications() {
    let manifest = Manifest {
        package: "com.example.bank".into(),
        application: sdkflow::manifest::Application {
            name: Some("com.example.bank.MyWrapperProxyApplication".into()),
            ..Default::default()
        },
        components: vec![component(
            ComponentKind::Service,
            "cn.jpush.android.service.PushService",
        )],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "com.example.bank.MyWrapperProxyApplication",
            "com.wrapper.proxyapplication.WrapperProxyApplication",
        ],
    );
    s.files.push("lib/arm64-v8a/libshell-super.2019.so".into());
    let found = detect(&s);
    let packer = found.packer.as_ref().expect("packer");
    assert_eq!(packer.id, "tencent-legu");
    assert_eq!(packer.evidence.len(), 2, "{:?}", packer.evidence);
    // Packed: JPush's service without code is evidence, not a leftover.
    assert_detects(&found, "jpush", Confidence::Medium);
    assert!(found.leftovers.is_empty());
}

#[test]
fn unreadable_code_makes_no_leftover() {
    let manifest = Manifest {
        package: "com.example.x".into(),
        meta_data: vec![meta("BUGLY_APPID")],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes("classes.dex", ["com.example.x.Main"]);
    assert_eq!(ids(&detect(&s).leftovers), ["tencent-bugly"]);
    s.code_incomplete = true;
    let found = detect(&s);
    assert!(found.leftovers.is_empty());
    assert_detects(&found, "tencent-bugly", Confidence::Medium);
}

#[test]
fn a_library_or_packer_entry_class_never_makes_its_package_the_apps() {
    // The Application is AndroidX's MultiDexApplication and the launcher a Jiguang class
    // the signature lists by name: neither package becomes the app's own code.
    let manifest = Manifest {
        package: "com.example.y".into(),
        application: sdkflow::manifest::Application {
            name: Some("androidx.multidex.MultiDexApplication".into()),
            ..Default::default()
        },
        components: vec![launcher("cn.jpush.android.ui.PushActivity")],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "androidx.multidex.MultiDexApplication",
            "cn.jpush.android.ui.PushActivity",
            "cn.jpush.android.api.JPushInterface",
        ],
    );
    let found = detect(&s);
    assert_detects(&found, "jpush", Confidence::High);
    assert_eq!(classes_count(&found, "jpush"), 2);
    assert!(found.get("androidx").is_some());
}

#[test]
fn an_entry_class_strictly_under_a_vendor_prefix_is_app_code() {
    // The launcher's package lies under JCore's `cn.jiguang` prefix while the manifest
    // package is elsewhere: its classes and components are the app's, JCore's own
    // (obfuscated `cn.jiguang.a`) classes are still JCore.
    let manifest = Manifest {
        package: "com.example.release".into(),
        components: vec![
            launcher("cn.jiguang.demoapp.MainActivity"),
            component(ComponentKind::Service, "cn.jiguang.demoapp.SyncService"),
        ],
        ..Manifest::default()
    };
    let mut s = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    s.add_classes(
        "classes.dex",
        [
            "cn.jiguang.demoapp.MainActivity",
            "cn.jiguang.demoapp.SyncService",
            "cn.jiguang.demoapp.R",
        ],
    );
    assert!(detect(&s).get("jiguang-jcore").is_none());
    s.add_classes("classes2.dex", ["cn.jiguang.a.a", "cn.jiguang.a.b"]);
    let found = detect(&s);
    assert_detects(&found, "jiguang-jcore", Confidence::Medium);
    assert_eq!(classes_count(&found, "jiguang-jcore"), 2);
}

#[test]
fn commercial_platform_over_an_open_source_sdk_is_named_with_its_base() {
    // TinkerPatch delivers patches for Tinker: both are named, Tinker as bundled by it.
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        [
            "com.tinkerpatch.sdk.TinkerPatch",
            "com.tinkerpatch.sdk.loader.TinkerPatchApplicationLike",
            "com.tencent.tinker.lib.tinker.Tinker",
            "com.tencent.tinker.loader.app.TinkerApplication",
        ],
    );
    s.strings.push(sdkflow::detect::CodeString {
        value: "http://q.tinkerpatch.com".into(),
        location: "Lcom/tinkerpatch/sdk/server/a;-><clinit>()V @0x0".into(),
    });
    let found = detect(&s);
    assert_detects(&found, "tinkerpatch", Confidence::High);
    let tinker = found.get("tinker").expect("tinker");
    assert_eq!(tinker.bundled_by, ["tinkerpatch"]);
}

#[test]
fn mobtech_products_each_have_their_own_signature() {
    let mut s = Subject::default();
    s.add_classes(
        "classes.dex",
        [
            "com.mob.MobSDK",
            "com.mob.moblink.MobLink",
            "com.mob.pushsdk.MobPush",
            "cn.smssdk.SMSSDK",
            "cn.sharesdk.framework.ShareSDK",
        ],
    );
    let found = detect(&s);
    for id in [
        "mob-tools",
        "mob-moblink",
        "mob-mobpush",
        "mob-smssdk",
        "mob-sharesdk",
    ] {
        assert!(
            found.get(id).is_some(),
            "{id} not detected: {:?}",
            ids(&found.sdks)
        );
    }
}
