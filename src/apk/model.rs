//! What the container layer hands to the analyses: the entries of an input, classified,
//! with the bytes of the ones the analyses read. This is a contract between modules:
//! fields may be added, not renamed or removed.

use serde::{Deserialize, Serialize};

use crate::error::Location;

/// What an archive entry is, by its path (see [`classify`](super::classify)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryKind {
    /// `AndroidManifest.xml` at the root.
    Manifest,
    /// A root `classes*.dex`.
    Dex,
    /// `lib/<abi>/<name>.so`.
    NativeLib {
        /// The ABI folder name as written (`arm64-v8a`).
        abi: String,
    },
    /// `resources.arsc`.
    Resources,
    /// Anything under `assets/`.
    Asset,
    /// `META-INF/*.SF|RSA|DSA|EC|MF` and other signing files.
    Signature,
    /// A .dex, .jar, .apk, .zip inside the archive (often under assets/).
    NestedArchive,
    /// Compiled resources under `res/`.
    Resource,
    /// Anything else.
    Other,
}

/// One entry of an archive, as listed in the central directory.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Path inside the archive (nested paths joined with `!`).
    pub name: String,
    /// Classification by path.
    #[serde(flatten)]
    pub kind: EntryKind,
    /// Compressed size from the central directory.
    pub compressed_size: u64,
    /// Inflated size from the central directory.
    pub size: u64,
    /// Compression method number (0 stored, 8 deflate).
    pub method: u16,
}

/// The bytes of one entry an analysis reads, with its name for evidence and errors.
#[derive(Debug, Clone)]
pub struct Blob {
    /// Where it came from: the entry name, nested entries joined with `!`
    /// (`base.apk!classes2.dex`).
    pub name: String,
    /// The inflated bytes.
    pub bytes: Vec<u8>,
}

/// The manifest of an input, binary (AXML) or plain text.
#[derive(Debug, Clone)]
pub enum ManifestSource {
    /// Android binary XML, as inside an APK.
    Binary(Blob),
    /// Plain-text XML (a source manifest given directly).
    Text(Blob),
}

/// A `lib/<abi>/*.so` entry with its bytes.
#[derive(Debug, Clone)]
pub struct NativeLibBlob {
    /// The ABI folder (`arm64-v8a`, `armeabi-v7a`, `x86`, `x86_64`, ...).
    pub abi: String,
    /// The file name (`libjcore322.so`).
    pub file_name: String,
    /// The bytes and full entry name.
    pub blob: Blob,
}

/// A problem that did not stop the analysis (one broken entry among many).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    /// Where.
    pub at: Location,
    /// What is wrong.
    pub message: String,
}

/// Which signing schemes the input carries evidence of. `signing_block_ids` are written
/// `0x7109871a (v2)`, unknown ids as bare hex.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Signing {
    /// JAR signing files under META-INF/ (v1).
    pub v1_files: Vec<String>,
    /// An APK Signing Block was found before the central directory (v2/v3/v3.1/v4 ids).
    pub signing_block_ids: Vec<String>,
    /// Whether an APK Signing Block is present (it may hold only padding).
    pub has_signing_block: bool,
}

/// Everything the analyses need from one input (an APK, a split set, a bare dex, a text
/// manifest, an APKS/XAPK bundle), read once.
#[derive(Debug, Clone, Default)]
pub struct LoadedApp {
    /// The input path as given.
    pub source: String,
    /// What kind of input it was (`apk`, `dex`, `manifest-xml`, `split-dir`, `apks`, `xapk`).
    pub input_kind: String,
    /// Every entry of every archive read, in central-directory order.
    pub entries: Vec<Entry>,
    /// The base manifest (from `base.apk` for split sets); `None` for a bare dex.
    pub manifest: Option<ManifestSource>,
    /// Manifests of split APKs other than the base.
    pub split_manifests: Vec<ManifestSource>,
    /// `resources.arsc` of the base APK.
    pub resources: Option<Blob>,
    /// Every `classes*.dex` in install order (base first, classes, classes2, ...).
    pub dex: Vec<Blob>,
    /// Dex files found nested inside other entries (assets/*.dex, jars with classes.dex).
    pub nested_dex: Vec<Blob>,
    /// Every `lib/<abi>/*.so`.
    pub native_libs: Vec<NativeLibBlob>,
    /// Signing evidence.
    pub signing: Signing,
    /// Non-fatal problems met while reading.
    pub problems: Vec<Problem>,
    /// Every archive read (the input, the APKs of a split set or bundle), in reading order.
    pub archives: Vec<ArchiveInfo>,
    /// Archives and dex files found inside entries (`assets/plugin.jar`, `assets/x.dex`).
    pub nested: Vec<NestedInfo>,
}

/// What part an archive plays in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveRole {
    /// The base APK (or the only APK).
    Base,
    /// A split APK (config or feature split).
    Split,
    /// An `.apks`/`.xapk` bundle holding the APKs.
    Bundle,
    /// A jar or zip of dex files given directly.
    DexContainer,
}

/// One archive that was read.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveInfo {
    /// The file name, or the entry inside a bundle (`splits/base-master.apk`).
    pub name: String,
    /// What part it plays.
    pub role: ArchiveRole,
    /// Size in bytes.
    pub size: u64,
    /// Entries in its central directory.
    pub entries: usize,
    /// Bytes before the first local header (Android refuses such a file).
    pub leading_bytes: u64,
    /// Bytes after the end-of-central-directory record (Android refuses such a file).
    pub trailing_bytes: u64,
    /// Its signing evidence.
    pub signing: Signing,
}

/// What a nested entry turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NestedFormat {
    /// A dex file.
    Dex,
    /// A zip (jar, apk, zip).
    Zip,
    /// Neither (encrypted or packed, or just data named like an archive).
    Unknown,
    /// Not read: nested deeper than [`Limits::max_nesting`](crate::Limits::max_nesting).
    TooDeep,
}

/// A `.dex`/`.jar`/`.apk`/`.zip` found inside an entry.
#[derive(Debug, Clone, Serialize)]
pub struct NestedInfo {
    /// Full name, nested parts joined with `!`.
    pub name: String,
    /// What it is.
    pub format: NestedFormat,
    /// Inflated size.
    pub size: u64,
    /// How deep (1 for an entry of the input's APK).
    pub depth: u32,
    /// Entries, when it is a zip.
    pub entries: usize,
    /// Dex files taken from it into [`LoadedApp::nested_dex`].
    pub dex: Vec<String>,
}
