//! The APK container: inputs (APK, split directory, APKS/XAPK, bare dex, text manifest),
//! the zip central directory, entry classification and inflation under [`Limits`](crate::Limits).

mod classify;
mod load;
mod model;

pub use classify::{classify, dex_index, is_root_dex};
pub use load::{load, load_bytes};
pub use model::*;
