//! The on-disk shape of `permissions.toml` and `data-types.toml` (docs/data-formats.md).
//! Unknown fields are rejected so that a typo in a data file is an error, not silence.

use serde::{Deserialize, Serialize};

/// `sdk-signatures/permissions.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PermissionsFile {
    /// Format version (1).
    pub format: u32,
    /// Phrases that contain a permission word but name no permission (`电话号码`).
    #[serde(default)]
    pub ignore_phrases: Vec<String>,
    /// Permission groups and phrase sets.
    #[serde(default, rename = "group")]
    pub groups: Vec<PermissionGroup>,
    /// One entry per Android permission.
    #[serde(default, rename = "permission")]
    pub permissions: Vec<Permission>,
}

/// A runtime permission group, or a set of permissions policies name with one word.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PermissionGroup {
    /// Stable id (`location`, `storage`, `bluetooth`).
    pub id: String,
    /// `true` for an Android runtime permission group (a permission's `group` may name it).
    pub runtime: bool,
    /// English name.
    pub name: String,
    /// The permissions a phrase of this group declares.
    pub permissions: Vec<String>,
    /// Simplified-Chinese phrases that match anywhere.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Traditional-Chinese phrases that match anywhere.
    #[serde(default)]
    pub phrases_hant: Vec<String>,
    /// Bare words that match only in a permission context (table column, 权限 nearby).
    #[serde(default)]
    pub context_phrases: Vec<String>,
}

/// One Android permission.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// Full name (`android.permission.CAMERA`).
    pub name: String,
    /// Protection level as in the framework manifest (`dangerous`, `normal`, `signature|appop`).
    pub protection: String,
    /// Runtime group id, or `none`.
    pub group: String,
    /// Regulators expect disclosure (every dangerous permission, plus normal ones that
    /// reveal identifiers or other apps: ACCESS_WIFI_STATE, BLUETOOTH, QUERY_ALL_PACKAGES...).
    pub sensitive: bool,
    /// Data-type ids the permission gives access to.
    #[serde(default)]
    pub data_types: Vec<String>,
    /// Simplified-Chinese phrases that match anywhere.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Traditional-Chinese phrases that match anywhere.
    #[serde(default)]
    pub phrases_hant: Vec<String>,
    /// Bare words that match only in a permission context.
    #[serde(default)]
    pub context_phrases: Vec<String>,
}

/// `sdk-signatures/data-types.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataTypesFile {
    /// Format version (1).
    pub format: u32,
    /// Phrases that contain a data-type word but declare nothing (`联系邮箱`).
    #[serde(default)]
    pub ignore_phrases: Vec<String>,
    /// The data types.
    #[serde(default, rename = "data_type")]
    pub data_types: Vec<DataType>,
}

/// What a data-type id stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataKind {
    /// Personal information a policy must disclose when collected.
    #[default]
    Personal,
    /// Something a permission lets an app do, not data it collects (vibrate, autostart).
    Capability,
}

/// One data type of the shared vocabulary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataType {
    /// Stable id (`device_id.imei`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Personal data or capability.
    #[serde(default)]
    pub kind: DataKind,
    /// Ids also declared when a policy names this one.
    #[serde(default)]
    pub covers: Vec<String>,
    /// Simplified-Chinese phrases.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Traditional-Chinese phrases.
    #[serde(default)]
    pub phrases_hant: Vec<String>,
}
