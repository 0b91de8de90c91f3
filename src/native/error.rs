//! Why an ELF file could not be inspected, with the offset it was found at.

use crate::{Error, Format, Location};

/// A fatal problem with one library. Each variant carries the byte offset in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ElfError {
    /// The file does not start with `\x7fELF`.
    #[error("not an ELF file (no \\x7fELF magic)")]
    NotElf {
        /// Always 0.
        offset: u64,
    },
    /// An `e_ident` byte (class, data encoding) has a value ELF does not define.
    #[error("bad ELF identification: {what} is {value}")]
    BadIdent {
        /// Offset of the byte.
        offset: u64,
        /// Which byte (`class`, `data encoding`).
        what: &'static str,
        /// The value found.
        value: u8,
    },
    /// A structure runs past the end of the file.
    #[error("{what} runs past the end of the file ({len} bytes)")]
    Truncated {
        /// Where the structure starts.
        offset: u64,
        /// Which structure.
        what: &'static str,
        /// The file size.
        len: u64,
    },
    /// A table's entry size is not the one the ELF class defines.
    #[error("{what} entry size is {actual}, expected {expected}")]
    BadEntrySize {
        /// Offset of the table.
        offset: u64,
        /// Which table.
        what: &'static str,
        /// The size the class defines.
        expected: u64,
        /// The size the header gives.
        actual: u64,
    },
    /// goblin refused a structure.
    #[error("{what}: {message}")]
    Goblin {
        /// Offset of the structure.
        offset: u64,
        /// Which structure.
        what: &'static str,
        /// goblin's message.
        message: String,
    },
    /// The parser panicked (a bug, caught so one library does not end the run).
    #[error("internal error while reading the ELF file: {message}")]
    Panicked {
        /// Always 0: where it happened is unknown.
        offset: u64,
        /// The panic message.
        message: String,
    },
}

impl ElfError {
    /// The byte offset in the file the error points at.
    pub fn offset(&self) -> u64 {
        match self {
            ElfError::NotElf { offset }
            | ElfError::BadIdent { offset, .. }
            | ElfError::Truncated { offset, .. }
            | ElfError::BadEntrySize { offset, .. }
            | ElfError::Goblin { offset, .. }
            | ElfError::Panicked { offset, .. } => *offset,
        }
    }

    /// The crate error, located at `at` plus this error's offset.
    pub fn into_error(self, at: Location) -> Error {
        let at = at.at(self.offset());
        Error::malformed(at, Format::Elf, self.to_string())
    }
}
