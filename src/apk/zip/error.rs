//! Errors of the zip reader: archive-level errors stop reading the archive, entry-level
//! errors (and notes) are reported for one entry and reading goes on.

/// The archive as a whole cannot be read. Offsets are absolute in the archive's bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// No end-of-central-directory record anywhere in the file.
    #[error("no end-of-central-directory record: not a zip archive")]
    NoEndRecord,
    /// An end record was found but no central directory where it points.
    #[error(
        "end-of-central-directory record points at 0x{start:x} ({size} bytes) where there is no central directory"
    )]
    NoCentralDirectory {
        /// Offset of the end record.
        offset: u64,
        /// Where it says the central directory starts.
        start: u64,
        /// The size it declares.
        size: u64,
    },
    /// The zip64 end record or its locator is malformed.
    #[error("zip64 end record: {reason}")]
    Zip64 {
        /// Offset of the record or locator.
        offset: u64,
        /// What is wrong.
        reason: &'static str,
    },
    /// More entries than the central directory can hold (46 bytes each at least).
    #[error("{count} entries declared but the central directory has room for {room}")]
    CountTooLarge {
        /// Offset of the end record.
        offset: u64,
        /// Declared count.
        count: u64,
        /// Records that fit.
        room: u64,
    },
    /// More entries than [`Limits::max_entries`](crate::Limits::max_entries).
    #[error("too many entries")]
    TooManyEntries {
        /// Offset of the end record.
        offset: u64,
        /// Declared count.
        count: u64,
        /// The limit.
        limit: u64,
    },
    /// A central directory record does not start with its signature.
    #[error("central directory record {index} has no signature")]
    BadCentralSignature {
        /// Offset of the record.
        offset: u64,
        /// Its index.
        index: usize,
    },
    /// A central directory record runs past the end of the central directory.
    #[error("central directory record {index} is truncated")]
    CentralRecordTruncated {
        /// Offset of the record.
        offset: u64,
        /// Its index.
        index: usize,
    },
    /// A zip64 extra field is missing or too short for the values marked 0xffffffff.
    #[error("central directory record {index}: zip64 extra field missing or short")]
    BadZip64Extra {
        /// Offset of the record.
        offset: u64,
        /// Its index.
        index: usize,
    },
}

impl ZipError {
    /// Absolute offset in the archive where the error was found.
    pub fn offset(&self) -> u64 {
        match self {
            ZipError::NoEndRecord => 0,
            ZipError::NoCentralDirectory { offset, .. }
            | ZipError::Zip64 { offset, .. }
            | ZipError::CountTooLarge { offset, .. }
            | ZipError::TooManyEntries { offset, .. }
            | ZipError::BadCentralSignature { offset, .. }
            | ZipError::CentralRecordTruncated { offset, .. }
            | ZipError::BadZip64Extra { offset, .. } => *offset,
        }
    }
}

/// One entry cannot be read (or can be read only by going further than Android does).
/// `offset` is the absolute offset of the entry's local header in the archive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// The local header lies outside the archive's entry area.
    #[error("local header offset 0x{offset:x} is outside the archive")]
    LocalHeaderOutOfBounds {
        /// Local header offset.
        offset: u64,
    },
    /// No local header signature where the central directory points.
    #[error("no local header signature at 0x{offset:x}")]
    BadLocalSignature {
        /// Local header offset.
        offset: u64,
    },
    /// The entry's data runs into the central directory or past the end of the file.
    #[error("data ({size} bytes at 0x{start:x}) runs past the entry area")]
    DataOutOfBounds {
        /// Local header offset.
        offset: u64,
        /// Data start.
        start: u64,
        /// Data size.
        size: u64,
    },
    /// The deflate stream is corrupt.
    #[error("deflate stream at 0x{offset:x} is corrupt: {reason}")]
    Inflate {
        /// Local header offset.
        offset: u64,
        /// zlib's message.
        reason: String,
    },
    /// The deflate stream ends before the declared size or is cut off.
    #[error("deflate stream at 0x{offset:x} ends early: {actual} of {declared} bytes")]
    Truncated {
        /// Local header offset.
        offset: u64,
        /// Declared inflated size.
        declared: u64,
        /// Bytes produced.
        actual: u64,
    },
    /// The deflate stream produces more than the declared size (a lying central directory).
    #[error(
        "deflate stream at 0x{offset:x} inflates past its declared size of {declared} bytes (Android refuses it)"
    )]
    TooLong {
        /// Local header offset.
        offset: u64,
        /// Declared inflated size.
        declared: u64,
    },
}

impl EntryError {
    /// Absolute offset of the entry's local header.
    pub fn offset(&self) -> u64 {
        match self {
            EntryError::LocalHeaderOutOfBounds { offset }
            | EntryError::BadLocalSignature { offset }
            | EntryError::DataOutOfBounds { offset, .. }
            | EntryError::Inflate { offset, .. }
            | EntryError::Truncated { offset, .. }
            | EntryError::TooLong { offset, .. } => *offset,
        }
    }
}

/// Something odd about an entry that did not stop us reading it. Some of these Android
/// tolerates too (and are known anti-analysis tricks); others make Android refuse the entry,
/// which the message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryNote {
    /// General-purpose bit 0 ("encrypted") is set; Android ignores it and so do we.
    EncryptedFlag,
    /// The local header names a different compression method; Android uses the central
    /// directory's.
    MethodMismatch {
        /// Method in the local header.
        local: u16,
        /// Method in the central directory.
        central: u16,
    },
    /// A method other than stored (0) or deflate (8): Android's libziparchive (Android 10,
    /// as in `aapt`) inflates every non-stored entry, so we do too.
    UnknownMethod(u16),
    /// The local header's name differs from the central directory's: Android refuses the
    /// entry; we read it by the central directory.
    NameMismatch,
    /// The local header's sizes or CRC differ from the central directory's without a data
    /// descriptor: Android refuses the entry; we read it by the central directory.
    SizeMismatch,
    /// The inflated bytes do not match the CRC-32 in the central directory: Android refuses
    /// the entry; we keep the bytes.
    CrcMismatch {
        /// CRC-32 from the central directory.
        expected: u32,
        /// CRC-32 of the bytes.
        actual: u32,
    },
}

impl std::fmt::Display for EntryNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryNote::EncryptedFlag => f.write_str(
                "marked encrypted (general-purpose bit 0) but stored in the clear; Android ignores the flag (anti-analysis trick)",
            ),
            EntryNote::MethodMismatch { local, central } => write!(
                f,
                "local header says compression method {local}, central directory {central}; Android uses the central directory"
            ),
            EntryNote::UnknownMethod(m) => write!(
                f,
                "unknown compression method {m}; read as deflate like Android's libziparchive (anti-analysis trick)"
            ),
            EntryNote::NameMismatch => f.write_str(
                "local header name differs from the central directory; Android refuses this entry, read by the central directory",
            ),
            EntryNote::SizeMismatch => f.write_str(
                "local header sizes or CRC differ from the central directory; Android refuses this entry, read by the central directory",
            ),
            EntryNote::CrcMismatch { expected, actual } => write!(
                f,
                "CRC-32 is {actual:08x}, central directory says {expected:08x}; Android refuses this entry, bytes kept"
            ),
        }
    }
}
