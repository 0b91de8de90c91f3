//! The HTML report opened in a real browser (headless Chromium, Debian's `chromium`):
//! the DOM Chromium builds must contain every finding, the SDK table and the policy
//! passages, and no external resource may be referenced. A screenshot is left in
//! target/html-render/report.png for people to look at.

mod common;
#[path = "audit_fixture/mod.rs"]
mod fixture;

use std::process::Command;

use sdkflow::audit::{self, AuditOptions};
use sdkflow::report::{self, Outcome, OutputFormat, RenderOptions};

#[test]
fn chromium_renders_every_finding() {
    let report = audit::audit(&fixture::input(), &AuditOptions::default());
    let html = report::render(
        &[Outcome::Audited(Box::new(report.clone()))],
        OutputFormat::Html,
        &RenderOptions::default(),
    );
    // Self-contained: no scripts, no external stylesheets, images or fonts.
    for needle in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "HTML references `{needle}`");
    }

    let out = common::repo().join("target/html-render");
    std::fs::create_dir_all(&out).expect("out dir");
    let file = out.join("report.html");
    std::fs::write(&file, &html).expect("write report");
    let status = Command::new("bash")
        .arg(common::repo().join("tests/html_render.sh"))
        .arg(&file)
        .arg(&out)
        .status()
        .expect("run tests/html_render.sh");
    assert!(
        status.success(),
        "headless Chromium failed (exit {status}); install it with `apt-get install -y chromium`, see {}",
        out.join("chromium.log").display()
    );
    let dom = std::fs::read_to_string(out.join("dom.html")).expect("dumped DOM");
    // Chromium re-serialises the document; count finding blocks in what it built.
    assert_eq!(
        dom.matches("class=\"finding ").count(),
        report.findings.len(),
        "every finding rendered"
    );
    for f in &report.findings {
        assert!(dom.contains(f.rule.as_str()), "rule {} missing", f.rule);
        // Messages are escaped text; compare on a fragment without markup characters.
        let fragment: String = f
            .message
            .chars()
            .take_while(|c| !"<>&'\"".contains(*c))
            .collect();
        assert!(dom.contains(&fragment), "message missing: {}", f.message);
    }
    for s in &report.sdks {
        assert!(dom.contains(&s.name), "SDK row {} missing", s.name);
    }
    // A policy passage with markup in it arrives as text, not as an element.
    assert!(dom.contains("某某统计SDK：用于&lt;统计&gt;分析"));
    assert!(!dom.contains("<统计>"));
    let png = std::fs::read(out.join("report.png")).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
}

/// The report of `samples/apk/hostile.apk` (meta-data with `<img src=…>` and a
/// `javascript:` link, a versionName with terminal escapes) in the browser: Chromium builds no element from
/// input text, and the page's Content-Security-Policy is the one it enforces.
#[test]
fn chromium_builds_no_element_from_hostile_input() {
    let out = common::repo().join("target/html-render-hostile");
    std::fs::create_dir_all(&out).expect("out dir");
    let file = out.join("hostile.html");
    let policy = common::repo().join("samples/policies/demo-shop.md");
    let apk = common::sample_apk("hostile");
    let (code, html, err) = common::sdkflow(&[
        "audit",
        apk.to_str().expect("path"),
        "--policy",
        policy.to_str().expect("path"),
        "--format",
        "html",
        "--no-flows",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(html.contains("Content-Security-Policy"));
    std::fs::write(&file, &html).expect("write report");
    let status = Command::new("bash")
        .arg(common::repo().join("tests/html_render.sh"))
        .arg(&file)
        .arg(&out)
        .status()
        .expect("run tests/html_render.sh");
    assert!(
        status.success(),
        "headless Chromium failed (exit {status}); install it with `apt-get install -y chromium`"
    );
    let dom = std::fs::read_to_string(out.join("dom.html")).expect("dumped DOM");
    let lower = dom.to_lowercase();
    for element in ["<script", "<img", "<iframe", "<a href=\"javascript"] {
        assert!(
            !lower.contains(element),
            "Chromium built {element} from input text"
        );
    }
    // The hostile values are there, as text.
    assert!(
        dom.contains("UMENG_CHANNEL = &lt;img src=https://host.example/p.png&gt;"),
        "meta-data shown as text"
    );
    assert!(
        dom.contains("1.0\\u{1b}[2J\\u{9b}31m"),
        "versionName escapes shown"
    );
    assert!(dom.contains("class=\"finding "), "findings rendered");
}
