//! What the policy reader extracts from a privacy policy: the declared table. A contract
//! between the policy reader, the audit and the JSON of `sdkflow policy --format json`
//! (which can be edited and fed back as a structured table): fields may be added, not
//! renamed or removed.

use serde::{Deserialize, Serialize};

/// Where in the original policy text an item was read, for evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// 1-based line in the original file.
    pub line: usize,
    /// 1-based column (in characters) in the original line.
    pub column: usize,
    /// The quoted text around the item, from the original (not normalised) text.
    pub snippet: String,
    /// The policy file it was read from, when several documents were merged
    /// ([`super::merge`]); absent for a single document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// An SDK the policy names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeclaredSdk {
    /// The name as written (`极光推送SDK`).
    pub name: String,
    /// The signature id it resolves to through the aliases, or `None` (kept, reported).
    pub sdk_id: Option<String>,
    /// Other ids the same name may stand for (`高德地图` is the map and the location SDK);
    /// `sdk_id` is the first candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// `true` when the policy lists it as an embedded SDK (list, table); `false` when it is
    /// only mentioned (a login option, a payment method). Defaults to `true` in structured
    /// tables written by hand.
    #[serde(default = "listed_by_default")]
    pub listed: bool,
    /// Vendor as written.
    #[serde(default)]
    pub vendor: Option<String>,
    /// Purpose (功能类型 / 使用目的) as written.
    #[serde(default)]
    pub purpose: Option<String>,
    /// Data-type ids the policy says this SDK collects.
    #[serde(default)]
    pub data_types: Vec<String>,
    /// Android permission names the policy says this SDK uses.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// Official link, when given.
    #[serde(default)]
    pub link: Option<String>,
    /// Where it was read (absent for structured tables written by hand).
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// A row of an SDK list that names a partner, not an SDK: a courier receiving an address,
/// a bank, an auditor, a customer-service company. Reported apart so the audit never takes
/// it for a declared SDK.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeclaredPartner {
    /// The name as written.
    pub name: String,
    /// Purpose as written, when given.
    #[serde(default)]
    pub purpose: Option<String>,
    /// Where it was read.
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// An SDK the policy says is removed, not integrated or no longer used (`已下线`, `未接入`):
/// not declared, kept so a reviewer sees why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RemovedSdk {
    /// The name as written.
    pub name: String,
    /// The signature id it resolves to, if any.
    #[serde(default)]
    pub sdk_id: Option<String>,
    /// Where it was read.
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// A permission the policy explains.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeclaredPermission {
    /// Android permission name (`android.permission.CAMERA`).
    pub permission: String,
    /// The phrase that named it (`相机权限`).
    pub phrase: String,
    /// Where.
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// A personal data type the policy says is collected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeclaredDataType {
    /// Data-type id (`device_id.imei`).
    pub data_type: String,
    /// The phrase that named it.
    pub phrase: String,
    /// The SDK it was declared for, when the declaration is per SDK.
    #[serde(default)]
    pub sdk_id: Option<String>,
    /// Where.
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// A phrase that looks like a permission or data type but matched no dictionary entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedPhrase {
    /// The phrase.
    pub phrase: String,
    /// Where.
    #[serde(default)]
    pub evidence: Option<Span>,
}

/// The declared table of one policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeclaredPolicy {
    /// The policy file as given.
    #[serde(default)]
    pub source: String,
    /// Detected text encoding (`utf-8`, `utf-16le`, `gb18030`, ...).
    #[serde(default)]
    pub encoding: Option<String>,
    /// SDKs listed or mentioned.
    #[serde(default)]
    pub sdks: Vec<DeclaredSdk>,
    /// Partners named in an SDK list that are not SDKs (never declared SDKs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<DeclaredPartner>,
    /// SDKs the policy says are removed or not integrated (never declared SDKs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<RemovedSdk>,
    /// Permissions explained.
    #[serde(default)]
    pub permissions: Vec<DeclaredPermission>,
    /// Data types declared, app-wide and per SDK.
    #[serde(default)]
    pub data_types: Vec<DeclaredDataType>,
    /// Phrases that matched nothing.
    #[serde(default)]
    pub unmatched: Vec<UnmatchedPhrase>,
}

fn listed_by_default() -> bool {
    true
}
