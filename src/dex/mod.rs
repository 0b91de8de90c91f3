//! Dalvik executable parser and instruction decoder over borrowed bytes.
//!
//! - [`DexFile`] opens one dex file: header, map list and id tables are validated once;
//!   strings, class data, code items and static values are decoded lazily on lookup.
//! - [`insn`] decodes the whole Dalvik instruction set, payloads included;
//!   [`CodeItem::instructions`] walks a method.
//! - [`MethodFacts`] extracts invoke sites, string constants, field accesses and type uses
//!   with their code offsets.
//! - [`Multidex`] merges all `classes*.dex` of an app (parsed in parallel, first definition
//!   wins) and [`inventory`] gives per-dex stats and the class list.
//!
//! One file per on-disk structure, named as in the dex format documentation. See
//! `docs/dex.md`.

pub mod class_data_item;
pub mod class_def_item;
pub mod code_item;
pub mod encoded_array;
pub mod error;
pub mod facts;
pub mod field_id_item;
pub mod file;
pub mod header_item;
pub mod insn;
pub mod map_list;
pub mod method_id_item;
pub mod multidex;
pub mod proto_id_item;
pub mod string_id_item;
mod table;
pub mod try_item;
pub mod type_id_item;

pub use class_data_item::{ClassData, EncodedField, EncodedMethod};
pub use class_def_item::{ClassDef, access};
pub use code_item::CodeItem;
pub use encoded_array::EncodedValue;
pub use error::{DexError, DexResult};
pub use facts::{
    FieldAccess, InvokeKind, InvokeSite, MethodFacts, StringConst, TypeUse, TypeUseKind,
    invoke_site,
};
pub use field_id_item::FieldId;
pub use file::{DexFile, ParseOptions};
pub use header_item::Header;
pub use map_list::MapItem;
pub use method_id_item::MethodId;
pub use multidex::{
    ClassLoc, DexEntry, DexStats, DuplicateClass, Inventory, Multidex, dex_stats, inventory,
};
pub use proto_id_item::ProtoId;
pub use try_item::TryItem;
