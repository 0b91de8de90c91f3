//! The call graph on hand-written smali (tests/fixtures/callgraph, built by its build.sh):
//! one method per case, each with its exact expected outgoing edges, read from the
//! smali sources, plus reachability from the framework root.

mod common;

use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use sdkflow::Limits;
use sdkflow::callgraph::{CallGraph, EdgeKind};
use sdkflow::dex::{Multidex, ParseOptions};

fn with_graph(f: impl FnOnce(&CallGraph)) {
    let path = common::repo().join("tests/fixtures/callgraph/callgraph.apk");
    assert!(
        path.exists(),
        "missing {}: run tests/fixtures/callgraph/build.sh",
        path.display()
    );
    let app = sdkflow::apk::load(&path, &Limits::default()).expect("load");
    let (manifest, _) = sdkflow::manifest::from_app(&app).expect("manifest");
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, Some(&manifest));
    f(&cg)
}

fn node(cg: &CallGraph, sig: &str) -> petgraph::graph::NodeIndex {
    cg.node(sig)
        .unwrap_or_else(|| panic!("{sig} is not a node"))
}

/// Every outgoing edge of `caller` as (kind, callee signature).
fn out(cg: &CallGraph, caller: &str) -> BTreeSet<(EdgeKind, String)> {
    cg.graph
        .edges_directed(node(cg, caller), Direction::Outgoing)
        .map(|e| (e.weight().kind, cg.signature(e.target())))
        .collect()
}

fn set(items: &[(EdgeKind, &str)]) -> BTreeSet<(EdgeKind, String)> {
    items.iter().map(|&(k, s)| (k, s.to_string())).collect()
}

const C: &str = "Lcom/cg/Calls;->";

#[test]
fn virtual_dispatch_reaches_overrides_and_not_unrelated_classes() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}virtualAnimal()V")),
            set(&[
                (Direct, "Lcom/cg/Dog;-><init>()V"),
                (Virtual, "Lcom/cg/Animal;->speak()V"),
                (Virtual, "Lcom/cg/Dog;->speak()V"),
                (Virtual, "Lcom/cg/Puppy;->speak()V"),
                (Virtual, "Lcom/cg/Cat;->speak()V"),
            ])
        );
    });
}

#[test]
fn cha_does_not_link_a_sibling_class() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}virtualDog()V")),
            set(&[
                (Direct, "Lcom/cg/Dog;-><init>()V"),
                (Virtual, "Lcom/cg/Dog;->speak()V"),
                (Virtual, "Lcom/cg/Puppy;->speak()V"),
            ])
        );
    });
}

#[test]
fn interface_dispatch_reaches_every_implementor_including_an_inherited_one() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}interfaceShape(Lcom/cg/Shape;)V")),
            set(&[
                (Interface, "Lcom/cg/Shape;->area()D"),
                (Interface, "Lcom/cg/Circle;->area()D"),
                (Interface, "Lcom/cg/Square;->area()D"),
                // Tri implements Shape with the area() of its superclass Base2.
                (Interface, "Lcom/cg/Base2;->area()D"),
            ])
        );
    });
}

#[test]
fn invoke_super_resolves_to_the_nearest_superclass_implementation() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, "Lcom/cg/Child;->greet()V"),
            set(&[(Super, "Lcom/cg/Base;->greet()V")])
        );
        // Mid does not define greet(): the runtime takes Base's.
        assert_eq!(
            out(cg, "Lcom/cg/Child2;->greet()V"),
            set(&[(Super, "Lcom/cg/Base;->greet()V")])
        );
    });
}

#[test]
fn static_and_direct_calls() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}staticDirect()V")),
            set(&[
                (Static, "Lcom/cg/Helper;->compute()I"),
                (Direct, "Lcom/cg/Calls;->secret()V"),
            ])
        );
    });
}

#[test]
fn thread_subclass_start_runs_its_run() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}threadSubclass()V")),
            set(&[
                (Direct, "Lcom/cg/Worker;-><init>()V"),
                // start() is Thread's: an external reference through the app class.
                (Virtual, "Lcom/cg/Worker;->start()V"),
                (Thread, "Lcom/cg/Worker;->run()V"),
            ])
        );
    });
}

#[test]
fn new_thread_with_a_runnable_runs_the_runnable() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}threadRunnable()V")),
            set(&[
                (Direct, "Lcom/cg/Task;-><init>()V"),
                (Direct, "Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V"),
                (Virtual, "Ljava/lang/Thread;->start()V"),
                (Thread, "Lcom/cg/Task;->run()V"),
            ])
        );
    });
}

#[test]
fn executor_handler_and_view_post_run_the_runnable() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(
                cg,
                &format!("{C}executor(Ljava/util/concurrent/Executor;)V")
            ),
            set(&[
                (Direct, "Lcom/cg/Job;-><init>()V"),
                (
                    Interface,
                    "Ljava/util/concurrent/Executor;->execute(Ljava/lang/Runnable;)V"
                ),
                (Async, "Lcom/cg/Job;->run()V"),
            ])
        );
        assert_eq!(
            out(cg, &format!("{C}handler()V")),
            set(&[
                (Direct, "Landroid/os/Handler;-><init>()V"),
                (Direct, "Lcom/cg/Poster;-><init>()V"),
                (Virtual, "Landroid/os/Handler;->post(Ljava/lang/Runnable;)Z"),
                (Async, "Lcom/cg/Poster;->run()V"),
            ])
        );
        assert_eq!(
            out(cg, &format!("{C}viewPost(Landroid/view/View;)V")),
            set(&[
                (Direct, "Lcom/cg/ViewTask;-><init>()V"),
                (Virtual, "Landroid/view/View;->post(Ljava/lang/Runnable;)Z"),
                (Async, "Lcom/cg/ViewTask;->run()V"),
            ])
        );
    });
}

#[test]
fn async_task_execute_runs_do_in_background_and_on_post_execute() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}asyncTask()V")),
            set(&[
                (Direct, "Lcom/cg/Loader;-><init>()V"),
                (
                    Virtual,
                    "Lcom/cg/Loader;->execute([Ljava/lang/Object;)Landroid/os/AsyncTask;"
                ),
                (
                    Async,
                    "Lcom/cg/Loader;->doInBackground([Ljava/lang/Object;)Ljava/lang/Object;"
                ),
                (Async, "Lcom/cg/Loader;->onPostExecute(Ljava/lang/Object;)V"),
            ])
        );
    });
}

#[test]
fn listener_registration_reaches_the_callbacks() {
    use EdgeKind::*;
    with_graph(|cg| {
        assert_eq!(
            out(cg, &format!("{C}clickListener(Landroid/view/View;)V")),
            set(&[
                (Direct, "Lcom/cg/Clicker;-><init>()V"),
                (
                    Virtual,
                    "Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V"
                ),
                (Callback, "Lcom/cg/Clicker;->onClick(Landroid/view/View;)V"),
            ])
        );
        assert_eq!(
            out(
                cg,
                &format!("{C}location(Landroid/location/LocationManager;)V")
            ),
            set(&[
                (Direct, "Lcom/cg/GpsListener;-><init>()V"),
                (
                    Virtual,
                    "Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V"
                ),
                (
                    Callback,
                    "Lcom/cg/GpsListener;->onLocationChanged(Landroid/location/Location;)V"
                ),
            ])
        );
        // The activity registers itself (`this`) as the click listener.
        let own = out(cg, "Lcom/cg/MainActivity;->onCreate(Landroid/os/Bundle;)V");
        assert!(
            own.contains(&(
                Callback,
                "Lcom/cg/MainActivity;->onClick(Landroid/view/View;)V".to_string()
            )),
            "{own:?}"
        );
    });
}

#[test]
fn lifecycle_and_static_init_edges_come_from_the_root() {
    use EdgeKind::*;
    with_graph(|cg| {
        let root = cg
            .graph
            .edges_directed(cg.root, Direction::Outgoing)
            .map(|e| (e.weight().kind, cg.signature(e.target())))
            .collect::<BTreeSet<_>>();
        assert_eq!(
            root,
            set(&[
                (Lifecycle, "Lcom/cg/App;-><init>()V"),
                (Lifecycle, "Lcom/cg/App;->onCreate()V"),
                (Lifecycle, "Lcom/cg/MainActivity;-><init>()V"),
                (
                    Lifecycle,
                    "Lcom/cg/MainActivity;->onCreate(Landroid/os/Bundle;)V"
                ),
                (Lifecycle, "Lcom/cg/MyService;-><init>()V"),
                (
                    Lifecycle,
                    "Lcom/cg/MyService;->onBind(Landroid/content/Intent;)Landroid/os/IBinder;"
                ),
                (
                    Lifecycle,
                    "Lcom/cg/MyService;->onStartCommand(Landroid/content/Intent;II)I"
                ),
                (Lifecycle, "Lcom/cg/MyReceiver;-><init>()V"),
                (
                    Lifecycle,
                    "Lcom/cg/MyReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V"
                ),
                (Lifecycle, "Lcom/cg/MyProvider;-><init>()V"),
                (Lifecycle, "Lcom/cg/MyProvider;->onCreate()Z"),
                (
                    Lifecycle,
                    "Lcom/cg/MyProvider;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;"
                ),
                (StaticInit, "Lcom/cg/Helper;-><clinit>()V"),
            ])
        );
        // And through them the app's code: Application.onCreate → Helper.init.
        let init = node(cg, "Lcom/cg/Helper;->init()V");
        let path = cg.path_from_root(init).expect("Helper.init reached");
        assert_eq!(
            cg.signatures(&path),
            [
                "<android>",
                "Lcom/cg/App;->onCreate()V",
                "Lcom/cg/Helper;->init()V"
            ]
        );
    });
}

#[test]
fn uncalled_methods_and_unrelated_overrides_are_not_reachable() {
    with_graph(|cg| {
        let reachable = cg.reachable_from_root();
        for sig in [
            "Lcom/cg/Calls;->unused()V",
            "Lcom/cg/Orphan;->lonely()V",
            "Lcom/cg/Rock;->speak()V",
        ] {
            assert!(!reachable.contains(&node(cg, sig)), "{sig} reachable");
        }
        // Every other case method is reached through MainActivity.onCreate.
        for sig in [
            "Lcom/cg/Worker;->run()V",
            "Lcom/cg/Task;->run()V",
            "Lcom/cg/Job;->run()V",
            "Lcom/cg/Loader;->doInBackground([Ljava/lang/Object;)Ljava/lang/Object;",
            "Lcom/cg/GpsListener;->onLocationChanged(Landroid/location/Location;)V",
            "Lcom/cg/Base;->greet()V",
            "Lcom/cg/Calls;->secret()V",
        ] {
            assert!(reachable.contains(&node(cg, sig)), "{sig} not reachable");
        }
    });
}

/// The call-site count equals the invoke instructions dexdump prints for the fixture.
#[test]
fn fixture_call_sites_equal_dexdump_invokes() {
    let path = common::repo().join("tests/fixtures/callgraph/callgraph.apk");
    let dump = common::oracle("dexdump", &["-d"], &path);
    let invokes = dump.lines().filter(|l| l.contains(": invoke-")).count();
    with_graph(|cg| assert_eq!(cg.stats.call_sites, invokes));
}
