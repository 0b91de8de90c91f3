//! `ResTable_entry`: one resource's key and value (a `Res_value`, a compact entry, or a
//! `ResTable_map_entry` bag of values, which a manifest never needs resolved).

use crate::axml::{ResError, ResValue};
use crate::reader::Reader;

/// `ResTable_entry::FLAG_COMPLEX`.
const FLAG_COMPLEX: u16 = 0x0001;
/// `ResTable_entry::FLAG_COMPACT` (Android 14): key and value packed in 8 bytes.
const FLAG_COMPACT: u16 = 0x0008;

/// A decoded entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResTableEntry {
    /// Index of the entry's name in the package's key strings.
    pub key: u32,
    /// The value; `None` for a bag (style, array, plurals...).
    pub value: Option<ResValue>,
}

impl ResTableEntry {
    /// Read the entry at absolute offset `at`, which must lie before `end`.
    pub fn parse(data: &[u8], at: usize, end: usize) -> Result<Self, ResError> {
        let region = data.get(..end).unwrap_or(data);
        let mut r = Reader::at(region, at);
        let size = r.u16()?;
        let flags = r.u16()?;
        if flags & FLAG_COMPACT != 0 {
            // `size` holds the key index, the high byte of `flags` the data type.
            let data_word = r.u32()?;
            return Ok(ResTableEntry {
                key: u32::from(size),
                value: Some(ResValue::new((flags >> 8) as u8, data_word)),
            });
        }
        let key = r.u32()?;
        if flags & FLAG_COMPLEX != 0 {
            return Ok(ResTableEntry { key, value: None });
        }
        let mut r = Reader::at(region, at.saturating_add(usize::from(size)));
        Ok(ResTableEntry {
            key,
            value: Some(ResValue::read(&mut r)?),
        })
    }
}
