//! Our own sample policies (samples/policies/): each input format the reader accepts, the
//! structured tables and their round trip, the `sdkflow policy` JSON contract, and hostile
//! input (arbitrary bytes, truncation inside multi-byte characters) that must never panic.
//! Expectations are what the sample files say (we wrote them), not our own output.

mod common;

use std::path::PathBuf;

use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases, DeclaredPolicy};

fn sample(name: &str) -> PathBuf {
    let p = common::repo().join("samples/policies").join(name);
    assert!(p.exists(), "missing sample {}", p.display());
    p
}

fn aliases() -> Aliases {
    let text = std::fs::read_to_string(sample("aliases-research.tsv")).expect("alias list");
    Aliases::new(
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t')),
    )
}

fn dict() -> &'static Dictionary {
    Dictionary::embedded().expect("dictionary")
}

fn read(name: &str) -> DeclaredPolicy {
    policy::read_file(&sample(name), dict(), &aliases()).expect("reads")
}

fn ids(p: &DeclaredPolicy, listed: bool) -> Vec<Option<&str>> {
    p.sdks
        .iter()
        .filter(|s| s.listed == listed)
        .map(|s| s.sdk_id.as_deref())
        .collect()
}

fn has_perm(p: &DeclaredPolicy, short: &str) -> bool {
    p.permissions
        .iter()
        .any(|x| x.permission == format!("android.permission.{short}"))
}

#[test]
fn html_table_sdk_list_with_entities_and_br() {
    let p = read("html-sdk-table.html");
    assert_eq!(p.encoding.as_deref(), Some("utf-8"));
    assert_eq!(
        ids(&p, true),
        [Some("jpush"), Some("amap-location"), Some("amap-map"), None]
    );
    let jpush = &p.sdks[0];
    assert_eq!(
        jpush.vendor.as_deref(),
        Some("深圳市和讯华谷信息技术有限公司")
    );
    assert_eq!(
        jpush.link.as_deref(),
        Some("https://www.jiguang.cn/license/privacy")
    );
    for id in [
        "device_id.imei",
        "device_id.android_id",
        "device_id.oaid",
        "network.type",
    ] {
        assert!(jpush.data_types.iter().any(|d| d == id), "极光 row: {id}");
    }
    // `<br>` inside a cell splits two SDKs that share the row's fields.
    assert_eq!(p.sdks[2].name, "高德地图SDK");
    assert!(
        p.sdks[2]
            .data_types
            .iter()
            .any(|d| d == "network.wifi_list")
    );
    // `&mdash;` is no link; the unknown SDK is kept, unresolved.
    assert_eq!(p.sdks[3].name, "某某客服SDK");
    assert_eq!(p.sdks[3].link, None);
    // "您可以使用微信登录&amp;分享" (line 15): mentioned only.
    assert_eq!(ids(&p, false), [Some("wechat-opensdk")]);
    assert!(has_perm(&p, "CAMERA") && has_perm(&p, "READ_EXTERNAL_STORAGE"));
    let cam = p
        .permissions
        .iter()
        .find(|x| x.permission.ends_with("CAMERA"))
        .and_then(|x| x.evidence.clone())
        .expect("evidence");
    assert_eq!(cam.line, 6);
    assert!(
        cam.snippet.contains("<strong>相机权限</strong>"),
        "evidence quotes the original HTML: {}",
        cam.snippet
    );
}

#[test]
fn gbk_file_is_detected_and_read() {
    let bytes = std::fs::read(sample("gbk-policy.txt")).expect("read");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the sample really is GBK"
    );
    let p = read("gbk-policy.txt");
    assert_eq!(p.encoding.as_deref(), Some("gb18030"));
    assert_eq!(ids(&p, true), [Some("getui-push"), Some("baidu-location")]);
    assert!(p.sdks[0].data_types.iter().any(|d| d == "device_id.mac"));
    assert!(has_perm(&p, "READ_PHONE_STATE"), "电话权限 (line 7)");
    // The 电话权限 sentence after the blank line is not part of the 百度定位SDK entry.
    assert!(
        !p.sdks[1]
            .permissions
            .iter()
            .any(|x| x.ends_with("READ_PHONE_STATE"))
    );
}

#[test]
fn utf16_with_bom_in_traditional_script() {
    let p = read("plain-utf16le-bom.txt");
    assert_eq!(p.encoding.as_deref(), Some("utf-16le"));
    assert_eq!(
        ids(&p, true),
        [Some("tencent-bugly"), Some("wechat-opensdk")]
    );
    assert_eq!(
        p.sdks[0].name, "騰訊Bugly SDK",
        "name as written, traditional"
    );
    assert_eq!(
        p.sdks[0].evidence.as_ref().map(|e| (e.line, e.column)),
        Some((4, 3))
    );
    assert!(has_perm(&p, "CAMERA"));
    assert!(
        p.data_types
            .iter()
            .any(|d| d.data_type == "device.model" && d.phrase == "裝置型號")
    );
}

#[test]
fn markdown_permission_and_sdk_tables() {
    let p = read("markdown-tables.md");
    assert_eq!(
        ids(&p, true),
        [Some("tencent-bugly"), Some("umeng-analytics")],
        "header row is no SDK"
    );
    assert!(has_perm(&p, "WRITE_EXTERNAL_STORAGE") && has_perm(&p, "RECORD_AUDIO"));
    // Android has no clipboard permission: the phrase is reported, the data type declared.
    assert!(
        p.unmatched.iter().any(|u| u.phrase == "读取剪贴板"),
        "{:?}",
        p.unmatched
    );
    assert!(p.data_types.iter().any(|d| d.data_type == "clipboard"));
    let bugly = &p.sdks[0];
    assert_eq!(
        bugly.vendor.as_deref(),
        Some("深圳市腾讯计算机系统有限公司")
    );
    assert!(
        bugly.data_types.iter().any(|d| d == "crash.logs")
            && bugly.data_types.iter().any(|d| d == "device.os_version")
    );
}

#[test]
fn csv_and_toml_structured_tables() {
    let p = read("declared.csv");
    assert_eq!(ids(&p, true), [Some("jpush"), Some("amap-map"), None]);
    assert_eq!(
        p.sdks[0].data_types,
        ["device_id.imei", "device_id.oaid", "device.model"],
        "phrases and ids both accepted"
    );
    assert_eq!(
        p.sdks[0].permissions,
        [
            "android.permission.READ_PHONE_STATE",
            "android.permission.INTERNET"
        ]
    );
    assert!(
        p.sdks[1]
            .permissions
            .iter()
            .any(|x| x.ends_with("ACCESS_COARSE_LOCATION")),
        "位置权限 is the location group"
    );
    let unmatched: Vec<&str> = p.unmatched.iter().map(|u| u.phrase.as_str()).collect();
    assert_eq!(unmatched, ["星座", "不存在的权限"]);
    assert!(
        has_perm(&p, "INTERNET"),
        "app-wide list filled from the rows"
    );

    let t = read("declared.toml");
    assert_eq!(t.sdks.len(), 2);
    assert_eq!(t.sdks[0].sdk_id.as_deref(), Some("tencent-bugly"));
    assert_eq!(t.sdks[0].data_types, ["device.model", "crash.logs"]);
    assert!(!t.sdks[1].listed && t.sdks[1].sdk_id.as_deref() == Some("wechat-opensdk"));
}

#[test]
fn json_output_round_trips_as_structured_input() {
    for name in [
        "html-sdk-table.html",
        "seeds/000_677964986e26fae2.txt",
        "seeds/002_16aba12272f79583.txt",
    ] {
        let first = read(name);
        let json = serde_json::to_string_pretty(&first).expect("serialise");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("declared.json");
        std::fs::write(&path, &json).expect("write");
        let second = policy::read_file(&path, dict(), &aliases()).expect("reads back");
        assert_eq!(second.sdks, first.sdks, "{name}");
        assert_eq!(second.permissions, first.permissions, "{name}");
        assert_eq!(second.data_types, first.data_types, "{name}");
        assert_eq!(second.unmatched, first.unmatched, "{name}");
    }
}

#[test]
fn cli_json_contract_and_text() {
    let input = sample("seeds/003_d3e8cf82e81ed21e.txt");
    let tsv = sample("aliases-research.tsv");
    let (code, out, err) = common::sdkflow(&[
        "policy",
        input.to_str().unwrap_or(""),
        "--format",
        "json",
        "--aliases",
        tsv.to_str().unwrap_or(""),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let sdks = v["sdks"].as_array().expect("sdks array");
    let weibo = sdks
        .iter()
        .find(|s| s["sdk_id"] == "weibo-sdk")
        .expect("新浪微博 mentioned");
    assert_eq!(weibo["name"], "新浪微博");
    assert_eq!(weibo["listed"], false);
    assert!(weibo["data_types"].is_array() && weibo["permissions"].is_array());
    assert_eq!(weibo["evidence"]["line"], 43);
    let cam = v["permissions"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|p| p["permission"] == "android.permission.CAMERA")
        })
        .expect("camera");
    assert_eq!(cam["phrase"], "摄像头");
    assert!(
        v["data_types"]
            .as_array()
            .is_some_and(|a| a.iter().any(|d| d["data_type"] == "contacts"))
    );

    let (code, text, _) = common::sdkflow(&[
        "policy",
        input.to_str().unwrap_or(""),
        "--aliases",
        tsv.to_str().unwrap_or(""),
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains("L43:") && text.contains("新浪微博 → weibo-sdk [mentioned]"),
        "{text}"
    );

    let (code, _, err) = common::sdkflow(&["policy", "/nonexistent/policy.txt"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn arbitrary_bytes_and_truncation_never_panic() {
    let dict = dict();
    let aliases = aliases();
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for name in [
        "seeds/000_677964986e26fae2.txt",
        "seeds/001_e94fb3d9af9f5adb.txt",
        "html-sdk-table.html",
        "gbk-policy.txt",
        "plain-utf16le-bom.txt",
    ] {
        seeds.push(std::fs::read(sample(name)).expect("read"));
    }
    let mut rng = fastrand::Rng::with_seed(5);
    for seed in &seeds {
        // Truncation at every byte of the first 2 KB (inside multi-byte characters too).
        for cut in (0..seed.len().min(2048)).step_by(7) {
            let _ = policy::read_bytes("cut.txt", &seed[..cut], dict, &aliases);
        }
        // Random byte flips, insertions of markup characters, deletions.
        for _ in 0..40 {
            let mut b = seed.clone();
            for _ in 0..rng.usize(1..64) {
                if b.is_empty() {
                    break;
                }
                let i = rng.usize(..b.len());
                match rng.u8(..4) {
                    0 => b[i] = rng.u8(..),
                    1 => b.insert(i, *b"<|&;:\n*#".get(rng.usize(..9)).unwrap_or(&b'<')),
                    2 => {
                        b.remove(i);
                    }
                    _ => b.truncate(i),
                }
            }
            let _ = policy::read_bytes("mutated.html", &b, dict, &aliases);
            let _ = policy::read_bytes("mutated.json", &b, dict, &aliases);
            let _ = policy::read_bytes("mutated.csv", &b, dict, &aliases);
        }
    }
    for _ in 0..200 {
        let len = rng.usize(..4096);
        let b: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
        let _ = policy::read_bytes("random.txt", &b, dict, &aliases);
    }
}

#[test]
fn large_input_is_read_in_one_pass() {
    // 10 MB: the 37 KB single-line seed repeated, plus pathological markup runs (many '<'
    // without '>', many '&' without ';'). Linear scans finish quickly even in debug builds;
    // a quadratic scan would not finish at all.
    let seed = std::fs::read(sample("seeds/000_677964986e26fae2.txt")).expect("read");
    let mut big = Vec::with_capacity(10 << 20);
    while big.len() < 9 << 20 {
        big.extend_from_slice(&seed);
    }
    big.extend(std::iter::repeat_n(b'<', 300_000));
    big.extend(std::iter::repeat_n(b'&', 300_000));
    big.extend(b"<html><p>");
    big.extend(std::iter::repeat_n(b'<', 200_000));
    let p = policy::read_bytes("big.html", &big, dict(), &aliases()).expect("reads");
    assert!(p.sdks.iter().any(|s| s.sdk_id.as_deref() == Some("jpush")));
}
