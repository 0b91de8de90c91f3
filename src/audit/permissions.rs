//! The permission table: what the audit needs to know about an Android permission to
//! decide whether a policy must explain it and how serious the silence is.
//!
//! The table is data: `sdk-signatures/permissions.toml`, read by [`crate::dictionary`]
//! and turned into rows by [`PermissionTable::from_dictionary`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A permission's protection level, reduced to what the audit distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protection {
    /// Granted at install without asking.
    Normal,
    /// A runtime permission the user grants in a dialog.
    Dangerous,
    /// Granted only to apps signed with the platform key (or privileged apps).
    Signature,
    /// Granted by the user in a settings screen (app-op: overlay, all-files access).
    Special,
    /// Anything else or unknown.
    Other,
}

impl Protection {
    /// Read an `android:protectionLevel` string (`dangerous|instant`, `signature|appop`).
    pub fn parse(level: &str) -> Protection {
        let flags: Vec<&str> = level.split('|').map(str::trim).collect();
        if flags.contains(&"dangerous") {
            Protection::Dangerous
        } else if flags.contains(&"appop") {
            Protection::Special
        } else if flags.contains(&"signature") || flags.contains(&"signatureOrSystem") {
            Protection::Signature
        } else if flags.contains(&"normal") {
            Protection::Normal
        } else {
            Protection::Other
        }
    }
}

/// Permission groups whose silence in a policy is high severity: the kinds of data
/// Chinese app-privacy rules and app stores single out (location, contacts, phone, SMS,
/// camera, microphone, storage; the call log is phone data).
pub const HIGH_RISK_GROUPS: [&str; 8] = [
    "location",
    "contacts",
    "phone",
    "call-log",
    "sms",
    "camera",
    "microphone",
    "storage",
];

/// One permission's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionRow {
    /// Full name (`android.permission.CAMERA`).
    pub name: String,
    /// Protection level.
    pub protection: Protection,
    /// Group id (`location`, `contacts`, `phone`, `call-log`, `sms`, `camera`,
    /// `microphone`, `storage`, ...), when it belongs to one.
    #[serde(default)]
    pub group: Option<String>,
    /// A permission a policy must explain even though it is not a runtime permission
    /// (installed-app list, all-files access, advertising id).
    #[serde(default)]
    pub sensitive: bool,
    /// Data-type ids the permission gives access to.
    #[serde(default)]
    pub data_types: Vec<String>,
}

impl PermissionRow {
    /// Whether a policy has to explain this permission.
    pub fn needs_explaining(&self) -> bool {
        self.protection == Protection::Dangerous || self.sensitive
    }

    /// Whether silence about it is high severity.
    pub fn is_high_risk(&self) -> bool {
        self.group
            .as_deref()
            .is_some_and(|g| HIGH_RISK_GROUPS.contains(&g))
    }
}

/// Permission facts by name.
#[derive(Debug, Clone, Default)]
pub struct PermissionTable {
    rows: BTreeMap<String, PermissionRow>,
}

impl PermissionTable {
    /// Build from plain rows; a later row with the same name replaces an earlier one.
    pub fn from_rows(rows: impl IntoIterator<Item = PermissionRow>) -> Self {
        PermissionTable {
            rows: rows.into_iter().map(|r| (r.name.clone(), r)).collect(),
        }
    }

    /// The facts of `name`, when known.
    pub fn get(&self, name: &str) -> Option<&PermissionRow> {
        self.rows.get(name)
    }

    /// The group of `name`, when known.
    pub fn group(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|r| r.group.as_deref())
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every row, by name.
    pub fn rows(&self) -> impl Iterator<Item = &PermissionRow> {
        self.rows.values()
    }

    /// The table of `sdk-signatures/permissions.toml` (the dictionary the policy reader
    /// uses too, so both sides speak of the same groups).
    pub fn from_dictionary(dict: &crate::dictionary::Dictionary) -> Self {
        PermissionTable::from_rows(dict.permissions().iter().map(|p| PermissionRow {
            name: p.name.clone(),
            protection: Protection::parse(&p.protection),
            group: Some(p.group.clone()).filter(|g| !g.is_empty() && g != "none"),
            sensitive: p.sensitive,
            data_types: p.data_types.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protection_levels_parse_like_the_platform_writes_them() {
        assert_eq!(Protection::parse("dangerous"), Protection::Dangerous);
        assert_eq!(
            Protection::parse("dangerous|instant"),
            Protection::Dangerous
        );
        assert_eq!(
            Protection::parse("signature|appop|preinstalled"),
            Protection::Special
        );
        assert_eq!(
            Protection::parse("signature|privileged"),
            Protection::Signature
        );
        assert_eq!(Protection::parse("normal"), Protection::Normal);
        assert_eq!(Protection::parse(""), Protection::Other);
    }

    #[test]
    fn dictionary_table_is_grouped() {
        let dict = crate::dictionary::Dictionary::embedded().expect("embedded dictionary");
        let table = PermissionTable::from_dictionary(dict);
        assert_eq!(
            table.len(),
            dict.permissions().len(),
            "duplicate permission name"
        );
        let camera = table.get("android.permission.CAMERA");
        assert!(camera.is_some_and(|r| r.is_high_risk() && r.needs_explaining()));
        let cal = table.get("android.permission.READ_CALENDAR");
        assert!(cal.is_some_and(|r| !r.is_high_risk() && r.needs_explaining()));
    }
}
