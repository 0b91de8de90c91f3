//! `proto_id_item`: a method prototype (shorty, return type, parameter type list).

use super::table::u32_at;

/// Size of a `proto_id_item`.
pub const ITEM_SIZE: usize = 12;

/// A decoded `proto_id_item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtoId {
    /// String index of the shorty descriptor (`VLI`).
    pub shorty_idx: u32,
    /// Type index of the return type.
    pub return_type_idx: u32,
    /// Offset of the parameters' `type_list`, 0 for none.
    pub parameters_off: u32,
}

impl ProtoId {
    pub(crate) fn from_item(item: &[u8]) -> Self {
        ProtoId {
            shorty_idx: u32_at(item, 0),
            return_type_idx: u32_at(item, 4),
            parameters_off: u32_at(item, 8),
        }
    }
}
