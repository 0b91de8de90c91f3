//! SDK rules: in the APK but not in the policy, only mentioned, listed but absent, and
//! policy names that resolve to no signature.

use std::collections::BTreeSet;

use super::{Context, LIBRARY_CATEGORY, PACKER_CATEGORY, declared_quote, display_name};
use crate::audit::{ApkEvidence, Finding, PolicyEvidence, RuleId, Severity};
use crate::detect::Confidence;

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for d in &ctx.detections {
        // A bundled component follows its parent: it is evidence on the parent's finding.
        if d.category == LIBRARY_CATEGORY || ctx.bundled_in.contains_key(d.id.as_str()) {
            continue;
        }
        let name = display_name(d);
        let mut apk: Vec<ApkEvidence> = d.evidence.iter().map(ApkEvidence::from).collect();
        for (child, _) in ctx.bundled_in.iter().filter(|(_, p)| **p == d.id) {
            apk.push(ApkEvidence::Bundled {
                sdk_id: child.to_string(),
                name: ctx.sdk_ref(child).name,
            });
        }
        // A packer protects the app's code and collects nothing: naming it in the policy is
        // enough (no finding), leaving it out is worth knowing only.
        if d.category == PACKER_CATEGORY {
            if !ctx.is_named(&d.id) {
                let mut f = Finding::new(
                    RuleId::SdkUndeclared,
                    Severity::Info,
                    &d.id,
                    format!(
                        "{name} (an app packer: protection, not a data collector) is in the APK but the policy does not name it"
                    ),
                );
                f.sdk = Some(ctx.sdk_ref(&d.id));
                f.apk_evidence = apk;
                f.policy_evidence = vec![PolicyEvidence::absent(format!(
                    "any listing or mention of {name}"
                ))];
                out.push(f);
            }
            continue;
        }
        if let Some(entries) = ctx.siblings.get(d.id.as_str()) {
            let names: Vec<&str> = entries.iter().map(|s| s.name.as_str()).collect();
            let mut f = Finding::new(
                RuleId::SdkDeclaredUnderOtherName,
                RuleId::SdkDeclaredUnderOtherName.meta().default_severity,
                &d.id,
                format!(
                    "{name} is in the APK; the policy names its vendor's other product {} instead",
                    names.join(", ")
                ),
            );
            f.sdk = Some(ctx.sdk_ref(&d.id));
            f.apk_evidence = apk;
            f.policy_evidence = entries
                .iter()
                .map(|s| {
                    PolicyEvidence::quote(
                        format!(
                            "lists {} ({}), a sibling product of {name}",
                            s.name,
                            s.sdk_id.as_deref().unwrap_or("?")
                        ),
                        s.evidence.as_ref(),
                    )
                })
                .collect();
            f.policy_evidence
                .push(PolicyEvidence::absent(format!("{name} under its own name")));
            out.push(f);
        } else if !ctx.is_named(&d.id) {
            // What the SDK is seen to read and what its vendor says it collects go into
            // this finding: until the SDK is disclosed at all, per-data findings would only
            // repeat this one.
            apk.extend(
                ctx.input
                    .app
                    .observed
                    .iter()
                    .filter(|o| {
                        o.sdk_id.as_deref() == Some(d.id.as_str())
                            || o.sdk_id
                                .as_deref()
                                .is_some_and(|s| ctx.bundled_in.get(s) == Some(&d.id.as_str()))
                    })
                    .map(|o| super::data::call_path(ctx, o)),
            );
            if !d.data_types.is_empty() {
                apk.push(ApkEvidence::VendorStatement {
                    sdk_id: d.id.clone(),
                    data_types: d.data_types.clone(),
                });
            }
            let mut severity = RuleId::SdkUndeclared.meta().default_severity;
            let mut message = format!("{name} is in the APK but the policy does not name it");
            if d.confidence == Confidence::Low {
                severity = severity.lowered();
                message.push_str(" (weak evidence only)");
            }
            let mut f = Finding::new(RuleId::SdkUndeclared, severity, &d.id, message);
            f.sdk = Some(ctx.sdk_ref(&d.id));
            f.apk_evidence = apk;
            f.policy_evidence = vec![PolicyEvidence::absent(format!(
                "any listing or mention of {name}"
            ))];
            out.push(f);
        } else if !ctx.is_listed(&d.id) {
            let mentions = ctx.declared.get(d.id.as_str()).cloned().unwrap_or_default();
            let mut severity = RuleId::SdkMentionedOnly.meta().default_severity;
            if d.confidence == Confidence::Low {
                severity = severity.lowered();
            }
            let mut f = Finding::new(
                RuleId::SdkMentionedOnly,
                severity,
                &d.id,
                format!(
                    "{name} is in the APK but the policy only mentions it, without listing it as an embedded SDK"
                ),
            );
            f.sdk = Some(ctx.sdk_ref(&d.id));
            f.apk_evidence = apk;
            f.policy_evidence = mentions
                .iter()
                .map(|s| PolicyEvidence::quote(format!("mentions {}", s.name), s.evidence.as_ref()))
                .collect();
            f.policy_evidence.push(PolicyEvidence::absent(format!(
                "{name} in the list of embedded third-party SDKs"
            )));
            out.push(f);
        }
    }

    // Any detection, even below the confidence threshold, shows the SDK is not gone.
    for (id, entries) in &ctx.declared {
        let listed: Vec<_> = entries.iter().filter(|s| s.listed).collect();
        // A sibling product standing in for a detected SDK is reported from that side.
        if listed.is_empty() || ctx.detected.contains(id) || ctx.sibling_sources.contains(id) {
            continue;
        }
        let policy_name = listed.first().map(|s| s.name.clone()).unwrap_or_default();
        // Manifest entries left behind by a removed SDK explain why a reviewer may still
        // see its name in the manifest: shown, but they do not make the SDK present.
        let leftover = ctx
            .input
            .app
            .detections
            .leftovers
            .iter()
            .find(|d| d.id == **id);
        // In a packed app the SDK's code may sit in the encrypted dex: its absence is not
        // evidence, so the finding drops to info and says why.
        let (severity, message, what) = match (&ctx.input.app.detections.packer, leftover) {
            (Some(p), _) => (
                Severity::Info,
                format!(
                    "The policy lists {policy_name}, which cannot be confirmed in this packed app"
                ),
                format!(
                    "manifest components or native libraries of {id} (its code, if any, is encrypted by {})",
                    p.label()
                ),
            ),
            (None, Some(_)) => (
                RuleId::SdkStaleDisclosure.meta().default_severity,
                format!("The policy lists {policy_name} but the APK does not contain it"),
                format!(
                    "code or native libraries of {id} (the manifest entries below are configuration left behind)"
                ),
            ),
            (None, None) => (
                RuleId::SdkStaleDisclosure.meta().default_severity,
                format!("The policy lists {policy_name} but the APK does not contain it"),
                format!("code, manifest components or native libraries of {id}"),
            ),
        };
        let mut f = Finding::new(RuleId::SdkStaleDisclosure, severity, *id, message);
        f.sdk = Some(ctx.sdk_ref(id));
        f.apk_evidence = vec![ApkEvidence::NotFound { what }];
        if let Some(d) = leftover {
            f.apk_evidence
                .extend(d.evidence.iter().cloned().map(ApkEvidence::Detected));
        }
        f.policy_evidence = listed
            .iter()
            .map(|s| PolicyEvidence::quote(format!("lists {}", s.name), s.evidence.as_ref()))
            .collect();
        out.push(f);
    }

    let mut seen = BTreeSet::new();
    for s in &ctx.input.policy.sdks {
        if s.sdk_id.is_some() || !seen.insert(s.name.as_str()) {
            continue;
        }
        let mut f = Finding::new(
            RuleId::PolicySdkUnresolved,
            RuleId::PolicySdkUnresolved.meta().default_severity,
            &s.name,
            format!(
                "The policy names {} but no SDK signature matches it, so it was not checked against the APK",
                s.name
            ),
        );
        f.policy_evidence = vec![declared_quote(s)];
        out.push(f);
    }
}
