//! Attribution on `samples/apk/multidex.apk`: the SDK stand-ins (Jiguang core, AMap
//! location, Umeng common) read device ids, location and the installed-app list and post
//! them; each flow is attributed to the SDK whose signature claims the source's package.
//! Expectations were derived by reading the smali under `samples/multidex/smali2/`; the
//! owning SDK id is looked up in `sdk-signatures/sdks/*.toml` (longest package prefix),
//! not copied from our output.

mod common;

use sdkflow::flows::{FlowOptions, FlowReport, analyze_app};
use sdkflow::{Limits, apk};

fn report() -> FlowReport {
    let app =
        apk::load(&common::sample_apk("multidex"), &Limits::default()).expect("load multidex");
    analyze_app(&app, &FlowOptions::default()).expect("analyse")
}

/// The signature id whose `packages` (or `weak_packages`) holds the longest prefix of
/// `class` (a descriptor).
fn signature_owner(class: &str) -> Option<String> {
    let dotted = class
        .trim_start_matches('L')
        .trim_end_matches(';')
        .replace('/', ".");
    let dir = common::repo().join("sdk-signatures/sdks");
    let mut best: Option<(usize, String)> = None;
    for entry in std::fs::read_dir(dir).expect("sdk-signatures/sdks") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read signature");
        let v: toml::Table = toml::from_str(&text).expect("signature parses");
        let Some(id) = v.get("id").and_then(|x| x.as_str()) else {
            continue;
        };
        let code = v.get("match").and_then(|c| c.as_table());
        let lists = ["packages", "weak_packages"]
            .iter()
            .filter_map(|k| {
                code.and_then(|c| c.get(*k))
                    .or_else(|| v.get(*k))
                    .and_then(|x| x.as_array())
            })
            .flatten()
            .filter_map(|p| p.as_str())
            .collect::<Vec<_>>();
        for p in lists {
            if (dotted.starts_with(&format!("{p}.")))
                && best.as_ref().is_none_or(|(l, _)| p.len() > *l)
            {
                best = Some((p.len(), id.to_string()));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// (class of the reading method, data type) pairs that must reach a network sink.
const EXPECTED: &[(&str, &str)] = &[
    ("Lcn/jiguang/internal/JCoreCollector;", "device_id.imei"),
    (
        "Lcn/jiguang/internal/JCoreCollector;",
        "device_id.android_id",
    ),
    ("Lcn/jiguang/internal/JCoreCollector;", "device_id.mac"),
    ("Lcn/jiguang/internal/JCoreCollector;", "app.list"),
    ("Lcom/loc/dp;", "location.precise"),
    ("Lcom/loc/dp;", "network.bssid"),
    (
        "Lcom/umeng/commonsdk/statistics/common/DeviceConfig;",
        "device_id.imei",
    ),
    (
        "Lcom/umeng/commonsdk/statistics/common/DeviceConfig;",
        "device_id.mac",
    ),
];

#[test]
fn sdk_stand_in_flows_are_attributed_to_their_sdk() {
    let rep = report();
    for (class, data_type) in EXPECTED {
        let owner = signature_owner(class)
            .unwrap_or_else(|| panic!("no signature claims {class}: fix the test data"));
        let flow = rep
            .flows
            .iter()
            .find(|f| {
                f.source.method.starts_with(&format!("{class}->"))
                    && f.source.data_type == *data_type
                    && f.sink.kind == "network"
            })
            .unwrap_or_else(|| {
                panic!(
                    "no {data_type} -> network flow read in {class}; flows: {:#?}",
                    rep.flows
                        .iter()
                        .map(|f| (&f.source.method, &f.source.data_type, &f.sink.kind))
                        .collect::<Vec<_>>()
                )
            });
        assert_eq!(flow.sdk, owner, "{class} {data_type}");
        let summary = rep
            .sdks
            .iter()
            .find(|s| s.sdk == owner)
            .unwrap_or_else(|| panic!("no summary for {owner}"));
        assert!(summary.data_types_read.iter().any(|d| d == data_type));
        assert!(
            summary
                .sinks
                .get("network")
                .is_some_and(|v| v.iter().any(|d| d == data_type)),
            "{owner} summary lacks {data_type} -> network"
        );
    }
}

/// The Umeng IMEI is read in a helper and returned to `UMConfigure.init`, which posts it:
/// the path goes through both methods to the network helper.
#[test]
fn path_follows_returns_into_the_sending_method() {
    let rep = report();
    let f = rep
        .flows
        .iter()
        .find(|f| {
            f.source
                .method
                .starts_with("Lcom/umeng/commonsdk/statistics/common/DeviceConfig;->")
                && f.source.data_type == "device_id.imei"
        })
        .expect("umeng imei flow");
    let init = f
        .path
        .iter()
        .position(|m| m.starts_with("Lcom/umeng/commonsdk/UMConfigure;->init("));
    let send = f
        .path
        .iter()
        .position(|m| m.starts_with("Lcom/umeng/commonsdk/statistics/internal/UMNetWork;->send("));
    assert!(
        matches!((init, send), (Some(a), Some(b)) if a < b),
        "path {:?}",
        f.path
    );
    // The observed accesses the audit consumes name the SDK and the sink kind.
    let obs = rep.observed();
    assert!(
        obs.iter()
            .any(|o| o.sdk_id.as_deref() == Some(f.sdk.as_str())
                && o.data_type == "device_id.imei"
                && o.sink_kind.as_deref() == Some("network"))
    );
}
