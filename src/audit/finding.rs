//! A finding and its evidence from both sides: where in the APK, and where in the policy
//! (or that the policy says nothing).

use serde::{Deserialize, Serialize};

use super::{RuleId, Severity};
use crate::detect::Evidence;
use crate::policy::Span;

/// The manifest's entry name inside an APK, used as the location of manifest evidence.
pub const MANIFEST_ENTRY: &str = "AndroidManifest.xml";

/// One thing the APK does that the policy does not say (or the reverse).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id.
    pub rule: RuleId,
    /// Severity (the rule's default, raised or lowered by the check with a reason).
    pub severity: Severity,
    /// One line for a person.
    pub message: String,
    /// What the finding is about, stable across builds: an SDK id, a permission name,
    /// `sdk-id/data-type`, a component class, a manifest attribute.
    pub subject: String,
    /// The SDK it concerns, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk: Option<SdkRef>,
    /// Evidence in the APK, strongest first; empty when the finding is about an absence.
    pub apk_evidence: Vec<ApkEvidence>,
    /// Evidence in the policy: quotes, or what was looked for and not found.
    pub policy_evidence: Vec<PolicyEvidence>,
    /// `rule:subject`: what a baseline stores. Never contains a line number.
    pub fingerprint: String,
}

impl Finding {
    /// A finding with its fingerprint computed from rule and subject.
    pub fn new(
        rule: RuleId,
        severity: Severity,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let subject = subject.into();
        Finding {
            rule,
            severity,
            message: message.into(),
            fingerprint: format!("{}:{}", rule.as_str(), subject),
            subject,
            sdk: None,
            apk_evidence: Vec::new(),
            policy_evidence: Vec::new(),
        }
    }
}

/// An SDK named in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdkRef {
    /// Signature id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// Evidence in the APK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApkEvidence {
    /// A `uses-permission` in the manifest, with the SDKs whose signatures ask for it.
    Permission {
        /// Permission name.
        name: String,
        /// Its group, when known.
        group: Option<String>,
        /// Ids of detected SDKs that use it.
        used_by: Vec<String>,
    },
    /// The SDK's signature says it collects this data type.
    SignatureData {
        /// Data-type id.
        data_type: String,
        /// SDK id.
        sdk_id: String,
    },
    /// The data-flow analysis saw the data read (and maybe sent).
    CallPath {
        /// Data-type id.
        data_type: String,
        /// Methods from entry point to the reading API.
        path: Vec<String>,
        /// Where the data goes.
        sink: Option<String>,
        /// The plain library whose code reads it, when one does (the finding is then
        /// about the app or SDK code that calls into the library).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        library: Option<String>,
        /// The permissions the reading API needs, none of which the APK requests (so it
        /// returns nothing); empty when the read can succeed.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        missing_permissions: Vec<String>,
    },
    /// What the SDK's vendor states it collects (the signature's `collects`, from the
    /// vendor's own disclosure): context, not something observed in this APK.
    VendorStatement {
        /// SDK id.
        sdk_id: String,
        /// Data-type ids.
        data_types: Vec<String>,
    },
    /// Another detected SDK that ships inside this one (the catalogue's `bundled_by`);
    /// it follows this SDK's disclosure status.
    Bundled {
        /// The bundled SDK's id.
        sdk_id: String,
        /// Its display name.
        name: String,
    },
    /// A manifest attribute with its value.
    ManifestAttribute {
        /// Element and attribute (`application/@android:debuggable`).
        attribute: String,
        /// Value as written or implied.
        value: String,
    },
    /// Looked for in the APK and not found.
    NotFound {
        /// What was looked for.
        what: String,
    },
    /// The detector's evidence (classes, components, meta-data, native libraries, JNI
    /// exports, hosts), serialised exactly as `sdkflow sdks` writes it.
    #[serde(untagged)]
    Detected(Evidence),
}

impl ApkEvidence {
    /// The APK entry this evidence points into, when it is one entry.
    pub fn entry(&self) -> Option<&str> {
        match self {
            ApkEvidence::Detected(Evidence::Classes { dex, .. }) => dex.first().map(String::as_str),
            ApkEvidence::Detected(
                Evidence::Component { .. }
                | Evidence::MetaData { .. }
                | Evidence::Permission { .. },
            )
            | ApkEvidence::Permission { .. }
            | ApkEvidence::ManifestAttribute { .. } => Some(MANIFEST_ENTRY),
            ApkEvidence::Detected(
                Evidence::NativeLib { path } | Evidence::JniSymbol { path, .. },
            ) => Some(path),
            ApkEvidence::Detected(Evidence::Host { location, .. })
                if location.starts_with("lib/") =>
            {
                Some(location)
            }
            ApkEvidence::NotFound { what } if what.contains(MANIFEST_ENTRY) => Some(MANIFEST_ENTRY),
            _ => None,
        }
    }

    /// One line for a person (`classes: 238 under com.tendcloud.tenddata in classes.dex`).
    pub fn describe(&self) -> String {
        match self {
            ApkEvidence::Detected(Evidence::Classes {
                package,
                count,
                examples,
                dex,
            }) => {
                let mut s = format!("{count} classes under {package}");
                if !dex.is_empty() {
                    s.push_str(&format!(" in {}", dex.join(", ")));
                }
                if let Some(first) = examples.first() {
                    s.push_str(&format!(" (e.g. {})", super::readable::class_name(first)));
                }
                s
            }
            ApkEvidence::Detected(Evidence::Component {
                component_kind,
                name,
            }) => format!("manifest {component_kind} {name}"),
            ApkEvidence::Detected(Evidence::MetaData { name, value }) => match value {
                Some(v) => format!("manifest meta-data {name} = {v}"),
                None => format!("manifest meta-data {name}"),
            },
            ApkEvidence::Detected(Evidence::NativeLib { path }) => format!("native library {path}"),
            ApkEvidence::Detected(Evidence::JniSymbol { path, symbol }) => {
                format!("JNI export {symbol} in {path}")
            }
            ApkEvidence::Detected(Evidence::Host { host, location }) => {
                // `Lx/Y;->m()V @0x4f` in a dex method, a path in a native library.
                let (at, offset) = location
                    .split_once(" @")
                    .map_or((location.as_str(), None), |(a, o)| (a, Some(o)));
                match offset {
                    Some(o) => format!("host {host} in {} @{o}", super::readable::method_name(at)),
                    None => format!("host {host} in {}", super::readable::method_name(at)),
                }
            }
            ApkEvidence::Detected(Evidence::Permission { name }) => {
                format!("uses-permission {name}")
            }
            ApkEvidence::Detected(Evidence::ObfuscatedCode {
                package,
                tie,
                value,
                location,
            }) => {
                let at = location.split(" @").next().unwrap_or(location);
                format!(
                    "obfuscated package {package}, this SDK's code: {tie} {value} in {}",
                    super::readable::method_name(at)
                )
            }
            ApkEvidence::Permission {
                name,
                group,
                used_by,
            } => {
                let mut s = format!("uses-permission {name}");
                if let Some(g) = group {
                    s.push_str(&format!(" (group {g})"));
                }
                if !used_by.is_empty() {
                    s.push_str(&format!(", used by {}", used_by.join(", ")));
                }
                s
            }
            ApkEvidence::SignatureData { data_type, sdk_id } => {
                format!("the {sdk_id} signature says it collects {data_type}")
            }
            ApkEvidence::CallPath {
                data_type,
                path,
                sink,
                library,
                missing_permissions,
            } => {
                let mut s = format!(
                    "reads {data_type} via {}",
                    super::readable::short_path(path)
                );
                if let Some(lib) = library {
                    s.push_str(&format!(" (inside library {lib})"));
                }
                if let Some(sink) = sink {
                    s.push_str(&format!(", sent to {}", super::readable::method_name(sink)));
                }
                if !missing_permissions.is_empty() {
                    let names: Vec<&str> = missing_permissions
                        .iter()
                        .map(|p| p.rsplit('.').next().unwrap_or(p))
                        .collect();
                    s.push_str(&format!(
                        "; returns nothing: the APK does not request {}",
                        names.join(" or ")
                    ));
                }
                s
            }
            ApkEvidence::VendorStatement { sdk_id, data_types } => {
                format!(
                    "the vendor of {sdk_id} states it collects: {}",
                    data_types.join(", ")
                )
            }
            ApkEvidence::Bundled { sdk_id, name } => {
                format!("bundles {name} ({sdk_id}), covered by this SDK's disclosure")
            }
            ApkEvidence::ManifestAttribute { attribute, value } => {
                format!("{attribute} = {value}")
            }
            ApkEvidence::NotFound { what } => format!("not found: {what}"),
        }
    }
}

impl From<&Evidence> for ApkEvidence {
    fn from(e: &Evidence) -> Self {
        match e {
            // The audit's permission evidence also names the group and the SDKs using it.
            Evidence::Permission { name } => ApkEvidence::Permission {
                name: name.clone(),
                group: None,
                used_by: Vec::new(),
            },
            other => ApkEvidence::Detected(other.clone()),
        }
    }
}

/// Evidence in the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PolicyEvidence {
    /// What the policy says, quoted.
    Quote {
        /// What the quote is (`lists 极光推送SDK`, `explains 相机权限`).
        what: String,
        /// 1-based line, when the table was read from a document.
        line: Option<usize>,
        /// 1-based column.
        column: Option<usize>,
        /// The quoted text.
        snippet: Option<String>,
    },
    /// Looked for in the policy and not found.
    Absent {
        /// What was looked for.
        what: String,
    },
}

impl PolicyEvidence {
    /// A quote from an optional span.
    pub fn quote(what: impl Into<String>, span: Option<&Span>) -> Self {
        PolicyEvidence::Quote {
            what: what.into(),
            line: span.map(|s| s.line),
            column: span.map(|s| s.column),
            snippet: span.map(|s| s.snippet.clone()),
        }
    }

    /// An absence.
    pub fn absent(what: impl Into<String>) -> Self {
        PolicyEvidence::Absent { what: what.into() }
    }

    /// The policy line quoted, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            PolicyEvidence::Quote { line, .. } => *line,
            PolicyEvidence::Absent { .. } => None,
        }
    }

    /// One line for a person.
    pub fn describe(&self) -> String {
        match self {
            PolicyEvidence::Quote {
                what,
                line,
                snippet,
                ..
            } => {
                let mut s = match line {
                    Some(l) => format!("line {l}: {what}"),
                    None => what.clone(),
                };
                if let Some(snip) = snippet {
                    s.push_str(&format!(": \u{201c}{snip}\u{201d}"));
                }
                s
            }
            PolicyEvidence::Absent { what } => format!("absent from the policy: {what}"),
        }
    }
}
