//! The checks, one module per side of the comparison. Each appends findings; the caller
//! sorts them. They share a [`Context`] that indexes both sides once.

pub(super) mod data;
pub(super) mod leftovers;
pub(super) mod listing;
pub(super) mod manifest;
pub(super) mod permissions;
pub(super) mod sdks;

use std::collections::{BTreeMap, BTreeSet};

use super::{AuditInput, AuditOptions, SdkRef};
use crate::detect::Detection;
use crate::policy::DeclaredSdk;

/// Category id the catalogue gives plain (non-tracking) libraries.
pub(super) const LIBRARY_CATEGORY: &str = "library";
/// Category id of app packers (加固): protection of the app's code, not a data collector.
pub(super) const PACKER_CATEGORY: &str = "packer";

/// Both sides, indexed.
pub(super) struct Context<'a> {
    pub input: &'a AuditInput,
    /// Detections at or above the confidence threshold.
    pub detections: Vec<&'a Detection>,
    /// Policy SDK entries that declare an SDK id, by id: the entry's own id and its
    /// alternatives, a listed sibling product of the same vendor, a bundling parent's.
    pub declared: BTreeMap<&'a str, Vec<&'a DeclaredSdk>>,
    /// Ids of every detection, even below the confidence threshold.
    pub detected: BTreeSet<&'a str>,
    /// Detected SDKs the policy names only through a listed sibling product of the same
    /// vendor and category: id -> the sibling entries.
    pub siblings: BTreeMap<&'a str, Vec<&'a DeclaredSdk>>,
    /// Ids the policy names that stood in for a detected sibling (not stale).
    pub sibling_sources: BTreeSet<&'a str>,
    /// Detected SDKs shipped inside another detected SDK: child id -> parent id.
    pub bundled_in: BTreeMap<&'a str, &'a str>,
}

impl<'a> Context<'a> {
    pub fn new(input: &'a AuditInput, options: &AuditOptions) -> Self {
        let detections: Vec<&Detection> = input
            .app
            .detections
            .sdks
            .iter()
            .filter(|d| d.confidence >= options.min_confidence)
            .collect();
        let mut declared: BTreeMap<&str, Vec<&DeclaredSdk>> = BTreeMap::new();
        let detected: BTreeSet<&str> = input
            .app
            .detections
            .sdks
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        for sdk in &input.policy.sdks {
            if let Some(id) = sdk.sdk_id.as_deref() {
                declared.entry(id).or_default().push(sdk);
            }
            // A name that may mean several SDKs (高德地图: map or location) declares each
            // of them the APK contains.
            for alt in &sdk.alternatives {
                if let Some(&alt) = detected.get(alt.as_str()) {
                    declared.entry(alt).or_default().push(sdk);
                }
            }
        }

        // A detected SDK shipped inside another detected SDK follows its parent.
        let mut bundled_in: BTreeMap<&str, &str> = BTreeMap::new();
        for d in &detections {
            if let Some(parent) = d
                .bundled_by
                .iter()
                .find(|p| detections.iter().any(|x| x.id == **p && x.id != d.id))
            {
                bundled_in.insert(d.id.as_str(), parent.as_str());
            }
        }

        // Vendor families: a detected SDK the policy does not name, whose vendor and
        // category a listed SDK shares, is declared under that sibling's name.
        let family = |id: &str| -> Option<(String, String)> {
            let from_detection = input
                .app
                .detections
                .sdks
                .iter()
                .find(|d| d.id == id)
                .and_then(|d| Some((d.vendor.clone()?, d.category.clone())));
            from_detection.or_else(|| {
                let e = input.catalog.get(id)?;
                Some((e.vendor.clone()?, e.category.clone()))
            })
        };
        let mut siblings: BTreeMap<&str, Vec<&DeclaredSdk>> = BTreeMap::new();
        let mut sibling_sources = BTreeSet::new();
        for d in &detections {
            let id = d.id.as_str();
            if d.category == LIBRARY_CATEGORY
                || declared.contains_key(id)
                || bundled_in.contains_key(id)
            {
                continue;
            }
            let Some(mine) = family(id) else { continue };
            for s in input.policy.sdks.iter().filter(|s| s.listed) {
                let Some(other) = s.sdk_id.as_deref() else {
                    continue;
                };
                if other != id && family(other).as_ref() == Some(&mine) {
                    siblings.entry(id).or_default().push(s);
                    sibling_sources.insert(other);
                }
            }
        }
        for (id, entries) in &siblings {
            declared
                .entry(id)
                .or_default()
                .extend(entries.iter().copied());
        }

        // A component shipped inside a declared SDK (JCore inside JPush, the AMap common
        // core inside AMap location) is covered by that SDK's disclosure.
        for d in &input.app.detections.sdks {
            let inherited: Vec<&DeclaredSdk> = d
                .bundled_by
                .iter()
                .filter_map(|p| declared.get(p.as_str()))
                .flatten()
                .copied()
                .collect();
            if !inherited.is_empty() {
                declared.entry(d.id.as_str()).or_default().extend(inherited);
            }
        }
        Context {
            input,
            detections,
            declared,
            detected,
            siblings,
            sibling_sources,
            bundled_in,
        }
    }

    /// Whether the policy lists (not merely mentions) the SDK `id`.
    pub fn is_listed(&self, id: &str) -> bool {
        self.declared
            .get(id)
            .is_some_and(|v| v.iter().any(|s| s.listed))
    }

    /// Whether the policy names the SDK `id` at all.
    pub fn is_named(&self, id: &str) -> bool {
        self.declared.contains_key(id)
    }

    /// The detection of `id`, when present.
    pub fn detection(&self, id: &str) -> Option<&'a Detection> {
        self.detections.iter().copied().find(|d| d.id == id)
    }

    /// An [`SdkRef`] for `id`, named from the detection or the policy.
    pub fn sdk_ref(&self, id: &str) -> SdkRef {
        let name = self
            .detection(id)
            .map(display_name)
            .or_else(|| {
                self.declared
                    .get(id)
                    .and_then(|v| v.first())
                    .map(|s| s.name.clone())
            })
            .unwrap_or_else(|| id.to_string());
        SdkRef {
            id: id.to_string(),
            name,
        }
    }
}

/// `English name (中文名)`, or the English name alone.
pub(super) fn display_name(d: &Detection) -> String {
    match &d.name_zh {
        Some(zh) if !zh.is_empty() && *zh != d.name => format!("{} ({zh})", d.name),
        _ => d.name.clone(),
    }
}

/// The policy's entry for an SDK as evidence: `lists NAME` or `mentions NAME`, quoting it.
pub(super) fn declared_quote(s: &DeclaredSdk) -> crate::audit::PolicyEvidence {
    let verb = if s.listed { "lists" } else { "mentions" };
    crate::audit::PolicyEvidence::quote(format!("{verb} {}", s.name), s.evidence.as_ref())
}
