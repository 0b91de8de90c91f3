//! The terminal report, read top to bottom: a header per app, the counts, then findings
//! grouped by severity with their evidence indented under them, the SDK table and notes.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use super::sanitize::shown;
use super::{Outcome, RenderOptions};
use crate::audit::{AuditReport, Declared, Finding, Severity};

struct Styles {
    on: bool,
}

impl Styles {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, s: Severity, text: &str) -> String {
        let style = match s {
            Severity::High => AnsiColor::Red.on_default().bold(),
            Severity::Medium => AnsiColor::Yellow.on_default().bold(),
            Severity::Low => AnsiColor::Cyan.on_default(),
            Severity::Info => Style::new().dimmed(),
        };
        self.paint(style, text)
    }

    fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }
}

/// Render the terminal report.
pub fn render(outcomes: &[Outcome], options: &RenderOptions) -> String {
    let st = Styles { on: options.color };
    let mut out = String::new();
    for (i, outcome) in outcomes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match outcome {
            Outcome::Audited(report) => render_one(&mut out, report, &st, options),
            Outcome::Failed(f) => {
                let _ = writeln!(out, "{} {}", st.bold("sdkflow audit:"), shown(&f.source));
                let _ = writeln!(
                    out,
                    "  {} {}",
                    st.severity(Severity::High, "error:"),
                    shown(&f.error)
                );
            }
        }
    }
    out
}

fn render_one(out: &mut String, r: &AuditReport, st: &Styles, options: &RenderOptions) {
    let mut app = shown(&r.app.source).to_string();
    if let Some(p) = &r.app.package {
        app.push_str(&format!(" ({}", shown(p)));
        if let Some(v) = &r.app.version_name {
            app.push_str(&format!(" {}", shown(v)));
        }
        app.push(')');
    }
    let _ = writeln!(out, "{} {app}", st.bold("sdkflow audit:"));
    let _ = writeln!(out, "  against policy {}", shown(&r.policy.source));
    if let Some(p) = &r.app.packed {
        let _ = writeln!(
            out,
            "  {} {}",
            st.severity(Severity::Medium, &format!("PACKED ({}):", shown(&p.name))),
            shown(&p.notice)
        );
        for e in &p.evidence {
            let _ = writeln!(out, "      apk:    {}", shown(e));
        }
    }
    let counts: Vec<String> = Severity::DESCENDING
        .iter()
        .map(|s| {
            let text = format!("{} {s}", r.summary.count(*s));
            if r.summary.count(*s) > 0 {
                st.severity(*s, &text)
            } else {
                text
            }
        })
        .collect();
    let mut line = format!("  {}", counts.join(" · "));
    if r.summary.suppressed > 0 {
        line.push_str(&format!(
            " {}",
            st.dim(&format!(
                "({} suppressed by the baseline)",
                r.summary.suppressed
            ))
        ));
    }
    let _ = writeln!(out, "{line}");

    for sev in Severity::DESCENDING {
        let n = r.summary.count(sev);
        if n == 0 {
            continue;
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            st.severity(sev, &format!("{} ({n})", sev.as_str().to_uppercase()))
        );
        for f in r.findings_of(sev) {
            finding(out, f, st, options);
        }
    }
    if r.findings.is_empty() {
        let _ = writeln!(out, "\n  No findings.");
    }

    if !r.sdks.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", st.bold("SDKs: detected vs declared"));
        let w = r
            .sdks
            .iter()
            .map(|s| shown(&s.name).to_string().chars().count())
            .max()
            .unwrap_or(0);
        for s in &r.sdks {
            let detected = match s.detected {
                Some(c) => format!("in APK ({})", serde_plain(&c)),
                None => "not in APK".into(),
            };
            let declared = match (s.declared, s.policy_line) {
                (Declared::Listed, Some(l)) => format!("listed, line {l}"),
                (Declared::Listed, None) => "listed".into(),
                (Declared::Mentioned, Some(l)) => format!("mentioned only, line {l}"),
                (Declared::Mentioned, None) => "mentioned only".into(),
                (Declared::No, _) => "not in policy".into(),
            };
            let name = shown(&s.name).to_string();
            let pad = w.saturating_sub(name.width());
            let _ = writeln!(
                out,
                "  {name}{}  {detected:<16}  {declared}",
                " ".repeat(pad)
            );
        }
    }
    if !r.notes.is_empty() || !r.problems.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", st.bold("Notes"));
        for n in &r.notes {
            let _ = writeln!(out, "  - {}", shown(n));
        }
        for p in &r.problems {
            let _ = writeln!(
                out,
                "  - {}: {}",
                shown(&p.at.to_string()),
                shown(&p.message)
            );
        }
    }
}

fn finding(out: &mut String, f: &Finding, st: &Styles, options: &RenderOptions) {
    let _ = writeln!(
        out,
        "  {} {}",
        st.severity(f.severity, &format!("[{}]", f.rule)),
        shown(&f.message)
    );
    for line in
        crate::audit::readable::apk_evidence_lines(f, crate::audit::readable::EVIDENCE_LINES)
    {
        let _ = writeln!(out, "      {} {}", st.dim("apk:   "), shown(&line));
    }
    for e in &f.policy_evidence {
        let _ = writeln!(out, "      {} {}", st.dim("policy:"), shown(&e.describe()));
    }
    let _ = writeln!(
        out,
        "      {} {}",
        st.dim("rule:  "),
        st.dim(&options.rule_url(f.rule))
    );
}

/// The serde name of a unit enum value (`high`).
fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
