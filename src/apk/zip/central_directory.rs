//! Central directory records (APPNOTE 4.3.12) with their zip64 extra field (4.5.3).
//! Android trusts the central directory for names, methods and sizes; so do we.

use std::borrow::Cow;

use super::end_record::{CENTRAL_SIG, Located};
use super::error::ZipError;
use crate::reader::{ReadError, Reader};

/// Fixed part of a central directory record, signature included.
pub const RECORD_LEN: u64 = 46;
const ZIP64_EXTRA_ID: u16 = 0x0001;

/// One central directory record.
#[derive(Debug, Clone)]
pub struct CentralEntry<'a> {
    /// Position in the central directory.
    pub index: usize,
    /// Absolute offset of the record.
    pub record_offset: u64,
    /// The name as stored.
    pub name_raw: &'a [u8],
    /// The name as UTF-8 (invalid sequences replaced; Android refuses such names).
    pub name: Cow<'a, str>,
    /// General-purpose flags.
    pub flags: u16,
    /// Compression method.
    pub method: u16,
    /// CRC-32 of the inflated bytes.
    pub crc32: u32,
    /// Size of the stored (compressed) data.
    pub compressed_size: u64,
    /// Inflated size.
    pub size: u64,
    /// Absolute offset of the local header (the archive's shift added).
    pub local_header_offset: u64,
}

/// Parse every record of the located central directory. `max_entries` is checked against
/// the declared count before anything is allocated.
pub fn parse<'a>(
    data: &'a [u8],
    at: &Located,
    max_entries: u64,
) -> Result<Vec<CentralEntry<'a>>, ZipError> {
    let count = at.end.entries;
    let eocd = at.end.offset;
    if count > max_entries {
        return Err(ZipError::TooManyEntries {
            offset: eocd,
            count,
            limit: max_entries,
        });
    }
    // Each record takes at least 46 bytes of the directory (and of the file): a count the
    // bytes cannot hold is refused before `with_capacity`.
    let room = at
        .end
        .cd_size
        .min((data.len() as u64).saturating_sub(at.cd_start))
        / RECORD_LEN;
    if count > room {
        return Err(ZipError::CountTooLarge {
            offset: eocd,
            count,
            room,
        });
    }
    let start = usize::try_from(at.cd_start).unwrap_or(usize::MAX);
    let dir_end = at
        .cd_start
        .checked_add(at.end.cd_size)
        .and_then(|e| usize::try_from(e).ok())
        .unwrap_or(usize::MAX)
        .min(data.len());
    let directory = data.get(..dir_end).unwrap_or(data);
    let mut entries = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut r = Reader::at(directory, start);
    for index in 0..usize::try_from(count).unwrap_or(0) {
        let record_offset = r.pos() as u64;
        let truncated = |_: ReadError| ZipError::CentralRecordTruncated {
            offset: record_offset,
            index,
        };
        let sig = r.bytes(4).map_err(truncated)?;
        if sig != CENTRAL_SIG {
            return Err(ZipError::BadCentralSignature {
                offset: record_offset,
                index,
            });
        }
        let entry = record(&mut r, index, record_offset, at.shift).map_err(|e| match e {
            RecordError::Truncated => ZipError::CentralRecordTruncated {
                offset: record_offset,
                index,
            },
            RecordError::Zip64 => ZipError::BadZip64Extra {
                offset: record_offset,
                index,
            },
        })?;
        entries.push(entry);
    }
    Ok(entries)
}

enum RecordError {
    Truncated,
    Zip64,
}

impl From<ReadError> for RecordError {
    fn from(_: ReadError) -> Self {
        RecordError::Truncated
    }
}

fn record<'a>(
    r: &mut Reader<'a>,
    index: usize,
    record_offset: u64,
    shift: u64,
) -> Result<CentralEntry<'a>, RecordError> {
    let _made_by = r.u16()?;
    let _needed = r.u16()?;
    let flags = r.u16()?;
    let method = r.u16()?;
    let _time = r.u16()?;
    let _date = r.u16()?;
    let crc32 = r.u32()?;
    let compressed32 = r.u32()?;
    let size32 = r.u32()?;
    let name_len = r.u16()?;
    let extra_len = r.u16()?;
    let comment_len = r.u16()?;
    let _disk = r.u16()?;
    let _internal = r.u16()?;
    let _external = r.u32()?;
    let offset32 = r.u32()?;
    let name_raw = r.bytes(usize::from(name_len))?;
    let extra = r.bytes(usize::from(extra_len))?;
    r.skip(usize::from(comment_len))?;

    let mut size = u64::from(size32);
    let mut compressed_size = u64::from(compressed32);
    let mut local = u64::from(offset32);
    if size32 == u32::MAX || compressed32 == u32::MAX || offset32 == u32::MAX {
        let field = zip64_field(extra).ok_or(RecordError::Zip64)?;
        let complete = field.len() >= 24;
        let mut z = Reader::new(field);
        if size32 == u32::MAX || complete {
            size = z.u64().map_err(|_| RecordError::Zip64)?;
        }
        if compressed32 == u32::MAX || complete {
            compressed_size = z.u64().map_err(|_| RecordError::Zip64)?;
        }
        if offset32 == u32::MAX || complete {
            local = z.u64().map_err(|_| RecordError::Zip64)?;
        }
    }
    Ok(CentralEntry {
        index,
        record_offset,
        name_raw,
        name: String::from_utf8_lossy(name_raw),
        flags,
        method,
        crc32,
        compressed_size,
        size,
        local_header_offset: local.saturating_add(shift),
    })
}

/// The data of the zip64 extended-information extra field, if present.
fn zip64_field(extra: &[u8]) -> Option<&[u8]> {
    let mut r = Reader::new(extra);
    while r.remaining() >= 4 {
        let id = r.u16().ok()?;
        let len = r.u16().ok()?;
        let data = r.bytes(usize::from(len)).ok()?;
        if id == ZIP64_EXTRA_ID {
            return Some(data);
        }
    }
    None
}
