//! The ground truth of the `flows` sample (samples/flows/expected.toml) is checked against the
//! smali it describes, so the data-flow analysis is scored against facts: each case's source
//! API is called (or, for callbacks, implemented) in its source method, its sink API is called
//! in its sink method, its entry point exists and reaches the case, the SDK case lives in the
//! SDK's namespace, and the unreachable case is referenced by nothing.

mod common;
mod samples_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use samples_support::{SmaliClass, all_smali_classes, source_dir};

#[derive(Debug, serde::Deserialize)]
struct Expected {
    schema: u32,
    package: String,
    case: Vec<Case>,
}

#[derive(Debug, serde::Deserialize)]
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
    #[serde(default)]
    precision: Option<String>,
}

fn expected() -> Expected {
    let path = source_dir("flows").join("expected.toml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Split `Lcls;->name(args)ret` into (class, signature).
fn split(method: &str) -> (&str, &str) {
    method
        .split_once("->")
        .unwrap_or_else(|| panic!("not a method reference: {method}"))
}

fn body<'a>(classes: &'a BTreeMap<String, SmaliClass>, method: &str) -> &'a str {
    let (class, sig) = split(method);
    let class = classes
        .get(class)
        .unwrap_or_else(|| panic!("no class {class}"));
    &class
        .method(sig)
        .unwrap_or_else(|| panic!("no method {method}"))
        .body
}

/// Classes reachable from `roots` when a class reaches every class its code mentions (a
/// coarse, over-approximating call graph: enough to show a path exists or cannot exist).
fn reachable<'a>(classes: &'a BTreeMap<String, SmaliClass>, roots: &[&str]) -> BTreeSet<&'a str> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&str> = roots
        .iter()
        .filter_map(|r| classes.get_key_value(*r).map(|(k, _)| k.as_str()))
        .collect();
    while let Some(class) = todo.pop() {
        if !seen.insert(class) {
            continue;
        }
        let code: String = classes[class]
            .methods
            .iter()
            .map(|m| m.body.as_str())
            .collect();
        for other in classes.keys() {
            if !seen.contains(other.as_str()) && code.contains(other.as_str()) {
                todo.push(other);
            }
        }
    }
    seen
}

#[test]
fn expected_toml_matches_the_flows_smali() {
    let exp = expected();
    let classes = all_smali_classes("flows");
    assert_eq!(exp.schema, 1);
    assert_eq!(
        exp.package,
        samples_support::source_manifest("flows").package
    );
    let ids: BTreeSet<&str> = exp.case.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), exp.case.len(), "case ids are unique");
    let kinds: BTreeSet<&str> = exp
        .case
        .iter()
        .filter(|c| c.flow)
        .map(|c| c.sink_kind.as_str())
        .collect();
    for kind in ["log", "network", "sms", "file", "shared_preferences", "icc"] {
        assert!(kinds.contains(kind), "a positive case with a {kind} sink");
    }
    assert!(
        exp.case.iter().filter(|c| !c.flow).count() >= 4,
        "negative cases"
    );

    let manifest = samples_support::source_manifest("flows");
    // Android starts only enabled components (`android:enabled="false"` is never run).
    let components: Vec<String> = manifest
        .tagged(&["application", "activity", "service", "receiver", "provider"])
        .iter()
        .filter(|e| e.attrs.get("android:enabled").map(String::as_str) != Some("false"))
        .map(|e| format!("L{};", e.name.replace('.', "/")))
        .collect();
    // `android:onClick` names in the layouts: the framework calls them by name.
    let layout_dir = source_dir("flows").join("res/layout");
    let layouts: String = fs::read_dir(&layout_dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", layout_dir.display()))
        .map(|f| fs::read_to_string(f.expect("layout entry").path()).expect("layout text"))
        .collect();
    let roots: Vec<&str> = components.iter().map(String::as_str).collect();
    let from_components = reachable(&classes, &roots);

    for c in &exp.case {
        assert!(!c.feature.is_empty() && !c.sink.is_empty(), "{}", c.id);
        let sink_body = body(&classes, &c.sink_method);
        assert!(
            sink_body.contains(&c.sink),
            "{}: {} not called in {}",
            c.id,
            c.sink,
            c.sink_method
        );
        match c.source_kind.as_str() {
            "return_value" => {
                let src_body = body(&classes, &c.source_method);
                assert!(
                    src_body.contains(&c.source),
                    "{}: {} not called in {}",
                    c.id,
                    c.source,
                    c.source_method
                );
                assert!(!c.data_type.is_empty(), "{}", c.id);
            }
            "callback_parameter" => {
                // the source method overrides the framework callback named by `source`
                let (iface, sig) = split(&c.source);
                let (class, own_sig) = split(&c.source_method);
                assert_eq!(sig, own_sig, "{}", c.id);
                assert!(
                    classes[class].interfaces.iter().any(|i| i == iface),
                    "{}: {class} implements {iface}",
                    c.id
                );
                // and something registers that class with the framework
                let registered = classes.values().flat_map(|k| &k.methods).any(|m| {
                    m.body.contains("new-instance")
                        && m.body.contains(class)
                        && m.body.contains("requestLocationUpdates")
                });
                assert!(registered, "{}: {class} is registered as a listener", c.id);
            }
            "" => assert!(
                c.source.is_empty() && !c.flow,
                "{}: no source means no flow",
                c.id
            ),
            other => panic!("{}: unknown source_kind {other}", c.id),
        }
        let (src_class, _) = split(if c.source_method.is_empty() {
            &c.sink_method
        } else {
            &c.source_method
        });
        let (sink_class, _) = split(&c.sink_method);
        if c.entry.is_empty() {
            // unreachable on purpose: no enabled manifest component reaches the class, or
            // the method is one no code calls and no layout names (a handler no layout binds)
            let (_, src_sig) = split(&c.source_method);
            let name = src_sig.split('(').next().unwrap_or_default();
            let called = classes
                .values()
                .flat_map(|k| &k.methods)
                .any(|m| m.body.contains(&format!(";->{name}(")));
            let bound = layouts.contains(&format!("android:onClick=\"{name}\""));
            assert!(
                !from_components.contains(src_class) || (!called && !bound),
                "{}: {} must be unreachable",
                c.id,
                c.source_method
            );
            assert!(!c.flow && c.precision.is_some(), "{}", c.id);
        } else {
            let _ = body(&classes, &c.entry);
            let (entry_class, _) = split(&c.entry);
            let reach = reachable(&classes, &[entry_class]);
            assert!(
                reach.contains(src_class),
                "{}: {} does not reach {src_class}",
                c.id,
                c.entry
            );
            // the sink may run from another entry (static_field: written in Application.onCreate,
            // sent from MainActivity.onCreate), but some component must reach it
            assert!(
                from_components.contains(sink_class),
                "{}: no component reaches {sink_class}",
                c.id
            );
            assert!(
                from_components.contains(entry_class),
                "{}: entry class {entry_class} is reached from the manifest",
                c.id
            );
        }
        if c.sdk == "app" {
            assert!(
                c.sink_method.starts_with("Lcom/sdkflow/sample/flows/"),
                "{}",
                c.id
            );
        } else {
            assert_eq!(c.sdk, "getui-push", "{}", c.id);
            assert!(
                c.sink_method.starts_with("Lcom/igexin/")
                    && c.source_method.starts_with("Lcom/igexin/"),
                "{}",
                c.id
            );
        }
    }
}

#[test]
fn every_case_class_is_covered_by_the_ground_truth() {
    let exp = expected();
    let named: BTreeSet<&str> = exp
        .case
        .iter()
        .flat_map(|c| [c.source_method.as_str(), c.sink_method.as_str()])
        .filter(|m| !m.is_empty())
        .map(|m| split(m).0.split('$').next().unwrap_or(""))
        .collect();
    for class in all_smali_classes("flows").keys() {
        if class.starts_with("Lcom/sdkflow/sample/flows/cases/") && !class.contains('$') {
            assert!(named.contains(class.as_str()), "{class} has no case");
        }
    }
}
