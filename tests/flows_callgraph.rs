//! The data-flow analysis runs on the project's call graph: what it considers reachable is
//! reachable in `callgraph::CallGraph` too (it follows only the graph's edges, plus class
//! initialisers, which the graph starts from its root), the thread and listener methods of
//! the flows sample are reached through the graph's implicit edges, and rapid type analysis
//! keeps the reachable set below the graph's plain CHA closure on the 16-dex registry APK.

mod common;

use std::collections::HashSet;

use sdkflow::callgraph::CallGraph;
use sdkflow::dex::{Multidex, ParseOptions};
use sdkflow::flows::ApiCatalog;
use sdkflow::flows::program::{Program, Reached};
use sdkflow::{Limits, apk};

/// (methods the flows analysis reaches, methods the graph reaches from its root), as
/// signatures, plus how each flows-reachable method was first reached.
fn reach(path: &std::path::Path) -> (Vec<(String, Reached)>, HashSet<String>) {
    let app = apk::load(path, &Limits::default()).expect("load");
    let md = Multidex::from_app(&app, ParseOptions::default());
    let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
    let cg = CallGraph::build(&md, manifest.as_ref());
    let catalog = ApiCatalog::embedded().expect("catalogue");
    let mut program = Program::new(&md, &catalog, &cg);
    let entries = program.entries(manifest.as_ref());
    program.compute_reachability(&entries, &sdkflow::flows::EntryModel::default());
    let ours = program
        .reached
        .iter()
        .enumerate()
        .filter_map(|(m, r)| r.map(|r| (program.signature(m as u32), r)))
        .collect();
    let graph = cg
        .reachable_from_root()
        .into_iter()
        .map(|n| cg.signature(n))
        .collect();
    (ours, graph)
}

#[test]
fn flows_reachability_is_within_the_call_graph_and_uses_its_implicit_edges() {
    let (ours, graph) = reach(&common::sample_apk("flows"));
    assert!(ours.len() > 40, "{} reachable", ours.len());
    // The one rule the flows walk adds on top of the graph: a string constant naming an
    // app class (`Class.forName`) instantiates it (the sample's reflection_constant case).
    let reflective = [
        "Lcom/sdkflow/sample/flows/cases/ReflTarget;",
        "Lcom/sdkflow/sample/flows/ReflBase;",
    ];
    for (sig, _) in &ours {
        assert!(
            graph.contains(sig) || reflective.iter().any(|c| sig.starts_with(c)),
            "{sig} reachable for flows, not in the graph"
        );
    }
    let how = |sig: &str| {
        ours.iter()
            .find(|(s, _)| s == sig)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("{sig} not reached"))
    };
    // Thread.start -> Runnable.run and requestLocationUpdates -> the listener are not
    // calls: the graph's implicit edges bring them in.
    for sig in [
        "Lcom/sdkflow/sample/flows/cases/ThreadLeak$Upload;->run()V",
        "Lcom/sdkflow/sample/flows/cases/LocationCallbackLeak;->onLocationChanged(Landroid/location/Location;)V",
    ] {
        assert!(
            matches!(how(sig), Reached::Callback { .. }),
            "{sig}: {:?}",
            how(sig)
        );
    }
    // The lifecycle methods of the manifest's activities are entries.
    assert_eq!(
        how("Lcom/sdkflow/sample/flows/LifecycleActivity;->onResume()V"),
        Reached::Entry
    );
}

#[test]
fn rapid_type_analysis_prunes_the_cha_closure_on_the_registry_apk() {
    let (ours, graph) = reach(&common::uiautomator2_server_apk());
    // The one rule the flows walk adds on top of the graph: a string constant naming an
    // app class (`Class.forName`) instantiates it (the sample's reflection_constant case).
    let reflective = [
        "Lcom/sdkflow/sample/flows/cases/ReflTarget;",
        "Lcom/sdkflow/sample/flows/ReflBase;",
    ];
    for (sig, _) in &ours {
        assert!(
            graph.contains(sig) || reflective.iter().any(|c| sig.starts_with(c)),
            "{sig} reachable for flows, not in the graph"
        );
    }
    // The graph starts every <clinit> and follows every CHA override; the analysis only
    // overrides of instantiated classes and initialisers of used classes.
    assert!(
        ours.len() * 2 < graph.len(),
        "flows {} vs graph {}",
        ours.len(),
        graph.len()
    );
}
