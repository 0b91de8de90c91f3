//! The CI formats on real results (issue 13): the registry APKs and the sample APKs
//! audited in one batch (plus one input that is not an APK), rendered as GitLab Code
//! Quality and JUnit XML by the CLI, and checked against the same run's JSON Lines:
//! GitLab's documented fields, one JUnit test case per rule × subject, failures exactly
//! at or above `--fail-on`.

mod common;
#[path = "report_support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use sdkflow::audit::{AuditReport, FailOn, PolicyEvidence, RuleId};
use sdkflow::report::{self, FailedInput, Outcome, OutputFormat, RenderOptions};
use sdkflow::summary::Record;
use serde_json::Value;

const POLICY: &str = "samples/policies/demo-shop.md";

struct Batch {
    _dir: tempfile::TempDir,
    args: Vec<String>,
    outcomes: Vec<Outcome>,
}

/// The batch's inputs and its JSON Lines, parsed (audited once for the whole file).
fn batch() -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let broken = dir.path().join("not-an-apk.apk");
        std::fs::write(&broken, "not a zip").expect("write");
        let corpus = common::corpus_dir().join("apk");
        assert!(
            corpus.is_dir(),
            "registry APKs missing in {}: run `bash .ci/run`",
            corpus.display()
        );
        let inputs: Vec<PathBuf> = vec![corpus, common::repo().join("samples/apk"), broken];
        let mut args: Vec<String> = vec!["audit".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend(
            [
                "--policy",
                &common::repo().join(POLICY).display().to_string(),
                "--no-flows",
                "--jobs",
                "2",
            ]
            .map(String::from),
        );
        let (code, out, err) = sdkflow(&args, &["--format", "json"]);
        assert_eq!(code, 2, "the non-APK input fails the batch: {err}");
        let outcomes: Vec<Outcome> = out
            .lines()
            .map(|l| match Record::parse(l).expect("record") {
                Record::Audited(r) => Outcome::Audited(r),
                Record::Failed(f) => Outcome::Failed(f),
            })
            .collect();
        assert!(
            outcomes.len() >= 18,
            "12 registry APKs, 6 samples, 1 failure"
        );
        Batch {
            _dir: dir,
            args,
            outcomes,
        }
    })
}

fn sdkflow(args: &[String], extra: &[&str]) -> (i32, String, String) {
    let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
    all.extend_from_slice(extra);
    common::sdkflow(&all)
}

fn reports(b: &Batch) -> impl Iterator<Item = &AuditReport> {
    b.outcomes.iter().filter_map(|o| match o {
        Outcome::Audited(r) => Some(r.as_ref()),
        Outcome::Failed(_) => None,
    })
}

fn failures(b: &Batch) -> Vec<&FailedInput> {
    b.outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed(f) => Some(f),
            Outcome::Audited(_) => None,
        })
        .collect()
}

#[test]
fn codeclimate_has_gitlabs_fields_for_every_finding() {
    let b = batch();
    let (code, out, err) = sdkflow(&b.args, &["--format", "codeclimate"]);
    assert_eq!(code, 2, "{err}");
    let issues = support::check_codeclimate("codeclimate", &out);
    let total: usize = reports(b).map(|r| r.findings.len()).sum();
    assert!(total > 100, "real results have findings: {total}");
    assert_eq!(issues.len(), total + failures(b).len());
    // Issues come in report order: check each against its finding.
    let mut it = issues.iter();
    for o in &b.outcomes {
        match o {
            Outcome::Failed(f) => {
                let i = it.next().expect("issue");
                assert_eq!(i["severity"], "blocker");
                assert_eq!(i["location"]["path"].as_str(), Some(f.source.as_str()));
            }
            Outcome::Audited(r) => {
                for f in &r.findings {
                    let i = it.next().expect("issue");
                    assert_eq!(i["check_name"].as_str(), Some(f.rule.as_str()));
                    let want = match f.severity.as_str() {
                        "high" => "critical",
                        "medium" => "major",
                        "low" => "minor",
                        _ => "info",
                    };
                    assert_eq!(i["severity"].as_str(), Some(want), "{}", f.message);
                    let line = f.policy_evidence.iter().find_map(|e| match e {
                        PolicyEvidence::Quote { line: Some(l), .. } => Some(*l),
                        _ => None,
                    });
                    let (path, begin) = match line {
                        Some(l) => (r.policy.source.as_str(), l as u64),
                        None => (r.app.source.as_str(), 1),
                    };
                    assert_eq!(i["location"]["path"].as_str(), Some(path));
                    assert_eq!(i["location"]["lines"]["begin"].as_u64(), Some(begin));
                }
            }
        }
    }
    // Same input, same fingerprints: what GitLab compares between pipelines.
    let again = report::render(
        &b.outcomes,
        OutputFormat::CodeClimate,
        &RenderOptions {
            docs_base: RenderOptions::default_docs_base(),
            batch: true,
            ..RenderOptions::default()
        },
    );
    let fps = |s: &str| -> Vec<Value> {
        let v: Value = serde_json::from_str(s).expect("JSON");
        v.as_array()
            .expect("array")
            .iter()
            .map(|i| i["fingerprint"].clone())
            .collect()
    };
    assert_eq!(fps(&out), fps(&again));
}

#[test]
fn junit_has_one_case_per_rule_and_subject_failing_at_fail_on() {
    let b = batch();
    for (flag, fail_on) in [
        ("high", FailOn::High),
        ("medium", FailOn::Medium),
        ("never", FailOn::Never),
    ] {
        let (code, out, err) = sdkflow(&b.args, &["--format", "junit", "--fail-on", flag]);
        assert_eq!(code, 2, "{err}");
        let doc = support::parse_junit(&format!("junit --fail-on {flag}"), &out);
        assert_eq!(doc.suites.len(), b.outcomes.len());
        assert_eq!(doc.errors, failures(b).len());
        let mut total_failing = 0;
        let mut suites = doc.suites.iter();
        for o in &b.outcomes {
            let (_, cases) = suites.next().expect("suite");
            let Outcome::Audited(r) = o else {
                assert_eq!(cases.len(), 1);
                continue;
            };
            // The findings' (rule, subject) pairs, then one passing case per quiet rule.
            let mut want: BTreeMap<(String, String), bool> = BTreeMap::new();
            for f in &r.findings {
                let failing = fail_on.threshold().is_some_and(|t| f.severity >= t);
                want.insert((format!("sdkflow.{}", f.rule), f.subject.clone()), failing);
            }
            for rule in RuleId::ALL {
                if !r.findings.iter().any(|f| f.rule == rule) {
                    want.insert((format!("sdkflow.{rule}"), "(no findings)".into()), false);
                }
            }
            let got: BTreeMap<(String, String), bool> = cases
                .iter()
                .map(|(c, n, failed)| ((c.clone(), n.clone()), *failed))
                .collect();
            assert_eq!(
                got.len(),
                cases.len(),
                "{}: one case per rule x subject",
                r.app.source
            );
            assert_eq!(got, want, "{}", r.app.source);
            total_failing += want.values().filter(|f| **f).count();
        }
        let root = |k: &str| {
            doc.root
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.parse::<usize>().expect("count"))
        };
        assert_eq!(root("failures"), Some(total_failing), "--fail-on {flag}");
        if fail_on == FailOn::Never {
            assert_eq!(total_failing, 0);
        } else {
            assert!(total_failing > 0, "real results fail at {flag}");
        }
    }
}
