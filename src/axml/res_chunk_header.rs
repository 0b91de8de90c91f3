//! `ResChunk_header`: the 8-byte header every chunk of binary XML and `resources.arsc`
//! starts with (AOSP `ResourceTypes.h`).

use super::{ResError, ResErrorKind};
use crate::reader::Reader;

/// Chunk type numbers from `ResourceTypes.h`.
pub mod chunk_type {
    /// `RES_STRING_POOL_TYPE`.
    pub const STRING_POOL: u16 = 0x0001;
    /// `RES_TABLE_TYPE`.
    pub const TABLE: u16 = 0x0002;
    /// `RES_XML_TYPE`.
    pub const XML: u16 = 0x0003;
    /// `RES_XML_START_NAMESPACE_TYPE`.
    pub const XML_START_NAMESPACE: u16 = 0x0100;
    /// `RES_XML_END_NAMESPACE_TYPE`.
    pub const XML_END_NAMESPACE: u16 = 0x0101;
    /// `RES_XML_START_ELEMENT_TYPE`.
    pub const XML_START_ELEMENT: u16 = 0x0102;
    /// `RES_XML_END_ELEMENT_TYPE`.
    pub const XML_END_ELEMENT: u16 = 0x0103;
    /// `RES_XML_CDATA_TYPE`.
    pub const XML_CDATA: u16 = 0x0104;
    /// `RES_XML_RESOURCE_MAP_TYPE`.
    pub const XML_RESOURCE_MAP: u16 = 0x0180;
    /// `RES_TABLE_PACKAGE_TYPE`.
    pub const TABLE_PACKAGE: u16 = 0x0200;
    /// `RES_TABLE_TYPE_TYPE`.
    pub const TABLE_TYPE: u16 = 0x0201;
    /// `RES_TABLE_TYPE_SPEC_TYPE`.
    pub const TABLE_TYPE_SPEC: u16 = 0x0202;
}

/// A validated chunk header: `header_size <= size` and the chunk lies inside its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResChunkHeader {
    /// Absolute offset of the chunk.
    pub offset: usize,
    /// `type`.
    pub chunk_type: u16,
    /// `headerSize`: where the chunk's body starts, relative to `offset`.
    pub header_size: u16,
    /// `size`: header and body.
    pub size: u32,
}

impl ResChunkHeader {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 8;

    /// Read and validate the chunk header at `offset` of `data`, whose parent ends at `end`.
    /// `min_header` is the size of the structure the caller expects (Android's
    /// `validate_chunk`); a larger header is accepted, as Android does.
    pub fn parse(
        data: &[u8],
        offset: usize,
        end: usize,
        min_header: usize,
    ) -> Result<Self, ResError> {
        let mut r = Reader::at(data, offset);
        let chunk_type = r.u16()?;
        let header_size = r.u16()?;
        let size = r.u32()?;
        let header = ResChunkHeader {
            offset,
            chunk_type,
            header_size,
            size,
        };
        if usize::from(header_size) < min_header.max(Self::SIZE) || u32::from(header_size) > size {
            return Err(ResError::new(
                offset,
                ResErrorKind::BadHeaderSize {
                    chunk_type,
                    header_size,
                    min: min_header.max(Self::SIZE),
                    size,
                },
            ));
        }
        let available = end.min(data.len()).saturating_sub(offset);
        if size as usize > available {
            return Err(ResError::new(
                offset,
                ResErrorKind::ChunkOverrun {
                    chunk_type,
                    size,
                    available,
                },
            ));
        }
        Ok(header)
    }

    /// Absolute offset of the body (after the header).
    pub fn body(&self) -> usize {
        self.offset + usize::from(self.header_size)
    }

    /// Absolute offset just past the chunk. Always greater than `offset`, so a walk over
    /// chunks always advances.
    pub fn end(&self) -> usize {
        self.offset + self.size as usize
    }
}
