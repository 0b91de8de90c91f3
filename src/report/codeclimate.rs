//! GitLab Code Quality (the CodeClimate issue format GitLab reads from a
//! `codequality` report artifact): a JSON array with one issue per finding, carrying the
//! fields GitLab documents as required (`description`, `check_name`, `fingerprint`,
//! `severity`, `location.path`, `location.lines.begin`). A finding is located at the policy
//! line it quotes, else at line 1 of the APK; an input that could not be audited is one
//! `blocker` issue on that input. Descriptions show controls as visible escapes and the
//! `content.body` is escaped Markdown (GitLab shows both to people); paths stay as given.

use serde_json::{Value, json};

use super::{Outcome, RenderOptions, sanitize};
use crate::audit::{AuditReport, Finding, PolicyEvidence, Severity};

/// GitLab's severity for ours: high findings are `critical` (`blocker` is kept for inputs
/// that could not be audited at all).
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::High => "critical",
        Severity::Medium => "major",
        Severity::Low => "minor",
        Severity::Info => "info",
    }
}

/// Render the Code Quality report: one JSON array for all inputs.
pub fn render(outcomes: &[Outcome], options: &RenderOptions) -> String {
    let mut issues = Vec::new();
    // GitLab needs fingerprints unique in the report: a repeat gets its occurrence number.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut unique = |fp: String| {
        let n = seen.entry(fp.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            fp
        } else {
            fingerprint(&[&fp, &n.to_string()])
        }
    };
    for o in outcomes {
        match o {
            Outcome::Audited(r) => {
                for f in &r.findings {
                    let mut i = issue(r, f, options);
                    let fp = i["fingerprint"].as_str().unwrap_or_default().to_string();
                    i["fingerprint"] = json!(unique(fp));
                    issues.push(i);
                }
            }
            Outcome::Failed(f) => issues.push(json!({
                "type": "issue",
                "description": format!(
                    "sdkflow could not audit this input: {}",
                    sanitize::text(&f.error)
                ),
                "check_name": "sdkflow-input-error",
                "categories": ["Bug Risk"],
                "fingerprint": unique(fingerprint(&["input-error", &f.source])),
                "severity": "blocker",
                "location": {"path": f.source, "lines": {"begin": 1}},
            })),
        }
    }
    let mut s = serde_json::to_string_pretty(&Value::Array(issues)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

fn issue(r: &AuditReport, f: &Finding, options: &RenderOptions) -> Value {
    // The first quoted policy line, else the APK itself.
    let quoted = f.policy_evidence.iter().find_map(|e| match e {
        PolicyEvidence::Quote {
            line: Some(line), ..
        } => Some(*line),
        _ => None,
    });
    let (path, line) = match quoted {
        Some(line) => (r.policy.source.as_str(), line.max(1)),
        None => (r.app.source.as_str(), 1),
    };
    let mut body = String::new();
    for e in &f.apk_evidence {
        body.push_str(&format!("- APK: {}\n", sanitize::markdown(&e.describe())));
    }
    for e in &f.policy_evidence {
        body.push_str(&format!(
            "- Policy: {}\n",
            sanitize::markdown(&e.describe())
        ));
    }
    body.push_str(&format!(
        "\nRule: [{}]({})\n",
        f.rule.as_str(),
        options.rule_url(f.rule)
    ));
    json!({
        "type": "issue",
        // Shown to people in GitLab: controls as visible escapes; the body is Markdown.
        "description": sanitize::text(&f.message),
        "check_name": f.rule.as_str(),
        "categories": ["Security"],
        // Identity across runs: the app and the baseline fingerprint (rule and subject),
        // never a line number, so an edit elsewhere in the policy keeps the issue's identity.
        "fingerprint": fingerprint(&[
            r.app.package.as_deref().unwrap_or(&r.app.source),
            &f.fingerprint,
        ]),
        "severity": severity(f.severity),
        "location": {"path": path, "lines": {"begin": line}},
        "content": {"body": body},
    })
}

/// A 128-bit hex digest of the parts (two FNV-1a 64 passes with different offset bases):
/// stable across runs and versions, which is all GitLab asks of a fingerprint.
fn fingerprint(parts: &[&str]) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = a ^ 0x5bd1_e995_5bd1_e995;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
            b = (b ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprints_are_stable_and_separate_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&["x"]).len(), 32);
    }
}
