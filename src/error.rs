//! The crate's error type and the [`Location`] every error points at.
//!
//! Parser modules have their own small error enums that carry the byte offset as a field;
//! they are turned into an [`Error`] with [`Location`] context (file, entry, offset) at the
//! boundary where the file and entry names are known, so a message reads like
//! `app.apk!classes3.dex @0x1f40: method index 99381 out of range`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where in the user's input something is: the file named on the command line, the entry
/// inside it (`classes2.dex`, `split_config.arm64_v8a.apk!lib/arm64-v8a/libx.so`) and the
/// byte offset inside that entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file as given by the user.
    pub file: String,
    /// The entry inside the file, for containers (nested entries joined with `!`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// Byte offset inside the entry (or the file when there is no entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            entry: None,
            offset: None,
        }
    }

    /// A location naming a file and an entry inside it.
    pub fn entry(file: impl Into<String>, entry: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            entry: Some(entry.into()),
            offset: None,
        }
    }

    /// The same location with a byte offset.
    pub fn at(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(entry) = &self.entry {
            write!(f, "!{entry}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " @0x{offset:x}")?;
        }
        Ok(())
    }
}

/// The on-disk or textual format an error was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// The zip container (APK, APKS, XAPK, JAR).
    Zip,
    /// Android binary XML.
    Axml,
    /// `resources.arsc`.
    Arsc,
    /// Plain-text XML.
    Xml,
    /// Dalvik executable.
    Dex,
    /// ELF shared object.
    Elf,
    /// A privacy policy document.
    Policy,
    /// A signature or dictionary data file.
    Signature,
    /// A JSON, TOML or CSV document given by the user (baseline, declared table).
    Data,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Format::Zip => "zip",
            Format::Axml => "binary XML",
            Format::Arsc => "resources.arsc",
            Format::Xml => "XML",
            Format::Dex => "dex",
            Format::Elf => "ELF",
            Format::Policy => "policy",
            Format::Signature => "signature data",
            Format::Data => "data file",
        };
        f.write_str(name)
    }
}

/// Every error sdkflow reports. All variants map to exit code 2 ([`Error::exit_code`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operating system refused a read or write.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input is not well-formed in its format.
    #[error("{at}: malformed {format}: {reason}")]
    Malformed {
        /// Where.
        at: Location,
        /// Which format was being read.
        format: Format,
        /// What is wrong, without the location.
        reason: String,
    },
    /// The input exceeds one of the explicit resource limits (zip bomb, huge count).
    #[error("{at}: refused: {what} is {actual}, over the limit of {limit}")]
    Limit {
        /// Where.
        at: Location,
        /// What was measured (`inflated size`, `compression ratio`, `entries`).
        what: String,
        /// The limit in force.
        limit: u64,
        /// The value the input asked for.
        actual: u64,
    },
    /// The input is of a kind sdkflow does not read.
    #[error("{at}: unsupported input: {reason}")]
    Unsupported {
        /// Where.
        at: Location,
        /// Why.
        reason: String,
    },
    /// Bad command-line usage or options.
    #[error("usage: {0}")]
    Usage(String),
}

impl Error {
    /// Build an I/O error for `path`.
    pub fn io(path: impl fmt::Display, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }

    /// Build a [`Error::Malformed`].
    pub fn malformed(at: Location, format: Format, reason: impl Into<String>) -> Self {
        Error::Malformed {
            at,
            format,
            reason: reason.into(),
        }
    }

    /// The location the error points at, when it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Malformed { at, .. }
            | Error::Limit { at, .. }
            | Error::Unsupported { at, .. } => Some(at),
            Error::Io { .. } | Error::Usage(_) => None,
        }
    }

    /// The process exit code for this error: always 2 (bad input or usage).
    pub fn exit_code(&self) -> u8 {
        2
    }
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_display_names_file_entry_and_offset() {
        let at = Location::entry("app.apk", "classes3.dex").at(0x1f40);
        assert_eq!(at.to_string(), "app.apk!classes3.dex @0x1f40");
        let err = Error::malformed(at, Format::Dex, "method index 99381 out of range");
        assert_eq!(
            err.to_string(),
            "app.apk!classes3.dex @0x1f40: malformed dex: method index 99381 out of range"
        );
        assert_eq!(err.exit_code(), 2);
    }
}
