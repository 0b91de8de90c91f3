//! The inter-procedural fixpoint: analyse every reachable method (in parallel), publish
//! summaries and field labels, re-analyse the callers of changed summaries and the readers
//! of changed fields, until nothing changes or the round budget is spent.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use rayon::prelude::*;

use super::catalog::ApiCatalog;
use super::program::{MethodId, Program};
use super::taint::{self, Ctx, MethodResult, PARAM_LABELS, Pred, SourceRead, Summary, Taint};

/// A source read in a method.
type Read = (MethodId, SourceRead);

/// Source labels: one per (method, source read).
#[derive(Default)]
pub struct Origins {
    inner: Mutex<(HashMap<Read, u32>, Vec<Read>)>,
}

impl Origins {
    /// The label of a source read, allocated on first sight.
    pub fn label(&self, m: MethodId, read: SourceRead) -> u32 {
        let Ok(mut g) = self.inner.lock() else {
            return PARAM_LABELS;
        };
        let (map, list) = &mut *g;
        let next = list.len() as u32 + PARAM_LABELS;
        *map.entry((m, read)).or_insert_with(|| {
            list.push((m, read));
            next
        })
    }

    /// All source reads, by label minus [`PARAM_LABELS`].
    pub fn into_list(self) -> Vec<(MethodId, SourceRead)> {
        self.inner.into_inner().map(|(_, l)| l).unwrap_or_default()
    }
}

/// Callee summaries by method: stored only for methods whose analysis said something (the
/// others read as no summary, which a call site treats like an empty one).
#[derive(Default)]
pub struct Summaries {
    by_method: Vec<Option<Box<Summary>>>,
}

impl Summaries {
    /// Room for `n` methods, none summarised.
    fn new(n: usize) -> Summaries {
        Summaries {
            by_method: vec![None; n],
        }
    }

    /// The summary of method `m`, if it has a non-empty one.
    pub fn get(&self, m: usize) -> Option<&Summary> {
        self.by_method.get(m).and_then(|s| s.as_deref())
    }

    /// Merge `new` into method `m`'s summary; true when it grew.
    fn absorb(&mut self, m: usize, new: &Summary) -> bool {
        let Some(slot) = self.by_method.get_mut(m) else {
            return false;
        };
        match slot {
            Some(s) => s.absorb(new),
            None if *new == Summary::default() => false,
            None => {
                let mut s = Box::<Summary>::default();
                let changed = s.absorb(new);
                *slot = Some(s);
                changed
            }
        }
    }
}

/// Bounds of the analysis.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Methods longer than this (code units) are not analysed.
    pub max_insns: u32,
    /// Most rounds of the fixpoint.
    pub max_rounds: u32,
}

/// The fixpoint's outcome.
pub struct Solution {
    /// Last analysis of each reachable method (boxed: most methods are not reachable).
    pub results: Vec<Option<Box<MethodResult>>>,
    /// Source reads by label minus [`PARAM_LABELS`].
    pub origins: Vec<(MethodId, SourceRead)>,
    /// First method seen writing a source label into a field: (field, label) to writer.
    pub field_writers: HashMap<(u32, u32), MethodId>,
    /// Rounds run.
    pub rounds: u32,
    /// True when the round budget ran out before the fixpoint.
    pub truncated: bool,
}

/// Run the fixpoint over the program's reachable methods.
pub fn solve(program: &Program<'_>, catalog: &ApiCatalog, bounds: Bounds) -> Solution {
    let n = program.methods.len();
    let origins = Origins::default();
    let mut summaries = Summaries::new(n);
    let mut fields: HashMap<u32, Taint> = HashMap::new();
    let mut results: Vec<Option<Box<MethodResult>>> = vec![None; n];
    let mut readers: HashMap<u32, HashSet<MethodId>> = HashMap::new();
    let mut field_writers = HashMap::new();
    let mut dirty: Vec<MethodId> = (0..n as MethodId)
        .filter(|&m| program.is_reachable(m))
        .collect();
    let mut rounds = 0;
    while !dirty.is_empty() && rounds < bounds.max_rounds {
        rounds += 1;
        let label = |m: MethodId, r: SourceRead| origins.label(m, r);
        let ctx = Ctx {
            program,
            catalog,
            summaries: &summaries,
            fields: &fields,
            label: &label,
            max_insns: bounds.max_insns,
        };
        let done: Vec<(MethodId, MethodResult)> = dirty
            .par_iter()
            .map(|&m| (m, taint::analyze(&ctx, m)))
            .collect();
        let mut next: HashSet<MethodId> = HashSet::new();
        let mut changed_fields = HashSet::new();
        for (m, r) in done {
            for &f in &r.fields_read {
                readers.entry(f).or_default().insert(m);
            }
            for (f, t) in &r.field_writes {
                for o in t.origins() {
                    field_writers.entry((*f, o)).or_insert(m);
                }
                if fields.entry(*f).or_default().union(t) {
                    changed_fields.insert(*f);
                }
            }
            if summaries.absorb(m as usize, &r.summary) {
                next.extend(program.callers.get(m as usize).into_iter().flatten());
            }
            if let Some(slot) = results.get_mut(m as usize) {
                *slot = Some(Box::new(r));
            }
        }
        for f in changed_fields {
            next.extend(readers.get(&f).into_iter().flatten());
        }
        dirty = next.into_iter().collect();
        dirty.sort_unstable();
    }
    Solution {
        results,
        origins: origins.into_list(),
        field_writers,
        rounds,
        truncated: !dirty.is_empty(),
    }
}

impl Solution {
    /// Methods from the one that read source `label` to `m` (both included), following
    /// how the label entered each method (returned by a callee, read from a field).
    pub fn upstream(&self, label: u32, m: MethodId) -> Vec<MethodId> {
        let Some(&(src_method, _)) = self.origins.get((label - PARAM_LABELS) as usize) else {
            return vec![m];
        };
        let mut rev = vec![m];
        let mut cur = m;
        for _ in 0..taint::MAX_CHAIN {
            if cur == src_method {
                break;
            }
            let pred = self
                .results
                .get(cur as usize)
                .and_then(|r| r.as_ref())
                .and_then(|r| r.preds.iter().find(|(l, _)| *l == label).map(|(_, p)| *p));
            let prev = match pred {
                Some(Pred::Return(c)) => c,
                Some(Pred::Field(f)) => match self.field_writers.get(&(f, label)) {
                    Some(&w) => w,
                    None => break,
                },
                None => break,
            };
            if rev.contains(&prev) {
                break;
            }
            rev.push(prev);
            cur = prev;
        }
        if rev.last() != Some(&src_method) && !rev.contains(&src_method) {
            rev.push(src_method);
        }
        rev.reverse();
        rev
    }
}
