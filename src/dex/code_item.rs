//! `code_item`: a method's registers and bytecode (plus its try items, see
//! [`super::try_item`]).

use super::error::{DexError, DexResult};
use super::insn::Instructions;
use super::try_item::{self, TryItem};
use crate::reader::Reader;

/// A decoded `code_item`, borrowing its instructions from the file.
#[derive(Debug, Clone, Copy)]
pub struct CodeItem<'a> {
    /// Absolute offset of the item.
    pub offset: usize,
    /// Registers used by the method.
    pub registers_size: u16,
    /// Words of incoming arguments.
    pub ins_size: u16,
    /// Words of outgoing argument space for invocations.
    pub outs_size: u16,
    /// Number of `try_item`s.
    pub tries_size: u16,
    /// Offset of the `debug_info_item`, 0 for none.
    pub debug_info_off: u32,
    /// The bytecode: `insns_size` 16-bit code units, little-endian.
    pub insns: &'a [u8],
    /// Absolute offset of the first code unit.
    pub insns_offset: usize,
    /// The raw `try_item` array (8 bytes each).
    tries: &'a [u8],
    /// Absolute offset of the `encoded_catch_handler_list`, when there are tries.
    handlers_offset: usize,
    /// The whole file, to read catch handlers.
    data: &'a [u8],
}

const STRUCTURE: &str = "code_item";

impl<'a> CodeItem<'a> {
    /// Parse the `code_item` at `offset` of `data` (the whole dex file).
    pub fn parse(data: &'a [u8], offset: u32) -> DexResult<CodeItem<'a>> {
        let start = offset as usize;
        let mut r = Reader::at(data, start);
        let registers_size = r.u16()?;
        let ins_size = r.u16()?;
        let outs_size = r.u16()?;
        let tries_size = r.u16()?;
        let debug_info_off = r.u32()?;
        let insns_size = r.u32()?;
        let insns_offset = r.pos();
        let byte_len = (insns_size as usize)
            .checked_mul(2)
            .ok_or(DexError::Malformed {
                offset: start,
                structure: STRUCTURE,
                reason: "insns_size overflows",
            })?;
        let insns = r.bytes(byte_len).map_err(|_| DexError::Malformed {
            offset: start,
            structure: STRUCTURE,
            reason: "insns run past the end of the file",
        })?;
        if ins_size > registers_size {
            return Err(DexError::Malformed {
                offset: start,
                structure: STRUCTURE,
                reason: "ins_size larger than registers_size",
            });
        }
        let (tries, handlers_offset) = if tries_size > 0 {
            // Padding keeps the tries 4-byte aligned after an odd number of code units.
            if !insns_size.is_multiple_of(2) {
                r.skip(2)?;
            }
            let tries = r
                .bytes(usize::from(tries_size) * try_item::ITEM_SIZE)
                .map_err(|_| DexError::Malformed {
                    offset: start,
                    structure: STRUCTURE,
                    reason: "try items run past the end of the file",
                })?;
            (tries, r.pos())
        } else {
            (&[][..], 0)
        };
        Ok(CodeItem {
            offset: start,
            registers_size,
            ins_size,
            outs_size,
            tries_size,
            debug_info_off,
            insns,
            insns_offset,
            tries,
            handlers_offset,
            data,
        })
    }

    /// Number of 16-bit code units.
    pub fn insns_size(&self) -> u32 {
        (self.insns.len() / 2) as u32
    }

    /// Decode the bytecode, one instruction (or payload) at a time.
    pub fn instructions(&self) -> Instructions<'a> {
        Instructions::new(self.insns, self.insns_offset)
    }

    /// The try blocks with their catch handlers.
    pub fn tries(&self) -> DexResult<Vec<TryItem>> {
        try_item::parse(self.tries, self.data, self.handlers_offset)
    }
}
