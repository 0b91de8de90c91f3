//! The multidex view: every `classes*.dex` of an app parsed in parallel and merged into one
//! class index. As on the device, the first dex in load order that defines a class wins;
//! later definitions are reported as duplicates. A broken dex is a reported problem and
//! the others are still analysed.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::class_def_item::ClassDef;
use super::error::DexError;
use super::facts::MethodFacts;
use super::file::{DexFile, ParseOptions};
use crate::Location;
use crate::apk::{Blob, LoadedApp, Problem};

/// One parsed dex file of the app.
#[derive(Debug)]
pub struct DexEntry<'a> {
    /// Entry name (`classes2.dex`, `base.apk!classes.dex`).
    pub name: &'a str,
    /// The parsed file.
    pub file: DexFile<'a>,
}

/// Where a class is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassLoc {
    /// Index into [`Multidex::dexes`].
    pub dex: usize,
    /// Index of the `class_def_item` in that file.
    pub class_def: u32,
}

/// A class defined in more than one dex file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateClass {
    /// The class descriptor.
    pub descriptor: String,
    /// The dex whose definition is used.
    pub kept: String,
    /// The dex whose definition is ignored.
    pub ignored: String,
}

/// All dex files of an app, with one class index over them.
#[derive(Debug)]
pub struct Multidex<'a> {
    /// The dex files that opened, in load order.
    pub dexes: Vec<DexEntry<'a>>,
    /// Dex files that did not open, and classes whose descriptor could not be read.
    pub problems: Vec<Problem>,
    /// Classes defined more than once (the first in load order wins).
    pub duplicates: Vec<DuplicateClass>,
    /// Descriptor (raw MUTF-8 bytes) to definition.
    index: HashMap<&'a [u8], ClassLoc>,
    /// Descriptors in first-definition order.
    order: Vec<&'a [u8]>,
}

/// Location of `err` in dex `entry` of `source`.
pub(crate) fn problem(source: &str, entry: &str, err: &DexError) -> Problem {
    Problem {
        at: Location::entry(source, entry).at(err.offset() as u64),
        message: format!("malformed dex: {err}"),
    }
}

impl<'a> Multidex<'a> {
    /// Parse every `classes*.dex` of `app` (in install order) in parallel and index their
    /// classes.
    pub fn from_app(app: &'a LoadedApp, options: ParseOptions) -> Multidex<'a> {
        Self::from_blobs(&app.source, &app.dex, options)
    }

    /// Parse the given dex blobs (in load order) in parallel; `source` names the input in
    /// problems.
    pub fn from_blobs(source: &str, blobs: &'a [Blob], options: ParseOptions) -> Multidex<'a> {
        let parsed: Vec<_> = blobs
            .par_iter()
            .map(|blob| {
                (
                    blob.name.as_str(),
                    DexFile::parse_with(&blob.bytes, options),
                )
            })
            .collect();
        let mut dexes = Vec::with_capacity(parsed.len());
        let mut problems = Vec::new();
        for (name, result) in parsed {
            match result {
                Ok(file) => dexes.push(DexEntry { name, file }),
                Err(e) => problems.push(problem(source, name, &e)),
            }
        }
        let mut index: HashMap<&'a [u8], ClassLoc> = HashMap::new();
        let mut order = Vec::new();
        let mut duplicates = Vec::new();
        for (d, entry) in dexes.iter().enumerate() {
            for class_def in 0..entry.file.class_count() {
                let desc = entry
                    .file
                    .class_def(class_def)
                    .and_then(|c| entry.file.type_descriptor_bytes(c.class_idx));
                let desc = match desc {
                    Ok(desc) => desc,
                    Err(e) => {
                        problems.push(problem(source, entry.name, &e));
                        continue;
                    }
                };
                match index.get(desc) {
                    Some(first) => duplicates.push(DuplicateClass {
                        descriptor: String::from_utf8_lossy(desc).into_owned(),
                        kept: dexes
                            .get(first.dex)
                            .map(|e| e.name.to_string())
                            .unwrap_or_default(),
                        ignored: entry.name.to_string(),
                    }),
                    None => {
                        index.insert(desc, ClassLoc { dex: d, class_def });
                        order.push(desc);
                    }
                }
            }
        }
        Multidex {
            dexes,
            problems,
            duplicates,
            index,
            order,
        }
    }

    /// Where the class with `descriptor` (`Lcom/x/Y;`) is defined (first definition).
    pub fn class(&self, descriptor: &str) -> Option<ClassLoc> {
        self.index.get(descriptor.as_bytes()).copied()
    }

    /// The file and class definition at `loc`.
    pub fn class_def(&self, loc: ClassLoc) -> Option<(&DexEntry<'a>, ClassDef)> {
        let entry = self.dexes.get(loc.dex)?;
        let def = entry.file.class_def(loc.class_def).ok()?;
        Some((entry, def))
    }

    /// Number of distinct classes.
    pub fn class_count(&self) -> usize {
        self.order.len()
    }

    /// Every distinct class descriptor, in load order (first definition).
    pub fn class_descriptors(&self) -> impl Iterator<Item = String> + '_ {
        self.order.iter().map(|d| decode_lossy(d))
    }
}

fn decode_lossy(bytes: &[u8]) -> String {
    match crate::reader::decode_mutf8(bytes) {
        Ok(s) => s.into_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Counts for one dex file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DexStats {
    /// Entry name.
    pub name: String,
    /// Format version (35 to 41).
    pub version: u16,
    /// Size in bytes.
    pub size: u64,
    /// Class definitions.
    pub classes: u32,
    /// Methods defined (direct + virtual entries of every class).
    pub methods: u64,
    /// Method references (`method_ids_size`).
    pub method_ids: u32,
    /// Field references (`field_ids_size`).
    pub field_ids: u32,
    /// Types (`type_ids_size`).
    pub type_ids: u32,
    /// Strings (`string_ids_size`).
    pub strings: u32,
    /// Code items decoded.
    pub code_items: u64,
    /// Instructions decoded (payloads excluded).
    pub instructions: u64,
    /// Invoke instructions of every kind.
    pub invokes: u64,
    /// `const-string(/jumbo)` instructions.
    pub const_strings: u64,
    /// Problems met in this file (malformed class data or code).
    pub problems: u64,
}

/// Per-dex stats, the class list and the problems of an app's code.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Inventory {
    /// One entry per dex file that opened, in load order.
    pub dex: Vec<DexStats>,
    /// Every distinct class descriptor (first definition wins), in load order.
    pub classes: Vec<String>,
    /// Classes defined more than once.
    pub duplicate_classes: Vec<DuplicateClass>,
    /// Dex files or structures that could not be read.
    pub problems: Vec<Problem>,
}

/// Full inventory of `app`'s dex files: parse, decode every code item, count.
pub fn inventory(app: &LoadedApp) -> Inventory {
    let multidex = Multidex::from_app(app, ParseOptions::default());
    let results: Vec<(DexStats, Vec<Problem>)> = multidex
        .dexes
        .par_iter()
        .map(|entry| dex_stats(&app.source, entry))
        .collect();
    let mut problems = multidex.problems.clone();
    let mut dex = Vec::with_capacity(results.len());
    for (stats, p) in results {
        dex.push(stats);
        problems.extend(p);
    }
    Inventory {
        dex,
        classes: multidex.class_descriptors().collect(),
        duplicate_classes: multidex.duplicates.clone(),
        problems,
    }
}

/// Stats of one dex file, decoding every method's code; problems are collected and the
/// walk goes on with the next class or method.
pub fn dex_stats(source: &str, entry: &DexEntry<'_>) -> (DexStats, Vec<Problem>) {
    let file = &entry.file;
    let mut stats = DexStats {
        name: entry.name.to_string(),
        version: file.header().version,
        size: file.data().len() as u64,
        classes: file.class_count(),
        method_ids: file.method_count(),
        field_ids: file.field_count(),
        type_ids: file.type_count(),
        strings: file.string_count(),
        ..DexStats::default()
    };
    let mut problems = Vec::new();
    let mut facts = MethodFacts::default();
    let mut report = |e: &DexError, stats: &mut DexStats| {
        stats.problems += 1;
        // Keep the report short for a thoroughly broken file; the count says the rest.
        if problems.len() < 100 {
            problems.push(problem(source, entry.name, e));
        }
    };
    for class in file.class_defs() {
        let data = match class.and_then(|c| file.class_data(&c)) {
            Ok(Some(data)) => data,
            Ok(None) => continue,
            Err(e) => {
                report(&e, &mut stats);
                continue;
            }
        };
        for method in data.methods() {
            stats.methods += 1;
            let code = match file.code_item(method.code_off) {
                Ok(Some(code)) => code,
                Ok(None) => continue,
                Err(e) => {
                    report(&e, &mut stats);
                    continue;
                }
            };
            stats.code_items += 1;
            let result = facts.collect_into(&code);
            stats.instructions += u64::from(facts.instructions);
            stats.invokes += facts.invokes.len() as u64;
            stats.const_strings += facts.strings.len() as u64;
            if let Err(e) = result {
                report(&e, &mut stats);
            }
        }
    }
    (stats, problems)
}
