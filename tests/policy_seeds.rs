//! The five real seed policies (copied from the shared seeds into samples/policies/seeds):
//! what a careful reader finds in each, written down with the line it comes from, and
//! what must not be invented. SDK ids come from the signature catalogue's aliases.

use std::path::PathBuf;

use sdkflow::catalog::Catalog;
use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases, DeclaredPolicy};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn aliases() -> Aliases {
    Aliases::new(Catalog::embedded().aliases())
}

fn read(seed: &str) -> DeclaredPolicy {
    let path = repo().join("samples/policies/seeds").join(seed);
    assert!(
        path.exists(),
        "missing seed policy {}: copy it from ../shared/seeds",
        path.display()
    );
    policy::read_file(
        &path,
        Dictionary::embedded().expect("dictionary"),
        &aliases(),
    )
    .expect("policy reads")
}

fn sdk<'a>(p: &'a DeclaredPolicy, name: &str) -> &'a policy::DeclaredSdk {
    p.sdks.iter().find(|s| s.name == name).unwrap_or_else(|| {
        panic!(
            "no SDK named {name}; have {:?}",
            p.sdks.iter().map(|s| &s.name).collect::<Vec<_>>()
        )
    })
}

fn has_perm(p: &DeclaredPolicy, short: &str) -> bool {
    let full = format!("android.permission.{short}");
    p.permissions.iter().any(|x| x.permission == full)
}

fn has_data(p: &DeclaredPolicy, id: &str) -> bool {
    p.data_types.iter().any(|d| d.data_type == id)
}

fn line_of_perm(p: &DeclaredPolicy, short: &str) -> usize {
    let full = format!("android.permission.{short}");
    p.permissions
        .iter()
        .find(|x| x.permission == full)
        .and_then(|x| x.evidence.as_ref())
        .map_or(0, |e| e.line)
}

/// 000: the SDK list is run together in the single 37 KB line 9, after
/// "无殊接入第三方SDK情形如下：".
#[test]
fn seed_000_run_on_sdk_list_in_one_line() {
    let p = read("000_677964986e26fae2.txt");
    let expect = [
        ("微信分享SDK", Some("wechat-opensdk")),
        ("腾讯二维码扫描SDK", Some("tencent-qrcode")),
        ("腾讯TMF SDK", Some("tencent-tmf")),
        ("Bugly", Some("tencent-bugly")),
        ("华为", Some("huawei-push")),
        ("华为联运应用", None),
        ("微信支付", Some("wechat-opensdk")),
        ("支付宝支付", Some("alipay-sdk")),
        ("阿里乘车码", None),
        ("阿里芝麻信用实名认证", Some("alipay-zim")),
        ("阿里巴巴智能语音SDK", Some("alibaba-nui")),
        ("银行卡、证件识别SDK", None),
        // 功能类型：地图导航, 官网链接：https://map.baidu.com/: the map SDK, not location.
        ("百度地图", Some("baidu-map")),
        // 网盾 is ambiguous (NetEase Yidun, 360, bank controls): the catalogue has no such alias.
        ("网盾SDK", None),
        ("高德地图", Some("amap-map")),
        ("高德定位", Some("amap-location")),
        ("高德导航SDK", Some("amap-navi")),
        ("视频播放器SDK", None),
        ("极光推送", Some("jpush")),
    ];
    for (name, id) in expect {
        let s = sdk(&p, name);
        assert_eq!(s.sdk_id.as_deref(), id, "{name}");
        assert!(s.listed, "{name} is in the SDK list");
        let e = s.evidence.as_ref().expect("evidence");
        assert_eq!(e.line, 9, "{name}");
        assert!(e.snippet.contains(name), "{name}: {}", e.snippet);
    }
    // Every listed name comes from the list, nothing from the rest of the policy.
    assert!(
        p.sdks.iter().all(|s| s.listed),
        "{:?}",
        p.sdks
            .iter()
            .filter(|s| !s.listed)
            .map(|s| &s.name)
            .collect::<Vec<_>>()
    );
    assert!(
        p.sdks.len() <= expect.len() + 3,
        "{:?}",
        p.sdks.iter().map(|s| &s.name).collect::<Vec<_>>()
    );

    // Per-SDK fields, as written after 功能类型 / 个人信息类型 / 收集使用目的 / 官网链接.
    let wx = sdk(&p, "微信分享SDK");
    assert_eq!(wx.link.as_deref(), Some("https://open.weixin.qq.com/"));
    assert_eq!(
        wx.purpose.as_deref(),
        Some("根据用户选择，为用户提供第三方账号登录功能")
    );
    assert!(
        wx.data_types.iter().any(|d| d == "device.info")
            && wx.data_types.iter().any(|d| d == "device.os_version")
    );
    let qr = sdk(&p, "腾讯二维码扫描SDK");
    for perm in [
        "CAMERA",
        "INTERNET",
        "ACCESS_WIFI_STATE",
        "WRITE_EXTERNAL_STORAGE",
    ] {
        assert!(
            qr.permissions
                .contains(&format!("android.permission.{perm}")),
            "QR SDK: {perm}"
        );
    }
    assert_eq!(qr.purpose.as_deref(), Some("用于提供二维码扫描服务"));
    assert_eq!(
        sdk(&p, "Bugly").link.as_deref(),
        Some("https://bugly.qq.com/")
    );
    let yidun = sdk(&p, "网盾SDK");
    for perm in ["WRITE_SETTINGS", "BLUETOOTH", "INTERNET"] {
        assert!(
            yidun
                .permissions
                .contains(&format!("android.permission.{perm}")),
            "网盾: {perm}"
        );
    }
    assert!(
        sdk(&p, "百度地图")
            .data_types
            .iter()
            .any(|d| d == "location")
    );

    // App-wide permissions: 相机权限 / 相册权限 / 麦克风权限 (拓展功能 1-3), 定位, and the
    // SDK list's 网络权限, wifi状态, 系统推送通知, 震动权限, 修改系统设置权限, 蓝牙权限.
    for perm in [
        "CAMERA",
        "READ_EXTERNAL_STORAGE",
        "RECORD_AUDIO",
        "ACCESS_FINE_LOCATION",
        "INTERNET",
        "ACCESS_WIFI_STATE",
        "POST_NOTIFICATIONS",
        "VIBRATE",
        "WRITE_SETTINGS",
        "BLUETOOTH",
    ] {
        assert!(has_perm(&p, perm), "000 declares {perm}");
    }
    // "通过发送短信验证码的方式来验证您的身份" is the server sending a code, not SEND_SMS;
    // 电话号码 / 通讯 are not phone or contacts permissions.
    for perm in [
        "SEND_SMS",
        "READ_SMS",
        "CALL_PHONE",
        "READ_CONTACTS",
        "READ_PHONE_STATE",
    ] {
        assert!(!has_perm(&p, perm), "000 does not declare {perm}");
    }
    // Data types in the security paragraph: 硬件序列号、设备型号、操作系统版本、设备MAC地址、软件列表、
    // IMEI/android ID/OPENUDID/GUID、SIM 卡 IMSI; and the risk-control list: 人脸识别特征.
    for id in [
        "device_id.serial",
        "device.model",
        "device.os_version",
        "device_id.mac",
        "app.list",
        "device_id.imei",
        "device_id.android_id",
        "device_id.imsi",
        "network.ip",
        "location",
        "biometric.face",
        "phone_number",
        "bank_card",
    ] {
        assert!(has_data(&p, id), "000 declares {id}");
    }
    // The definition of 个人信息 (姓名、身份证件号码…) is boilerplate, not a declaration: the
    // first id_card evidence is the 实名认证 sentence, not the definition.
    let id_card = p
        .data_types
        .iter()
        .find(|d| d.data_type == "id_card")
        .and_then(|d| d.evidence.as_ref())
        .map(|e| e.snippet.clone());
    assert!(
        id_card
            .as_deref()
            .is_some_and(|s| !s.contains("个人信息包括")),
        "{id_card:?}"
    );
}

/// 001: traditional script, Markdown permission table (lines 14-17), no SDK.
#[test]
fn seed_001_traditional_markdown_permission_table() {
    let p = read("001_e94fb3d9af9f5adb.txt");
    assert!(
        p.sdks.is_empty(),
        "001 names no third-party SDK (its own SDK is ecer's): {:?}",
        p.sdks
    );
    assert!(
        has_perm(&p, "ACCESS_FINE_LOCATION") && has_perm(&p, "ACCESS_COARSE_LOCATION"),
        "位置 (line 16)"
    );
    assert!(has_perm(&p, "POST_NOTIFICATIONS"), "通知 (line 17)");
    assert_eq!(line_of_perm(&p, "ACCESS_FINE_LOCATION"), 16);
    assert_eq!(line_of_perm(&p, "POST_NOTIFICATIONS"), 17);
    // 相冊 appears in the 業務功能 column, not the permission column; 權限授權方式 is a header.
    assert_eq!(
        p.permissions.len(),
        3,
        "{:?}",
        p.permissions
            .iter()
            .map(|x| &x.permission)
            .collect::<Vec<_>>()
    );
    let snippet = &p.permissions[0]
        .evidence
        .as_ref()
        .expect("evidence")
        .snippet;
    assert!(
        snippet.starts_with("位置 |"),
        "evidence quotes the original traditional text: {snippet}"
    );
    // Line 13: 手機號, 郵箱, 身份證件號碼, IP地址, 硬件設備信息, 操作系統的版本, 網絡運營商.
    for id in [
        "phone_number",
        "email",
        "id_card",
        "network.ip",
        "device.hardware",
        "device.os_version",
        "network.carrier",
    ] {
        assert!(has_data(&p, id), "001 declares {id}");
    }
    assert!(p.unmatched.is_empty(), "{:?}", p.unmatched);
}

/// 002: plain-text permission table split over lines 54-143, numbered SDK list 188-197.
#[test]
fn seed_002_plain_table_and_numbered_sdk_list() {
    let p = read("002_16aba12272f79583.txt");
    let expect = [
        ("微信SDK", "wechat-opensdk", 188),
        ("抖音SDK", "douyin-opensdk", 190),
        ("快手SDK", "kuaishou-opensdk", 192),
        ("高德地图sdk", "amap-map", 194),
        ("支付宝SDK", "alipay-sdk", 196),
    ];
    assert_eq!(
        p.sdks.len(),
        expect.len(),
        "{:?}",
        p.sdks.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    for (name, id, line) in expect {
        let s = sdk(&p, name);
        assert_eq!(s.sdk_id.as_deref(), Some(id));
        assert!(s.listed);
        assert_eq!(s.evidence.as_ref().map(|e| e.line), Some(line), "{name}");
    }
    assert_eq!(
        sdk(&p, "微信SDK").purpose.as_deref(),
        Some("用于调用微信支付，微信登陆以及微信授权")
    );
    assert!(
        sdk(&p, "高德地图sdk")
            .permissions
            .iter()
            .any(|x| x.ends_with("ACCESS_FINE_LOCATION")),
        "获取位置信息 (195)"
    );
    // The 对应权限 column, one permission per AOSP label.
    let table = [
        ("WRITE_EXTERNAL_STORAGE", "修改或删除存储卡中的内容 (62)"),
        ("READ_CONTACTS", "读取联系人 (62)"),
        ("WRITE_CONTACTS", "新建/修改/删除联系人 (62)"),
        ("ACCESS_FINE_LOCATION", "访问确切位置信息 (69)"),
        ("ACCESS_COARSE_LOCATION", "访问大致位置信息 (76)"),
        ("SEND_SMS", "获取短信发送权限 (83)"),
        ("READ_PHONE_STATE", "读取通话状态和移动网络信息 (90)"),
        ("PROCESS_OUTGOING_CALLS", "重新设置外拨电话的路径 (111)"),
        ("CALL_PHONE", "拨打电话 (111)"),
        ("RECORD_AUDIO", "录制音频 (111)"),
        ("CAMERA", "相机权限 (125)"),
        ("ACCESS_NETWORK_STATE", "查看网络状态 (132)"),
        ("ACCESS_WIFI_STATE", "查看WIFI状态 (132)"),
        ("CHANGE_NETWORK_STATE", "更改网络连接性 (132)"),
        ("INTERNET", "完全的网络访问权限 (132)"),
    ];
    for (perm, why) in table {
        assert!(has_perm(&p, perm), "002 declares {perm}: {why}");
    }
    assert_eq!(line_of_perm(&p, "PROCESS_OUTGOING_CALLS"), 111);
    assert_eq!(line_of_perm(&p, "CHANGE_NETWORK_STATE"), 132);
    // "验证支付宝、微信信息" sits in the permission column but names no permission.
    assert!(
        p.unmatched
            .iter()
            .any(|u| u.phrase == "验证支付宝、微信信息"
                && u.evidence.as_ref().map(|e| e.line) == Some(139)),
        "{:?}",
        p.unmatched
    );
    assert!(!has_perm(&p, "ACCESS_BACKGROUND_LOCATION") && !has_perm(&p, "READ_SMS"));
    for id in ["phone_number", "contacts", "device_id.imei"] {
        assert!(has_data(&p, id), "002 declares {id}");
    }
}

/// 003: SDKs only mentioned: login with 微信、QQ、新浪微博 (line 43), pay with 微信支付、支付宝
/// (line 95); the 微信小程序 of lines 5 and 321 is not an SDK.
#[test]
fn seed_003_mentioned_not_listed() {
    let p = read("003_d3e8cf82e81ed21e.txt");
    for (id, line) in [
        ("wechat-opensdk", 43),
        ("qq-connect", 43),
        ("weibo-sdk", 43),
        ("alipay-sdk", 95),
    ] {
        let s = p
            .sdks
            .iter()
            .find(|s| s.sdk_id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id} mentioned"));
        assert!(!s.listed, "{id} is only mentioned");
        assert_eq!(s.evidence.as_ref().map(|e| e.line), Some(line), "{id}");
    }
    assert!(p.sdks.iter().all(|s| !s.listed));
    assert!(
        p.sdks.iter().all(|s| s
            .evidence
            .as_ref()
            .is_some_and(|e| e.line != 5 && e.line != 321)),
        "mini-program boilerplate"
    );
    // "网络Beacon" (line 135) is a web beacon, not Tencent Beacon.
    assert!(
        p.sdks
            .iter()
            .all(|s| s.sdk_id.as_deref() != Some("tencent-beacon"))
    );
    // Line 61: 摄像头(相机)、相册(图片库)、麦克风(音频)等敏感权限.
    for perm in ["CAMERA", "READ_EXTERNAL_STORAGE", "RECORD_AUDIO"] {
        assert!(has_perm(&p, perm), "003 declares {perm}");
        assert_eq!(line_of_perm(&p, perm), 61, "{perm}");
    }
    assert!(
        !has_perm(&p, "SEND_SMS")
            && !has_perm(&p, "CALL_PHONE")
            && !has_perm(&p, "READ_PHONE_STATE")
    );
    // Line 51: 设备型号、唯一设备标识码(IMEI)、操作系统及软件版本号、IP地址、网络接入方式、
    // 网络设备硬件地址、移动网络运营商; 83: 通讯录; 75: 地理位置; 97: 银行卡.
    for id in [
        "device.model",
        "device_id.imei",
        "device.os_version",
        "network.ip",
        "network.type",
        "device_id.mac",
        "network.carrier",
        "contacts",
        "location",
        "bank_card",
        "phone_number",
        "id_card",
    ] {
        assert!(has_data(&p, id), "003 declares {id}");
    }
}

/// 004: Markdown with bold markers, no SDK list, no permission named.
#[test]
fn seed_004_markdown_bold_no_sdk_list() {
    let p = read("004_c2b0d46e6e8c4cff.txt");
    assert!(p.sdks.iter().all(|s| !s.listed), "no SDK list in 004");
    assert!(
        p.sdks.len() <= 1,
        "at most the 微信 registration option (line 35): {:?}",
        p.sdks
    );
    assert!(
        p.permissions.is_empty(),
        "004 names no permission: {:?}",
        p.permissions
    );
    // **手机号 (或者微信、Email) 码** (35), 身份证号码 (49), 订单号 (53), GPS 信息、WLAN 接入点 (71), IP 地址 (73).
    for (id, line) in [
        ("phone_number", 35),
        ("email", 35),
        ("id_card", 49),
        ("location.gnss", 71),
        ("network.wifi_state", 71),
        ("network.ip", 73),
    ] {
        let d = p
            .data_types
            .iter()
            .find(|d| d.data_type == id)
            .unwrap_or_else(|| panic!("004 declares {id}"));
        assert_eq!(d.evidence.as_ref().map(|e| e.line), Some(line), "{id}");
    }
    // Bold markers are gone from the phrase but kept in the quoted original.
    let phone = p
        .data_types
        .iter()
        .find(|d| d.data_type == "phone_number")
        .and_then(|d| d.evidence.clone())
        .expect("evidence");
    assert!(phone.snippet.contains("**手机号"), "{}", phone.snippet);
}
