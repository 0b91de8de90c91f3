//! Signing evidence: JAR signing files (v1) and the APK Signing Block that v2, v3 and v3.1
//! put right before the central directory (magic `APK Sig Block 42`). We list what is there;
//! we do not verify signatures (`apksigner verify` does).

use crate::reader::Reader;

const MAGIC: &[u8; 16] = b"APK Sig Block 42";

/// A known APK Signing Block id and its name.
pub fn block_id_name(id: u32) -> Option<&'static str> {
    Some(match id {
        0x7109_871a => "v2",
        0xf053_68c0 => "v3",
        0x1b93_ad61 => "v3.1",
        0x4272_6577 => "padding",
        0x6dff_800d => "source-stamp",
        0x2b09_189e => "source-stamp-v1",
        0x504b_4453 => "dependency-info",
        0x2146_444e => "play-frosting",
        // Chinese channel-packaging tools write the channel into the block.
        0x7177_7777 => "walle-channel",
        0x8811_55ff => "vasdolly-channel",
        _ => return None,
    })
}

/// The ids in the APK Signing Block that ends at `cd_start`, in order; empty when there is
/// no block. `Err` carries the offset where a block that announced itself is malformed.
pub fn signing_block_ids(data: &[u8], cd_start: u64) -> Result<Vec<u32>, (u64, &'static str)> {
    let Some(footer) = cd_start
        .checked_sub(24)
        .and_then(|f| usize::try_from(f).ok())
    else {
        return Ok(Vec::new());
    };
    let mut r = Reader::at(data, footer);
    let (Ok(size), Ok(magic)) = (r.u64(), r.bytes(16)) else {
        return Ok(Vec::new());
    };
    if magic != MAGIC {
        return Ok(Vec::new());
    }
    // The size counts everything after the leading size field: pairs + size + magic.
    let start = size
        .checked_add(8)
        .and_then(|total| cd_start.checked_sub(total))
        .and_then(|s| usize::try_from(s).ok())
        .ok_or((
            footer as u64,
            "block size runs before the start of the file",
        ))?;
    let mut r = Reader::at(data, start);
    if r.u64().ok() != Some(size) {
        return Err((start as u64, "leading and trailing block sizes differ"));
    }
    let mut ids = Vec::new();
    // Every pair advances by its length (at least 4 bytes for the id) or the loop stops.
    while r.pos() < footer {
        let at = r.pos() as u64;
        let len = r.u64().map_err(|_| (at, "pair length truncated"))?;
        let len = usize::try_from(len)
            .ok()
            .filter(|&l| l >= 4 && l <= footer - r.pos())
            .ok_or((at, "pair length out of range"))?;
        let id = r.u32().map_err(|_| (at, "pair id truncated"))?;
        r.skip(len - 4).map_err(|_| (at, "pair value truncated"))?;
        ids.push(id);
    }
    Ok(ids)
}

/// `0x7109871a (v2)` or `0x12345678`.
pub fn describe_block_id(id: u32) -> String {
    match block_id_name(id) {
        Some(name) => format!("0x{id:08x} ({name})"),
        None => format!("0x{id:08x}"),
    }
}

/// Whether a signature-file entry name is a JAR signature file (`.SF`) or signature block
/// (`.RSA`, `.DSA`, `.EC`) of v1 signing.
pub fn is_v1_signature_file(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("META-INF/") else {
        return false;
    };
    if rest.contains('/') {
        return false;
    }
    let upper = rest.to_ascii_uppercase();
    [".SF", ".RSA", ".DSA", ".EC"]
        .iter()
        .any(|ext| upper.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(pairs: &[(u32, &[u8])]) -> Vec<u8> {
        let mut body = Vec::new();
        for (id, value) in pairs {
            body.extend(((value.len() + 4) as u64).to_le_bytes());
            body.extend(id.to_le_bytes());
            body.extend(*value);
        }
        let size = (body.len() + 24) as u64;
        let mut out = size.to_le_bytes().to_vec();
        out.extend(body);
        out.extend(size.to_le_bytes());
        out.extend(MAGIC);
        out
    }

    #[test]
    fn lists_ids_in_order() {
        let mut data = b"entries".to_vec();
        data.extend(block(&[(0x7109_871a, b"sig"), (0x4272_6577, &[0; 10])]));
        let cd = data.len() as u64;
        assert_eq!(
            signing_block_ids(&data, cd),
            Ok(vec![0x7109_871a, 0x4272_6577])
        );
        assert_eq!(describe_block_id(0x7109_871a), "0x7109871a (v2)");
    }

    #[test]
    fn no_block_and_bad_blocks() {
        assert_eq!(signing_block_ids(b"short", 5), Ok(vec![]));
        let mut data = block(&[(1, b"x")]);
        let cd = data.len() as u64;
        data[0] ^= 1; // leading size differs from trailing size
        assert!(signing_block_ids(&data, cd).is_err());
        let mut data = block(&[(1, b"x")]);
        data[8] = 0xff; // pair length runs past the block
        assert!(signing_block_ids(&data, cd).is_err());
    }

    #[test]
    fn v1_files() {
        assert!(is_v1_signature_file("META-INF/CERT.RSA"));
        assert!(is_v1_signature_file("META-INF/cert.sf"));
        assert!(!is_v1_signature_file("META-INF/MANIFEST.MF"));
        assert!(!is_v1_signature_file("META-INF/x/CERT.RSA"));
    }
}
