//! The call graph on real APKs built from our smali: entry points, CHA, threads,
//! callbacks and lifecycle edges checked against the flows sample's ground truth, and
//! call-site counts checked against dexdump on registry APKs.

mod common;

use sdkflow::Limits;
use sdkflow::apk::load;
use sdkflow::callgraph::{CallGraph, EdgeKind};
use sdkflow::dex::{Multidex, ParseOptions};

fn graph_of(
    path: &std::path::Path,
) -> (sdkflow::apk::LoadedApp, Option<sdkflow::manifest::Manifest>) {
    let app = load(path, &Limits::default()).expect("load");
    let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
    (app, manifest)
}

#[derive(serde::Deserialize)]
struct Expected {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    source_method: String,
    sink_method: String,
    entry: String,
}

#[test]
fn every_flows_case_is_reached_from_its_entry_point_and_the_unreachable_one_is_not() {
    let (app, manifest) = graph_of(&common::sample_apk("flows"));
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    let text = std::fs::read_to_string(common::repo().join("samples/flows/expected.toml")).unwrap();
    let expected: Expected = toml::from_str(&text).unwrap();
    let reachable = cg.reachable_from_root();
    let mut checked = 0;
    for case in &expected.case {
        // The entry point starts the source's method; the sink may be reached from another
        // entry (a static field written in Application.onCreate, read in an activity).
        for (method, from_entry) in [(&case.source_method, true), (&case.sink_method, false)] {
            if method.is_empty() {
                continue;
            }
            let node = cg
                .node(method)
                .unwrap_or_else(|| panic!("{}: {method} not in the graph", case.id));
            if case.entry.is_empty() {
                assert!(
                    !reachable.contains(&node),
                    "{}: {method} should be unreachable",
                    case.id
                );
            } else {
                let entry = cg
                    .node(&case.entry)
                    .unwrap_or_else(|| panic!("{}: entry", case.id));
                assert!(
                    !from_entry || cg.shortest_path(entry, node).is_some(),
                    "{}: no path from {} to {method}",
                    case.id,
                    case.entry
                );
                assert!(
                    reachable.contains(&node),
                    "{}: {method} not reached from root",
                    case.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "only {checked} methods checked");
}

#[test]
fn implicit_edges_exist_for_threads_callbacks_and_lifecycle() {
    let (app, manifest) = graph_of(&common::sample_apk("flows"));
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    for kind in [
        EdgeKind::Lifecycle,
        EdgeKind::Thread,
        EdgeKind::Callback,
        EdgeKind::Virtual,
    ] {
        assert!(
            cg.stats.edges.get(&kind).copied().unwrap_or(0) > 0,
            "no {kind:?} edge in {:?}",
            cg.stats.edges
        );
    }
    // The Application's onCreate is started by the framework.
    let manifest = manifest.expect("manifest");
    let app_class = manifest
        .application
        .name
        .clone()
        .expect("application class");
    let on_create = format!("L{};->onCreate()V", app_class.replace('.', "/"));
    let n = cg.node(&on_create).expect("Application.onCreate");
    assert_eq!(cg.path_from_root(n).map(|p| p.len()), Some(2));
}

/// Every invoke instruction dexdump prints becomes one call site (invoke-custom and odex
/// quick invokes excepted, which these APKs do not use).
#[test]
fn call_sites_equal_dexdump_invokes_on_registry_apk() {
    let apk = common::appium_settings_apk();
    let (app, manifest) = graph_of(&apk);
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    let dump = common::oracle("dexdump", &["-d"], &apk);
    let invokes = dump
        .lines()
        .filter(|l| l.contains("|") && l.contains(": invoke-"))
        .filter(|l| !l.contains("invoke-custom"))
        .count();
    assert_eq!(cg.stats.call_sites, invokes);
    assert!(cg.graph.edge_count() >= invokes);
}
