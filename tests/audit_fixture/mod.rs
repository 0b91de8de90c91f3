//! The shared audit fixture: one app and one policy written by hand so that each rule has
//! something to find, with the expected findings derived from reading them (listed in
//! `EXPECTED`). The SDK facts follow shared/research/sdk-facts.md (JPush components and
//! permissions, TalkingData's package as found in the uiautomator2cache APK).
#![allow(dead_code)]

use sdkflow::apk::Problem;
use sdkflow::audit::{AppFacts, AuditInput, ObservedAccess, PermissionTable};
use sdkflow::detect::{Confidence, Detection, Detections, Evidence, UnknownPackage};
use sdkflow::manifest::{
    Application, Component, ComponentKind, IntentFilter, Manifest, UsesPermission,
};
use sdkflow::policy::{DeclaredDataType, DeclaredPermission, DeclaredPolicy, DeclaredSdk, Span};

/// Every finding the fixture must produce: (rule, subject, severity).
pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("sdk-undeclared", "talkingdata", "high"),
    (
        "permission-unexplained",
        "android.permission.CAMERA",
        "high",
    ),
    (
        "permission-unexplained",
        "android.permission.READ_PHONE_STATE",
        "high",
    ),
    ("data-undeclared", "app/network.wifi_list", "high"),
    ("data-undeclared", "jpush/app.list", "high"),
    ("data-undeclared", "jpush/device_id.imei", "high"),
    ("sdk-mentioned-only", "wechat-opensdk", "medium"),
    (
        "permission-unexplained",
        "android.permission.QUERY_ALL_PACKAGES",
        "medium",
    ),
    (
        "permission-unexplained",
        "android.permission.READ_CALENDAR",
        "medium",
    ),
    ("data-undeclared", "jpush/location.precise", "medium"),
    ("sdk-stale-disclosure", "umeng-analytics", "low"),
    (
        "manifest-cleartext-traffic",
        "application/usesCleartextTraffic",
        "low",
    ),
    (
        "sdk-component-exported",
        "cn.jpush.android.service.PushService",
        "low",
    ),
    ("policy-sdk-unresolved", "某某统计SDK", "info"),
    (
        "permission-not-requested",
        "android.permission.RECORD_AUDIO",
        "info",
    ),
];

fn span(line: usize, snippet: &str) -> Option<Span> {
    Some(Span {
        line,
        column: 1,
        snippet: snippet.into(),
    })
}

fn perm(name: &str) -> UsesPermission {
    UsesPermission {
        name: name.into(),
        max_sdk_version: None,
        sdk23: false,
    }
}

fn component(kind: ComponentKind, name: &str, exported: bool) -> Component {
    Component {
        kind,
        name: name.into(),
        target_activity: None,
        exported,
        exported_explicit: Some(exported),
        enabled: true,
        permission: None,
        read_permission: None,
        write_permission: None,
        process: None,
        authorities: Vec::new(),
        intent_filters: Vec::new(),
    }
}

/// The app side.
pub fn app() -> AppFacts {
    let mut launcher = component(
        ComponentKind::Activity,
        "com.example.shop.MainActivity",
        true,
    );
    launcher.exported_explicit = None;
    launcher.intent_filters = vec![IntentFilter {
        actions: vec!["android.intent.action.MAIN".into()],
        categories: vec!["android.intent.category.LAUNCHER".into()],
        ..IntentFilter::default()
    }];
    let manifest = Manifest {
        package: "com.example.shop".into(),
        version_code: Some(231),
        version_name: Some("2.3.1".into()),
        min_sdk: Some(21),
        target_sdk: Some(27),
        permissions: [
            "android.permission.INTERNET",
            "android.permission.READ_PHONE_STATE",
            "android.permission.ACCESS_FINE_LOCATION",
            "android.permission.CAMERA",
            "android.permission.READ_CALENDAR",
            "android.permission.QUERY_ALL_PACKAGES",
        ]
        .into_iter()
        .map(perm)
        .collect(),
        application: Application {
            name: Some("com.example.shop.ShopApp".into()),
            allow_backup: true,
            ..Application::default()
        },
        components: vec![
            launcher,
            component(
                ComponentKind::Service,
                "cn.jpush.android.service.PushService",
                true,
            ),
            component(
                ComponentKind::Provider,
                "cn.jpush.android.service.DataProvider",
                false,
            ),
            component(
                ComponentKind::Activity,
                "com.example.shop.wxapi.WXEntryActivity",
                true,
            ),
        ],
        ..Manifest::default()
    };
    let jpush = Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "jpush".into(),
        name: "JPush".into(),
        name_zh: Some("极光推送".into()),
        vendor: Some("深圳市和讯华谷信息技术有限公司".into()),
        category: "push".into(),
        confidence: Confidence::High,
        version: Some("4.8.1".into()),
        evidence: vec![
            Evidence::Classes {
                package: "cn.jpush.android".into(),
                count: 446,
                examples: vec!["Lcn/jpush/android/api/JPushInterface;".into()],
                dex: vec!["classes2.dex".into()],
            },
            Evidence::Component {
                component_kind: "service".into(),
                name: "cn.jpush.android.service.PushService".into(),
            },
            Evidence::MetaData {
                name: "JPUSH_APPKEY".into(),
                value: Some("0123456789abcdef01234567".into()),
            },
            Evidence::NativeLib {
                path: "lib/arm64-v8a/libjcore322.so".into(),
            },
        ],
        permissions: vec![
            "android.permission.READ_PHONE_STATE".into(),
            "android.permission.ACCESS_FINE_LOCATION".into(),
        ],
        data_types: vec![
            "device_id.android_id".into(),
            "device_id.imei".into(),
            "app.list".into(),
            "location.precise".into(),
        ],
    };
    let talkingdata = Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "talkingdata".into(),
        name: "TalkingData".into(),
        name_zh: Some("TalkingData 统计分析".into()),
        vendor: Some("北京腾云天下科技有限公司".into()),
        category: "analytics".into(),
        confidence: Confidence::High,
        version: None,
        evidence: vec![Evidence::Classes {
            package: "com.tendcloud.tenddata".into(),
            count: 238,
            examples: vec!["Lcom/tendcloud/tenddata/TCAgent;".into()],
            dex: vec!["classes.dex".into()],
        }],
        permissions: vec!["android.permission.READ_PHONE_STATE".into()],
        data_types: vec!["device_id.imei".into(), "device_id.android_id".into()],
    };
    let wechat = Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "wechat-opensdk".into(),
        name: "WeChat Open SDK".into(),
        name_zh: Some("微信开放平台SDK".into()),
        vendor: Some("深圳市腾讯计算机系统有限公司".into()),
        category: "social".into(),
        confidence: Confidence::Medium,
        version: None,
        evidence: vec![Evidence::Classes {
            package: "com.tencent.mm.opensdk".into(),
            count: 138,
            examples: vec!["Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;".into()],
            dex: vec!["classes.dex".into()],
        }],
        permissions: Vec::new(),
        data_types: Vec::new(),
    };
    let okhttp = Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "okhttp".into(),
        name: "OkHttp".into(),
        name_zh: None,
        vendor: Some("Square".into()),
        category: "library".into(),
        confidence: Confidence::High,
        version: Some("4.12.0".into()),
        evidence: vec![Evidence::Classes {
            package: "okhttp3".into(),
            count: 310,
            examples: vec!["Lokhttp3/OkHttpClient;".into()],
            dex: vec!["classes.dex".into()],
        }],
        permissions: Vec::new(),
        data_types: Vec::new(),
    };
    AppFacts {
        source: "shop.apk".into(),
        package: Some("com.example.shop".into()),
        manifest: Some(manifest),
        detections: Detections {
            problems: Vec::new(),
            host_only: Vec::new(),
            sdks: vec![jpush, talkingdata, wechat, okhttp],
            unknown: vec![UnknownPackage {
                examples: Vec::new(),
                package: "com.vendor.ads".into(),
                classes: 12,
            }],
            ..Detections::default()
        },
        observed: vec![
            ObservedAccess {
                sdk_id: Some("jpush".into()),
                data_type: "device_id.imei".into(),
                path: vec![
                    "Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V"
                        .into(),
                    "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;".into(),
                ],
                sink: Some("Ljava/net/Socket;->getOutputStream()Ljava/io/OutputStream;".into()),
            },
            ObservedAccess {
                sdk_id: None,
                data_type: "network.wifi_list".into(),
                path: vec![
                    "Lcom/example/shop/net/Scanner;->scan()V".into(),
                    "Landroid/net/wifi/WifiManager;->getScanResults()Ljava/util/List;".into(),
                ],
                sink: None,
            },
        ],
        problems: vec![Problem {
            at: sdkflow::Location::entry("shop.apk", "assets/extra.dex"),
            message: "nested dex skipped: bad magic".into(),
        }],
    }
}

/// The policy side (as the policy reader would read `shop-policy.txt`).
pub fn policy() -> DeclaredPolicy {
    DeclaredPolicy {
        source: "shop-policy.txt".into(),
        encoding: Some("utf-8".into()),
        sdks: vec![
            DeclaredSdk {
                alternatives: Vec::new(),
                name: "极光推送SDK".into(),
                sdk_id: Some("jpush".into()),
                listed: true,
                vendor: Some("深圳市和讯华谷信息技术有限公司".into()),
                purpose: Some("消息推送".into()),
                data_types: vec!["device_id.android_id".into()],
                permissions: Vec::new(),
                link: Some("https://www.jiguang.cn/license/privacy".into()),
                evidence: span(
                    12,
                    "极光推送SDK：用于消息推送，收集设备标识符（Android ID）",
                ),
            },
            DeclaredSdk {
                alternatives: Vec::new(),
                name: "友盟统计SDK".into(),
                sdk_id: Some("umeng-analytics".into()),
                listed: true,
                evidence: span(14, "友盟统计SDK：用于统计分析，收集设备信息"),
                ..DeclaredSdk::default()
            },
            DeclaredSdk {
                alternatives: Vec::new(),
                name: "某某统计SDK".into(),
                sdk_id: None,
                listed: true,
                evidence: span(16, "某某统计SDK：用于<统计>分析"),
                ..DeclaredSdk::default()
            },
            DeclaredSdk {
                alternatives: Vec::new(),
                name: "微信登录".into(),
                sdk_id: Some("wechat-opensdk".into()),
                listed: false,
                evidence: span(20, "您可以使用微信登录本应用"),
                ..DeclaredSdk::default()
            },
        ],
        permissions: vec![
            DeclaredPermission {
                permission: "android.permission.ACCESS_COARSE_LOCATION".into(),
                phrase: "位置权限".into(),
                evidence: span(30, "位置权限：用于推荐附近门店"),
            },
            DeclaredPermission {
                permission: "android.permission.RECORD_AUDIO".into(),
                phrase: "麦克风权限".into(),
                evidence: span(31, "麦克风权限：用于语音搜索"),
            },
        ],
        data_types: vec![DeclaredDataType {
            data_type: "location.precise".into(),
            phrase: "精确位置信息".into(),
            sdk_id: None,
            evidence: span(25, "我们会收集您的精确位置信息以推荐附近门店"),
        }],
        unmatched: Vec::new(),
    }
}

/// The fixture as one audit input with the built-in permission table.
pub fn input() -> AuditInput {
    AuditInput {
        app: app(),
        policy: policy(),
        permissions: PermissionTable::from_dictionary(
            sdkflow::dictionary::Dictionary::embedded().expect("embedded dictionary"),
        ),
    }
}
