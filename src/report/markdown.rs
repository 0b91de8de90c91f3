//! Markdown for pull-request comments: counts first, findings grouped by severity with the
//! evidence folded under `<details>`, so a long report stays readable in a PR thread.

use std::fmt::Write;

use super::sanitize::{markdown as escape, markdown_code as code};
use super::{Outcome, RenderOptions};
use crate::audit::{AuditReport, Declared, Severity};

/// Render Markdown.
pub fn render(outcomes: &[Outcome], options: &RenderOptions) -> String {
    let mut out = String::new();
    for (i, o) in outcomes.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        match o {
            Outcome::Audited(r) => one(&mut out, r, options),
            Outcome::Failed(f) => {
                let _ = writeln!(out, "### sdkflow audit: `{}`\n", code(&f.source));
                let _ = writeln!(out, "**Error:** {}", escape(&f.error));
            }
        }
    }
    out
}

fn one(out: &mut String, r: &AuditReport, options: &RenderOptions) {
    let mut app = format!("`{}`", code(&r.app.source));
    if let Some(p) = &r.app.package {
        app.push_str(&format!(" ({})", escape(p)));
    }
    let _ = writeln!(out, "### sdkflow audit: {app}\n");
    let _ = writeln!(out, "Policy: `{}`\n", code(&r.policy.source));
    if let Some(p) = &r.app.packed {
        let _ = writeln!(
            out,
            "> **Packed app ({}).** {}",
            escape(&p.name),
            escape(&p.notice)
        );
        for e in &p.evidence {
            let _ = writeln!(out, "> - `{}`", code(e));
        }
        let _ = writeln!(out);
    }
    let counts: Vec<String> = Severity::DESCENDING
        .iter()
        .map(|s| format!("**{}** {s}", r.summary.count(*s)))
        .collect();
    let mut line = counts.join(" · ");
    if r.summary.suppressed > 0 {
        line.push_str(&format!(
            " · {} suppressed by the baseline",
            r.summary.suppressed
        ));
    }
    let _ = writeln!(out, "{line}\n");
    if r.findings.is_empty() {
        let _ = writeln!(out, "No findings.\n");
    }
    for sev in Severity::DESCENDING {
        if r.summary.count(sev) == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "#### {} ({})\n",
            sev.as_str().to_uppercase(),
            r.summary.count(sev)
        );
        for f in r.findings_of(sev) {
            let _ = writeln!(
                out,
                "- [`{}`]({}) {}",
                f.rule,
                options.rule_url(f.rule),
                escape(&f.message)
            );
            let _ = writeln!(out, "  <details><summary>evidence</summary>\n");
            for line in crate::audit::readable::apk_evidence_lines(
                f,
                crate::audit::readable::EVIDENCE_LINES,
            ) {
                let _ = writeln!(out, "  - APK: {}", escape(&line));
            }
            for e in &f.policy_evidence {
                let _ = writeln!(out, "  - Policy: {}", escape(&e.describe()));
            }
            let _ = writeln!(out, "\n  </details>");
        }
        out.push('\n');
    }
    if !r.sdks.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>SDKs: detected vs declared</summary>\n"
        );
        let _ = writeln!(out, "| SDK | In the APK | In the policy |");
        let _ = writeln!(out, "|---|---|---|");
        for s in &r.sdks {
            let detected = if s.detected.is_some() { "yes" } else { "no" };
            let declared = match (s.declared, s.policy_line) {
                (Declared::Listed, Some(l)) => format!("listed (line {l})"),
                (Declared::Listed, None) => "listed".into(),
                (Declared::Mentioned, Some(l)) => format!("mentioned only (line {l})"),
                (Declared::Mentioned, None) => "mentioned only".into(),
                (Declared::No, _) => "no".into(),
            };
            let _ = writeln!(out, "| {} | {detected} | {declared} |", escape(&s.name));
        }
        let _ = writeln!(out, "\n</details>\n");
    }
    for n in &r.notes {
        let _ = writeln!(out, "> {}", escape(n));
    }
}
