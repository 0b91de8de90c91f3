//! The resources.arsc table, for resolving references in the manifest (app label,
//! versionName, meta-data values, `@xml/...` files) in the default configuration.
//!
//! One file per on-disk structure, named as in AOSP `ResourceTypes.h`. Chunk headers,
//! string pools and values are shared with [`crate::axml`]. Type specs are skipped: the
//! resolver needs only the types' entries.

mod res_table;
mod res_table_entry;
mod res_table_package;
mod res_table_type;

pub use res_table::{Resolved, ResourceName, ResourceTable};
pub use res_table_entry::ResTableEntry;
pub use res_table_package::ResTablePackage;
pub use res_table_type::{ResTableConfig, ResTableType};
