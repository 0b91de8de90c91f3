//! Building the call graph from the scanned dex files.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use serde::Serialize;

use super::compact::CompactEdges;
use super::edges::{Context, DexEdges, NONE, Tables, Target, dex_edges};
use super::hierarchy::{ClassId, Hierarchy, SubId};
use super::scan::{Prepared, is_static, prepare};
use crate::dex::Multidex;
use crate::manifest::Manifest;

/// A method: defined in the app's dex files, or an external reference (framework, JDK).
/// The class and subsignature are interned ids; [`CallGraph::signature`] spells them out.
#[derive(Debug, Clone)]
pub struct MethodNode {
    /// The declaring class (`u32::MAX` for the synthetic root).
    pub class: ClassId,
    /// Name and prototype (`u32::MAX` for the synthetic root).
    pub sub: SubId,
    /// Where the method's code is, for defined methods.
    pub def: Option<MethodDef>,
}

/// Where a defined method's code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodDef {
    /// Index of the dex in [`Multidex::dexes`].
    pub dex: u32,
    /// Method id in that dex.
    pub method_idx: u32,
    /// Code item offset (0 for abstract and native methods).
    pub code_off: u32,
    /// Access flags.
    pub access: u32,
}

/// Why an edge exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// `invoke-direct` (constructors, private methods).
    Direct,
    /// `invoke-static`.
    Static,
    /// `invoke-super`.
    Super,
    /// `invoke-virtual`, resolved by class-hierarchy analysis.
    Virtual,
    /// `invoke-interface`, resolved by class-hierarchy analysis.
    Interface,
    /// `invoke-polymorphic`.
    Polymorphic,
    /// `Thread.start()` to the thread's or its Runnable's `run()`.
    Thread,
    /// `Executor.execute`, `Handler.post`, `AsyncTask.execute`, `Timer.schedule`, ... to the
    /// callback the framework runs later.
    Async,
    /// Registering a listener or callback object with the framework, to its methods.
    Callback,
    /// The framework starting a component (root to lifecycle methods).
    Lifecycle,
    /// The runtime initialising a class (root to `<clinit>`).
    StaticInit,
}

/// Number of [`EdgeKind`] variants.
const EDGE_KINDS: usize = 11;

impl EdgeKind {
    /// Every kind, in declaration order (`kind as usize` indexes this).
    pub const ALL: [EdgeKind; EDGE_KINDS] = [
        EdgeKind::Direct,
        EdgeKind::Static,
        EdgeKind::Super,
        EdgeKind::Virtual,
        EdgeKind::Interface,
        EdgeKind::Polymorphic,
        EdgeKind::Thread,
        EdgeKind::Async,
        EdgeKind::Callback,
        EdgeKind::Lifecycle,
        EdgeKind::StaticInit,
    ];
}

/// A call edge with the call site in the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallEdge {
    /// Why.
    pub kind: EdgeKind,
    /// Call site in the caller (code units); 0 for root edges.
    pub offset: u32,
}

/// Counts for reports and benchmarks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Methods with code or declared in the app's dex files.
    pub defined_methods: usize,
    /// External methods referenced.
    pub external_methods: usize,
    /// Invoke sites walked.
    pub call_sites: usize,
    /// Edges by kind.
    pub edges: HashMap<EdgeKind, usize>,
    /// Megamorphic virtual/interface sites: more overriding methods than
    /// [`BuildOptions::max_targets_per_site`]; they keep only their declared target.
    pub truncated_sites: usize,
    /// Methods whose code did not decode completely.
    pub broken_methods: u64,
}

/// Options for building the graph.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Most override targets added for one virtual or interface call site. A site with
    /// more (a call on a very general type: `Object.toString`, `List.size`) is
    /// megamorphic: it keeps only its declared target, since any subset of its
    /// overrides would be arbitrary.
    pub max_targets_per_site: usize,
    /// Keep the external methods (framework, JDK) the app calls as nodes, with their call
    /// edges. The data-flow analysis only follows edges between app methods (it reads
    /// what a framework call does from its catalogue, by the invoke's method reference):
    /// without them its graph is smaller (`flows::call_graph`).
    pub external_methods: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            max_targets_per_site: 64,
            external_methods: true,
        }
    }
}

/// The call graph of an app.
#[derive(Debug)]
pub struct CallGraph {
    /// Methods and call edges (the nodes only after [`CallGraph::compact_edges`]).
    pub graph: DiGraph<MethodNode, CallEdge>,
    /// The synthetic `<android>` node: the framework calling lifecycle methods of manifest
    /// components and the Application, and class initialisers.
    pub root: NodeIndex,
    /// Counts.
    pub stats: Stats,
    hierarchy: Hierarchy,
    /// (class, subsignature) → node, for defined and external methods.
    nodes: HashMap<(ClassId, SubId), NodeIndex, foldhash::fast::RandomState>,
    /// Edges by kind while building (`stats.edges` is filled at the end).
    kind_counts: [usize; EDGE_KINDS],
    /// The edges, once moved out of `graph` by [`CallGraph::compact_edges`].
    compact: Option<CompactEdges>,
}

/// Method names the framework calls on components (and their superclasses in the app).
const LIFECYCLE: &[&str] = &[
    "<init>",
    "attachBaseContext",
    "onCreate",
    "onStart",
    "onRestart",
    "onResume",
    "onPostCreate",
    "onPostResume",
    "onPause",
    "onStop",
    "onDestroy",
    "onNewIntent",
    "onActivityResult",
    "onRequestPermissionsResult",
    "onSaveInstanceState",
    "onRestoreInstanceState",
    "onConfigurationChanged",
    "onLowMemory",
    "onTrimMemory",
    "onTerminate",
    "onReceive",
    "onBind",
    "onUnbind",
    "onRebind",
    "onStartCommand",
    "onHandleIntent",
    "onHandleWork",
    "onStartJob",
    "onStopJob",
    "onTaskRemoved",
    "query",
    "insert",
    "update",
    "delete",
    "getType",
    "call",
    "openFile",
];

impl CallGraph {
    /// Build the graph for all dex files of `md` (scanned in parallel), with lifecycle
    /// entry points from `manifest`.
    pub fn build(md: &Multidex<'_>, manifest: Option<&Manifest>) -> CallGraph {
        Self::build_with(md, manifest, &BuildOptions::default())
    }

    /// [`CallGraph::build`] with options.
    ///
    /// Four phases: (1) each dex's references and classes, in parallel; (2) interning and
    /// the merged hierarchy with a node per defined method, sequential; (3) each dex's
    /// code decoded into edges against the read-only hierarchy, in parallel; (4) external
    /// nodes interned and the edges added, sequential.
    pub fn build_with(
        md: &Multidex<'_>,
        manifest: Option<&Manifest>,
        options: &BuildOptions,
    ) -> CallGraph {
        let mut prepared: Vec<Prepared<'_>> = md
            .dexes
            .par_iter()
            .enumerate()
            .map(|(d, entry)| prepare(md, d, entry))
            .collect();
        let mut cg = CallGraph {
            graph: DiGraph::new(),
            root: NodeIndex::new(0),
            stats: Stats::default(),
            hierarchy: Hierarchy::new(),
            nodes: HashMap::default(),
            kind_counts: [0; EDGE_KINDS],
            compact: None,
        };
        // Every node is a method id of some dex (or the root): allocate once.
        let method_ids: usize = prepared.iter().map(|p| p.methods.len()).sum();
        cg.graph.reserve_exact_nodes(method_ids + 1);
        cg.root = cg.graph.add_node(MethodNode {
            class: NONE,
            sub: NONE,
            def: None,
        });
        let tables: Vec<Tables> = prepared
            .iter_mut()
            .enumerate()
            .map(|(d, p)| cg.merge(md, d, p))
            .collect();
        // Every class and subsignature is interned by now (the rest only looks them up).
        cg.hierarchy.shrink_to_fit();
        cg.stats.defined_methods = cg.graph.node_count() - 1;
        let cx = Context {
            hierarchy: &cg.hierarchy,
            graph: &cg.graph,
            max_targets: options.max_targets_per_site,
        };
        let per_dex: Vec<DexEdges> = md
            .dexes
            .par_iter()
            .zip(prepared.par_iter())
            .zip(tables.par_iter())
            .map(|((entry, p), t)| dex_edges(&entry.file, p, t, &cx))
            .collect();
        drop(tables);
        drop(prepared);
        // The framework's edges: lifecycle methods of the manifest's components and
        // every class initialiser. Collected first so the edge list is allocated once, at
        // its final size (an overflow by one would double it).
        let mut entries = manifest.map_or_else(Vec::new, |m| cg.lifecycle_targets(m));
        entries.extend(cg.clinits().into_iter().map(|n| (n, EdgeKind::StaticInit)));
        let externals_kept = options.external_methods;
        let total: usize = per_dex
            .iter()
            .map(|e| {
                let external = if externals_kept {
                    0
                } else {
                    e.edges
                        .iter()
                        .filter(|r| matches!(r.to(), Target::External(_)))
                        .count()
                };
                e.edge_count.saturating_sub(external)
            })
            .sum::<usize>()
            + entries.len();
        cg.graph.reserve_exact_edges(total);
        for dex in per_dex {
            cg.stats.call_sites += dex.call_sites;
            cg.stats.truncated_sites += dex.truncated_sites;
            cg.stats.broken_methods += dex.broken_methods;
            let externals: Vec<NodeIndex> = if externals_kept {
                dex.externals
                    .iter()
                    .map(|&(c, s)| cg.external(c, s))
                    .collect()
            } else {
                Vec::new()
            };
            for e in &dex.edges {
                let from = NodeIndex::new(e.from as usize);
                match e.to() {
                    Target::Node(n) => {
                        cg.add_edge(from, NodeIndex::new(n as usize), e.kind, e.offset)
                    }
                    Target::External(i) => {
                        if let Some(&to) = externals.get(i as usize) {
                            cg.add_edge(from, to, e.kind, e.offset);
                        }
                    }
                    Target::Overrides(g) => {
                        let Some(&(start, len)) = dex.groups.get(g as usize) else {
                            continue;
                        };
                        let range = start as usize..(start as usize).saturating_add(len as usize);
                        for &to in dex.overrides.get(range).unwrap_or_default() {
                            cg.add_edge(from, to, e.kind, e.offset);
                        }
                    }
                }
            }
        }
        for (n, kind) in entries {
            cg.add_edge(cg.root, n, kind, 0);
        }
        cg.stats.external_methods = cg.graph.node_count() - 1 - cg.stats.defined_methods;
        cg.stats.edges = EdgeKind::ALL
            .iter()
            .zip(cg.kind_counts)
            .filter(|&(_, n)| n > 0)
            .map(|(&k, n)| (k, n))
            .collect();
        cg
    }

    /// Intern dex `d`'s references and add its classes and their methods.
    fn merge(&mut self, md: &Multidex<'_>, d: usize, p: &mut Prepared<'_>) -> Tables {
        let Some(file) = md.dexes.get(d).map(|e| &e.file) else {
            return Tables::default();
        };
        let h = &mut self.hierarchy;
        let type_class: Vec<ClassId> = p
            .types
            .iter()
            .map(|t| match t {
                // Arrays too: `[Ljava/lang/Object;->clone()` is a call site.
                Some(desc) if desc.starts_with('L') || desc.starts_with('[') => h.class_id(desc),
                _ => NONE,
            })
            .collect();
        let mut buf = String::new();
        let method_ref: Vec<(ClassId, SubId)> = p
            .methods
            .iter()
            .map(|m| {
                let Some((class, name, proto)) = m else {
                    return (NONE, NONE);
                };
                let class = type_class.get(*class as usize).copied().unwrap_or(NONE);
                let Some(Some(proto)) = p.protos.get(*proto as usize) else {
                    return (NONE, NONE);
                };
                let Ok(name) = file.string(*name) else {
                    return (NONE, NONE);
                };
                if class == NONE {
                    return (NONE, NONE);
                }
                buf.clear();
                buf.push_str(&name);
                buf.push_str(proto);
                (class, h.sub_id(&buf))
            })
            .collect();
        let class_of = |t: u32| type_class.get(t as usize).copied().filter(|&c| c != NONE);
        for class in &mut p.classes {
            let Some(id) = class_of(class.type_idx) else {
                continue;
            };
            let mut methods = Vec::with_capacity(class.methods.len());
            for m in &mut class.methods {
                let Some(&(c, sub)) = method_ref.get(m.method_idx as usize) else {
                    continue;
                };
                // A method id of another class in a class's data is malformed: skip it.
                if c != id {
                    continue;
                }
                let node = match self.nodes.get(&(c, sub)) {
                    Some(&n) => n,
                    None => {
                        let n = self.graph.add_node(MethodNode {
                            class: c,
                            sub,
                            def: Some(MethodDef {
                                dex: d as u32,
                                method_idx: m.method_idx,
                                code_off: m.code_off,
                                access: m.access,
                            }),
                        });
                        self.nodes.insert((c, sub), n);
                        methods.push((sub, n));
                        n
                    }
                };
                m.node = node.index() as u32;
            }
            let superclass = class.superclass.and_then(class_of);
            let interfaces = class
                .interfaces
                .iter()
                .filter_map(|&t| class_of(t))
                .collect();
            h.define(id, superclass, interfaces, methods);
        }
        // The strings now live in the hierarchy.
        p.methods = Vec::new();
        p.protos = Vec::new();
        p.types = Vec::new();
        Tables {
            type_class,
            method_ref,
        }
    }

    /// The node of external method `class->sub`, created on first use.
    fn external(&mut self, class: ClassId, sub: SubId) -> NodeIndex {
        if let Some(&n) = self.nodes.get(&(class, sub)) {
            return n;
        }
        let n = self.graph.add_node(MethodNode {
            class,
            sub,
            def: None,
        });
        self.nodes.insert((class, sub), n);
        n
    }

    fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, offset: u32) {
        self.graph.add_edge(from, to, CallEdge { kind, offset });
        if let Some(c) = self.kind_counts.get_mut(kind as usize) {
            *c += 1;
        }
    }

    /// Lifecycle methods of the manifest's components and Application class: each
    /// class's own and those it inherits from app superclasses (each subsignature once,
    /// the nearest).
    fn lifecycle_targets(&self, manifest: &Manifest) -> Vec<(NodeIndex, EdgeKind)> {
        let mut classes: Vec<String> = manifest
            .components
            .iter()
            // A disabled component never runs (unless the app enables it at run time,
            // which is not modelled).
            .filter(|c| c.enabled)
            .map(|c| c.name.clone())
            .chain(manifest.application.name.clone())
            .map(|name| format!("L{};", name.replace('.', "/")))
            .collect();
        classes.sort();
        classes.dedup();
        classes
            .iter()
            .filter_map(|c| self.hierarchy.find_class(c))
            .flat_map(|id| self.hierarchy.methods_named(id, LIFECYCLE))
            .map(|n| (n, EdgeKind::Lifecycle))
            .collect()
    }

    /// Every class initialiser the app defines.
    fn clinits(&self) -> Vec<NodeIndex> {
        let Some(clinit) = self.hierarchy.find_sub("<clinit>()V") else {
            return Vec::new();
        };
        self.hierarchy
            .classes
            .iter()
            .filter(|c| c.defined)
            .filter_map(|c| {
                c.methods
                    .binary_search_by_key(&clinit, |&(s, _)| s)
                    .ok()
                    .and_then(|i| c.methods.get(i))
                    .map(|&(_, n)| n)
            })
            .collect()
    }

    /// True when `class` is `ancestor` or (transitively) extends or implements it. Works
    /// across app classes; an external class is only its own supertype.
    pub fn is_subtype(&self, class: &str, ancestor: &str) -> bool {
        if class == ancestor {
            return true;
        }
        match (
            self.hierarchy.find_class(class),
            self.hierarchy.find_class(ancestor),
        ) {
            (Some(c), Some(a)) => self.hierarchy.is_subtype(c, a),
            _ => false,
        }
    }

    /// The transitive supertypes of an app class (app and external), nearest first.
    pub fn supertypes(&self, class: &str) -> Vec<String> {
        let Some(id) = self.hierarchy.find_class(class) else {
            return Vec::new();
        };
        self.hierarchy
            .supertypes(id)
            .into_iter()
            .filter(|&c| self.hierarchy.class(c).is_some())
            .map(|c| self.hierarchy.class_name(c).to_string())
            .collect()
    }

    /// True when `class` is defined in the app's dex files.
    pub fn is_app_class(&self, class: &str) -> bool {
        self.hierarchy
            .find_class(class)
            .is_some_and(|c| self.hierarchy.is_defined(c))
    }

    /// The node of a method signature (`Lcom/x/Y;->m()V`), or `<android>` for the root.
    pub fn node(&self, signature: &str) -> Option<NodeIndex> {
        if signature == "<android>" {
            return Some(self.root);
        }
        let (class, sub) = signature.split_once("->")?;
        let class = self.hierarchy.find_class(class)?;
        let sub = self.hierarchy.find_sub(sub)?;
        self.nodes.get(&(class, sub)).copied()
    }

    /// Nodes whose signature matches `pattern`: an exact signature, `Lcls;->name` (every
    /// overload), or a class descriptor (every method of the class).
    pub fn find(&self, pattern: &str) -> Vec<NodeIndex> {
        if let Some(n) = self.node(pattern) {
            return vec![n];
        }
        let mut out: Vec<(String, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|n| (self.signature(n), n))
            .filter(|(sig, _)| {
                sig.strip_prefix(pattern).is_some_and(|rest| {
                    rest.starts_with('(') || (pattern.ends_with(';') && rest.starts_with("->"))
                })
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.into_iter().map(|(_, n)| n).collect()
    }

    /// Move the edges out of `graph` into a read-only compressed-sparse-row list: 9 bytes
    /// an edge instead of petgraph's 24, for a consumer that only walks outgoing edges
    /// (the data flow, `flows::call_graph`). Afterwards `graph` holds the nodes only; read
    /// the edges with [`CallGraph::outgoing`] (which the methods here use). A second call
    /// does nothing.
    pub fn compact_edges(&mut self) {
        if self.compact.is_some() {
            return;
        }
        self.compact = Some(CompactEdges::of(&self.graph));
        self.graph.clear_edges();
        self.graph.shrink_to_fit_edges();
    }

    /// The edges leaving `n`, as (target, edge), in petgraph's order, whether or not the
    /// edges were compacted.
    pub fn outgoing(&self, n: NodeIndex) -> impl Iterator<Item = (NodeIndex, CallEdge)> + '_ {
        let compact = self.compact.as_ref().map(|c| c.outgoing(n));
        let live = match self.compact {
            Some(_) => None,
            None => Some(
                self.graph
                    .edges_directed(n, Direction::Outgoing)
                    .map(|e| (e.target(), *e.weight())),
            ),
        };
        compact
            .into_iter()
            .flatten()
            .chain(live.into_iter().flatten())
    }

    /// Number of call edges.
    pub fn edge_count(&self) -> usize {
        self.compact
            .as_ref()
            .map_or_else(|| self.graph.edge_count(), CompactEdges::len)
    }

    /// The targets of the call site at `offset` in `caller`.
    pub fn callees_at(&self, caller: NodeIndex, offset: u32) -> Vec<NodeIndex> {
        self.outgoing(caller)
            .filter(|(_, e)| e.offset == offset)
            .map(|(t, _)| t)
            .collect()
    }

    /// A shortest call path from `from` to `to` (both included).
    pub fn shortest_path(&self, from: NodeIndex, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        let mut seen = HashSet::from([from]);
        while let Some(n) = queue.pop_front() {
            if n == to {
                let mut path = vec![to];
                let mut cur = to;
                while let Some(&p) = prev.get(&cur) {
                    path.push(p);
                    cur = p;
                }
                path.reverse();
                return Some(path);
            }
            for (next, _) in self.outgoing(n) {
                if seen.insert(next) {
                    prev.insert(next, n);
                    queue.push_back(next);
                }
            }
        }
        None
    }

    /// A shortest path from the framework root to `to`.
    pub fn path_from_root(&self, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        self.shortest_path(self.root, to)
    }

    /// Every node reachable from the root.
    pub fn reachable_from_root(&self) -> HashSet<NodeIndex> {
        let mut seen = HashSet::from([self.root]);
        let mut stack = vec![self.root];
        while let Some(n) = stack.pop() {
            for (next, _) in self.outgoing(n) {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        seen
    }

    /// `Lcom/x/Y;->name(Ljava/lang/String;)V` of node `n`; `<android>` for the root.
    pub fn signature(&self, n: NodeIndex) -> String {
        match self.graph.node_weight(n) {
            Some(w) if n != self.root => signature(&self.hierarchy, w.class, w.sub),
            _ => "<android>".to_string(),
        }
    }

    /// The signatures along a path.
    pub fn signatures(&self, path: &[NodeIndex]) -> Vec<String> {
        path.iter().map(|&n| self.signature(n)).collect()
    }

    /// True for a static method node.
    pub fn is_static(&self, n: NodeIndex) -> bool {
        self.graph[n].def.is_some_and(|d| is_static(d.access))
    }
}

/// `Lcls;->name(proto)ret` of an interned method.
fn signature(h: &Hierarchy, class: ClassId, sub: SubId) -> String {
    let class = h.class_name(class);
    let sub = h.sub(sub);
    let mut s = String::with_capacity(class.len() + 2 + sub.len());
    s.push_str(class);
    s.push_str("->");
    s.push_str(sub);
    s
}
