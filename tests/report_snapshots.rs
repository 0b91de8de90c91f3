//! Snapshot tests (insta) of every output format over the one shared fixture, so any
//! change to what a reviewer, a CI system or a PR comment sees shows up in review.
//! Snapshots live in tests/snapshots/; update with `INSTA_UPDATE=always cargo test
//! --test report_snapshots` and review the diff.

#[path = "audit_fixture/mod.rs"]
mod fixture;

use sdkflow::audit::{self, AuditOptions};
use sdkflow::report::{self, Outcome, OutputFormat, RenderOptions};

fn render(format: OutputFormat, color: bool) -> String {
    let report = audit::audit(&fixture::input(), &AuditOptions::default());
    let options = RenderOptions {
        color,
        docs_base: Some("https://example.org/sdkflow/blob/main/".into()),
        batch: false,
    };
    report::render(&[Outcome::Audited(Box::new(report))], format, &options)
}

#[test]
fn text() {
    insta::assert_snapshot!("text", render(OutputFormat::Text, false));
}

#[test]
fn text_in_colour_only_adds_escape_codes() {
    let plain = render(OutputFormat::Text, false);
    let colour = render(OutputFormat::Text, true);
    assert!(
        colour.contains("\x1b["),
        "colour requested but none emitted"
    );
    assert_eq!(anstream::adapter::strip_str(&colour).to_string(), plain);
}

#[test]
fn json() {
    insta::assert_snapshot!("json", render(OutputFormat::Json, false));
}

#[test]
fn sarif() {
    insta::assert_snapshot!("sarif", render(OutputFormat::Sarif, false));
}

#[test]
fn html() {
    insta::assert_snapshot!("html", render(OutputFormat::Html, false));
}

#[test]
fn markdown() {
    insta::assert_snapshot!("markdown", render(OutputFormat::Markdown, false));
}
