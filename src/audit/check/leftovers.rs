//! Manifest leftovers: components and meta-data of an SDK whose code is in no dex of a
//! complete, unpacked app. The detector sets them apart (`Detections::leftovers`); this
//! check reports each such SDK once, naming the entries, at info.

use super::{Context, declared_quote, display_name};
use crate::audit::{ApkEvidence, Finding, RuleId, SdkRef};

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for d in &ctx.input.app.detections.leftovers {
        let name = display_name(d);
        let entries = d.evidence.len();
        let mut f = Finding::new(
            RuleId::SdkManifestLeftover,
            RuleId::SdkManifestLeftover.meta().default_severity,
            &d.id,
            format!(
                "The manifest keeps {entries} {} of {name}, whose code is in no dex: configuration left behind",
                if entries == 1 { "entry" } else { "entries" }
            ),
        );
        f.sdk = Some(SdkRef {
            id: d.id.clone(),
            name: name.clone(),
        });
        f.apk_evidence = vec![ApkEvidence::NotFound {
            what: format!("classes, native libraries or hosts of {}", d.id),
        }];
        f.apk_evidence
            .extend(d.evidence.iter().cloned().map(ApkEvidence::Detected));
        // What the policy says about the SDK is context: a listing is also reported as
        // stale by `sdk-stale-disclosure`.
        if let Some(entries) = ctx.declared.get(d.id.as_str()) {
            f.policy_evidence = entries.iter().map(|s| declared_quote(s)).collect();
        }
        out.push(f);
    }
}
