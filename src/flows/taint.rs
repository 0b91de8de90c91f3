//! Intra-procedural taint over one method's control-flow graph, with the callees'
//! summaries applied at call sites.
//!
//! Labels: `0..256` stand for the method's own argument positions (symbolic, so one
//! analysis gives a summary valid for every caller), `256..` for source sites
//! ([`super::solver::Origins`]). Values also carry what the precision needs: constants (for
//! array indices, `Settings.Secure.getString(cr, "android_id")`, `Uri.parse("content://..")`),
//! a local allocation site (so aliases share taint and arrays and lists keep their
//! elements apart by constant index), and whether the value is a connection stream (for
//! `receiver_from` sinks).

use std::collections::{HashMap, HashSet};

use super::catalog::{ApiCatalog, Yields};
use super::channels;
use super::program::{ListOp, MethodId, Program};
use crate::dex::insn::{Instruction, Opcode, Operands};
use crate::dex::{CodeItem, DexFile, invoke_site};

/// Labels below this are argument positions.
pub const PARAM_LABELS: u32 = 256;
/// Heap ids of the objects the arguments point to (`PARAM_OBJ + position`); local
/// allocations use their code offset, which stays far below.
const PARAM_OBJ: u32 = 0x8000_0000;
/// Heap id bit of the object a call returns (`offset | RESULT_OBJ`).
const RESULT_OBJ: u32 = 0x2000_0000;
/// Heap id bit of the abstract element object of an object array (`id ^ ELEMENT_OBJ`).
const ELEMENT_OBJ: u32 = 0x4000_0000;
/// Most labels one value carries (beyond it new labels are dropped: bounded, unsound).
const MAX_LABELS: usize = 48;
/// Most tracked elements of an array or list.
const MAX_ELEMS: usize = 64;
/// Most callee summary entries kept per method.
const MAX_SUMMARY: usize = 128;
/// Longest call chain kept in a summary.
pub const MAX_CHAIN: usize = 16;

/// A set of labels, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Taint(Vec<u32>);

impl Taint {
    /// One label.
    pub fn one(l: u32) -> Taint {
        Taint(vec![l])
    }
    /// No label.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The labels.
    pub fn labels(&self) -> &[u32] {
        &self.0
    }
    /// Add a label; true when it was new.
    pub fn insert(&mut self, l: u32) -> bool {
        match self.0.binary_search(&l) {
            Ok(_) => false,
            Err(i) if self.0.len() < MAX_LABELS => {
                self.0.insert(i, l);
                true
            }
            Err(_) => false,
        }
    }
    /// Add every label of `other`; true when something was new.
    pub fn union(&mut self, other: &Taint) -> bool {
        let mut changed = false;
        for &l in &other.0 {
            changed |= self.insert(l);
        }
        changed
    }
    /// Source labels only.
    pub fn origins(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().copied().filter(|&l| l >= PARAM_LABELS)
    }
    /// Argument-position labels only.
    pub fn params(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().copied().filter(|&l| l < PARAM_LABELS)
    }
}

/// Where a sink call is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SinkSite {
    /// Method making the call.
    pub method: MethodId,
    /// Offset of the call, code units.
    pub offset: u32,
    /// Index into the catalogue's sinks.
    pub sink: usize,
}

/// An argument of this method reaches a sink (here or in a callee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSink {
    /// Argument position.
    pub param: u32,
    /// The sink.
    pub site: SinkSite,
    /// Methods from this one down to the sink's method, both included.
    pub chain: Vec<MethodId>,
}

/// What callers need to know about a method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Labels of the returned value.
    pub ret: Taint,
    /// Returns a connection stream.
    pub ret_stream: bool,
    /// Arguments reaching sinks.
    pub param_sinks: Vec<ParamSink>,
    /// Arguments stored in fields: (position, field id).
    pub param_fields: Vec<(u32, u32)>,
    /// Labels the method stores into what argument `position` points to (a helper that
    /// fills a caller's buffer, bundle or array): (position, labels).
    pub param_out: Vec<(u32, Taint)>,
}

impl Summary {
    /// Add what `other` says (summaries only grow, so the fixpoint terminates even where
    /// bounded analyses of recursive methods would disagree from round to round).
    pub fn absorb(&mut self, other: &Summary) -> bool {
        let mut changed = self.ret.union(&other.ret);
        if other.ret_stream && !self.ret_stream {
            self.ret_stream = true;
            changed = true;
        }
        for ps in &other.param_sinks {
            let known = self
                .param_sinks
                .iter()
                .any(|s| s.param == ps.param && s.site == ps.site);
            if !known && self.param_sinks.len() < MAX_SUMMARY {
                self.param_sinks.push(ps.clone());
                changed = true;
            }
        }
        for pf in &other.param_fields {
            if !self.param_fields.contains(pf) && self.param_fields.len() < MAX_SUMMARY {
                self.param_fields.push(*pf);
                changed = true;
            }
        }
        for (p, t) in &other.param_out {
            let full = self.param_out.len() >= MAX_SUMMARY;
            match self.param_out.iter_mut().find(|(q, _)| q == p) {
                Some((_, mine)) => changed |= mine.union(t),
                None if !full => {
                    self.param_out.push((*p, t.clone()));
                    changed = true;
                }
                None => {}
            }
        }
        changed
    }
}

/// How a source label entered a method other than the one that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pred {
    /// Returned by this callee.
    Return(MethodId),
    /// Read from this field.
    Field(u32),
}

/// A source label meets a sink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The source label.
    pub origin: u32,
    /// The sink.
    pub site: SinkSite,
    /// Methods from the one holding the label down to the sink's method.
    pub chain: Vec<MethodId>,
}

/// A source read in a method (created a label).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceRead {
    /// Offset (0 for a callback parameter).
    pub offset: u32,
    /// Index into the catalogue's sources.
    pub source: usize,
    /// Content URI index for `@uri` sources.
    pub uri: Option<usize>,
    /// A callback parameter rather than a call.
    pub callback: bool,
}

/// Everything one analysis of a method produces.
#[derive(Debug, Clone, Default)]
pub struct MethodResult {
    /// For callers.
    pub summary: Summary,
    /// Flows found here.
    pub hits: Vec<Hit>,
    /// Source labels stored into fields.
    pub field_writes: Vec<(u32, Taint)>,
    /// Fields read (for the worklist).
    pub fields_read: Vec<u32>,
    /// How foreign labels got here.
    pub preds: Vec<(u32, Pred)>,
    /// True when the method was over the budget and not analysed.
    pub skipped: bool,
}

/// Read-only context of one analysis round.
pub struct Ctx<'p, 'a> {
    /// The program.
    pub program: &'p Program<'a>,
    /// The catalogue.
    pub catalog: &'p ApiCatalog,
    /// Summaries from the previous round.
    pub summaries: &'p super::solver::Summaries,
    /// Source labels held by fields.
    pub fields: &'p HashMap<u32, Taint>,
    /// Label allocation for source reads.
    pub label: &'p (dyn Fn(MethodId, SourceRead) -> u32 + Sync),
    /// Largest method analysed, in code units.
    pub max_insns: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Val {
    taint: Taint,
    konst: Option<i64>,
    string: Option<u32>,
    obj: Option<u32>,
    stream: bool,
    uri: Option<usize>,
    /// A type the value is known to have (type index of the method's dex): from
    /// `new-instance`, `check-cast` or a callee's declared return type. Virtual calls on
    /// it run only overrides related to it.
    ty: Option<u32>,
    /// The class a `const-class` names (type index of the method's dex).
    class: Option<u32>,
}

impl Val {
    /// Join `o` into `self` (without cloning: this runs for every register at every join).
    fn join(&mut self, o: &Val) -> bool {
        fn meet<T: PartialEq>(a: &mut Option<T>, b: &Option<T>) -> bool {
            if a.is_some() && a != b {
                *a = None;
                true
            } else {
                false
            }
        }
        let mut changed = self.taint.union(&o.taint);
        changed |= meet(&mut self.konst, &o.konst);
        changed |= meet(&mut self.string, &o.string);
        changed |= meet(&mut self.obj, &o.obj);
        changed |= meet(&mut self.uri, &o.uri);
        changed |= meet(&mut self.ty, &o.ty);
        changed |= meet(&mut self.class, &o.class);
        if o.stream && !self.stream {
            self.stream = true;
            changed = true;
        }
        changed
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Obj {
    /// Per constant index (arrays, lists), when the object was created here.
    elems: Option<Vec<Taint>>,
    /// Per constant string key (maps created here; keys are string ids of the method's dex).
    keys: Option<Vec<(u32, Taint)>>,
    /// Everything the object holds.
    all: Taint,
    stream: bool,
    /// App instance fields of an object allocated in this method that nothing else can
    /// see yet (no call got it, no store, no return): written and read here with strong
    /// updates instead of the global field table. `None` once it escapes (its fields
    /// are then flushed to the global table) or for objects from elsewhere.
    fields: Option<Vec<(u32, Taint)>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct State {
    regs: Vec<Val>,
    heap: Vec<(u32, Obj)>,
    /// Local field values of objects that just escaped, to be written to the global
    /// field table by the analysis (drained after every step and join).
    flush: Vec<(u32, Taint)>,
    /// What the exception being thrown carries (`throw new E(imei)`), for the handler's
    /// `move-exception`.
    exc: Taint,
}

impl State {
    fn reg(&self, r: u32) -> Val {
        self.regs.get(r as usize).cloned().unwrap_or_default()
    }
    /// The object register `r` points to (no clone of the value).
    fn obj_of(&self, r: u32) -> Option<u32> {
        self.regs.get(r as usize).and_then(|v| v.obj)
    }
    fn set(&mut self, r: u32, v: Val) {
        if let Some(slot) = self.regs.get_mut(r as usize) {
            *slot = v;
        }
    }
    fn obj(&self, id: u32) -> Option<&Obj> {
        self.heap.iter().find(|(a, _)| *a == id).map(|(_, o)| o)
    }
    fn obj_mut(&mut self, id: u32) -> &mut Obj {
        let i = match self.heap.iter().position(|(a, _)| *a == id) {
            Some(i) => i,
            None => {
                self.heap.push((id, Obj::default()));
                self.heap.len() - 1
            }
        };
        &mut self.heap[i].1
    }
    /// The value's labels plus those of the object it points to.
    fn eff(&self, r: u32) -> Taint {
        let Some(v) = self.regs.get(r as usize) else {
            return Taint::default();
        };
        let mut t = v.taint.clone();
        if let Some(o) = v.obj.and_then(|id| self.obj(id)) {
            t.union(&o.all);
        }
        t
    }
    fn stream(&self, r: u32) -> bool {
        let Some(v) = self.regs.get(r as usize) else {
            return false;
        };
        v.stream || v.obj.and_then(|id| self.obj(id)).is_some_and(|o| o.stream)
    }
    /// The object in register `r` escapes: its local fields go to the global table.
    fn escape(&mut self, r: u32) {
        if let Some(id) = self.obj_of(r) {
            self.escape_obj(id);
        }
    }

    fn escape_obj(&mut self, id: u32) {
        let fields = self
            .heap
            .iter_mut()
            .find(|(a, _)| *a == id)
            .and_then(|(_, o)| o.fields.take());
        if let Some(fs) = fields {
            self.flush.extend(fs);
        }
    }

    /// The local field value of the untracked-yet object in register `r`: `None` when the
    /// global table decides (no local object, or no local write of `field` yet).
    fn local_field(&self, r: u32, field: u32) -> Option<Taint> {
        let o = self.obj(self.obj_of(r)?)?;
        o.fields
            .as_ref()?
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, t)| t.clone())
    }

    /// Store into a local object's field; false when the object is not tracked locally.
    fn set_local_field(&mut self, r: u32, field: u32, t: Taint) -> bool {
        let Some(id) = self.obj_of(r) else {
            return false;
        };
        let Some(fs) = self
            .heap
            .iter_mut()
            .find(|(a, _)| *a == id)
            .and_then(|(_, o)| o.fields.as_mut())
        else {
            return false;
        };
        match fs.iter_mut().find(|(f, _)| *f == field) {
            Some((_, slot)) => *slot = t,
            None => fs.push((field, t)),
        }
        true
    }

    /// Taint what register `r` points to (or the register itself).
    fn taint_target(&mut self, r: u32, t: &Taint) {
        if t.is_empty() {
            return;
        }
        let v = self.reg(r);
        match v.obj {
            Some(id) => {
                let o = self.obj_mut(id);
                o.all.union(t);
                o.elems = None;
                o.keys = None;
            }
            None => {
                if let Some(slot) = self.regs.get_mut(r as usize) {
                    slot.taint.union(t);
                }
            }
        }
    }
    fn join(&mut self, o: &State) -> bool {
        let mut changed = false;
        // A register that points to different objects on the two paths loses track of
        // them: they escape local field tracking.
        let mut lost = Vec::new();
        for (a, b) in self.regs.iter().zip(&o.regs) {
            if a.obj != b.obj {
                // Only objects allocated here track fields locally.
                lost.extend(a.obj.filter(|&id| id < RESULT_OBJ));
                lost.extend(b.obj.filter(|&id| id < RESULT_OBJ));
            }
        }
        for (a, b) in self.regs.iter_mut().zip(&o.regs) {
            changed |= a.join(b);
        }
        changed |= self.exc.union(&o.exc);
        for (id, ob) in &o.heap {
            match self.heap.iter_mut().find(|(a, _)| a == id) {
                Some((_, mine)) => {
                    changed |= mine.all.union(&ob.all);
                    if !mine.stream && ob.stream {
                        mine.stream = true;
                        changed = true;
                    }
                    let merged = match (&mine.elems, &ob.elems) {
                        (Some(x), Some(y)) => {
                            let mut out = x.clone();
                            for (i, t) in y.iter().enumerate() {
                                match out.get_mut(i) {
                                    Some(slot) => {
                                        slot.union(t);
                                    }
                                    None => out.push(t.clone()),
                                }
                            }
                            Some(out)
                        }
                        _ => None,
                    };
                    if merged != mine.elems {
                        mine.elems = merged;
                        changed = true;
                    }
                    let keys = match (&mine.keys, &ob.keys) {
                        (Some(x), Some(y)) => {
                            let mut out = x.clone();
                            for (k, t) in y {
                                match out.iter_mut().find(|(j, _)| j == k) {
                                    Some((_, slot)) => {
                                        slot.union(t);
                                    }
                                    None => out.push((*k, t.clone())),
                                }
                            }
                            Some(out)
                        }
                        _ => None,
                    };
                    if keys != mine.keys {
                        mine.keys = keys;
                        changed = true;
                    }
                    if mine.fields != ob.fields {
                        // Different local field values (or one side escaped): both
                        // paths' values go to the global table.
                        if let Some(fs) = mine.fields.take() {
                            self.flush.extend(fs);
                        }
                        if let Some(fs) = &ob.fields {
                            self.flush.extend(fs.iter().cloned());
                        }
                        changed = true;
                    }
                }
                None => {
                    self.heap.push((*id, ob.clone()));
                    changed = true;
                }
            }
        }
        for id in lost {
            let before = self.flush.len();
            self.escape_obj(id);
            changed |= self.flush.len() != before;
        }
        changed
    }
}

/// Make the object in register `r` an alias of the object in register `target` (a wrapper
/// constructor: `new Formatter(buf)` writes into `buf`). Every register pointing to `r`'s
/// object points to `target`'s afterwards; without a local object on either side, the
/// wrapper just takes the target's labels.
fn alias(st: &mut State, r: u32, target: u32) {
    let (old, new) = (st.reg(r).obj, st.reg(target).obj);
    match (old, new) {
        (Some(old), Some(new)) if old != new => {
            let moved = st.obj(old).cloned().unwrap_or_default();
            let o = st.obj_mut(new);
            o.all.union(&moved.all);
            o.stream |= moved.stream;
            for v in &mut st.regs {
                if v.obj == Some(old) {
                    v.obj = Some(new);
                }
            }
        }
        _ => {
            let t = st.eff(target);
            let stream = st.stream(target);
            st.taint_target(r, &t);
            if stream {
                match st.reg(r).obj {
                    Some(id) => st.obj_mut(id).stream = true,
                    None => {
                        if let Some(v) = st.regs.get_mut(r as usize) {
                            v.stream = true;
                        }
                    }
                }
            }
        }
    }
}

/// Analyse method `m` with the context's summaries and field labels.
pub fn analyze(ctx: &Ctx<'_, '_>, m: MethodId) -> MethodResult {
    let mut out = MethodResult::default();
    let Some(info) = ctx.program.methods.get(m as usize) else {
        return out;
    };
    let Some(file) = ctx.program.dex(m) else {
        return out;
    };
    let Ok(Some(code)) = file.code_item(info.code_off) else {
        return out;
    };
    if code.insns_size() > ctx.max_insns {
        out.skipped = true;
        return out;
    }
    let mut a = Analysis {
        ins: 0,
        param_out: Vec::new(),
        ctx,
        m,
        dex: info.dex,
        file,
        out,
        ret: Taint::default(),
        ret_stream: false,
        probe_sites: HashSet::new(),
        dead_intents: Vec::new(),
    };
    a.run(&code);
    let mut out = a.out;
    out.summary.ret = a.ret;
    out.summary.ret_stream = a.ret_stream;
    out
}

struct Analysis<'c, 'p, 'a> {
    /// Argument registers of the method.
    ins: u32,
    /// Per argument position: labels stored into its object, at the returns seen so far.
    param_out: Vec<Taint>,
    ctx: &'c Ctx<'p, 'a>,
    m: MethodId,
    dex: usize,
    file: &'c DexFile<'a>,
    out: MethodResult,
    ret: Taint,
    ret_stream: bool,
    /// Offsets of source calls whose result is only probed (`super::probe`).
    probe_sites: HashSet<u32>,
    /// Intents allocated here whose explicit target class is no component of the
    /// manifest: starting them fails, so they are no ICC sink.
    dead_intents: Vec<u32>,
}

/// Control-flow graph over decoded instructions.
struct Cfg<'i> {
    insns: Vec<Instruction<'i>>,
    /// First instruction index of each block.
    starts: Vec<usize>,
    /// Block of each instruction index.
    block_of: Vec<usize>,
    /// For each instruction index, the handler blocks covering it.
    handlers: Vec<Vec<usize>>,
    /// Branch and switch target instruction indices of each instruction.
    targets: Vec<Vec<usize>>,
}

fn build_cfg<'i>(code: &CodeItem<'i>) -> Option<Cfg<'i>> {
    let all: Vec<Instruction<'i>> = code.instructions().map_while(Result::ok).collect();
    let payloads: HashMap<u32, Instruction<'i>> = all
        .iter()
        .filter(|i| i.is_payload())
        .map(|i| (i.offset, *i))
        .collect();
    let insns: Vec<Instruction<'i>> = all.into_iter().filter(|i| !i.is_payload()).collect();
    if insns.is_empty() {
        return None;
    }
    let index_of = |off: u32| insns.binary_search_by_key(&off, |i| i.offset).ok();
    let tries = code.tries().unwrap_or_default();
    let mut leader = vec![false; insns.len()];
    leader[0] = true;
    let mut targets: Vec<Vec<usize>> = vec![Vec::new(); insns.len()];
    for (i, insn) in insns.iter().enumerate() {
        let op = insn.opcode;
        let mut t = Vec::new();
        if op.can_branch()
            && let Some(target) = insn.target()
        {
            t.extend(index_of(target));
        }
        if op.is_switch()
            && let Some(payload_off) = insn.target()
            && let Some(p) = payloads.get(&payload_off)
        {
            let rels: Vec<i32> = match p.operands {
                Operands::PackedSwitch(ps) => ps.cases().map(|(_, r)| r).collect(),
                Operands::SparseSwitch(ss) => ss.cases().map(|(_, r)| r).collect(),
                _ => Vec::new(),
            };
            for rel in rels {
                if let Ok(abs) = u32::try_from(i64::from(insn.offset) + i64::from(rel)) {
                    t.extend(index_of(abs));
                }
            }
        }
        let ends = op.can_branch() || op.is_switch() || op.is_return() || !op.can_continue();
        if ends && let Some(l) = leader.get_mut(i + 1) {
            *l = true;
        }
        for &x in &t {
            leader[x] = true;
        }
        targets[i] = t;
    }
    let mut handler_idx: Vec<(u32, u32, Vec<usize>)> = Vec::new();
    for t in &tries {
        let hs: Vec<usize> = t
            .handlers
            .iter()
            .map(|(_, a)| *a)
            .chain(t.catch_all)
            .filter_map(index_of)
            .collect();
        for &h in &hs {
            leader[h] = true;
        }
        let end = t.start_addr.saturating_add(u32::from(t.insn_count));
        handler_idx.push((t.start_addr, end, hs));
    }
    let mut starts = Vec::new();
    let mut block_of = vec![0; insns.len()];
    for (i, &l) in leader.iter().enumerate() {
        if l {
            starts.push(i);
        }
        block_of[i] = starts.len().saturating_sub(1);
    }
    let handlers = insns
        .iter()
        .map(|insn| {
            if !insn.opcode.can_throw() {
                return Vec::new();
            }
            handler_idx
                .iter()
                .filter(|(s, e, _)| insn.offset >= *s && insn.offset < *e)
                .flat_map(|(_, _, hs)| hs.iter().map(|&h| block_of[h]))
                .collect()
        })
        .collect();
    Some(Cfg {
        insns,
        starts,
        block_of,
        handlers,
        targets,
    })
}

/// True when `insn`, though of an opcode that may throw, cannot throw in state `st`: a
/// `const-string`, a `new-array` of a constant non-negative length, or an array access at a constant index
/// within the constant length of an array allocated in the method. Its state then reaches
/// no catch handler (exceptions carry data only from instructions that can raise them).
fn cannot_throw(st: &State, insn: &Instruction<'_>) -> bool {
    match (insn.opcode.0, insn.operands) {
        // const-string: resolving a string of a valid dex does not fail.
        (0x1a | 0x1b, _) => true,
        (0x23, Operands::IndexAB { b, .. }) => st
            .regs
            .get(usize::from(b))
            .and_then(|v| v.konst)
            .is_some_and(|n| n >= 0),
        (0x44..=0x51, Operands::ABC { b, c, .. }) => {
            let arr = st.regs.get(usize::from(b));
            let len = arr.filter(|v| v.obj.is_some()).and_then(|v| v.konst);
            let idx = st.regs.get(usize::from(c)).and_then(|v| v.konst);
            matches!((len, idx), (Some(n), Some(k)) if (0..n).contains(&k))
        }
        _ => false,
    }
}

/// Successor blocks of the block ending at instruction `i`.
fn successors(cfg: &Cfg<'_>, i: usize) -> Vec<usize> {
    let Some(insn) = cfg.insns.get(i) else {
        return Vec::new();
    };
    let op = insn.opcode;
    let mut out: Vec<usize> = cfg.targets[i].iter().map(|&t| cfg.block_of[t]).collect();
    let falls = op.can_continue() && !matches!(insn.operands, Operands::Goto { .. });
    if falls && let Some(&b) = cfg.block_of.get(i + 1) {
        out.push(b);
    }
    out
}

fn is_wide_dest(op: u8) -> bool {
    matches!(op,
        0x04..=0x06 | 0x0b | 0x16..=0x19 | 0x45 | 0x53 | 0x61
        | 0x7d | 0x7f | 0x80 | 0x81 | 0x83 | 0x85 | 0x86 | 0x88 | 0x89 | 0x8b | 0x8c
        | 0x9b..=0xa5 | 0xab..=0xaf | 0xbb..=0xc5 | 0xcb..=0xcf)
}

impl<'c, 'p, 'a> Analysis<'c, 'p, 'a> {
    fn run(&mut self, code: &CodeItem<'_>) {
        let Some(cfg) = build_cfg(code) else { return };
        self.probe_sites = self.probe_sites(&cfg.insns);
        let regs = usize::from(code.registers_size);
        let first_in = u32::from(code.registers_size.saturating_sub(code.ins_size));
        let mut entry = State {
            regs: vec![Val::default(); regs],
            heap: Vec::new(),
            flush: Vec::new(),
            exc: Taint::default(),
        };
        for k in 0..u32::from(code.ins_size).min(PARAM_LABELS) {
            if let Some(v) = entry.regs.get_mut((first_in + k) as usize) {
                v.taint = Taint::one(k);
                // What the argument points to: writes into it are the method's side
                // effects on its caller's object (`Summary::param_out`).
                v.obj = Some(PARAM_OBJ + k);
            }
        }
        self.ins = code.ins_size.into();
        self.callback_sources(&mut entry, first_in);
        self.channel_inputs(&mut entry, first_in);
        let nblocks = cfg.starts.len();
        let mut state_in: Vec<Option<State>> = vec![None; nblocks];
        state_in[0] = Some(entry);
        let mut work: Vec<usize> = vec![0];
        let mut queued = vec![false; nblocks];
        queued[0] = true;
        let mut budget = nblocks.saturating_mul(24).saturating_add(64);
        while let Some(b) = work.pop() {
            queued[b] = false;
            if budget == 0 {
                break;
            }
            budget -= 1;
            let Some(mut st) = state_in[b].clone() else {
                continue;
            };
            let start = cfg.starts[b];
            let end = cfg.starts.get(b + 1).copied().unwrap_or(cfg.insns.len());
            let mut pending: Option<Val> = None;
            let mut flow_out: Vec<(usize, State)> = Vec::new();
            for i in start..end {
                // A `throw` hands its exception object to the handler.
                if let Some(insn) = cfg.insns.get(i)
                    && insn.opcode.0 == 0x27
                    && let Operands::A { a } = insn.operands
                {
                    st.exc = st.eff(u32::from(a));
                }
                let handlers: &[usize] = if cannot_throw(&st, &cfg.insns[i]) {
                    &[]
                } else {
                    &cfg.handlers[i]
                };
                for &h in handlers {
                    let mut hs = st.clone();
                    hs.heap.retain(|(_, o)| {
                        !o.all.is_empty()
                            || o.elems.is_some()
                            || o.keys.is_some()
                            || o.fields.is_some()
                    });
                    flow_out.push((h, hs));
                }
                let insn = cfg.insns[i];
                pending = self.step(&mut st, &insn, pending.take());
                self.drain_flush(&mut st);
            }
            let last = end - 1;
            for s in successors(&cfg, last) {
                flow_out.push((s, st.clone()));
            }
            for (s, out_state) in flow_out {
                let changed = match &mut state_in[s] {
                    Some(existing) => {
                        let c = existing.join(&out_state);
                        self.drain_flush(existing);
                        c
                    }
                    slot @ None => {
                        *slot = Some(out_state);
                        true
                    }
                };
                if changed && !queued[s] {
                    queued[s] = true;
                    work.push(s);
                }
            }
        }
        self.out.summary.param_sinks.truncate(MAX_SUMMARY);
        let outs = std::mem::take(&mut self.param_out);
        for (k, t) in outs.into_iter().enumerate() {
            let mut t = t;
            t.0.retain(|&l| l != k as u32);
            if !t.is_empty() {
                if let Some(c) = self.channel_out_param(k as u32) {
                    let origins = t.clone();
                    self.write_field(c, &origins);
                }
                self.out.summary.param_out.push((k as u32, t));
            }
        }
    }

    /// The calls to a source with `probe_uses` whose result this method only probes.
    fn probe_sites(&self, insns: &[Instruction<'_>]) -> HashSet<u32> {
        let mut out = HashSet::new();
        for (i, insn) in insns.iter().enumerate() {
            let Some(callee) =
                invoke_site(insn).and_then(|site| self.ctx.program.callee(self.dex, site.target))
            else {
                continue;
            };
            let uses: Vec<&str> = callee
                .sources
                .iter()
                .filter_map(|&s| self.ctx.catalog.sources.get(s))
                .flat_map(|s| s.probe_uses.iter().map(String::as_str))
                .collect();
            if !uses.is_empty() && super::probe::only_probed(insns, i, |m| self.named(m, &uses)) {
                out.insert(insn.offset);
            }
        }
        out
    }

    /// Is method reference `m` of this dex one of `names` (`Class;->name`)?
    fn named(&self, m: u32, names: &[&str]) -> bool {
        let Ok(mid) = self.file.method_id(m) else {
            return false;
        };
        let (Ok(class), Ok(name)) = (
            self.file.type_descriptor(u32::from(mid.class_idx)),
            self.file.string(mid.name_idx),
        ) else {
            return false;
        };
        names.iter().any(|n| {
            n.strip_prefix(class.as_ref())
                .and_then(|r| r.strip_prefix("->"))
                == Some(name.as_ref())
        })
    }

    /// Write the local field values of objects that escaped to the global table.
    fn drain_flush(&mut self, st: &mut State) {
        for (f, t) in std::mem::take(&mut st.flush) {
            self.write_field(f, &t);
        }
    }

    /// At a return: what the method has stored into its arguments' objects so far.
    fn note_exit(&mut self, st: &State) {
        if self.param_out.len() < self.ins as usize {
            self.param_out.resize(self.ins as usize, Taint::default());
        }
        for (k, acc) in self.param_out.iter_mut().enumerate() {
            if let Some(o) = st.obj(PARAM_OBJ + k as u32) {
                acc.union(&o.all);
            }
        }
    }

    /// Callback parameters that are sources (`onLocationChanged(Location)`).
    fn callback_sources(&mut self, entry: &mut State, first_in: u32) {
        let program = self.ctx.program;
        let Some(info) = program.methods.get(self.m as usize) else {
            return;
        };
        let name = String::from_utf8_lossy(info.name);
        let ids = self.ctx.catalog.callback_source_indices(&name);
        if ids.is_empty() {
            return;
        }
        let Ok(mid) = self.file.method_id(info.method_idx) else {
            return;
        };
        let params = self
            .file
            .proto_parameters(u32::from(mid.proto_idx))
            .unwrap_or_default();
        let is_static = info.access & crate::dex::access::STATIC != 0;
        for &s in ids {
            let Some(src) = self.ctx.catalog.sources.get(s) else {
                continue;
            };
            let implements = src
                .classes
                .iter()
                .any(|c| program.extends_external(info.class, c.as_bytes()));
            let Some(Yields::Param(n)) = src.yields() else {
                continue;
            };
            if !implements || n == 0 {
                continue;
            }
            let mut pos = u32::from(!is_static);
            for p in params.iter().take(usize::from(n) - 1) {
                let wide = self
                    .file
                    .type_descriptor_bytes(*p)
                    .is_ok_and(|d| d == b"J" || d == b"D");
                pos += if wide { 2 } else { 1 };
            }
            let label = (self.ctx.label)(
                self.m,
                SourceRead {
                    offset: 0,
                    source: s,
                    uri: None,
                    callback: true,
                },
            );
            if let Some(v) = entry.regs.get_mut((first_in + pos) as usize) {
                v.taint.insert(label);
            }
        }
    }

    /// Register position of declared parameter `n` (1-based) of this method.
    fn param_register(&self, first_in: u32, n: usize) -> Option<u32> {
        let info = self.ctx.program.methods.get(self.m as usize)?;
        let mid = self.file.method_id(info.method_idx).ok()?;
        let params = self.file.proto_parameters(u32::from(mid.proto_idx)).ok()?;
        if n == 0 || n > params.len() {
            return None;
        }
        let mut pos = u32::from(info.access & crate::dex::access::STATIC == 0);
        for p in params.iter().take(n - 1) {
            let wide = self
                .file
                .type_descriptor_bytes(*p)
                .is_ok_and(|d| d == b"J" || d == b"D");
            pos += if wide { 2 } else { 1 };
        }
        Some(first_in + pos)
    }

    /// Parameters the framework fills from a channel (`onPostExecute(result)`).
    fn channel_inputs(&mut self, entry: &mut State, first_in: u32) {
        let program = self.ctx.program;
        let Some(info) = program.methods.get(self.m as usize) else {
            return;
        };
        let extends = |x: &[u8]| program.extends_external(info.class, x);
        let Some((ty, c)) = channels::read_by_method(info.name, &extends) else {
            return;
        };
        let n = match ty {
            None => 1,
            Some(ty) => {
                let Ok(mid) = self.file.method_id(info.method_idx) else {
                    return;
                };
                let params = self
                    .file
                    .proto_parameters(u32::from(mid.proto_idx))
                    .unwrap_or_default();
                match params
                    .iter()
                    .position(|&p| self.file.type_descriptor_bytes(p).is_ok_and(|d| d == ty))
                {
                    Some(i) => i + 1,
                    None => return,
                }
            }
        };
        let Some(reg) = self.param_register(first_in, n) else {
            return;
        };
        for id in program.channel_readers(c, info.class) {
            let t = self.ctx.fields.get(&id).cloned().unwrap_or_default();
            self.note_field_read(id, &t);
            if let Some(v) = entry.regs.get_mut(reg as usize) {
                v.taint.union(&t);
            }
        }
    }

    /// The channel what this method stores into argument position `k` goes to.
    fn channel_out_param(&self, k: u32) -> Option<u32> {
        let program = self.ctx.program;
        let info = program.methods.get(self.m as usize)?;
        let c = channels::written_into_param(info.name)?;
        let first_param = u32::from(info.access & crate::dex::access::STATIC == 0);
        (k == first_param).then(|| program.channel(c, info.class))
    }

    /// The channel this method's return value goes to.
    fn channel_out_return(&self) -> Option<u32> {
        let program = self.ctx.program;
        let info = program.methods.get(self.m as usize)?;
        let extends = |x: &[u8]| program.extends_external(info.class, x);
        channels::written_by_return(info.name, &extends).map(|c| program.channel(c, info.class))
    }

    fn note_field_read(&mut self, field: u32, t: &Taint) {
        if !self.out.fields_read.contains(&field) {
            self.out.fields_read.push(field);
        }
        for o in t.origins() {
            if !self.out.preds.iter().any(|(l, _)| *l == o) {
                self.out.preds.push((o, Pred::Field(field)));
            }
        }
    }

    fn write_field(&mut self, field: u32, t: &Taint) {
        let origins: Vec<u32> = t.origins().collect();
        if !origins.is_empty() {
            let mut set = Taint::default();
            for o in origins {
                set.insert(o);
            }
            self.out.field_writes.push((field, set));
        }
        for p in t.params() {
            if !self.out.summary.param_fields.contains(&(p, field))
                && self.out.summary.param_fields.len() < MAX_SUMMARY
            {
                self.out.summary.param_fields.push((p, field));
            }
        }
    }

    /// One instruction; returns the value a following `move-result` takes.
    fn step(
        &mut self,
        st: &mut State,
        insn: &Instruction<'_>,
        pending: Option<Val>,
    ) -> Option<Val> {
        let op = insn.opcode.0;
        let wide = is_wide_dest(op);
        let set = |st: &mut State, a: u16, v: Val| {
            st.set(u32::from(a), v);
            if wide {
                st.set(u32::from(a) + 1, Val::default());
            }
        };
        match (op, insn.operands) {
            // move, move-wide, move-object (all widths)
            (0x01..=0x09, Operands::AB { a, b }) => {
                let v = st.reg(u32::from(b));
                set(st, a, v);
            }
            (0x0a | 0x0b, Operands::A { a }) => set(st, a, pending.unwrap_or_default()),
            // An array (or untyped object) a call returns is one abstract object per call
            // site, so what is stored into it (`Array.newInstance`) is seen through it.
            (0x0c, Operands::A { a }) => {
                let mut v = pending.unwrap_or_default();
                let container = v.ty.is_none_or(|t| {
                    self.file
                        .type_descriptor_bytes(t)
                        .is_ok_and(|d| d.first() == Some(&b'[') || d == b"Ljava/lang/Object;")
                });
                if v.obj.is_none() && container {
                    let id = insn.offset | RESULT_OBJ;
                    if st.obj(id).is_some() {
                        st.heap.retain(|(x, _)| *x != id);
                    }
                    v.obj = Some(id);
                }
                set(st, a, v)
            }
            (0x0d, Operands::A { a }) => {
                let t = std::mem::take(&mut st.exc);
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                )
            }
            (0x0e, _) => self.note_exit(st),
            (0x0f..=0x11, Operands::A { a }) => {
                st.escape(u32::from(a));
                let t = st.eff(u32::from(a));
                self.ret.union(&t);
                self.ret_stream |= st.stream(u32::from(a));
                self.note_exit(st);
                if let Some(c) = self.channel_out_return() {
                    self.write_field(c, &t);
                }
            }
            (0x12..=0x19, Operands::Literal { a, value }) => set(
                st,
                a,
                Val {
                    konst: Some(value),
                    ..Val::default()
                },
            ),
            (0x1a | 0x1b, Operands::Index { a, index }) => set(
                st,
                a,
                Val {
                    string: Some(index),
                    ..Val::default()
                },
            ),
            (0x1c, Operands::Index { a, index }) => set(
                st,
                a,
                Val {
                    class: Some(index),
                    ..Val::default()
                },
            ),
            (0x20 | 0x21 | 0xfe | 0xff, Operands::Index { a, .. })
            | (0x20 | 0x21, Operands::IndexAB { a, .. })
            | (0x21, Operands::AB { a, .. }) => set(st, a, Val::default()),
            (0x22, Operands::Index { a, index }) => {
                // A fresh object of an app class: its fields are tracked here until it
                // escapes (framework objects have no app fields to track).
                st.escape_obj(insn.offset);
                if st.obj(insn.offset).is_some() {
                    st.heap.retain(|(id, _)| *id != insn.offset);
                }
                let app = self
                    .file
                    .type_descriptor_bytes(index)
                    .is_ok_and(|d| self.ctx.program.is_app_class(d));
                if app {
                    st.obj_mut(insn.offset).fields = Some(Vec::new());
                }
                set(
                    st,
                    a,
                    Val {
                        obj: Some(insn.offset),
                        ty: Some(index),
                        ..Val::default()
                    },
                );
            }
            // check-cast: the value keeps its data and gains a known type.
            (0x1f, Operands::Index { a, index }) => {
                if let Some(v) = st.regs.get_mut(usize::from(a)) {
                    v.ty = Some(index);
                }
            }
            // new-array: an array value keeps its constant length (if any) as its constant,
            // so that an access at a constant index within it is known not to throw.
            (0x23, Operands::IndexAB { a, b, .. }) => {
                let len = st.regs.get(usize::from(b)).and_then(|v| v.konst);
                st.heap.retain(|(id, _)| *id != insn.offset);
                st.obj_mut(insn.offset).elems = Some(Vec::new());
                set(
                    st,
                    a,
                    Val {
                        obj: Some(insn.offset),
                        konst: len.filter(|&n| n > 0),
                        ..Val::default()
                    },
                );
            }
            (0x24 | 0x25, _) => {
                let mut t = Taint::default();
                if let Some(args) = insn.args() {
                    for r in args.iter() {
                        t.union(&st.eff(r));
                    }
                }
                return Some(Val {
                    taint: t,
                    ..Val::default()
                });
            }
            // cmp*: a comparison result carries no data.
            (0x2d..=0x31, Operands::ABC { a, .. }) => set(st, a, Val::default()),
            // aget*
            (0x44..=0x4a, Operands::ABC { a, b, c }) => {
                let arr = st.reg(u32::from(b));
                let idx = st.reg(u32::from(c)).konst;
                let mut t = arr.taint.clone();
                match (arr.obj.and_then(|id| st.obj(id)), idx) {
                    (Some(o), Some(k)) if o.elems.is_some() => {
                        if let Some(e) = o.elems.as_ref().and_then(|e| e.get(k as usize)) {
                            t.union(e);
                        }
                    }
                    (Some(o), _) => {
                        t.union(&o.all);
                    }
                    _ => {}
                }
                // An element of an object array (`array[0]` of a `String[][]`) is one
                // abstract object per array: writes into it are seen by later reads.
                let obj = (op == 0x46)
                    .then(|| arr.obj.map(|id| id ^ ELEMENT_OBJ))
                    .flatten();
                if let Some(e) = obj.and_then(|id| st.obj(id)) {
                    t.union(&e.all);
                }
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        obj,
                        ..Val::default()
                    },
                );
            }
            // aput*
            (0x4b..=0x51, Operands::ABC { a, b, c }) => {
                st.escape(u32::from(a));
                let v = st.eff(u32::from(a));
                let arr = st.reg(u32::from(b));
                let idx = st.reg(u32::from(c)).konst;
                match arr.obj {
                    Some(id) => {
                        let o = st.obj_mut(id);
                        o.all.union(&v);
                        match (&mut o.elems, idx) {
                            (Some(elems), Some(k)) if (0..MAX_ELEMS as i64).contains(&k) => {
                                let k = k as usize;
                                if elems.len() <= k {
                                    elems.resize(k + 1, Taint::default());
                                }
                                elems[k] = v;
                            }
                            _ => o.elems = None,
                        }
                    }
                    None => st.taint_target(u32::from(b), &v),
                }
            }
            // iget*
            (0x52..=0x58, Operands::IndexAB { a, b, index }) => {
                let mut t = Taint::default();
                if let Some(f) = self.ctx.program.field(self.dex, index) {
                    let id = f.id;
                    let app = f.app_class;
                    match st.local_field(u32::from(b), id) {
                        Some(local) => t = local,
                        None => {
                            if let Some(ft) = self.ctx.fields.get(&id) {
                                t.union(ft);
                            }
                            self.note_field_read(id, &t);
                        }
                    }
                    // A framework object's fields hold what the object holds
                    // (`PackageInfo.packageName` of an installed package).
                    if !app {
                        t.union(&st.eff(u32::from(b)));
                    }
                }
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                );
            }
            // iput*
            (0x59..=0x5f, Operands::IndexAB { a, b, index }) => {
                st.escape(u32::from(a));
                let v = st.eff(u32::from(a));
                if let Some(f) = self.ctx.program.field(self.dex, index) {
                    if f.app_class {
                        let id = f.id;
                        if !st.set_local_field(u32::from(b), id, v.clone()) {
                            self.write_field(id, &v);
                        }
                    } else {
                        st.taint_target(u32::from(b), &v);
                    }
                }
            }
            // sget*
            (0x60..=0x66, Operands::Index { a, index }) => {
                let mut v = Val::default();
                if let Some(f) = self.ctx.program.field(self.dex, index) {
                    let (id, source, uri) = (f.id, f.source, f.uri);
                    if let Some(ft) = self.ctx.fields.get(&id) {
                        v.taint.union(ft);
                    }
                    let read = v.taint.clone();
                    self.note_field_read(id, &read);
                    if let Some(s) = source {
                        let l = (self.ctx.label)(
                            self.m,
                            SourceRead {
                                offset: insn.offset,
                                source: s,
                                uri: None,
                                callback: false,
                            },
                        );
                        v.taint.insert(l);
                    }
                    v.uri = uri;
                }
                set(st, a, v);
            }
            // sput*
            (0x67..=0x6d, Operands::Index { a, index }) => {
                st.escape(u32::from(a));
                let v = st.eff(u32::from(a));
                if let Some(f) = self.ctx.program.field(self.dex, index) {
                    let id = f.id;
                    self.write_field(id, &v);
                }
            }
            (0x6e..=0x72 | 0x74..=0x78 | 0xfa | 0xfb, _) => return self.invoke(st, insn),
            (0xfc | 0xfd, _) => return Some(Val::default()),
            // unary ops and conversions
            (0x7b..=0x8f, Operands::AB { a, b }) => {
                let t = st.reg(u32::from(b)).taint;
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                );
            }
            (0x90..=0xaf, Operands::ABC { a, b, c }) => {
                let mut t = st.reg(u32::from(b)).taint;
                t.union(&st.reg(u32::from(c)).taint);
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                );
            }
            (0xb0..=0xcf, Operands::AB { a, b }) => {
                let mut t = st.reg(u32::from(a)).taint;
                t.union(&st.reg(u32::from(b)).taint);
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                );
            }
            (0xd0..=0xe2, Operands::LiteralAB { a, b, .. }) => {
                let t = st.reg(u32::from(b)).taint;
                set(
                    st,
                    a,
                    Val {
                        taint: t,
                        ..Val::default()
                    },
                );
            }
            _ => {}
        }
        None
    }

    /// `Map.put(k, v)` / `Map.get(k)` on a map created in this method with constant string
    /// keys: values stay apart by key. `None` means "not modelled here" (the catalogue's
    /// whole-map propagation applies, which also drops the per-key view).
    fn map_op(
        &self,
        st: &mut State,
        op: ListOp,
        id: u32,
        recv: &Val,
        data_args: &[u32],
    ) -> Option<Taint> {
        let key = data_args.first().map(|&x| st.reg(x))?;
        let k = key.string?;
        if !key.taint.is_empty() {
            return None;
        }
        match op {
            ListOp::Put => {
                let fresh = st
                    .obj(id)
                    .is_none_or(|o| o.keys.is_some() || o.all.is_empty());
                if !fresh {
                    return None;
                }
                let v = data_args.get(1).map(|&x| st.eff(x)).unwrap_or_default();
                let o = st.obj_mut(id);
                o.all.union(&v);
                let keys = o.keys.get_or_insert_with(Vec::new);
                // Strong update: on this path the key now maps to `v` alone; `put`
                // returns the previous value.
                let at = keys.iter().position(|(j, _)| *j == k);
                let old = match at {
                    Some(i) => keys
                        .get_mut(i)
                        .map(|(_, slot)| std::mem::replace(slot, v))
                        .unwrap_or_default(),
                    None if keys.len() < MAX_ELEMS => {
                        keys.push((k, v));
                        Taint::default()
                    }
                    None => {
                        o.keys = None;
                        return None;
                    }
                };
                Some(old)
            }
            ListOp::GetKey => {
                let keys = st.obj(id)?.keys.as_ref()?;
                let mut t = recv.taint.clone();
                if let Some((_, e)) = keys.iter().find(|(j, _)| *j == k) {
                    t.union(e);
                }
                Some(t)
            }
            _ => None,
        }
    }

    fn invoke(&mut self, st: &mut State, insn: &Instruction<'_>) -> Option<Val> {
        let site = invoke_site(insn)?;
        let args: Vec<u32> = site.args.iter().collect();
        let is_static = matches!(
            insn.opcode,
            Opcode::INVOKE_STATIC | Opcode::INVOKE_STATIC_RANGE
        );
        let program = self.ctx.program;
        let callee = program.callee(self.dex, site.target)?;
        let recv = if is_static {
            None
        } else {
            args.first().copied()
        };
        let data_args: Vec<u32> = if is_static {
            args.clone()
        } else {
            args.iter().skip(1).copied().collect()
        };
        // The declared return type (object and array types).
        let return_type = self
            .file
            .method_id(site.target)
            .ok()
            .and_then(|mid| self.file.proto_id(u32::from(mid.proto_idx)).ok())
            .map(|p| p.return_type_idx)
            .filter(|&t| {
                self.file
                    .type_descriptor_bytes(t)
                    .is_ok_and(|d| matches!(d.first(), Some(b'L' | b'[')))
            });
        let mut result = Val {
            ty: return_type,
            ..Val::default()
        };

        // Objects handed to a call escape local field tracking; a constructor's receiver
        // does not (the constructor's own field writes go to the global table).
        let is_init = self
            .file
            .method_id(site.target)
            .ok()
            .and_then(|mid| self.file.string_bytes(mid.name_idx).ok())
            .is_some_and(|n| n == b"<init>");
        for (i, &r) in args.iter().enumerate() {
            if !(is_init && i == 0 && recv.is_some()) {
                st.escape(r);
            }
        }

        // Values handed to a framework channel (`AsyncTask.execute(args)`).
        if let Some(id) = callee.channel {
            let mut t = Taint::default();
            let from: &[u32] = if data_args.is_empty() {
                &args
            } else {
                &data_args
            };
            for &r in from {
                t.union(&st.eff(r));
            }
            self.write_field(id, &t);
        }

        // An explicit intent: its target class must be a component of the manifest.
        if callee.intent_target
            && let Some(id) = recv.and_then(|r| st.obj_of(r))
            && let Some(class) = data_args.iter().find_map(|&r| st.reg(r).class)
        {
            let declared = self
                .file
                .type_descriptor_bytes(class)
                .is_ok_and(|d| program.is_component(d));
            self.dead_intents.retain(|&x| x != id);
            if !declared {
                self.dead_intents.push(id);
            }
        }

        // Sinks.
        if let Some(si) = callee.sink
            && let Some(sink) = self.ctx.catalog.sinks.get(si)
            && !(sink.kind == "icc"
                && data_args.iter().any(|&r| {
                    st.obj_of(r)
                        .is_some_and(|id| self.dead_intents.contains(&id))
                }))
        {
            let receiver_only = sink.args.as_deref() == Some("receiver");
            let ok = sink.receiver_from.is_empty() || recv.is_some_and(|r| st.stream(r));
            if ok {
                let mut t = Taint::default();
                if receiver_only {
                    if let Some(r) = recv {
                        t.union(&st.eff(r));
                    }
                } else {
                    for &r in &data_args {
                        t.union(&st.eff(r));
                    }
                }
                let here = SinkSite {
                    method: self.m,
                    offset: insn.offset,
                    sink: si,
                };
                self.record_sink(&t, here, vec![self.m]);
            }
        }

        // Sources: a new label unless the receiver already carries the data
        // (`Location.getLatitude()` on a tainted location just passes it on).
        let recv_taint = recv.map(|r| st.eff(r)).unwrap_or_default();
        let mut is_source = false;
        for &s in &callee.sources {
            let Some(src) = self.ctx.catalog.sources.get(s) else {
                continue;
            };
            if !src.probe_uses.is_empty() && self.probe_sites.contains(&insn.offset) {
                continue;
            }
            if let Some(cond) = &src.when_const_arg {
                let arg = data_args.get(usize::from(cond.index)).map(|&r| st.reg(r));
                let text = arg
                    .and_then(|v| v.string)
                    .and_then(|i| self.file.string(i).ok());
                if !text.is_some_and(|t| cond.values.iter().any(|v| v == &*t)) {
                    continue;
                }
            }
            if src.when_password_view
                && !recv
                    .and_then(|r| st.regs.get(r as usize))
                    .and_then(|v| v.konst)
                    .and_then(|k| u32::try_from(k).ok())
                    .is_some_and(|k| program.password_views.contains(&k))
            {
                continue;
            }
            let uri = if src.data_type == "@uri" {
                let u = src
                    .uri_arg
                    .and_then(|i| data_args.get(usize::from(i)))
                    .and_then(|&r| st.reg(r).uri);
                if u.is_none() {
                    continue;
                }
                u
            } else {
                None
            };
            is_source = true;
            if recv_taint.origins().next().is_some() {
                result.taint.union(&recv_taint);
                continue;
            }
            let l = (self.ctx.label)(
                self.m,
                SourceRead {
                    offset: insn.offset,
                    source: s,
                    uri,
                    callback: false,
                },
            );
            match src.yields() {
                Some(Yields::Arg(n)) => {
                    if let Some(&r) = data_args.get(usize::from(n)) {
                        st.taint_target(r, &Taint::one(l));
                    }
                }
                _ => {
                    result.taint.insert(l);
                }
            }
        }

        // A view looked up by a password field's id keeps the id (as its constant), so
        // that `getText()` on it is the password source.
        if callee.view_lookup
            && let Some(k) = data_args.first().and_then(|&r| st.reg(r).konst)
            && u32::try_from(k).is_ok_and(|k| program.password_views.contains(&k))
        {
            result.konst = Some(k);
        }
        if callee.stream_producer {
            result.stream = true;
        }
        if callee.uri_parse
            && let Some(s) = data_args
                .first()
                .and_then(|&r| st.reg(r).string)
                .and_then(|i| self.file.string(i).ok())
        {
            result.uri = self.ctx.catalog.uri_string_index(&s);
        }

        // Index-sensitive lists created in this method.
        if let (Some(op), Some(r)) = (callee.list_op, recv) {
            let rv = st.reg(r);
            if let Some(id) = rv.obj {
                let is_new_list = st
                    .obj(id)
                    .is_none_or(|o| o.elems.is_some() || o.all.is_empty());
                match op {
                    ListOp::Append if is_new_list => {
                        let v = data_args.first().map(|&x| st.eff(x)).unwrap_or_default();
                        let o = st.obj_mut(id);
                        let elems = o.elems.get_or_insert_with(Vec::new);
                        if elems.len() < MAX_ELEMS {
                            elems.push(v.clone());
                        } else {
                            o.elems = None;
                        }
                        o.all.union(&v);
                        return Some(result);
                    }
                    ListOp::Put | ListOp::GetKey => {
                        if let Some(r) = self.map_op(st, op, id, &rv, &data_args) {
                            result.taint.union(&r);
                            return Some(result);
                        }
                    }
                    ListOp::Get => {
                        let k = data_args.first().and_then(|&x| st.reg(x).konst);
                        if let (Some(o), Some(k)) = (st.obj(id), k)
                            && let Some(elems) = &o.elems
                        {
                            let mut t = rv.taint.clone();
                            if let Some(e) = elems.get(k as usize) {
                                t.union(e);
                            }
                            result.taint.union(&t);
                            return Some(result);
                        }
                    }
                    _ => {}
                }
            }
        }

        // Library propagation, unless the call runs app code (an app class overriding a
        // framework method: its own summary applies below).
        let app_targets = !program.targets(self.m, insn.offset).is_empty();
        if let Some(flow) = callee.propagator.filter(|_| !app_targets) {
            let mut args_t = Taint::default();
            let mut args_stream = false;
            for &r in &data_args {
                args_t.union(&st.eff(r));
                args_stream |= st.stream(r);
            }
            if flow.args_to_receiver
                && let Some(r) = recv
            {
                st.taint_target(r, &args_t);
                if args_stream {
                    match st.reg(r).obj {
                        Some(id) => st.obj_mut(id).stream = true,
                        None => {
                            if let Some(v) = st.regs.get_mut(r as usize) {
                                v.stream = true;
                            }
                        }
                    }
                }
            }
            if flow.args_to_return {
                result.taint.union(&args_t);
            }
            if let (Some(n), Some(r)) = (flow.receiver_to_arg, recv)
                && let Some(&dst) = data_args.get(usize::from(n))
            {
                let t = st.eff(r);
                st.taint_target(dst, &t);
            }
            if let Some((from, to)) = flow.arg_to_arg
                && let (Some(&a), Some(&b)) = (
                    data_args.get(usize::from(from)),
                    data_args.get(usize::from(to)),
                )
            {
                let t = st.eff(a);
                st.taint_target(b, &t);
            }
            if let (Some(n), Some(r)) = (flow.alias_arg, recv)
                && let Some(&target) = data_args.get(usize::from(n))
            {
                alias(st, r, target);
            }
            if flow.receiver_to_return
                && let Some(r) = recv
            {
                result.taint.union(&st.eff(r));
                if callee.returns_self {
                    result.obj = st.reg(r).obj;
                    result.stream = st.stream(r);
                }
            }
            return Some(result);
        }
        if is_source || callee.sink.is_some() {
            return Some(result);
        }

        // App methods (the call graph's targets of this site): apply their summaries. On a
        // receiver of known type only the overrides related to that type can run.
        let all_targets = program.targets(self.m, insn.offset);
        let recv_ty = recv
            .and_then(|r| st.regs.get(r as usize).and_then(|v| v.ty))
            .and_then(|t| self.file.type_descriptor_bytes(t).ok());
        let filtered: Vec<(u32, MethodId)>;
        let targets: &[(u32, MethodId)] = match recv_ty {
            Some(ty) if all_targets.len() > 1 => {
                filtered = all_targets
                    .iter()
                    .copied()
                    .filter(|&(_, t)| {
                        program
                            .methods
                            .get(t as usize)
                            .is_none_or(|info| program.related(info.class, ty))
                    })
                    .collect();
                if filtered.is_empty() {
                    all_targets
                } else {
                    &filtered
                }
            }
            _ => all_targets,
        };

        let arg_taint: Vec<Taint> = args.iter().map(|&r| st.eff(r)).collect();
        for &(_, t) in targets {
            let Some(sum) = self.ctx.summaries.get(t as usize) else {
                continue;
            };
            for l in sum.ret.labels() {
                if *l >= PARAM_LABELS {
                    if result.taint.insert(*l) && !self.out.preds.iter().any(|(x, _)| x == l) {
                        self.out.preds.push((*l, Pred::Return(t)));
                    }
                } else if let Some(at) = arg_taint.get(*l as usize) {
                    result.taint.union(at);
                }
            }
            result.stream |= sum.ret_stream;
            for ps in &sum.param_sinks {
                if let Some(at) = arg_taint.get(ps.param as usize)
                    && !at.is_empty()
                    && ps.chain.len() < MAX_CHAIN
                {
                    let mut chain = vec![self.m];
                    chain.extend(ps.chain.iter().copied());
                    self.record_sink(at, ps.site, chain);
                }
            }
            for (p, out) in &sum.param_out {
                let Some(&dst) = args.get(*p as usize) else {
                    continue;
                };
                let mut add = Taint::default();
                for l in out.labels() {
                    if *l >= PARAM_LABELS {
                        add.insert(*l);
                        if !self.out.preds.iter().any(|(x, _)| x == l) {
                            self.out.preds.push((*l, Pred::Return(t)));
                        }
                    } else if let Some(at) = arg_taint.get(*l as usize) {
                        add.union(at);
                    }
                }
                st.taint_target(dst, &add);
            }
            for &(p, f) in &sum.param_fields {
                if let Some(at) = arg_taint.get(p as usize)
                    && !at.is_empty()
                {
                    let at = at.clone();
                    self.write_field(f, &at);
                }
            }
        }
        Some(result)
    }

    /// Labels reaching a sink: source labels are flows, argument labels summary entries.
    fn record_sink(&mut self, t: &Taint, site: SinkSite, chain: Vec<MethodId>) {
        for o in t.origins() {
            let hit = Hit {
                origin: o,
                site,
                chain: chain.clone(),
            };
            if !self
                .out
                .hits
                .iter()
                .any(|h| h.origin == o && h.site == site)
            {
                self.out.hits.push(hit);
            }
        }
        for p in t.params() {
            let known = self
                .out
                .summary
                .param_sinks
                .iter()
                .any(|s| s.param == p && s.site == site);
            if !known && self.out.summary.param_sinks.len() < MAX_SUMMARY {
                self.out.summary.param_sinks.push(ParamSink {
                    param: p,
                    site,
                    chain: chain.clone(),
                });
            }
        }
    }
}
