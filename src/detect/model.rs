//! What the detector reports. A contract between the detector, the audit and the JSON of
//! `sdkflow sdks --format json`: fields may be added, not renamed or removed.

use serde::{Deserialize, Serialize};

/// How sure a detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Only weak, indirect evidence (a host string, an obfuscated layout).
    Low,
    /// Manifest components, meta-data or native libraries without code, or code alone.
    Medium,
    /// Code packages confirmed by a second kind of evidence.
    High,
}

/// One piece of evidence for a detection, pointing at something a reviewer can check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// Classes under a matched package prefix.
    Classes {
        /// The signature's package prefix that matched (`cn.jpush.android`).
        package: String,
        /// How many classes matched.
        count: usize,
        /// A few example class descriptors (`Lcn/jpush/android/api/JPushInterface;`).
        examples: Vec<String>,
        /// The dex entries they were found in.
        dex: Vec<String>,
    },
    /// A manifest component whose class name matched.
    Component {
        /// `service`, `receiver`, ...
        component_kind: String,
        /// Its class name.
        name: String,
    },
    /// A meta-data key that matched.
    MetaData {
        /// The key (`JPUSH_APPKEY`).
        name: String,
        /// Its value, when present (app keys are evidence too).
        value: Option<String>,
    },
    /// A native library whose name matched.
    NativeLib {
        /// The entry path (`lib/arm64-v8a/libjcore322.so`).
        path: String,
    },
    /// A JNI export whose prefix matched.
    JniSymbol {
        /// The library entry path.
        path: String,
        /// The symbol (`Java_cn_jiguang_...`).
        symbol: String,
    },
    /// A host name found in code strings or native read-only data.
    Host {
        /// The host matched.
        host: String,
        /// Where: a method (`Lcom/x/Y;->m()V @0x1a`) or a library entry path.
        location: String,
    },
    /// A permission the manifest requests that the signature ties to this SDK.
    Permission {
        /// The permission name.
        name: String,
    },
    /// An obfuscated package (short names only, `a.b`) that no signature names, tied to
    /// this SDK alone by what its code holds: the flows attribute its code to the SDK.
    ObfuscatedCode {
        /// The dotted package (`a.b`).
        package: String,
        /// What ties it: `host` (one of the SDK's hosts in its code).
        tie: String,
        /// The tying value (`apilocate.amap.com`).
        value: String,
        /// Where (`La/b/e;->a(Landroid/content/Context;)La/b/d; @0x30`).
        location: String,
    },
}

/// One SDK found in the input.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Detection {
    /// Signature id (`jpush`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese name.
    pub name_zh: Option<String>,
    /// Vendor.
    pub vendor: Option<String>,
    /// Category id (`push`, `library` for plain libraries, ...).
    pub category: String,
    /// How sure.
    pub confidence: Confidence,
    /// Version when the SDK records it (constant, BuildConfig field, library name).
    pub version: Option<String>,
    /// Evidence, strongest first.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Permissions the signature says this SDK uses that the manifest requests.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// Data-type ids (`device_id.imei`) the vendor says the SDK collects.
    #[serde(default)]
    pub data_types: Vec<String>,
    /// Detected SDKs that ship this one inside their own code (`jverification` for the
    /// carriers' one-click login SDKs): a policy naming the parent may cover it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bundled_by: Vec<String>,
    /// Platforms this SDK reaches through plugins in its own code (a share SDK's WeChat
    /// and QQ plugins): the platform conventions and hosts found for them, which are this
    /// SDK's evidence and not the platform SDK's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plugins: Vec<Plugin>,
}

/// A platform plugin of a detected SDK (see `[[plugin]]` in `docs/signatures.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plugin {
    /// The platform's signature id (`wechat-opensdk`).
    pub platform: String,
    /// The platform's name (`WeChat Open SDK`).
    pub name: String,
    /// The plugin's classes, and the platform's manifest entries and hosts it accounts for.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The packer (加固) an app is protected with: its real dex is encrypted and loaded at run
/// time, so the code in the APK is the packer's stub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packer {
    /// The packer's signature id (`jiagu-360`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese name (`360加固`).
    pub name_zh: Option<String>,
    /// The stub application and the packer's native libraries.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// What packing does to the findings, in one sentence for the top of a report.
    pub notice: String,
}

impl Packer {
    /// The name to show people: Chinese where the catalogue has it (`360加固`).
    pub fn label(&self) -> &str {
        self.name_zh.as_deref().unwrap_or(&self.name)
    }
}

/// Code that matches no signature and is not the app's own.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnknownPackage {
    /// Dotted package (`com.example.vendor`).
    pub package: String,
    /// Number of classes under it.
    pub classes: usize,
    /// A few example class descriptors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// The detector's output for one input.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Detections {
    /// SDKs found, third-party SDKs first, then plain libraries.
    pub sdks: Vec<Detection>,
    /// Vendors whose hosts appear in strings of code or native libraries while nothing else
    /// of their SDK is there (confidence low): often another library talking to the vendor
    /// (AndroidX Test's usage tracker posts to `www.google-analytics.com`), sometimes a
    /// fully obfuscated SDK. Kept apart from `sdks` so that they never count as an SDK the
    /// policy must name; the reviewer checks the locations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub host_only: Vec<Detection>,
    /// Manifest components and meta-data of SDKs whose code is in no dex of a readable,
    /// unpacked app: configuration left behind (the SDK was removed, the manifest was not
    /// cleaned), reported for information and never counted as an SDK.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leftovers: Vec<Detection>,
    /// The packer, when the app is packed: code evidence is then unavailable and the SDKs
    /// come from the manifest and native libraries alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packer: Option<Packer>,
    /// Third-party packages that matched nothing.
    pub unknown: Vec<UnknownPackage>,
    /// Problems met while reading the input (broken dex files, undecodable classes): the
    /// detections come from the parts that were readable.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<crate::apk::Problem>,
}

impl Detections {
    /// The detection with this signature id.
    pub fn get(&self, id: &str) -> Option<&Detection> {
        self.sdks.iter().find(|d| d.id == id)
    }

    /// Third-party SDKs only (no plain libraries).
    pub fn third_party(&self) -> impl Iterator<Item = &Detection> {
        self.sdks.iter().filter(|d| d.category != "library")
    }
}
