//! Errors of the dex parser and instruction decoder. Every variant carries the absolute
//! byte offset in the dex file where the problem was found, so the caller can build a
//! [`crate::Location`] such as `app.apk!classes3.dex @0x1f40`.

use crate::reader::{ReadError, ReadErrorKind};
use crate::{Error, Format, Location};

/// Something wrong in a dex file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DexError {
    /// The file does not start with `dex\n`.
    #[error("not a dex file (bad magic)")]
    BadMagic {
        /// Always 0.
        offset: usize,
    },
    /// A dex version other than 035 to 041.
    #[error("unsupported dex version {version:?}")]
    UnsupportedVersion {
        /// Offset of the version digits.
        offset: usize,
        /// The three version characters as found.
        version: String,
    },
    /// The endian tag says the file is big-endian, which Android never produces.
    #[error("reverse-endian dex files are not supported")]
    ReverseEndian {
        /// Offset of the endian tag.
        offset: usize,
    },
    /// An endian tag that is neither value the format allows.
    #[error("bad endian tag 0x{tag:08x}")]
    BadEndianTag {
        /// Offset of the endian tag.
        offset: usize,
        /// The tag found.
        tag: u32,
    },
    /// `header_size` is not the size of this version's header.
    #[error("bad header size {size}")]
    BadHeaderSize {
        /// Offset of the field.
        offset: usize,
        /// The size declared.
        size: u32,
    },
    /// `file_size` disagrees with the buffer.
    #[error("file_size {declared} does not fit the {actual} bytes available")]
    BadFileSize {
        /// Offset of the field.
        offset: usize,
        /// The size declared in the header.
        declared: u32,
        /// The bytes actually available.
        actual: usize,
    },
    /// The adler32 checksum does not match.
    #[error("checksum 0x{declared:08x} does not match the computed 0x{computed:08x}")]
    BadChecksum {
        /// Offset of the checksum field.
        offset: usize,
        /// The checksum in the header.
        declared: u32,
        /// The checksum of the bytes.
        computed: u32,
    },
    /// An id table (or other array) that does not fit in the file.
    #[error("{table} ({count} items at 0x{start:x}) runs past the end of the file")]
    TableOutOfBounds {
        /// Offset of the header or map field that declares the table.
        offset: usize,
        /// Which table.
        table: &'static str,
        /// Declared item count.
        count: u32,
        /// Declared start offset.
        start: u32,
    },
    /// An index into an id table that is out of range.
    #[error("{kind} index {index} out of range (count {count})")]
    IndexOutOfRange {
        /// Offset of the field or instruction holding the index.
        offset: usize,
        /// Which table (`string`, `type`, `method`, ...).
        kind: &'static str,
        /// The index.
        index: u32,
        /// The table size.
        count: u32,
    },
    /// The map list is inconsistent with the header or itself.
    #[error("bad map list: {reason}")]
    BadMapList {
        /// Offset of the offending map item.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// String data that is not valid MUTF-8.
    #[error("malformed MUTF-8 string data")]
    BadString {
        /// Offset of the string data.
        offset: usize,
    },
    /// A structure (code item, class data, encoded value) that is malformed.
    #[error("malformed {structure}: {reason}")]
    Malformed {
        /// Offset of the structure.
        offset: usize,
        /// Which structure (`code_item`, `class_data_item`, ...).
        structure: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// An instruction or payload that runs past the end of its code item.
    #[error("instruction {opcode:#04x} at code unit 0x{code_offset:x} is truncated")]
    TruncatedInstruction {
        /// Absolute byte offset of the instruction.
        offset: usize,
        /// Offset in code units inside the method.
        code_offset: u32,
        /// The opcode byte.
        opcode: u8,
    },
    /// A low-level read failed.
    #[error("{kind}")]
    Read {
        /// Where.
        offset: usize,
        /// Why.
        kind: ReadErrorKind,
    },
}

impl DexError {
    /// The absolute byte offset in the dex file the error points at.
    pub fn offset(&self) -> usize {
        match self {
            DexError::BadMagic { offset }
            | DexError::UnsupportedVersion { offset, .. }
            | DexError::ReverseEndian { offset }
            | DexError::BadEndianTag { offset, .. }
            | DexError::BadHeaderSize { offset, .. }
            | DexError::BadFileSize { offset, .. }
            | DexError::BadChecksum { offset, .. }
            | DexError::TableOutOfBounds { offset, .. }
            | DexError::IndexOutOfRange { offset, .. }
            | DexError::BadMapList { offset, .. }
            | DexError::BadString { offset }
            | DexError::Malformed { offset, .. }
            | DexError::TruncatedInstruction { offset, .. }
            | DexError::Read { offset, .. } => *offset,
        }
    }

    /// Turn into the crate's error, located in `entry` of `file`.
    pub fn into_error(self, file: &str, entry: &str) -> Error {
        let at = Location::entry(file, entry).at(self.offset() as u64);
        Error::malformed(at, Format::Dex, self.to_string())
    }
}

impl From<ReadError> for DexError {
    fn from(e: ReadError) -> Self {
        DexError::Read {
            offset: e.offset,
            kind: e.kind,
        }
    }
}

/// Result with a [`DexError`].
pub type DexResult<T> = Result<T, DexError>;
