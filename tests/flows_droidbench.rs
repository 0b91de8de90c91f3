//! DroidBench 2.0 (`../shared/benchmarks/droidbench/`): the flows engine on all 119 APKs,
//! scored against `truth.tsv` per category (the APK's folder) and overall.
//!
//! A leak is one distinct pair of a source statement and a sink statement (`ORIGIN.md`):
//! here one distinct (source method + offset, sink method + offset) pair of the report.
//! The truth gives a count per APK, not the statements, so an APK with `r` reported pairs
//! and `e` expected leaks scores `min(r, e)` found and `r - min(r, e)` false. Every flow
//! counts, whoever it is attributed to: DroidBench leaks are the app's own code.
//!
//! Both tests score the same run ([`run`]), which prints the per-APK and per-category
//! table before anything is asserted (`cargo test --test flows_droidbench -- --nocapture`
//! shows it). The default test holds the engine to the figures measured so far
//! ([`MEASURED_FLOOR`], a regression floor); issue 12's targets ([`ISSUE_12_TARGETS`]) are
//! not met yet and are asserted by an ignored test (`-- --ignored`).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sdkflow::flows::{FlowOptions, analyze_app};
use sdkflow::{Limits, apk};

/// Overall figures a run must reach.
struct Bounds {
    precision: f64,
    recall: f64,
    /// Share of the leak-free APKs with no report.
    silent: f64,
}

/// The figures of branch flows-acc (password fields, intents to undeclared classes,
/// unregistered listeners, catch handlers fed only by instructions that can throw): 96 of
/// 113 leaks found, 8 false, 16 of 20 leak-free APKs silent (P 0.92, R 0.85, silent 0.80). A regression floor, not a goal: raise it to the
/// new figures as the engine improves.
const MEASURED_FLOOR: Bounds = Bounds {
    precision: 96.0 / 104.0,
    recall: 96.0 / 113.0,
    silent: 16.0 / 20.0,
};

/// Goals of issue 12 (not met yet: see [`MEASURED_FLOOR`]).
const ISSUE_12_TARGETS: Bounds = Bounds {
    precision: 0.90,
    recall: 0.90,
    silent: 0.85,
};

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

/// Analyse every annotated APK, print the table, and return the overall score with the
/// APKs the engine could not analyse.
fn run() -> (Score, Vec<String>) {
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
        total.silent_rate()
    );

    (total, errors)
}

impl Score {
    fn silent_rate(&self) -> f64 {
        if self.leak_free == 0 {
            1.0
        } else {
            self.silent as f64 / self.leak_free as f64
        }
    }
}

/// Assert the run analysed every APK and reaches `bounds` (`what` names them).
fn check(total: &Score, errors: &[String], bounds: &Bounds, what: &str) {
    assert!(
        errors.is_empty(),
        "APKs the engine could not analyse: {errors:#?}"
    );
    let (p, r, s) = (total.precision(), total.recall(), total.silent_rate());
    assert!(
        p >= bounds.precision,
        "precision {p:.3} < {what} {:.3}",
        bounds.precision
    );
    assert!(
        r >= bounds.recall,
        "recall {r:.3} < {what} {:.3}",
        bounds.recall
    );
    assert!(
        s >= bounds.silent,
        "leak-free apps silent {s:.3} < {what} {:.3}",
        bounds.silent
    );
}

#[test]
fn droidbench_does_not_fall_below_the_measured_floor() {
    let (total, errors) = run();
    check(&total, &errors, &MEASURED_FLOOR, "measured floor");
}

#[test]
#[ignore = "issue 12 targets not met yet: P 0.91 R 0.85 silent 0.75; run with --ignored"]
fn droidbench_meets_the_issue_12_targets() {
    let (total, errors) = run();
    check(&total, &errors, &ISSUE_12_TARGETS, "issue 12 target");
}
