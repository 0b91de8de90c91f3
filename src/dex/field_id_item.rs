//! `field_id_item`: a field reference (defining class, type, name).

use super::table::{u16_at, u32_at};

/// Size of a `field_id_item`.
pub const ITEM_SIZE: usize = 8;

/// A decoded `field_id_item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldId {
    /// Type index of the defining class.
    pub class_idx: u16,
    /// Type index of the field's type.
    pub type_idx: u16,
    /// String index of the name.
    pub name_idx: u32,
}

impl FieldId {
    pub(crate) fn from_item(item: &[u8]) -> Self {
        FieldId {
            class_idx: u16_at(item, 0),
            type_idx: u16_at(item, 2),
            name_idx: u32_at(item, 4),
        }
    }
}
