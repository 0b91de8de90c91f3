//! What the regulator expects of each listed SDK: the data it collects, its purpose and
//! its company (`sdk-listing-incomplete`), and the data its vendor states it collects
//! (`data-vendor-stated`). Both rest on the policy's record and the vendor's statement,
//! not on anything observed in the APK, so both are low.

use std::collections::BTreeSet;

use super::Context;
use crate::audit::{ApkEvidence, Finding, PolicyEvidence, RuleId};
use crate::policy::DeclaredSdk;

/// Whether a declared data-type id covers `wanted` (same rule as `data-undeclared`).
fn covers(declared: &str, wanted: &str) -> bool {
    let parent = declared.strip_suffix(".generic").unwrap_or(declared);
    declared == wanted
        || wanted
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn filled(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let policy = &ctx.input.policy;
    let mut seen = BTreeSet::new();
    for s in policy.sdks.iter().filter(|s| s.listed) {
        let key = s.sdk_id.clone().unwrap_or_else(|| s.name.clone());
        if !seen.insert(key.clone()) {
            continue;
        }
        // Every record of the same SDK counts (a table row and a later sentence).
        let records: Vec<&DeclaredSdk> = policy
            .sdks
            .iter()
            .filter(|o| o.sdk_id.clone().unwrap_or_else(|| o.name.clone()) == key)
            .collect();
        let mut data: Vec<&str> = records
            .iter()
            .flat_map(|r| r.data_types.iter().map(String::as_str))
            .collect();
        if let Some(id) = s.sdk_id.as_deref() {
            data.extend(
                policy
                    .data_types
                    .iter()
                    .filter(|d| d.sdk_id.as_deref() == Some(id))
                    .map(|d| d.data_type.as_str()),
            );
        }
        // The SDKs of the APK this record declares (itself, a sibling, not components).
        let in_apk: Vec<_> = ctx
            .detections
            .iter()
            .filter(|d| !ctx.bundled_in.contains_key(d.id.as_str()))
            .filter(|d| {
                ctx.declared
                    .get(d.id.as_str())
                    .is_some_and(|v| v.iter().any(|r| std::ptr::eq(*r, s)))
            })
            .collect();

        // A listed SDK the APK does not contain is stale: the fix is to remove the entry
        // (`sdk-stale-disclosure`), not to complete it.
        if s.sdk_id.is_some() && in_apk.is_empty() {
            continue;
        }
        // A packer collects nothing: a record of it needs no data or purpose.
        if !in_apk.is_empty() && in_apk.iter().all(|d| d.category == super::PACKER_CATEGORY) {
            continue;
        }
        let mut missing = Vec::new();
        if data.is_empty() {
            missing.push("the personal data it collects");
        }
        if !records.iter().any(|r| filled(&r.purpose)) {
            missing.push("its purpose");
        }
        if !records.iter().any(|r| filled(&r.vendor)) {
            missing.push("its company");
        }
        let quote = PolicyEvidence::quote(format!("lists {}", s.name), s.evidence.as_ref());
        if !missing.is_empty() {
            let mut f = Finding::new(
                RuleId::SdkListingIncomplete,
                RuleId::SdkListingIncomplete.meta().default_severity,
                &key,
                format!("The policy lists {} without {}", s.name, join_and(&missing)),
            );
            if let Some(id) = s.sdk_id.as_deref() {
                f.sdk = Some(ctx.sdk_ref(id));
            }
            if data.is_empty() {
                f.apk_evidence = in_apk
                    .iter()
                    .filter(|d| !d.data_types.is_empty())
                    .map(|d| ApkEvidence::VendorStatement {
                        sdk_id: d.id.clone(),
                        data_types: d.data_types.clone(),
                    })
                    .collect();
            }
            f.policy_evidence = vec![quote.clone()];
            f.policy_evidence.push(PolicyEvidence::absent(format!(
                "{} in the record of {}",
                join_and(&missing),
                s.name
            )));
            out.push(f);
        }
        if data.is_empty() {
            continue;
        }
        for d in in_apk {
            let omitted: Vec<String> = d
                .data_types
                .iter()
                .filter(|v| !data.iter().any(|x| covers(x, v)))
                .cloned()
                .collect();
            if omitted.is_empty() {
                continue;
            }
            let name = ctx.sdk_ref(&d.id).name;
            let mut f = Finding::new(
                RuleId::DataVendorStated,
                RuleId::DataVendorStated.meta().default_severity,
                &d.id,
                format!(
                    "The policy lists {} but not all the data its vendor states {name} collects: {}",
                    s.name,
                    omitted.join(", ")
                ),
            );
            f.sdk = Some(ctx.sdk_ref(&d.id));
            f.apk_evidence = vec![ApkEvidence::VendorStatement {
                sdk_id: d.id.clone(),
                data_types: omitted.clone(),
            }];
            f.policy_evidence = vec![
                quote.clone(),
                PolicyEvidence::absent(format!(
                    "{} in the record of {}",
                    omitted.join(", "),
                    s.name
                )),
            ];
            out.push(f);
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
