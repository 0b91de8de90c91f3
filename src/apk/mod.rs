//! The APK container: inputs (APK, split directory, APKS/XAPK, bare dex, text manifest),
//! the zip central directory, entry classification and inflation under [`Limits`](crate::Limits).
//!
//! Start at [`load`]; `docs/inputs.md` lists the inputs, the tolerances and the limits.

mod bundle;
mod classify;
mod detect;
mod load;
mod loader;
mod model;
pub mod signing;
pub mod summary;
pub mod zip;

pub use classify::{classify, dex_index, is_root_dex};
pub use detect::{Sniffed, ZipLayout, sniff, zip_layout};
pub use load::{load, load_bytes};
pub use model::*;
pub use summary::{Summary, summarize};
