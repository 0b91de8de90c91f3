//! The APK container: inputs (APK, split directory, APKS/XAPK, bare dex, text manifest),
//! the zip central directory, entry classification and inflation under [`Limits`](crate::Limits).

mod model;

pub use model::*;
