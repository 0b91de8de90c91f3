//! The one text normalisation shared by dictionary phrases and policy text, so that a
//! phrase written once (in either script, any width, any case) matches every spelling.
//!
//! Per character: full-width ASCII → half-width, ideographic space → space, ASCII lower
//! case. Whitespace is dropped except one space between two ASCII letters or digits
//! (`Android ID` keeps its space, `IP 地址` becomes `ip地址`). Traditional characters are
//! converted to simplified with fast2s, which maps one character to one character, so
//! offsets survive.

/// Look-alike CJK characters → the ideograph they show (`⽀` U+2F40 → `支`): Kangxi and
/// supplement radicals and compatibility ideographs, as PDF-to-text tools leave them.
/// Generated from the Unicode database by `sdk-signatures/tools/radicals.py`.
const RADICALS_TSV: &str = include_str!("../../sdk-signatures/cjk-radicals.tsv");

fn radicals() -> &'static [(u32, char)] {
    static TABLE: std::sync::OnceLock<Vec<(u32, char)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<(u32, char)> = RADICALS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let from = u32::from_str_radix(f.next()?, 16).ok()?;
                let to = char::from_u32(u32::from_str_radix(f.next()?, 16).ok()?)?;
                Some((from, to))
            })
            .collect();
        v.sort_unstable();
        v
    })
}

/// The unified ideograph a look-alike CJK character stands for, if it is one.
pub fn unify_radical(c: char) -> char {
    let cp = c as u32;
    if !((0x2E80..=0x2FDF).contains(&cp)
        || (0xF900..=0xFAFF).contains(&cp)
        || (0x2F800..=0x2FA1F).contains(&cp))
    {
        return c;
    }
    let table = radicals();
    table
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .and_then(|i| table.get(i))
        .map_or(c, |&(_, to)| to)
}

/// Fold one character: width, case, space variants and look-alike radicals. Never changes
/// the char count.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF61}' => '。',
        '\u{FE50}' => ',',
        '\u{FE51}' => '、',
        '\u{FE54}' => ';',
        '\u{FE55}' => ':',
        '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}' => {
            unify_radical(c)
        }
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Whether `c` is whitespace for the folding rule (after [`fold_char`]).
pub fn is_space(c: char) -> bool {
    // Zero-width space / non-joiner / joiner, word joiner, BOM and soft hyphen are
    // invisible: pasted names carry them between characters (`极\u{200B}光`).
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Whether a space between `prev` and `next` is kept (both ASCII alphanumeric).
pub fn keeps_space(prev: char, next: char) -> bool {
    prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric()
}

/// Traditional → simplified, char for char. Returns `None` if the converter ever changed
/// the number of characters (it does not today; the caller then keeps the input).
pub fn to_simplified(s: &str) -> Option<String> {
    if s.is_ascii() {
        return Some(s.to_owned());
    }
    let out = fast2s::convert(s);
    (out.chars().count() == s.chars().count()).then_some(out)
}

/// Normalise a dictionary phrase or a name the same way policy text is normalised.
pub fn normalize(s: &str) -> String {
    let folded: Vec<char> = s.chars().map(fold_char).collect();
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut pending_space = false;
    for &c in &folded {
        if is_space(c) || c == '\n' {
            pending_space = true;
            continue;
        }
        if pending_space && prev.is_some_and(|p| keeps_space(p, c)) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        prev = Some(c);
    }
    to_simplified(&out).unwrap_or(out)
}

/// Whether a match at `start..end` of `text` sits on ASCII word boundaries where the
/// phrase begins or ends with an ASCII letter or digit (`mac` must not match in `macro`).
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let phrase = text.get(start..end).unwrap_or("");
    let first = phrase.chars().next();
    let last = phrase.chars().next_back();
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let left_ok = !(first.is_some_and(|c| c.is_ascii_alphanumeric())
        && before.is_some_and(|c| c.is_ascii_alphanumeric()));
    let right_ok = !(last.is_some_and(|c| c.is_ascii_alphanumeric())
        && after.is_some_and(|c| c.is_ascii_alphanumeric()));
    left_ok && right_ok
}

/// Longest bracketed aside, in characters, that [`without_asides`] removes.
const MAX_ASIDE: usize = 24;

/// The text without its short bracketed asides (`(如Wi-Fi)`, `（可选）`), so that a phrase
/// written around one (`WLAN(如Wi-Fi)接入点`) can be matched; with, for every byte of the
/// result, the offset in `text` of the byte it came from. `None` when there is no aside.
pub fn without_asides(text: &str) -> Option<(String, Vec<usize>)> {
    let is_open = |c: char| c == '(' || c == '\u{FF08}';
    let is_close = |c: char| c == ')' || c == '\u{FF09}';
    let mut out = String::new();
    let mut origin: Vec<usize> = Vec::new();
    let mut removed = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_open(c) {
            let close = text
                .get(i + c.len_utf8()..)
                .unwrap_or_default()
                .chars()
                .take(MAX_ASIDE + 1)
                .take_while(|&d| !is_open(d) && d != '\n')
                .position(is_close);
            if let Some(n) = close {
                // Skip the aside's `n` characters and its closing bracket.
                for _ in 0..=n {
                    chars.next();
                }
                removed = true;
                continue;
            }
        }
        out.push(c);
        origin.extend(i..i + c.len_utf8());
    }
    removed.then_some((out, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_space_and_script() {
        assert_eq!(normalize("Ａｎｄｒｏｉｄ　ＩＤ"), "android id");
        assert_eq!(normalize("IP 地址"), "ip地址");
        assert_eq!(normalize("裝置識別碼"), "装置识别码");
        assert_eq!(normalize("設備權限："), "设备权限:");
        assert_eq!(normalize("腾讯TMF SDK"), "腾讯tmf sdk");
    }

    /// Issue 10's examples of PDF-to-text output: `⽀付宝` (U+2F40), `⾼德` (U+2FBC); a
    /// zero-width space inside a name. Ordinary ideographs are left alone (negative twin).
    #[test]
    fn look_alike_radicals_and_invisible_characters_fold() {
        assert_eq!(normalize("\u{2F40}付宝"), "支付宝");
        assert_eq!(normalize("\u{2FBC}德地图"), "高德地图");
        assert_eq!(normalize("极\u{200B}光\u{00A0}推送"), "极光推送");
        assert_eq!(normalize("支付宝 高德 丨"), "支付宝高德丨");
        assert_eq!(unify_radical('一'), '一');
        assert!(radicals().len() > 1000, "radical table did not load");
    }

    #[test]
    fn asides_are_removed_with_their_origin() {
        let t = normalize("WLAN（如Wi-Fi）接入点");
        let Some((bare, origin)) = without_asides(&t) else {
            panic!("no aside found in {t}");
        };
        assert_eq!(bare, "wlan接入点");
        assert_eq!(origin.len(), bare.len());
        assert_eq!(origin.first(), Some(&0));
        assert_eq!(origin.last().map(|&o| o + 1), Some(t.len()));
        assert!(without_asides("no aside here").is_none());
        // An unclosed or overlong bracket is text, not an aside.
        assert!(without_asides("位置(未闭合").is_none());
        let long = format!("a({})b", "x".repeat(MAX_ASIDE + 1));
        assert!(without_asides(&long).is_none());
    }

    #[test]
    fn word_boundaries_apply_to_ascii_only() {
        let t = "macro mac地址 设备mac";
        assert!(!on_word_boundaries(t, 0, 3));
        assert!(on_word_boundaries(t, 6, 9));
        let i = t.rfind("mac").unwrap_or(0);
        assert!(on_word_boundaries(t, i, i + 3));
    }
}
