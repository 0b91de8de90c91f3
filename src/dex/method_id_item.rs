//! `method_id_item`: a method reference (defining class, prototype, name).

use super::table::{u16_at, u32_at};

/// Size of a `method_id_item`.
pub const ITEM_SIZE: usize = 8;

/// A decoded `method_id_item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodId {
    /// Type index of the defining class.
    pub class_idx: u16,
    /// Proto index.
    pub proto_idx: u16,
    /// String index of the name.
    pub name_idx: u32,
}

impl MethodId {
    pub(crate) fn from_item(item: &[u8]) -> Self {
        MethodId {
            class_idx: u16_at(item, 0),
            proto_idx: u16_at(item, 2),
            name_idx: u32_at(item, 4),
        }
    }
}
