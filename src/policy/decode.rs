//! Bytes → text with automatic encoding detection: UTF-8 (with or without BOM), UTF-16LE/BE
//! (BOM), GB18030 (a superset of GBK and GB2312). Never fails: undecodable bytes become
//! U+FFFD, so a damaged file still yields whatever can be read.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// The decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
}

/// Decode a policy file's bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return lossy(UTF_8, rest, "utf-8-bom");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return lossy(UTF_16LE, rest, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return lossy(UTF_16BE, rest, "utf-16be");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_owned(),
            encoding: "utf-8",
        },
        // Valid UTF-8 cut inside its last character: still UTF-8.
        Err(e) if e.error_len().is_none() => lossy(UTF_8, bytes, "utf-8"),
        Err(e) => {
            let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
            // GBK text fails UTF-8 early and decodes cleanly as GB18030; mostly-UTF-8 text
            // with a few bad bytes (or binary junk) reads better as lossy UTF-8.
            let utf8_share = e.valid_up_to() as f64 / bytes.len().max(1) as f64;
            if !had_errors || utf8_share < 0.5 {
                if had_errors && looks_like_utf8(bytes) {
                    return lossy(UTF_8, bytes, "utf-8");
                }
                Decoded {
                    text: text.into_owned(),
                    encoding: "gb18030",
                }
            } else {
                lossy(UTF_8, bytes, "utf-8")
            }
        }
    }
}

fn lossy(enc: &'static Encoding, bytes: &[u8], name: &'static str) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: name,
    }
}

/// More than half of the non-ASCII bytes form valid UTF-8 sequences.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid > invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let s = "隐私政策：相机权限";
        assert_eq!(decode(s.as_bytes()).encoding, "utf-8");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(
            decode(&bom),
            Decoded {
                text: s.into(),
                encoding: "utf-8-bom"
            }
        );
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).text, s);
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).encoding, "utf-16be");
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        assert_eq!(
            decode(&gbk),
            Decoded {
                text: s.into(),
                encoding: "gb18030"
            }
        );
    }

    #[test]
    fn truncated_utf8_stays_utf8() {
        let s = "相机权限".as_bytes();
        let d = decode(&s[..s.len() - 1]);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("相机权"));
    }
}
