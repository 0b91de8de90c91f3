//! The personal-data rule: data the app, a library or an SDK is seen to read (the
//! data-flow analysis, `observed`) that the policy does not declare for it. One finding per
//! reader, listing its data types. What a vendor states its SDK collects is not observed
//! and is left to `sdk-listing-incomplete` and `data-vendor-stated` (low).
//!
//! How declarations count:
//! - declared for the SDK (its SDK entry, a data-type declaration naming it, or the entry
//!   of the sibling product or bundling parent that declares it): covered;
//! - declared only app-wide: the policy says the data is collected but not that this third
//!   party collects it: medium, quoting the app-wide declaration;
//! - declared nowhere: high.
//!
//! What lowers a read:
//! - the reading API needs a permission the APK does not request (implied permissions
//!   count, a `maxSdkVersion` below `minSdkVersion` does not): Android returns nothing,
//!   so the read is info at most;
//! - the read is inside a plain library (AndroidX, the support library, a catalogued
//!   `library`) and no flow to a sink was seen: medium at most. The finding is about the
//!   library and names the first app or SDK frame that calls into it.
//!
//! A declaration covers its sub-types: `device_id` or `device_id.generic` covers
//! `device_id.imei`, and the ids its data-type entry `covers` (`network.wifi_state` covers
//! `network.bssid`). Reads by the app's own code are covered by any declaration. SDKs the
//! policy does not name at all are left to `sdk-undeclared`, which carries their reads.

use std::collections::{BTreeMap, BTreeSet};

use super::Context;
use crate::audit::readable::{class_name, is_platform, method_name};
use crate::audit::{ApkEvidence, Finding, ObservedAccess, PolicyEvidence, RuleId, Severity};
use crate::policy::Span;

/// Whether a declared id covers `wanted`: itself, its sub-types, and the ids its
/// data-type entry `covers` (`network.wifi_state` covers `network.bssid`), transitively.
fn covers(declared: &str, wanted: &str) -> bool {
    if is_or_contains(declared, wanted) {
        return true;
    }
    crate::dictionary::Dictionary::embedded().is_ok_and(|d| {
        d.covered([declared])
            .into_iter()
            .any(|c| c != declared && is_or_contains(c, wanted))
    })
}

/// `declared` is `wanted` or a parent of it (`device_id`, `device_id.generic` of
/// `device_id.imei`).
fn is_or_contains(declared: &str, wanted: &str) -> bool {
    if declared == wanted {
        return true;
    }
    let parent = declared.strip_suffix(".generic").unwrap_or(declared);
    wanted
        .strip_prefix(parent)
        .is_some_and(|rest| rest.starts_with('.'))
}

/// Permissions introduced after the APIs they guard: apps targeting an older SDK read
/// without them. (Alternatives such as READ_EXTERNAL_STORAGE for READ_MEDIA_IMAGES are
/// listed on the source itself.)
const ENFORCED_FROM_TARGET: [(&str, u32); 1] = [("android.permission.QUERY_ALL_PACKAGES", 30)];

/// The permissions `o`'s API needs, none of which the app can hold; empty when the read
/// can succeed (or nothing is known about the manifest).
pub(in crate::audit) fn missing_permissions(ctx: &Context<'_>, o: &ObservedAccess) -> Vec<String> {
    let Some(m) = &ctx.input.app.manifest else {
        return Vec::new();
    };
    let held = |p: &str| {
        m.permissions
            .iter()
            .any(|u| u.name == p && u.grantable(m.min_sdk))
            || ENFORCED_FROM_TARGET
                .iter()
                .any(|(name, from)| *name == p && m.target_sdk.is_some_and(|t| t < *from))
    };
    if o.permissions.is_empty() || o.permissions.iter().any(|p| held(p)) {
        Vec::new()
    } else {
        o.permissions.clone()
    }
}

/// The evidence of one observed access.
pub(in crate::audit) fn call_path(ctx: &Context<'_>, o: &ObservedAccess) -> ApkEvidence {
    ApkEvidence::CallPath {
        data_type: o.data_type.clone(),
        path: o.path.clone(),
        sink: o.sink.clone(),
        library: o.library.clone(),
        missing_permissions: missing_permissions(ctx, o),
    }
}

/// Who reads: the app, an SDK (or unknown package), or a library called from one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Reader<'a> {
    App,
    Sdk(&'a str),
    Library(&'a str),
}

fn reader_of(o: &ObservedAccess) -> Reader<'_> {
    match (o.library.as_deref(), o.sdk_id.as_deref()) {
        (Some(lib), _) => Reader::Library(lib),
        (None, None) => Reader::App,
        // Library code reached only from library entry points (an inherited lifecycle
        // method): the app's components run it.
        (None, Some("library")) => Reader::App,
        (None, Some(id)) => Reader::Sdk(id),
    }
}

/// The first app or SDK frame calling into the library that reads in `o` (the last such
/// frame before the read), in Java form.
fn library_caller(o: &ObservedAccess, lib: &str) -> Option<String> {
    o.path
        .iter()
        .rev()
        .find(|f| {
            let class = class_name(f.split("->").next().unwrap_or(f));
            !is_platform(f) && !class.starts_with(&format!("{lib}."))
        })
        .map(|f| method_name(f))
}

struct Declaration<'a> {
    data_type: &'a str,
    sdk: Option<&'a str>,
    what: String,
    span: Option<&'a Span>,
}

/// How one data type read by one reader stands.
#[derive(Default)]
struct Item<'a> {
    accesses: Vec<&'a ObservedAccess>,
}

pub(in crate::audit) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let policy = &ctx.input.policy;
    let mut decls: Vec<Declaration<'_>> = Vec::new();
    for s in &policy.sdks {
        for dt in &s.data_types {
            decls.push(Declaration {
                data_type: dt,
                sdk: s.sdk_id.as_deref(),
                what: format!("declares {dt} for {}", s.name),
                span: s.evidence.as_ref(),
            });
        }
    }
    for d in &policy.data_types {
        let what = match &d.sdk_id {
            Some(id) => format!("declares {} ({}) for {id}", d.phrase, d.data_type),
            None => format!("declares {} ({}) app-wide", d.phrase, d.data_type),
        };
        decls.push(Declaration {
            data_type: &d.data_type,
            sdk: d.sdk_id.as_deref(),
            what,
            span: d.evidence.as_ref(),
        });
    }

    let mut readers: BTreeMap<Reader<'_>, BTreeMap<&str, Item<'_>>> = BTreeMap::new();
    for o in &ctx.input.app.observed {
        let mut reader = reader_of(o);
        if let Reader::Sdk(id) = reader {
            // A component shipped inside another SDK (JCore inside JPush) reads for it.
            let top = ctx.bundled_in.get(id).copied().unwrap_or(id);
            reader = Reader::Sdk(top);
            // A detected SDK the policy does not name is reported by sdk-undeclared, with
            // these reads as evidence.
            if !ctx.is_named(top) && ctx.detection(top).is_some() {
                continue;
            }
        }
        readers
            .entry(reader)
            .or_default()
            .entry(o.data_type.as_str())
            .or_default()
            .accesses
            .push(o);
    }

    for (reader, items) in readers {
        // The ids whose declarations count for this reader: itself, and the SDK ids of the
        // policy entries that declare it (a sibling product, a bundling parent).
        let own_ids: BTreeSet<&str> = match reader {
            Reader::Sdk(id) => std::iter::once(id)
                .chain(
                    ctx.declared
                        .get(id)
                        .into_iter()
                        .flatten()
                        .filter_map(|s| s.sdk_id.as_deref()),
                )
                .collect(),
            _ => BTreeSet::new(),
        };
        let who = match reader {
            Reader::App => "The app's own code".to_string(),
            Reader::Sdk(id) => ctx.sdk_ref(id).name,
            Reader::Library(lib) => {
                let caller = items
                    .values()
                    .flat_map(|i| i.accesses.iter())
                    .find_map(|o| library_caller(o, lib));
                // With no app or SDK frame on the path, the entry point is a library
                // method the app's components inherit (an activity's attachBaseContext).
                let entry = items
                    .values()
                    .flat_map(|i| i.accesses.iter())
                    .find_map(|o| o.path.first())
                    .map(|f| method_name(f));
                match (caller, entry) {
                    (Some(c), _) => format!("Library code {lib} (called from {c})"),
                    (None, Some(e)) => format!(
                        "Library code {lib} (entered at {e}, which the app's components inherit)"
                    ),
                    (None, None) => format!("Library code {lib}"),
                }
            }
        };
        let mut undeclared = Vec::new();
        let mut app_wide_only = Vec::new();
        let mut unreadable = Vec::new();
        let mut severity = Severity::Info;
        let mut apk = Vec::new();
        let mut quotes: Vec<&Declaration<'_>> = Vec::new();
        for (dt, item) in &items {
            let for_reader = decls
                .iter()
                .any(|d| covers(d.data_type, dt) && d.sdk.is_some_and(|s| own_ids.contains(s)));
            if for_reader {
                continue;
            }
            let app_wide: Vec<&Declaration<'_>> = decls
                .iter()
                .filter(|d| {
                    covers(d.data_type, dt)
                        && (d.sdk.is_none() || !matches!(reader, Reader::Sdk(_)))
                })
                .collect();
            if !matches!(reader, Reader::Sdk(_)) && !app_wide.is_empty() {
                continue;
            }
            let evidence: Vec<ApkEvidence> =
                item.accesses.iter().map(|o| call_path(ctx, o)).collect();
            let readable = evidence.iter().any(|e| {
                matches!(e, ApkEvidence::CallPath { missing_permissions, .. } if missing_permissions.is_empty())
            });
            let sent = item.accesses.iter().any(|o| o.sink.is_some());
            let item_severity = if !readable {
                unreadable.push(*dt);
                Severity::Info
            } else if !app_wide.is_empty() {
                app_wide_only.push(*dt);
                quotes.extend(app_wide.iter().copied());
                Severity::Medium
            } else {
                undeclared.push(*dt);
                if matches!(reader, Reader::Library(_)) && !sent {
                    Severity::Medium
                } else {
                    Severity::High
                }
            };
            severity = severity.max(item_severity);
            apk.extend(evidence);
        }
        if apk.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        if !undeclared.is_empty() {
            parts.push(format!(
                "reads {}, which the policy does not declare",
                undeclared.join(", ")
            ));
        }
        if !app_wide_only.is_empty() {
            parts.push(format!(
                "reads {}, which the policy declares app-wide but not for this SDK",
                app_wide_only.join(", ")
            ));
        }
        if !unreadable.is_empty() {
            parts.push(format!(
                "calls APIs for {} that return nothing: the APK does not request the permission they need",
                unreadable.join(", ")
            ));
        }
        let mut message = format!("{who} {}", parts.join("; "));
        if matches!(reader, Reader::Library(_)) && severity == Severity::Medium {
            message.push_str(" (no flow to a sink seen)");
        }
        let subject = match reader {
            Reader::App => "app".to_string(),
            Reader::Sdk(id) => id.to_string(),
            Reader::Library(lib) => format!("library:{lib}"),
        };
        let mut f = Finding::new(RuleId::DataUndeclared, severity, subject, message);
        if let Reader::Sdk(id) = reader {
            f.sdk = Some(ctx.sdk_ref(id));
        }
        f.apk_evidence = apk;
        let mut quoted = BTreeSet::new();
        f.policy_evidence = quotes
            .iter()
            .filter(|d| quoted.insert(d.what.as_str()))
            .map(|d| PolicyEvidence::quote(d.what.clone(), d.span))
            .collect();
        let listed: Vec<&str> = undeclared
            .iter()
            .chain(app_wide_only.iter())
            .chain(unreadable.iter())
            .copied()
            .collect();
        f.policy_evidence.push(PolicyEvidence::absent(match reader {
            Reader::Sdk(_) => format!("{} declared for {who}", listed.join(", ")),
            _ => format!("{} declared anywhere", listed.join(", ")),
        }));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn parents_and_generic_cover_children_only() {
        assert!(covers("device_id.imei", "device_id.imei"));
        assert!(covers("device_id", "device_id.imei"));
        assert!(covers("device_id.generic", "device_id.imei"));
        assert!(!covers("device_id.imei", "device_id"));
        // The data-type table's `covers`.
        assert!(covers("network.wifi_state", "network.bssid"));
        assert!(!covers("network.bssid", "network.wifi_state"));
        assert!(!covers("device", "device_id.imei"));
        assert!(!covers("location.coarse", "location.precise"));
    }
}
