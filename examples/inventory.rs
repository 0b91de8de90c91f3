//! Load an APK and take its full dex inventory (every class, method and decoded code item),
//! optionally followed by the call graph. `sdkflow inspect` does not read dex yet, so
//! `benches/callgraph.sh` times this as the "inventory" step.
//!
//! cargo run --release --example inventory -- APK [--callgraph] [--phases]

use std::time::Instant;

use sdkflow::Limits;
use sdkflow::callgraph::CallGraph;
use sdkflow::dex::{Multidex, ParseOptions};

/// Current and peak resident memory, from /proc (Linux only; empty elsewhere).
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: inventory APK [--callgraph] [--phases]");
        std::process::exit(2);
    };
    let rest: Vec<String> = args.collect();
    let graph = rest.iter().any(|a| a == "--callgraph");
    let phases = rest.iter().any(|a| a == "--phases");
    let t = Instant::now();
    let mut app = match sdkflow::apk::load(std::path::Path::new(&path), &Limits::default()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let loaded = t.elapsed();
    if phases {
        eprintln!("after load: {}", rss());
    }
    let inv = sdkflow::dex::inventory(&app);
    let inventoried = t.elapsed();
    if phases {
        eprintln!("after inventory: {}", rss());
    }
    let invokes: u64 = inv.dex.iter().map(|d| d.invokes).sum();
    let methods: u64 = inv.dex.iter().map(|d| d.methods).sum();
    println!(
        "{} dex, {} classes, {methods} methods, {invokes} invokes",
        inv.dex.len(),
        inv.classes.len()
    );
    if graph {
        let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
        // As `sdkflow callgraph`: the graph needs only dex and manifest.
        app.native_libs = Vec::new();
        app.resources = None;
        let md = Multidex::from_app(&app, ParseOptions::default());
        if phases {
            eprintln!("after multidex: {}", rss());
        }
        let cg = CallGraph::build(&md, manifest.as_ref());
        if phases {
            eprintln!("after graph: {}", rss());
        }
        println!(
            "{} nodes, {} edges, {} call sites",
            cg.graph.node_count(),
            cg.graph.edge_count(),
            cg.stats.call_sites
        );
    }
    if phases {
        eprintln!(
            "load {:?}, inventory {:?}, graph {:?}",
            loaded,
            inventoried - loaded,
            t.elapsed() - inventoried
        );
    }
}
