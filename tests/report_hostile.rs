//! Property-style tests of the output guarantees (issue 14, docs/report.md "Guarantees"):
//! the fixture's report with every input-derived string replaced by random hostile text
//! (terminal escapes, bidi controls, Markdown and HTML injections, XML-invalid characters)
//! goes through every renderer, and each output is checked by parsing it the way its reader
//! would (pulldown-cmark for Markdown, serde_json, quick-xml) or, for text, character by
//! character. A failed input with a hostile name and error rides along in every batch.

#[path = "audit_fixture/mod.rs"]
mod fixture;
#[path = "report_support/mod.rs"]
mod support;

use std::collections::BTreeSet;

use sdkflow::audit::{self, AuditOptions, AuditReport, FailOn, RuleId};
use sdkflow::report::{self, FailedInput, Outcome, OutputFormat, RenderOptions, sanitize};
use support::{check_codeclimate, check_html, check_markdown, check_text, parse_junit, strip_sgr};

const DOCS: &str = "https://example.org/sdkflow/blob/main/";
const ROUNDS: u64 = 40;

/// The fixture's report with every string poisoned (seeded: a failure names its seed).
fn hostile_report(seed: u64) -> AuditReport {
    let report = audit::audit(&fixture::input(), &AuditOptions::default());
    let mut value = serde_json::to_value(&report).expect("report to JSON");
    let mut rng = fastrand::Rng::with_seed(seed);
    support::poison(&mut value, &mut rng);
    let poisoned: AuditReport = serde_json::from_value(value).expect("poisoned report parses");
    assert!(!poisoned.findings.is_empty() && !poisoned.sdks.is_empty());
    poisoned
}

fn hostile_outcomes(seed: u64) -> (AuditReport, FailedInput, Vec<Outcome>) {
    let report = hostile_report(seed);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let failed = FailedInput {
        source: support::hostile(&mut rng),
        error: support::hostile(&mut rng),
        location: None,
    };
    let outcomes = vec![
        Outcome::Audited(Box::new(report.clone())),
        Outcome::Failed(failed.clone()),
    ];
    (report, failed, outcomes)
}

fn options(color: bool) -> RenderOptions {
    RenderOptions {
        color,
        docs_base: Some(DOCS.into()),
        batch: true,
    }
}

#[test]
fn text_shows_every_control_as_a_visible_escape() {
    for seed in 0..ROUNDS {
        let (report, _, outcomes) = hostile_outcomes(seed);
        let plain = report::render(&outcomes, OutputFormat::Text, &options(false));
        check_text(&format!("text, seed {seed}"), &plain);
        // The hostile label's escape sequence is shown, not lost.
        assert!(plain.contains("\\u{1b}"), "seed {seed}: escapes shown");
        // In colour the only escapes are our SGR colours around the same text.
        let colour = report::render(&outcomes, OutputFormat::Text, &options(true));
        assert!(colour.contains("\u{1b}["), "colour requested");
        assert_eq!(strip_sgr(&format!("colour, seed {seed}"), &colour), plain);
        // One finding line per finding: no input ended a line early.
        let finding_lines = plain
            .lines()
            .filter(|l| {
                RuleId::ALL
                    .iter()
                    .any(|r| l.starts_with(&format!("  [{r}] ")))
            })
            .count();
        assert_eq!(finding_lines, report.findings.len(), "seed {seed}");
    }
}

#[test]
fn markdown_opens_nothing_an_input_asks_for() {
    for seed in 0..ROUNDS {
        let (report, failed, outcomes) = hostile_outcomes(seed);
        let md = report::render(&outcomes, OutputFormat::Markdown, &options(false));
        let mut code_spans: BTreeSet<String> =
            RuleId::ALL.iter().map(|r| r.as_str().to_string()).collect();
        for s in [&report.app.source, &report.policy.source, &failed.source] {
            code_spans.insert(sanitize::markdown_code(s));
        }
        check_markdown(
            &format!("markdown, seed {seed}"),
            &md,
            &support::MarkdownExpect {
                link_prefix: &format!("{DOCS}docs/rules/"),
                code_spans,
                html: &[
                    "<details><summary>evidence</summary>",
                    "<details><summary>SDKs: detected vs declared</summary>",
                    "</details>",
                ],
                table_rows: vec![report.sdks.len() + 1],
                table_columns: 3,
            },
        );
        // Exactly our <details> blocks, each closed once (a `</details>` inside a code
        // span is text, and the parser check above saw no other HTML).
        let lines = |tag: &str| {
            md.lines()
                .filter(|l| l.trim_start().starts_with(tag))
                .count()
        };
        assert_eq!(lines("<details>"), report.findings.len() + 1, "seed {seed}");
        assert_eq!(
            lines("</details>"),
            report.findings.len() + 1,
            "seed {seed}"
        );
    }
}

#[test]
fn html_escapes_everything_and_forbids_scripts_and_remote_loads() {
    for seed in 0..ROUNDS {
        let (report, _, outcomes) = hostile_outcomes(seed);
        let html = report::render(&outcomes, OutputFormat::Html, &options(false));
        check_html(&format!("html, seed {seed}"), &html);
        assert_eq!(
            html.matches("class=\"finding ").count(),
            report.findings.len()
        );
    }
}

#[test]
fn json_and_sarif_are_valid_and_keep_the_input_text() {
    for seed in 0..ROUNDS {
        let (report, failed, outcomes) = hostile_outcomes(seed);
        // JSON Lines: one parseable record per outcome, the report unchanged by the trip.
        let jsonl = report::render(&outcomes, OutputFormat::Json, &options(false));
        let lines: Vec<&str> = jsonl.lines().collect();
        assert_eq!(lines.len(), 2, "seed {seed}: one line per record");
        let back: AuditReport = serde_json::from_str(lines[0]).expect("record parses");
        assert_eq!(
            serde_json::to_value(&back).expect("to value"),
            serde_json::to_value(&report).expect("to value"),
            "seed {seed}: JSON keeps every input string as it was"
        );
        let f: serde_json::Value = serde_json::from_str(lines[1]).expect("failed record");
        assert_eq!(f["source"].as_str(), Some(failed.source.as_str()));

        let sarif = report::render(&outcomes, OutputFormat::Sarif, &options(false));
        let log: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF parses");
        let results = log["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), report.findings.len(), "seed {seed}");
        assert_eq!(log["runs"].as_array().map(Vec::len), Some(2));
    }
}

#[test]
fn junit_is_well_formed_xml_1_0_for_any_input() {
    for seed in 0..ROUNDS {
        let (report, _, outcomes) = hostile_outcomes(seed);
        for fail_on in [FailOn::High, FailOn::Low, FailOn::Never] {
            let xml = report::render(&outcomes, OutputFormat::Junit(fail_on), &options(false));
            let what = format!("junit {fail_on:?}, seed {seed}");
            let doc = parse_junit(&what, &xml);
            assert_eq!(doc.suites.len(), 2, "{what}");
            let rules: BTreeSet<RuleId> = report.findings.iter().map(|f| f.rule).collect();
            let cases = &doc.suites[0].1;
            assert_eq!(
                cases.len(),
                report.findings.len() + RuleId::ALL.len() - rules.len(),
                "{what}"
            );
            let failing = report
                .findings
                .iter()
                .filter(|f| fail_on.threshold().is_some_and(|t| f.severity >= t))
                .count();
            assert_eq!(cases.iter().filter(|c| c.2).count(), failing, "{what}");
            assert_eq!(doc.errors, 1, "{what}: the failed input");
        }
    }
}

#[test]
fn codeclimate_is_valid_with_gitlab_fields_for_any_input() {
    for seed in 0..ROUNDS {
        let (report, _, outcomes) = hostile_outcomes(seed);
        let json = report::render(&outcomes, OutputFormat::CodeClimate, &options(false));
        let issues = check_codeclimate(&format!("codeclimate, seed {seed}"), &json);
        assert_eq!(issues.len(), report.findings.len() + 1, "seed {seed}");
        // The body is Markdown GitLab may render: the same guarantees as the PR comment.
        for i in &issues {
            if let Some(body) = i["content"]["body"].as_str() {
                check_markdown(
                    &format!("codeclimate body, seed {seed}"),
                    body,
                    &support::MarkdownExpect {
                        link_prefix: &format!("{DOCS}docs/rules/"),
                        code_spans: BTreeSet::new(),
                        html: &[],
                        table_rows: Vec::new(),
                        table_columns: 0,
                    },
                );
            }
        }
    }
}
