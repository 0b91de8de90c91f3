//! Errors of the Android resource formats. Binary XML and `resources.arsc` share the chunk,
//! string pool and value layouts, so they share one error type; the caller names the format
//! when it turns a [`ResError`] into a [`crate::Error`].

use crate::reader::{ReadError, ReadErrorKind};

/// A failure in a resource-format file, at a byte offset of that file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct ResError {
    /// Absolute offset in the file where the bad structure starts.
    pub offset: usize,
    /// What is wrong.
    pub kind: ResErrorKind,
}

/// What is wrong with a resource-format file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResErrorKind {
    /// A read ran past the end of the data.
    #[error("{0}")]
    Read(ReadErrorKind),
    /// The file does not start with the expected chunk type.
    #[error("not a {expected} (first chunk type 0x{found:04x})")]
    WrongFileType {
        /// What was expected (`binary XML`, `resource table`).
        expected: &'static str,
        /// The chunk type found.
        found: u16,
    },
    /// `ResChunk_header.headerSize` smaller than the structure or larger than the chunk.
    #[error("chunk type 0x{chunk_type:04x} has header size {header_size} (needs {min}..={size})")]
    BadHeaderSize {
        /// The chunk type.
        chunk_type: u16,
        /// Declared header size.
        header_size: u16,
        /// Minimum header size of this structure.
        min: usize,
        /// Declared chunk size.
        size: u32,
    },
    /// `ResChunk_header.size` runs past its parent (or the file).
    #[error(
        "chunk type 0x{chunk_type:04x} of size {size} overruns its parent ({available} bytes left)"
    )]
    ChunkOverrun {
        /// The chunk type.
        chunk_type: u16,
        /// Declared chunk size.
        size: u32,
        /// Bytes left in the parent.
        available: usize,
    },
    /// A count in a header that cannot fit in the bytes that follow.
    #[error("{what} count {count} does not fit in {available} bytes")]
    CountTooLarge {
        /// What was counted.
        what: &'static str,
        /// Declared count.
        count: u64,
        /// Bytes available for the items.
        available: usize,
    },
    /// A string pool index past the pool's end.
    #[error("string index {index} out of range (pool has {count})")]
    StringIndex {
        /// The index.
        index: u32,
        /// Strings in the pool.
        count: u32,
    },
    /// A string whose length runs past the pool or that lacks its terminator.
    #[error("string {index} is malformed")]
    BadString {
        /// The index.
        index: u32,
    },
    /// Nodes of binary XML before any string pool.
    #[error("binary XML node before the string pool")]
    NoStringPool,
    /// `ResXMLTree_attrExt.attributeSize` smaller than a `ResXMLTree_attribute`.
    #[error("attribute size {size} is smaller than 20")]
    AttributeSize {
        /// Declared size.
        size: u16,
    },
    /// Element nesting deeper than [`crate::axml::MAX_DEPTH`].
    #[error("elements nested deeper than {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The decoded document would copy more text than the output budget allows (many
    /// attributes pointing at the same huge string).
    #[error("decoded text exceeds {limit} bytes")]
    OutputLimit {
        /// The budget in bytes.
        limit: usize,
    },
    /// The document has no element.
    #[error("no element in the document")]
    Empty,
}

impl ResError {
    /// An error of `kind` at `offset`.
    pub fn new(offset: usize, kind: ResErrorKind) -> Self {
        ResError { offset, kind }
    }
}

impl From<ReadError> for ResError {
    fn from(e: ReadError) -> Self {
        ResError {
            offset: e.offset,
            kind: ResErrorKind::Read(e.kind),
        }
    }
}
