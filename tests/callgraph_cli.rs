//! `sdkflow callgraph` on the smali fixture: --to prints the path from the framework root,
//! --from walks the callees, an unknown method is a usage error (exit 2).

mod common;

fn fixture() -> String {
    common::repo()
        .join("tests/fixtures/callgraph/callgraph.apk")
        .display()
        .to_string()
}

#[test]
fn to_prints_the_path_from_the_root_as_json() {
    let apk = fixture();
    let (code, out, err) = common::sdkflow(&[
        "callgraph",
        &apk,
        "--to",
        "Lcom/cg/Helper;->init()V",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        v["paths"],
        serde_json::json!([[
            "<android>",
            "Lcom/cg/App;->onCreate()V",
            "Lcom/cg/Helper;->init()V"
        ]])
    );
    // 79 invoke instructions in the fixture (dexdump -d | grep -c invoke-).
    let dump = common::oracle("dexdump", &["-d"], std::path::Path::new(&apk));
    let invokes = dump.lines().filter(|l| l.contains(": invoke-")).count();
    assert_eq!(v["stats"]["call_sites"], serde_json::json!(invokes));
}

#[test]
fn to_an_unreachable_method_lists_its_callers() {
    let (code, out, err) = common::sdkflow(&[
        "callgraph",
        &fixture(),
        "--to",
        "Lcom/cg/Calls;->unused",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["paths"], serde_json::json!([]));
    assert_eq!(
        v["unreachable"],
        serde_json::json!([{ "method": "Lcom/cg/Calls;->unused()V", "callers": [] }])
    );
}

#[test]
fn from_walks_the_callees_and_unknown_methods_are_usage_errors() {
    let (code, out, err) = common::sdkflow(&[
        "callgraph",
        &fixture(),
        "--from",
        "Lcom/cg/Calls;->threadRunnable()V",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Lcom/cg/Task;->run()V"), "{out}");
    let (code, _, err) = common::sdkflow(&["callgraph", &fixture(), "--to", "Lno/Such;->m"]);
    assert_eq!(code, 2);
    assert!(err.contains("no method matches"), "{err}");
}
