//! The personal-data rule: data an SDK collects (its signature's `data_types`) or is seen
//! to read (`observed`) that the policy does not declare for that SDK.
//!
//! How declarations count:
//! - declared for the SDK (in its SDK entry, or a data-type declaration naming it): covered;
//! - declared only app-wide (a declaration naming no SDK): the policy says the data is
//!   collected but not that this SDK collects it, which the per-SDK disclosure rules ask
//!   for: medium instead of high, quoting the app-wide declaration;
//! - declared nowhere: high.
//!
//! A declaration covers its sub-types: `device_id` or `device_id.generic` covers
//! `device_id.imei`. Reads by the app's own code (no SDK) are covered by any declaration.
//! SDKs the policy does not name at all are left to `sdk-undeclared`, which carries their
//! data types as evidence.

use std::collections::BTreeMap;

use super::Context;
use crate::audit::{ApkEvidence, Finding, PolicyEvidence, RuleId, Severity};
use crate::policy::Span;

/// Whether a declared id covers `wanted`.
fn covers(declared: &str, wanted: &str) -> bool {
    if declared == wanted {
        return true;
    }
    let parent = declared.strip_suffix(".generic").unwrap_or(declared);
    wanted
        .strip_prefix(parent)
        .is_some_and(|rest| rest.starts_with('.'))
}

struct Declaration<'a> {
    data_type: &'a str,
    sdk: Option<&'a str>,
    what: String,
    span: Option<&'a Span>,
}

#[derive(Default)]
struct Seen<'a> {
    from_signature: bool,
    observed: Vec<&'a crate::audit::ObservedAccess>,
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

    // (sdk id or None for the app, data type) -> how it was seen
    let mut seen: BTreeMap<(Option<&str>, &str), Seen<'_>> = BTreeMap::new();
    for d in &ctx.detections {
        if !ctx.is_named(&d.id) {
            continue;
        }
        for dt in &d.data_types {
            seen.entry((Some(d.id.as_str()), dt.as_str()))
                .or_default()
                .from_signature = true;
        }
    }
    for o in &ctx.input.app.observed {
        let sdk = o.sdk_id.as_deref();
        // A detected SDK the policy does not name is reported by sdk-undeclared.
        if sdk.is_some_and(|id| !ctx.is_named(id) && ctx.detection(id).is_some()) {
            continue;
        }
        seen.entry((sdk, o.data_type.as_str()))
            .or_default()
            .observed
            .push(o);
    }

    for ((sdk, dt), how) in seen {
        let for_sdk = decls
            .iter()
            .any(|d| covers(d.data_type, dt) && d.sdk.is_some() && d.sdk == sdk);
        if for_sdk {
            continue;
        }
        let app_wide: Vec<&Declaration<'_>> = decls
            .iter()
            .filter(|d| covers(d.data_type, dt) && (d.sdk.is_none() || sdk.is_none()))
            .collect();
        if sdk.is_none() && !app_wide.is_empty() {
            continue;
        }
        let who = match sdk {
            Some(id) => ctx.sdk_ref(id).name,
            None => "The app's own code".to_string(),
        };
        let verb = if how.observed.is_empty() {
            "collects"
        } else {
            "reads"
        };
        let (severity, message) = if app_wide.is_empty() {
            (
                Severity::High,
                format!("{who} {verb} {dt}, which the policy does not declare"),
            )
        } else {
            (
                Severity::Medium,
                format!("{who} {verb} {dt}; the policy declares it app-wide but not for this SDK"),
            )
        };
        let subject = format!("{}/{dt}", sdk.unwrap_or("app"));
        let mut f = Finding::new(RuleId::DataUndeclared, severity, subject, message);
        if let Some(id) = sdk {
            f.sdk = Some(ctx.sdk_ref(id));
        }
        if let (true, Some(id)) = (how.from_signature, sdk) {
            f.apk_evidence.push(ApkEvidence::SignatureData {
                data_type: dt.to_string(),
                sdk_id: id.to_string(),
            });
        }
        for o in &how.observed {
            f.apk_evidence.push(ApkEvidence::CallPath {
                data_type: dt.to_string(),
                path: o.path.clone(),
                sink: o.sink.clone(),
            });
        }
        f.policy_evidence = app_wide
            .iter()
            .map(|d| PolicyEvidence::quote(d.what.clone(), d.span))
            .collect();
        f.policy_evidence.push(PolicyEvidence::absent(match sdk {
            Some(_) => format!("{dt} declared for {who}"),
            None => format!("{dt} declared anywhere"),
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
        assert!(!covers("device", "device_id.imei"));
        assert!(!covers("location.coarse", "location.precise"));
    }
}
