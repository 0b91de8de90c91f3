//! Real registry APKs: the analysis finishes on the 16-dex uiautomator2-server APK with a
//! report, and an app whose code calls no catalogue source reports no read and no flow
//! (checked against dexdump's listing of every invoke, with every method as an entry).

mod common;

use sdkflow::flows::{ApiCatalog, FlowOptions, analyze_app};
use sdkflow::{Limits, apk};

#[test]
fn sixteen_dex_registry_apk_finishes_with_a_report() {
    let app = apk::load(&common::uiautomator2_server_apk(), &Limits::default()).expect("load");
    assert!(
        app.dex.len() >= 16,
        "expected the 16-dex APK, got {}",
        app.dex.len()
    );
    let rep = analyze_app(&app, &FlowOptions::default()).expect("analyse");
    assert!(rep.stats.methods > 10_000, "{:?}", rep.stats);
    assert!(rep.stats.reachable > 0 && rep.stats.reachable <= rep.stats.methods);
    assert!(!rep.stats.truncated, "{:?}", rep.stats);
    for f in &rep.flows {
        assert!(!f.path.is_empty() && !f.source.api.is_empty() && !f.sink.api.is_empty());
    }
}

#[test]
fn app_without_sources_reports_nothing() {
    let path = common::corpus(
        "apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-debug-androidTest.apk",
    );
    // Oracle: every method dexdump sees invoked (`Lcls;.name:(...)`).
    let listing = common::oracle("dexdump", &["-d"], &path);
    let catalog = ApiCatalog::embedded().expect("catalogue");
    let invoked: Vec<&str> = listing
        .lines()
        .filter(|l| l.contains("invoke-"))
        .filter_map(|l| l.split(", ").last())
        .collect();
    assert!(
        invoked.len() > 100,
        "dexdump listed {} invokes",
        invoked.len()
    );
    for s in &catalog.sources {
        for c in &s.classes {
            for m in &s.methods {
                let needle = format!("{c}.{m}:");
                assert!(
                    !invoked.iter().any(|i| i.starts_with(&needle)),
                    "{needle} is invoked: this APK is not source-free, pick another"
                );
            }
        }
    }
    let app = apk::load(&path, &Limits::default()).expect("load");
    let rep = analyze_app(
        &app,
        &FlowOptions {
            all_methods_are_entries: true,
            ..FlowOptions::default()
        },
    )
    .expect("analyse");
    assert!(rep.stats.reachable == rep.stats.methods && rep.stats.methods > 100);
    assert!(rep.reads.is_empty(), "{:#?}", rep.reads);
    assert!(rep.flows.is_empty(), "{:#?}", rep.flows);
}
