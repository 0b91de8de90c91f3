//! The call graph on real APKs built from our smali: entry points, CHA, threads,
//! callbacks and lifecycle edges checked against the flows sample's ground truth, and
//! call-site counts checked against dexdump on registry APKs.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use sdkflow::Limits;
use sdkflow::apk::load;
use sdkflow::callgraph::{CallGraph, EdgeKind};
use sdkflow::dex::{Multidex, ParseOptions};
use sdkflow::flows::entry::read_layouts;
use sdkflow::flows::program::{MethodId, Program};
use sdkflow::flows::{ApiCatalog, CallbackTypes, EntryModel};

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

/// How a method of a flows case is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mechanism {
    /// `CallGraph::build` alone: a path from the case's entry and from the graph's root.
    Graph,
    /// The flows walk's own rules with no entry model (a `Class.forName` constant naming
    /// an app class instantiates it).
    FlowsWalk,
    /// The entry model's callback objects (an app callback class instantiated in reached
    /// code).
    CallbackObject,
    /// The entry model's layout `android:onClick` handlers.
    LayoutOnClick,
    /// Callback objects and layout handlers together.
    CallbackAndOnClick,
}

impl Mechanism {
    fn name(self) -> &'static str {
        match self {
            Mechanism::Graph => "call graph",
            Mechanism::FlowsWalk => "flows walk",
            Mechanism::CallbackObject => "entry model: callback object",
            Mechanism::LayoutOnClick => "entry model: layout onClick",
            Mechanism::CallbackAndOnClick => "entry model: callback + onClick",
        }
    }
}

/// The flows engine's reachability over the sample, as method signatures, from the
/// manifest's entry points (plus the layout click handlers the model names) or from
/// `only` alone when given.
fn flows_reached(
    program: &mut Program<'_>,
    manifest: Option<&sdkflow::manifest::Manifest>,
    model: &EntryModel,
    only: Option<MethodId>,
) -> HashSet<String> {
    let entries = match only {
        Some(e) => vec![e],
        None => {
            let mut e = program.entries(manifest);
            e.extend(program.click_entries(manifest, model));
            e
        }
    };
    program.compute_reachability(&entries, model);
    (0..program.reached.len() as MethodId)
        .filter(|&m| program.is_reachable(m))
        .map(|m| program.signature(m))
        .collect()
}

/// Each case's source method is reached from the case's entry point and its sink method is
/// reached at all (it may run from another entry: a static field written in
/// Application.onCreate, read in an activity), either by the call graph alone or, for the
/// cases only the flows entry model reaches (callback objects the app instantiates, layout
/// `android:onClick` handlers, `Class.forName` constants), by the flows engine's walk with
/// its full entry model. Which mechanism reached each method is named (printed, and in
/// every failure). The cases with no entry stay unreachable for both.
#[test]
fn every_flows_case_is_reached_from_its_entry_point_and_the_unreachable_one_is_not() {
    let path = common::sample_apk("flows");
    let (app, manifest) = graph_of(&path);
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    let text = std::fs::read_to_string(common::repo().join("samples/flows/expected.toml")).unwrap();
    let expected: Expected = toml::from_str(&text).unwrap();
    let reachable = cg.reachable_from_root();

    // The flows engine's entry model, as `analyze_app` builds it.
    let full = EntryModel {
        callbacks: CallbackTypes::embedded().expect("callbacks.toml"),
        ..read_layouts(&app)
    };
    assert!(
        !full.click_handlers.is_empty(),
        "the flows sample's layouts name no android:onClick handler"
    );
    let callbacks_only = EntryModel {
        callbacks: full.callbacks.clone(),
        ..Default::default()
    };
    let clicks_only = EntryModel {
        callbacks: Default::default(),
        click_handlers: full.click_handlers.clone(),
        ..Default::default()
    };
    let catalog = ApiCatalog::embedded().expect("catalogue");
    let mut program = Program::new(&md, &catalog, &cg);
    let m = manifest.as_ref();
    let flows_full = flows_reached(&mut program, m, &full, None);
    let flows_bare = flows_reached(&mut program, m, &EntryModel::default(), None);
    let flows_callbacks = flows_reached(&mut program, m, &callbacks_only, None);
    let flows_clicks = flows_reached(&mut program, m, &clicks_only, None);
    let method_id: HashMap<String, MethodId> = (0..program.reached.len() as MethodId)
        .map(|i| (program.signature(i), i))
        .collect();
    // Flows reachability from one entry alone (full model), per entry.
    let mut from_entry_cache: HashMap<String, HashSet<String>> = HashMap::new();

    let mut checked = 0;
    let mut unreachable = 0;
    let mut by_mechanism: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &expected.case {
        for (method, from_entry) in [(&case.source_method, true), (&case.sink_method, false)] {
            if method.is_empty() {
                continue;
            }
            let node = cg
                .node(method)
                .unwrap_or_else(|| panic!("{}: {method} not in the graph", case.id));
            if case.entry.is_empty() {
                // The graph dispatches virtual calls by CHA, so it may reach an override
                // in a class nothing constructs; only that is allowed.
                let graph_reaches = reachable.contains(&node);
                if graph_reaches {
                    let class = method.split("->").next().unwrap_or_default();
                    let only_dispatch = cg
                        .graph
                        .edges_directed(node, Direction::Incoming)
                        .filter(|e| reachable.contains(&e.source()))
                        .all(|e| {
                            matches!(e.weight().kind, EdgeKind::Virtual | EdgeKind::Interface)
                        });
                    let constructed = reachable.iter().any(|n| {
                        cg.signature(*n)
                            .strip_prefix(class)
                            .is_some_and(|rest| rest.starts_with("-><init>("))
                    });
                    // The plain graph keeps every listener registration; only the flows
                    // entry model drops a listener its setter later removes (asserted below).
                    let only_registration = cg
                        .graph
                        .edges_directed(node, Direction::Incoming)
                        .filter(|e| reachable.contains(&e.source()))
                        .all(|e| e.weight().kind == EdgeKind::Callback);
                    assert!(
                        (only_dispatch && !constructed) || only_registration,
                        "{}: {method} should be unreachable, the call graph reaches it \
                         otherwise than by CHA dispatch to a class never constructed or \
                         by a listener registration",
                        case.id
                    );
                }
                assert!(
                    !flows_full.contains(method.as_str()),
                    "{}: {method} should be unreachable, the flows walk reaches it",
                    case.id
                );
                let how = if graph_reaches {
                    "unreachable (graph: CHA only)"
                } else {
                    "unreachable for both"
                };
                println!("{:<32} {how:<32} {method}", case.id);
                unreachable += 1;
                continue;
            }
            let entry = cg
                .node(&case.entry)
                .unwrap_or_else(|| panic!("{}: entry {} not in the graph", case.id, case.entry));
            let by_graph = reachable.contains(&node)
                && (!from_entry || cg.shortest_path(entry, node).is_some());
            let mechanism = if by_graph {
                Mechanism::Graph
            } else {
                assert!(
                    flows_full.contains(method.as_str()),
                    "{}: {method} reached neither by the call graph (from {}) nor by the flows \
                     walk with its full entry model",
                    case.id,
                    case.entry
                );
                assert!(
                    flows_full.contains(case.entry.as_str()),
                    "{}: entry {} not reached by the flows walk",
                    case.id,
                    case.entry
                );
                if from_entry {
                    let e = *method_id
                        .get(&case.entry)
                        .unwrap_or_else(|| panic!("{}: entry not an app method", case.id));
                    let from = from_entry_cache
                        .entry(case.entry.clone())
                        .or_insert_with(|| flows_reached(&mut program, m, &full, Some(e)));
                    assert!(
                        from.contains(method.as_str()),
                        "{}: the flows walk reaches {method}, but not from {}",
                        case.id,
                        case.entry
                    );
                }
                if flows_bare.contains(method.as_str()) {
                    Mechanism::FlowsWalk
                } else if flows_callbacks.contains(method.as_str()) {
                    Mechanism::CallbackObject
                } else if flows_clicks.contains(method.as_str()) {
                    Mechanism::LayoutOnClick
                } else {
                    Mechanism::CallbackAndOnClick
                }
            };
            println!("{:<32} {:<32} {method}", case.id, mechanism.name());
            *by_mechanism.entry(mechanism.name()).or_default() += 1;
            checked += 1;
        }
    }
    println!("methods checked per mechanism: {by_mechanism:?}");
    assert!(checked >= 40, "only {checked} methods checked");
    assert!(
        unreachable >= 2,
        "only {unreachable} unreachable methods checked"
    );
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

/// Compacting the edges (as the data flow's graph does) keeps every edge, in the same
/// order, and the path queries answer as before; `graph` keeps the nodes only.
#[test]
fn compacted_edges_are_the_same_edges_in_the_same_order() {
    for name in ["flows", "multidex"] {
        let (app, manifest) = graph_of(&common::sample_apk(name));
        let md = Multidex::from_app(&app, ParseOptions::default());
        let mut cg = CallGraph::build(&md, manifest.as_ref());
        let nodes: Vec<_> = cg.graph.node_indices().collect();
        let before: Vec<Vec<_>> = nodes.iter().map(|&n| cg.outgoing(n).collect()).collect();
        let live: Vec<Vec<_>> = nodes
            .iter()
            .map(|&n| {
                cg.graph
                    .edges_directed(n, Direction::Outgoing)
                    .map(|e| (e.target(), *e.weight()))
                    .collect()
            })
            .collect();
        assert_eq!(before, live, "{name}: outgoing() is the graph's edges");
        let edges = cg.edge_count();
        assert!(edges > 0, "{name}: no edges");
        let reach = cg.reachable_from_root();
        cg.compact_edges();
        assert_eq!(cg.graph.edge_count(), 0, "{name}: petgraph edges dropped");
        assert_eq!(cg.edge_count(), edges, "{name}");
        let after: Vec<Vec<_>> = nodes.iter().map(|&n| cg.outgoing(n).collect()).collect();
        assert_eq!(before, after, "{name}: compacted edges differ");
        assert_eq!(cg.reachable_from_root(), reach, "{name}");
        cg.compact_edges();
        assert_eq!(
            cg.edge_count(),
            edges,
            "{name}: a second compaction is a no-op"
        );
    }
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
