//! Finding the end-of-central-directory record (APPNOTE 4.3.16, with the zip64 record and
//! locator of 4.3.14/4.3.15) and, from it, the central directory.
//!
//! Android's libziparchive takes the last `PK\5\6` in the final 64 KiB + 22 bytes and refuses
//! the file when anything follows the record and its comment, or when the first local header
//! is not at offset 0. We are more lenient so a damaged or padded file can still be audited:
//! we take the last record that points at a real central directory anywhere in the file, and
//! report leading and trailing bytes instead of refusing.

use memchr::memmem;

use super::error::ZipError;
use crate::reader::Reader;

const EOCD_SIG: &[u8; 4] = b"PK\x05\x06";
const EOCD_LEN: usize = 22;
const ZIP64_LOCATOR_SIG: u32 = 0x0706_4b50;
const ZIP64_LOCATOR_LEN: usize = 20;
const ZIP64_EOCD_SIG: u32 = 0x0606_4b50;
/// `PK\1\2`, the start of every central directory record.
pub const CENTRAL_SIG: &[u8; 4] = b"PK\x01\x02";

/// The end record, with the zip64 values folded in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndRecord {
    /// Offset of the `PK\5\6` record.
    pub offset: u64,
    /// Where the central directory should end: the zip64 end record if there is one, else
    /// the end record.
    pub directory_end: u64,
    /// Number of central directory records.
    pub entries: u64,
    /// Declared size of the central directory.
    pub cd_size: u64,
    /// Declared offset of the central directory (relative to the archive's start).
    pub cd_offset: u64,
    /// Length of the archive comment.
    pub comment_len: u16,
    /// Whether the zip64 end record supplied the values.
    pub zip64: bool,
}

/// Where the central directory really is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The end record.
    pub end: EndRecord,
    /// Absolute offset of the central directory in the file.
    pub cd_start: u64,
    /// What to add to offsets stored in the archive: non-zero when bytes were prepended
    /// without adjusting the offsets (a self-extractor stub, a `cat stub app.apk`).
    pub shift: u64,
    /// Bytes after the end record and its comment.
    pub trailing: u64,
}

/// Find the end record whose central directory is really there, scanning from the end.
pub fn locate(data: &[u8]) -> Result<Located, ZipError> {
    let mut first_error = None;
    // Candidates from the end of the file; every iteration consumes one candidate.
    for pos in memmem::rfind_iter(data, EOCD_SIG) {
        match candidate(data, pos) {
            Ok(Some(found)) => return Ok(found),
            Ok(None) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(ZipError::NoEndRecord))
}

fn candidate(data: &[u8], pos: usize) -> Result<Option<Located>, ZipError> {
    let end = match parse_end_record(data, pos)? {
        Some(end) => end,
        None => return Ok(None),
    };
    let len = data.len() as u64;
    let record_end = end.offset + EOCD_LEN as u64 + u64::from(end.comment_len);
    // A comment running past the end of the file: this is not the real record (or the
    // file is cut short); keep it only if it points at a central directory anyway.
    let trailing = len.saturating_sub(record_end);
    let is_central = |at: u64| -> bool {
        usize::try_from(at)
            .ok()
            .and_then(|at| data.get(at..at.checked_add(4)?))
            .is_some_and(|sig| sig == CENTRAL_SIG)
    };
    if end.entries == 0 {
        return Ok(Some(Located {
            cd_start: end.directory_end,
            shift: 0,
            trailing,
            end,
        }));
    }
    let declared_end = end.cd_offset.checked_add(end.cd_size);
    if declared_end.is_some_and(|e| e <= end.directory_end) && is_central(end.cd_offset) {
        return Ok(Some(Located {
            cd_start: end.cd_offset,
            shift: 0,
            trailing,
            end,
        }));
    }
    // Bytes prepended without fixing the offsets: the directory sits right before the end
    // record, `shift` bytes later than declared.
    if let Some(start) = end.directory_end.checked_sub(end.cd_size)
        && start >= end.cd_offset
        && is_central(start)
    {
        return Ok(Some(Located {
            cd_start: start,
            shift: start - end.cd_offset,
            trailing,
            end,
        }));
    }
    Err(ZipError::NoCentralDirectory {
        offset: end.offset,
        start: end.cd_offset,
        size: end.cd_size,
    })
}

/// Parse the record at `pos`; `None` when it is cut off by the end of the file.
fn parse_end_record(data: &[u8], pos: usize) -> Result<Option<EndRecord>, ZipError> {
    let mut r = Reader::at(data, pos);
    let fields = (|| {
        r.skip(4)?;
        let _disk = r.u16()?;
        let _cd_disk = r.u16()?;
        let _entries_on_disk = r.u16()?;
        let entries = r.u16()?;
        let cd_size = r.u32()?;
        let cd_offset = r.u32()?;
        let comment_len = r.u16()?;
        Ok::<_, crate::reader::ReadError>((entries, cd_size, cd_offset, comment_len))
    })();
    let Ok((entries, cd_size, cd_offset, comment_len)) = fields else {
        return Ok(None);
    };
    let mut end = EndRecord {
        offset: pos as u64,
        directory_end: pos as u64,
        entries: u64::from(entries),
        cd_size: u64::from(cd_size),
        cd_offset: u64::from(cd_offset),
        comment_len,
        zip64: false,
    };
    let wants_zip64 = entries == u16::MAX || cd_size == u32::MAX || cd_offset == u32::MAX;
    if let Some(locator) = pos.checked_sub(ZIP64_LOCATOR_LEN) {
        let mut l = Reader::at(data, locator);
        if l.u32().ok() == Some(ZIP64_LOCATOR_SIG) {
            read_zip64(data, locator, &mut end)?;
            return Ok(Some(end));
        }
    }
    if wants_zip64 {
        // 0xffff entries can be a real count; only the offsets force zip64.
        if cd_size == u32::MAX || cd_offset == u32::MAX {
            return Err(ZipError::Zip64 {
                offset: pos as u64,
                reason: "values are 0xffffffff but there is no zip64 locator",
            });
        }
    }
    Ok(Some(end))
}

fn read_zip64(data: &[u8], locator: usize, end: &mut EndRecord) -> Result<(), ZipError> {
    let bad = |offset: usize, reason| ZipError::Zip64 {
        offset: offset as u64,
        reason,
    };
    let mut l = Reader::at(data, locator + 4);
    let record = (|| {
        let _disk = l.u32()?;
        l.u64()
    })()
    .map_err(|_| bad(locator, "locator truncated"))?;
    // The record is stored relative to the archive start; prepended bytes shift it, so
    // also accept it where it must be (right before the locator) when the declared spot
    // holds no record.
    let at_declared = usize::try_from(record)
        .ok()
        .filter(|&at| Reader::at(data, at).u32().ok() == Some(ZIP64_EOCD_SIG));
    let at = match at_declared {
        Some(at) => at,
        None => locator
            .checked_sub(56)
            .filter(|&at| Reader::at(data, at).u32().ok() == Some(ZIP64_EOCD_SIG))
            .ok_or_else(|| bad(locator, "no zip64 end record where the locator points"))?,
    };
    let mut r = Reader::at(data, at + 4);
    let values = (|| {
        let _size = r.u64()?;
        let _made_by = r.u16()?;
        let _needed = r.u16()?;
        let _disk = r.u32()?;
        let _cd_disk = r.u32()?;
        let _entries_on_disk = r.u64()?;
        let entries = r.u64()?;
        let cd_size = r.u64()?;
        let cd_offset = r.u64()?;
        Ok::<_, crate::reader::ReadError>((entries, cd_size, cd_offset))
    })()
    .map_err(|_| bad(at, "zip64 end record truncated"))?;
    (end.entries, end.cd_size, end.cd_offset) = values;
    end.directory_end = at as u64;
    end.zip64 = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eocd(entries: u16, cd_size: u32, cd_offset: u32, comment: &[u8]) -> Vec<u8> {
        let mut v = b"PK\x05\x06\0\0\0\0".to_vec();
        v.extend(entries.to_le_bytes());
        v.extend(entries.to_le_bytes());
        v.extend(cd_size.to_le_bytes());
        v.extend(cd_offset.to_le_bytes());
        v.extend((comment.len() as u16).to_le_bytes());
        v.extend(comment);
        v
    }

    #[test]
    fn empty_archive_is_just_an_end_record() {
        let data = eocd(0, 0, 0, b"");
        let found = locate(&data).unwrap();
        assert_eq!(found.end.entries, 0);
        assert_eq!(found.trailing, 0);
    }

    #[test]
    fn no_record_is_not_a_zip() {
        assert_eq!(locate(b"hello"), Err(ZipError::NoEndRecord));
        // A signature with no room for the record is skipped, not a panic.
        assert_eq!(locate(b"PK\x05\x06\0\0"), Err(ZipError::NoEndRecord));
    }

    #[test]
    fn trailing_bytes_and_prepended_bytes_are_measured() {
        let mut data = b"PK\x01\x02".to_vec();
        data.extend([0u8; 42]);
        data.extend(eocd(1, 46, 0, b""));
        data.extend(b"junk");
        let found = locate(&data).unwrap();
        assert_eq!((found.cd_start, found.shift, found.trailing), (0, 0, 4));

        let mut shifted = b"stub".to_vec();
        shifted.extend(&data);
        let found = locate(&shifted).unwrap();
        assert_eq!((found.cd_start, found.shift), (4, 4));
    }

    #[test]
    fn a_record_pointing_nowhere_is_an_error_with_its_offset() {
        let data = eocd(3, 200, 5000, b"");
        assert_eq!(
            locate(&data),
            Err(ZipError::NoCentralDirectory {
                offset: 0,
                start: 5000,
                size: 200
            })
        );
    }
}
