//! SARIF 2.1.0, as GitHub code scanning reads it: every rule with its help (the docs page)
//! and a `helpUri`, every result with a physical location (the policy line it concerns,
//! or the APK with a logical location naming the entry), related locations for the rest
//! of the evidence, and `partialFingerprints` from the baseline fingerprint so alerts
//! keep their identity across runs.

use serde_json::{Value, json};

use super::{Outcome, RenderOptions};
use crate::audit::{ApkEvidence, AuditReport, Finding, PolicyEvidence, RuleId, Severity};

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Render one SARIF log with one run per input.
pub fn render(outcomes: &[Outcome], options: &RenderOptions) -> String {
    let runs: Vec<Value> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Audited(r) => run(r, options),
            Outcome::Failed(f) => json!({
                "tool": tool(options),
                "artifacts": [{"location": {"uri": uri(&f.source)}, "roles": ["analysisTarget"]}],
                "invocations": [{
                    "executionSuccessful": false,
                    "toolExecutionNotifications": [{
                        "level": "error",
                        "message": {"text": f.error},
                    }],
                }],
                "results": [],
            }),
        })
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": runs,
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub ranks security alerts by this CVSS-like score (critical >= 9, high >= 7,
/// medium >= 4, low below).
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::High => "7.5",
        Severity::Medium => "5.0",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

fn tool(options: &RenderOptions) -> Value {
    let rules: Vec<Value> = RuleId::ALL
        .iter()
        .map(|id| {
            let m = id.meta();
            let mut rule = json!({
                "id": id.as_str(),
                "name": m.name,
                "shortDescription": {"text": m.title},
                "fullDescription": {"text": first_paragraph(m.doc, "## What it detects")},
                "help": {"text": m.doc, "markdown": m.doc},
                "defaultConfiguration": {"level": level(m.default_severity)},
                "properties": {
                    "tags": ["security", "privacy"],
                    "security-severity": security_severity(m.default_severity),
                },
            });
            if options.docs_base.is_some() {
                rule["helpUri"] = json!(options.rule_url(*id));
            }
            rule
        })
        .collect();
    json!({
        "driver": {
            "name": "sdkflow",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }
    })
}

fn run(r: &AuditReport, options: &RenderOptions) -> Value {
    let apk_uri = uri(&r.app.source);
    let policy_uri = uri(&r.policy.source);
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| result(f, &apk_uri, &policy_uri))
        .collect();
    // A packed app's notice comes first: it qualifies every result after it.
    let mut notifications: Vec<Value> = r
        .app
        .packed
        .iter()
        .map(|p| {
            json!({"level": "warning", "message": {"text": format!(
                "Packed app ({}): {} Evidence: {}.",
                p.name,
                p.notice,
                p.evidence.join("; ")
            )}})
        })
        .collect();
    notifications.extend(
        r.notes
            .iter()
            .map(|n| json!({"level": "note", "message": {"text": n}})),
    );
    notifications.extend(r.problems.iter().map(
        |p| json!({"level": "warning", "message": {"text": format!("{}: {}", p.at, p.message)}}),
    ));
    json!({
        "tool": tool(options),
        "artifacts": [
            {"location": {"uri": apk_uri}, "roles": ["analysisTarget"]},
            {"location": {"uri": policy_uri}, "roles": ["analysisTarget"]},
        ],
        "invocations": [{
            "executionSuccessful": true,
            "toolExecutionNotifications": notifications,
        }],
        "results": results,
        "properties": {
            "package": r.app.package,
            "suppressedByBaseline": r.summary.suppressed,
        },
    })
}

fn result(f: &Finding, apk_uri: &str, policy_uri: &str) -> Value {
    let mut locations: Vec<Value> = Vec::new();
    for e in &f.policy_evidence {
        if let PolicyEvidence::Quote {
            line: Some(line),
            column,
            snippet,
            ..
        } = e
        {
            let mut region = json!({"startLine": (*line).max(1)});
            if let Some(c) = column {
                region["startColumn"] = json!((*c).max(1));
            }
            if let Some(s) = snippet {
                region["snippet"] = json!({"text": s});
            }
            locations.push(json!({
                "physicalLocation": {"artifactLocation": {"uri": policy_uri}, "region": region},
                "message": {"text": e.describe()},
            }));
        }
    }
    for e in &f.apk_evidence {
        locations.push(apk_location(e, apk_uri));
    }
    if locations.is_empty() {
        // Nothing to point at but the APK itself (an absence on both sides).
        locations.push(json!({
            "physicalLocation": {"artifactLocation": {"uri": apk_uri}, "region": {"startLine": 1}},
        }));
    }
    let primary = locations.remove(0);
    let related: Vec<Value> = locations
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            l["id"] = json!(i + 1);
            l
        })
        .collect();
    let absences: Vec<String> = f
        .policy_evidence
        .iter()
        .filter(|e| matches!(e, PolicyEvidence::Absent { .. }))
        .map(PolicyEvidence::describe)
        .collect();
    let mut text = f.message.clone();
    if !absences.is_empty() {
        text.push_str(&format!(" ({})", absences.join("; ")));
    }
    let rule_index = RuleId::ALL.iter().position(|r| *r == f.rule).unwrap_or(0);
    let mut out = json!({
        "ruleId": f.rule.as_str(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": [primary],
        "partialFingerprints": {"sdkflow/v1": f.fingerprint},
        "properties": {"severity": f.severity.as_str(), "subject": f.subject},
    });
    if !related.is_empty() {
        out["relatedLocations"] = Value::Array(related);
    }
    if let Some(sdk) = &f.sdk {
        out["properties"]["sdk"] = json!(sdk.id);
    }
    out
}

/// A location in the APK. GitHub requires `region.startLine`; an APK has no lines, so the
/// region is line 1 and the entry is named by a logical location.
fn apk_location(e: &ApkEvidence, apk_uri: &str) -> Value {
    let mut loc = json!({
        "physicalLocation": {"artifactLocation": {"uri": apk_uri}, "region": {"startLine": 1}},
        "message": {"text": e.describe()},
    });
    if let Some(entry) = e.entry() {
        loc["logicalLocations"] = json!([{
            "name": entry,
            "fullyQualifiedName": format!("{}!{entry}", apk_uri),
            "kind": "module",
        }]);
    }
    loc
}

/// The first paragraph under `heading` in a docs page.
fn first_paragraph(doc: &str, heading: &str) -> String {
    doc.split_once(heading)
        .map(|(_, rest)| rest.trim_start())
        .and_then(|rest| rest.split("\n\n").next())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// A path as a URI reference: forward slashes, `file://` for absolute paths, and
/// percent-encoding for anything outside the unreserved set.
pub(crate) fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("out/app.apk"), "out/app.apk");
        assert_eq!(uri("/tmp/my app.apk"), "file:///tmp/my%20app.apk");
        assert_eq!(uri("policy\\隐私.txt"), "policy/%E9%9A%90%E7%A7%81.txt");
    }
}
