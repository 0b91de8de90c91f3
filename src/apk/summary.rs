//! The container summary `sdkflow inspect` prints: what kind of input, entries by kind,
//! dex files, native libraries per ABI, nested archives, signing evidence, problems.
//! Serialized as the documented JSON contract (`docs/usage.md`); other modules may add
//! fields (per-dex counts), never rename.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ArchiveInfo, EntryKind, LoadedApp, NestedInfo, Problem};

/// The container summary of one input.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The input as given.
    pub input: String,
    /// `apk`, `split-dir`, `apks`, `xapk`, `apk-set`, `dex-container`, `dex`,
    /// `manifest-axml`, `manifest-xml`.
    pub input_kind: String,
    /// Whether a manifest was found (base manifest for split sets).
    pub has_manifest: bool,
    /// Manifests of split APKs.
    pub split_manifests: usize,
    /// Every archive read.
    pub archives: Vec<ArchiveInfo>,
    /// Entries of every archive read, by kind.
    pub entries: EntryTotals,
    /// Root `classes*.dex` files in install order.
    pub dex: Vec<DexFile>,
    /// Native libraries per ABI, ABIs in name order.
    pub native_libs: Vec<AbiLibs>,
    /// Nested archives and dex files.
    pub nested: Vec<NestedInfo>,
    /// Signing evidence of the base APK.
    pub signing: SigningSummary,
    /// Problems that did not stop reading.
    pub problems: Vec<Problem>,
}

/// Counts and sizes of entries.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindTotals {
    /// Number of entries.
    pub count: usize,
    /// Inflated size (as declared).
    pub size: u64,
    /// Stored size.
    pub compressed_size: u64,
}

/// All entries and per kind.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EntryTotals {
    /// Every entry.
    pub total: KindTotals,
    /// Per kind (`manifest`, `dex`, `native_lib`, `resources`, `asset`, `signature`,
    /// `nested_archive`, `resource`, `other`).
    pub by_kind: BTreeMap<String, KindTotals>,
}

/// One dex file. The dex module may add per-dex counts here.
#[derive(Debug, Clone, Serialize)]
pub struct DexFile {
    /// Entry name (`classes2.dex`, `base.apk!classes.dex`).
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Code inventory of the file, filled by [`crate::inspect`] (absent in a
    /// container-only summary).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub counts: Option<DexCounts>,
}

/// What the dex parser counted in one file (see [`crate::dex::DexStats`]).
#[derive(Debug, Clone, Default, Serialize)]
pub struct DexCounts {
    /// Format version (35 to 41).
    pub version: u16,
    /// Class definitions.
    pub classes: u32,
    /// Methods defined.
    pub methods: u64,
    /// Method references.
    pub method_ids: u32,
    /// Field references.
    pub field_ids: u32,
    /// Strings.
    pub strings: u32,
    /// Instructions decoded.
    pub instructions: u64,
    /// Invoke instructions.
    pub invokes: u64,
    /// `const-string` instructions.
    pub const_strings: u64,
}

impl From<&crate::dex::DexStats> for DexCounts {
    fn from(s: &crate::dex::DexStats) -> Self {
        DexCounts {
            version: s.version,
            classes: s.classes,
            methods: s.methods,
            method_ids: s.method_ids,
            field_ids: s.field_ids,
            strings: s.strings,
            instructions: s.instructions,
            invokes: s.invokes,
            const_strings: s.const_strings,
        }
    }
}

/// The native libraries of one ABI.
#[derive(Debug, Clone, Serialize)]
pub struct AbiLibs {
    /// ABI folder name.
    pub abi: String,
    /// Libraries in entry order.
    pub libs: Vec<DexFile>,
}

/// Which schemes the base APK carries evidence of.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SigningSummary {
    /// `v1`, `v2`, `v3`, `v3.1` as found (evidence only, not verified).
    pub schemes: Vec<String>,
    /// JAR signature files (`META-INF/*.SF|RSA|DSA|EC`).
    pub v1_files: Vec<String>,
    /// APK Signing Block ids, `0x7109871a (v2)` or bare hex.
    pub block_ids: Vec<String>,
}

/// The name of an entry kind as used in the JSON.
pub fn kind_name(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Manifest => "manifest",
        EntryKind::Dex => "dex",
        EntryKind::NativeLib { .. } => "native_lib",
        EntryKind::Resources => "resources",
        EntryKind::Asset => "asset",
        EntryKind::Signature => "signature",
        EntryKind::NestedArchive => "nested_archive",
        EntryKind::Resource => "resource",
        EntryKind::Other => "other",
    }
}

/// Summarize a loaded input.
pub fn summarize(app: &LoadedApp) -> Summary {
    let mut entries = EntryTotals::default();
    for e in &app.entries {
        for totals in [
            &mut entries.total,
            entries
                .by_kind
                .entry(kind_name(&e.kind).to_string())
                .or_default(),
        ] {
            totals.count += 1;
            totals.size = totals.size.saturating_add(e.size);
            totals.compressed_size = totals.compressed_size.saturating_add(e.compressed_size);
        }
    }
    let mut abis: BTreeMap<&str, Vec<DexFile>> = BTreeMap::new();
    for lib in &app.native_libs {
        abis.entry(&lib.abi).or_default().push(DexFile {
            name: lib.blob.name.clone(),
            size: lib.blob.bytes.len() as u64,
            counts: None,
        });
    }
    let s = &app.signing;
    let mut schemes = Vec::new();
    if s.v1_files
        .iter()
        .any(|f| f.to_ascii_uppercase().ends_with(".SF"))
    {
        schemes.push("v1".to_string());
    }
    for id in &s.signing_block_ids {
        for (hex, scheme) in [
            ("0x7109871a", "v2"),
            ("0xf05368c0", "v3"),
            ("0x1b93ad61", "v3.1"),
        ] {
            if id.starts_with(hex) && !schemes.iter().any(|x| x == scheme) {
                schemes.push(scheme.to_string());
            }
        }
    }
    Summary {
        input: app.source.clone(),
        input_kind: app.input_kind.clone(),
        has_manifest: app.manifest.is_some(),
        split_manifests: app.split_manifests.len(),
        archives: app.archives.clone(),
        entries,
        dex: app
            .dex
            .iter()
            .map(|b| DexFile {
                name: b.name.clone(),
                size: b.bytes.len() as u64,
                counts: None,
            })
            .collect(),
        native_libs: abis
            .into_iter()
            .map(|(abi, libs)| AbiLibs {
                abi: abi.to_string(),
                libs,
            })
            .collect(),
        nested: app.nested.clone(),
        signing: SigningSummary {
            schemes,
            v1_files: s.v1_files.clone(),
            block_ids: s.signing_block_ids.clone(),
        },
        problems: app.problems.clone(),
    }
}
