//! The permission table: what the audit needs to know about an Android permission to
//! decide whether a policy must explain it and how serious the silence is.
//!
//! The project's full table lives in `sdk-signatures/permissions.toml` (read by
//! [`crate::dictionary`]); [`PermissionTable::from_rows`] takes its rows.
//! [`PermissionTable::android_runtime`] is a built-in fallback with the platform's
//! runtime ("dangerous") permissions and a few special ones reviewers ask about.

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

    /// The built-in table: Android's runtime permissions (API 34) with their groups, and
    /// the special or normal permissions reviewers treat as sensitive.
    pub fn android_runtime() -> Self {
        PermissionTable::from_rows(BUILTIN.iter().map(|(name, prot, group, sens, data)| {
            PermissionRow {
                name: (*name).to_string(),
                protection: *prot,
                group: Some((*group).to_string()),
                sensitive: *sens,
                data_types: data.iter().map(|d| (*d).to_string()).collect(),
            }
        }))
    }
}

use Protection::{Dangerous as D, Normal as N, Special as S};

type BuiltinRow = (
    &'static str,
    Protection,
    &'static str,
    bool,
    &'static [&'static str],
);

// From the platform's AndroidManifest (protectionLevel) and the runtime-permission groups
// of the Android permission docs. Data types are ids of sdk-signatures/data-types.toml.
#[rustfmt::skip]
const BUILTIN: &[BuiltinRow] = &[
    ("android.permission.ACCESS_FINE_LOCATION", D, "location", false, &["location.precise"]),
    ("android.permission.ACCESS_COARSE_LOCATION", D, "location", false, &["location.coarse"]),
    ("android.permission.ACCESS_BACKGROUND_LOCATION", D, "location", false, &["location.background"]),
    ("android.permission.ACCESS_MEDIA_LOCATION", D, "storage", false, &["location.media_exif"]),
    ("android.permission.READ_CONTACTS", D, "contacts", false, &["contacts"]),
    ("android.permission.WRITE_CONTACTS", D, "contacts", false, &["contacts.write"]),
    ("android.permission.GET_ACCOUNTS", D, "contacts", false, &["accounts"]),
    ("android.permission.READ_PHONE_STATE", D, "phone", false, &["device_id.imei", "device_id.imsi", "network.sim_info"]),
    ("android.permission.READ_PHONE_NUMBERS", D, "phone", false, &["phone_number"]),
    ("android.permission.CALL_PHONE", D, "phone", false, &["action.call"]),
    ("android.permission.ANSWER_PHONE_CALLS", D, "phone", false, &["action.answer_call"]),
    ("android.permission.USE_SIP", D, "phone", false, &["sip"]),
    ("android.permission.ACCEPT_HANDOVER", D, "phone", false, &[]),
    ("com.android.voicemail.permission.ADD_VOICEMAIL", D, "phone", false, &["voicemail"]),
    ("android.permission.READ_CALL_LOG", D, "call-log", false, &["call_log"]),
    ("android.permission.WRITE_CALL_LOG", D, "call-log", false, &["call_log.write"]),
    ("android.permission.PROCESS_OUTGOING_CALLS", D, "call-log", false, &["call.outgoing"]),
    ("android.permission.SEND_SMS", D, "sms", false, &["action.send_sms"]),
    ("android.permission.RECEIVE_SMS", D, "sms", false, &["sms.content"]),
    ("android.permission.READ_SMS", D, "sms", false, &["sms.content"]),
    ("android.permission.RECEIVE_MMS", D, "sms", false, &["mms.content"]),
    ("android.permission.RECEIVE_WAP_PUSH", D, "sms", false, &["sms.wap"]),
    ("android.permission.READ_CELL_BROADCASTS", D, "sms", false, &["cell_broadcast"]),
    ("android.permission.CAMERA", D, "camera", false, &["camera"]),
    ("android.permission.RECORD_AUDIO", D, "microphone", false, &["audio.voice"]),
    ("android.permission.READ_EXTERNAL_STORAGE", D, "storage", false, &["storage.files"]),
    ("android.permission.WRITE_EXTERNAL_STORAGE", D, "storage", false, &["storage.files"]),
    ("android.permission.READ_MEDIA_IMAGES", D, "storage", false, &["storage.album"]),
    ("android.permission.READ_MEDIA_VIDEO", D, "storage", false, &["storage.album"]),
    ("android.permission.READ_MEDIA_AUDIO", D, "storage", false, &["storage.audio"]),
    ("android.permission.READ_MEDIA_VISUAL_USER_SELECTED", D, "storage", false, &["storage.album_selected"]),
    ("android.permission.MANAGE_EXTERNAL_STORAGE", S, "storage", true, &["storage.all_files"]),
    ("android.permission.READ_CALENDAR", D, "calendar", false, &["calendar"]),
    ("android.permission.WRITE_CALENDAR", D, "calendar", false, &["calendar.write"]),
    ("android.permission.BODY_SENSORS", D, "sensors", false, &["sensors.body"]),
    ("android.permission.BODY_SENSORS_BACKGROUND", D, "sensors", false, &["sensors.body"]),
    ("android.permission.ACTIVITY_RECOGNITION", D, "activity-recognition", false, &["sensors.activity"]),
    ("android.permission.BLUETOOTH_SCAN", D, "nearby-devices", false, &["bluetooth.scan"]),
    ("android.permission.BLUETOOTH_CONNECT", D, "nearby-devices", false, &["bluetooth.paired_devices"]),
    ("android.permission.BLUETOOTH_ADVERTISE", D, "nearby-devices", false, &["bluetooth.advertise"]),
    ("android.permission.NEARBY_WIFI_DEVICES", D, "nearby-devices", false, &["network.wifi_scan"]),
    ("android.permission.UWB_RANGING", D, "nearby-devices", false, &["uwb"]),
    ("android.permission.POST_NOTIFICATIONS", D, "notifications", false, &["notifications"]),
    ("android.permission.QUERY_ALL_PACKAGES", N, "app-list", true, &["app.list"]),
    ("android.permission.PACKAGE_USAGE_STATS", S, "app-usage", true, &["usage.app_usage"]),
    ("android.permission.SYSTEM_ALERT_WINDOW", S, "overlay", true, &["overlay"]),
    ("android.permission.REQUEST_INSTALL_PACKAGES", S, "install", true, &["action.install"]),
    ("com.google.android.gms.permission.AD_ID", N, "advertising-id", true, &["device_id.gaid"]),
];

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
    fn builtin_table_names_are_unique_and_grouped() {
        let table = PermissionTable::android_runtime();
        assert_eq!(table.len(), BUILTIN.len(), "duplicate name in BUILTIN");
        let camera = table.get("android.permission.CAMERA");
        assert!(camera.is_some_and(|r| r.is_high_risk() && r.needs_explaining()));
        let cal = table.get("android.permission.READ_CALENDAR");
        assert!(cal.is_some_and(|r| !r.is_high_risk() && r.needs_explaining()));
    }
}
