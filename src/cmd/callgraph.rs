//! `sdkflow callgraph`: print call paths from or to a method.

use std::fmt::Write as _;
use std::path::PathBuf;

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use sdkflow::callgraph::CallGraph;
use sdkflow::dex::{Multidex, ParseOptions};
use sdkflow::report::sanitize::shown;
use sdkflow::{Error, Limits};
use serde::Serialize;

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow callgraph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The APK (or dex, or split set).
    pub input: PathBuf,
    /// Print what this method calls, transitively (a signature, `Lcls;->name` or a class).
    #[arg(long, value_name = "METHOD", conflicts_with = "to")]
    pub from: Option<String>,
    /// Print how the app's entry points reach this method (a signature, `Lcls;->name`,
    /// or a class).
    #[arg(long, value_name = "METHOD")]
    pub to: Option<String>,
    /// Most paths printed.
    #[arg(long, default_value_t = 20)]
    pub max_paths: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Serialize)]
struct Report<'a> {
    input: String,
    stats: &'a sdkflow::callgraph::Stats,
    nodes: usize,
    edges: usize,
    paths: Vec<Vec<String>>,
    /// Methods matching `--to` that no entry point reaches, with their direct callers.
    unreachable: Vec<Unreached>,
}

#[derive(Serialize)]
struct Unreached {
    method: String,
    callers: Vec<String>,
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let mut app = sdkflow::apk::load(&args.input, &Limits::default())?;
    let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
    // The graph reads only the dex files and the manifest: give the native libraries and
    // resources back before it is built (11 MB of .so in Yosemite).
    app.native_libs = Vec::new();
    app.resources = None;
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    let mut paths = Vec::new();
    let mut unreachable = Vec::new();
    let pattern = args.from.as_deref().or(args.to.as_deref());
    if let Some(pattern) = pattern {
        let nodes = cg.find(pattern);
        if nodes.is_empty() {
            return Err(Error::Usage(format!(
                "no method matches `{}`",
                shown(pattern)
            )));
        }
        if args.from.is_some() {
            paths = paths_from(&cg, &nodes, args.max_paths);
        } else {
            for n in nodes {
                match cg.path_from_root(n) {
                    Some(p) => paths.push(cg.signatures(&p)),
                    None => unreachable.push(Unreached {
                        method: cg.signature(n),
                        callers: cg
                            .graph
                            .neighbors_directed(n, Direction::Incoming)
                            .map(|c| cg.signature(c))
                            .collect(),
                    }),
                }
                if paths.len() >= args.max_paths {
                    break;
                }
            }
        }
    }
    let report = Report {
        input: app.source.clone(),
        stats: &cg.stats,
        nodes: cg.graph.node_count(),
        edges: cg.graph.edge_count(),
        paths,
        unreachable,
    };
    let text = match args.format {
        TextOrJson::Json => json(&report)?,
        TextOrJson::Text => render_text(&report),
    };
    emit(&text, None)?;
    Ok(0)
}

/// Paths from each start node to the leaves of a breadth-first tree (one path per leaf).
fn paths_from(cg: &CallGraph, starts: &[NodeIndex], max: usize) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for &start in starts {
        let mut prev = std::collections::HashMap::new();
        let mut seen = std::collections::HashSet::from([start]);
        let mut queue = std::collections::VecDeque::from([start]);
        let mut leaves = Vec::new();
        while let Some(n) = queue.pop_front() {
            let mut has_child = false;
            for next in cg.graph.neighbors_directed(n, Direction::Outgoing) {
                if seen.insert(next) {
                    has_child = true;
                    prev.insert(next, n);
                    queue.push_back(next);
                }
            }
            if !has_child && n != start {
                leaves.push(n);
            }
        }
        for leaf in leaves {
            let mut path = vec![leaf];
            let mut cur = leaf;
            while let Some(&p) = prev.get(&cur) {
                path.push(p);
                cur = p;
            }
            path.reverse();
            out.push(cg.signatures(&path));
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

fn render_text(r: &Report<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} methods ({} defined, {} external), {} edges from {} call sites",
        shown(&r.input),
        r.nodes,
        r.stats.defined_methods,
        r.stats.external_methods,
        r.edges,
        r.stats.call_sites
    );
    for (i, path) in r.paths.iter().enumerate() {
        let _ = writeln!(s, "\npath {}:", i + 1);
        for (depth, sig) in path.iter().enumerate() {
            let _ = writeln!(s, "  {}{}", "  ".repeat(depth), shown(sig));
        }
    }
    for u in &r.unreachable {
        let _ = writeln!(
            s,
            "\nnot reached from any entry point: {}",
            shown(&u.method)
        );
        for c in &u.callers {
            let _ = writeln!(s, "  called by {}", shown(c));
        }
    }
    s
}
