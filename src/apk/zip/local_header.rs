//! Local file headers (APPNOTE 4.3.7). Android reads only two things from them: where the
//! data starts (the header's own name and extra lengths, which zipalign pads) and whether a
//! data descriptor follows. It then compares name, sizes and CRC with the central directory;
//! we record the differences as notes instead of refusing the entry.

use super::central_directory::CentralEntry;
use super::error::{EntryError, EntryNote};
use crate::reader::{ReadError, Reader};

const LOCAL_SIG: u32 = 0x0403_4b50;
/// Fixed part of a local header.
pub const HEADER_LEN: u64 = 30;
/// General-purpose bit 3: sizes and CRC follow the data in a data descriptor.
pub const FLAG_DATA_DESCRIPTOR: u16 = 1 << 3;
/// General-purpose bit 0: the entry is encrypted.
pub const FLAG_ENCRYPTED: u16 = 1;

/// Where an entry's stored bytes are, and how its local header disagrees with the central
/// directory.
#[derive(Debug, Clone)]
pub struct DataSpan {
    /// Absolute offset of the first stored byte.
    pub start: u64,
    /// Notes about the local header.
    pub notes: Vec<EntryNote>,
}

/// Read the local header of `entry`; `area_end` is where the entries end (the central
/// directory or the signing block before it).
pub fn locate_data(
    data: &[u8],
    entry: &CentralEntry<'_>,
    area_end: u64,
) -> Result<DataSpan, EntryError> {
    let offset = entry.local_header_offset;
    let out_of_bounds = || EntryError::LocalHeaderOutOfBounds { offset };
    if offset.checked_add(HEADER_LEN).is_none_or(|e| e > area_end) {
        return Err(out_of_bounds());
    }
    let start = usize::try_from(offset).map_err(|_| out_of_bounds())?;
    let mut r = Reader::at(data, start);
    let header = (|| {
        let sig = r.u32()?;
        let _needed = r.u16()?;
        let flags = r.u16()?;
        let method = r.u16()?;
        let _time = r.u16()?;
        let _date = r.u16()?;
        let crc32 = r.u32()?;
        let compressed = r.u32()?;
        let size = r.u32()?;
        let name_len = r.u16()?;
        let extra_len = r.u16()?;
        let name = r.bytes(usize::from(name_len))?;
        Ok::<_, ReadError>((sig, flags, method, crc32, compressed, size, name, extra_len))
    })();
    let (sig, flags, method, crc32, compressed, size, name, extra_len) =
        header.map_err(|_| out_of_bounds())?;
    if sig != LOCAL_SIG {
        return Err(EntryError::BadLocalSignature { offset });
    }
    let data_start = offset + HEADER_LEN + name.len() as u64 + u64::from(extra_len);
    let mut notes = Vec::new();
    if (flags | entry.flags) & FLAG_ENCRYPTED != 0 {
        notes.push(EntryNote::EncryptedFlag);
    }
    if method != entry.method {
        notes.push(EntryNote::MethodMismatch {
            local: method,
            central: entry.method,
        });
    }
    if name != entry.name_raw {
        notes.push(EntryNote::NameMismatch);
    }
    // Without a data descriptor the local header must repeat the central values (zip64
    // headers put 0xffffffff here and the real sizes in their extra field).
    if flags & FLAG_DATA_DESCRIPTOR == 0 {
        let same_size = |local: u32, central: u64| local == u32::MAX || u64::from(local) == central;
        if crc32 != entry.crc32
            || !same_size(compressed, entry.compressed_size)
            || !same_size(size, entry.size)
        {
            notes.push(EntryNote::SizeMismatch);
        }
    }
    Ok(DataSpan {
        start: data_start,
        notes,
    })
}
