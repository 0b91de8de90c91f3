//! The zip container, read the way Android's libziparchive reads it: the central directory
//! is the truth, local headers only say where the data starts, every non-stored entry is
//! inflated as deflate, the "encrypted" bit is ignored.
//!
//! Why not the `zip` crate here: it keeps one entry per name (duplicates vanish, and with
//! them the "Master Key" style of hiding a second `classes.dex`), it guesses among several
//! end records where Android takes one, and its readers stop at flags Android ignores. This
//! reader is small, works over the borrowed file bytes and inflates under our limits only.
//! Stored entries are borrowed, not copied.

mod central_directory;
mod end_record;
mod error;
mod inflate;
mod local_header;

use std::borrow::Cow;
use std::collections::HashMap;

pub use central_directory::CentralEntry;
pub use end_record::{EndRecord, Located};
pub use error::{EntryError, EntryNote, ZipError};
pub use local_header::{FLAG_DATA_DESCRIPTOR, FLAG_ENCRYPTED};

use flate2::Crc;
use inflate::InflateError;

/// Compression method 0.
pub const STORED: u16 = 0;
/// Compression method 8.
pub const DEFLATED: u16 = 8;

/// An opened archive over borrowed bytes.
#[derive(Debug, Clone)]
pub struct Archive<'a> {
    data: &'a [u8],
    /// Where the end record and the central directory are.
    pub located: Located,
    /// Every central directory record, in order (duplicates kept).
    pub entries: Vec<CentralEntry<'a>>,
    /// Bytes before the first local header when the file does not start with one (Android
    /// refuses such a file); 0 otherwise.
    pub leading: u64,
}

/// The bytes of one entry and what was odd about it.
#[derive(Debug, Clone)]
pub struct Extracted<'a> {
    /// The inflated bytes (borrowed from the archive when stored).
    pub bytes: Cow<'a, [u8]>,
    /// Notes about the entry (see [`EntryNote`]).
    pub notes: Vec<EntryNote>,
}

impl<'a> Archive<'a> {
    /// Find the central directory and parse it. Refuses more than `max_entries` records
    /// before allocating for them.
    pub fn open(data: &'a [u8], max_entries: u64) -> Result<Self, ZipError> {
        let located = end_record::locate(data)?;
        let entries = central_directory::parse(data, &located, max_entries)?;
        // Android only asks that the file start with a local header: build tools put
        // "virtual" headers (no central record, alignment padding) there, which are fine.
        let leading = if data.starts_with(b"PK\x03\x04") {
            0
        } else {
            entries
                .iter()
                .map(|e| e.local_header_offset)
                .min()
                .unwrap_or(0)
        };
        Ok(Archive {
            data,
            located,
            entries,
            leading,
        })
    }

    /// The whole file.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Absolute offset of the central directory.
    pub fn central_directory_start(&self) -> u64 {
        self.located.cd_start
    }

    /// Names that occur more than once, in first-seen order (Android refuses such archives).
    pub fn duplicate_names(&self) -> Vec<&str> {
        let mut seen: HashMap<&[u8], u32> = HashMap::with_capacity(self.entries.len());
        let mut dups = Vec::new();
        for e in &self.entries {
            let n = seen.entry(e.name_raw).or_insert(0);
            *n += 1;
            if *n == 2 {
                dups.push(e.name.as_ref());
            }
        }
        dups
    }

    /// Read an entry's bytes. `entry.size` must already be checked against the limits;
    /// this allocates at most `entry.size + 1` bytes whatever the stream does.
    pub fn read(&self, entry: &CentralEntry<'a>) -> Result<Extracted<'a>, EntryError> {
        let span = local_header::locate_data(self.data, entry, self.located.cd_start)?;
        let mut notes = span.notes;
        let offset = entry.local_header_offset;
        // Android reads a stored entry's uncompressed size and a deflated one's compressed size.
        let stored_len = if entry.method == STORED {
            entry.size
        } else {
            entry.compressed_size
        };
        let raw = span
            .start
            .checked_add(stored_len)
            .filter(|&end| end <= self.located.cd_start)
            .and_then(|end| {
                let s = usize::try_from(span.start).ok()?;
                let e = usize::try_from(end).ok()?;
                self.data.get(s..e)
            })
            .ok_or(EntryError::DataOutOfBounds {
                offset,
                start: span.start,
                size: stored_len,
            })?;
        let bytes: Cow<'a, [u8]> = if entry.method == STORED {
            Cow::Borrowed(raw)
        } else {
            if entry.method != DEFLATED {
                notes.push(EntryNote::UnknownMethod(entry.method));
            }
            let declared = usize::try_from(entry.size).map_err(|_| EntryError::TooLong {
                offset,
                declared: entry.size,
            })?;
            let out = inflate::inflate(raw, declared).map_err(|e| match e {
                InflateError::Corrupt(reason) => EntryError::Inflate { offset, reason },
                InflateError::Truncated { actual } => EntryError::Truncated {
                    offset,
                    declared: entry.size,
                    actual,
                },
                InflateError::TooLong => EntryError::TooLong {
                    offset,
                    declared: entry.size,
                },
            })?;
            Cow::Owned(out)
        };
        let mut crc = Crc::new();
        crc.update(&bytes);
        if crc.sum() != entry.crc32 {
            notes.push(EntryNote::CrcMismatch {
                expected: entry.crc32,
                actual: crc.sum(),
            });
        }
        Ok(Extracted { bytes, notes })
    }
}
