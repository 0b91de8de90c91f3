//! What the audit compares: the facts read from one app, the policy's declared table and
//! the permission table, plus the options.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::PermissionTable;
use crate::apk::Problem;
use crate::detect::{Confidence, Detections};
use crate::manifest::Manifest;
use crate::policy::DeclaredPolicy;

/// Everything sdkflow learned about one app. Built by [`crate::analyze::Analyzer::analyze_path`], or
/// read from JSON (`sdkflow audit --facts FILE.json`) when the facts come from elsewhere.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AppFacts {
    /// The input as given by the user (`app.apk`).
    pub source: String,
    /// The app's package, when known (normally `manifest.package`).
    pub package: Option<String>,
    /// The decoded manifest; `None` for inputs without one (a bare dex). The permission
    /// and manifest rules are skipped then, and the report says so.
    pub manifest: Option<Manifest>,
    /// The SDKs found.
    pub detections: Detections,
    /// Personal data seen being read, from the data-flow analysis (empty with `--no-flows`).
    pub observed: Vec<ObservedAccess>,
    /// Non-fatal problems met while reading the app (carried into the report).
    pub problems: Vec<Problem>,
}

/// One personal-data read the data-flow analysis saw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObservedAccess {
    /// The SDK whose code reads it; `None` for the app's own code.
    pub sdk_id: Option<String>,
    /// Data-type id (`device_id.imei`).
    pub data_type: String,
    /// Call path from the entry point to the API that reads it, one method per element.
    pub path: Vec<String>,
    /// Where the data goes, when traced (`java.net.URL.openConnection`).
    pub sink: Option<String>,
    /// Permissions the reading API needs, any one of them (empty: none). A read whose
    /// permissions the app cannot hold returns nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    /// The plain library whose code performs the read (`android.support.v7.app`, or the
    /// catalogue's name of a `library` signature), when it is one. `sdk_id` then names the
    /// owner of the first app or SDK frame that calls into the library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
}

/// The audit's input: one app, one policy, one permission table.
#[derive(Debug, Clone, Default)]
pub struct AuditInput {
    /// The app side.
    pub app: AppFacts,
    /// The policy side.
    pub policy: DeclaredPolicy,
    /// Protection level, group and data types of Android permissions.
    pub permissions: PermissionTable,
    /// Vendor and category of every catalogued SDK, by id, for SDKs the policy names but
    /// the APK does not contain (vendor families). Empty: the families rule only sees the
    /// detected SDKs.
    pub catalog: BTreeMap<String, CatalogEntry>,
}

/// What the audit needs to know about a catalogued SDK it may not have detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogEntry {
    /// Vendor (`AutoNavi (Alibaba)`).
    pub vendor: Option<String>,
    /// Category id (`maps-location`).
    pub category: String,
}

impl CatalogEntry {
    /// Vendor and category of every signature of `catalog`.
    pub fn index(catalog: &crate::catalog::Catalog) -> BTreeMap<String, CatalogEntry> {
        catalog
            .sdks()
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    CatalogEntry {
                        vendor: s.vendor.clone(),
                        category: s.category.clone(),
                    },
                )
            })
            .collect()
    }
}

/// Knobs of the audit itself (rendering and exit codes are decided elsewhere).
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// Detections below this confidence are ignored entirely.
    pub min_confidence: Confidence,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            min_confidence: Confidence::Low,
        }
    }
}
