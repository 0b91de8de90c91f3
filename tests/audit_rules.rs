//! Every rule on synthetic facts and policies: the shared fixture must produce exactly the
//! findings derived by reading it, and each rule has focused positive and negative cases.

#[path = "audit_fixture/mod.rs"]
mod fixture;

use sdkflow::audit::{
    self, ApkEvidence, AuditInput, AuditOptions, AuditReport, Baseline, FailOn, Finding,
    PolicyEvidence, RuleId, Severity,
};
use sdkflow::detect::{Confidence, Evidence};

fn run(input: &AuditInput) -> AuditReport {
    audit::audit(input, &AuditOptions::default())
}

fn find<'a>(r: &'a AuditReport, rule: RuleId, subject: &str) -> Option<&'a Finding> {
    r.findings
        .iter()
        .find(|f| f.rule == rule && f.subject == subject)
}

fn has(r: &AuditReport, rule: RuleId, subject: &str) -> bool {
    find(r, rule, subject).is_some()
}

#[test]
fn fixture_produces_exactly_the_expected_findings_in_report_order() {
    let r = run(&fixture::input());
    let got: Vec<(String, String, String)> = r
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.as_str().to_string(),
                f.subject.clone(),
                f.severity.as_str().to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = fixture::EXPECTED
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        (
            r.summary.high,
            r.summary.medium,
            r.summary.low,
            r.summary.info
        ),
        (6, 4, 3, 2)
    );
    assert_eq!(r.app.package.as_deref(), Some("com.example.shop"));
    assert_eq!(r.app.sdks_detected, 3, "okhttp is a library");
    assert_eq!(r.problems.len(), 1);
}

#[test]
fn undeclared_sdk_carries_detector_evidence_and_its_data_types() {
    let r = run(&fixture::input());
    let f = find(&r, RuleId::SdkUndeclared, "talkingdata").expect("finding");
    assert!(f.apk_evidence.iter().any(|e| matches!(e,
        ApkEvidence::Detected(Evidence::Classes { package, count: 238, .. }) if package == "com.tendcloud.tenddata")));
    assert!(f.apk_evidence.contains(&ApkEvidence::SignatureData {
        data_type: "device_id.imei".into(),
        sdk_id: "talkingdata".into()
    }));
    assert!(matches!(
        &f.policy_evidence[..],
        [PolicyEvidence::Absent { .. }]
    ));
    assert_eq!(f.fingerprint, "sdk-undeclared:talkingdata");
    // Its data types are not reported again one by one.
    assert!(
        !r.findings
            .iter()
            .any(|f| f.subject.starts_with("talkingdata/"))
    );
}

#[test]
fn libraries_are_never_undeclared_sdks() {
    let r = run(&fixture::input());
    assert!(!r.findings.iter().any(|f| f.subject == "okhttp"));
    assert!(!r.sdks.iter().any(|s| s.id.as_deref() == Some("okhttp")));
}

#[test]
fn listing_an_sdk_clears_undeclared_and_mentioned_only() {
    let mut input = fixture::input();
    for s in &mut input.policy.sdks {
        if s.sdk_id.as_deref() == Some("wechat-opensdk") {
            s.listed = true;
        }
    }
    input.policy.sdks.push(sdkflow::policy::DeclaredSdk {
        alternatives: Vec::new(),
        name: "TalkingData".into(),
        sdk_id: Some("talkingdata".into()),
        listed: true,
        data_types: vec!["device_id".into()],
        ..Default::default()
    });
    let r = run(&input);
    assert!(!has(&r, RuleId::SdkUndeclared, "talkingdata"));
    assert!(!has(&r, RuleId::SdkMentionedOnly, "wechat-opensdk"));
    // Now listed, TalkingData's data types are checked: `device_id` covers both ids.
    assert!(
        !r.findings
            .iter()
            .any(|f| f.subject.starts_with("talkingdata/"))
    );
}

#[test]
fn mentioned_only_quotes_the_mention() {
    let r = run(&fixture::input());
    let f = find(&r, RuleId::SdkMentionedOnly, "wechat-opensdk").expect("finding");
    assert_eq!(f.severity, Severity::Medium);
    assert!(f.policy_evidence.iter().any(|e| e.line() == Some(20)));
}

#[test]
fn weak_detection_lowers_undeclared_to_medium() {
    let mut input = fixture::input();
    for d in &mut input.app.detections.sdks {
        if d.id == "talkingdata" {
            d.confidence = Confidence::Low;
        }
    }
    let r = run(&input);
    let f = find(&r, RuleId::SdkUndeclared, "talkingdata").expect("finding");
    assert_eq!(f.severity, Severity::Medium);
    // And --min-confidence medium drops it entirely.
    let r = audit::audit(
        &input,
        &AuditOptions {
            min_confidence: Confidence::Medium,
        },
    );
    assert!(!has(&r, RuleId::SdkUndeclared, "talkingdata"));
}

#[test]
fn stale_disclosure_only_for_listed_sdks_absent_from_the_apk() {
    let r = run(&fixture::input());
    let f = find(&r, RuleId::SdkStaleDisclosure, "umeng-analytics").expect("finding");
    assert!(f.policy_evidence.iter().any(|e| e.line() == Some(14)));
    // jpush is listed and present; wechat is mentioned, not listed.
    assert!(!has(&r, RuleId::SdkStaleDisclosure, "jpush"));
    assert!(!has(&r, RuleId::SdkStaleDisclosure, "wechat-opensdk"));
    // A low-confidence detection below the threshold still proves presence.
    let mut input = fixture::input();
    input.app.detections.sdks.push(sdkflow::detect::Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "umeng-analytics".into(),
        name: "Umeng Analytics".into(),
        name_zh: None,
        vendor: None,
        category: "analytics".into(),
        confidence: Confidence::Low,
        version: None,
        evidence: Vec::new(),
        permissions: Vec::new(),
        data_types: Vec::new(),
    });
    let r = audit::audit(
        &input,
        &AuditOptions {
            min_confidence: Confidence::High,
        },
    );
    assert!(!has(&r, RuleId::SdkStaleDisclosure, "umeng-analytics"));
}

#[test]
fn unresolved_policy_names_are_info_once() {
    let mut input = fixture::input();
    let dup = input.policy.sdks[2].clone();
    input.policy.sdks.push(dup);
    let r = run(&input);
    let n = r
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::PolicySdkUnresolved)
        .count();
    assert_eq!(n, 1);
}

#[test]
fn unexplained_permissions_are_attributed_and_graded_by_group() {
    let r = run(&fixture::input());
    let f = find(
        &r,
        RuleId::PermissionUnexplained,
        "android.permission.READ_PHONE_STATE",
    )
    .expect("finding");
    assert_eq!(f.severity, Severity::High);
    assert!(
        f.message.contains("JPush") && f.message.contains("TalkingData"),
        "{}",
        f.message
    );
    match &f.apk_evidence[..] {
        [ApkEvidence::Permission { used_by, group, .. }] => {
            assert_eq!(used_by, &["jpush".to_string(), "talkingdata".to_string()]);
            assert_eq!(group.as_deref(), Some("phone"));
        }
        other => panic!("unexpected evidence {other:?}"),
    }
    let cal = find(
        &r,
        RuleId::PermissionUnexplained,
        "android.permission.READ_CALENDAR",
    )
    .expect("calendar");
    assert_eq!(cal.severity, Severity::Medium);
    // Normal permissions are never reported; a group explanation covers its members.
    assert!(!has(
        &r,
        RuleId::PermissionUnexplained,
        "android.permission.INTERNET"
    ));
    assert!(!has(
        &r,
        RuleId::PermissionUnexplained,
        "android.permission.ACCESS_FINE_LOCATION"
    ));
}

#[test]
fn sdk_entry_permissions_count_as_explained() {
    let mut input = fixture::input();
    input.policy.sdks[0].permissions = vec!["android.permission.READ_PHONE_STATE".into()];
    let r = run(&input);
    assert!(!has(
        &r,
        RuleId::PermissionUnexplained,
        "android.permission.READ_PHONE_STATE"
    ));
}

#[test]
fn explained_but_not_requested_is_info_and_needs_a_manifest() {
    let r = run(&fixture::input());
    let f = find(
        &r,
        RuleId::PermissionNotRequested,
        "android.permission.RECORD_AUDIO",
    )
    .expect("finding");
    assert_eq!(f.severity, Severity::Info);
    // Coarse location is explained and fine location requested: same group, accurate.
    assert!(!has(
        &r,
        RuleId::PermissionNotRequested,
        "android.permission.ACCESS_COARSE_LOCATION"
    ));
    let mut input = fixture::input();
    input.app.manifest = None;
    let r = run(&input);
    assert!(!r.findings.iter().any(|f| matches!(
        f.rule,
        RuleId::PermissionUnexplained
            | RuleId::PermissionNotRequested
            | RuleId::ManifestCleartextTraffic
            | RuleId::SdkComponentExported
    )));
    assert!(r.notes.iter().any(|n| n.contains("No manifest")));
}

#[test]
fn data_rule_distinguishes_per_sdk_app_wide_and_absent() {
    let r = run(&fixture::input());
    // Declared for jpush: no finding.
    assert!(!has(
        &r,
        RuleId::DataUndeclared,
        "jpush/device_id.android_id"
    ));
    // Declared app-wide only: medium, quoting the app-wide line.
    let loc = find(&r, RuleId::DataUndeclared, "jpush/location.precise").expect("location");
    assert_eq!(loc.severity, Severity::Medium);
    assert!(loc.policy_evidence.iter().any(|e| e.line() == Some(25)));
    // Not declared: high, with signature and call-path evidence merged.
    let imei = find(&r, RuleId::DataUndeclared, "jpush/device_id.imei").expect("imei");
    assert_eq!(imei.severity, Severity::High);
    assert!(
        imei.apk_evidence
            .iter()
            .any(|e| matches!(e, ApkEvidence::SignatureData { .. }))
    );
    assert!(imei.apk_evidence.iter().any(
        |e| matches!(e, ApkEvidence::CallPath { path, sink: Some(_), .. } if path.len() == 2)
    ));
    // The app's own read, declared nowhere.
    let app = find(&r, RuleId::DataUndeclared, "app/network.wifi_list").expect("app read");
    assert!(app.sdk.is_none());
}

#[test]
fn data_declared_for_the_sdk_or_by_parent_id_clears_the_finding() {
    let mut input = fixture::input();
    input
        .policy
        .data_types
        .push(sdkflow::policy::DeclaredDataType {
            data_type: "device_id.generic".into(),
            phrase: "设备标识符".into(),
            sdk_id: Some("jpush".into()),
            evidence: None,
        });
    input
        .policy
        .data_types
        .push(sdkflow::policy::DeclaredDataType {
            data_type: "network.wifi_list".into(),
            phrase: "WiFi列表".into(),
            sdk_id: None,
            evidence: None,
        });
    let r = run(&input);
    assert!(!has(&r, RuleId::DataUndeclared, "jpush/device_id.imei"));
    assert!(!has(&r, RuleId::DataUndeclared, "app/network.wifi_list"));
    assert!(has(&r, RuleId::DataUndeclared, "jpush/app.list"));
}

#[test]
fn manifest_risks() {
    let r = run(&fixture::input());
    assert!(!has(
        &r,
        RuleId::ManifestDebuggable,
        "application/debuggable"
    ));
    let exported = find(
        &r,
        RuleId::SdkComponentExported,
        "cn.jpush.android.service.PushService",
    )
    .expect("exported");
    assert_eq!(exported.sdk.as_ref().map(|s| s.id.as_str()), Some("jpush"));
    // Not exported, or the app's own components: nothing.
    assert!(!has(
        &r,
        RuleId::SdkComponentExported,
        "cn.jpush.android.service.DataProvider"
    ));
    assert!(!has(
        &r,
        RuleId::SdkComponentExported,
        "com.example.shop.MainActivity"
    ));

    let mut input = fixture::input();
    let m = input.app.manifest.as_mut().expect("manifest");
    m.application.debuggable = true;
    m.target_sdk = Some(34);
    m.components[1].permission = Some("com.example.shop.permission.JPUSH_MESSAGE".into());
    let r = run(&input);
    assert!(has(
        &r,
        RuleId::ManifestDebuggable,
        "application/debuggable"
    ));
    // targetSdk 34 without usesCleartextTraffic: HTTP is off by default.
    assert!(!has(
        &r,
        RuleId::ManifestCleartextTraffic,
        "application/usesCleartextTraffic"
    ));
    assert!(!has(
        &r,
        RuleId::SdkComponentExported,
        "cn.jpush.android.service.PushService"
    ));

    let mut input = fixture::input();
    let m = input.app.manifest.as_mut().expect("manifest");
    m.target_sdk = Some(34);
    m.application.uses_cleartext_traffic = Some(true);
    assert!(has(
        &run(&input),
        RuleId::ManifestCleartextTraffic,
        "application/usesCleartextTraffic"
    ));
    let m = input.app.manifest.as_mut().expect("manifest");
    m.target_sdk = Some(26);
    m.application.uses_cleartext_traffic = None;
    m.application.network_security_config = Some("res/xml/network_security_config.xml".into());
    assert!(!has(
        &run(&input),
        RuleId::ManifestCleartextTraffic,
        "application/usesCleartextTraffic"
    ));
}

#[test]
fn fail_on_thresholds() {
    let r = run(&fixture::input());
    assert!(r.fails(FailOn::High));
    assert!(r.fails(FailOn::Low));
    assert!(!r.fails(FailOn::Never));
    let mut input = fixture::input();
    input.app.detections.sdks.clear();
    input.app.observed.clear();
    input.app.manifest = None;
    input.policy.sdks.retain(|s| s.sdk_id.is_none());
    let r = run(&input);
    assert_eq!(r.worst(), Some(Severity::Info));
    assert!(!r.fails(FailOn::Low));
}

#[test]
fn baseline_suppresses_known_findings_by_rule_and_subject_not_line() {
    let r = run(&fixture::input());
    let baseline = Baseline::from_reports([&r]);
    assert_eq!(baseline.findings.len(), r.findings.len());
    let text = baseline.to_json();
    assert!(!text.contains("\"line\""));
    let parsed = Baseline::parse(&text, "baseline.json").expect("parse");
    assert_eq!(parsed, baseline);

    // Move every policy line: the baseline still matches.
    let mut input = fixture::input();
    for s in &mut input.policy.sdks {
        if let Some(e) = &mut s.evidence {
            e.line += 100;
        }
    }
    // And add a new SDK: only it is left.
    input.app.detections.sdks.push(sdkflow::detect::Detection {
        bundled_by: Vec::new(),
        plugins: Vec::new(),
        id: "getui-push".into(),
        name: "Getui Push".into(),
        name_zh: Some("个推".into()),
        vendor: None,
        category: "push".into(),
        confidence: Confidence::High,
        version: None,
        evidence: Vec::new(),
        permissions: Vec::new(),
        data_types: Vec::new(),
    });
    let mut r2 = run(&input);
    parsed.apply(&mut r2);
    let left: Vec<&str> = r2.findings.iter().map(|f| f.fingerprint.as_str()).collect();
    assert_eq!(left, ["sdk-undeclared:getui-push"]);
    assert_eq!(r2.summary.suppressed, r.findings.len());
    assert_eq!(r2.summary.high, 1);

    // Another package is not covered by this baseline.
    let mut other = run(&fixture::input());
    other.app.package = Some("com.example.other".into());
    parsed.apply(&mut other);
    assert_eq!(other.findings.len(), r.findings.len());
}

#[test]
fn baseline_rejects_malformed_and_future_files() {
    assert!(Baseline::parse("{", "b.json").is_err());
    let err = Baseline::parse(r#"{"version": 99, "findings": []}"#, "b.json").unwrap_err();
    assert!(err.to_string().contains("version 99"), "{err}");
}

#[test]
fn findings_are_sorted_and_fingerprints_unique() {
    let r = run(&fixture::input());
    let sev: Vec<Severity> = r.findings.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(sev, sorted);
    let mut fps: Vec<&str> = r.findings.iter().map(|f| f.fingerprint.as_str()).collect();
    fps.sort();
    fps.dedup();
    assert_eq!(fps.len(), r.findings.len());
}
