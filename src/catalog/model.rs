//! The on-disk shape of one signature file (`sdk-signatures/sdks/<id>.toml`, format 1).
//! See `docs/signatures.md`. Unknown fields are rejected so that a typo is an error, not a
//! silently ignored matcher.

use serde::{Deserialize, Serialize};

/// The only signature file format this version reads.
pub const FORMAT_VERSION: u32 = 1;

/// The category ids a signature may use, with a short English description.
pub const CATEGORIES: &[(&str, &str)] = &[
    (
        "push",
        "push notifications (vendor channels and aggregators)",
    ),
    ("maps-location", "maps, location, navigation"),
    (
        "crash-reporting",
        "crash reporting and performance monitoring",
    ),
    ("analytics", "analytics, attribution, A/B testing"),
    ("ads", "advertising and ad mediation"),
    ("payment", "payment"),
    ("social", "social login and share"),
    ("identity", "identity verification, OCR, face and liveness"),
    ("speech", "speech recognition and synthesis"),
    (
        "risk-control",
        "device fingerprint, anti-fraud, captcha, in-app protection",
    ),
    (
        "packer",
        "app packers (加固): a stub that decrypts and loads the app's real dex; protection, not a data collector",
    ),
    ("web-engine", "embedded web engines"),
    ("im", "instant messaging"),
    ("rtc", "real-time audio and video"),
    (
        "one-click-login",
        "carrier number authentication and one-click login",
    ),
    ("customer-service", "customer service chat"),
    ("device-id", "device identifier libraries (OAID, UTDID)"),
    ("sms-verification", "SMS verification codes"),
    ("e-commerce", "e-commerce affiliate and login"),
    (
        "qr-scan",
        "QR and barcode scanning engines that talk to a vendor",
    ),
    (
        "app-framework",
        "app frameworks, hot-fix and mini-program containers from a vendor",
    ),
    (
        "media",
        "audio, video and live-streaming players and editors",
    ),
    ("cloud-storage", "vendor cloud storage and backend services"),
    ("other", "third-party services not classified above"),
    (
        "library",
        "plain libraries that collect nothing of their own",
    ),
];

/// One SDK signature, as written in its TOML file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sdk {
    /// Format version; must be [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable id, kebab-case, equal to the file stem (`jpush`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Chinese (simplified) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Vendor, English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Vendor, Chinese legal name as policies write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_zh: Option<String>,
    /// Category id, one of [`CATEGORIES`].
    pub category: String,
    /// Names a privacy policy may use: simplified Chinese and Latin.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Names in traditional Chinese.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases_hant: Vec<String>,
    /// Vendor page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Ids of SDKs that ship this one inside their own code (JVerification carries the
    /// carriers' one-click login SDKs; old WeChat jars carry MTA).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bundled_by: Vec<String>,
    /// What to look for in an APK.
    #[serde(default, rename = "match")]
    pub matchers: Matchers,
    /// Present when this signature is an app packer (加固): how a packed app shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packer: Option<PackerRules>,
    /// Platform plugins this SDK ships in its own code (a share SDK's WeChat and QQ
    /// plugins): the platform's manifest entries and hosts belong to this SDK when the
    /// platform's own code is absent.
    #[serde(default, rename = "plugin", skip_serializing_if = "Vec::is_empty")]
    pub plugins: Vec<PluginRule>,
    /// Where the SDK records its version.
    #[serde(default)]
    pub version: VersionRules,
    /// Permissions the SDK asks for (`<app>` stands for the app's package).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    /// Data-type ids (from `data-types.toml`) the vendor says the SDK collects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collects: Vec<String>,
    /// Free-text notes for reviewers (traps, shared namespaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the facts come from (binary seen, LibChecker, Exodus, vendor docs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// The matchers of one SDK. Every list may be empty.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Matchers {
    /// Dotted package (or class) prefixes, matched on segment boundaries
    /// (`cn.jpush.android` matches `cn.jpush.android.api.JPushInterface`). Where two
    /// signatures' prefixes nest, the longest wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<String>,
    /// Sub-packages of `packages` that are not this SDK (and belong to no signature).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_packages: Vec<String>,
    /// Prefixes too short or too shared to prove the SDK on their own (obfuscated cores
    /// such as `com.loc`): they count only next to other evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak_packages: Vec<String>,
    /// Manifest component class names; `*` allowed at the start or end
    /// (`*.wxapi.WXEntryActivity`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<String>,
    /// Manifest `meta-data` names (`JPUSH_APPKEY`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meta_data: Vec<String>,
    /// Native library file names; `*` matches any run of characters (`libjcore*.so`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub native_libs: Vec<String>,
    /// Native library names too generic to prove the SDK on their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak_native_libs: Vec<String>,
    /// Prefixes of exported JNI symbols (`Java_com_baidu_location_`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jni_prefixes: Vec<String>,
    /// Host names; a host matches itself and its subdomains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<String>,
}

/// How a packed app shows its packer. A packed app's real dex is encrypted and loaded at
/// run time by the packer's stub application and native library.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackerRules {
    /// Stub `Application` class names the packer puts in the manifest
    /// (`com.stub.StubApp`); `*` allowed at the start or end, as for components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application: Vec<String>,
    /// File-name globs of the packer's native libraries, under `lib/` or `assets/`
    /// (`libjiagu*.so`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

/// One platform plugin of an SDK (`[[plugin]]`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PluginRule {
    /// Id of the platform's own signature (`wechat-opensdk`).
    pub platform: String,
    /// Packages of this SDK's code that implement the plugin (`cn.sharesdk.wechat`):
    /// sub-packages of the SDK's own `match.packages`.
    pub packages: Vec<String>,
}

/// Where an SDK records its version.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VersionRules {
    /// Static string fields holding the version, as `package.Class.FIELD`
    /// (`com.tencent.bugly.crashreport.BuildConfig.VERSION_NAME`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Native library names with a `{v}` placeholder for the version
    /// (`libjcore{v}.so`: `libjcore322.so` gives 3.2.2; `_` reads as `.`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub native_libs: Vec<String>,
}

impl Sdk {
    /// True for plain libraries (category `library`).
    pub fn is_library(&self) -> bool {
        self.category == "library"
    }

    /// Every alias, simplified then traditional, with the English and Chinese names.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.name_zh.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.aliases_hant.iter().map(String::as_str))
    }
}
