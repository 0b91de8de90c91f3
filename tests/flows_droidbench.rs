//! DroidBench 2.0 (`../shared/benchmarks/droidbench/`): the flows engine on all 119 APKs,
//! scored against `truth.tsv` per category (the APK's folder) and overall.
//!
//! A leak is one distinct pair of a source statement and a sink statement (`ORIGIN.md`):
//! here one distinct (source method + offset, sink method + offset) pair of the report.
//! The truth gives a count per APK, not the statements, so an APK with `r` reported pairs
//! and `e` expected leaks scores `min(r, e)` found and `r - min(r, e)` false. Every flow
//! counts, whoever it is attributed to: DroidBench leaks are the app's own code.
//!
//! The table is printed before the goals are asserted, so `cargo test --test
//! flows_droidbench -- --nocapture` shows it whether or not they hold.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sdkflow::flows::{FlowOptions, analyze_app};
use sdkflow::{Limits, apk};

/// Goals of issue 12.
const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;
const MIN_SILENT: f64 = 0.85;

fn bench_dir() -> PathBuf {
    let dir = common::repo().join("../shared/benchmarks/droidbench");
    let dir = if dir.exists() {
        dir
    } else {
        PathBuf::from("/work/shared/benchmarks/droidbench")
    };
    assert!(
        dir.join("truth.tsv").exists(),
        "missing DroidBench: expected ../shared/benchmarks/droidbench/truth.tsv next to the repository"
    );
    dir
}

/// (apk path relative to the bench folder, expected leaks). APKs whose sources carry no
/// annotation (`?` in the count column, see `ORIGIN.md`) are left out of the score.
fn truth(dir: &Path) -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(dir.join("truth.tsv")).expect("truth.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter(|l| l.split('\t').nth(1).is_some_and(|c| c.trim() != "?"))
        .map(|l| {
            let mut cols = l.split('\t');
            let path = cols.next().expect("path column").to_string();
            let n = cols
                .next()
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or_else(|| panic!("truth.tsv: bad count in {l:?}"));
            (path, n)
        })
        .collect()
}

/// Distinct (source statement, sink statement) pairs the engine reports for one APK.
fn reported(path: &Path) -> Result<BTreeSet<(String, u32, String, u32)>, String> {
    let app = apk::load(path, &Limits::default()).map_err(|e| e.to_string())?;
    let rep = analyze_app(&app, &FlowOptions::default()).map_err(|e| e.to_string())?;
    Ok(rep
        .flows
        .iter()
        .map(|f| {
            (
                f.source.method.clone(),
                f.source.offset,
                f.sink.method.clone(),
                f.sink.offset,
            )
        })
        .collect())
}

#[derive(Default, Clone, Copy)]
struct Score {
    apps: usize,
    expected: usize,
    found: usize,
    false_: usize,
    leak_free: usize,
    silent: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.apps += o.apps;
        self.expected += o.expected;
        self.found += o.found;
        self.false_ += o.false_;
        self.leak_free += o.leak_free;
        self.silent += o.silent;
    }
    fn precision(&self) -> f64 {
        let reported = self.found + self.false_;
        if reported == 0 {
            1.0
        } else {
            self.found as f64 / reported as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        }
    }
}

#[test]
fn droidbench_precision_and_recall() {
    let dir = bench_dir();
    let cases = truth(&dir);
    assert!(
        cases.len() >= 100,
        "truth.tsv scores {} APKs, expected DroidBench's 117 annotated ones",
        cases.len()
    );
    let results: Vec<(String, usize, Result<usize, String>)> = cases
        .par_iter()
        .map(|(rel, expected)| {
            let path = dir.join(rel);
            assert!(path.exists(), "truth.tsv names a missing APK {rel}");
            (rel.clone(), *expected, reported(&path).map(|s| s.len()))
        })
        .collect();

    let mut per: BTreeMap<String, Score> = BTreeMap::new();
    let mut errors = Vec::new();
    println!("{:<58} {:>4} {:>4}", "apk", "exp", "rep");
    for (rel, expected, got) in &results {
        let category = rel.split('/').nth(1).unwrap_or("?").to_string();
        let got = match got {
            Ok(n) => *n,
            Err(e) => {
                errors.push(format!("{rel}: {e}"));
                0
            }
        };
        let found = got.min(*expected);
        let s = per.entry(category).or_default();
        s.apps += 1;
        s.expected += expected;
        s.found += found;
        s.false_ += got - found;
        if *expected == 0 {
            s.leak_free += 1;
            s.silent += usize::from(got == 0);
        }
        let mark = if got == *expected { "" } else { "  <--" };
        println!("{rel:<58} {expected:>4} {got:>4}{mark}");
    }

    let mut total = Score::default();
    println!();
    println!(
        "| category | apps | expected | found | false | leak-free silent | precision | recall |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (cat, s) in &per {
        total.add(s);
        println!(
            "| {cat} | {} | {} | {} | {} | {}/{} | {:.2} | {:.2} |",
            s.apps,
            s.expected,
            s.found,
            s.false_,
            s.silent,
            s.leak_free,
            s.precision(),
            s.recall()
        );
    }
    let silent_rate = if total.leak_free == 0 {
        1.0
    } else {
        total.silent as f64 / total.leak_free as f64
    };
    println!(
        "| **total** | {} | {} | {} | {} | {}/{} | {:.2} | {:.2} |",
        total.apps,
        total.expected,
        total.found,
        total.false_,
        total.silent,
        total.leak_free,
        total.precision(),
        total.recall()
    );
    println!(
        "precision {:.3}  recall {:.3}  leak-free silent {:.3}",
        total.precision(),
        total.recall(),
        silent_rate
    );

    assert!(
        errors.is_empty(),
        "APKs the engine could not analyse: {errors:#?}"
    );
    assert!(
        total.precision() >= MIN_PRECISION,
        "precision {:.3} < {MIN_PRECISION}",
        total.precision()
    );
    assert!(
        total.recall() >= MIN_RECALL,
        "recall {:.3} < {MIN_RECALL}",
        total.recall()
    );
    assert!(
        silent_rate >= MIN_SILENT,
        "leak-free apps silent {silent_rate:.3} < {MIN_SILENT}"
    );
}
