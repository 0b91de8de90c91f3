//! `map_list`: the table of contents of the data section. Validated against the header so a
//! file whose header and map disagree is reported instead of half-read.

use super::error::{DexError, DexResult};
use super::header_item::Header;
use crate::reader::Reader;

/// Type codes of `map_item`, as in the dex format documentation.
#[allow(missing_docs)]
pub mod type_code {
    pub const HEADER_ITEM: u16 = 0x0000;
    pub const STRING_ID_ITEM: u16 = 0x0001;
    pub const TYPE_ID_ITEM: u16 = 0x0002;
    pub const PROTO_ID_ITEM: u16 = 0x0003;
    pub const FIELD_ID_ITEM: u16 = 0x0004;
    pub const METHOD_ID_ITEM: u16 = 0x0005;
    pub const CLASS_DEF_ITEM: u16 = 0x0006;
    pub const CALL_SITE_ID_ITEM: u16 = 0x0007;
    pub const METHOD_HANDLE_ITEM: u16 = 0x0008;
    pub const MAP_LIST: u16 = 0x1000;
    pub const TYPE_LIST: u16 = 0x1001;
    pub const ANNOTATION_SET_REF_LIST: u16 = 0x1002;
    pub const ANNOTATION_SET_ITEM: u16 = 0x1003;
    pub const CLASS_DATA_ITEM: u16 = 0x2000;
    pub const CODE_ITEM: u16 = 0x2001;
    pub const STRING_DATA_ITEM: u16 = 0x2002;
    pub const DEBUG_INFO_ITEM: u16 = 0x2003;
    pub const ANNOTATION_ITEM: u16 = 0x2004;
    pub const ENCODED_ARRAY_ITEM: u16 = 0x2005;
    pub const ANNOTATIONS_DIRECTORY_ITEM: u16 = 0x2006;
    pub const HIDDENAPI_CLASS_DATA_ITEM: u16 = 0xF000;
}

/// One `map_item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapItem {
    /// The item type (see [`type_code`]).
    pub type_code: u16,
    /// Number of items of that type.
    pub size: u32,
    /// Offset of the first item.
    pub offset: u32,
}

const KNOWN: &[u16] = &[
    0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008, 0x1000, 0x1001, 0x1002,
    0x1003, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0xF000,
];

/// Parse and validate the map list at `header.map_off`: fits in the file, known type
/// codes, each type once, offsets ascending and inside the file, and the id sections agree
/// with the header.
pub fn parse(data: &[u8], header: &Header) -> DexResult<Vec<MapItem>> {
    let file_size = header.file_size as usize;
    let map_off = header.map_off as usize;
    if header.map_off == 0 || !map_off.is_multiple_of(4) || map_off >= file_size {
        return Err(DexError::BadMapList {
            offset: super::header_item::field::MAP_OFF,
            reason: "map_off is zero, unaligned or outside the file",
        });
    }
    let mut r = Reader::at(data, map_off);
    let count = r.u32()?;
    // Each map_item is 12 bytes; refuse a count the file cannot hold before allocating.
    if (count as usize).saturating_mul(12) > file_size.saturating_sub(r.pos()) {
        return Err(DexError::TableOutOfBounds {
            offset: map_off,
            table: "map_list",
            count,
            start: header.map_off,
        });
    }
    let mut items: Vec<MapItem> = Vec::with_capacity(count as usize);
    let mut seen: u32 = 0; // bit per index in KNOWN
    for _ in 0..count {
        let at = r.pos();
        let type_code = r.u16()?;
        r.skip(2)?;
        let size = r.u32()?;
        let offset = r.u32()?;
        let Some(bit) = KNOWN.iter().position(|&k| k == type_code) else {
            return Err(DexError::BadMapList {
                offset: at,
                reason: "unknown map item type",
            });
        };
        if seen & (1 << bit) != 0 {
            return Err(DexError::BadMapList {
                offset: at,
                reason: "map item type listed twice",
            });
        }
        seen |= 1 << bit;
        if offset as usize >= file_size && size != 0 {
            return Err(DexError::BadMapList {
                offset: at,
                reason: "map item offset outside the file",
            });
        }
        if let Some(prev) = items.last()
            && offset < prev.offset
        {
            return Err(DexError::BadMapList {
                offset: at,
                reason: "map items not in ascending offset order",
            });
        }
        items.push(MapItem {
            type_code,
            size,
            offset,
        });
        let declared = match type_code {
            type_code::STRING_ID_ITEM => Some((header.string_ids_size, header.string_ids_off)),
            type_code::TYPE_ID_ITEM => Some((header.type_ids_size, header.type_ids_off)),
            type_code::PROTO_ID_ITEM => Some((header.proto_ids_size, header.proto_ids_off)),
            type_code::FIELD_ID_ITEM => Some((header.field_ids_size, header.field_ids_off)),
            type_code::METHOD_ID_ITEM => Some((header.method_ids_size, header.method_ids_off)),
            type_code::CLASS_DEF_ITEM => Some((header.class_defs_size, header.class_defs_off)),
            type_code::MAP_LIST => Some((1, header.map_off)),
            _ => None,
        };
        if let Some(expected) = declared
            && expected != (size, offset)
        {
            return Err(DexError::BadMapList {
                offset: at,
                reason: "map item disagrees with the header",
            });
        }
    }
    // A non-empty id section the map does not list means header and map disagree.
    let listed = |code: u16| items.iter().any(|i| i.type_code == code);
    for (code, size) in [
        (type_code::STRING_ID_ITEM, header.string_ids_size),
        (type_code::TYPE_ID_ITEM, header.type_ids_size),
        (type_code::PROTO_ID_ITEM, header.proto_ids_size),
        (type_code::FIELD_ID_ITEM, header.field_ids_size),
        (type_code::METHOD_ID_ITEM, header.method_ids_size),
        (type_code::CLASS_DEF_ITEM, header.class_defs_size),
    ] {
        if size != 0 && !listed(code) {
            return Err(DexError::BadMapList {
                offset: map_off,
                reason: "an id section of the header is missing from the map",
            });
        }
    }
    Ok(items)
}
