//! Real vendor SDK binaries from the registry corpus (`sdk/`, see
//! ../shared/corpus/README.md §2): each jar, aar and .so must be recognised as the right
//! SDK. Class counts are checked against the jar's own zip listing.

mod detect_support;

use detect_support::*;
use sdkflow::detect::{Confidence, Evidence};

const JPUSH: [&str; 4] = [
    "jpush-react-native@1.7.1/android/libs/jpush-android-3.0.7.jar",
    "jpush-react-native@2.2.13/android/libs/jpush-android-3.1.6.jar",
    "jpush-phonegap-plugin@3.8.6/src/android/libs/jpush-android-4.8.1.jar",
    "jpush-react-native@2.9.9/android/libs/jpush-android-5.0.4.jar",
];

#[test]
fn jpush_jars_of_four_versions_are_jpush() {
    for jar in JPUSH {
        let found = detect(&subject(&[jar]));
        let d = assert_detects(&found, "jpush", Confidence::Medium);
        assert_eq!(
            class_count(d, "cn.jpush"),
            jar_class_count_under(jar, "cn/jpush/"),
            "{jar}"
        );
        // Only Jiguang code; 4.8.1 ships the Jiguang union ad module (cn/jiguang/union,
        // README §2), which is reported as bundled by JPush.
        for other in found
            .third_party()
            .filter(|x| x.id != "jpush" && x.id != "jiguang-jcore")
        {
            assert_eq!(other.id, "jiguang-ads", "{jar}");
            assert_eq!(other.bundled_by, vec!["jpush".to_string()], "{jar}");
            assert!(jar.contains("4.8.1"), "{jar}");
        }
    }
}

#[test]
fn jcore_jar_with_its_library_is_high_confidence_with_version() {
    for (jar, so, version) in [
        (
            "jcore-react-native@1.9.9/android/libs/jcore-android-3.2.2.jar",
            "jcore-react-native@1.9.9/android/libs/arm64-v8a/libjcore322.so",
            "3.2.2",
        ),
        (
            "jcore-react-native@1.3.7/android/libs/jcore-android-2.1.2.jar",
            "jcore-react-native@1.3.7/android/libs/armeabi-v7a/libjcore212.so",
            "2.1.2",
        ),
    ] {
        let found = detect(&subject(&[jar, so]));
        let d = assert_detects(&found, "jiguang-jcore", Confidence::High);
        assert_eq!(
            d.version.as_deref(),
            Some(version),
            "version from the library name"
        );
        assert!(has_evidence(d, so.rsplit('/').next().unwrap_or_default()));
        assert_eq!(
            class_count(d, "cn.jiguang"),
            jar_class_count_under(jar, "cn/jiguang/")
        );
    }
}

#[test]
fn jcore_library_alone_is_medium() {
    let found = detect(&subject(&[
        "jcore-react-native@1.9.9/android/libs/arm64-v8a/libjcore322.so",
    ]));
    let d = assert_detects(&found, "jiguang-jcore", Confidence::Medium);
    assert_eq!(d.version.as_deref(), Some("3.2.2"));
}

#[test]
fn jverification_carries_the_three_carriers_one_click_login_sdks() {
    let jar = "jverification-react-native@2.8.8/android/libs/jverification-android-not_support_dynamic-release-3.4.8.jar";
    let lib = "jverification-react-native@2.8.8/android/libs/arm64-v8a/libCtaApiLib.so";
    let found = detect(&subject(&[jar, lib]));
    let d = assert_detects(&found, "jverification", Confidence::High);
    assert_eq!(
        class_count(d, "cn.jiguang.verifysdk"),
        jar_class_count_under(jar, "cn/jiguang/verifysdk/")
    );
    // libCtaApiLib.so (China Telecom's account library) holds `https://id6.me/gw/presdk.do`
    // in .rodata: China Telecom's host corroborates its code, the other carriers have code
    // only.
    let rodata = common::oracle(
        "readelf",
        &["-p", ".rodata"],
        &common::corpus(&format!("sdk/{lib}")),
    );
    assert!(rodata.contains("https://id6.me/"), "{rodata}");
    let ctcc = found.get("ctcc-auth").expect("ctcc-auth");
    assert!(ctcc.evidence.iter().any(|e| matches!(e,
        Evidence::Host { host, location } if host == "id6.me" && location == lib)));
    for (id, package, slash, confidence) in [
        (
            "cmcc-auth",
            "com.cmic.gen.sdk",
            "com/cmic/gen/sdk/",
            Confidence::Medium,
        ),
        (
            "cucc-auth",
            "com.unicom.online",
            "com/unicom/online/",
            Confidence::Medium,
        ),
        (
            "ctcc-auth",
            "cn.com.chinatelecom",
            "cn/com/chinatelecom/",
            Confidence::High,
        ),
    ] {
        let c = assert_detects(&found, id, confidence);
        assert_eq!(c.bundled_by, vec!["jverification".to_string()], "{id}");
        assert_eq!(
            class_count(c, package),
            jar_class_count_under(jar, slash),
            "{id}"
        );
        assert!(
            class_count(c, package) > 50,
            "{id}: README counts 191 / 68 / 63"
        );
    }
}

#[test]
fn jverification_bridge_dex_is_jverification() {
    // The one real dex of the corpus: the React Native bridge. Its class list comes from
    // dexdump, the oracle, since the dex parser lives in another module.
    let path = common::corpus(
        "sdk/jverification-react-native@2.8.8/android/build/.transforms/0f038a3935a9273cf6b8278ba7d7064c/transformed/classes/classes.dex",
    );
    let dump = common::oracle("dexdump", &[], &path);
    let classes: Vec<&str> = dump
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Class descriptor  : '"))
        .map(|l| l.trim_end_matches('\''))
        .collect();
    assert!(!classes.is_empty());
    let mut s = sdkflow::detect::Subject::default();
    s.add_classes("classes.dex", classes.iter().copied());
    let found = detect(&s);
    let d = assert_detects(&found, "jverification", Confidence::Medium);
    assert!(has_evidence(d, "cn.jiguang.plugins.verification"));
}

#[test]
fn getui_sdk_and_gtc_are_getui() {
    let found = detect(&subject(&[
        "react-native-getui@1.1.55/android/libs/gtsdk-3.3.12.0.jar",
        "react-native-getui@1.1.55/android/libs/gtc-3.2.18.0.jar",
    ]));
    let d = assert_detects(&found, "getui-push", Confidence::Medium);
    let igexin = jar_class_count_under(
        "react-native-getui@1.1.55/android/libs/gtsdk-3.3.12.0.jar",
        "com/igexin/",
    ) + jar_class_count_under(
        "react-native-getui@1.1.55/android/libs/gtc-3.2.18.0.jar",
        "com/igexin/",
    );
    assert_eq!(class_count(d, "com.igexin"), igexin);
    assert!(class_count(d, "com.getui") >= 341);
    assert!(
        found
            .unknown
            .iter()
            .all(|u| !u.package.starts_with("com.igexin")),
        "{:?}",
        found.unknown
    );
}

#[test]
fn umeng_push_jar_brings_alibaba_accs_and_utdid_and_its_libraries() {
    let dir = "react-native-umeng-sdk@1.4.0/android/PushSDK/libs";
    let found = detect(&subject(&[
        &format!("{dir}/com.umeng.message_v2.8.0.jar"),
        &format!("{dir}/arm64-v8a/libcocklogic.so"),
        &format!("{dir}/arm64-v8a/libtnet-2.1.20.1-agoo.so"),
    ]));
    let push = assert_detects(&found, "umeng-push", Confidence::High);
    assert!(has_evidence(push, "libcocklogic.so"));
    let accs = assert_detects(&found, "alibaba-accs", Confidence::High);
    assert_eq!(accs.version.as_deref(), Some("2.1.20.1"));
    assert_eq!(accs.bundled_by, vec!["umeng-push".to_string()]);
    let utdid = assert_detects(&found, "alibaba-utdid", Confidence::Medium);
    assert!(utdid.bundled_by.contains(&"umeng-push".to_string()));
}

#[test]
fn umeng_analytics_common_and_share_with_the_bundled_weibo_and_qq_code() {
    let dir = "react-native-umshare@3.0.1/android/libs";
    let jars: Vec<String> = [
        "umeng-analytics-8.1.4.jar",
        "umeng-common-1.5.3.jar",
        "umeng-share-core-6.9.2.jar",
        "umeng-share-QQ-simplify-6.9.1.jar",
        "umeng-share-sina-simplify-6.9.1.jar",
        "umeng-share-wechat-simplify-6.9.1.jar",
    ]
    .iter()
    .map(|j| format!("{dir}/{j}"))
    .collect();
    let refs: Vec<&str> = jars.iter().map(String::as_str).collect();
    let found = detect(&subject(&refs));
    let a = assert_detects(&found, "umeng-analytics", Confidence::Medium);
    assert_eq!(
        class_count(a, "com.umeng.analytics"),
        jar_class_count_under(&jars[0], "com/umeng/analytics/")
    );
    let c = assert_detects(&found, "umeng-common", Confidence::Medium);
    assert_eq!(
        class_count(c, "com.umeng.commonsdk"),
        jar_class_count_under(&jars[1], "com/umeng/commonsdk/")
    );
    assert!(
        c.bundled_by.contains(&"umeng-analytics".to_string())
            && c.bundled_by.contains(&"umeng-share".to_string())
    );
    assert_detects(&found, "umeng-share", Confidence::Medium);
    // The simplified share jars carry trimmed vendor SDK code (sdk-facts §2).
    assert_detects(&found, "weibo-sdk", Confidence::Medium);
}

#[test]
fn amap_location_2016_jar_with_obfuscated_core() {
    let jar = "react-native-amap-location@0.0.4/libs/AMap_Location_V2.4.0_20160308.jar";
    let found = detect(&subject(&[jar]));
    let d = assert_detects(&found, "amap-location", Confidence::Medium);
    assert_eq!(
        class_count(d, "com.amap.api.location"),
        jar_class_count_under(jar, "com/amap/api/location/")
    );
    // com.loc is the obfuscated core: counted as weak code next to the public API.
    assert_eq!(
        class_count(d, "com.loc"),
        jar_class_count_under(jar, "com/loc/")
    );
    assert!(found.unknown.is_empty(), "{:?}", found.unknown);
}

#[test]
fn baidu_lbs_jar_and_libraries_are_baidu_map_and_location() {
    let dir = "react-native-baidu-map@1.0.37/android";
    let found = detect(&subject(&[
        &format!("{dir}/libs/BaiduLBS_Android.jar"),
        &format!("{dir}/src/main/jniLibs/arm64-v8a/libBaiduMapSDK_base_v6_0_0.so"),
        &format!("{dir}/src/main/jniLibs/arm64-v8a/libBaiduMapSDK_map_v6_0_0.so"),
        &format!("{dir}/src/main/jniLibs/arm64-v8a/liblocSDK7b.so"),
        &format!("{dir}/src/main/jniLibs/arm64-v8a/liblocSDK8a.so"),
        &format!("{dir}/src/main/jniLibs/arm64-v8a/libindoor.so"),
    ]));
    let map = assert_detects(&found, "baidu-map", Confidence::High);
    assert_eq!(map.version.as_deref(), Some("6.0.0"));
    assert_eq!(
        class_count(map, "com.baidu.mapapi"),
        jar_class_count_under(
            &format!("{dir}/libs/BaiduLBS_Android.jar"),
            "com/baidu/mapapi/"
        )
    );
    assert!(has_evidence(map, "Java_com_baidu_mapsdkplatform_comjni_"));
    let loc = assert_detects(&found, "baidu-location", Confidence::High);
    assert!(
        has_evidence(loc, "Java_com_baidu_location_Jni_"),
        "README: liblocSDK exports Java_com_baidu_location_Jni_*"
    );
    assert!(has_evidence(loc, "liblocSDK8a.so"));
}

#[test]
fn baidu_location_library_alone_is_medium_through_jni_exports() {
    let found = detect(&subject(&[
        "react-native-baidu-map@1.0.37/android/src/main/jniLibs/armeabi-v7a/liblocSDK8a.so",
    ]));
    let d = assert_detects(&found, "baidu-location", Confidence::Medium);
    assert!(has_evidence(d, "Java_com_baidu_location_"));
}

#[test]
fn old_wechat_jar_bundles_mta_new_one_does_not() {
    let old = detect(&subject(&[
        "react-native-wechat@1.9.12/android/libs/libammsdk.jar",
    ]));
    assert_detects(&old, "wechat-opensdk", Confidence::Medium);
    let mta = assert_detects(&old, "tencent-mta", Confidence::Medium);
    assert_eq!(mta.bundled_by, vec!["wechat-opensdk".to_string()]);
    assert_eq!(
        class_count(mta, "com.tencent.wxop.stat"),
        75,
        "README: com/tencent/wxop (75)"
    );

    let new = detect(&subject(&[
        "react-native-wechat-lib@1.1.27/android/libs/libammsdk.jar",
    ]));
    let d = assert_detects(&new, "wechat-opensdk", Confidence::Medium);
    assert_eq!(
        class_count(d, "com.tencent.mm.opensdk"),
        138,
        "README: com/tencent/mm (138)"
    );
    assert_absent(&new, "tencent-mta");
}

#[test]
fn qq_open_sdk_is_qq_connect_and_its_map_classes_are_not_tencent_map() {
    let jar = "react-native-qq@2.0.5/android/libs/open_sdk_r5756.jar";
    let found = detect(&subject(&[jar]));
    let d = assert_detects(&found, "qq-connect", Confidence::Medium);
    assert_eq!(
        class_count(d, "com.tencent.open"),
        jar_class_count_under(jar, "com/tencent/open/")
    );
    assert_absent(&found, "tencent-map");
    assert_absent(&found, "tencent-location");
    // The 44 com/tencent/map classes stay visible as unclaimed third-party code.
    let unknown = found
        .unknown
        .iter()
        .find(|u| u.package == "com.tencent.map");
    assert_eq!(
        unknown.map(|u| u.classes),
        Some(jar_class_count_under(jar, "com/tencent/map/"))
    );
}

#[test]
fn mta_jar_is_tencent_mta() {
    let found = detect(&subject(&[
        "react-native-qq@2.0.5/android/libs/mta-sdk-1.6.2.jar",
    ]));
    let d = assert_detects(&found, "tencent-mta", Confidence::Medium);
    assert_eq!(class_count(d, "com.tencent.stat"), 65);
    assert!(d.bundled_by.is_empty());
}

#[test]
fn alipay_aar_and_old_jar_are_alipay_with_utdid() {
    for file in [
        "cordova-plugin-alipay-v2@2.0.0/src/android/lib/alipaySdk-15.6.5-20190718211148.aar",
        "react-native-yunpeng-alipay@2.0.0/android/libs/alipaySdk-20160223.jar",
    ] {
        let found = detect(&subject(&[file]));
        let d = assert_detects(&found, "alipay-sdk", Confidence::Medium);
        assert!(
            class_count(d, "com.alipay.sdk") >= 87,
            "{file}: README 109 / 87"
        );
        let utdid = assert_detects(&found, "alibaba-utdid", Confidence::Medium);
        assert_eq!(utdid.bundled_by, vec!["alipay-sdk".to_string()]);
        assert_absent(&found, "alipay-mpaas");
        assert!(
            found
                .unknown
                .iter()
                .all(|u| !u.package.starts_with("com.alipay")),
            "{:?}",
            found.unknown
        );
    }
}
