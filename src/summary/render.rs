//! The store-wide summary as text, JSON, Markdown or a self-contained HTML page. Every
//! string from the reports (names, sources, packages, errors) is escaped where it enters
//! the output, as in [`crate::report`] (see `docs/report.md`, "Guarantees").

use std::fmt::Write;

use minijinja::Environment;
use unicode_width::UnicodeWidthStr;

use super::StoreSummary;
use crate::audit::Severity;
use crate::report::sanitize::{self, shown};

const TEMPLATE: &str = include_str!("summary.html");

/// Output formats of `sdkflow summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SummaryFormat {
    /// For the terminal.
    #[default]
    Text,
    /// The [`StoreSummary`] as pretty JSON.
    Json,
    /// A single self-contained HTML page.
    Html,
    /// Markdown.
    Markdown,
}

/// Render `s` in `format`.
pub fn render(s: &StoreSummary, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Text => text(s),
        SummaryFormat::Json => {
            let mut out = serde_json::to_string_pretty(s).unwrap_or_default();
            out.push('\n');
            out
        }
        SummaryFormat::Html => html(s),
        SummaryFormat::Markdown => markdown(s),
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.0}%", 100.0 * part as f64 / whole as f64)
    }
}

/// `s` escaped and padded to `width` terminal columns (CJK names take two per character).
fn cell(s: &str, width: usize) -> String {
    let shown = shown(s).to_string();
    let pad = width.saturating_sub(shown.width());
    shown + &" ".repeat(pad)
}

fn counts_line(s: &StoreSummary) -> String {
    Severity::DESCENDING
        .iter()
        .map(|sev| format!("{} {sev}", s.findings.count(*sev)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn text(s: &StoreSummary) -> String {
    let mut out = String::new();
    let failed = s.apps - s.audited;
    let _ = writeln!(
        out,
        "sdkflow summary: {} apps ({} audited, {failed} failed)",
        s.apps, s.audited
    );
    let _ = writeln!(out, "  findings: {}", counts_line(s));
    let _ = writeln!(
        out,
        "  apps with a high finding: {} ({})",
        s.apps_with_high,
        percent(s.apps_with_high, s.audited)
    );
    // One name column for every list, as wide as the widest name shown.
    let w = s
        .sdks
        .iter()
        .map(|x| x.name.as_str())
        .chain(s.undeclared_data_types.iter().map(|r| r.name.as_str()))
        .map(|n| shown(n).to_string().width())
        .max()
        .unwrap_or(0)
        .max(8);
    let embedded: Vec<_> = s.sdks.iter().filter(|x| x.embedded > 0).collect();
    if !embedded.is_empty() {
        let _ = writeln!(
            out,
            "\nSDKs embedded, and how many of those apps' policies declare them"
        );
        let _ = writeln!(
            out,
            "  {} {:>6} {:>9} {:>10} {:>11}",
            cell("SDK", w),
            "apps",
            "declared",
            "mentioned",
            "undeclared"
        );
        for x in embedded {
            let _ = writeln!(
                out,
                "  {} {:>6} {:>9} {:>10} {:>11}",
                cell(&x.name, w),
                x.embedded,
                format!("{} {}", x.declared, percent(x.declared, x.embedded)),
                x.mentioned_only,
                x.undeclared
            );
        }
    }
    let stale: Vec<_> = s.sdks.iter().filter(|x| x.stale > 0).collect();
    if !stale.is_empty() {
        let _ = writeln!(out, "\nSDKs listed by policies but not in the APK");
        for x in stale {
            let _ = writeln!(out, "  {} {:>6} apps", cell(&x.name, w), x.stale);
        }
    }
    if !s.undeclared_sdks.is_empty() {
        let _ = writeln!(out, "\nMost common undeclared SDKs");
        for r in &s.undeclared_sdks {
            let _ = writeln!(out, "  {} {:>6} apps", cell(&r.name, w), r.apps);
        }
    }
    if !s.undeclared_data_types.is_empty() {
        let _ = writeln!(out, "\nMost common undeclared data types");
        for r in &s.undeclared_data_types {
            let _ = writeln!(out, "  {} {:>6} apps", cell(&r.name, w), r.apps);
        }
    }
    if !s.most_high.is_empty() {
        let _ = writeln!(out, "\nApps with the most high findings");
        for a in &s.most_high {
            let pkg = a
                .package
                .as_deref()
                .map(|p| format!(" ({})", shown(p)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:>3} high {:>3} medium  {}{pkg}",
                a.high,
                a.medium,
                shown(&a.source)
            );
        }
    }
    if !s.failed.is_empty() {
        let _ = writeln!(out, "\nInputs that could not be audited");
        for f in &s.failed {
            let _ = writeln!(out, "  {}: {}", shown(&f.source), shown(&f.error));
        }
    }
    out
}

fn markdown(s: &StoreSummary) -> String {
    let esc = sanitize::markdown;
    let mut out = String::new();
    let failed = s.apps - s.audited;
    let _ = writeln!(out, "### sdkflow summary: {} apps\n", s.apps);
    let _ = writeln!(
        out,
        "{} audited, {failed} failed · findings: {} · apps with a high finding: **{}** ({})\n",
        s.audited,
        counts_line(s),
        s.apps_with_high,
        percent(s.apps_with_high, s.audited)
    );
    let embedded: Vec<_> = s.sdks.iter().filter(|x| x.embedded > 0).collect();
    if !embedded.is_empty() {
        let _ = writeln!(out, "#### SDKs embedded and declared\n");
        let _ = writeln!(
            out,
            "| SDK | Apps embedding it | Policy lists it | Only mentions it | Does not name it |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for x in embedded {
            let _ = writeln!(
                out,
                "| {} | {} | {} ({}) | {} | {} |",
                esc(&x.name),
                x.embedded,
                x.declared,
                percent(x.declared, x.embedded),
                x.mentioned_only,
                x.undeclared
            );
        }
        out.push('\n');
    }
    for (title, list) in [
        ("Most common undeclared SDKs", &s.undeclared_sdks),
        (
            "Most common undeclared data types",
            &s.undeclared_data_types,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#### {title}\n");
        let _ = writeln!(out, "| | Apps |\n|---|---:|");
        for r in list {
            let _ = writeln!(out, "| {} | {} |", esc(&r.name), r.apps);
        }
        out.push('\n');
    }
    if !s.most_high.is_empty() {
        let _ = writeln!(out, "#### Apps with the most high findings\n");
        let _ = writeln!(
            out,
            "| App | Package | High | Medium |\n|---|---|---:|---:|"
        );
        for a in &s.most_high {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                esc(&a.source),
                a.package.as_deref().map(esc).unwrap_or_default(),
                a.high,
                a.medium
            );
        }
        out.push('\n');
    }
    if !s.failed.is_empty() {
        let _ = writeln!(out, "#### Inputs that could not be audited\n");
        for f in &s.failed {
            let _ = writeln!(out, "- {}: {}", esc(&f.source), esc(&f.error));
        }
    }
    out
}

fn html(s: &StoreSummary) -> String {
    let mut env = Environment::new();
    env.set_formatter(sanitize::html_formatter);
    let failed = s.apps - s.audited;
    let ctx = minijinja::context! {
        s => minijinja::value::Serde(s),
        failed => failed,
        counts => counts_line(s),
        high_share => percent(s.apps_with_high, s.audited),
        version => env!("CARGO_PKG_VERSION"),
    };
    let rendered = env
        .add_template("summary.html", TEMPLATE)
        .and_then(|()| env.get_template("summary.html"))
        .and_then(|t| t.render(ctx));
    match rendered {
        Ok(html) => html,
        // The template is compiled in and tested; this only guards against a broken edit.
        Err(e) => format!(
            "<!doctype html><title>sdkflow</title><p>summary template error: {}</p>\n",
            e.to_string().replace('&', "&amp;").replace('<', "&lt;")
        ),
    }
}
