//! A bounds-checked little-endian reader over borrowed bytes, shared by the binary parsers
//! (AXML, ARSC, DEX). Every read returns `Err` with the offset instead of panicking.

use std::borrow::Cow;

/// Why a read failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadErrorKind {
    /// The read needs more bytes than remain.
    #[error("unexpected end of data: needed {needed} bytes, {available} available")]
    UnexpectedEnd {
        /// Bytes the read needed.
        needed: usize,
        /// Bytes that remained.
        available: usize,
    },
    /// A LEB128 value longer than 5 bytes or overflowing 32 bits.
    #[error("malformed LEB128 value")]
    BadLeb128,
    /// Bytes that are not valid (modified) UTF-8 or UTF-16.
    #[error("malformed string encoding")]
    BadString,
    /// An offset + size that overflows.
    #[error("offset overflow")]
    Overflow,
}

/// A failed read and the absolute offset where it happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at offset 0x{offset:x}")]
pub struct ReadError {
    /// Absolute offset in the buffer the reader was created over.
    pub offset: usize,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

/// A cursor over a byte slice. Offsets are absolute within `data`.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at offset 0.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    /// A reader at `pos` (checked lazily: the first read past the end fails).
    pub fn at(data: &'a [u8], pos: usize) -> Self {
        Reader { data, pos }
    }

    /// The whole underlying buffer.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Current absolute offset.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Move to an absolute offset.
    pub fn seek(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Bytes left from the current offset (0 when past the end).
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    fn err(&self, kind: ReadErrorKind) -> ReadError {
        ReadError {
            offset: self.pos,
            kind,
        }
    }

    /// Borrow the next `n` bytes and advance.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or_else(|| self.err(ReadErrorKind::Overflow))?;
        match self.data.get(self.pos..end) {
            Some(slice) => {
                self.pos = end;
                Ok(slice)
            }
            None => Err(self.err(ReadErrorKind::UnexpectedEnd {
                needed: n,
                available: self.remaining(),
            })),
        }
    }

    /// Advance by `n` bytes, checking they exist.
    pub fn skip(&mut self, n: usize) -> Result<(), ReadError> {
        self.bytes(n).map(|_| ())
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ReadError> {
        let slice = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        Ok(out)
    }

    /// Read a `u8`.
    pub fn u8(&mut self) -> Result<u8, ReadError> {
        Ok(self.array::<1>()?[0])
    }

    /// Read a little-endian `u16`.
    pub fn u16(&mut self) -> Result<u16, ReadError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// Read a little-endian `u32`.
    pub fn u32(&mut self) -> Result<u32, ReadError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// Read a little-endian `i32`.
    pub fn i32(&mut self) -> Result<i32, ReadError> {
        Ok(i32::from_le_bytes(self.array()?))
    }

    /// Read a little-endian `u64`.
    pub fn u64(&mut self) -> Result<u64, ReadError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// Read an unsigned LEB128 value of at most 5 bytes (32 bits), as in DEX.
    pub fn uleb128(&mut self) -> Result<u32, ReadError> {
        let start = self.pos;
        let mut result: u32 = 0;
        for i in 0..5 {
            let byte = self.u8()?;
            let part = u32::from(byte & 0x7f);
            if i == 4 && part > 0x0f {
                self.pos = start;
                return Err(self.err(ReadErrorKind::BadLeb128));
            }
            result |= part << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(result);
            }
        }
        self.pos = start;
        Err(self.err(ReadErrorKind::BadLeb128))
    }

    /// Read a signed LEB128 value of at most 5 bytes (32 bits), as in DEX.
    pub fn sleb128(&mut self) -> Result<i32, ReadError> {
        let start = self.pos;
        let mut result: i64 = 0;
        for i in 0..5 {
            let byte = self.u8()?;
            result |= i64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                let shift = 64 - 7 * (i + 1);
                let value = (result << shift) >> shift;
                return i32::try_from(value).map_err(|_| ReadError {
                    offset: start,
                    kind: ReadErrorKind::BadLeb128,
                });
            }
        }
        self.pos = start;
        Err(self.err(ReadErrorKind::BadLeb128))
    }

    /// Read a `uleb128p1` (value + 1 encoded), returning `None` for the encoded `-1`.
    pub fn uleb128p1(&mut self) -> Result<Option<u32>, ReadError> {
        let v = self.uleb128()?;
        Ok(v.checked_sub(1))
    }
}

/// Decode DEX's modified UTF-8 (MUTF-8: `0xC0 0x80` for NUL, surrogate pairs encoded as
/// two 3-byte sequences). Borrows when the bytes are plain ASCII/UTF-8. Unpaired
/// surrogates become U+FFFD, as Android's own tools print them.
pub fn decode_mutf8(bytes: &[u8]) -> Result<Cow<'_, str>, ReadErrorKind> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let mut units: Vec<u16> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        if b0 & 0x80 == 0 {
            units.push(u16::from(b0));
            i += 1;
        } else if b0 & 0xe0 == 0xc0 {
            let b1 = *bytes.get(i + 1).ok_or(ReadErrorKind::BadString)?;
            if b1 & 0xc0 != 0x80 {
                return Err(ReadErrorKind::BadString);
            }
            units.push((u16::from(b0 & 0x1f) << 6) | u16::from(b1 & 0x3f));
            i += 2;
        } else if b0 & 0xf0 == 0xe0 {
            let b1 = *bytes.get(i + 1).ok_or(ReadErrorKind::BadString)?;
            let b2 = *bytes.get(i + 2).ok_or(ReadErrorKind::BadString)?;
            if b1 & 0xc0 != 0x80 || b2 & 0xc0 != 0x80 {
                return Err(ReadErrorKind::BadString);
            }
            units.push(
                (u16::from(b0 & 0x0f) << 12) | (u16::from(b1 & 0x3f) << 6) | u16::from(b2 & 0x3f),
            );
            i += 3;
        } else {
            return Err(ReadErrorKind::BadString);
        }
    }
    Ok(Cow::Owned(
        char::decode_utf16(units.iter().copied())
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_bounds_checked_with_offsets() {
        let data = [1u8, 0, 2, 0, 0, 0];
        let mut r = Reader::new(&data);
        assert_eq!(r.u16().unwrap(), 1);
        assert_eq!(r.u32().unwrap(), 2);
        let err = r.u8().unwrap_err();
        assert_eq!(err.offset, 6);
        assert!(matches!(
            err.kind,
            ReadErrorKind::UnexpectedEnd { needed: 1, .. }
        ));
    }

    #[test]
    fn leb128_matches_the_dex_spec_examples() {
        // Examples from the DEX format documentation.
        let cases: &[(&[u8], i32, u32)] = &[
            (&[0x00], 0, 0),
            (&[0x01], 1, 1),
            (&[0x7f], -1, 127),
            (&[0x80, 0x7f], -128, 16256),
        ];
        for (bytes, s, u) in cases {
            assert_eq!(Reader::new(bytes).sleb128().unwrap(), *s);
            assert_eq!(Reader::new(bytes).uleb128().unwrap(), *u);
        }
        assert!(
            Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x80])
                .uleb128()
                .is_err()
        );
        assert_eq!(Reader::new(&[0x00]).uleb128p1().unwrap(), None);
    }

    #[test]
    fn mutf8_decodes_nul_and_surrogate_pairs() {
        assert_eq!(decode_mutf8(&[0xc0, 0x80]).unwrap(), "\u{0}");
        // U+1F600 as a MUTF-8 surrogate pair.
        let smile = [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80];
        assert_eq!(decode_mutf8(&smile).unwrap(), "\u{1F600}");
        assert!(decode_mutf8(&[0xe0, 0x80]).is_err());
    }
}
