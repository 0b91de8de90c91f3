//! `try_item` and `encoded_catch_handler`: which code ranges are covered by which handlers.

use super::error::{DexError, DexResult};
use crate::reader::Reader;

/// Size of a `try_item`.
pub const ITEM_SIZE: usize = 8;

/// One try block and its handlers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TryItem {
    /// First covered code unit.
    pub start_addr: u32,
    /// Number of covered code units.
    pub insn_count: u16,
    /// Typed handlers: (exception type index, handler address).
    pub handlers: Vec<(u32, u32)>,
    /// The catch-all handler address, if any.
    pub catch_all: Option<u32>,
}

/// Parse `tries` (raw `try_item`s) and their handlers from the list at `handlers_offset`.
pub fn parse(tries: &[u8], data: &[u8], handlers_offset: usize) -> DexResult<Vec<TryItem>> {
    let mut out = Vec::with_capacity(tries.len() / ITEM_SIZE);
    let mut t = Reader::new(tries);
    while t.remaining() >= ITEM_SIZE {
        let start_addr = t.u32()?;
        let insn_count = t.u16()?;
        let handler_off = t.u16()?;
        let at = handlers_offset
            .checked_add(usize::from(handler_off))
            .ok_or(DexError::Malformed {
                offset: handlers_offset,
                structure: "try_item",
                reason: "handler offset overflows",
            })?;
        let mut r = Reader::at(data, at);
        let size = r.sleb128()?;
        let typed = size.unsigned_abs();
        // Each typed handler is at least 2 bytes.
        if typed as usize > r.remaining() / 2 {
            return Err(DexError::Malformed {
                offset: at,
                structure: "encoded_catch_handler",
                reason: "handler count larger than the file",
            });
        }
        let mut handlers = Vec::with_capacity(typed as usize);
        for _ in 0..typed {
            handlers.push((r.uleb128()?, r.uleb128()?));
        }
        let catch_all = if size <= 0 { Some(r.uleb128()?) } else { None };
        out.push(TryItem {
            start_addr,
            insn_count,
            handlers,
            catch_all,
        });
    }
    Ok(out)
}
