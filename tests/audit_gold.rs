//! The reviewer's gold set (issue 11): app × policy pairs in `tests/audit_gold/*.toml`, each
//! with the findings a careful reviewer expects, written by reading the APK (aapt, dexdump)
//! and the policy text before the audit was run. Format: `tests/audit_gold/README.md`.
//!
//! For every pair this runs `sdkflow audit APK --policy P… --format json --fail-on never`
//! and asserts that
//! - every expected finding (rule, subject) is reported, with the expected severity;
//! - no other finding is HIGH.
//!
//! A tool failure whose fix is too large for now is recorded, not hidden: an `[[expect]]`
//! with `known_wrong = "reason"` is known not to be met, and a `[[known_extra]]` is a HIGH
//! finding known to be wrong. Either one that stops happening fails the test, so the entry
//! gets removed (the expectation promoted) as soon as the tool is fixed.
//!
//! Findings the reviewer did not list below HIGH are allowed; they are printed with the
//! counts per severity so a reader can judge them. A missing real input fails with
//! instructions (never skips).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One pair, as written in `tests/audit_gold/<name>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    /// `samples/apk/…` (repository), `corpus:apk/…` (the registry corpus).
    apk: String,
    /// `samples/policies/…` (repository) or `shared:policies/…` (the shared corpus).
    policies: Vec<String>,
    /// What the reviewer read and why the list is what it is.
    notes: String,
    /// The complete list of findings the reviewer expects.
    #[serde(default)]
    expect: Vec<Expect>,
    /// HIGH findings the reviewer knows to be wrong, tolerated while the tool makes them.
    #[serde(default)]
    known_extra: Vec<KnownExtra>,
}

/// A HIGH finding the tool reports wrongly, with the reason (what in the tool causes it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KnownExtra {
    rule: String,
    subject: String,
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    rule: String,
    subject: String,
    severity: String,
    /// The reviewer's reason (what in the APK and in the policy makes it so).
    why: String,
    /// Why the tool does not meet this expectation yet (a known tool failure).
    known_wrong: Option<String>,
}

/// One finding of the JSON report (only the fields the gold set compares).
#[derive(Debug, Deserialize)]
struct Found {
    rule: String,
    subject: String,
    severity: String,
    message: String,
}

#[derive(Debug, Deserialize)]
struct Report {
    findings: Vec<Found>,
}

const SEVERITIES: [&str; 4] = ["high", "medium", "low", "info"];

fn gold_dir() -> PathBuf {
    common::repo().join("tests/audit_gold")
}

/// The shared corpus folder (`$SDKFLOW_SHARED`, else `shared/` next to the repository or
/// one of its parents: a worktree sits deeper than the main checkout).
fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SDKFLOW_SHARED") {
        return PathBuf::from(dir);
    }
    let root = common::repo();
    root.ancestors()
        .skip(1)
        .map(|a| a.join("shared"))
        .find(|d| d.join("policies/README.md").exists())
        .unwrap_or_else(|| {
            panic!(
                "missing real input: no shared/policies next to {} or its parents; put the shared corpus at ../shared or set SDKFLOW_SHARED",
                root.display()
            )
        })
}

/// Resolve an input path of a pair file; fails with instructions when it is missing.
fn resolve(spec: &str) -> PathBuf {
    let path = if let Some(rel) = spec.strip_prefix("corpus:") {
        common::corpus(rel)
    } else if let Some(rel) = spec.strip_prefix("shared:") {
        shared_dir().join(rel)
    } else {
        common::repo().join(spec)
    };
    assert!(
        path.exists(),
        "missing real input {} (from `{spec}`): samples come with the repository (`bash samples/build.sh`), corpus APKs from `bash .ci/run`, shared policies from ../shared",
        path.display()
    );
    path
}

fn pairs() -> Vec<(String, Pair)> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(gold_dir()).expect("tests/audit_gold exists");
    for entry in entries {
        let path = entry.expect("read tests/audit_gold").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read pair file");
        let pair: Pair = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a valid pair file: {e}", path.display()));
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        out.push((name, pair));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn run_audit(apk: &Path, policies: &[PathBuf]) -> Report {
    let apk = apk.to_string_lossy().into_owned();
    let mut args = vec!["audit".to_string(), apk];
    for p in policies {
        args.push("--policy".into());
        args.push(p.to_string_lossy().into_owned());
    }
    args.extend(["--format", "json", "--fail-on", "never"].map(String::from));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = common::sdkflow(&refs);
    assert_eq!(code, 0, "sdkflow {args:?} failed ({code}): {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("audit JSON does not parse: {e}"))
}

#[test]
fn pair_files_are_well_formed() {
    let pairs = pairs();
    assert!(
        pairs.len() >= 12,
        "the gold set needs at least 12 pairs, found {}",
        pairs.len()
    );
    for (name, pair) in &pairs {
        assert!(!pair.notes.trim().is_empty(), "{name}: notes are empty");
        assert!(!pair.policies.is_empty(), "{name}: no policy");
        let mut seen = std::collections::BTreeSet::new();
        for e in &pair.expect {
            assert!(
                sdkflow::audit::RuleId::parse(&e.rule).is_some(),
                "{name}: unknown rule {} (not in the rule catalogue)",
                e.rule
            );
            assert!(
                SEVERITIES.contains(&e.severity.as_str()),
                "{name}: unknown severity {}",
                e.severity
            );
            assert!(!e.subject.is_empty(), "{name}: empty subject");
            assert!(!e.why.trim().is_empty(), "{name}: {} has no why", e.subject);
            assert!(
                e.known_wrong.as_ref().is_none_or(|r| !r.trim().is_empty()),
                "{name}: {} has an empty known_wrong reason",
                e.subject
            );
            assert!(
                seen.insert((e.rule.as_str(), e.subject.as_str())),
                "{name}: {} {} expected twice",
                e.rule,
                e.subject
            );
        }
        for k in &pair.known_extra {
            assert!(
                sdkflow::audit::RuleId::parse(&k.rule).is_some(),
                "{name}: unknown rule {} in known_extra",
                k.rule
            );
            assert!(
                !k.why.trim().is_empty(),
                "{name}: known_extra {} has no why",
                k.subject
            );
            assert!(
                !seen.contains(&(k.rule.as_str(), k.subject.as_str())),
                "{name}: {} {} is both expected and a known extra",
                k.rule,
                k.subject
            );
        }
    }
}

#[test]
fn audits_match_the_reviewers_gold_set() {
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for (name, pair) in pairs() {
        let apk = resolve(&pair.apk);
        let policies: Vec<PathBuf> = pair.policies.iter().map(|p| resolve(p)).collect();
        let report = run_audit(&apk, &policies);

        let mut counts: BTreeMap<&str, usize> = SEVERITIES.iter().map(|s| (*s, 0)).collect();
        for f in &report.findings {
            *counts.entry(f.severity.as_str()).or_default() += 1;
        }
        let mut pair_failures = Vec::new();
        let mut known = Vec::new();
        for e in &pair.expect {
            let found = report
                .findings
                .iter()
                .find(|f| f.rule == e.rule && f.subject == e.subject);
            if let Some(reason) = &e.known_wrong {
                if found.is_some_and(|f| f.severity == e.severity) {
                    pair_failures.push(format!(
                        "known-wrong {} {} ({}) is now met: remove its known_wrong",
                        e.rule, e.subject, e.severity
                    ));
                } else {
                    known.push(format!(
                        "known wrong: {} {} ({}) not met — {reason}",
                        e.rule, e.subject, e.severity
                    ));
                }
                continue;
            }
            match found {
                None => pair_failures.push(format!(
                    "missing {} {} ({}) — {}",
                    e.rule, e.subject, e.severity, e.why
                )),
                Some(f) if f.severity != e.severity => pair_failures.push(format!(
                    "{} {}: severity {} where the reviewer expects {} — {}",
                    e.rule, e.subject, f.severity, e.severity, f.message
                )),
                Some(_) => {}
            }
        }
        let mut unlisted = Vec::new();
        for f in &report.findings {
            let expected = pair
                .expect
                .iter()
                .any(|e| e.rule == f.rule && e.subject == f.subject);
            if expected {
                continue;
            }
            let known_extra = pair
                .known_extra
                .iter()
                .find(|k| k.rule == f.rule && k.subject == f.subject);
            if let (Some(k), "high") = (known_extra, f.severity.as_str()) {
                known.push(format!(
                    "known wrong: HIGH {} {} — {}",
                    f.rule, f.subject, k.why
                ));
            } else if f.severity == "high" {
                pair_failures.push(format!(
                    "unexpected HIGH {} {} — {}",
                    f.rule, f.subject, f.message
                ));
            } else {
                unlisted.push(format!("{} {} {}", f.severity, f.rule, f.subject));
            }
        }
        for k in &pair.known_extra {
            let still = report
                .findings
                .iter()
                .any(|f| f.rule == k.rule && f.subject == k.subject && f.severity == "high");
            if !still {
                pair_failures.push(format!(
                    "known extra HIGH {} {} is no longer reported high: remove it from known_extra",
                    k.rule, k.subject
                ));
            }
        }
        // One finding per subject (issue 11): a repeated rule + subject is worth seeing.
        let mut seen = std::collections::BTreeSet::new();
        for f in &report.findings {
            if !seen.insert((f.rule.as_str(), f.subject.as_str())) {
                unlisted.push(format!(
                    "{} {} {} (reported more than once)",
                    f.severity, f.rule, f.subject
                ));
            }
        }
        let counts_text = SEVERITIES
            .iter()
            .map(|s| format!("{s} {}", counts[s]))
            .collect::<Vec<_>>()
            .join(", ");
        let verdict = if pair_failures.is_empty() {
            "pass"
        } else {
            "FAIL"
        };
        summary.push(format!(
            "{verdict} {name}: {} findings ({counts_text}); {} expected",
            report.findings.len(),
            pair.expect.len()
        ));
        for u in &unlisted {
            summary.push(format!(
                "    not in the gold list (allowed below high): {u}"
            ));
        }
        for k in &known {
            summary.push(format!("    {k}"));
        }
        for f in &pair_failures {
            summary.push(format!("    {f}"));
        }
        if !pair_failures.is_empty() {
            failures.push(name);
        }
    }
    println!("{}", summary.join("\n"));
    assert!(
        failures.is_empty(),
        "pairs that do not match the gold set: {failures:?}\n{}",
        summary.join("\n")
    );
}
