//! The output guarantees end to end (issue 14): `samples/apk/hostile.apk` (built by
//! samples/build.sh from samples/hostile/: escape sequences, bidi controls, Markdown and
//! HTML in its label, versionName and meta-data, a lone surrogate, hostile entry and class
//! names), saved under a hostile file name, audited against a policy whose SDK table names
//! are hostile too. Every subcommand's every format is checked on its raw bytes.

mod common;
#[path = "report_support/mod.rs"]
mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use sdkflow::audit::RuleId;
use sdkflow::report::sanitize;
use support::{check_codeclimate, check_html, check_markdown, check_text, parse_junit};

const DOCS: &str = "https://example.org/sdkflow/blob/main/";

/// A policy that lists SDKs under hostile names and quotes hostile text.
const POLICY: &str = "# 隐私政策\n\n\
我们会申请相机权限\u{1b}]0;pwned\u{7}用于扫码\u{202e}，详见 ![x](https://host.example/t.png)。\n\n\
## 第三方SDK目录\n\n\
| SDK名称 | 第三方公司名称 | 使用目的 | 收集的个人信息 | 隐私政策链接 |\n\
|---|---|---|---|---|\n\
| 极光推送SDK\u{1b}[31m | 深圳市和讯华谷信息技术有限公司</details> | 推送 | 设备标识符（IMEI） | https://host.example/t.png |\n\
| \u{202e}新浪微博SDK | <script>alert(1)</script> | 分享 @octocat | 设备型号 | javascript:alert(1) |\n\
| 恶意统计SDK\u{1b}]8;;https://evil.example/\u{7}x | ![x](https://host.example/t.png) | 统计 | 网络类型 | www.evil.example |\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run sdkflow; stdout and stderr must be UTF-8 whatever the input held.
fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_sdkflow"))
        .args(args)
        .output()
        .expect("run sdkflow");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    check_text(&format!("stderr of {args:?}"), &stderr);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout,
        stderr,
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    apk: PathBuf,
    policy: PathBuf,
    batch: PathBuf,
}

fn setup() -> Setup {
    let src = common::sample_apk("hostile");
    let dir = tempfile::tempdir().expect("tempdir");
    let batch = dir.path().join("batch");
    std::fs::create_dir(&batch).expect("mkdir");
    // The file name is an input too: an escape sequence, a bidi override, a newline.
    let apk = batch.join("app\u{1b}[31m\u{202e}kpa.\nINJECTED.apk");
    std::fs::copy(&src, &apk).expect("copy hostile.apk");
    add_non_utf8_entry(&apk, dir.path());
    std::fs::write(batch.join("broken\u{1b}]0;x\u{7}.apk"), "not a zip").expect("write");
    let policy = dir.path().join("policy\u{1b}[2J.md");
    std::fs::write(&policy, POLICY).expect("write policy");
    Setup {
        _dir: dir,
        apk,
        policy,
        batch,
    }
}

/// Add an entry whose name is not UTF-8 (`assets/\xff\xfe.bin`) with Debian's zip: the
/// committed sample leaves it out because aapt (like Android) refuses such an archive,
/// which would take aapt away as an oracle for the sample.
fn add_non_utf8_entry(apk: &Path, dir: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let stage = dir.join("stage");
    std::fs::create_dir_all(stage.join("assets")).expect("mkdir");
    let name = std::ffi::OsStr::from_bytes(b"assets/not-utf8-\xff\xfe.bin");
    std::fs::write(stage.join(name), "x").expect("write");
    let status = Command::new("zip")
        .arg("-q")
        .arg(apk)
        .arg(name)
        .current_dir(&stage)
        .status()
        .expect("zip not runnable: apt-get install zip");
    assert!(status.success(), "zip failed");
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn audit(setup: &Setup, format: &str) -> Run {
    let r = run(&[
        "audit",
        s(&setup.apk),
        "--policy",
        s(&setup.policy),
        "--format",
        format,
        "--docs-url",
        DOCS,
        "--no-flows",
    ]);
    assert_eq!(
        r.code, 1,
        "{format}: the hostile app has high findings\n{}",
        r.stderr
    );
    r
}

#[test]
fn audit_text_escapes_every_input_string() {
    let setup = setup();
    let r = audit(&setup, "text");
    check_text("audit text", &r.stdout);
    // The hostile strings reached the report, made visible.
    for shown in ["\\u{1b}[31m", "\\u{202e}", "\\u{a}INJECTED"] {
        assert!(r.stdout.contains(shown), "{shown} not shown:\n{}", r.stdout);
    }
}

#[test]
fn audit_markdown_html_and_machine_formats_keep_their_guarantees() {
    let setup = setup();
    let json: serde_json::Value =
        serde_json::from_str(&audit(&setup, "json").stdout).expect("JSON parses");
    let findings = json["findings"].as_array().expect("findings").len();
    let sdks = json["sdks"].as_array().expect("sdks").len();
    // The lone surrogate in versionName arrives as U+FFFD, never as invalid text.
    let version = json["app"]["version_name"].as_str().expect("versionName");
    assert!(
        version.contains('\u{fffd}') && version.contains('\u{1b}'),
        "{version:?}"
    );

    let md = audit(&setup, "md").stdout;
    let mut code_spans: BTreeSet<String> =
        RuleId::ALL.iter().map(|r| r.as_str().to_string()).collect();
    code_spans.insert(sanitize::markdown_code(s(&setup.apk)));
    code_spans.insert(sanitize::markdown_code(s(&setup.policy)));
    check_markdown(
        "audit md",
        &md,
        &support::MarkdownExpect {
            link_prefix: &format!("{DOCS}docs/rules/"),
            code_spans,
            html: &[
                "<details><summary>evidence</summary>",
                "<details><summary>SDKs: detected vs declared</summary>",
                "</details>",
            ],
            table_rows: vec![sdks + 1],
            table_columns: 3,
        },
    );

    let html = audit(&setup, "html").stdout;
    check_html("audit html", &html);
    assert!(
        html.contains("&lt;script&gt;"),
        "the label's <script> is shown as text"
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&audit(&setup, "sarif").stdout).expect("SARIF parses");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo().join("tests/schemas/sarif-schema-2.1.0.json"))
            .expect("schema"),
    )
    .expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let junit = parse_junit("audit junit", &audit(&setup, "junit").stdout);
    let cases = &junit.suites[0].1;
    assert!(
        cases.len() >= findings,
        "{} cases for {findings} findings",
        cases.len()
    );

    let issues = check_codeclimate("audit codeclimate", &audit(&setup, "codeclimate").stdout);
    assert_eq!(issues.len(), findings);
}

#[test]
fn every_subcommand_text_output_escapes_input_strings() {
    let setup = setup();
    let apk = s(&setup.apk);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["policy", s(&setup.policy)], "\\u{1b}[31m"),
        (vec!["manifest", apk], "&#x1b;"),
        (vec!["sdks", apk], "\\u{1b}]0;pwned"),
        (vec!["inspect", apk, "--classes"], "\\u{2067}"),
        (vec!["flows", apk, "--all-entries"], "\\u{1b}[31m"),
        (
            vec![
                "callgraph",
                apk,
                "--from",
                "Lcom/sdkflow/sample/hostile/HostileApp;->onCreate",
            ],
            "\\u{2067}",
        ),
    ];
    for (args, shown) in cases {
        let r = run(&args);
        assert!(
            r.code == 0 || r.code == 1,
            "{args:?}: exit {}: {}",
            r.code,
            r.stderr
        );
        check_text(args[0], &r.stdout);
        assert!(
            r.stdout.contains(shown),
            "{}: {shown} not shown:\n{}",
            args[0],
            r.stdout
        );
    }
    // The entry name that is not UTF-8 reached the reader (and was reported, not shown raw).
    let r = run(&["inspect", apk]);
    assert!(r.stdout.contains("not valid UTF-8"), "{}", r.stdout);
}

#[test]
fn summary_of_hostile_results_keeps_the_guarantees() {
    let setup = setup();
    let results = setup.batch.parent().expect("dir").join("results.jsonl");
    let r = run(&[
        "audit",
        s(&setup.batch),
        "--policy",
        s(&setup.policy),
        "--format",
        "json",
        "--no-flows",
        "-o",
        s(&results),
    ]);
    assert_eq!(r.code, 2, "the broken input fails the batch");
    let text = run(&["summary", s(&results)]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    check_text("summary text", &text.stdout);
    assert!(
        text.stdout.contains("2 apps (1 audited, 1 failed)"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("\\u{1b}"), "{}", text.stdout);
    let html = run(&["summary", s(&results), "--format", "html"]).stdout;
    check_html("summary html", &html);
    let json: serde_json::Value =
        serde_json::from_str(&run(&["summary", s(&results), "--format", "json"]).stdout)
            .expect("summary JSON");
    assert_eq!(json["failed"].as_array().map(Vec::len), Some(1));
    let md = run(&["summary", s(&results), "--format", "md"]).stdout;
    check_markdown_summary(&md);
}

/// The summary's Markdown: no link, image, HTML, code span, mention or autolink at all.
fn check_markdown_summary(md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => panic!("summary md: link"),
            Event::Html(h) | Event::InlineHtml(h) => panic!("summary md: HTML {h}"),
            Event::Code(c) => panic!("summary md: code span {c}"),
            Event::Text(t) => {
                assert!(!t.chars().any(support::forbidden), "{t:?}");
                assert!(!t.contains("://") && !t.contains("www."), "{t:?}");
            }
            _ => {}
        }
    }
}
