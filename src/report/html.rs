//! A single-file HTML report (inline CSS, no scripts, no external assets): per app a
//! summary, the detected-vs-declared SDK table, the findings with their evidence, and the
//! policy passages the findings quote. Rendered with minijinja, which escapes every value;
//! our formatter first shows control characters as visible escapes
//! ([`sanitize::text`]), and the page's Content-Security-Policy
//! forbids every script, connection and remote resource, so a missed escape still cannot
//! run or call out.

use std::collections::BTreeMap;

use minijinja::Environment;
use serde::Serialize;

use super::{Outcome, RenderOptions, sanitize};
use crate::audit::{AuditReport, Declared, PolicyEvidence, Severity};

const TEMPLATE: &str = include_str!("templates/report.html");

#[derive(Serialize)]
struct Page<'a> {
    title: String,
    version: &'static str,
    apps: Vec<AppView<'a>>,
}

#[derive(Serialize)]
struct AppView<'a> {
    source: &'a str,
    error: Option<&'a str>,
    report: Option<&'a AuditReport>,
    counts: Vec<(&'static str, usize)>,
    groups: Vec<GroupView>,
    sdks: Vec<SdkView<'a>>,
    snippets: Vec<SnippetView>,
}

#[derive(Serialize)]
struct GroupView {
    severity: &'static str,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct FindingView {
    rule: &'static str,
    rule_url: String,
    message: String,
    apk: Vec<String>,
    policy: Vec<String>,
}

#[derive(Serialize)]
struct SdkView<'a> {
    name: &'a str,
    id: Option<&'a str>,
    detected: String,
    declared: &'static str,
    ok: bool,
    policy_line: Option<usize>,
}

#[derive(Serialize)]
struct SnippetView {
    line: usize,
    text: String,
    about: Vec<String>,
}

/// Render the HTML report.
pub fn render(outcomes: &[Outcome], options: &RenderOptions) -> String {
    let apps: Vec<AppView<'_>> = outcomes.iter().map(|o| view(o, options)).collect();
    let title = match outcomes {
        [Outcome::Audited(r)] => format!("sdkflow audit: {}", r.app.source),
        [Outcome::Failed(f)] => format!("sdkflow audit: {}", f.source),
        _ => format!("sdkflow audit: {} apps", outcomes.len()),
    };
    let page = Page {
        title,
        version: env!("CARGO_PKG_VERSION"),
        apps,
    };
    let mut env = Environment::new();
    env.set_formatter(sanitize::html_formatter);
    let rendered = env
        .add_template("report.html", TEMPLATE)
        .and_then(|()| env.get_template("report.html"))
        .and_then(|t| t.render(minijinja::value::Serde(&page)));
    match rendered {
        Ok(html) => html,
        // The template is compiled in and tested; this only guards against a broken edit.
        Err(e) => format!(
            "<!doctype html><title>sdkflow</title><p>report template error: {}</p>\n",
            escape(&e.to_string())
        ),
    }
}

fn view<'a>(outcome: &'a Outcome, options: &RenderOptions) -> AppView<'a> {
    let r = match outcome {
        Outcome::Failed(f) => {
            return AppView {
                source: &f.source,
                error: Some(&f.error),
                report: None,
                counts: Vec::new(),
                groups: Vec::new(),
                sdks: Vec::new(),
                snippets: Vec::new(),
            };
        }
        Outcome::Audited(r) => r,
    };
    let groups = Severity::DESCENDING
        .iter()
        .filter(|s| r.summary.count(**s) > 0)
        .map(|s| GroupView {
            severity: s.as_str(),
            findings: r
                .findings_of(*s)
                .map(|f| FindingView {
                    rule: f.rule.as_str(),
                    rule_url: options.rule_url(f.rule),
                    message: f.message.clone(),
                    apk: f.apk_evidence.iter().map(|e| e.describe()).collect(),
                    policy: f.policy_evidence.iter().map(|e| e.describe()).collect(),
                })
                .collect(),
        })
        .collect();
    let sdks = r
        .sdks
        .iter()
        .map(|s| SdkView {
            name: &s.name,
            id: s.id.as_deref(),
            detected: match s.detected {
                Some(c) => format!("yes ({})", format!("{c:?}").to_lowercase()),
                None => "no".into(),
            },
            declared: match s.declared {
                Declared::Listed => "listed",
                Declared::Mentioned => "mentioned only",
                Declared::No => "no",
            },
            ok: s.detected.is_some() == (s.declared == Declared::Listed),
            policy_line: s.policy_line,
        })
        .collect();
    // The policy passages quoted anywhere, by line, with what each was quoted for.
    let mut snippets: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
    for f in &r.findings {
        for e in &f.policy_evidence {
            if let PolicyEvidence::Quote {
                line: Some(line),
                snippet: Some(text),
                ..
            } = e
            {
                snippets
                    .entry((*line, text.clone()))
                    .or_default()
                    .push(f.rule.as_str().to_string());
            }
        }
    }
    for s in &r.sdks {
        if let (Some(line), Some(text)) = (s.policy_line, &s.policy_snippet) {
            snippets
                .entry((line, text.clone()))
                .or_default()
                .push(format!("SDK {}", s.name));
        }
    }
    AppView {
        source: &r.app.source,
        error: None,
        report: Some(r),
        counts: Severity::DESCENDING
            .iter()
            .map(|s| (s.as_str(), r.summary.count(*s)))
            .collect(),
        groups,
        sdks,
        snippets: snippets
            .into_iter()
            .map(|((line, text), mut about)| {
                about.dedup();
                SnippetView { line, text, about }
            })
            .collect(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
