//! The reviewer's gold set (issue 11): `tests/audit_gold_verdicts/pairs.toml` lists app x policy
//! pairs with the findings a careful reviewer expects. Every expected finding must be
//! reported with its severity, and nothing else may be HIGH (except the `known_wrong`
//! findings a pair documents, which must still occur).

mod common;

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Gold {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    name: String,
    apk: String,
    policy: String,
    expect: Vec<String>,
    /// Wrong findings caused outside the audit, tolerated while they last.
    #[serde(default)]
    known_wrong: Vec<String>,
}

fn apk_path(spec: &str) -> std::path::PathBuf {
    if let Some(name) = spec.strip_prefix("sample:") {
        common::sample_apk(name)
    } else if let Some(rel) = spec.strip_prefix("corpus:") {
        common::corpus(rel)
    } else {
        panic!("apk must be sample:NAME or corpus:PATH, got {spec}")
    }
}

/// `rule subject severity`; the subject may contain spaces.
fn parse(line: &str) -> (String, String, String) {
    let (rule, rest) = line.split_once(' ').expect("rule subject severity");
    let (subject, severity) = rest.rsplit_once(' ').expect("rule subject severity");
    (rule.into(), subject.into(), severity.into())
}

#[test]
fn every_gold_pair_gets_its_expected_findings_and_no_other_high() {
    let text = std::fs::read_to_string(common::repo().join("tests/audit_gold_verdicts/pairs.toml"))
        .expect("read tests/audit_gold_verdicts/pairs.toml");
    let gold: Gold = toml::from_str(&text).expect("parse the gold set");
    assert!(gold.pair.len() >= 12, "the gold set shrank");
    let mut failures = Vec::new();
    for pair in &gold.pair {
        let apk = apk_path(&pair.apk);
        let policy = common::repo().join(&pair.policy);
        let (code, out, err) = common::sdkflow(&[
            "audit",
            apk.to_str().expect("utf-8"),
            "--policy",
            policy.to_str().expect("utf-8"),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        assert_eq!(code, 0, "{}: {err}", pair.name);
        let json: Value = serde_json::from_str(&out).expect("json report");
        let got: Vec<(String, String, String)> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap_or_default().to_string(),
                    f["subject"].as_str().unwrap_or_default().to_string(),
                    f["severity"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let expected: Vec<_> = pair.expect.iter().map(|l| parse(l)).collect();
        for e in &expected {
            if !got.contains(e) {
                let same: Vec<_> = got
                    .iter()
                    .filter(|g| g.0 == e.0 && g.1 == e.1)
                    .map(|g| g.2.clone())
                    .collect();
                failures.push(format!(
                    "{}: missing {e:?} (reported as {same:?})",
                    pair.name
                ));
            }
        }
        let known: Vec<_> = pair.known_wrong.iter().map(|l| parse(l)).collect();
        for k in &known {
            if !got.contains(k) {
                failures.push(format!(
                    "{}: known-wrong {k:?} no longer reported: remove it from known_wrong",
                    pair.name
                ));
            }
        }
        for g in got.iter().filter(|g| g.2 == "high") {
            if !expected.contains(g) && !known.contains(g) {
                failures.push(format!("{}: unexpected HIGH {g:?}", pair.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
