//! The app's code as the analysis sees it: every method with code, the class hierarchy (for
//! catalogue lookups), what each method reference is (source, sink, propagator; cached per
//! dex and method reference), and — from the project's [`CallGraph`] — the app methods each
//! call site may run and reachability from Android's entry points.
//!
//! The call graph supplies the edges (CHA for virtual and interface calls, the implicit
//! `Thread.start`, executor, handler and listener-registration edges, the components'
//! lifecycle methods as entries). The one rule added here is when a static initialiser
//! runs: the call graph starts every `<clinit>` from its root, which would make all of a
//! big app's class initialisers (and what they call) reachable; here a `<clinit>` runs when
//! its class is used (a method of it runs, it is instantiated, or a static field is read or
//! written).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

use petgraph::graph::NodeIndex;

use super::catalog::{ApiCatalog, Flow};
use super::channels::{self, Channel};
use super::entry::EntryModel;
use crate::callgraph::{CallGraph, EdgeKind};
use crate::dex::insn::{Opcode, Operands};
use crate::dex::{DexFile, Multidex, invoke_site};
use crate::manifest::Manifest;

/// Index of a method in [`Program::methods`].
pub type MethodId = u32;

/// Channel key shared by the whole app (a call through a framework type).
pub const GLOBAL_CHANNEL: &[u8] = b"<framework>";

/// Longest superclass chain followed.
const MAX_CHAIN: usize = 64;

/// A method with code, defined by the app (its own code, SDKs or bundled libraries).
#[derive(Debug, Clone)]
pub struct MethodInfo<'a> {
    /// Index into [`Multidex::dexes`].
    pub dex: usize,
    /// `method_ids` index in that dex.
    pub method_idx: u32,
    /// Offset of the code item.
    pub code_off: u32,
    /// Access flags.
    pub access: u32,
    /// Declaring class (descriptor bytes).
    pub class: &'a [u8],
    /// Name bytes.
    pub name: &'a [u8],
}

/// An app class.
#[derive(Debug, Clone)]
struct ClassInfo<'a> {
    superclass: Option<&'a [u8]>,
    interfaces: Vec<&'a [u8]>,
    /// Names of the fields the class declares (static and instance).
    fields: Vec<&'a [u8]>,
}

/// What a method reference is, computed once per dex and `method_ids` index. Which app
/// methods a call runs is per call site: [`Program::targets`].
#[derive(Debug, Clone, Default)]
pub struct Callee {
    /// Catalogue sources the call may be (conditions checked at the site).
    pub sources: Vec<usize>,
    /// Catalogue sink.
    pub sink: Option<usize>,
    /// Library propagation.
    pub propagator: Option<Flow>,
    /// Returns a connection stream (`URLConnection.getOutputStream`).
    pub stream_producer: bool,
    /// `Uri.parse`.
    pub uri_parse: bool,
    /// Returns the receiver's own type (builders: `StringBuilder.append`), so the result
    /// aliases the receiver.
    pub returns_self: bool,
    /// The receiver's class is a known list (elements by index) or map (values by key).
    pub list_op: Option<ListOp>,
    /// The call hands its arguments to a framework channel (`AsyncTask.execute`): the
    /// channel's pseudo-field id.
    pub channel: Option<u32>,
    /// `findViewById(int)`: the view it returns is looked up by a resource id.
    pub view_lookup: bool,
    /// `Intent.<init>(.., Class)` / `setClass`: names the intent's target class.
    pub intent_target: bool,
}

/// Index-sensitive list operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListOp {
    /// `add(x)`: append.
    Append,
    /// `get(i)`.
    Get,
    /// `Map.put(k, v)`.
    Put,
    /// `Map.get(k)`.
    GetKey,
}

/// What a field reference is.
#[derive(Debug, Clone, Default)]
pub struct FieldRef {
    /// Global field id (class and name), shared by all dexes.
    pub id: u32,
    /// The field's class is defined by the app.
    pub app_class: bool,
    /// A catalogue source (`Build.SERIAL`).
    pub source: Option<usize>,
    /// A content URI constant.
    pub uri: Option<usize>,
}

/// How the analysis reached a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// An entry point (component lifecycle, Application, static initialiser).
    Entry,
    /// Called from `caller` at `offset`.
    Call {
        /// Caller.
        caller: MethodId,
        /// Call site offset in code units.
        offset: u32,
    },
    /// A callback of a class allocated in `caller` at `offset` (listener, Runnable).
    Callback {
        /// Allocating method.
        caller: MethodId,
        /// Allocation offset.
        offset: u32,
    },
}

/// One successor of a method during the reachability walk.
struct Succ<'a> {
    to: MethodId,
    how: Reached,
    /// Follow only once this class is instantiated (a CHA override target).
    needs: Option<&'a [u8]>,
    /// A constructor call whose object never runs as a callback (see
    /// [`Program::compute_reachability`]): it does not start the class's callbacks.
    quiet: bool,
}

/// State of the reachability walk.
struct Walk<'a> {
    reached: Vec<Option<Reached>>,
    /// Callers of each method, sorted.
    callers: Vec<Vec<MethodId>>,
    instantiated: HashSet<&'a [u8]>,
    /// Override edges waiting for their class to be instantiated.
    pending: HashMap<&'a [u8], Vec<(MethodId, MethodId, Reached)>>,
    /// Methods reached for the first time in this level.
    next: Vec<MethodId>,
    /// Instance methods of each app class that is a framework callback object, started
    /// when the class is instantiated (see [`super::entry`]).
    callbacks: HashMap<&'a [u8], Vec<MethodId>>,
}

impl<'a> Walk<'a> {
    /// Follow an edge (`caller` `None` for an entry); a newly reached constructor makes its
    /// class instantiated, which releases the override edges waiting for it.
    fn accept(
        &mut self,
        program: &Program<'a>,
        caller: Option<MethodId>,
        to: MethodId,
        how: Reached,
        quiet: bool,
    ) {
        let mut work = vec![(caller, to, how, quiet)];
        while let Some((caller, to, how, quiet)) = work.pop() {
            if let Some(c) = caller
                && let Some(set) = self.callers.get_mut(to as usize)
                && let Err(i) = set.binary_search(&c)
            {
                set.insert(i, c);
            }
            let Some(slot) = self.reached.get_mut(to as usize) else {
                continue;
            };
            let first = slot.is_none();
            if first {
                *slot = Some(how);
                self.next.push(to);
            }
            let Some(info) = program.methods.get(to as usize) else {
                continue;
            };
            if info.name != b"<init>" {
                continue;
            }
            if first && self.instantiated.insert(info.class) {
                for (c, t, h) in self.pending.remove(info.class).unwrap_or_default() {
                    work.push((Some(c), t, h, false));
                }
            }
            // A callback object now exists: the framework may call its methods (unless
            // this construction never runs as a callback; a later one may).
            if !quiet {
                for t in self.callbacks.remove(info.class).unwrap_or_default() {
                    let how = Reached::Callback {
                        caller: to,
                        offset: 0,
                    };
                    work.push((Some(to), t, how, false));
                }
            }
        }
    }
}

/// Global field ids by (class, name) descriptor bytes.
type FieldIds<'a> = HashMap<(&'a [u8], &'a [u8]), u32>;

/// The app's code, resolved.
pub struct Program<'a> {
    /// The dex files.
    pub multidex: &'a Multidex<'a>,
    /// Every method with code.
    pub methods: Vec<MethodInfo<'a>>,
    classes: HashMap<&'a [u8], ClassInfo<'a>>,
    /// Static initialiser of each class (`<clinit>` is always `()V`).
    clinits: HashMap<&'a [u8], MethodId>,
    /// Constructors of each class (for classes instantiated by reflection).
    ctors: HashMap<&'a [u8], Vec<MethodId>>,
    /// The project's call graph.
    graph: &'a CallGraph,
    /// Call-graph node of each method (`None`: the graph does not know this definition).
    node_of: Vec<Option<NodeIndex>>,
    /// Method of each call-graph node (by node index).
    method_of: Vec<Option<MethodId>>,
    /// Per method: (call offset, app method) for every invoke edge, sorted (lazily).
    site_targets: Vec<OnceLock<Vec<(u32, MethodId)>>>,
    /// Boxed: most references are never resolved, and an empty cell is then 16 bytes.
    callees: Vec<Vec<OnceLock<Box<Callee>>>>,
    fields: Vec<Vec<OnceLock<Box<FieldRef>>>>,
    field_ids: Mutex<FieldIds<'a>>,
    /// How each method was first reached (`None`: unreachable).
    pub reached: Vec<Option<Reached>>,
    /// Callers of each reachable method (for the solver's worklist).
    pub callers: Vec<Vec<MethodId>>,
    /// View ids of the layouts' password fields (from the entry model).
    pub password_views: BTreeSet<u32>,
    /// Class descriptors of the manifest's components (`None`: no manifest).
    pub components: Option<HashSet<Vec<u8>>>,
    catalog: &'a ApiCatalog,
}

impl<'a> Program<'a> {
    /// Index the app's methods and classes and tie them to the call graph's nodes.
    pub fn new(
        multidex: &'a Multidex<'a>,
        catalog: &'a ApiCatalog,
        graph: &'a CallGraph,
    ) -> Program<'a> {
        let per_dex: Vec<_> = multidex
            .dexes
            .par_iter()
            .enumerate()
            .map(|(d, entry)| index_dex(d, &entry.file))
            .collect();
        let mut methods = Vec::new();
        let mut classes = HashMap::new();
        let mut clinits = HashMap::new();
        let mut ctors: HashMap<&'a [u8], Vec<MethodId>> = HashMap::new();
        for (dex_classes, dex_methods) in per_dex {
            for ((desc, superclass, interfaces, fields), ms) in
                dex_classes.into_iter().zip(dex_methods)
            {
                // As on the device, the first definition of a class wins.
                if classes.contains_key(desc) {
                    continue;
                }
                for info in ms {
                    if info.name == b"<clinit>" {
                        clinits.insert(info.class, methods.len() as MethodId);
                    }
                    if info.name == b"<init>" {
                        ctors
                            .entry(info.class)
                            .or_default()
                            .push(methods.len() as MethodId);
                    }
                    methods.push(info);
                }
                classes.insert(
                    desc,
                    ClassInfo {
                        superclass,
                        interfaces,
                        fields,
                    },
                );
            }
        }
        let (node_of, method_of) = link_nodes(&methods, multidex, graph);
        let callees = multidex
            .dexes
            .iter()
            .map(|e| {
                (0..e.file.method_count())
                    .map(|_| OnceLock::new())
                    .collect()
            })
            .collect();
        let fields = multidex
            .dexes
            .iter()
            .map(|e| (0..e.file.field_count()).map(|_| OnceLock::new()).collect())
            .collect();
        let n = methods.len();
        Program {
            multidex,
            methods,
            classes,
            clinits,
            ctors,
            graph,
            node_of,
            method_of,
            site_targets: (0..n).map(|_| OnceLock::new()).collect(),
            callees,
            fields,
            field_ids: Mutex::new(HashMap::new()),
            reached: vec![None; n],
            callers: vec![Vec::new(); n],
            password_views: BTreeSet::new(),
            components: None,
            catalog,
        }
    }

    /// Record the manifest's components (for [`Program::is_component`]).
    pub fn set_components(&mut self, manifest: Option<&Manifest>) {
        self.components = manifest.map(|m| {
            m.components
                .iter()
                .map(|c| format!("L{};", c.name.replace('.', "/")).into_bytes())
                .collect()
        });
    }

    /// True when class `desc` is a component of the manifest (or there is no manifest).
    pub fn is_component(&self, desc: &[u8]) -> bool {
        self.components.as_ref().is_none_or(|c| c.contains(desc))
    }

    /// The dex file of method `m`.
    pub fn dex(&self, m: MethodId) -> Option<&DexFile<'a>> {
        let info = self.methods.get(m as usize)?;
        self.multidex.dexes.get(info.dex).map(|e| &e.file)
    }

    /// `Lcls;->name(proto)ret` of method `m`.
    pub fn signature(&self, m: MethodId) -> String {
        self.methods
            .get(m as usize)
            .and_then(|info| {
                let dex = self.multidex.dexes.get(info.dex)?;
                dex.file.method_signature(info.method_idx).ok()
            })
            .unwrap_or_else(|| format!("<method {m}>"))
    }

    /// True when the app defines class `desc`.
    pub fn is_app_class(&self, desc: &[u8]) -> bool {
        self.classes.contains_key(desc)
    }

    /// True when app class `desc` has `external` (a framework type) among its supertypes.
    pub fn extends_external(&self, desc: &[u8], external: &[u8]) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![desc];
        while let Some(c) = stack.pop() {
            if c == external {
                return true;
            }
            if !seen.insert(c) || seen.len() > 256 {
                continue;
            }
            if let Some(info) = self.classes.get(c) {
                stack.extend(info.superclass.iter().copied());
                stack.extend(info.interfaces.iter().copied());
            }
        }
        false
    }

    /// The first supertype of app class `desc` (walking superclasses) that the app does
    /// not define.
    fn external_super(&self, desc: &[u8]) -> Option<&'a [u8]> {
        let mut cur = self.classes.get(desc)?.superclass?;
        for _ in 0..MAX_CHAIN {
            match self.classes.get(cur) {
                Some(info) => cur = info.superclass?,
                None => return Some(cur),
            }
        }
        None
    }

    /// What method reference `idx` of dex `dex` resolves to (cached).
    pub fn callee(&self, dex: usize, idx: u32) -> Option<&Callee> {
        let cell = self.callees.get(dex)?.get(idx as usize)?;
        Some(cell.get_or_init(|| Box::new(self.resolve(dex, idx).unwrap_or_default())))
    }

    fn resolve(&self, dex: usize, idx: u32) -> Option<Callee> {
        let file = &self.multidex.dexes.get(dex)?.file;
        let mid = file.method_id(idx).ok()?;
        let class_bytes = file.type_descriptor_bytes(u32::from(mid.class_idx)).ok()?;
        let proto = file.proto_descriptor(u32::from(mid.proto_idx)).ok()?;
        let class = file.type_descriptor(u32::from(mid.class_idx)).ok()?;
        let name = file.string(mid.name_idx).ok()?;
        let mut callee = Callee::default();
        // Catalogue lookups under the referenced class, else the first framework class
        // above an app class (`MainActivity.sendBroadcast` is `Context.sendBroadcast`).
        let mut api_classes = vec![class.to_string()];
        // Methods on an array type (`[B->clone()`) are `Object`'s.
        if class.starts_with('[') {
            api_classes.push("Ljava/lang/Object;".to_string());
        }
        if let Some(ext) = self.external_super(class_bytes) {
            api_classes.push(String::from_utf8_lossy(ext).into_owned());
        }
        let cat = self.catalog;
        for c in &api_classes {
            if callee.sources.is_empty() {
                callee.sources = cat.method_source_indices(c, &name).to_vec();
            }
            callee.sink = callee.sink.or_else(|| cat.sink_index(c, &name));
            callee.propagator = callee.propagator.or_else(|| cat.propagator(c, &name));
            callee.stream_producer |= cat.is_stream_producer(c, &name);
        }
        callee.uri_parse = class == "Landroid/net/Uri;" && name == "parse";
        callee.view_lookup = name == "findViewById" && proto.starts_with("(I)");
        callee.intent_target = class == "Landroid/content/Intent;"
            && matches!(&*name, "<init>" | "setClass")
            && proto.contains("Ljava/lang/Class;");
        let extends = |x: &[u8]| class_bytes == x || self.extends_external(class_bytes, x);
        callee.channel = channels::written_by_call(&name, &extends).map(|c| {
            // Keyed by the app class the call names (the task, the handler), else shared
            // by the app.
            let key = if self.classes.contains_key(class_bytes) {
                class_bytes
            } else {
                GLOBAL_CHANNEL
            };
            self.channel(c, key)
        });
        callee.returns_self = proto.ends_with(&format!("){class}"));
        if is_list_class(&class) {
            let params = file
                .proto_parameters(u32::from(mid.proto_idx))
                .map(|p| p.len())
                .unwrap_or(0);
            callee.list_op = match (&*name, params) {
                ("add", 1) => Some(ListOp::Append),
                ("get", 1) => Some(ListOp::Get),
                _ => None,
            };
        } else if is_map_class(&class) {
            let params = file
                .proto_parameters(u32::from(mid.proto_idx))
                .map(|p| p.len())
                .unwrap_or(0);
            callee.list_op = match (&*name, params) {
                ("put", 2) => Some(ListOp::Put),
                ("get", 1) => Some(ListOp::GetKey),
                _ => None,
            };
        }
        Some(callee)
    }

    /// The pseudo-field of framework channel `c` keyed by app class `key` (or
    /// [`GLOBAL_CHANNEL`]); see [`super::channels`].
    pub fn channel(&self, c: Channel, key: &'a [u8]) -> u32 {
        let Ok(mut ids) = self.field_ids.lock() else {
            return u32::MAX;
        };
        let next = ids.len() as u32;
        *ids.entry((key, c.name())).or_insert(next)
    }

    /// The channel pseudo-fields a method of app class `class` reads: keyed by the class,
    /// its app superclasses, and the app-wide one.
    pub fn channel_readers(&self, c: Channel, class: &'a [u8]) -> Vec<u32> {
        let mut out = vec![self.channel(c, GLOBAL_CHANNEL)];
        let mut cur = Some(class);
        for _ in 0..MAX_CHAIN {
            let Some(k) = cur else { break };
            out.push(self.channel(c, k));
            cur = self.classes.get(k).and_then(|i| i.superclass);
        }
        out
    }

    /// The app class at or above `class` that declares field `name` (`class` itself when
    /// none does, or it is not an app class).
    fn declaring_class(&self, class: &'a [u8], name: &[u8]) -> &'a [u8] {
        let mut cur = class;
        for _ in 0..MAX_CHAIN {
            let Some(info) = self.classes.get(cur) else {
                return class;
            };
            if info.fields.contains(&name) {
                return cur;
            }
            match info.superclass {
                Some(s) => cur = s,
                None => return class,
            }
        }
        class
    }

    /// What field reference `idx` of dex `dex` is (cached).
    pub fn field(&self, dex: usize, idx: u32) -> Option<&FieldRef> {
        let cell = self.fields.get(dex)?.get(idx as usize)?;
        Some(cell.get_or_init(|| Box::new(self.resolve_field(dex, idx).unwrap_or_default())))
    }

    fn resolve_field(&self, dex: usize, idx: u32) -> Option<FieldRef> {
        let file = &self.multidex.dexes.get(dex)?.file;
        let fid = file.field_id(idx).ok()?;
        let class_bytes = file.type_descriptor_bytes(u32::from(fid.class_idx)).ok()?;
        let name_bytes = file.string_bytes(fid.name_idx).ok()?;
        // A reference names the class it was accessed through (`MainActivity.imei` for a
        // field `GeneralActivity` declares): the field is the nearest declaration above.
        let declaring = self.declaring_class(class_bytes, name_bytes);
        let id = {
            let mut ids = self.field_ids.lock().ok()?;
            let next = ids.len() as u32;
            *ids.entry((declaring, name_bytes)).or_insert(next)
        };
        let app_class = self.classes.contains_key(class_bytes);
        let (mut source, mut uri) = (None, None);
        if !app_class {
            let class = file.type_descriptor(u32::from(fid.class_idx)).ok()?;
            let name = file.string(fid.name_idx).ok()?;
            source = self.catalog.field_source_index(&class, &name);
            uri = self.catalog.uri_field_index(&format!("{class}->{name}"));
        }
        Some(FieldRef {
            id,
            app_class,
            source,
            uri,
        })
    }

    fn clinit(&self, class: &'a [u8]) -> Option<MethodId> {
        self.clinits.get(class).copied()
    }

    /// Entry points: the methods the call graph's `<android>` root starts (lifecycle methods
    /// of the manifest's components and the Application, with their app superclasses'),
    /// or every method when there is no manifest. The root's `<clinit>` edges are left out
    /// (see the module doc).
    pub fn entries(&self, manifest: Option<&Manifest>) -> Vec<MethodId> {
        if manifest.is_none() {
            return (0..self.methods.len() as MethodId).collect();
        }
        let mut out: Vec<MethodId> = self
            .graph
            .outgoing(self.graph.root)
            .filter(|(_, e)| e.kind != EdgeKind::StaticInit)
            .filter_map(|(t, _)| self.method_of_node(t))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Layout click handlers (`android:onClick` names of the entry model) defined by the
    /// manifest's enabled activities or their app superclasses: `name(View)` methods.
    pub fn click_entries(&self, manifest: Option<&Manifest>, model: &EntryModel) -> Vec<MethodId> {
        let Some(manifest) = manifest else {
            return Vec::new();
        };
        if model.click_handlers.is_empty() {
            return Vec::new();
        }
        let mut classes: HashSet<Vec<u8>> = HashSet::new();
        for c in manifest.components.iter().filter(|c| c.enabled) {
            let mut cur: Option<Vec<u8>> =
                Some(format!("L{};", c.name.replace('.', "/")).into_bytes());
            for _ in 0..MAX_CHAIN {
                let Some(desc) = cur.take() else { break };
                cur = self
                    .classes
                    .get(desc.as_slice())
                    .and_then(|i| i.superclass)
                    .map(<[u8]>::to_vec);
                classes.insert(desc);
            }
        }
        let mut out = Vec::new();
        for (i, m) in self.methods.iter().enumerate() {
            if !classes.contains(m.class)
                || m.access & crate::dex::access::STATIC != 0
                || !std::str::from_utf8(m.name).is_ok_and(|n| model.click_handlers.contains(n))
            {
                continue;
            }
            let takes_view = self.dex(i as MethodId).is_some_and(|f| {
                f.method_id(m.method_idx)
                    .ok()
                    .and_then(|mid| f.proto_descriptor(u32::from(mid.proto_idx)).ok())
                    .is_some_and(|p| p.starts_with("(Landroid/view/View;)"))
            });
            if takes_view {
                out.push(i as MethodId);
            }
        }
        out
    }

    /// Per app class that extends or implements a framework callback type: its own
    /// instance methods (not constructors) and those it inherits from app superclasses.
    fn callback_methods(&self, model: &EntryModel) -> HashMap<&'a [u8], Vec<MethodId>> {
        let mut by_class: HashMap<&'a [u8], Vec<MethodId>> = HashMap::new();
        if model.callbacks.is_empty() {
            return by_class;
        }
        for (i, m) in self.methods.iter().enumerate() {
            if m.access & crate::dex::access::STATIC == 0 && !m.name.starts_with(b"<") {
                by_class.entry(m.class).or_default().push(i as MethodId);
            }
        }
        let mut out = HashMap::new();
        for &class in self.classes.keys() {
            if !self.is_callback_class(class, model) {
                continue;
            }
            let mut ms = Vec::new();
            let mut cur = Some(class);
            for _ in 0..MAX_CHAIN {
                let Some(c) = cur else { break };
                ms.extend(by_class.get(c).into_iter().flatten().copied());
                cur = self.classes.get(c).and_then(|i| i.superclass);
            }
            if !ms.is_empty() {
                out.insert(class, ms);
            }
        }
        out
    }

    /// True when app class `class` has a framework callback type among its supertypes.
    fn is_callback_class(&self, class: &[u8], model: &EntryModel) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![class];
        while let Some(c) = stack.pop() {
            if model.callbacks.contains(c) {
                return true;
            }
            if !seen.insert(c) || seen.len() > 256 {
                continue;
            }
            if let Some(info) = self.classes.get(c) {
                stack.extend(info.superclass.iter().copied());
                stack.extend(info.interfaces.iter().copied());
            }
        }
        false
    }

    fn method_of_node(&self, n: NodeIndex) -> Option<MethodId> {
        self.method_of.get(n.index()).copied().flatten()
    }

    /// The app methods the call at `offset` in method `m` may run (the call graph's direct,
    /// static, super, virtual and interface edges: CHA over the app's classes). Implicit
    /// edges (threads, callbacks) are not calls with arguments and are not listed.
    pub fn targets(&self, m: MethodId, offset: u32) -> &[(u32, MethodId)] {
        let Some(cell) = self.site_targets.get(m as usize) else {
            return &[];
        };
        let all = cell.get_or_init(|| {
            let Some(node) = self.node_of.get(m as usize).copied().flatten() else {
                return Vec::new();
            };
            let mut v: Vec<(u32, MethodId)> = self
                .graph
                .outgoing(node)
                .filter(|(_, e)| is_invoke_edge(e.kind))
                .filter_map(|(t, e)| Some((e.offset, self.method_of_node(t)?)))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        let lo = all.partition_point(|(o, _)| *o < offset);
        let hi = all.partition_point(|(o, _)| *o <= offset);
        all.get(lo..hi).unwrap_or(&[])
    }

    /// Walk from the entry points, level by level (in parallel within a level), so the
    /// first way a method is reached is a shortest one.
    ///
    /// Virtual and interface calls follow the call graph's CHA targets in subtypes of the
    /// referenced class only once that subtype is instantiated in reached code (rapid type
    /// analysis: a class counts as instantiated when one of its constructors is reached,
    /// which covers the framework creating components). Without it a call on
    /// `Runnable.run` or `Object.toString` would reach every app override.
    ///
    /// Instance methods of app classes that are framework callback objects (the entry
    /// model's callback types) become reachable once their class is instantiated.
    pub fn compute_reachability(&mut self, entries: &[MethodId], model: &EntryModel) {
        let mut walk = Walk {
            reached: vec![None; self.methods.len()],
            callers: vec![Vec::new(); self.methods.len()],
            instantiated: HashSet::new(),
            pending: HashMap::new(),
            next: Vec::new(),
            callbacks: self.callback_methods(model),
        };
        for &e in entries {
            walk.accept(self, None, e, Reached::Entry, false);
        }
        let mut frontier = std::mem::take(&mut walk.next);
        while !frontier.is_empty() {
            let found: Vec<(MethodId, Vec<Succ<'a>>)> = frontier
                .par_iter()
                .map(|&m| (m, self.successors(m)))
                .collect();
            for (caller, succs) in found {
                for Succ {
                    to,
                    how,
                    needs,
                    quiet,
                } in succs
                {
                    match needs {
                        Some(class) if !walk.instantiated.contains(class) => {
                            walk.pending
                                .entry(class)
                                .or_default()
                                .push((caller, to, how));
                        }
                        _ => walk.accept(self, Some(caller), to, how, quiet),
                    }
                }
            }
            let mut next = std::mem::take(&mut walk.next);
            next.sort_unstable();
            next.dedup();
            frontier = next;
        }
        self.reached = walk.reached;
        self.callers = walk.callers;
    }

    /// The methods `m` may transfer control to, with how: the call graph's edges, plus the
    /// static initialisers of the classes `m` uses.
    fn successors(&self, m: MethodId) -> Vec<Succ<'a>> {
        let mut out = Vec::new();
        let Some(info) = self.methods.get(m as usize) else {
            return out;
        };
        let push = |out: &mut Vec<Succ<'a>>, to, how| {
            out.push(Succ {
                to,
                how,
                needs: None,
                quiet: false,
            })
        };
        // The class's own static initialiser runs before any of its methods.
        if let Some(c) = self.clinit(info.class) {
            push(&mut out, c, Reached::Entry);
        }
        let Some(file) = self.dex(m) else { return out };
        let Ok(Some(code)) = file.code_item(info.code_off) else {
            return out;
        };
        // Classes referenced by this method's invokes, by offset (for the RTA filter), and
        // classes initialised by instantiation or static field access (the call graph has
        // no edge for those).
        let mut invoked: Vec<(u32, &'a [u8])> = Vec::new();
        // Listener registrations: (setter method index, class of a fresh object or `None`
        // for null), in code order, to find listeners set and then set to null.
        let mut defs: HashMap<u16, Option<&'a [u8]>> = HashMap::new();
        let mut sets: Vec<(u32, Option<&'a [u8]>)> = Vec::new();
        for insn in code.instructions() {
            let Ok(insn) = insn else { break };
            match (insn.opcode.0, insn.operands) {
                (0x12..=0x19, Operands::Literal { a, value: 0 }) => {
                    defs.insert(a, None);
                }
                (0x22, Operands::Index { a, index }) => {
                    if let Ok(d) = file.type_descriptor_bytes(index) {
                        defs.insert(a, Some(d));
                    }
                }
                (_, Operands::Literal { a, .. })
                | (_, Operands::A { a })
                | (_, Operands::AB { a, .. })
                | (_, Operands::ABC { a, .. })
                | (_, Operands::Index { a, .. })
                | (_, Operands::IndexAB { a, .. }) => {
                    defs.remove(&a);
                }
                _ => {}
            }
            if let Some(site) = invoke_site(&insn) {
                let is_setter = file
                    .method_id(site.target)
                    .ok()
                    .and_then(|mid| file.string_bytes(mid.name_idx).ok())
                    .is_some_and(|n| n.starts_with(b"set") && n.ends_with(b"Listener"));
                if is_setter
                    && let Some(last) = site.args.iter().last()
                    && let Some(&d) = u16::try_from(last).ok().and_then(|r| defs.get(&r))
                {
                    sets.push((site.target, d));
                }
            }
            if let Some(site) = invoke_site(&insn) {
                let class = file
                    .method_id(site.target)
                    .ok()
                    .and_then(|mid| file.type_descriptor_bytes(u32::from(mid.class_idx)).ok());
                if let Some(class) = class {
                    invoked.push((insn.offset, class));
                }
                continue;
            }
            // Reflection with a constant class name (`Class.forName("a.b.C").newInstance()`):
            // a string naming an app class makes its constructors reachable.
            if matches!(insn.opcode.0, 0x1a | 0x1b)
                && let Operands::Index { index, .. } = insn.operands
                && let Some(ctors) = file
                    .string_bytes(index)
                    .ok()
                    .and_then(|name| self.reflected_ctors(name))
            {
                for &c in ctors {
                    let how = Reached::Call {
                        caller: m,
                        offset: insn.offset,
                    };
                    push(&mut out, c, how);
                }
                continue;
            }
            let class = match (insn.opcode, insn.operands) {
                (Opcode::NEW_INSTANCE, Operands::Index { index, .. }) => {
                    file.type_descriptor_bytes(index).ok()
                }
                (op, Operands::Index { index, .. })
                    if (Opcode::SGET.0..=Opcode::SPUT_SHORT.0).contains(&op.0) =>
                {
                    file.field_id(index)
                        .ok()
                        .and_then(|f| file.type_descriptor_bytes(u32::from(f.class_idx)).ok())
                }
                _ => None,
            };
            if let Some(c) = class.and_then(|c| self.clinit(c)) {
                let how = Reached::Call {
                    caller: m,
                    offset: insn.offset,
                };
                push(&mut out, c, how);
            }
        }
        // Deliberately unsound (as the DroidBench callback rules): a callback object
        // created in `onDestroy` never runs (the component is going away), and one handed
        // to a `set*Listener` setter that the same method later calls with null is
        // unregistered before the framework can call it.
        let in_on_destroy = info.name == b"onDestroy";
        let nulled: Vec<&'a [u8]> = sets
            .iter()
            .enumerate()
            .filter_map(|(i, &(target, d))| {
                let d = d?;
                sets.iter()
                    .skip(i + 1)
                    .any(|&(t, n)| t == target && n.is_none())
                    .then_some(d)
            })
            .collect();
        let Some(node) = self.node_of.get(m as usize).copied().flatten() else {
            return out;
        };
        for (target, e) in self.graph.outgoing(node) {
            let Some(t) = self.method_of_node(target) else {
                continue;
            };
            let Some(ti) = self.methods.get(t as usize) else {
                continue;
            };
            let offset = e.offset;
            let kind = e.kind;
            // The graph's registration edges (listener → its methods) for such objects.
            if !is_invoke_edge(kind) && (in_on_destroy || nulled.contains(&ti.class)) {
                continue;
            }
            let how = if is_invoke_edge(kind) {
                Reached::Call { caller: m, offset }
            } else {
                Reached::Callback { caller: m, offset }
            };
            // An override in a subtype of the referenced class runs only for an instance
            // of that subtype.
            let needs = if matches!(kind, EdgeKind::Virtual | EdgeKind::Interface) {
                let at = invoked.partition_point(|(o, _)| *o < offset);
                invoked
                    .get(at)
                    .filter(|(o, _)| *o == offset)
                    .filter(|(_, r)| !self.is_self_or_ancestor(ti.class, r))
                    .map(|_| ti.class)
            } else {
                None
            };
            let quiet = ti.name == b"<init>" && (in_on_destroy || nulled.contains(&ti.class));
            out.push(Succ {
                to: t,
                how,
                needs,
                quiet,
            });
            if let Some(ci) = self.clinit(ti.class) {
                push(&mut out, ci, how);
            }
        }
        out
    }

    /// Constructors of the app class a Java class name (`a.b.C`, `a.b.C$D`) names.
    fn reflected_ctors(&self, name: &[u8]) -> Option<&Vec<MethodId>> {
        if name.len() < 3
            || name.len() > 512
            || !name.contains(&b'.')
            || name
                .iter()
                .any(|&b| b == b'/' || b == b';' || b.is_ascii_whitespace())
        {
            return None;
        }
        let mut desc = Vec::with_capacity(name.len() + 2);
        desc.push(b'L');
        desc.extend(name.iter().map(|&b| if b == b'.' { b'/' } else { b }));
        desc.push(b';');
        self.ctors.get(desc.as_slice())
    }

    /// True when app classes `a` and `b` are the same or one extends the other (a call on
    /// a `b` may run a method `a` defines); true when `b` is not an app class.
    pub fn related(&self, a: &[u8], b: &[u8]) -> bool {
        if !self.classes.contains_key(b) {
            return true;
        }
        self.is_self_or_ancestor(a, b) || self.is_self_or_ancestor(b, a)
    }

    /// True when app class `class` is `of` or one of its superclasses.
    fn is_self_or_ancestor(&self, class: &[u8], of: &[u8]) -> bool {
        let mut cur = Some(of);
        for _ in 0..MAX_CHAIN {
            let Some(c) = cur else { return false };
            if c == class {
                return true;
            }
            cur = self.classes.get(c).and_then(|i| i.superclass);
        }
        false
    }

    /// The shortest known call path from an entry point to `m` (entry first).
    pub fn path_from_entry(&self, m: MethodId) -> Vec<MethodId> {
        let mut path = vec![m];
        let mut cur = m;
        for _ in 0..64 {
            match self.reached.get(cur as usize).copied().flatten() {
                Some(Reached::Call { caller, .. }) | Some(Reached::Callback { caller, .. })
                    if !path.contains(&caller) =>
                {
                    path.push(caller);
                    cur = caller;
                }
                _ => break,
            }
        }
        path.reverse();
        path
    }

    /// True when `m` is reachable from an entry point.
    pub fn is_reachable(&self, m: MethodId) -> bool {
        self.reached.get(m as usize).is_some_and(|r| r.is_some())
    }
}

/// Edges that are calls with arguments (summaries apply), as opposed to the framework
/// running a method later (threads, executors, listeners, lifecycle, class init).
fn is_invoke_edge(kind: EdgeKind) -> bool {
    matches!(
        kind,
        EdgeKind::Direct
            | EdgeKind::Static
            | EdgeKind::Super
            | EdgeKind::Virtual
            | EdgeKind::Interface
    )
}

/// Tie the analysis's methods to call-graph nodes: by (dex, method index) of the node's
/// definition, else by signature (a class defined in two dex files: the graph keeps one
/// definition, the analysis the first).
fn link_nodes(
    methods: &[MethodInfo<'_>],
    multidex: &Multidex<'_>,
    graph: &CallGraph,
) -> (Vec<Option<NodeIndex>>, Vec<Option<MethodId>>) {
    // Per dex, method index to method (dense: method_ids are numbered from 0).
    let mut by_def: Vec<Vec<Option<MethodId>>> = multidex
        .dexes
        .iter()
        .map(|e| vec![None; e.file.method_count() as usize])
        .collect();
    for (i, m) in methods.iter().enumerate() {
        if let Some(slot) = by_def
            .get_mut(m.dex)
            .and_then(|d| d.get_mut(m.method_idx as usize))
        {
            *slot = Some(i as MethodId);
        }
    }
    let mut node_of = vec![None; methods.len()];
    let mut method_of = vec![None; graph.graph.node_count()];
    for n in graph.graph.node_indices() {
        let Some(def) = graph.graph[n].def else {
            continue;
        };
        if let Some(m) = by_def
            .get(def.dex as usize)
            .and_then(|d| d.get(def.method_idx as usize))
            .copied()
            .flatten()
        {
            if let Some(slot) = node_of.get_mut(m as usize) {
                *slot = Some(n);
            }
            if let Some(slot) = method_of.get_mut(n.index()) {
                *slot = Some(m);
            }
        }
    }
    for (i, (info, slot)) in methods.iter().zip(node_of.iter_mut()).enumerate() {
        if slot.is_some() {
            continue;
        }
        let sig = multidex
            .dexes
            .get(info.dex)
            .and_then(|d| d.file.method_signature(info.method_idx).ok());
        *slot = sig.and_then(|s| graph.node(&s));
        if let Some(back) = slot.and_then(|n| method_of.get_mut(n.index()))
            && back.is_none()
        {
            *back = Some(i as MethodId);
        }
    }
    (node_of, method_of)
}

fn is_list_class(class: &str) -> bool {
    matches!(
        class,
        "Ljava/util/List;"
            | "Ljava/util/ArrayList;"
            | "Ljava/util/LinkedList;"
            | "Ljava/util/Vector;"
            | "Ljava/util/concurrent/CopyOnWriteArrayList;"
    )
}

fn is_map_class(class: &str) -> bool {
    matches!(
        class,
        "Ljava/util/Map;"
            | "Ljava/util/HashMap;"
            | "Ljava/util/LinkedHashMap;"
            | "Ljava/util/TreeMap;"
            | "Ljava/util/Hashtable;"
            | "Ljava/util/concurrent/ConcurrentHashMap;"
    )
}

type ClassRow<'a> = (&'a [u8], Option<&'a [u8]>, Vec<&'a [u8]>, Vec<&'a [u8]>);
type MethodRow<'a> = Vec<MethodInfo<'a>>;

/// Classes and methods of one dex; broken items are skipped (the dex module reports them).
fn index_dex<'a>(d: usize, file: &DexFile<'a>) -> (Vec<ClassRow<'a>>, Vec<MethodRow<'a>>) {
    let mut classes = Vec::new();
    let mut methods = Vec::new();
    for def in file.class_defs() {
        let Ok(def) = def else { continue };
        let Ok(desc) = file.type_descriptor_bytes(def.class_idx) else {
            continue;
        };
        let superclass = def
            .superclass_idx
            .and_then(|s| file.type_descriptor_bytes(s).ok());
        let interfaces = file
            .interfaces(&def)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|t| file.type_descriptor_bytes(t).ok())
            .collect();
        let mut ms = Vec::new();
        let mut fields = Vec::new();
        if let Ok(Some(data)) = file.class_data(&def) {
            for f in data.static_fields.iter().chain(data.instance_fields.iter()) {
                if let Ok(name) = file
                    .field_id(f.field_idx)
                    .and_then(|fid| file.string_bytes(fid.name_idx))
                {
                    fields.push(name);
                }
            }
            for m in data
                .direct_methods
                .iter()
                .chain(data.virtual_methods.iter())
            {
                if m.code_off == 0 {
                    continue;
                }
                let Ok(mid) = file.method_id(m.method_idx) else {
                    continue;
                };
                let Ok(name) = file.string_bytes(mid.name_idx) else {
                    continue;
                };
                ms.push(MethodInfo {
                    dex: d,
                    method_idx: m.method_idx,
                    code_off: m.code_off,
                    access: m.access_flags,
                    class: desc,
                    name,
                });
            }
        }
        classes.push((desc, superclass, interfaces, fields));
        methods.push(ms);
    }
    (classes, methods)
}
