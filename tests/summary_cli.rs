//! `sdkflow summary` on the batch results of the registry APKs and the samples (issue
//! 13): the counts it prints are recomputed here from the JSON Lines with serde_json
//! alone, so the summary's own fold is checked against an independent reading.

mod common;
#[path = "report_support/mod.rs"]
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

const POLICY: &str = "samples/policies/demo-shop.md";

/// Audit the registry APKs and the samples into a JSON Lines file in `dir`.
fn results(dir: &Path) -> PathBuf {
    let corpus = common::corpus_dir().join("apk");
    assert!(
        corpus.is_dir(),
        "registry APKs missing in {}: run `bash .ci/run`",
        corpus.display()
    );
    let out = dir.join("results.jsonl");
    let (code, _, err) = common::sdkflow(&[
        "audit",
        corpus.to_str().expect("path"),
        common::repo().join("samples/apk").to_str().expect("path"),
        "--policy",
        common::repo().join(POLICY).to_str().expect("path"),
        "--format",
        "json",
        "--no-flows",
        "--jobs",
        "2",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(code, 1, "real apps have high findings: {err}");
    out
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("results")
        .lines()
        .map(|l| serde_json::from_str(l).expect("record"))
        .collect()
}

#[test]
fn summary_counts_match_the_results_they_summarise() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = results(dir.path());
    let recs = records(&path);
    assert!(recs.len() >= 18, "12 registry APKs and 6 samples");
    let (code, out, err) = common::sdkflow(&[
        "summary",
        path.to_str().expect("path"),
        "--format",
        "json",
        "--top",
        "5",
    ]);
    assert_eq!(code, 0, "{err}");
    let s: Value = serde_json::from_str(&out).expect("summary JSON");
    assert_eq!(s["apps"].as_u64(), Some(recs.len() as u64));
    assert_eq!(s["audited"].as_u64(), Some(recs.len() as u64));

    // Per SDK: apps embedding it, and of those how many list / mention / omit it.
    let mut want: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    let mut data: BTreeMap<String, u64> = BTreeMap::new();
    let mut highs: Vec<(u64, u64, String)> = Vec::new();
    for r in &recs {
        let mut seen = BTreeSet::new();
        for row in r["sdks"].as_array().expect("sdks") {
            let key = row["id"]
                .as_str()
                .or(row["name"].as_str())
                .expect("key")
                .to_string();
            if !seen.insert(key.clone()) {
                continue;
            }
            let c = want.entry(key).or_default();
            let detected = !row["detected"].is_null();
            match (detected, row["declared"].as_str().expect("declared")) {
                (true, "listed") => [c[0], c[1]] = [c[0] + 1, c[1] + 1],
                (true, "mentioned") => [c[0], c[2]] = [c[0] + 1, c[2] + 1],
                (true, _) => [c[0], c[3]] = [c[0] + 1, c[3] + 1],
                (false, "listed") => c[4] += 1,
                _ => {}
            }
        }
        let types: BTreeSet<String> = r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == "data-undeclared")
            .filter_map(|f| f["subject"].as_str()?.rsplit('/').next().map(String::from))
            .collect();
        for t in types {
            *data.entry(t).or_default() += 1;
        }
        let high = r["summary"]["high"].as_u64().expect("high");
        if high > 0 {
            highs.push((
                high,
                r["summary"]["medium"].as_u64().expect("medium"),
                r["app"]["source"].as_str().expect("source").to_string(),
            ));
        }
    }
    let got: BTreeMap<String, [u64; 5]> = s["sdks"]
        .as_array()
        .expect("sdks")
        .iter()
        .map(|x| {
            let key = x["id"]
                .as_str()
                .or(x["name"].as_str())
                .expect("key")
                .to_string();
            let n = |k: &str| x[k].as_u64().expect(k);
            (
                key,
                [
                    n("embedded"),
                    n("declared"),
                    n("mentioned_only"),
                    n("undeclared"),
                    n("stale"),
                ],
            )
        })
        .collect();
    assert_eq!(got, want);
    // The real batch has SDKs declared and SDKs not (the demo policy misses Bugly, Umeng,
    // Huawei), so both sides of the comparison are exercised.
    assert!(want.values().any(|c| c[1] > 0) && want.values().any(|c| c[3] > 0));

    // Most common undeclared data types: the top 5 counts, most apps first.
    let mut counts: Vec<u64> = data.values().copied().collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    counts.truncate(5);
    let got_counts: Vec<u64> = s["undeclared_data_types"]
        .as_array()
        .expect("data types")
        .iter()
        .map(|d| {
            assert_eq!(
                data.get(d["key"].as_str().expect("key")),
                d["apps"].as_u64().as_ref()
            );
            d["apps"].as_u64().expect("apps")
        })
        .collect();
    assert_eq!(got_counts, counts);

    // Apps with the most high findings, then medium, at most --top.
    highs.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then_with(|| a.2.cmp(&b.2)));
    highs.truncate(5);
    let got_high: Vec<(u64, u64, String)> = s["most_high"]
        .as_array()
        .expect("most_high")
        .iter()
        .map(|a| {
            (
                a["high"].as_u64().expect("h"),
                a["medium"].as_u64().expect("m"),
                a["source"].as_str().expect("s").to_string(),
            )
        })
        .collect();
    assert_eq!(got_high, highs);
    assert_eq!(
        s["apps_with_high"].as_u64(),
        Some(
            recs.iter()
                .filter(|r| r["summary"]["high"].as_u64() > Some(0))
                .count() as u64
        )
    );

    // The other formats show the same numbers.
    let top_sdk = s["undeclared_sdks"][0]["name"]
        .as_str()
        .expect("an undeclared SDK");
    for format in ["text", "md", "html"] {
        let (code, out, err) =
            common::sdkflow(&["summary", path.to_str().expect("path"), "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains(&format!("{} apps", recs.len())),
            "{format}: {out}"
        );
        assert!(out.contains(top_sdk), "{format}: {top_sdk} missing");
    }
    let (_, html, _) =
        common::sdkflow(&["summary", path.to_str().expect("path"), "--format", "html"]);
    support::check_html("summary html", &html);
}

#[test]
fn several_files_add_up_and_a_broken_line_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = results(dir.path());
    let n = records(&path).len();
    let p = path.to_str().expect("path");
    let (code, out, _) = common::sdkflow(&["summary", p, p, "--format", "json"]);
    assert_eq!(code, 0);
    let s: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(s["apps"].as_u64(), Some(2 * n as u64));

    let broken = dir.path().join("broken.jsonl");
    let text = std::fs::read_to_string(&path).expect("read");
    let first = text.lines().next().expect("a line");
    std::fs::write(&broken, format!("{first}\n\n{{\"not\": \"a record\"}}\n")).expect("write");
    let (code, _, err) = common::sdkflow(&["summary", broken.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(err.contains("line 3"), "{err}");
}
