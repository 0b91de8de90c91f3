//! Detection on the sample APKs (`samples/README.md` is the ground truth: which SDK, which
//! evidence, which version) and the nested-archive trap.

mod detect_support;

use detect_support::common::{corpus, sample_apk};
use detect_support::*;
use sdkflow::detect::{Confidence, Detection, Detections, Evidence};

fn kinds(d: &Detection) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = d
        .evidence
        .iter()
        .map(|e| match e {
            Evidence::Classes { .. } => "classes",
            Evidence::Component { .. } => "component",
            Evidence::MetaData { .. } => "meta-data",
            Evidence::NativeLib { .. } => "native",
            Evidence::JniSymbol { .. } => "jni",
            Evidence::Host { .. } => "host",
            Evidence::Permission { .. } => "permission",
            Evidence::ObfuscatedCode { .. } => "obfuscated",
        })
        .collect();
    k.dedup();
    k
}

#[track_caller]
fn version(found: &Detections, id: &str) -> Option<String> {
    found.get(id).and_then(|d| d.version.clone())
}

/// The SDKs of the demo shop (README table), split into the signature ids the catalogue
/// uses: JPush's JCore, Umeng's common module, AMap's key holder and HMS core are their own
/// signatures, bundled by the SDK the README names.
const SHOP_SDKS: &[&str] = &[
    "alipay-sdk",
    "amap-common",
    "amap-location",
    "huawei-hms-core",
    "huawei-push",
    "jiguang-jcore",
    "jpush",
    "tencent-bugly",
    "umeng-analytics",
    "umeng-common",
    "wechat-opensdk",
];

#[test]
fn multidex_sample_every_sdk_with_evidence_and_version() {
    let path = sample_apk("multidex");
    let found = detect_apk(&path);
    assert_eq!(third_party_ids(&found), SHOP_SDKS);
    assert_eq!(library_ids(&found), ["androidx", "gson", "okhttp"]);
    // The app's own code (com.sdkflow.demo.shop) is neither an SDK nor unknown.
    assert!(found.unknown.is_empty(), "{:?}", found.unknown);
    assert!(found.problems.is_empty(), "{:?}", found.problems);

    let jpush = assert_detects(&found, "jpush", Confidence::High);
    assert_eq!(kinds(jpush), ["classes", "component", "host"]);
    for c in [
        "cn.jpush.android.service.PushService",
        "cn.jpush.android.service.DaemonService",
        "cn.jpush.android.service.DataProvider",
        "cn.jpush.android.service.DownloadProvider",
        "cn.jpush.android.service.InitProvider",
        "cn.jpush.android.service.PushReceiver",
        "cn.jpush.android.service.AlarmReceiver",
        "cn.jpush.android.service.JNotifyActivity",
        "cn.jpush.android.ui.PopWinActivity",
        "cn.jpush.android.ui.PushActivity",
    ] {
        assert!(has_evidence(jpush, c), "{c}");
    }
    assert!(has_evidence(jpush, "stats.jpush.cn"));
    assert_eq!(version(&found, "jpush").as_deref(), Some("5.0.4"));
    let classes = dexdump_classes(&path);
    assert_eq!(
        class_count(jpush, "cn.jpush"),
        count_under(&classes, "cn/jpush/")
    );

    let jcore = assert_detects(&found, "jiguang-jcore", Confidence::High);
    assert!(has_evidence(jcore, "JPUSH_APPKEY") && has_evidence(jcore, "JPUSH_CHANNEL"));
    assert!(has_evidence(jcore, "lib/arm64-v8a/libjcore330.so"));
    assert!(has_evidence(jcore, "lib/armeabi-v7a/libjcore330.so"));
    assert_eq!(jcore.bundled_by, ["jpush"]);
    // The constant wins over the library name (libjcore330.so would say 3.3.0).
    assert_eq!(version(&found, "jiguang-jcore").as_deref(), Some("3.3.6"));

    let bugly = assert_detects(&found, "tencent-bugly", Confidence::High);
    assert_eq!(kinds(bugly), ["classes", "meta-data", "native", "host"]);
    for e in [
        "BUGLY_APPID",
        "BUGLY_APP_CHANNEL",
        "BUGLY_ENABLE_DEBUG",
        "libBugly.so",
    ] {
        assert!(has_evidence(bugly, e), "{e}");
    }
    assert!(has_evidence(bugly, "android.bugly.qq.com"));
    assert_eq!(version(&found, "tencent-bugly").as_deref(), Some("4.1.9.3"));

    let amap = assert_detects(&found, "amap-location", Confidence::High);
    assert!(has_evidence(amap, "com.amap.api.location"));
    assert!(has_evidence(amap, "com.amap.api.location.APSService"));
    assert!(has_evidence(amap, "apilocate.amap.com"));
    assert_eq!(version(&found, "amap-location").as_deref(), Some("6.4.0"));
    let key = assert_detects(&found, "amap-common", Confidence::Medium);
    assert!(has_evidence(key, "com.amap.api.v2.apikey"));

    let umeng = assert_detects(&found, "umeng-analytics", Confidence::High);
    assert!(has_evidence(umeng, "com.umeng.analytics"));
    assert!(has_evidence(umeng, "ulogs.umeng.com"));
    assert_eq!(version(&found, "umeng-analytics").as_deref(), Some("9.6.3"));
    let common = assert_detects(&found, "umeng-common", Confidence::High);
    assert!(has_evidence(common, "UMENG_APPKEY") && has_evidence(common, "UMENG_CHANNEL"));

    let wechat = assert_detects(&found, "wechat-opensdk", Confidence::High);
    assert!(has_evidence(
        wechat,
        "com.sdkflow.demo.shop.wxapi.WXEntryActivity"
    ));
    assert!(has_evidence(
        wechat,
        "com.sdkflow.demo.shop.wxapi.WXPayEntryActivity"
    ));
    assert_eq!(
        version(&found, "wechat-opensdk").as_deref(),
        Some("android 6.8.24")
    );

    let alipay = assert_detects(&found, "alipay-sdk", Confidence::High);
    assert!(has_evidence(alipay, "com.alipay.sdk.app.H5PayActivity"));
    assert!(has_evidence(alipay, "mobilegw.alipay.com"));
    assert_eq!(version(&found, "alipay-sdk").as_deref(), Some("15.8.11"));

    let hms = assert_detects(&found, "huawei-push", Confidence::High);
    assert!(has_evidence(hms, "com.huawei.hms.aaid.InitProvider"));
    assert!(has_evidence(hms, "dbankcloud.cn"));
    assert_eq!(
        version(&found, "huawei-push").as_deref(),
        Some("6.11.0.300")
    );

    // Every host in code is where dexdump shows the const-string (hosts in native
    // libraries are checked against readelf in detect_native.rs).
    let strings = dexdump_const_strings(&path);
    for d in &found.sdks {
        for e in &d.evidence {
            if let Evidence::Host { host, location } = e
                && !location.starts_with("lib/")
            {
                let v = strings
                    .get(location)
                    .unwrap_or_else(|| panic!("{location}"));
                assert!(v.contains(host.as_str()), "{location}: {v}");
            }
        }
    }
}

#[test]
fn obfuscated_sample_keeps_sdks_from_what_remains() {
    let found = detect_apk(&sample_apk("obfuscated"));
    // AMap's key is set in code here (no meta-data), so no amap-common.
    let expected: Vec<&str> = SHOP_SDKS
        .iter()
        .copied()
        .filter(|id| *id != "amap-common")
        .collect();
    assert_eq!(third_party_ids(&found), expected);
    // okhttp3 and gson are renamed to `f` and `g`: not recognisable, reported unknown.
    assert_eq!(library_ids(&found), ["androidx"]);
    for package in ["f", "g"] {
        assert!(
            found.unknown.iter().any(|u| u.package == package),
            "{package}: {:?}",
            found.unknown
        );
    }
    // a.b holds AMap's host and no other SDK's: it is AMap's obfuscated code, not unknown.
    assert!(
        !found.unknown.iter().any(|u| u.package == "a.b"),
        "{:?}",
        found.unknown
    );
    // AMap is fully obfuscated (a.b.*): only the manifest service and its host remain.
    // APSService's class is in the dex, but a component class R8 keeps by name is the
    // manifest's evidence again, not code evidence.
    let amap = assert_detects(&found, "amap-location", Confidence::Medium);
    assert!(has_evidence(amap, "com.amap.api.location.APSService"));
    let host = amap
        .evidence
        .iter()
        .find_map(|e| match e {
            Evidence::Host { host, location } => Some((host.as_str(), location.as_str())),
            _ => None,
        })
        .expect("host evidence");
    assert_eq!(host.0, "apilocate.amap.com");
    assert!(host.1.starts_with("La/b/"), "{}", host.1);
    assert!(
        amap.evidence.iter().any(|e| matches!(e,
            Evidence::ObfuscatedCode { package, tie, value, .. }
                if package == "a.b" && tie == "host" && value == "apilocate.amap.com")),
        "{:?}",
        amap.evidence
    );
    // f and g (okhttp3, gson renamed) hold no SDK's host: tied to nothing.
    for d in &found.sdks {
        for e in &d.evidence {
            if let Evidence::ObfuscatedCode { package, .. } = e {
                assert_eq!(package, "a.b", "{}: {e:?}", d.id);
            }
        }
    }
    assert!(found.get("amap-common").is_none(), "the key is set in code");
    // Versions from renamed classes that keep their constant field names.
    assert_eq!(version(&found, "jpush").as_deref(), Some("5.0.4"));
    assert_eq!(version(&found, "jiguang-jcore").as_deref(), Some("3.3.6"));
    assert_eq!(version(&found, "tencent-bugly").as_deref(), Some("4.1.9.3"));
    // Still code + manifest for JPush under its renamed cn.jpush.a.* classes.
    let jpush = assert_detects(&found, "jpush", Confidence::High);
    assert!(jpush.evidence.iter().any(|e| matches!(e,
        Evidence::Classes { examples, .. } if examples.iter().any(|x| x.starts_with("Lcn/jpush/a/")))));
}

#[test]
fn basic_sample_has_nothing_third_party() {
    let found = detect_apk(&sample_apk("basic"));
    assert_eq!(third_party_ids(&found), Vec::<String>::new());
    assert!(found.host_only.is_empty());
    assert_eq!(library_ids(&found), ["androidx"]);
    assert!(found.unknown.is_empty(), "{:?}", found.unknown);
}

#[test]
fn broken_sample_detects_from_intact_parts_and_reports_problems() {
    let found = detect_apk(&sample_apk("broken"));
    assert!(
        found
            .problems
            .iter()
            .any(|p| p.at.to_string().contains("classes2.dex @0x")),
        "{:?}",
        found.problems
    );
    assert!(
        found
            .problems
            .iter()
            .any(|p| p.at.to_string().contains("lib/arm64-v8a/libBugly.so")),
        "{:?}",
        found.problems
    );
    // classes2.dex held JPush, Bugly, AMap and Umeng: manifest and native evidence remain.
    // JPush's code is gone; its hosts remain in JCore's intact library.
    let jpush = assert_detects(&found, "jpush", Confidence::Medium);
    assert_eq!(kinds(jpush), ["component", "host"]);
    assert!(jpush.evidence.iter().all(|e| match e {
        Evidence::Host { location, .. } => location.ends_with("/libjcore330.so"),
        _ => true,
    }));
    let jcore = assert_detects(&found, "jiguang-jcore", Confidence::Medium);
    assert!(has_evidence(jcore, "lib/arm64-v8a/libjcore330.so"));
    let bugly = assert_detects(&found, "tencent-bugly", Confidence::Medium);
    assert!(has_evidence(bugly, "lib/armeabi-v7a/libBugly.so"));
    assert!(
        !bugly.evidence.iter().any(|e| matches!(e,
            Evidence::NativeLib { path } if path.contains("arm64-v8a"))),
        "the HTML page named libBugly.so is no evidence"
    );
    assert_detects(&found, "amap-location", Confidence::Medium);
    assert_detects(&found, "umeng-common", Confidence::Medium);
    // classes3.dex is intact: WeChat, Alipay, HMS keep their code evidence.
    for id in ["wechat-opensdk", "alipay-sdk", "huawei-push"] {
        assert_detects(&found, id, Confidence::High);
    }
    assert_absent(&found, "umeng-analytics");
}

/// Trap: code inside a nested archive (`assets/…zip!classes.dex`, what the container
/// loader puts in `LoadedApp::nested_dex`) is detected and named by its nested path; a
/// nested copy of a class the root dex defines is not counted twice.
#[test]
fn nested_dex_is_detected_once() {
    let base = sample_apk("basic");
    let mut app = sdkflow::apk::load(&base, &sdkflow::Limits::default()).expect("load");
    let plain = detect_loaded(&app);
    let androidx = class_count(plain.get("androidx").expect("androidx"), "androidx");

    let dex_path = corpus(
        "sdk/jverification-react-native@2.8.8/android/build/.transforms/0f038a3935a9273cf6b8278ba7d7064c/transformed/classes/classes.dex",
    );
    let nested = std::fs::read(&dex_path).expect("read dex");
    app.nested_dex.push(sdkflow::apk::Blob {
        name: "assets/instant-run.zip!classes.dex".into(),
        bytes: nested,
    });
    // A hot-fix slice repeating the root classes.
    let root = app.dex.first().expect("root dex").bytes.clone();
    app.nested_dex.push(sdkflow::apk::Blob {
        name: "assets/patch.jar!classes.dex".into(),
        bytes: root,
    });
    let found = detect_loaded(&app);
    let jv = assert_detects(&found, "jverification", Confidence::Medium);
    let expected = count_under(
        &dexdump_classes(&dex_path),
        "cn/jiguang/plugins/verification/",
    );
    assert!(expected > 0);
    assert_eq!(class_count(jv, "cn.jiguang.plugins.verification"), expected);
    assert!(jv.evidence.iter().any(|e| matches!(e,
        Evidence::Classes { dex, .. } if dex == &["assets/instant-run.zip!classes.dex".to_string()])));
    assert_eq!(
        class_count(found.get("androidx").expect("androidx"), "androidx"),
        androidx
    );
}
