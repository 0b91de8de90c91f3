//! JUnit XML, as Jenkins, GitLab and most CI dashboards read it: one `<testsuite>` per
//! input, one `<testcase>` per rule × subject (`classname` the rule, `name` the subject),
//! failing when the finding's severity reaches `--fail-on` and passing otherwise (its
//! message then in `<system-out>`); a rule with no finding is one passing test case, so
//! the dashboard lists every check. An input that could not be audited is a suite with one
//! `<error>`. Every input-derived string goes through [`sanitize::xml`], so the document
//! is well-formed XML 1.0 whatever the input holds.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Outcome, RenderOptions, sanitize};
use crate::audit::{AuditReport, FailOn, Finding, RuleId};

/// Render JUnit XML; findings at or above `fail_on` are failures.
pub fn render(outcomes: &[Outcome], options: &RenderOptions, fail_on: FailOn) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let mut tests = 0;
    let mut failures = 0;
    let mut errors = 0;
    for o in outcomes {
        match o {
            Outcome::Audited(r) => {
                tests += cases(r).len();
                failures += r.findings.iter().filter(|f| fails(f, fail_on)).count();
            }
            Outcome::Failed(_) => {
                tests += 1;
                errors += 1;
            }
        }
    }
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "sdkflow audit"));
    root.push_attribute(("tests", tests.to_string().as_str()));
    root.push_attribute(("failures", failures.to_string().as_str()));
    root.push_attribute(("errors", errors.to_string().as_str()));
    let _ = w.write_event(Event::Start(root));
    for o in outcomes {
        match o {
            Outcome::Audited(r) => suite(&mut w, r, options, fail_on),
            Outcome::Failed(f) => {
                let mut s = BytesStart::new("testsuite");
                s.push_attribute(("name", sanitize::xml(&f.source).as_ref()));
                s.push_attribute(("tests", "1"));
                s.push_attribute(("failures", "0"));
                s.push_attribute(("errors", "1"));
                let _ = w.write_event(Event::Start(s));
                let mut c = BytesStart::new("testcase");
                c.push_attribute(("classname", "sdkflow"));
                c.push_attribute(("name", "audit"));
                let _ = w.write_event(Event::Start(c));
                let mut e = BytesStart::new("error");
                e.push_attribute(("message", sanitize::xml(&f.error).as_ref()));
                let _ = w.write_event(Event::Empty(e));
                let _ = w.write_event(Event::End(BytesEnd::new("testcase")));
                let _ = w.write_event(Event::End(BytesEnd::new("testsuite")));
            }
        }
    }
    let _ = w.write_event(Event::End(BytesEnd::new("testsuites")));
    let mut out = String::from_utf8(w.into_inner()).unwrap_or_default();
    out.push('\n');
    out
}

fn fails(f: &Finding, fail_on: FailOn) -> bool {
    fail_on.threshold().is_some_and(|t| f.severity >= t)
}

/// The test cases of one report: each finding, then each rule without findings.
fn cases(r: &AuditReport) -> Vec<(RuleId, Option<&Finding>)> {
    let mut out: Vec<(RuleId, Option<&Finding>)> =
        r.findings.iter().map(|f| (f.rule, Some(f))).collect();
    for rule in RuleId::ALL {
        if !r.findings.iter().any(|f| f.rule == rule) {
            out.push((rule, None));
        }
    }
    out
}

fn suite(w: &mut Writer<Vec<u8>>, r: &AuditReport, options: &RenderOptions, fail_on: FailOn) {
    let cases = cases(r);
    let failures = r.findings.iter().filter(|f| fails(f, fail_on)).count();
    let name: Cow<'_, str> = match &r.app.package {
        Some(p) => format!("{} ({p})", r.app.source).into(),
        None => r.app.source.as_str().into(),
    };
    let mut s = BytesStart::new("testsuite");
    s.push_attribute(("name", sanitize::xml(&name).as_ref()));
    s.push_attribute(("tests", cases.len().to_string().as_str()));
    s.push_attribute(("failures", failures.to_string().as_str()));
    s.push_attribute(("errors", "0"));
    s.push_attribute(("skipped", "0"));
    let _ = w.write_event(Event::Start(s));
    for (rule, finding) in cases {
        let mut c = BytesStart::new("testcase");
        c.push_attribute(("classname", format!("sdkflow.{rule}").as_str()));
        let subject = finding.map_or("(no findings)", |f| f.subject.as_str());
        c.push_attribute(("name", sanitize::xml(subject).as_ref()));
        c.push_attribute(("file", sanitize::xml(&r.app.source).as_ref()));
        let Some(f) = finding else {
            let _ = w.write_event(Event::Empty(c));
            continue;
        };
        let _ = w.write_event(Event::Start(c));
        let details = details(f, options);
        if fails(f, fail_on) {
            let mut e = BytesStart::new("failure");
            e.push_attribute(("message", sanitize::xml(&f.message).as_ref()));
            e.push_attribute(("type", f.severity.as_str()));
            let _ = w.write_event(Event::Start(e));
            let _ = w.write_event(Event::Text(BytesText::new(&details)));
            let _ = w.write_event(Event::End(BytesEnd::new("failure")));
        } else {
            let _ = w.write_event(Event::Start(BytesStart::new("system-out")));
            let text = format!(
                "{} (below --fail-on): {}\n{details}",
                f.severity,
                sanitize::xml(&f.message)
            );
            let _ = w.write_event(Event::Text(BytesText::new(&text)));
            let _ = w.write_event(Event::End(BytesEnd::new("system-out")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("testcase")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("testsuite")));
}

/// The evidence, one sanitised line each, and the rule's docs link.
fn details(f: &Finding, options: &RenderOptions) -> String {
    let mut out = String::new();
    for e in &f.apk_evidence {
        out.push_str(&format!("APK: {}\n", sanitize::xml(&e.describe())));
    }
    for e in &f.policy_evidence {
        out.push_str(&format!("Policy: {}\n", sanitize::xml(&e.describe())));
    }
    out.push_str(&format!(
        "Rule: {}\n",
        sanitize::xml(&options.rule_url(f.rule))
    ));
    out
}
