//! `class_def_item`: one class defined in the file.

use super::table::u32_at;

/// Size of a `class_def_item`.
pub const ITEM_SIZE: usize = 32;

/// The value of `superclass_idx` / `source_file_idx` meaning "none".
pub const NO_INDEX: u32 = 0xffff_ffff;

/// A decoded `class_def_item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassDef {
    /// Index of this class definition in the file.
    pub index: u32,
    /// Absolute offset of the item (for error locations).
    pub offset: usize,
    /// Type index of the class.
    pub class_idx: u32,
    /// Access flags (`ACC_PUBLIC`, `ACC_INTERFACE`, ...).
    pub access_flags: u32,
    /// Type index of the superclass, `None` for `java.lang.Object`.
    pub superclass_idx: Option<u32>,
    /// Offset of the interfaces' `type_list`, 0 for none.
    pub interfaces_off: u32,
    /// String index of the source file name, `None` when absent.
    pub source_file_idx: Option<u32>,
    /// Offset of the `annotations_directory_item`, 0 for none.
    pub annotations_off: u32,
    /// Offset of the `class_data_item`, 0 for a class without fields or methods.
    pub class_data_off: u32,
    /// Offset of the static values `encoded_array_item`, 0 for none.
    pub static_values_off: u32,
}

impl ClassDef {
    pub(crate) fn from_item(index: u32, offset: usize, item: &[u8]) -> Self {
        let opt = |v: u32| (v != NO_INDEX).then_some(v);
        ClassDef {
            index,
            offset,
            class_idx: u32_at(item, 0),
            access_flags: u32_at(item, 4),
            superclass_idx: opt(u32_at(item, 8)),
            interfaces_off: u32_at(item, 12),
            source_file_idx: opt(u32_at(item, 16)),
            annotations_off: u32_at(item, 20),
            class_data_off: u32_at(item, 24),
            static_values_off: u32_at(item, 28),
        }
    }
}

/// Access flags, as in the dex format documentation.
#[allow(missing_docs)]
pub mod access {
    pub const PUBLIC: u32 = 0x1;
    pub const PRIVATE: u32 = 0x2;
    pub const PROTECTED: u32 = 0x4;
    pub const STATIC: u32 = 0x8;
    pub const FINAL: u32 = 0x10;
    pub const SYNCHRONIZED: u32 = 0x20;
    pub const VOLATILE: u32 = 0x40;
    pub const BRIDGE: u32 = 0x40;
    pub const TRANSIENT: u32 = 0x80;
    pub const VARARGS: u32 = 0x80;
    pub const NATIVE: u32 = 0x100;
    pub const INTERFACE: u32 = 0x200;
    pub const ABSTRACT: u32 = 0x400;
    pub const STRICT: u32 = 0x800;
    pub const SYNTHETIC: u32 = 0x1000;
    pub const ANNOTATION: u32 = 0x2000;
    pub const ENUM: u32 = 0x4000;
    pub const CONSTRUCTOR: u32 = 0x10000;
    pub const DECLARED_SYNCHRONIZED: u32 = 0x20000;
}
