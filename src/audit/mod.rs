//! The audit: compare what an app contains with what its privacy policy declares, and
//! report each difference as a [`Finding`] with evidence from both sides.
//!
//! [`audit`] is a pure function over the app's facts ([`AppFacts`]), the policy's declared
//! table ([`crate::policy::DeclaredPolicy`]) and a [`PermissionTable`]. Rules are listed in
//! [`RuleId`], each with a page in `docs/rules/`. Rendering lives in [`crate::report`];
//! baselines in [`Baseline`].

mod baseline;
mod check;
mod facts;
mod finding;
mod permissions;
pub mod readable;
mod report;
mod rules;

pub use baseline::{BASELINE_VERSION, Baseline, BaselineEntry};
pub use facts::{AppFacts, AuditInput, AuditOptions, CatalogEntry, ObservedAccess};
pub use finding::{ApkEvidence, Finding, MANIFEST_ENTRY, PolicyEvidence, SdkRef};
pub use permissions::{HIGH_RISK_GROUPS, PermissionRow, PermissionTable, Protection};
pub use report::{
    AppSummary, AuditReport, Declared, FailOn, PackedApp, PolicySummary, SCHEMA_VERSION, SdkRow,
    Summary, ToolInfo,
};
pub use rules::{RuleId, RuleMeta, Severity};

use std::collections::BTreeSet;

use check::{Context, LIBRARY_CATEGORY, display_name};

/// Audit one app against one policy.
pub fn audit(input: &AuditInput, options: &AuditOptions) -> AuditReport {
    let ctx = Context::new(input, options);
    let mut findings = Vec::new();
    check::sdks::check(&ctx, &mut findings);
    check::leftovers::check(&ctx, &mut findings);
    check::permissions::check(&ctx, &mut findings);
    check::data::check(&ctx, &mut findings);
    check::listing::check(&ctx, &mut findings);
    check::manifest::check(&ctx, &mut findings);
    // Most serious first, then in rule order, then by subject: stable across runs.
    findings
        .sort_by(|a, b| (b.severity, a.rule, &a.subject).cmp(&(a.severity, b.rule, &b.subject)));

    let app = &input.app;
    let mut notes = Vec::new();
    if app.manifest.is_none() {
        notes.push(
            "No manifest was read: the permission and manifest rules were not checked.".into(),
        );
    }
    if app.detections.sdks.is_empty() && app.detections.unknown.is_empty() {
        notes.push(
            "No SDK or third-party package was detected: if the detector did not run on this input, SDK and data findings are incomplete and every listed SDK shows as stale.".into(),
        );
    }
    if !app.detections.leftovers.is_empty() {
        let left: Vec<String> = app.detections.leftovers.iter().map(display_name).collect();
        notes.push(format!(
            "Configuration left behind: the manifest has components or meta-data of {}, whose code is in no dex of this unpacked app. They are not counted as SDKs; each is reported as `sdk-manifest-leftover` (info) with its entries: remove them from the manifest.",
            left.join(", ")
        ));
    }
    if input.permissions.is_empty() && app.manifest.is_some() {
        notes.push("The permission table is empty: permissions were not checked.".into());
    }

    let manifest = app.manifest.as_ref();
    let mut report = AuditReport {
        schema_version: SCHEMA_VERSION,
        tool: ToolInfo::default(),
        app: AppSummary {
            source: app.source.clone(),
            package: app.package.clone().or_else(|| {
                manifest
                    .map(|m| m.package.clone())
                    .filter(|p| !p.is_empty())
            }),
            version_name: manifest.and_then(|m| m.version_name.clone()),
            version_code: manifest.and_then(|m| m.version_code),
            target_sdk: manifest.and_then(|m| m.target_sdk),
            permissions: manifest
                .map(|m| {
                    m.permissions
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<BTreeSet<_>>()
                        .len()
                })
                .unwrap_or(0),
            sdks_detected: ctx
                .detections
                .iter()
                .filter(|d| d.category != LIBRARY_CATEGORY)
                .count(),
            packed: app.detections.packer.as_ref().map(packed_app),
        },
        policy: PolicySummary {
            source: input.policy.source.clone(),
            encoding: input.policy.encoding.clone(),
            sdks: input.policy.sdks.len(),
            permissions: input.policy.permissions.len(),
            data_types: input.policy.data_types.len(),
        },
        summary: Summary::default(),
        sdks: sdk_table(&ctx),
        findings,
        notes,
        problems: app.problems.clone(),
    };
    report.recount();
    report
}

/// The report's view of the detector's packer verdict.
fn packed_app(p: &crate::detect::Packer) -> PackedApp {
    PackedApp {
        packer: p.id.clone(),
        name: p.label().to_string(),
        evidence: p
            .evidence
            .iter()
            .map(|e| ApkEvidence::Detected(e.clone()).describe())
            .collect(),
        notice: p.notice.clone(),
    }
}

/// Detected third-party SDKs (and declared libraries) next to what the policy says.
fn sdk_table(ctx: &Context<'_>) -> Vec<SdkRow> {
    let mut rows = Vec::new();
    let mut ids = BTreeSet::new();
    for d in &ctx.detections {
        let named = ctx.is_named(&d.id);
        if (d.category == LIBRARY_CATEGORY && !named) || !ids.insert(d.id.as_str()) {
            continue;
        }
        let entries = ctx.declared.get(d.id.as_str());
        let first = entries.and_then(|v| v.iter().find(|s| s.listed).or(v.first()));
        rows.push(SdkRow {
            id: Some(d.id.clone()),
            name: display_name(d),
            category: Some(d.category.clone()),
            detected: Some(d.confidence),
            declared: declared_kind(ctx, &d.id),
            policy_name: first.map(|s| s.name.clone()),
            policy_line: first.and_then(|s| s.evidence.as_ref()).map(|e| e.line),
            policy_snippet: first
                .and_then(|s| s.evidence.as_ref())
                .map(|e| e.snippet.clone()),
        });
    }
    let mut names = BTreeSet::new();
    for s in &ctx.input.policy.sdks {
        let fresh = match s.sdk_id.as_deref() {
            Some(id) => ids.insert(id),
            None => names.insert(s.name.as_str()),
        };
        if !fresh {
            continue;
        }
        let declared = match s.sdk_id.as_deref() {
            Some(id) => declared_kind(ctx, id),
            None if s.listed => Declared::Listed,
            None => Declared::Mentioned,
        };
        let present = s.sdk_id.as_deref().and_then(|id| {
            ctx.input
                .app
                .detections
                .sdks
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.confidence)
        });
        rows.push(SdkRow {
            id: s.sdk_id.clone(),
            name: s.name.clone(),
            category: None,
            detected: present,
            declared,
            policy_name: Some(s.name.clone()),
            policy_line: s.evidence.as_ref().map(|e| e.line),
            policy_snippet: s.evidence.as_ref().map(|e| e.snippet.clone()),
        });
    }
    rows
}

fn declared_kind(ctx: &Context<'_>, id: &str) -> Declared {
    if ctx.is_listed(id) {
        Declared::Listed
    } else if ctx.is_named(id) {
        Declared::Mentioned
    } else {
        Declared::No
    }
}
