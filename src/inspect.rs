//! The inventory behind `sdkflow inspect`: the container summary plus what the dex
//! parser and the native inspector find, read once.

use serde::Serialize;

use crate::apk::{LoadedApp, Problem, summary::DexCounts, summary::Summary};
use crate::dex::DuplicateClass;
use crate::native::NativeLib;

/// Everything `sdkflow inspect` reports about one input.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    /// Container summary; its `dex` entries carry the per-file counts.
    #[serde(flatten)]
    pub summary: Summary,
    /// Totals over all dex files.
    pub code: CodeTotals,
    /// Class definitions found in more than one dex file (the first one wins).
    pub duplicate_classes: Vec<DuplicateClass>,
    /// Every class descriptor, when asked for (`--classes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classes: Option<Vec<String>>,
    /// What each native library is, exports and contains.
    pub native: Vec<NativeLib>,
}

/// Totals over all dex files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CodeTotals {
    /// Classes (after multidex merging).
    pub classes: usize,
    /// Methods defined.
    pub methods: u64,
    /// Invoke instructions.
    pub invokes: u64,
    /// Instructions decoded.
    pub instructions: u64,
}

/// Inspect a loaded input: container, dex inventory (parallel over dex files) and native
/// libraries. Broken dex files and libraries become problems; the rest is still counted.
pub fn inspect(app: &LoadedApp, with_classes: bool) -> Inspection {
    let mut summary = crate::apk::summarize(app);
    let inventory = crate::dex::inventory(app);
    for d in &mut summary.dex {
        if let Some(stats) = inventory.dex.iter().find(|s| s.name == d.name) {
            d.counts = Some(DexCounts::from(stats));
        }
    }
    let (native, native_problems) = crate::native::inspect_all(app);
    let code = CodeTotals {
        classes: inventory.classes.len(),
        methods: inventory.dex.iter().map(|d| d.methods).sum(),
        invokes: inventory.dex.iter().map(|d| d.invokes).sum(),
        instructions: inventory.dex.iter().map(|d| d.instructions).sum(),
    };
    let mut problems: Vec<Problem> = inventory.problems;
    problems.extend(native_problems);
    summary.problems.extend(problems);
    Inspection {
        summary,
        code,
        duplicate_classes: inventory.duplicate_classes,
        classes: with_classes.then_some(inventory.classes),
        native,
    }
}
