//! Explicit resource limits applied to untrusted input. Every allocation whose size comes
//! from the input is checked against one of these first.

use serde::Serialize;

/// Limits for reading one input. The defaults accept every real APK we know of (the
/// largest real apps are a few hundred MiB) and refuse zip bombs before inflating them.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    /// Largest inflated size of a single entry.
    pub max_entry_size: u64,
    /// Largest inflated size of all entries read from one input.
    pub max_total_size: u64,
    /// Largest ratio of inflated to compressed size for an entry bigger than
    /// `ratio_threshold` bytes.
    pub max_ratio: u64,
    /// Entries smaller than this are exempt from the ratio check (tiny files compress well).
    pub ratio_threshold: u64,
    /// Most entries in one archive.
    pub max_entries: usize,
    /// How deep archives may nest (an APK inside an XAPK inside ...).
    pub max_nesting: u32,
    /// Largest input file read into memory (the zip format without zip64 stops at 4 GiB).
    pub max_input_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entry_size: 512 << 20,
            max_total_size: 2 << 30,
            max_ratio: 200,
            ratio_threshold: 1 << 20,
            max_entries: 200_000,
            max_nesting: 2,
            max_input_size: 4 << 30,
        }
    }
}
