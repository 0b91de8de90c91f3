//! Every machine-readable output validated against its schema: SARIF against the official
//! OASIS SARIF 2.1.0 schema (vendored in tests/schemas/), JSON against docs/report.schema.json.
//! Both schemas are checked to reject broken documents too, so a pass means something.

mod common;
#[path = "audit_fixture/mod.rs"]
mod fixture;

use sdkflow::audit::{self, AuditOptions, AuditReport, Baseline};
use sdkflow::report::{self, FailedInput, Outcome, OutputFormat, RenderOptions};
use serde_json::Value;

fn load(rel: &str) -> Value {
    let text = std::fs::read_to_string(common::repo().join(rel)).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn validator(rel: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&load(rel))
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn fixture_report() -> AuditReport {
    audit::audit(&fixture::input(), &AuditOptions::default())
}

fn outcomes() -> Vec<Outcome> {
    let mut with_baseline = fixture_report();
    let mut baseline = Baseline::from_reports([&with_baseline]);
    baseline.findings.truncate(3);
    baseline.apply(&mut with_baseline);
    let mut no_manifest = fixture::input();
    no_manifest.app.manifest = None;
    no_manifest.app.package = None;
    vec![
        Outcome::Audited(Box::new(fixture_report())),
        Outcome::Audited(Box::new(with_baseline)),
        Outcome::Audited(Box::new(audit::audit(
            &no_manifest,
            &AuditOptions::default(),
        ))),
        Outcome::Failed(FailedInput::new(
            "broken.apk",
            &sdkflow::Error::malformed(
                sdkflow::Location::entry("broken.apk", "classes.dex").at(0x70),
                sdkflow::Format::Dex,
                "bad magic",
            ),
        )),
    ]
}

fn options() -> RenderOptions {
    RenderOptions {
        color: false,
        docs_base: Some("https://example.org/sdkflow/blob/main/".into()),
        batch: false,
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let v = validator("tests/schemas/sarif-schema-2.1.0.json");
    for (name, outs) in [
        ("single", outcomes()[..1].to_vec()),
        ("batch with a failure", outcomes()),
    ] {
        let sarif: Value =
            serde_json::from_str(&report::render(&outs, OutputFormat::Sarif, &options()))
                .expect("SARIF is JSON");
        let errs = errors(&v, &sarif);
        assert!(errs.is_empty(), "{name}: {errs:#?}");
    }
    // Without a docs base there is no helpUri, and the log is still valid.
    let sarif: Value = serde_json::from_str(&report::render(
        &outcomes()[..1],
        OutputFormat::Sarif,
        &RenderOptions::default(),
    ))
    .expect("json");
    assert!(errors(&v, &sarif).is_empty());
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let sarif: Value = serde_json::from_str(&report::render(
        &outcomes()[..1],
        OutputFormat::Sarif,
        &options(),
    ))
    .expect("json");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), sdkflow::audit::RuleId::ALL.len());
    for r in rules {
        let id = r["id"].as_str().expect("id");
        assert_eq!(
            r["helpUri"],
            format!("https://example.org/sdkflow/blob/main/docs/rules/{id}.md")
        );
        assert!(
            r["help"]["markdown"]
                .as_str()
                .is_some_and(|m| m.starts_with(&format!("# {id}")))
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), fixture::EXPECTED.len());
    for res in results {
        // GitHub needs a physical location with a start line on every result.
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string(), "{res}");
        assert!(
            loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1),
            "{res}"
        );
        assert!(res["partialFingerprints"]["sdkflow/v1"].is_string());
        let idx = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
    }
    // A finding with a policy quote points at the policy line; one without at the APK entry.
    let stale = results
        .iter()
        .find(|r| r["ruleId"] == "sdk-stale-disclosure")
        .expect("stale");
    let loc = &stale["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "shop-policy.txt");
    assert_eq!(loc["region"]["startLine"], 14);
    let undeclared = results
        .iter()
        .find(|r| r["ruleId"] == "sdk-undeclared")
        .expect("undeclared");
    let loc = &undeclared["locations"][0];
    assert_eq!(
        loc["physicalLocation"]["artifactLocation"]["uri"],
        "shop.apk"
    );
    assert_eq!(
        loc["logicalLocations"][0]["fullyQualifiedName"],
        "shop.apk!classes.dex"
    );
    assert_eq!(undeclared["level"], "error");
}

#[test]
fn sarif_schema_rejects_a_broken_log() {
    // A check that the vendored schema is really applied: drop a required property.
    let v = validator("tests/schemas/sarif-schema-2.1.0.json");
    let mut sarif: Value = serde_json::from_str(&report::render(
        &outcomes()[..1],
        OutputFormat::Sarif,
        &options(),
    ))
    .expect("json");
    sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    sarif["runs"][0]["tool"]["driver"]
        .as_object_mut()
        .expect("driver")
        .remove("name");
    assert!(errors(&v, &sarif).len() >= 2);
}

#[test]
fn json_report_and_json_lines_validate_against_docs_schema() {
    let v = validator("docs/report.schema.json");
    let single: Value = serde_json::from_str(&report::render(
        &outcomes()[..1],
        OutputFormat::Json,
        &options(),
    ))
    .expect("json");
    let errs = errors(&v, &single);
    assert!(errs.is_empty(), "{errs:#?}");
    let lines = report::render(&outcomes(), OutputFormat::Json, &options());
    let mut n = 0;
    for line in lines.lines() {
        let rec: Value = serde_json::from_str(line).expect("one record per line");
        let errs = errors(&v, &rec);
        assert!(errs.is_empty(), "{line}: {errs:#?}");
        n += 1;
    }
    assert_eq!(n, 4);
}

#[test]
fn report_schema_rejects_unknown_rules_severities_and_fields() {
    let v = validator("docs/report.schema.json");
    let good = serde_json::to_value(fixture_report()).expect("json");
    let mut bad = good.clone();
    bad["findings"][0]["severity"] = "critical".into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["findings"][0]["rule"] = "no-such-rule".into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["surprise"] = true.into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good;
    bad["schema_version"] = 2.into();
    assert!(!errors(&v, &bad).is_empty());
}

#[test]
fn schema_rule_list_matches_the_rule_enum() {
    let schema = load("docs/report.schema.json");
    let listed: Vec<&str> = schema["$defs"]["rule"]["enum"]
        .as_array()
        .expect("enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let ids: Vec<&str> = sdkflow::audit::RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(listed, ids);
}
