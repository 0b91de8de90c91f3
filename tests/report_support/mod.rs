//! Hostile strings and the checks that every output format keeps its guarantees on them
//! (docs/report.md, "Guarantees"). The definitions here are written from the guarantees,
//! not taken from `sdkflow::report::sanitize`, so a narrowed implementation fails them.
#![allow(dead_code)]

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use quick_xml::events::Event as XmlEvent;
use serde_json::Value;

/// Pieces of attack text; fields get random concatenations of them.
pub const HOSTILE: &[&str] = &[
    "\u{1b}]0;pwned\u{7}\u{1b}[31mEVIL\u{1b}[0m",
    "\u{202e}gnp.exe",
    "![x](https://host.example/t.png)",
    "</details><script>alert(1)</script>",
    "@octocat",
    "| a | b |\nINJECTED line",
    "`code` `` ```",
    "\u{0}\u{7f}\u{85}\u{9b}31m\u{8}\r",
    "www.evil.example user@evil.example",
    "<img src=https://host.example/p.png onerror=alert(1)>",
    "&amp; &#x3c; &lt;",
    "\u{fffe}\u{ffff}",
    "\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}\u{202a}\u{202b}\u{202c}\u{202d}\u{2028}\u{2029}",
    "]]> <!-- --> <?xml ?>",
    "[link](javascript:alert(1)) <https://autolink.example>",
    "$\\href{https://host.example}{x}$ ~~strike~~ *em* __strong__",
    "# heading\n- item\n> quote",
    "\u{1b}]8;;https://evil.example/\u{7}click\u{1b}]8;;\u{7}",
    "极光推送SDK \\ trailing backslash\\",
];

/// Is `c` a character no text output may carry from an input: C0 (newline included),
/// DEL, C1, and the bidirectional controls the issue names (U+202A–U+202E, U+2066–U+2069,
/// U+200E/U+200F, U+061C), plus the line and paragraph separators.
pub fn forbidden(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20
        || (0x7f..=0x9f).contains(&u)
        || (0x202a..=0x202e).contains(&u)
        || (0x2066..=0x2069).contains(&u)
        || matches!(u, 0x200e | 0x200f | 0x061c | 0x2028 | 0x2029)
}

/// A random hostile string: one to three pieces, sometimes with ordinary text around.
pub fn hostile(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    if rng.bool() {
        s.push_str("ok ");
    }
    for _ in 0..rng.usize(1..=3) {
        s.push_str(HOSTILE[rng.usize(..HOSTILE.len())]);
    }
    s
}

/// JSON keys whose values are enum names or ids that must stay parseable.
const KEEP: &[&str] = &[
    "rule",
    "severity",
    "kind",
    "detected",
    "declared",
    "confidence",
];

/// Replace every string in `v` (but the enum-valued keys) with a hostile one.
pub fn poison(v: &mut Value, rng: &mut fastrand::Rng) {
    match v {
        Value::String(s) => *s = hostile(rng),
        Value::Array(items) => items.iter_mut().for_each(|i| poison(i, rng)),
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                if !KEEP.contains(&k.as_str()) {
                    poison(item, rng);
                }
            }
        }
        _ => {}
    }
}

/// Text for a terminal: no forbidden character but our newlines, and no line an input
/// started (every hostile newline is followed by `INJECTED` or a Markdown marker).
pub fn check_text(what: &str, out: &str) {
    for (i, line) in out.lines().enumerate() {
        if let Some(c) = line.chars().find(|c| forbidden(*c)) {
            panic!(
                "{what}: line {} carries U+{:04X}: {line:?}",
                i + 1,
                u32::from(c)
            );
        }
        for start in ["INJECTED", "- item", "> quote"] {
            assert!(
                !line.starts_with(start),
                "{what}: an input started line {}: {line:?}",
                i + 1
            );
        }
    }
}

/// `s` with every SGR sequence (`ESC [ digits/semicolons m`) removed; panics on any other
/// escape sequence (our colours are the only ones a text report may emit).
pub fn strip_sgr(what: &str, s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        assert_eq!(chars.next(), Some('['), "{what}: an escape that is not SGR");
        loop {
            match chars.next() {
                Some('m') => break,
                Some(d) if d.is_ascii_digit() || d == ';' => {}
                other => panic!("{what}: an escape that is not SGR (at {other:?})"),
            }
        }
    }
    out
}

/// What a Markdown report may contain besides escaped text.
pub struct MarkdownExpect<'a> {
    /// Links must point under this prefix (the rule docs).
    pub link_prefix: &'a str,
    /// Code spans we write: rule ids and the (sanitised) input names.
    pub code_spans: BTreeSet<String>,
    /// HTML we write (`<details>` blocks); anything else is an injection.
    pub html: &'a [&'a str],
    /// Rows of each table (header included), in order, with the cells per row.
    pub table_rows: Vec<usize>,
    pub table_columns: usize,
}

/// Parse `md` as GitHub does (tables, strikethrough) and check that inputs opened no link,
/// image, HTML, heading, emphasis, code span, table row or cell, and left no mention or
/// autolink in the text.
pub fn check_markdown(what: &str, md: &str, expect: &MarkdownExpect<'_>) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    let mut tables: Vec<usize> = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => assert!(
                dest_url.starts_with(expect.link_prefix),
                "{what}: link to {dest_url}"
            ),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("{what}: image {dest_url}"),
            Event::Start(Tag::Emphasis | Tag::Strikethrough) => {
                panic!("{what}: emphasis or strikethrough opened by an input")
            }
            Event::Start(Tag::Heading { .. }) => {}
            Event::Html(h) | Event::InlineHtml(h) => html.push_str(&h),
            Event::Code(c) => assert!(
                expect.code_spans.contains(c.as_ref()),
                "{what}: code span {c:?} is not one we wrote"
            ),
            Event::Text(t) => {
                if let Some(c) = t.chars().find(|c| forbidden(*c)) {
                    panic!("{what}: text carries U+{:04X}: {t:?}", u32::from(c));
                }
                let lower = t.to_lowercase();
                assert!(!lower.contains("://"), "{what}: autolinkable URL in {t:?}");
                assert!(
                    !lower.contains("www."),
                    "{what}: autolinkable www. in {t:?}"
                );
                let chars: Vec<char> = t.chars().collect();
                for w in chars.windows(2) {
                    assert!(
                        !(w[0] == '@' && w[1].is_ascii_alphanumeric()),
                        "{what}: a mention or e-mail autolink in {t:?}"
                    );
                }
            }
            Event::Start(Tag::Table(_)) => tables.push(0),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                assert_eq!(cells, expect.table_columns, "{what}: cells in a table row");
                if let Some(rows) = tables.last_mut() {
                    *rows += 1;
                }
            }
            Event::Start(Tag::TableCell) => cells += 1,
            _ => {}
        }
    }
    let mut rest = html.clone();
    for allowed in expect.html {
        rest = rest.replace(allowed, "");
    }
    assert!(
        rest.trim().is_empty(),
        "{what}: HTML not written by us: {rest:?}"
    );
    assert_eq!(tables, expect.table_rows, "{what}: table rows");
}

/// The CSP every HTML page carries.
pub const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";

/// HTML: the CSP comes before anything an input can reach; no input-made element or
/// attribute; no forbidden characters.
pub fn check_html(what: &str, html: &str) {
    let csp = html
        .find(CSP)
        .unwrap_or_else(|| panic!("{what}: no CSP meta"));
    let title = html.find("<title>").expect("title");
    assert!(csp < title, "{what}: the CSP must come before the title");
    assert_eq!(
        html.matches("<meta http-equiv").count(),
        1,
        "{what}: one CSP"
    );
    let lower = html.to_lowercase();
    for needle in [
        "<script",
        "<img",
        "<iframe",
        "<object",
        "<link",
        "<base",
        "</details>",
        "href=\"javascript:",
    ] {
        assert!(!lower.contains(needle), "{what}: contains {needle}");
    }
    // Every anchor is one of ours (rule links).
    for (i, _) in html.match_indices("<a ") {
        assert!(
            html[i..].starts_with("<a class=\"rule\" href=\""),
            "{what}: an anchor not written by us: {}",
            &html[i..html.len().min(i + 80)]
        );
    }
    check_text(what, html);
}

/// Is `c` allowed in an XML 1.0 document?
pub fn xml_char(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xa | 0xd | 0x20..=0xd7ff | 0xe000..=0xfffd | 0x10000..=0x10ffff)
}

/// One JUnit test case: classname, name, and whether it has a `<failure>`.
pub type Case = (String, String, bool);

/// A parsed JUnit document: test cases per suite (suite name, cases).
pub struct JUnit {
    pub suites: Vec<(String, Vec<Case>)>,
    pub errors: usize,
    pub root: Vec<(String, String)>,
}

/// Parse JUnit XML with quick-xml, checking every character and attribute value is XML 1.0.
pub fn parse_junit(what: &str, xml: &str) -> JUnit {
    if let Some(c) = xml.chars().find(|c| !xml_char(*c)) {
        panic!("{what}: U+{:04X} is not allowed in XML 1.0", u32::from(c));
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = JUnit {
        suites: Vec::new(),
        errors: 0,
        root: Vec::new(),
    };
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
        let (start, empty) = match &event {
            XmlEvent::Start(s) => (Some(s.clone()), false),
            XmlEvent::Empty(s) => (Some(s.clone()), true),
            XmlEvent::End(_) => {
                depth -= 1;
                (None, false)
            }
            XmlEvent::Text(t) => {
                let text = t.xml10_content();
                assert!(text.chars().all(xml_char), "{what}: text {text:?}");
                (None, false)
            }
            XmlEvent::GeneralRef(r) => {
                // Only the predefined entities; a character reference must name an XML char.
                if r.is_char_ref() {
                    let c = r.resolve_char_ref().ok().flatten();
                    assert!(c.is_some_and(xml_char), "{what}: character reference {c:?}");
                } else {
                    let name = r.xml10_content();
                    assert!(
                        ["lt", "gt", "amp", "quot", "apos"].contains(&name.as_ref()),
                        "{what}: entity {name}"
                    );
                }
                (None, false)
            }
            XmlEvent::Eof => break,
            _ => (None, false),
        };
        let Some(s) = start else { continue };
        let name = s.name().as_ref().to_string();
        let mut attrs = Vec::new();
        for a in s.attributes() {
            let a = a.unwrap_or_else(|e| panic!("{what}: bad attribute: {e}"));
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap_or_else(|e| panic!("{what}: attribute does not unescape: {e}"))
                .into_owned();
            assert!(v.chars().all(xml_char), "{what}: attribute value {v:?}");
            assert!(!v.chars().any(forbidden), "{what}: attribute value {v:?}");
            attrs.push((a.key.as_ref().to_string(), v));
        }
        let get = |k: &str| {
            attrs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        match name.as_str() {
            "testsuites" => out.root = attrs.clone(),
            "testsuite" => out.suites.push((get("name"), Vec::new())),
            "testcase" => {
                if let Some(last) = out.suites.last_mut() {
                    last.1.push((get("classname"), get("name"), false));
                }
            }
            "failure" => {
                if let Some(case) = out.suites.last_mut().and_then(|s| s.1.last_mut()) {
                    case.2 = true;
                }
            }
            "error" => out.errors += 1,
            _ => {}
        }
        if !empty {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "{what}: unclosed elements");
    out
}

/// GitLab Code Quality: the documented required fields, with GitLab's severities.
pub fn check_codeclimate(what: &str, json: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    let issues = doc
        .as_array()
        .unwrap_or_else(|| panic!("{what}: not an array"))
        .clone();
    let mut fingerprints = BTreeSet::new();
    for i in &issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                i[field].as_str().is_some_and(|s| !s.is_empty()),
                "{what}: {field} missing in {i}"
            );
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap_or_default()),
            "{what}: severity {}",
            i["severity"]
        );
        assert!(
            i["location"]["path"]
                .as_str()
                .is_some_and(|p| !p.is_empty()),
            "{what}: location.path in {i}"
        );
        assert!(
            i["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1),
            "{what}: location.lines.begin in {i}"
        );
        assert!(
            fingerprints.insert(i["fingerprint"].as_str().unwrap_or_default().to_string()),
            "{what}: duplicate fingerprint {}",
            i["fingerprint"]
        );
        let desc = i["description"].as_str().unwrap_or_default();
        assert!(!desc.chars().any(forbidden), "{what}: description {desc:?}");
    }
    issues
}
