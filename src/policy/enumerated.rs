//! SDKs enumerated in running text: known names enumerated in a sentence about SDKs or push
//! (`如您使用小米、魅族、华为等品牌手机，…接入的上述手机厂商Push SDK`), and quoted names after
//! the word SDK (`第三方SDK“支付宝、微信、穿山甲”为…`, `SDK名称“友盟”`).

use super::aliases::Aliases;
use super::sdks::{Entry, is_url, not_a_name, split_enumeration, split_names, trim};
use super::spans::Spans;
use super::tables::Range;

/// Separators between the items of an enumeration of names.
const ENUM_SEPARATORS: &[&str] = &["、", "/", ",", "和", "及", "与", "以及"];

/// Opening and closing quotes around names.
const QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"'), ('「', '」')];

/// The longest quoted part read as names (characters).
const MAX_QUOTED_CHARS: usize = 60;

/// Sentences of `text` (cut at `。`, `!`, `?`, `;` and line ends).
fn sentences(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '!' | '?' | ';' | '\n') {
            out.extend(trim(text, (start, i)));
            start = i + c.len_utf8();
        }
    }
    out.extend(trim(text, (start, text.len())));
    out
}

/// Whether a sentence talks about SDKs or push services.
fn about_sdks(s: &str) -> bool {
    s.contains("sdk") || s.contains("推送") || s.contains("push")
}

/// Entries for SDKs enumerated or quoted in sentences outside `skip` (spans already read).
pub fn enumerated_entries(text: &str, aliases: &Aliases, skip: &[Range]) -> Vec<Entry> {
    let skip = Spans::new(skip.iter().copied());
    let mut out = Vec::new();
    for r in sentences(text) {
        if skip.overlaps(r) {
            continue;
        }
        let s = text.get(r.0..r.1).unwrap_or("");
        if !about_sdks(s) {
            continue;
        }
        let mut names = quoted_after_sdk(text, r);
        for n in known_enumerations(text, r, aliases) {
            if !names.iter().any(|m| m.0 < n.1 && m.1 > n.0) {
                names.push(n);
            }
        }
        if !names.is_empty() {
            names.sort_unstable();
            out.push(Entry {
                names,
                fields: Vec::new(),
                scope: vec![r],
                permission_cells: Vec::new(),
                span: r,
            });
        }
    }
    out
}

/// Known names enumerated with separators only between them (two or more): `小米、魅族、华为`.
fn known_enumerations(text: &str, r: Range, aliases: &Aliases) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    let hits = aliases.find(s);
    let mut out = Vec::new();
    let mut run: Vec<Range> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for &(a, b, _) in &hits {
        let joined = prev_end.is_some_and(|p| {
            p <= a
                && s.get(p..a)
                    .is_some_and(|gap| ENUM_SEPARATORS.contains(&gap.trim()))
        });
        if !joined {
            if run.len() >= 2 {
                out.append(&mut run);
            }
            run.clear();
        }
        if prev_end.is_none_or(|p| p <= a) {
            run.push((r.0 + a, r.0 + b));
            prev_end = Some(b);
        }
    }
    if run.len() >= 2 {
        out.append(&mut run);
    }
    out
}

/// Names in quotes right after `sdk` (`sdk“a、b”`, `sdk名称:“a”`).
fn quoted_after_sdk(text: &str, r: Range) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    let mut out = Vec::new();
    for (at, _) in s.match_indices("sdk") {
        let mut rest_at = at + "sdk".len();
        for w in ["名称", ":", " "] {
            if s.get(rest_at..).is_some_and(|t| t.starts_with(w)) {
                rest_at += w.len();
            }
        }
        let rest = s.get(rest_at..).unwrap_or("");
        let Some(open) = rest.chars().next() else {
            continue;
        };
        let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == open) else {
            continue;
        };
        let inner_at = rest_at + open.len_utf8();
        let inner = s.get(inner_at..).unwrap_or("");
        let Some(len) = inner
            .char_indices()
            .take(MAX_QUOTED_CHARS)
            .find(|&(_, c)| c == close)
            .map(|(i, _)| i)
        else {
            continue;
        };
        let quoted = (r.0 + inner_at, r.0 + inner_at + len);
        for n in split_names(text, quoted) {
            for item in split_enumeration(text, n) {
                let t = text.get(item.0..item.1).unwrap_or("");
                if !not_a_name(t) && !is_url(t) && t.chars().count() <= 20 {
                    out.push(item);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> Aliases {
        Aliases::new([
            ("小米", "xiaomi-push"),
            ("魅族", "meizu-push"),
            ("华为", "huawei-push"),
            ("微信", "wechat-opensdk"),
        ])
    }

    fn names(text: &str) -> Vec<String> {
        enumerated_entries(text, &aliases(), &[])
            .iter()
            .flat_map(|e| e.names.iter().map(|n| text[n.0..n.1].to_owned()))
            .collect()
    }

    #[test]
    fn known_names_enumerated_in_a_push_sentence() {
        // Real text (ca4p), normalised.
        let t = "如您使用小米、魅族、华为等品牌手机,我们接入的上述手机厂商push sdk可能会收集手机唯一标识信息。";
        assert_eq!(names(t), ["小米", "魅族", "华为"]);
    }

    #[test]
    fn enumeration_outside_sdk_sentences_is_not_listed() {
        // Negative twin: the same enumeration in a sentence about phones, not SDKs.
        assert!(names("如您使用小米、魅族、华为等品牌手机,可在设置中关闭。").is_empty());
        // One known name is no enumeration.
        assert!(names("我们接入的小米push sdk可能会收集信息。").is_empty());
    }

    #[test]
    fn quoted_names_after_sdk() {
        // Real text (ca4p), normalised.
        let t = "第三方sdk“支付宝、微信、今日头条”为判断设备唯一性,需要获取使用手机imei权限";
        assert_eq!(names(t), ["支付宝", "微信", "今日头条"]);
    }

    #[test]
    fn quotes_not_after_sdk_are_no_names() {
        // Negative twin: a quoted product name with no SDK word before it.
        assert!(names("您可以在“设置、隐私”中关闭个性化推送。").is_empty());
        assert!(names("第三方sdk为判断设备唯一性,需要获取“设备信息”").is_empty());
    }
}
