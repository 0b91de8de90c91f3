//! `ResTable_type`: the entries of one resource type in one configuration, with its
//! `ResTable_config` and its entry index (dense `u32` offsets, 16-bit offsets, or sparse
//! `ResTable_sparseTypeEntry` pairs).

use crate::axml::{ResChunkHeader, ResError, ResErrorKind};
use crate::reader::Reader;

/// `ResTable_type::FLAG_SPARSE`.
const FLAG_SPARSE: u8 = 0x01;
/// `ResTable_type::FLAG_OFFSET16` (Android 14).
const FLAG_OFFSET16: u8 = 0x02;
/// Chunk header + id, flags, reserved, entryCount, entriesStart.
const FIXED_SIZE: usize = ResChunkHeader::SIZE + 12;

/// One `ResTable_type` chunk.
#[derive(Debug, Clone, Copy)]
pub struct ResTableType {
    /// The chunk.
    pub chunk: ResChunkHeader,
    /// The type id (1-based index into the package's type strings).
    pub id: u8,
    /// `flags`.
    pub flags: u8,
    /// `entryCount`.
    pub entry_count: u32,
    /// Absolute offset of the entry data (`entriesStart`).
    pub entries_at: usize,
    /// The configuration, summarised.
    pub config: ResTableConfig,
}

/// What the resolver needs of a `ResTable_config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResTableConfig {
    /// Every qualifier is unset: the default configuration.
    pub is_default: bool,
    /// A language or region is set.
    pub has_locale: bool,
}

impl ResTableType {
    /// Parse the type chunk `chunk` (already validated against its package).
    pub fn parse(data: &[u8], chunk: ResChunkHeader) -> Result<Self, ResError> {
        if usize::from(chunk.header_size) < FIXED_SIZE + 4 {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::BadHeaderSize {
                    chunk_type: chunk.chunk_type,
                    header_size: chunk.header_size,
                    min: FIXED_SIZE + 4,
                    size: chunk.size,
                },
            ));
        }
        let mut r = Reader::at(data, chunk.offset + ResChunkHeader::SIZE);
        let id = r.u8()?;
        let flags = r.u8()?;
        let _reserved = r.u16()?;
        let entry_count = r.u32()?;
        let entries_start = r.u32()? as usize;
        let config_size = r.u32()? as usize;
        // The config is the rest of the header; trust the smaller of its size and that.
        let config_len = config_size
            .saturating_sub(4)
            .min(usize::from(chunk.header_size) - FIXED_SIZE - 4);
        let config_bytes = r.bytes(config_len)?;
        let config = ResTableConfig {
            is_default: config_bytes.iter().all(|b| *b == 0),
            // Bytes 4..8 of the config after its size: language[2], country[2].
            has_locale: config_bytes
                .get(4..8)
                .is_some_and(|l| l.iter().any(|b| *b != 0)),
        };
        let index_len = u64::from(entry_count)
            * if flags & (FLAG_SPARSE | FLAG_OFFSET16) == FLAG_OFFSET16 {
                2
            } else {
                4
            };
        let available = chunk.end() - chunk.body();
        if index_len > available as u64 {
            return Err(ResError::new(
                chunk.offset,
                ResErrorKind::CountTooLarge {
                    what: "type entry",
                    count: u64::from(entry_count),
                    available,
                },
            ));
        }
        Ok(ResTableType {
            chunk,
            id,
            flags,
            entry_count,
            entries_at: chunk.offset.saturating_add(entries_start),
            config,
        })
    }

    /// Absolute offset of entry `index`, or `None` when this configuration lacks it.
    pub fn entry_offset(&self, data: &[u8], index: u16) -> Option<usize> {
        let body = self.chunk.body();
        let end = self.chunk.end();
        let region = data.get(..end)?;
        let rel = if self.flags & FLAG_SPARSE != 0 {
            self.sparse_offset(region, body, index)?
        } else {
            if u32::from(index) >= self.entry_count {
                return None;
            }
            if self.flags & FLAG_OFFSET16 != 0 {
                let o = Reader::at(region, body + usize::from(index) * 2)
                    .u16()
                    .ok()?;
                if o == u16::MAX {
                    return None;
                }
                usize::from(o) * 4
            } else {
                let o = Reader::at(region, body + usize::from(index) * 4)
                    .u32()
                    .ok()?;
                if o == u32::MAX {
                    return None;
                }
                o as usize
            }
        };
        let at = self.entries_at.checked_add(rel)?;
        (at < end).then_some(at)
    }

    /// `ResTable_sparseTypeEntry` pairs are sorted by index: binary search them.
    fn sparse_offset(&self, region: &[u8], body: usize, index: u16) -> Option<usize> {
        let (mut lo, mut hi) = (0usize, self.entry_count as usize);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let mut r = Reader::at(region, body + mid * 4);
            let idx = r.u16().ok()?;
            let off = r.u16().ok()?;
            match idx.cmp(&index) {
                std::cmp::Ordering::Equal => return Some(usize::from(off) * 4),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// Every entry index present (for lookups by name), in order.
    pub fn indexes(&self, data: &[u8]) -> Vec<u16> {
        let count = self.entry_count.min(u32::from(u16::MAX) + 1);
        if self.flags & FLAG_SPARSE != 0 {
            let region = data.get(..self.chunk.end()).unwrap_or(&[]);
            (0..count as usize)
                .filter_map(|i| Reader::at(region, self.chunk.body() + i * 4).u16().ok())
                .collect()
        } else {
            (0..count)
                .filter_map(|i| u16::try_from(i).ok())
                .filter(|i| self.entry_offset(data, *i).is_some())
                .collect()
        }
    }
}
