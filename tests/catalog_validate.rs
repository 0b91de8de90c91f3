//! The embedded catalogue passes every rule of docs/signatures.md, covers the must-have
//! SDKs, and each rule rejects a bad file with a message naming the file and the field.

use sdkflow::catalog::Catalog;

mod detect_support;
use detect_support::common;

#[test]
fn embedded_catalogue_is_valid() {
    let catalog = Catalog::embedded();
    let errors = catalog.validate();
    let listing: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "{} problems:\n{}",
        errors.len(),
        listing.join("\n")
    );
}

#[test]
fn committed_folder_equals_the_embedded_catalogue() {
    let dir = Catalog::load_dir(&common::repo().join("sdk-signatures")).expect("load");
    assert!(dir.validate().is_empty());
    assert_eq!(dir.sdks().len(), Catalog::embedded().sdks().len());
}

const MUST_HAVE: &[&str] = &[
    // vendor push
    "huawei-push",
    "xiaomi-push",
    "oppo-push",
    "vivo-push",
    "meizu-push",
    "honor-push",
    // aggregators, analytics, crash, web engine, framework
    "jpush",
    "jiguang-jcore",
    "getui-push",
    "umeng-analytics",
    "umeng-push",
    "umeng-share",
    "umeng-common",
    "mob-sharesdk",
    "mob-mobpush",
    "tencent-bugly",
    "tencent-tbs",
    "tencent-tmf",
    // maps and location
    "amap-location",
    "amap-map",
    "amap-navi",
    "baidu-location",
    "baidu-map",
    "tencent-location",
    "tencent-map",
    // social and payment
    "wechat-opensdk",
    "qq-connect",
    "weibo-sdk",
    "alipay-sdk",
    "unionpay",
    "douyin-opensdk",
    "kuaishou-opensdk",
    // ads
    "pangle",
    "tencent-gdt",
    "kuaishou-ads",
    "baidu-ads",
    "google-admob",
    // speech
    "iflytek-msc",
    "alibaba-nui",
    // one-click login
    "cmcc-auth",
    "cucc-auth",
    "ctcc-auth",
    "aliyun-numberauth",
    "jverification",
    // risk control and analytics
    "netease-yidun",
    "shumei",
    "tongdun",
    "sensors-data",
    "growingio",
    "talkingdata",
    // IM / RTC
    "rongcloud",
    "easemob",
    "agora-rtc",
    "tencent-im",
    // global
    "firebase-analytics",
    "firebase-crashlytics",
    "firebase-messaging",
    "facebook-sdk",
    "appsflyer",
    "adjust",
    "sentry",
    // identity named in the seed policies
    "alipay-zim",
    "tencent-qrcode",
    // plain libraries
    "androidx",
    "kotlin-stdlib",
    "okhttp",
    "retrofit",
    "glide",
    "gson",
];

#[test]
fn coverage_has_every_must_have_sdk_and_at_least_300() {
    let catalog = Catalog::embedded();
    let missing: Vec<&&str> = MUST_HAVE
        .iter()
        .filter(|id| catalog.get(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    assert!(
        catalog.sdks().len() >= 300,
        "{} signatures",
        catalog.sdks().len()
    );
    for lib in [
        "androidx",
        "kotlin-stdlib",
        "okhttp",
        "retrofit",
        "glide",
        "gson",
    ] {
        assert_eq!(
            catalog.get(lib).map(|s| s.category.as_str()),
            Some("library"),
            "{lib}"
        );
    }
}

/// Every SDK the seed policies (../shared/seeds) name resolves through `aliases()`.
#[test]
fn seed_policy_names_resolve_to_signatures() {
    let catalog = Catalog::embedded();
    let resolve = |alias: &str| -> Vec<&str> {
        catalog
            .aliases()
            .filter(|(a, _)| *a == alias)
            .map(|(_, id)| id)
            .collect()
    };
    for (alias, id) in [
        ("极光推送", "jpush"),
        ("極光推送", "jpush"),
        ("JPush", "jpush"),
        ("极光", "jpush"),
        ("腾讯Bugly", "tencent-bugly"),
        ("Bugly", "tencent-bugly"),
        ("高德地图", "amap-map"),
        ("高德定位", "amap-location"),
        ("高德导航", "amap-navi"),
        ("高德SDK", "amap-common"),
        ("微信SDK", "wechat-opensdk"),
        ("微信支付", "wechat-opensdk"),
        ("微信分享SDK", "wechat-opensdk"),
        ("抖音SDK", "douyin-opensdk"),
        ("快手SDK", "kuaishou-opensdk"),
        ("支付宝SDK", "alipay-sdk"),
        ("支付寶", "alipay-sdk"),
        ("QQ", "qq-connect"),
        ("新浪微博", "weibo-sdk"),
        ("百度地图", "baidu-map"),
        ("腾讯二维码扫描SDK", "tencent-qrcode"),
        ("腾讯TMF SDK", "tencent-tmf"),
        ("芝麻认证", "alipay-zim"),
        ("阿里巴巴智能语音SDK", "alibaba-nui"),
        ("网易易盾", "netease-yidun"),
    ] {
        assert!(
            resolve(alias).contains(&id),
            "`{alias}` → {:?}, expected {id}",
            resolve(alias)
        );
    }
}

/// Write `files` into a temp `sdks/` folder and return the validation messages.
fn problems(files: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let sdks = dir.path().join("sdks");
    std::fs::create_dir(&sdks).expect("mkdir");
    for (name, text) in files {
        std::fs::write(sdks.join(name), text).expect("write");
    }
    let catalog = Catalog::load_dir(dir.path()).expect("load");
    catalog.validate().iter().map(ToString::to_string).collect()
}

const GOOD: &str = r#"format = 1
id = "acme"
name = "Acme SDK"
category = "analytics"
aliases = ["Acme统计"]
collects = ["device.model"]
permissions = ["android.permission.INTERNET"]

[match]
packages = ["com.acme.sdk"]
native_libs = ["libacme*.so"]
hosts = ["api.acme.com"]

[version]
native_libs = ["libacme{v}.so"]
"#;

#[track_caller]
fn rejects(text: &str, field: &str, words: &str) {
    let found = problems(&[("acme.toml", text)]);
    assert!(
        found
            .iter()
            .any(|p| p.contains("acme.toml") && p.contains(field) && p.contains(words)),
        "expected a problem in acme.toml at `{field}` mentioning `{words}`, got {found:?}"
    );
}

#[test]
fn a_good_file_passes() {
    assert_eq!(problems(&[("acme.toml", GOOD)]), Vec::<String>::new());
}

#[test]
fn unknown_fields_are_rejected() {
    rejects(
        &GOOD.replace("category =", "categroy = \"x\"\ncategory ="),
        "categroy",
        "unknown field",
    );
    rejects(&GOOD.replace("hosts =", "host ="), "host", "unknown field");
}

#[test]
fn wrong_format_id_and_category_are_rejected() {
    rejects(
        &GOOD.replace("format = 1", "format = 2"),
        "format",
        "not supported",
    );
    rejects(
        &GOOD.replace("id = \"acme\"", "id = \"Acme_SDK\""),
        "id",
        "kebab-case",
    );
    rejects(
        &GOOD.replace("id = \"acme\"", "id = \"other\""),
        "id",
        "differs from the file name",
    );
    rejects(
        &GOOD.replace("\"analytics\"", "\"tracking\""),
        "category",
        "unknown category",
    );
}

#[test]
fn bad_patterns_are_rejected() {
    rejects(
        &GOOD.replace("\"com.acme.sdk\"", "\"com.acme.(.*)\""),
        "match.packages[0]",
        "package prefix",
    );
    rejects(
        &GOOD.replace("\"libacme*.so\"", "\"libacme(.*)\\\\.so\""),
        "match.native_libs[0]",
        ".so",
    );
    rejects(
        &GOOD.replace("\"api.acme.com\"", "\"*.acme.com\""),
        "match.hosts[0]",
        "host name",
    );
    rejects(
        &GOOD.replace("\"libacme{v}.so\"", "\"libacme.so\""),
        "version.native_libs[0]",
        "{v}",
    );
    rejects(
        &GOOD.replace("\"android.permission.INTERNET\"", "\"INTERNET\""),
        "permissions[0]",
        "permission",
    );
    rejects(
        &GOOD.replace("[match]", "[match]\ncomponents = [\"com.acme.*.Stub\"]"),
        "match.components[0]",
        "class name",
    );
    rejects(
        &GOOD.replace("[match]", "[match]\nexclude_packages = [\"org.other\"]"),
        "match.exclude_packages[0]",
        "not under",
    );
    rejects(
        &GOOD.replace("[match]", "[match]\njni_prefixes = [\"com_acme\"]"),
        "match.jni_prefixes[0]",
        "Java_",
    );
}

#[test]
fn dangling_references_are_rejected() {
    rejects(
        &GOOD.replace("\"device.model\"", "\"device.shoe_size\""),
        "collects[0]",
        "data-types.toml",
    );
    rejects(
        &GOOD.replace("category =", "bundled_by = [\"nobody\"]\ncategory ="),
        "bundled_by[0]",
        "no signature",
    );
}

#[test]
fn duplicate_ids_and_shared_matchers_are_rejected() {
    let found = problems(&[
        ("acme.toml", GOOD),
        (
            "acme2.toml",
            &GOOD.replace("id = \"acme\"", "id = \"acme2\""),
        ),
    ]);
    assert!(
        found.iter().any(|p| p.contains("acme2.toml")
            && p.contains("match.packages[0]")
            && p.contains("already claimed by `acme`")),
        "{found:?}"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("acme.toml"), GOOD).expect("write");
    let catalog = Catalog::load_dir(dir.path())
        .expect("load")
        .with_overrides(dir.path())
        .expect("override");
    assert!(
        catalog.validate().is_empty(),
        "an override of the same id replaces, it does not duplicate"
    );
    // Two files declaring the same id in one folder.
    let found = problems(&[("acme.toml", GOOD), ("zzz.toml", GOOD)]);
    assert!(
        found
            .iter()
            .any(|p| p.contains("zzz.toml") && p.contains("id") && p.contains("duplicate id")),
        "{found:?}"
    );
}

#[test]
fn empty_matchers_are_rejected() {
    let text = "format = 1\nid = \"acme\"\nname = \"Acme\"\ncategory = \"ads\"\n";
    rejects(text, "match", "no matcher");
}

#[test]
fn overrides_add_and_replace_signatures() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("acme.toml"), GOOD).expect("write");
    let jpush = Catalog::embedded()
        .get("jpush")
        .map(|s| s.name.clone())
        .expect("jpush");
    let replaced = r#"format = 1
id = "jpush"
name = "JPush (site override)"
category = "push"
[match]
packages = ["cn.jpush"]
"#;
    std::fs::write(dir.path().join("jpush.toml"), replaced).expect("write");
    let catalog = Catalog::embedded()
        .with_overrides(dir.path())
        .expect("override");
    assert!(catalog.validate().is_empty(), "{:?}", catalog.validate());
    assert!(catalog.get("acme").is_some());
    assert_eq!(
        catalog.get("jpush").map(|s| s.name.as_str()),
        Some("JPush (site override)")
    );
    assert_ne!(jpush, "JPush (site override)");
}

#[test]
fn packer_and_plugin_rules_are_checked() {
    let packer = |block: &str| {
        GOOD.replace("category = \"analytics\"", "category = \"packer\"")
            .replace("\n[match]\n", &format!("\n{block}\n[match]\n"))
    };
    assert_eq!(
        problems(&[(
            "acme.toml",
            &packer("[packer]\napplication = [\"com.acme.Stub\"]\nfiles = [\"libacmeshell*.so\"]")
        )]),
        Vec::<String>::new()
    );
    rejects(&packer("[packer]"), "packer", "stub application or a file");
    // The category and the table go together: the audit reads the category.
    rejects(
        &packer("[packer]\nfiles = [\"libacmeshell*.so\"]")
            .replace("category = \"packer\"", "category = \"risk-control\""),
        "category",
        "[packer] table",
    );
    rejects(
        &GOOD.replace("category = \"analytics\"", "category = \"packer\""),
        "packer",
        "needs a [packer] table",
    );
    rejects(
        &packer("[packer]\nfiles = [\"acme.dat\"]"),
        "packer.files[0]",
        ".so",
    );
    rejects(
        &packer("[packer]\napplication = [\"Stub\"]"),
        "packer.application[0]",
        "class name",
    );
    rejects(
        &packer("[packer]\nfiles = [\"libx.so\"]\nstub = [\"x\"]"),
        "stub",
        "unknown field",
    );
    let plugin = |platform: &str, package: &str| {
        format!("{GOOD}\n[[plugin]]\nplatform = \"{platform}\"\npackages = [\"{package}\"]\n")
    };
    let other = GOOD
        .replace("id = \"acme\"", "id = \"wechat\"")
        .replace("com.acme.sdk", "com.wechat.sdk")
        .replace("libacme", "libwechat")
        .replace("api.acme.com", "api.wechat.com");
    assert_eq!(
        problems(&[
            ("acme.toml", &plugin("wechat", "com.acme.sdk.wechat")),
            ("wechat.toml", &other)
        ]),
        Vec::<String>::new()
    );
    rejects(
        &plugin("nobody", "com.acme.sdk.wechat"),
        "plugin[0].platform",
        "no signature",
    );
    rejects(
        &plugin("acme", "com.acme.sdk.wechat"),
        "plugin[0].platform",
        "its own plugin",
    );
    rejects(
        &plugin("acme", "com.other.wechat"),
        "plugin[0].packages[0]",
        "not a package under",
    );
}
