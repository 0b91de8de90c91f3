//! `ResTable_package`: one package's type and key string pools and its type chunks.

use super::res_table_type::ResTableType;
use crate::axml::{ResChunkHeader, ResError, StringPool, chunk_type};
use crate::reader::Reader;

/// Chunk header, id, name[128], typeStrings, lastPublicType, keyStrings, lastPublicKey
/// (`typeIdOffset` came later and is optional).
const MIN_HEADER: usize = ResChunkHeader::SIZE + 4 + 256 + 16;

/// A parsed package.
#[derive(Debug, Clone)]
pub struct ResTablePackage<'a> {
    /// Package id (0x7f for apps, 0x01 for the framework).
    pub id: u32,
    /// Package name.
    pub name: String,
    /// Type names (`attr`, `string`, ...), index = type id - 1.
    pub type_strings: StringPool<'a>,
    /// Entry names.
    pub key_strings: StringPool<'a>,
    /// Every `ResTable_type` chunk in order.
    pub types: Vec<ResTableType>,
}

impl<'a> ResTablePackage<'a> {
    /// Parse the package chunk `chunk`.
    pub fn parse(data: &'a [u8], chunk: ResChunkHeader) -> Result<Self, ResError> {
        ResChunkHeader::parse(data, chunk.offset, chunk.end(), MIN_HEADER)?;
        let mut r = Reader::at(data, chunk.offset + ResChunkHeader::SIZE);
        let id = r.u32()?;
        let name_bytes = r.bytes(256)?;
        let units: Vec<u16> = name_bytes
            .chunks_exact(2)
            .map(|c| match c {
                [lo, hi] => u16::from_le_bytes([*lo, *hi]),
                _ => 0,
            })
            .take_while(|u| *u != 0)
            .collect();
        let name = String::from_utf16_lossy(&units);
        let type_strings_at = r.u32()? as usize;
        let _last_public_type = r.u32()?;
        let key_strings_at = r.u32()? as usize;
        let pool_at = |rel: usize| -> Result<StringPool<'a>, ResError> {
            let at = chunk.offset.saturating_add(rel);
            let pool = ResChunkHeader::parse(data, at, chunk.end(), ResChunkHeader::SIZE)?;
            StringPool::parse(data, &pool)
        };
        let type_strings = pool_at(type_strings_at)?;
        let key_strings = pool_at(key_strings_at)?;
        let mut types = Vec::new();
        let mut pos = chunk.body();
        while pos < chunk.end() {
            let child = ResChunkHeader::parse(data, pos, chunk.end(), ResChunkHeader::SIZE)?;
            if child.chunk_type == chunk_type::TABLE_TYPE {
                types.push(ResTableType::parse(data, child)?);
            }
            // Type specs, libraries, overlayables and the pools themselves carry nothing
            // the resolver needs.
            pos = child.end();
        }
        Ok(ResTablePackage {
            id,
            name,
            type_strings,
            key_strings,
            types,
        })
    }
}
