//! SDK rules: in the APK but not in the policy, only mentioned, listed but absent, and
//! policy names that resolve to no signature.

use std::collections::BTreeSet;

use super::{Context, LIBRARY_CATEGORY, display_name};
use crate::audit::{ApkEvidence, Finding, PolicyEvidence, RuleId};
use crate::detect::Confidence;

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for d in &ctx.detections {
        if d.category == LIBRARY_CATEGORY {
            continue;
        }
        let name = display_name(d);
        let mut apk: Vec<ApkEvidence> = d.evidence.iter().map(ApkEvidence::from).collect();
        if !ctx.is_named(&d.id) {
            // Its data types go into this finding rather than one finding each: until the
            // SDK is disclosed at all, per-data-type findings would only repeat this one.
            apk.extend(d.data_types.iter().map(|dt| ApkEvidence::SignatureData {
                data_type: dt.clone(),
                sdk_id: d.id.clone(),
            }));
            apk.extend(
                ctx.input
                    .app
                    .observed
                    .iter()
                    .filter(|o| o.sdk_id.as_deref() == Some(d.id.as_str()))
                    .map(|o| ApkEvidence::CallPath {
                        data_type: o.data_type.clone(),
                        path: o.path.clone(),
                        sink: o.sink.clone(),
                    }),
            );
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
        if listed.is_empty() || ctx.detected.contains(id) {
            continue;
        }
        let policy_name = listed.first().map(|s| s.name.clone()).unwrap_or_default();
        let mut f = Finding::new(
            RuleId::SdkStaleDisclosure,
            RuleId::SdkStaleDisclosure.meta().default_severity,
            *id,
            format!("The policy lists {policy_name} but the APK does not contain it"),
        );
        f.sdk = Some(ctx.sdk_ref(id));
        f.apk_evidence = vec![ApkEvidence::NotFound {
            what: format!("code, manifest components or native libraries of {id}"),
        }];
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
        f.policy_evidence = vec![PolicyEvidence::quote(
            format!("{} {}", if s.listed { "lists" } else { "mentions" }, s.name),
            s.evidence.as_ref(),
        )];
        out.push(f);
    }
}
