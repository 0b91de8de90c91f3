//! Normalised policy text with a map back to the original: markup removed, full-width →
//! half-width, ASCII lower case, whitespace folded, traditional → simplified. Searching
//! happens on [`Normalized::text`]; every byte range found there maps back to an original
//! byte range (for evidence) and to display text (names as written, original script).

use crate::dictionary::text::{fold_char, is_space, keeps_space, to_simplified};

use super::markup::Mapped;

/// The normalised text and its offset maps.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The text searched (one `\n` per original line or HTML block).
    pub text: String,
    /// Byte offset in `text` of each character.
    char_byte: Vec<u32>,
    /// Byte offset in the original text of each character.
    orig: Vec<u32>,
    /// The character as written (original script, width and case).
    disp: Vec<char>,
}

impl Normalized {
    /// Normalise markup-free characters (see [`super::markup::strip`]).
    pub fn new(chars: &[Mapped]) -> Normalized {
        let mut folded: Vec<char> = Vec::with_capacity(chars.len());
        let mut orig = Vec::with_capacity(chars.len());
        let mut disp = Vec::with_capacity(chars.len());
        let mut pending_space: Option<u32> = None;
        for &(c, at) in chars {
            let f = fold_char(c);
            if is_space(f) {
                pending_space.get_or_insert(at);
                continue;
            }
            if let Some(space_at) = pending_space.take()
                && f != '\n'
                && folded.last().is_some_and(|&p| keeps_space(p, f))
            {
                folded.push(' ');
                orig.push(space_at);
                disp.push(' ');
            }
            folded.push(f);
            orig.push(at);
            disp.push(if f == '\n' { '\n' } else { c });
        }
        let folded: String = folded.into_iter().collect();
        let text = to_simplified(&folded).unwrap_or(folded);
        let mut char_byte = Vec::with_capacity(orig.len());
        char_byte.extend(
            text.char_indices()
                .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX)),
        );
        Normalized {
            text,
            char_byte,
            orig,
            disp,
        }
    }

    /// Character index of a byte offset in `text` (the character containing it).
    pub fn char_index(&self, byte: usize) -> usize {
        let b = u32::try_from(byte).unwrap_or(u32::MAX);
        self.char_byte
            .partition_point(|&x| x <= b)
            .saturating_sub(1)
    }

    /// The original byte range of the normalised byte range `start..end`.
    pub fn orig_range(&self, start: usize, end: usize) -> (usize, usize) {
        if self.orig.is_empty() {
            return (0, 0);
        }
        let a = self.char_index(start);
        let b = self.char_index(end.saturating_sub(1).max(start));
        let s = self.orig.get(a).copied().unwrap_or(0) as usize;
        let last = self.orig.get(b).copied().unwrap_or(0) as usize;
        let last_len = self.disp.get(b).map_or(1, |c| c.len_utf8());
        (s, (last + last_len).max(s))
    }

    /// The text as written for the normalised byte range `start..end`.
    pub fn display(&self, start: usize, end: usize) -> String {
        if start >= end || self.disp.is_empty() {
            return String::new();
        }
        let a = self.char_index(start);
        let b = self.char_index(end.saturating_sub(1));
        self.disp
            .get(a..=b.max(a))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::markup::strip;

    #[test]
    fn maps_back_to_original_and_display() {
        let orig = "設備權限 | 業務功能\n位置 ： ＧＰＳ 資訊";
        let n = Normalized::new(&strip(orig));
        assert_eq!(n.text, "设备权限|业务功能\n位置:gps资讯");
        let s = n.text.find("gps").unwrap_or(0);
        let (a, b) = n.orig_range(s, s + 3);
        assert_eq!(orig.get(a..b), Some("ＧＰＳ"));
        assert_eq!(n.display(s, s + "gps资讯".len()), "ＧＰＳ資訊");
    }
}
