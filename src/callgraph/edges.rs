//! Second pass over one dex file (run in parallel across files, reading the merged
//! hierarchy): decode every method, follow the locally known types of object registers,
//! and turn each invoke into call edges: the resolved target, the CHA overrides, and the
//! implicit edges the framework creates (threads, executors, AsyncTask, listeners).

use std::collections::HashMap;

use foldhash::fast::RandomState;

use petgraph::graph::{DiGraph, NodeIndex};

use super::graph::{CallEdge, EdgeKind, MethodNode};
use super::hierarchy::{ClassId, Hierarchy, SubId, SubtypeScratch};
use super::scan::{Prepared, is_static};
use crate::dex::insn::{Opcode, Operands};
use crate::dex::{DexFile, InvokeKind, invoke_site};

/// "No value" in the dense per-dex tables and register maps.
pub const NONE: u32 = u32::MAX;

/// Interned ids of one dex file's references.
#[derive(Debug, Default)]
pub struct Tables {
    /// `type_idx` → class id (`NONE` for primitives, arrays, malformed).
    pub type_class: Vec<ClassId>,
    /// `method_idx` → (class id, subsignature id) (`NONE` when malformed).
    pub method_ref: Vec<(ClassId, SubId)>,
}

/// What an edge (or a group of edges of one call site) goes to, before external
/// methods have nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A node index.
    Node(u32),
    /// The external method `DexEdges::externals[i]`.
    External(u32),
    /// One edge to each method of the override set `DexEdges::groups[i]` (the CHA answer,
    /// shared by every site with the same receiver class and subsignature, so the fan-out
    /// is stored once per dex, not once per site).
    Overrides(u32),
}

/// An edge (or edge group) of one call site, packed into 16 bytes: there is one per
/// call site and more, and they all live until the graph is assembled.
#[derive(Debug, Clone, Copy)]
pub struct RawEdge {
    /// Caller node.
    pub from: u32,
    /// Callee: the top two bits say which [`Target`] (0 node, 1 external, 2 overrides).
    to: u32,
    /// Call site offset in code units.
    pub offset: u32,
    /// Why.
    pub kind: EdgeKind,
}

const TAG_SHIFT: u32 = 30;
const INDEX_MASK: u32 = (1 << TAG_SHIFT) - 1;

impl RawEdge {
    /// The callee(s).
    pub fn to(&self) -> Target {
        let i = self.to & INDEX_MASK;
        match self.to >> TAG_SHIFT {
            0 => Target::Node(i),
            1 => Target::External(i),
            _ => Target::Overrides(i),
        }
    }

    /// None when the index does not fit in 30 bits (more than a billion nodes).
    fn new(from: u32, to: Target, offset: u32, kind: EdgeKind) -> Option<RawEdge> {
        let (tag, i) = match to {
            Target::Node(i) => (0, i),
            Target::External(i) => (1, i),
            Target::Overrides(i) => (2, i),
        };
        (i <= INDEX_MASK).then_some(RawEdge {
            from,
            to: (tag << TAG_SHIFT) | i,
            offset,
            kind,
        })
    }
}

/// The edges and counts of one dex file.
#[derive(Debug, Default)]
pub struct DexEdges {
    /// Edges in code order.
    pub edges: Vec<RawEdge>,
    /// External methods that [`Target::External`] points into.
    pub externals: Vec<(ClassId, SubId)>,
    /// Override sets (ranges of `overrides`) that [`Target::Overrides`] points into.
    pub groups: Vec<(u32, u32)>,
    /// The methods of the override sets.
    pub overrides: Vec<NodeIndex>,
    /// Edges once the override groups are expanded.
    pub edge_count: usize,
    /// Invoke sites walked.
    pub call_sites: usize,
    /// Sites whose override set was cut.
    pub truncated_sites: usize,
    /// Methods whose code did not decode completely.
    pub broken_methods: u64,
}

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
    "postOnAnimationDelayed",
    "runOnUiThread",
    "invokeAll",
    "invokeAny",
    "executeOnExecutor",
];

/// What `AsyncTask.execute` runs.
const ASYNC_TASK_METHODS: &[&str] = &[
    "onPreExecute",
    "doInBackground",
    "onProgressUpdate",
    "onPostExecute",
];

/// Name prefixes of framework methods that register a listener or callback object.
const REGISTER_PREFIXES: &[&str] = &[
    "set", "add", "register", "request", "listen", "bind", "observe",
];

/// Read-only inputs of the second pass.
pub struct Context<'g> {
    /// The merged hierarchy.
    pub hierarchy: &'g Hierarchy,
    /// Nodes so far (defined methods), to tell abstract declarations from code.
    pub graph: &'g DiGraph<MethodNode, CallEdge>,
    /// Most override targets per virtual/interface site.
    pub max_targets: usize,
}

/// Per-dex caches: CHA answers `(class, sub)` → group in `DexEdges::groups` (`NONE` for
/// none, `NONE - 1` for a megamorphic site), and external methods → index.
#[derive(Default)]
struct Cache {
    overrides: HashMap<(ClassId, SubId), u32, RandomState>,
    externals: HashMap<(ClassId, SubId), u32, RandomState>,
    subtypes: SubtypeScratch,
}

/// A megamorphic site in the override cache.
const MEGAMORPHIC: u32 = NONE - 1;

/// Object register state of the method being walked.
#[derive(Default)]
struct Registers {
    /// Register → class id of the object it holds, when known (`new-instance`, `this`,
    /// an app-typed parameter).
    types: Vec<ClassId>,
    /// Register → class id of the Runnable a `new Thread(runnable)` in it wraps.
    wrapped: Vec<ClassId>,
}

impl Registers {
    fn reset(&mut self, count: usize) {
        self.types.clear();
        self.types.resize(count, NONE);
        self.wrapped.clear();
        self.wrapped.resize(count, NONE);
    }

    fn get(&self, r: u32) -> ClassId {
        self.types.get(r as usize).copied().unwrap_or(NONE)
    }

    fn set(&mut self, r: u16, t: ClassId, w: ClassId) {
        if let Some(slot) = self.types.get_mut(usize::from(r)) {
            *slot = t;
        }
        if let Some(slot) = self.wrapped.get_mut(usize::from(r)) {
            *slot = w;
        }
    }
}

/// Walk every defined method of one dex file and produce its edges.
pub fn dex_edges(
    file: &DexFile<'_>,
    prepared: &Prepared<'_>,
    tables: &Tables,
    cx: &Context<'_>,
) -> DexEdges {
    // Sized once for the most invokes the file can hold (3 code units each) plus room
    // for implicit edges: pages never written are never resident, while growing by
    // doubling would leave every discarded buffer behind in the allocator's arena.
    let mut out = DexEdges {
        edges: Vec::with_capacity(file.data().len() / 6 + 1024),
        ..DexEdges::default()
    };
    let mut cache = Cache::default();
    let mut regs = Registers::default();
    for class in &prepared.classes {
        let class_id = tables
            .type_class
            .get(class.type_idx as usize)
            .copied()
            .unwrap_or(NONE);
        for m in &class.methods {
            if m.node == NONE {
                continue;
            }
            let mut walker = Walker {
                file,
                tables,
                cx,
                cache: &mut cache,
                regs: &mut regs,
                out: &mut out,
                caller: m.node,
            };
            if !walker.walk(class_id, m.method_idx, m.access, m.code_off) {
                out.broken_methods += 1;
            }
        }
    }
    out.edge_count = out
        .edges
        .iter()
        .map(|e| match e.to() {
            Target::Overrides(g) => out
                .groups
                .get(g as usize)
                .map_or(0, |&(_, len)| len as usize),
            _ => 1,
        })
        .sum();
    // The buffers grew by doubling; they live until the graph is assembled.
    out.edges.shrink_to_fit();
    out.overrides.shrink_to_fit();
    out
}

struct Walker<'w, 'g, 'd> {
    file: &'w DexFile<'d>,
    tables: &'w Tables,
    cx: &'w Context<'g>,
    cache: &'w mut Cache,
    regs: &'w mut Registers,
    out: &'w mut DexEdges,
    caller: u32,
}

impl Walker<'_, '_, '_> {
    /// Decode one method; false when its code is malformed (sites before the fault kept).
    fn walk(&mut self, class_id: ClassId, method_idx: u32, access: u32, code_off: u32) -> bool {
        let code = match self.file.code_item(code_off) {
            Ok(Some(code)) => code,
            Ok(None) => return true,
            Err(_) => return false,
        };
        self.regs.reset(usize::from(code.registers_size));
        self.seed_parameters(&code, class_id, method_idx, access);
        for insn in code.instructions() {
            let Ok(insn) = insn else {
                return false;
            };
            if let Some(site) = invoke_site(&insn) {
                if matches!(site.kind, InvokeKind::Custom | InvokeKind::VirtualQuick) {
                    continue;
                }
                self.out.call_sites += 1;
                self.invoke(&site);
                continue;
            }
            self.track(insn.opcode, insn.operands);
        }
        true
    }

    /// `this` has the declaring class's type; app-typed parameters their declared type.
    fn seed_parameters(
        &mut self,
        code: &crate::dex::CodeItem<'_>,
        class_id: ClassId,
        method_idx: u32,
        access: u32,
    ) {
        let Some(mut reg) = code.registers_size.checked_sub(code.ins_size) else {
            return;
        };
        if !is_static(access) {
            self.regs.set(reg, class_id, NONE);
            reg = reg.saturating_add(1);
        }
        let Ok(m) = self.file.method_id(method_idx) else {
            return;
        };
        let Ok(params) = self.file.proto_parameters(u32::from(m.proto_idx)) else {
            return;
        };
        for p in params {
            let t = self
                .tables
                .type_class
                .get(p as usize)
                .copied()
                .unwrap_or(NONE);
            let wide = self
                .file
                .type_descriptor_bytes(p)
                .is_ok_and(|d| d == b"J" || d == b"D");
            self.regs.set(reg, t, NONE);
            reg = reg.saturating_add(if wide { 2 } else { 1 });
        }
    }

    /// Follow what a non-invoke instruction does to the object registers. A linear
    /// approximation (no branches): good enough to name the Runnable or listener that a
    /// method creates and hands to the framework.
    fn track(&mut self, op: Opcode, operands: Operands<'_>) {
        match (op, operands) {
            (Opcode::NEW_INSTANCE, Operands::Index { a, index }) => {
                let t = self
                    .tables
                    .type_class
                    .get(index as usize)
                    .copied()
                    .unwrap_or(NONE);
                self.regs.set(a, t, NONE);
            }
            (
                Opcode::MOVE_OBJECT | Opcode::MOVE_OBJECT_FROM16 | Opcode::MOVE_OBJECT_16,
                Operands::AB { a, b },
            ) => {
                let t = self.regs.get(u32::from(b));
                let w = self
                    .regs
                    .wrapped
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(NONE);
                self.regs.set(a, t, w);
            }
            (
                op,
                Operands::A { a }
                | Operands::AB { a, .. }
                | Operands::ABC { a, .. }
                | Operands::Literal { a, .. }
                | Operands::LiteralAB { a, .. }
                | Operands::Index { a, .. }
                | Operands::IndexAB { a, .. },
            ) if writes_first_register(op) => self.regs.set(a, NONE, NONE),
            _ => {}
        }
    }

    fn push(&mut self, to: Target, kind: EdgeKind, offset: u32) {
        if let Some(e) = RawEdge::new(self.caller, to, offset, kind) {
            self.out.edges.push(e);
        }
    }

    fn push_external(&mut self, class: ClassId, sub: SubId, kind: EdgeKind, offset: u32) {
        let next = self.out.externals.len() as u32;
        let i = *self.cache.externals.entry((class, sub)).or_insert(next);
        if i == next {
            self.out.externals.push((class, sub));
        }
        self.push(Target::External(i), kind, offset);
    }

    fn push_node(&mut self, to: NodeIndex, kind: EdgeKind, offset: u32) {
        self.push(Target::Node(to.index() as u32), kind, offset);
    }

    /// The resolved target of `class->sub`: the app implementation, or the external
    /// reference itself.
    fn push_resolved(&mut self, class: ClassId, sub: SubId, kind: EdgeKind, offset: u32) -> u32 {
        match self.cx.hierarchy.resolve_up(class, sub) {
            Some(n) => {
                self.push_node(n, kind, offset);
                n.index() as u32
            }
            None => {
                self.push_external(class, sub, kind, offset);
                NONE
            }
        }
    }

    fn invoke(&mut self, site: &crate::dex::InvokeSite) {
        let Some(&(class, sub)) = self.tables.method_ref.get(site.target as usize) else {
            return;
        };
        if class == NONE {
            return;
        }
        let offset = site.offset;
        match site.kind {
            InvokeKind::Static => {
                self.push_resolved(class, sub, EdgeKind::Static, offset);
            }
            InvokeKind::Direct => {
                self.push_resolved(class, sub, EdgeKind::Direct, offset);
            }
            // invoke-super names the superclass (or interface) method; the runtime takes
            // the nearest implementation from there upward.
            InvokeKind::Super => {
                self.push_resolved(class, sub, EdgeKind::Super, offset);
            }
            InvokeKind::Virtual | InvokeKind::Interface => {
                let kind = if site.kind == InvokeKind::Virtual {
                    EdgeKind::Virtual
                } else {
                    EdgeKind::Interface
                };
                let declared = self.push_resolved(class, sub, kind, offset);
                match self.overrides(class, sub, declared, kind == EdgeKind::Interface) {
                    NONE => {}
                    MEGAMORPHIC => self.out.truncated_sites += 1,
                    group => self.push(Target::Overrides(group), kind, offset),
                }
            }
            InvokeKind::Polymorphic => {
                self.push_external(class, sub, EdgeKind::Polymorphic, offset);
            }
            InvokeKind::Custom | InvokeKind::VirtualQuick => return,
        }
        self.implicit(site, class, sub);
    }

    /// App methods overriding or implementing `class->sub` in the transitive subtypes of
    /// `class` (CHA), without `declared`, as a group of `DexEdges::groups`; cached per
    /// dex. A subtype that does not define the method itself contributes the
    /// implementation it inherits (an interface method implemented by a superclass that
    /// does not implement the interface; `interface` says the target is an interface
    /// method). More than `max_targets` methods make the site
    /// megamorphic (`Object.toString`, `List.size` over a big app): CHA says nothing
    /// useful about it, and an arbitrary subset of its targets would only mislead, so it
    /// gets no override edges.
    fn overrides(&mut self, class: ClassId, sub: SubId, declared: u32, interface: bool) -> u32 {
        if let Some(&hit) = self.cache.overrides.get(&(class, sub)) {
            return hit;
        }
        let h = self.cx.hierarchy;
        let graph = self.cx.graph;
        let limit = self.cx.max_targets;
        let start = self.out.overrides.len();
        let mut truncated = false;
        let arena = &mut self.out.overrides;
        h.for_each_subtype(class, &mut self.cache.subtypes, |t| {
            // Below a class, an inherited implementation is the declared one or an
            // intermediate subclass's own, both found anyway: only an interface's
            // implementors need the upward resolution.
            let found = match h.own_method(t, sub) {
                Some(n) => Some(n),
                None if interface => h.resolve_up(t, sub),
                None => None,
            };
            if let Some(n) = found {
                let has_code = graph
                    .node_weight(n)
                    .and_then(|w| w.def)
                    .is_some_and(|d| d.code_off != 0);
                let known = arena.get(start..).is_some_and(|s| s.contains(&n));
                if has_code && n.index() as u32 != declared && !known {
                    if arena.len() - start >= limit {
                        truncated = true;
                        return false;
                    }
                    arena.push(n);
                }
            }
            true
        });
        let len = arena.len() - start;
        let hit = if truncated {
            arena.truncate(start);
            MEGAMORPHIC
        } else if len == 0 {
            NONE
        } else {
            self.out.groups.push((start as u32, len as u32));
            (self.out.groups.len() - 1) as u32
        };
        self.cache.overrides.insert((class, sub), hit);
        hit
    }

    /// Thread, executor, handler, AsyncTask and listener edges for one call site.
    fn implicit(&mut self, site: &crate::dex::InvokeSite, class: ClassId, sub: SubId) {
        let h = self.cx.hierarchy;
        let known = h.known;
        let name = h.name(sub);
        let has_receiver = site.kind != InvokeKind::Static;
        let receiver = if has_receiver {
            site.args.iter().next()
        } else {
            None
        };
        let receiver_type = receiver.map_or(NONE, |r| self.regs.get(r));
        // `new Thread(runnable)`: remember the runnable on the thread's register.
        if name == "<init>"
            && h.is_subtype(class, known.thread)
            && let Some(recv) = receiver
        {
            let runnable = site
                .args
                .iter()
                .skip(1)
                .map(|r| self.regs.get(r))
                .find(|&t| t != NONE && h.is_subtype(t, known.runnable));
            if let (Some(runnable), Ok(recv)) = (runnable, u16::try_from(recv)) {
                let t = self.regs.get(u32::from(recv));
                self.regs.set(recv, t, runnable);
            }
            return;
        }
        // Thread.start(): the thread subclass's run(), or the Runnable it wraps. The
        // receiver's class may come from the register or from the call's own class.
        if h.sub(sub) == "start()V" {
            let wrapped = receiver
                .and_then(|r| self.regs.wrapped.get(r as usize).copied())
                .unwrap_or(NONE);
            let mut targets = Vec::new();
            for c in [wrapped, receiver_type, class] {
                if c != NONE
                    && h.is_defined(c)
                    && (h.is_subtype(c, known.runnable) || h.is_subtype(c, known.thread))
                {
                    for n in h.methods_named(c, &["run"]) {
                        if !targets.contains(&n) {
                            targets.push(n);
                        }
                    }
                }
            }
            for n in targets {
                self.push_node(n, EdgeKind::Thread, site.offset);
            }
            return;
        }
        // AsyncTask.execute on an app task.
        if name == "execute" || name == "executeOnExecutor" {
            let task = [receiver_type, class]
                .into_iter()
                .find(|&c| c != NONE && h.is_defined(c) && h.is_subtype(c, known.async_task));
            if let Some(task) = task {
                for n in h.methods_named(task, ASYNC_TASK_METHODS) {
                    self.push_node(n, EdgeKind::Async, site.offset);
                }
                return;
            }
        }
        // A call that lands in app code: its own edges cover it.
        if h.resolve_up(class, sub).is_some() {
            return;
        }
        let skip = usize::from(has_receiver);
        let mut args: Vec<ClassId> = site
            .args
            .iter()
            .skip(skip)
            .map(|r| self.regs.get(r))
            .filter(|&t| t != NONE && h.is_defined(t))
            .collect();
        if args.is_empty() {
            return;
        }
        args.dedup();
        if ASYNC_METHODS.contains(&name) || class == known.timer {
            for t in args {
                if [known.runnable, known.callable, known.timer_task]
                    .iter()
                    .any(|&a| h.is_subtype(t, a))
                {
                    for n in h.methods_named(t, &["run", "call"]) {
                        self.push_node(n, EdgeKind::Async, site.offset);
                    }
                }
            }
            return;
        }
        // Registering an app object with the framework: the framework may call any
        // instance method of it (approximation: the class's own non-constructor,
        // non-static methods).
        if REGISTER_PREFIXES.iter().any(|p| name.starts_with(p)) {
            for t in args {
                if !h.has_external_supertype(t) {
                    continue;
                }
                let Some(info) = h.class(t) else { continue };
                for &(s, n) in &info.methods {
                    let is_static_method = self
                        .cx
                        .graph
                        .node_weight(n)
                        .and_then(|w| w.def)
                        .is_some_and(|d| is_static(d.access));
                    if !h.sub(s).starts_with('<') && !is_static_method {
                        self.push_node(n, EdgeKind::Callback, site.offset);
                    }
                }
            }
        }
    }
}

/// Opcodes whose first register operand is written with something other than a known
/// object: every instruction with a vA except those that only read it.
fn writes_first_register(op: Opcode) -> bool {
    let reads_only = matches!(
        op.0,
        0x0f..=0x11 // return, return-wide, return-object
        | 0x1d | 0x1e // monitor-enter/exit
        | 0x1f // check-cast keeps the object
        | 0x26 | 0x27 // fill-array-data, throw
        | 0x4b..=0x51 // aput*
        | 0x59..=0x5f // iput*
        | 0x67..=0x6d // sput*
    );
    !reads_only
}
