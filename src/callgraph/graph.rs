//! Building the call graph from the scanned dex files.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use serde::Serialize;

use super::scan::{DexScan, ScannedCall, is_static, scan_dex};
use crate::dex::{InvokeKind, Multidex};
use crate::manifest::Manifest;

/// A method: defined in the app's dex files, or an external reference (framework, JDK).
#[derive(Debug, Clone)]
pub struct MethodNode {
    /// `Lcom/x/Y;->name(Ljava/lang/String;)V`; `<android>` for the synthetic root.
    pub signature: String,
    /// Where the method's code is, for defined methods.
    pub def: Option<MethodDef>,
}

impl MethodNode {
    /// The declaring class descriptor (`Lcom/x/Y;`).
    pub fn class(&self) -> &str {
        self.signature
            .split_once("->")
            .map_or(self.signature.as_str(), |(c, _)| c)
    }

    /// Name and prototype (`name(Ljava/lang/String;)V`).
    pub fn subsignature(&self) -> &str {
        self.signature.split_once("->").map_or("", |(_, s)| s)
    }

    /// The method name.
    pub fn name(&self) -> &str {
        let sub = self.subsignature();
        sub.split_once('(').map_or(sub, |(n, _)| n)
    }
}

/// Where a defined method's code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodDef {
    /// Index of the dex in [`Multidex::dexes`].
    pub dex: usize,
    /// Method id in that dex.
    pub method_idx: u32,
    /// Code item offset (0 for abstract and native methods).
    pub code_off: u32,
    /// Access flags.
    pub access: u32,
}

/// Why an edge exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
    /// Virtual/interface sites whose override set was cut at the limit.
    pub truncated_sites: usize,
    /// Methods whose code did not decode completely.
    pub broken_methods: u64,
}

/// Class facts for hierarchy queries.
#[derive(Debug, Clone, Default)]
struct ClassFacts {
    superclass: Option<String>,
    interfaces: Vec<String>,
    /// `name(proto)ret` → node.
    methods: HashMap<String, NodeIndex>,
}

/// Options for building the graph.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Most override targets added for one virtual or interface call site; a call on a
    /// very general type (`Object.toString`) would otherwise fan out to every class.
    pub max_targets_per_site: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            max_targets_per_site: 64,
        }
    }
}

/// The call graph of an app.
#[derive(Debug)]
pub struct CallGraph {
    /// Methods and call edges.
    pub graph: DiGraph<MethodNode, CallEdge>,
    /// The synthetic `<android>` node: the framework calling lifecycle methods of manifest
    /// components and the Application, and class initialisers.
    pub root: NodeIndex,
    /// Counts.
    pub stats: Stats,
    by_signature: HashMap<String, NodeIndex>,
    classes: HashMap<String, ClassFacts>,
    subtypes: HashMap<String, Vec<String>>,
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

/// Framework methods that run a Runnable/Callable argument later.
const ASYNC_METHODS: &[&str] = &[
    "execute",
    "submit",
    "schedule",
    "scheduleAtFixedRate",
    "scheduleWithFixedDelay",
    "post",
    "postDelayed",
    "postAtTime",
    "postAtFrontOfQueue",
    "postOnAnimation",
    "runOnUiThread",
    "invokeAll",
    "invokeAny",
    "executeOnExecutor",
];

/// Callback methods a framework executor or thread runs.
const RUNNABLE_METHODS: &[&str] = &["run", "call"];

/// What `AsyncTask.execute` runs.
const ASYNC_TASK_METHODS: &[&str] = &[
    "onPreExecute",
    "doInBackground",
    "onProgressUpdate",
    "onPostExecute",
];

impl CallGraph {
    /// Build the graph for all dex files of `md` (scanned in parallel), with lifecycle
    /// entry points from `manifest`.
    pub fn build(md: &Multidex<'_>, manifest: Option<&Manifest>) -> CallGraph {
        Self::build_with(md, manifest, &BuildOptions::default())
    }

    /// [`CallGraph::build`] with options.
    pub fn build_with(
        md: &Multidex<'_>,
        manifest: Option<&Manifest>,
        options: &BuildOptions,
    ) -> CallGraph {
        let scans: Vec<DexScan> = md
            .dexes
            .par_iter()
            .enumerate()
            .map(|(d, entry)| scan_dex(md, d, entry))
            .collect();
        let mut cg = CallGraph {
            graph: DiGraph::new(),
            root: NodeIndex::new(0),
            stats: Stats::default(),
            by_signature: HashMap::new(),
            classes: HashMap::new(),
            subtypes: HashMap::new(),
        };
        cg.root = cg.graph.add_node(MethodNode {
            signature: "<android>".into(),
            def: None,
        });
        // 1. Nodes for defined methods and the class hierarchy.
        for (d, scan) in scans.iter().enumerate() {
            cg.stats.broken_methods += scan.broken_methods;
            for class in &scan.classes {
                let mut facts = ClassFacts {
                    superclass: class.superclass.clone(),
                    interfaces: class.interfaces.clone(),
                    methods: HashMap::new(),
                };
                for m in &class.methods {
                    let Some(Some(sig)) = scan.signatures.get(m.method_idx as usize) else {
                        continue;
                    };
                    let node = cg.intern(sig);
                    cg.graph[node].def = Some(MethodDef {
                        dex: d,
                        method_idx: m.method_idx,
                        code_off: m.code_off,
                        access: m.access,
                    });
                    if let Some((_, sub)) = sig.split_once("->") {
                        facts.methods.insert(sub.to_string(), node);
                    }
                }
                for sup in class.superclass.iter().chain(class.interfaces.iter()) {
                    cg.subtypes
                        .entry(sup.clone())
                        .or_default()
                        .push(class.descriptor.clone());
                }
                cg.classes.insert(class.descriptor.clone(), facts);
            }
        }
        cg.stats.defined_methods = cg.graph.node_count() - 1;
        // 2. Call edges.
        let mut override_cache: HashMap<(String, String), (Vec<NodeIndex>, bool)> = HashMap::new();
        for scan in &scans {
            for class in &scan.classes {
                for m in &class.methods {
                    let Some(Some(caller_sig)) = scan.signatures.get(m.method_idx as usize) else {
                        continue;
                    };
                    let Some(&caller) = cg.by_signature.get(caller_sig.as_str()) else {
                        continue;
                    };
                    for call in &m.calls {
                        cg.stats.call_sites += 1;
                        cg.add_call(caller, call, scan, options, &mut override_cache);
                    }
                }
            }
        }
        // 3. Entry points.
        if let Some(manifest) = manifest {
            cg.add_lifecycle_edges(manifest);
        }
        let clinits: Vec<NodeIndex> = cg
            .graph
            .node_indices()
            .filter(|&n| cg.graph[n].def.is_some() && cg.graph[n].name() == "<clinit>")
            .collect();
        for n in clinits {
            cg.add_edge(cg.root, n, EdgeKind::StaticInit, 0);
        }
        cg.stats.external_methods = cg
            .graph
            .node_indices()
            .filter(|&n| n != cg.root && cg.graph[n].def.is_none())
            .count();
        cg
    }

    fn intern(&mut self, signature: &str) -> NodeIndex {
        if let Some(&n) = self.by_signature.get(signature) {
            return n;
        }
        let n = self.graph.add_node(MethodNode {
            signature: signature.to_string(),
            def: None,
        });
        self.by_signature.insert(signature.to_string(), n);
        n
    }

    fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, offset: u32) {
        self.graph.add_edge(from, to, CallEdge { kind, offset });
        *self.stats.edges.entry(kind).or_default() += 1;
    }

    fn add_call(
        &mut self,
        caller: NodeIndex,
        call: &ScannedCall,
        scan: &DexScan,
        options: &BuildOptions,
        cache: &mut HashMap<(String, String), (Vec<NodeIndex>, bool)>,
    ) {
        let Some(Some(target_sig)) = scan.signatures.get(call.target as usize) else {
            return;
        };
        let Some((target_class, sub)) = target_sig.split_once("->") else {
            return;
        };
        match call.kind {
            InvokeKind::Static | InvokeKind::Direct => {
                let kind = if call.kind == InvokeKind::Static {
                    EdgeKind::Static
                } else {
                    EdgeKind::Direct
                };
                let to = self
                    .resolve_up(target_class, sub)
                    .unwrap_or_else(|| self.intern(target_sig));
                self.add_edge(caller, to, kind, call.offset);
            }
            InvokeKind::Super => {
                // invoke-super names the superclass (or interface) method; the runtime
                // takes the nearest implementation from there upward.
                let to = self
                    .resolve_up(target_class, sub)
                    .unwrap_or_else(|| self.intern(target_sig));
                self.add_edge(caller, to, EdgeKind::Super, call.offset);
            }
            InvokeKind::Virtual | InvokeKind::Interface => {
                let kind = if call.kind == InvokeKind::Virtual {
                    EdgeKind::Virtual
                } else {
                    EdgeKind::Interface
                };
                let declared = self
                    .resolve_up(target_class, sub)
                    .unwrap_or_else(|| self.intern(target_sig));
                self.add_edge(caller, declared, kind, call.offset);
                let key = (target_class.to_string(), sub.to_string());
                if !cache.contains_key(&key) {
                    let found = self.overrides(target_class, sub, options.max_targets_per_site);
                    cache.insert(key.clone(), found);
                }
                let (targets, truncated) = cache.get(&key).cloned().unwrap_or_default();
                if truncated {
                    self.stats.truncated_sites += 1;
                }
                for t in targets {
                    if t != declared {
                        self.add_edge(caller, t, kind, call.offset);
                    }
                }
            }
            InvokeKind::Polymorphic => {
                let to = self.intern(target_sig);
                self.add_edge(caller, to, EdgeKind::Polymorphic, call.offset);
            }
            InvokeKind::Custom | InvokeKind::VirtualQuick => {}
        }
        self.add_implicit_edges(caller, target_class, sub, call, scan);
    }

    /// Thread, executor, handler, AsyncTask and listener edges for one call site.
    fn add_implicit_edges(
        &mut self,
        caller: NodeIndex,
        target_class: &str,
        sub: &str,
        call: &ScannedCall,
        scan: &DexScan,
    ) {
        let name = sub.split_once('(').map_or(sub, |(n, _)| n);
        let type_of = |t: &Option<u32>| t.and_then(|t| scan.types.get(&t)).cloned();
        let receiver_type = call.arg_types.first().and_then(type_of);
        // Thread.start(): the thread subclass's run(), or the Runnable it wraps.
        if name == "start" && sub == "start()V" {
            let wrapped = call.wrapped.and_then(|t| scan.types.get(&t)).cloned();
            for class in wrapped.iter().chain(receiver_type.iter()) {
                if self.is_subtype(class, "Ljava/lang/Runnable;")
                    || self.is_subtype(class, "Ljava/lang/Thread;")
                {
                    self.link_methods(caller, class, RUNNABLE_METHODS, EdgeKind::Thread, call);
                }
            }
            return;
        }
        // AsyncTask.execute on an app task.
        if (name == "execute" || name == "executeOnExecutor")
            && let Some(task) = &receiver_type
            && self.is_subtype(task, "Landroid/os/AsyncTask;")
        {
            self.link_methods(caller, task, ASYNC_TASK_METHODS, EdgeKind::Async, call);
            return;
        }
        if self.classes.contains_key(target_class) {
            // A call into app code: its own edges cover it.
            return;
        }
        let args: Vec<String> = call.arg_types.iter().skip(1).filter_map(type_of).collect();
        if args.is_empty() {
            return;
        }
        if ASYNC_METHODS.contains(&name) || (target_class == "Ljava/util/Timer;") {
            for class in &args {
                if self.is_subtype(class, "Ljava/lang/Runnable;")
                    || self.is_subtype(class, "Ljava/util/concurrent/Callable;")
                {
                    self.link_methods(caller, class, RUNNABLE_METHODS, EdgeKind::Async, call);
                }
            }
            return;
        }
        // Registering an app object with the framework: it may call any method the object
        // overrides from its framework supertypes. Approximated by the object's non-
        // constructor methods whose names are not defined by an app supertype alone.
        let registers = [
            "set", "add", "register", "request", "listen", "bind", "observe",
        ]
        .iter()
        .any(|p| name.starts_with(p));
        if registers {
            for class in &args {
                if !self.has_external_supertype(class) {
                    continue;
                }
                let methods: Vec<NodeIndex> = self
                    .classes
                    .get(class)
                    .map(|c| {
                        c.methods
                            .iter()
                            .filter(|(sub, _)| !sub.starts_with('<'))
                            .map(|(_, n)| *n)
                            .collect()
                    })
                    .unwrap_or_default();
                for m in methods {
                    self.add_edge(caller, m, EdgeKind::Callback, call.offset);
                }
            }
        }
    }

    fn link_methods(
        &mut self,
        caller: NodeIndex,
        class: &str,
        names: &[&str],
        kind: EdgeKind,
        call: &ScannedCall,
    ) {
        let mut targets = Vec::new();
        let mut current = Some(class.to_string());
        let mut seen = HashSet::new();
        while let Some(c) = current {
            if !seen.insert(c.clone()) {
                break;
            }
            let Some(facts) = self.classes.get(&c) else {
                break;
            };
            for (sub, &n) in &facts.methods {
                let name = sub.split_once('(').map_or(sub.as_str(), |(n, _)| n);
                if names.contains(&name) && !targets.iter().any(|(s, _)| s == sub) {
                    targets.push((sub.clone(), n));
                }
            }
            current = facts.superclass.clone();
        }
        for (_, n) in targets {
            self.add_edge(caller, n, kind, call.offset);
        }
    }

    fn add_lifecycle_edges(&mut self, manifest: &Manifest) {
        let mut classes: Vec<String> = manifest
            .components
            .iter()
            .map(|c| c.name.clone())
            .chain(manifest.application.name.clone())
            .map(|name| format!("L{};", name.replace('.', "/")))
            .collect();
        classes.sort();
        classes.dedup();
        for class in classes {
            let mut current = Some(class);
            let mut seen = HashSet::new();
            while let Some(c) = current {
                if !seen.insert(c.clone()) {
                    break;
                }
                let Some(facts) = self.classes.get(&c) else {
                    break;
                };
                let targets: Vec<NodeIndex> = facts
                    .methods
                    .iter()
                    .filter(|(sub, _)| {
                        let name = sub.split_once('(').map_or(sub.as_str(), |(n, _)| n);
                        LIFECYCLE.contains(&name)
                    })
                    .map(|(_, n)| *n)
                    .collect();
                current = facts.superclass.clone();
                for t in targets {
                    self.add_edge(self.root, t, EdgeKind::Lifecycle, 0);
                }
            }
        }
    }

    /// The implementation of `sub` visible from `class`: the class's own or the nearest
    /// app superclass's (interfaces' default methods last).
    fn resolve_up(&self, class: &str, sub: &str) -> Option<NodeIndex> {
        let mut current = Some(class.to_string());
        let mut seen = HashSet::new();
        while let Some(c) = current {
            if !seen.insert(c.clone()) {
                return None;
            }
            let facts = self.classes.get(&c)?;
            if let Some(&n) = facts.methods.get(sub) {
                return Some(n);
            }
            current = facts.superclass.clone();
        }
        None
    }

    /// App methods overriding `class->sub` in transitive subtypes (class-hierarchy analysis).
    fn overrides(&self, class: &str, sub: &str, limit: usize) -> (Vec<NodeIndex>, bool) {
        let mut out = Vec::new();
        let mut queue: VecDeque<&str> = VecDeque::from([class]);
        let mut seen: HashSet<&str> = HashSet::from([class]);
        while let Some(c) = queue.pop_front() {
            for s in self.subtypes.get(c).into_iter().flatten() {
                if !seen.insert(s.as_str()) {
                    continue;
                }
                if let Some(&n) = self.classes.get(s).and_then(|f| f.methods.get(sub)) {
                    let is_abstract_decl = self.graph[n].def.is_some_and(|d| d.code_off == 0);
                    if !is_abstract_decl {
                        if out.len() >= limit {
                            return (out, true);
                        }
                        out.push(n);
                    }
                }
                queue.push_back(s.as_str());
            }
        }
        (out, false)
    }

    /// True when `class` is `ancestor` or (transitively) extends or implements it. Works
    /// across app classes; an external class is only its own supertype.
    pub fn is_subtype(&self, class: &str, ancestor: &str) -> bool {
        let mut stack = vec![class.to_string()];
        let mut seen = HashSet::new();
        while let Some(c) = stack.pop() {
            if c == ancestor {
                return true;
            }
            if !seen.insert(c.clone()) {
                continue;
            }
            if let Some(f) = self.classes.get(&c) {
                stack.extend(f.superclass.iter().cloned());
                stack.extend(f.interfaces.iter().cloned());
            }
        }
        false
    }

    /// The transitive supertypes of an app class (app and external), nearest first.
    pub fn supertypes(&self, class: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut queue = VecDeque::from([class.to_string()]);
        let mut seen = HashSet::new();
        while let Some(c) = queue.pop_front() {
            if !seen.insert(c.clone()) {
                continue;
            }
            if c != class {
                out.push(c.clone());
            }
            if let Some(f) = self.classes.get(&c) {
                queue.extend(f.superclass.iter().cloned());
                queue.extend(f.interfaces.iter().cloned());
            }
        }
        out
    }

    fn has_external_supertype(&self, class: &str) -> bool {
        self.supertypes(class)
            .iter()
            .any(|s| !self.classes.contains_key(s) && s != "Ljava/lang/Object;")
    }

    /// True when `class` is defined in the app's dex files.
    pub fn is_app_class(&self, class: &str) -> bool {
        self.classes.contains_key(class)
    }

    /// The node of a method signature (`Lcom/x/Y;->m()V`).
    pub fn node(&self, signature: &str) -> Option<NodeIndex> {
        self.by_signature.get(signature).copied()
    }

    /// Nodes whose signature matches `pattern`: an exact signature, `Lcls;->name` (every
    /// overload), or a class descriptor (every method of the class).
    pub fn find(&self, pattern: &str) -> Vec<NodeIndex> {
        if let Some(n) = self.node(pattern) {
            return vec![n];
        }
        let mut out: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| {
                let sig = &self.graph[n].signature;
                sig.strip_prefix(pattern).is_some_and(|rest| {
                    rest.starts_with('(') || (pattern.ends_with(';') && rest.starts_with("->"))
                })
            })
            .collect();
        out.sort_by(|a, b| self.graph[*a].signature.cmp(&self.graph[*b].signature));
        out
    }

    /// The targets of the call site at `offset` in `caller`.
    pub fn callees_at(&self, caller: NodeIndex, offset: u32) -> Vec<NodeIndex> {
        self.graph
            .edges_directed(caller, Direction::Outgoing)
            .filter(|e| e.weight().offset == offset)
            .map(|e| e.target())
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
            for next in self.graph.neighbors_directed(n, Direction::Outgoing) {
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
            for next in self.graph.neighbors_directed(n, Direction::Outgoing) {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        seen
    }

    /// The signatures along a path.
    pub fn signatures(&self, path: &[NodeIndex]) -> Vec<String> {
        path.iter()
            .map(|&n| self.graph[n].signature.clone())
            .collect()
    }

    /// True for a static method node.
    pub fn is_static(&self, n: NodeIndex) -> bool {
        self.graph[n].def.is_some_and(|d| is_static(d.access))
    }
}
