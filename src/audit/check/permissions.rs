//! Permission rules: requested but never explained, explained but never requested.
//!
//! A permission counts as explained when the policy names it, app-wide or for an SDK, or
//! names another permission of the same group: Android asks the user per group (one
//! "location" dialog), and policies explain permissions the same way (位置权限). The other
//! way round, an explained permission counts as requested when any permission of its group
//! is.
//!
//! Requested means what the platform grants: the manifest's entries, the permissions it
//! implies (marked with aapt's reason), minus entries whose `maxSdkVersion` is below the
//! app's `minSdkVersion` (granted on no device the app installs on).

use std::collections::BTreeSet;

use super::Context;
use crate::audit::{ApkEvidence, Finding, PolicyEvidence, RuleId, Severity};
use crate::policy::Span;

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(manifest) = &ctx.input.app.manifest else {
        return;
    };
    let table = &ctx.input.permissions;
    let policy = &ctx.input.policy;

    // Every permission the policy explains, with where.
    let mut explained: Vec<(&str, String, Option<&Span>)> = Vec::new();
    for p in &policy.permissions {
        explained.push((p.permission.as_str(), p.phrase.clone(), p.evidence.as_ref()));
    }
    for s in &policy.sdks {
        for p in &s.permissions {
            explained.push((
                p.as_str(),
                format!("{p} for {}", s.name),
                s.evidence.as_ref(),
            ));
        }
    }
    let explained_names: BTreeSet<&str> = explained.iter().map(|(n, ..)| *n).collect();
    let explained_groups: BTreeSet<&str> = explained_names
        .iter()
        .filter_map(|n| table.group(n))
        .collect();

    let mut requested = BTreeSet::new();
    for up in &manifest.permissions {
        let name = up.name.as_str();
        // Capped below minSdkVersion: no device the app installs on grants it.
        if !up.grantable(manifest.min_sdk) || !requested.insert(name) {
            continue;
        }
        let Some(row) = table.get(name) else {
            continue;
        };
        if !row.needs_explaining()
            || explained_names.contains(name)
            || row
                .group
                .as_deref()
                .is_some_and(|g| explained_groups.contains(g))
        {
            continue;
        }
        let used_by: Vec<&str> = ctx
            .detections
            .iter()
            .filter(|d| {
                d.permissions.iter().any(|p| p == name)
                    || d.evidence.iter().any(|e| {
                        matches!(e, crate::detect::Evidence::Permission { name: n } if n == name)
                    })
            })
            .map(|d| d.id.as_str())
            .collect();
        let severity = if row.is_high_risk() {
            Severity::High
        } else {
            RuleId::PermissionUnexplained.meta().default_severity
        };
        let group = row.group.clone();
        let mut message = format!("The APK requests {name}");
        if let Some(g) = &group {
            message.push_str(&format!(" ({g})"));
        }
        if let Some(reason) = &up.implied {
            message.push_str(&format!(" (implied: {reason})"));
        }
        message.push_str(" but the policy never explains it");
        if !used_by.is_empty() {
            let names: Vec<String> = used_by.iter().map(|id| ctx.sdk_ref(id).name).collect();
            message.push_str(&format!("; needed by {}", names.join(", ")));
        }
        let mut f = Finding::new(RuleId::PermissionUnexplained, severity, name, message);
        if let [only] = used_by.as_slice() {
            f.sdk = Some(ctx.sdk_ref(only));
        }
        f.apk_evidence = vec![ApkEvidence::Permission {
            name: name.to_string(),
            group: group.clone(),
            used_by: used_by.iter().map(|s| s.to_string()).collect(),
        }];
        let what = match &group {
            Some(g) => format!("an explanation of {name} or any {g} permission"),
            None => format!("an explanation of {name}"),
        };
        f.policy_evidence = vec![PolicyEvidence::absent(what)];
        out.push(f);
    }

    // Same group logic the other way: "位置权限" is accurate when any location permission
    // is requested.
    let requested_groups: BTreeSet<&str> =
        requested.iter().filter_map(|n| table.group(n)).collect();
    let mut seen = BTreeSet::new();
    for (name, phrase, span) in &explained {
        if requested.contains(name)
            || table
                .group(name)
                .is_some_and(|g| requested_groups.contains(g))
            || !seen.insert(*name)
        {
            continue;
        }
        let mut f = Finding::new(
            RuleId::PermissionNotRequested,
            RuleId::PermissionNotRequested.meta().default_severity,
            *name,
            format!("The policy explains {name} but the APK does not request it"),
        );
        f.apk_evidence = vec![ApkEvidence::NotFound {
            what: format!("uses-permission {name} in AndroidManifest.xml"),
        }];
        f.policy_evidence = vec![PolicyEvidence::quote(format!("explains {phrase}"), *span)];
        out.push(f);
    }
}
