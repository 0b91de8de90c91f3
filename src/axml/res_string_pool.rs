//! `ResStringPool_header` and the string pool it heads: the strings of a binary XML
//! document or of a resource table, in UTF-8 or UTF-16 form. Strings are decoded lazily,
//! one at a time, and borrowed from the input when they are valid UTF-8.

use std::borrow::Cow;

use super::{ResChunkHeader, ResError, ResErrorKind};
use crate::reader::{Reader, decode_mutf8};

/// `ResStringPool_header::UTF8_FLAG`.
const UTF8_FLAG: u32 = 1 << 8;
/// `ResStringPool_header` is a chunk header plus five `u32`.
const HEADER_SIZE: usize = ResChunkHeader::SIZE + 20;

/// A parsed string pool: the offsets table and the string data, both borrowed.
#[derive(Debug, Clone, Copy)]
pub struct StringPool<'a> {
    data: &'a [u8],
    /// Absolute offset of the offsets table (`u32` per string).
    offsets_at: usize,
    count: u32,
    /// Absolute start and end of the string data.
    strings_at: usize,
    strings_end: usize,
    utf8: bool,
}

impl<'a> StringPool<'a> {
    /// An empty pool (for documents that lack one).
    pub fn empty() -> Self {
        StringPool {
            data: &[],
            offsets_at: 0,
            count: 0,
            strings_at: 0,
            strings_end: 0,
            utf8: true,
        }
    }

    /// Parse the pool in `chunk` (already validated against `data`). Style data is never
    /// read: a bogus `styleCount` (an anti-decompiler trick) cannot break decoding.
    pub fn parse(data: &'a [u8], chunk: &ResChunkHeader) -> Result<Self, ResError> {
        if usize::from(chunk.header_size) < HEADER_SIZE {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::BadHeaderSize {
                    chunk_type: chunk.chunk_type,
                    header_size: chunk.header_size,
                    min: HEADER_SIZE,
                    size: chunk.size,
                },
            ));
        }
        let mut r = Reader::at(data, chunk.offset + ResChunkHeader::SIZE);
        let count = r.u32()?;
        let style_count = r.u32()?;
        let flags = r.u32()?;
        let strings_start = r.u32()? as usize;
        let styles_start = r.u32()? as usize;
        let end = chunk.end();
        // Android puts the offsets table right after the (possibly enlarged) header.
        let offsets_at = chunk.body();
        let available = end - offsets_at;
        if u64::from(count) * 4 > available as u64 {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::CountTooLarge {
                    what: "string",
                    count: u64::from(count),
                    available,
                },
            ));
        }
        let strings_at = chunk.offset.saturating_add(strings_start).min(end);
        // Strings end where styles begin, when the style fields make sense; otherwise at the
        // end of the chunk (more lenient than Android, never less).
        let styles_at = chunk.offset.saturating_add(styles_start);
        let strings_end = if style_count > 0 && styles_at > strings_at && styles_at <= end {
            styles_at
        } else {
            end
        };
        Ok(StringPool {
            data,
            offsets_at,
            count,
            strings_at,
            strings_end,
            utf8: flags & UTF8_FLAG != 0,
        })
    }

    /// Number of strings.
    pub fn len(&self) -> u32 {
        self.count
    }

    /// True when the pool has no string.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// True for a UTF-8 pool.
    pub fn is_utf8(&self) -> bool {
        self.utf8
    }

    /// The string at `index`.
    pub fn get(&self, index: u32) -> Result<Cow<'a, str>, ResError> {
        if index >= self.count {
            return Err(ResError::new(
                self.offsets_at,
                ResErrorKind::StringIndex {
                    index,
                    count: self.count,
                },
            ));
        }
        let entry_at = self.offsets_at + index as usize * 4;
        let rel = Reader::at(self.data, entry_at).u32()? as usize;
        let at = self.strings_at.saturating_add(rel);
        let bad = || ResError::new(at, ResErrorKind::BadString { index });
        if at >= self.strings_end {
            return Err(bad());
        }
        let region = self.data.get(..self.strings_end).ok_or_else(bad)?;
        let mut r = Reader::at(region, at);
        if self.utf8 {
            let _utf16_len = utf8_length(&mut r).map_err(|_| bad())?;
            let len = utf8_length(&mut r).map_err(|_| bad())?;
            let bytes = r.bytes(len).map_err(|_| bad())?;
            Ok(match decode_mutf8(bytes) {
                Ok(s) => s,
                Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
            })
        } else {
            let len = utf16_length(&mut r).map_err(|_| bad())?;
            let bytes = r
                .bytes(len.checked_mul(2).ok_or_else(bad)?)
                .map_err(|_| bad())?;
            let units = bytes.chunks_exact(2).map(|c| match c {
                [lo, hi] => u16::from_le_bytes([*lo, *hi]),
                _ => 0xfffd,
            });
            Ok(Cow::Owned(
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ))
        }
    }
}

/// A UTF-8 pool length: one byte, or two when the high bit is set (15 bits).
fn utf8_length(r: &mut Reader<'_>) -> Result<usize, ResError> {
    let first = r.u8()?;
    if first & 0x80 == 0 {
        return Ok(usize::from(first));
    }
    let second = r.u8()?;
    Ok((usize::from(first & 0x7f) << 8) | usize::from(second))
}

/// A UTF-16 pool length: one unit, or two when the high bit is set (31 bits).
fn utf16_length(r: &mut Reader<'_>) -> Result<usize, ResError> {
    let first = r.u16()?;
    if first & 0x8000 == 0 {
        return Ok(usize::from(first));
    }
    let second = r.u16()?;
    Ok((usize::from(first & 0x7fff) << 16) | usize::from(second))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build a pool chunk by hand: `strings` encoded in the requested form.
    pub(crate) fn pool(strings: &[&str], utf8: bool) -> Vec<u8> {
        let mut data = Vec::new();
        let mut offsets = Vec::new();
        for s in strings {
            offsets.push(data.len() as u32);
            if utf8 {
                let n16 = s.encode_utf16().count();
                assert!(n16 < 0x80 && s.len() < 0x80);
                data.push(n16 as u8);
                data.push(s.len() as u8);
                data.extend_from_slice(s.as_bytes());
                data.push(0);
            } else {
                let units: Vec<u16> = s.encode_utf16().collect();
                data.extend_from_slice(&(units.len() as u16).to_le_bytes());
                for u in units {
                    data.extend_from_slice(&u.to_le_bytes());
                }
                data.extend_from_slice(&[0, 0]);
            }
        }
        while data.len() % 4 != 0 {
            data.push(0);
        }
        let strings_start = 28 + 4 * strings.len();
        let size = strings_start + data.len();
        let mut out = Vec::new();
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&28u16.to_le_bytes());
        out.extend_from_slice(&(size as u32).to_le_bytes());
        out.extend_from_slice(&(strings.len() as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&(if utf8 { UTF8_FLAG } else { 0 }).to_le_bytes());
        out.extend_from_slice(&(strings_start as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        for o in offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        out.extend_from_slice(&data);
        out
    }

    #[test]
    fn decodes_both_forms_and_refuses_bad_indexes() {
        for utf8 in [true, false] {
            let bytes = pool(&["", "name", "中文"], utf8);
            let chunk = ResChunkHeader::parse(&bytes, 0, bytes.len(), 28).unwrap();
            let p = StringPool::parse(&bytes, &chunk).unwrap();
            assert_eq!(p.len(), 3);
            assert_eq!(p.get(0).unwrap(), "");
            assert_eq!(p.get(1).unwrap(), "name");
            assert_eq!(p.get(2).unwrap(), "中文");
            assert!(matches!(
                p.get(3).unwrap_err().kind,
                ResErrorKind::StringIndex { index: 3, count: 3 }
            ));
        }
    }

    #[test]
    fn long_lengths_use_the_two_unit_form() {
        let mut r = Reader::new(&[0x81, 0x02]);
        assert_eq!(utf8_length(&mut r).unwrap(), 0x102);
        let mut r = Reader::new(&[0x01, 0x80, 0x02, 0x00]);
        assert_eq!(utf16_length(&mut r).unwrap(), 0x1_0002);
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let mut bytes = pool(&["a"], true);
        bytes[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        let chunk = ResChunkHeader::parse(&bytes, 0, bytes.len(), 28).unwrap();
        assert!(matches!(
            StringPool::parse(&bytes, &chunk).unwrap_err().kind,
            ResErrorKind::CountTooLarge { .. }
        ));
    }
}
