//! The data-flow test app (`samples/apk/flows.apk`) scored against its ground truth
//! (`samples/flows/expected.toml`, written with the smali sources): every positive case
//! found with the right source, sink kind, methods, owner and entry point, no negative
//! case reported, and nothing reported that no case expects. Prints precision and recall.

mod common;

use sdkflow::flows::{Flow, FlowOptions, FlowReport, analyze_app};
use sdkflow::{Limits, apk};

#[derive(Debug, serde::Deserialize)]
struct Expected {
    package: String,
    case: Vec<Case>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Case {
    id: String,
    feature: String,
    flow: bool,
    source: String,
    source_kind: String,
    data_type: String,
    source_method: String,
    sink: String,
    sink_kind: String,
    sink_method: String,
    sdk: String,
    entry: String,
    /// For a negative case: the positive case whose feature it mirrors.
    #[serde(default)]
    twin: Option<String>,
}

/// Cases the analysis cannot handle yet, with the reason (none today).
const KNOWN_MISSES: &[(&str, &str)] = &[];

fn expected() -> Expected {
    let text = std::fs::read_to_string(common::repo().join("samples/flows/expected.toml"))
        .expect("samples/flows/expected.toml");
    toml::from_str(&text).expect("expected.toml parses")
}

fn report(options: &FlowOptions) -> FlowReport {
    let app = apk::load(&common::sample_apk("flows"), &Limits::default()).expect("load flows.apk");
    analyze_app(&app, options).expect("analyse")
}

/// The scoring key of expected.toml: (source API, sink API, sink method).
fn matches(f: &Flow, c: &Case) -> bool {
    f.source.api == c.source && f.sink.api == c.sink && f.sink.method == c.sink_method
}

#[test]
fn every_case_of_the_ground_truth() {
    let exp = expected();
    let rep = report(&FlowOptions::default());
    let mut tp = 0;
    let mut fp = 0;
    let mut fn_ = 0;
    let mut failures = Vec::new();
    println!("{:<30} {:<6} {:<8} detail", "case", "flow", "result");
    for c in &exp.case {
        let known_miss = KNOWN_MISSES.iter().find(|(id, _)| *id == c.id);
        let found: Vec<&Flow> = if c.source.is_empty() {
            // No source at all: nothing may reach this method's sinks.
            rep.flows
                .iter()
                .filter(|f| f.sink.method == c.sink_method)
                .collect()
        } else {
            rep.flows.iter().filter(|f| matches(f, c)).collect()
        };
        let result = match (c.flow, found.first()) {
            (true, Some(f)) => {
                tp += 1;
                let mut wrong = Vec::new();
                if f.source.method != c.source_method {
                    wrong.push(format!("source method {}", f.source.method));
                }
                if f.source.data_type != c.data_type {
                    wrong.push(format!("data type {}", f.source.data_type));
                }
                if f.source.kind != c.source_kind {
                    wrong.push(format!("source kind {}", f.source.kind));
                }
                if f.sink.kind != c.sink_kind {
                    wrong.push(format!("sink kind {}", f.sink.kind));
                }
                if f.sdk != c.sdk {
                    wrong.push(format!("sdk {}", f.sdk));
                }
                // The case names the entry the path starts from; for a callback that is
                // the registering method, which our entry path (from the component's
                // lifecycle method) passes through.
                if !f.entry.contains(&c.entry) {
                    wrong.push(format!("entry {:?}", f.entry));
                }
                if f.path.first() != Some(&c.source_method) || f.path.last() != Some(&c.sink_method)
                {
                    wrong.push(format!("path {:?}", f.path));
                }
                if !wrong.is_empty() {
                    failures.push(format!("{}: {}", c.id, wrong.join("; ")));
                }
                "TP"
            }
            (true, None) => {
                fn_ += 1;
                if known_miss.is_none() {
                    failures.push(format!("{}: expected flow not found", c.id));
                }
                "FN"
            }
            (false, Some(f)) => {
                fp += 1;
                failures.push(format!("{}: reported {:?}", c.id, f));
                "FP"
            }
            (false, None) => "TN",
        };
        println!(
            "{:<30} {:<6} {:<8} {}",
            c.id,
            c.flow,
            result,
            known_miss.map_or("", |(_, why)| why)
        );
    }
    // Anything reported that no positive case names is a false positive too.
    for f in &rep.flows {
        if !exp.case.iter().any(|c| c.flow && matches(f, c)) {
            fp += 1;
            failures.push(format!(
                "unexpected flow {} -> {} in {}",
                f.source.api, f.sink.api, f.sink.method
            ));
        }
    }
    let positives = exp.case.iter().filter(|c| c.flow).count();
    let precision = tp as f64 / ((tp + fp).max(1)) as f64;
    let recall = tp as f64 / positives.max(1) as f64;
    println!(
        "\nTP {tp}  FP {fp}  FN {fn_}  precision {precision:.3}  recall {recall:.3} ({} cases)",
        exp.case.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(exp.package.starts_with("com.sdkflow"));
}

/// Issue 7's acceptance: every feature has a positive and a negative test. Each negative
/// case names its positive twin, and every positive feature has at least one (which
/// `every_case_of_the_ground_truth` requires to report nothing).
#[test]
fn every_feature_has_a_positive_and_a_negative_twin() {
    let exp = expected();
    let positives: Vec<&Case> = exp.case.iter().filter(|c| c.flow).collect();
    let mut twinned = std::collections::BTreeSet::new();
    for neg in exp.case.iter().filter(|c| !c.flow) {
        let twin = neg
            .twin
            .as_deref()
            .unwrap_or_else(|| panic!("{}: negative case without a twin", neg.id));
        let pos = positives
            .iter()
            .find(|p| p.id == twin)
            .unwrap_or_else(|| panic!("{}: twin {twin} is not a positive case", neg.id));
        assert_eq!(neg.sdk, pos.sdk, "{}: twin of another owner", neg.id);
        twinned.insert(pos.feature.as_str());
    }
    for p in &positives {
        assert!(p.twin.is_none(), "{}: positive cases have no twin", p.id);
        assert!(
            twinned.contains(p.feature.as_str()),
            "{} ({}) has no negative twin",
            p.id,
            p.feature
        );
    }
    assert!(twinned.len() >= 15, "{twinned:?}");
}

/// The unreachable case is a negative only because of reachability: with every method as
/// an entry point the same leak is reported (so the negative result is not an accident).
#[test]
fn reachability_is_what_hides_the_unreachable_leak() {
    let exp = expected();
    let case = exp
        .case
        .iter()
        .find(|c| c.id == "neg_unreachable")
        .expect("neg_unreachable case");
    let all = report(&FlowOptions {
        all_methods_are_entries: true,
        ..FlowOptions::default()
    });
    assert!(
        all.flows.iter().any(|f| matches(f, case)),
        "with every method as entry the leak in {} must show",
        case.source_method
    );
    let normal = report(&FlowOptions::default());
    assert!(!normal.flows.iter().any(|f| matches(f, case)));
    assert!(
        !normal
            .reads
            .iter()
            .any(|r| r.source.method == case.source_method),
        "an unreachable read is not a read"
    );
}

/// Every reachable source call of the app appears in `reads`, with its entry path.
#[test]
fn reads_list_each_reachable_source_with_its_entry_path() {
    let exp = expected();
    let rep = report(&FlowOptions::default());
    for c in exp.case.iter().filter(|c| c.flow) {
        let read = rep
            .reads
            .iter()
            .find(|r| r.source.api == c.source && r.source.method == c.source_method)
            .unwrap_or_else(|| panic!("{}: no read of {} in {}", c.id, c.source, c.source_method));
        assert!(read.entry.contains(&c.entry), "{}: {:?}", c.id, read.entry);
        assert_eq!(read.entry.last(), Some(&c.source_method), "{}", c.id);
    }
}

/// The CLI's JSON carries the documented shape and exits 1 when flows are found.
#[test]
fn cli_json_contract() {
    let apk = common::sample_apk("flows");
    let (code, out, err) = common::sdkflow(&["flows", apk.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1, "flows found means exit 1: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let flows = v["flows"].as_array().expect("flows list");
    assert!(!flows.is_empty());
    for f in flows {
        for key in ["source", "sink", "sdk", "path", "entry"] {
            assert!(f.get(key).is_some(), "flow without {key}: {f}");
        }
        assert!(f["source"]["api"].is_string() && f["sink"]["kind"].is_string());
    }
    let getui = v["sdks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["sdk"] == "getui-push")
        .expect("getui-push summary");
    let network: Vec<&str> = getui["sinks"]["network"]
        .as_array()
        .expect("network sinks")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(network.contains(&"device_id.imei") && network.contains(&"location.precise"));
    assert!(v["reads"].as_array().is_some_and(|r| !r.is_empty()));
    let (code, _, err) = common::sdkflow(&["flows", "/nonexistent.apk"]);
    assert_eq!(code, 2, "{err}");
}
