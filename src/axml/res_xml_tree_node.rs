//! `ResXMLTree_node` (line number and comment every node carries) and the small node
//! extensions: `ResXMLTree_namespaceExt`, `ResXMLTree_endElementExt`, `ResXMLTree_cdataExt`.

use super::{ResChunkHeader, ResError, ResErrorKind, ResValue};
use crate::reader::Reader;

/// "No string": `ResStringPool_ref.index` of `0xffffffff`.
pub const NO_INDEX: u32 = u32::MAX;

/// The common part of every node chunk.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeNode {
    /// The chunk.
    pub chunk: ResChunkHeader,
    /// `lineNumber` in the original source.
    pub line_number: u32,
    /// `comment` string index (`NO_INDEX` when none).
    pub comment: u32,
}

impl ResXmlTreeNode {
    /// Size of the on-disk structure (chunk header + line + comment).
    pub const SIZE: usize = 16;

    /// Read the node header of `chunk` and check its extension has at least `min_ext`
    /// bytes (Android's `ResXMLParser::nextNode`).
    pub fn parse(data: &[u8], chunk: ResChunkHeader, min_ext: usize) -> Result<Self, ResError> {
        if usize::from(chunk.header_size) < Self::SIZE {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::BadHeaderSize {
                    chunk_type: chunk.chunk_type,
                    header_size: chunk.header_size,
                    min: Self::SIZE,
                    size: chunk.size,
                },
            ));
        }
        let ext_len = chunk.end() - chunk.body();
        if ext_len < min_ext {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::ChunkOverrun {
                    chunk_type: chunk.chunk_type,
                    size: chunk.size,
                    available: ext_len,
                },
            ));
        }
        let mut r = Reader::at(data, chunk.offset + ResChunkHeader::SIZE);
        Ok(ResXmlTreeNode {
            chunk,
            line_number: r.u32()?,
            comment: r.u32()?,
        })
    }

    /// A reader over the node's extension (after the possibly enlarged header).
    pub fn ext<'a>(&self, data: &'a [u8]) -> Reader<'a> {
        Reader::at(
            data.get(..self.chunk.end()).unwrap_or(data),
            self.chunk.body(),
        )
    }
}

/// `ResXMLTree_namespaceExt`: start or end of a namespace mapping.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeNamespaceExt {
    /// `prefix` string index.
    pub prefix: u32,
    /// `uri` string index.
    pub uri: u32,
}

impl ResXmlTreeNamespaceExt {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 8;

    /// Read it.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ResError> {
        Ok(ResXmlTreeNamespaceExt {
            prefix: r.u32()?,
            uri: r.u32()?,
        })
    }
}

/// `ResXMLTree_endElementExt`: the end of an element.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeEndElementExt {
    /// `ns` string index.
    pub ns: u32,
    /// `name` string index.
    pub name: u32,
}

impl ResXmlTreeEndElementExt {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 8;
}

/// `ResXMLTree_cdataExt`: character data.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeCdataExt {
    /// `data` string index.
    pub data: u32,
    /// `typedData`.
    pub typed_data: ResValue,
}

impl ResXmlTreeCdataExt {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 12;

    /// Read it.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ResError> {
        Ok(ResXmlTreeCdataExt {
            data: r.u32()?,
            typed_data: ResValue::read(r)?,
        })
    }
}
