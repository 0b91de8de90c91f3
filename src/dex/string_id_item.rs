//! `string_id_item` and `string_data_item`: strings are decoded lazily, on lookup, and
//! borrowed from the file when they are plain UTF-8 (almost always).

use std::borrow::Cow;

use super::error::{DexError, DexResult};
use crate::reader::{Reader, decode_mutf8};

/// Size of a `string_id_item`.
pub const ITEM_SIZE: usize = 4;

/// The raw MUTF-8 bytes of the `string_data_item` at `data_off` (without the NUL), and
/// their absolute offset.
pub fn string_data(data: &[u8], data_off: u32) -> DexResult<(&[u8], usize)> {
    let mut r = Reader::at(data, data_off as usize);
    let _utf16_size = r.uleb128()?;
    let start = r.pos();
    let rest = data
        .get(start..)
        .ok_or(DexError::BadString { offset: start })?;
    let len = memchr::memchr(0, rest).ok_or(DexError::BadString { offset: start })?;
    let bytes = rest
        .get(..len)
        .ok_or(DexError::BadString { offset: start })?;
    Ok((bytes, start))
}

/// Decode MUTF-8 bytes found at `offset`.
pub fn decode(bytes: &[u8], offset: usize) -> DexResult<Cow<'_, str>> {
    decode_mutf8(bytes).map_err(|_| DexError::BadString { offset })
}
