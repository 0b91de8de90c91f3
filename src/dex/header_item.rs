//! `header_item`: the fixed header at offset 0 of every dex file.

use super::error::{DexError, DexResult};
use crate::reader::Reader;

/// Size of the header up to version 040.
pub const HEADER_SIZE: u32 = 0x70;
/// Size of the header of version 041 (container dex), which adds two fields.
pub const HEADER_SIZE_V41: u32 = 0x78;
/// The little-endian tag every Android dex file carries.
pub const ENDIAN_CONSTANT: u32 = 0x1234_5678;
/// The tag a byte-swapped file would carry.
pub const REVERSE_ENDIAN_CONSTANT: u32 = 0x7856_3412;

/// The decoded `header_item`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Format version from the magic (35 to 41).
    pub version: u16,
    /// adler32 of everything after this field.
    pub checksum: u32,
    /// SHA-1 of everything after this field (not verified: Android does not either).
    pub signature: [u8; 20],
    /// Declared size of the file.
    pub file_size: u32,
    /// Declared size of this header.
    pub header_size: u32,
    /// Endian tag (always [`ENDIAN_CONSTANT`] once parsed).
    pub endian_tag: u32,
    /// Link section size (unused by Android).
    pub link_size: u32,
    /// Link section offset.
    pub link_off: u32,
    /// Offset of the `map_list`.
    pub map_off: u32,
    /// `string_id_item` count.
    pub string_ids_size: u32,
    /// `string_id_item` table offset.
    pub string_ids_off: u32,
    /// `type_id_item` count.
    pub type_ids_size: u32,
    /// `type_id_item` table offset.
    pub type_ids_off: u32,
    /// `proto_id_item` count.
    pub proto_ids_size: u32,
    /// `proto_id_item` table offset.
    pub proto_ids_off: u32,
    /// `field_id_item` count.
    pub field_ids_size: u32,
    /// `field_id_item` table offset.
    pub field_ids_off: u32,
    /// `method_id_item` count.
    pub method_ids_size: u32,
    /// `method_id_item` table offset.
    pub method_ids_off: u32,
    /// `class_def_item` count.
    pub class_defs_size: u32,
    /// `class_def_item` table offset.
    pub class_defs_off: u32,
    /// Data section size.
    pub data_size: u32,
    /// Data section offset.
    pub data_off: u32,
    /// Version 041: size of the whole container.
    pub container_size: Option<u32>,
    /// Version 041: offset of this header in the container.
    pub header_offset: Option<u32>,
}

/// Offsets of header fields, for error locations.
pub(crate) mod field {
    pub const CHECKSUM: usize = 8;
    pub const FILE_SIZE: usize = 32;
    pub const HEADER_SIZE: usize = 36;
    pub const ENDIAN_TAG: usize = 40;
    pub const MAP_OFF: usize = 52;
    pub const STRING_IDS: usize = 56;
    pub const TYPE_IDS: usize = 64;
    pub const PROTO_IDS: usize = 72;
    pub const FIELD_IDS: usize = 80;
    pub const METHOD_IDS: usize = 88;
    pub const CLASS_DEFS: usize = 96;
}

impl Header {
    /// Parse and validate the header of `data` (magic, version, endian tag, header size,
    /// file size against the buffer). Id tables are checked by the caller.
    pub fn parse(data: &[u8]) -> DexResult<Header> {
        let magic = data.get(0..8).ok_or(DexError::BadMagic { offset: 0 })?;
        if magic.get(0..4) != Some(b"dex\n".as_slice()) || magic.get(7) != Some(&0) {
            return Err(DexError::BadMagic { offset: 0 });
        }
        let digits = magic.get(4..7).unwrap_or_default();
        let version = parse_version(digits).ok_or_else(|| DexError::UnsupportedVersion {
            offset: 4,
            version: String::from_utf8_lossy(digits).into_owned(),
        })?;
        let mut r = Reader::at(data, 8);
        let checksum = r.u32()?;
        let mut signature = [0u8; 20];
        signature.copy_from_slice(r.bytes(20)?);
        let file_size = r.u32()?;
        let header_size = r.u32()?;
        let endian_tag = r.u32()?;
        match endian_tag {
            ENDIAN_CONSTANT => {}
            REVERSE_ENDIAN_CONSTANT => {
                return Err(DexError::ReverseEndian {
                    offset: field::ENDIAN_TAG,
                });
            }
            tag => {
                return Err(DexError::BadEndianTag {
                    offset: field::ENDIAN_TAG,
                    tag,
                });
            }
        }
        let expected_header = if version >= 41 {
            HEADER_SIZE_V41
        } else {
            HEADER_SIZE
        };
        if header_size != expected_header {
            return Err(DexError::BadHeaderSize {
                offset: field::HEADER_SIZE,
                size: header_size,
            });
        }
        if (data.len() as u64) < u64::from(header_size) {
            return Err(DexError::BadFileSize {
                offset: field::FILE_SIZE,
                declared: file_size,
                actual: data.len(),
            });
        }
        if file_size < header_size || file_size as usize > data.len() {
            return Err(DexError::BadFileSize {
                offset: field::FILE_SIZE,
                declared: file_size,
                actual: data.len(),
            });
        }
        let mut h = Header {
            version,
            checksum,
            signature,
            file_size,
            header_size,
            endian_tag,
            link_size: r.u32()?,
            link_off: r.u32()?,
            map_off: r.u32()?,
            string_ids_size: r.u32()?,
            string_ids_off: r.u32()?,
            type_ids_size: r.u32()?,
            type_ids_off: r.u32()?,
            proto_ids_size: r.u32()?,
            proto_ids_off: r.u32()?,
            field_ids_size: r.u32()?,
            field_ids_off: r.u32()?,
            method_ids_size: r.u32()?,
            method_ids_off: r.u32()?,
            class_defs_size: r.u32()?,
            class_defs_off: r.u32()?,
            data_size: r.u32()?,
            data_off: r.u32()?,
            container_size: None,
            header_offset: None,
        };
        if version >= 41 {
            h.container_size = Some(r.u32()?);
            h.header_offset = Some(r.u32()?);
        }
        Ok(h)
    }
}

fn parse_version(digits: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(digits).ok()?;
    if text.len() != 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u16 = text.parse().ok()?;
    (35..=41).contains(&v).then_some(v)
}

/// adler32 of `data`, as the dex header's checksum (computed over bytes 12..file_size).
pub fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    // 5552 is the largest run for which the sums cannot overflow u32 before reduction.
    const NMAX: usize = 5552;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(NMAX) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_matches_the_reference_value() {
        // RFC 1950 example value for "Wikipedia".
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn versions_outside_035_to_041_are_refused() {
        assert_eq!(parse_version(b"035"), Some(35));
        assert_eq!(parse_version(b"041"), Some(41));
        assert_eq!(parse_version(b"034"), None);
        assert_eq!(parse_version(b"042"), None);
        assert_eq!(parse_version(b"0x5"), None);
    }
}
