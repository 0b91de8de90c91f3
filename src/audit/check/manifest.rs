//! Manifest risks reviewers check alongside the policy: a debuggable build, cleartext
//! traffic, and SDK components other apps can reach without a permission.

use super::{Context, display_name};
use crate::audit::{ApkEvidence, Finding, RuleId};
use crate::detect::{Detection, Evidence};
use crate::manifest::{Component, ComponentKind};

/// Android stopped allowing cleartext by default at targetSdkVersion 28.
const CLEARTEXT_DEFAULT_OFF_FROM: u32 = 28;

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(manifest) = &ctx.input.app.manifest else {
        return;
    };
    let app = &manifest.application;
    if app.debuggable {
        let mut f = Finding::new(
            RuleId::ManifestDebuggable,
            RuleId::ManifestDebuggable.meta().default_severity,
            "application/debuggable",
            "The application is debuggable: anyone with USB access can run code as the app and read its data",
        );
        f.apk_evidence = vec![ApkEvidence::ManifestAttribute {
            attribute: "application/@android:debuggable".into(),
            value: "true".into(),
        }];
        out.push(f);
    }

    let target = manifest.target_sdk.or(manifest.min_sdk).unwrap_or(1);
    let cleartext = match (app.uses_cleartext_traffic, &app.network_security_config) {
        (Some(true), _) => Some((
            "true".to_string(),
            "allows cleartext (HTTP) traffic".to_string(),
        )),
        // A network security config decides then; sdkflow does not read it (yet).
        (None, None) if target < CLEARTEXT_DEFAULT_OFF_FROM => Some((
            format!("absent (default true at targetSdkVersion {target})"),
            format!("allows cleartext (HTTP) traffic by default (targetSdkVersion {target} < 28)"),
        )),
        _ => None,
    };
    if let Some((value, what)) = cleartext {
        let mut f = Finding::new(
            RuleId::ManifestCleartextTraffic,
            RuleId::ManifestCleartextTraffic.meta().default_severity,
            "application/usesCleartextTraffic",
            format!("The application {what}: personal data can travel unencrypted"),
        );
        f.apk_evidence = vec![ApkEvidence::ManifestAttribute {
            attribute: "application/@android:usesCleartextTraffic".into(),
            value,
        }];
        out.push(f);
    }

    for c in &manifest.components {
        if !c.enabled || !c.exported || is_protected(c) {
            continue;
        }
        let Some(owner) = ctx.detections.iter().find(|d| owns(d, &c.name)) else {
            continue;
        };
        let kind = kind_name(c.kind);
        let mut f = Finding::new(
            RuleId::SdkComponentExported,
            RuleId::SdkComponentExported.meta().default_severity,
            &c.name,
            format!(
                "{kind} {} of {} is exported without a permission: any app can start or query it",
                c.name,
                display_name(owner)
            ),
        );
        f.sdk = Some(ctx.sdk_ref(&owner.id));
        f.apk_evidence = vec![
            ApkEvidence::Detected(Evidence::Component {
                component_kind: kind.to_string(),
                name: c.name.clone(),
            }),
            ApkEvidence::ManifestAttribute {
                attribute: format!("{kind}/@android:exported"),
                value: match c.exported_explicit {
                    Some(v) => v.to_string(),
                    None => "absent (implied true by an intent filter)".to_string(),
                },
            },
        ];
        out.push(f);
    }
}

fn is_protected(c: &Component) -> bool {
    c.permission.is_some()
        || (c.kind == ComponentKind::Provider
            && c.read_permission.is_some()
            && c.write_permission.is_some())
}

/// Whether the component belongs to the detected SDK: named in its evidence, or under one
/// of its matched packages.
fn owns(d: &Detection, class: &str) -> bool {
    d.evidence.iter().any(|e| match e {
        Evidence::Component { name, .. } => name == class,
        Evidence::Classes { package, .. } => class
            .strip_prefix(package.as_str())
            .is_some_and(|rest| rest.starts_with('.')),
        _ => false,
    })
}

fn kind_name(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Activity => "activity",
        ComponentKind::ActivityAlias => "activity-alias",
        ComponentKind::Service => "service",
        ComponentKind::Receiver => "receiver",
        ComponentKind::Provider => "provider",
    }
}
