//! The decoded manifest. This is a contract between modules and the JSON of
//! `sdkflow manifest --format json`: fields may be added, not renamed or removed.

use serde::{Deserialize, Serialize};

/// A decoded `AndroidManifest.xml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Manifest {
    /// `manifest/@package`.
    pub package: String,
    /// `android:versionCode` (with `versionCodeMajor` folded in when present).
    pub version_code: Option<u64>,
    /// `android:versionName`, resolved through resources when a reference.
    pub version_name: Option<String>,
    /// `uses-sdk/@minSdkVersion` (1 when absent, as Android assumes).
    pub min_sdk: Option<u32>,
    /// `uses-sdk/@targetSdkVersion` (defaults to min_sdk when absent).
    pub target_sdk: Option<u32>,
    /// `uses-sdk/@maxSdkVersion`.
    pub max_sdk: Option<u32>,
    /// `uses-permission` and `uses-permission-sdk-23`, in document order, duplicates kept
    /// once, then the permissions the platform implies (see [`UsesPermission::implied`]).
    pub permissions: Vec<UsesPermission>,
    /// Custom `permission` definitions.
    pub permission_definitions: Vec<PermissionDefinition>,
    /// `uses-feature` entries.
    pub features: Vec<UsesFeature>,
    /// The `application` element.
    pub application: Application,
    /// Every component (activity, activity-alias, service, receiver, provider).
    pub components: Vec<Component>,
    /// Every `meta-data`, application-level and component-level.
    pub meta_data: Vec<MetaData>,
}

/// A requested permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsesPermission {
    /// `android.permission.READ_PHONE_STATE`.
    pub name: String,
    /// `android:maxSdkVersion` when present.
    pub max_sdk_version: Option<u32>,
    /// Declared with `uses-permission-sdk-23`.
    pub sdk23: bool,
    /// Not written in the manifest but granted by the platform, with the reason as
    /// `aapt dump badging` prints it (`uses-implied-permission: ... reason='requested
    /// WRITE_EXTERNAL_STORAGE'`). `None` for a permission the manifest requests itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied: Option<String>,
}

impl UsesPermission {
    /// Whether the platform can grant it on some device the app installs on: a
    /// `maxSdkVersion` below the app's `minSdkVersion` means on none.
    pub fn grantable(&self, min_sdk: Option<u32>) -> bool {
        match (self.max_sdk_version, min_sdk) {
            (Some(max), Some(min)) => max >= min,
            _ => true,
        }
    }
}

/// A `<permission>` the app defines.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PermissionDefinition {
    /// Its name.
    pub name: String,
    /// `android:protectionLevel` as text (`signature`, `dangerous|instant`).
    pub protection_level: Option<String>,
}

/// A `uses-feature`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UsesFeature {
    /// `android:name` (absent for glEsVersion-only entries).
    pub name: Option<String>,
    /// `android:required` (default true).
    pub required: bool,
    /// `android:glEsVersion` when present.
    pub gl_es_version: Option<u32>,
}

/// The `application` element's attributes reviewers check.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    /// `android:name`, fully qualified.
    pub name: Option<String>,
    /// `android:label`, resolved through resources when a reference.
    pub label: Option<String>,
    /// `android:debuggable`.
    pub debuggable: bool,
    /// `android:allowBackup` (default true).
    pub allow_backup: bool,
    /// `android:usesCleartextTraffic` as written (`None` when absent).
    pub uses_cleartext_traffic: Option<bool>,
    /// `android:networkSecurityConfig` reference, resolved to a path when possible.
    pub network_security_config: Option<String>,
}

/// The kind of a manifest component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ComponentKind {
    /// `<activity>`.
    Activity,
    /// `<activity-alias>`.
    ActivityAlias,
    /// `<service>`.
    Service,
    /// `<receiver>`.
    Receiver,
    /// `<provider>`.
    Provider,
}

/// A component and what decides whether other apps can reach it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Component {
    /// Its kind.
    pub kind: ComponentKind,
    /// Fully qualified class name (a leading `.` resolved against the package).
    pub name: String,
    /// `targetActivity` for an alias.
    pub target_activity: Option<String>,
    /// Effective exported state: explicit, or implied by intent filters before API 31
    /// (providers: exported by default below API 17).
    pub exported: bool,
    /// `android:exported` as written.
    pub exported_explicit: Option<bool>,
    /// `android:enabled` (default true).
    pub enabled: bool,
    /// `android:permission` (for providers, also read/write permissions).
    pub permission: Option<String>,
    /// `android:readPermission` (providers).
    pub read_permission: Option<String>,
    /// `android:writePermission` (providers).
    pub write_permission: Option<String>,
    /// `android:process`.
    pub process: Option<String>,
    /// `android:authorities` split on `;` (providers).
    #[serde(default)]
    pub authorities: Vec<String>,
    /// Intent filters.
    #[serde(default)]
    pub intent_filters: Vec<IntentFilter>,
}

/// An `intent-filter`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IntentFilter {
    /// `action/@name` values.
    pub actions: Vec<String>,
    /// `category/@name` values.
    pub categories: Vec<String>,
    /// `data` elements as `scheme://host:port/path` style strings.
    pub data: Vec<String>,
    /// `android:priority` when present.
    pub priority: Option<i32>,
}

/// A `meta-data` entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MetaData {
    /// `android:name`.
    pub name: String,
    /// `android:value` rendered as text (resolved through resources when a reference).
    pub value: Option<String>,
    /// `android:resource` reference rendered as `@type/name` or `@0x7f...`.
    pub resource: Option<String>,
    /// The component it belongs to; `None` for application-level meta-data.
    pub component: Option<String>,
    /// The reference `android:value` was written as (`@string/umeng_key`), when it was one;
    /// `value` then holds what it resolves to.
    pub value_reference: Option<String>,
}
