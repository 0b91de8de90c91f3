//! A fixed-size-item table (the id sections, class defs) whose bounds were checked once
//! when the file was opened, so that lookups only check the index.

use super::error::{DexError, DexResult};

/// `count` items of `item_size` bytes each, borrowed from the file.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    bytes: &'a [u8],
    start: usize,
    count: u32,
    item_size: usize,
    kind: &'static str,
}

impl<'a> Table<'a> {
    /// An empty table.
    pub(crate) fn empty(kind: &'static str, item_size: usize) -> Self {
        Table {
            bytes: &[],
            start: 0,
            count: 0,
            item_size,
            kind,
        }
    }

    /// Borrow the table of `count` items at `start` in `data`, checking it fits.
    /// `field` is the offset of the header field that declared it (for the error).
    pub(crate) fn new(
        data: &'a [u8],
        field: usize,
        kind: &'static str,
        start: u32,
        count: u32,
        item_size: usize,
    ) -> DexResult<Self> {
        if count == 0 {
            return Ok(Table::empty(kind, item_size));
        }
        let out = DexError::TableOutOfBounds {
            offset: field,
            table: kind,
            count,
            start,
        };
        let len = (count as usize).checked_mul(item_size).ok_or(out.clone())?;
        let end = (start as usize).checked_add(len).ok_or(out.clone())?;
        let bytes = data.get(start as usize..end).ok_or(out)?;
        Ok(Table {
            bytes,
            start: start as usize,
            count,
            item_size,
            kind,
        })
    }

    /// Number of items.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> u32 {
        self.count
    }

    /// The bytes of item `index`, and the item's absolute offset; `at` is the offset of
    /// whatever holds the index, reported when it is out of range.
    pub(crate) fn item(&self, index: u32, at: usize) -> DexResult<(&'a [u8], usize)> {
        if index >= self.count {
            return Err(DexError::IndexOutOfRange {
                offset: at,
                kind: self.kind,
                index,
                count: self.count,
            });
        }
        let from = index as usize * self.item_size;
        // In range by construction: index < count and count * item_size fits.
        let bytes =
            self.bytes
                .get(from..from + self.item_size)
                .ok_or(DexError::IndexOutOfRange {
                    offset: at,
                    kind: self.kind,
                    index,
                    count: self.count,
                })?;
        Ok((bytes, self.start + from))
    }
}

/// Little-endian u16 at `at` in an item (the item was bounds-checked by the table).
pub(crate) fn u16_at(item: &[u8], at: usize) -> u16 {
    match item.get(at..at + 2) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => 0,
    }
}

/// Little-endian u32 at `at` in an item (the item was bounds-checked by the table).
pub(crate) fn u32_at(item: &[u8], at: usize) -> u32 {
    match item.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}
