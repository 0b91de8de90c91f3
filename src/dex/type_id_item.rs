//! `type_id_item`: a type is the index of its descriptor string.

/// Size of a `type_id_item`.
pub const ITEM_SIZE: usize = 4;
