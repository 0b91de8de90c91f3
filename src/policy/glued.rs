//! Tables whose cells were glued together when the page was flattened: the header cells
//! run into one line (`第三方服务提供方名称收集的信息与目的隐私政策`) and every row is one
//! line of cells without separators, ending in its link, sometimes with the next row's
//! name glued after that link (`…https://www.baidu.com/duty/yinsiquan-policy.htmlFireBase统计`).
//!
//! Nothing separates the cells, so a row's name is only taken where a known SDK name
//! (an alias) starts the row: at the start of a line, or right after a link.

use super::aliases::Aliases;
use super::sdks::{Entry, Field};
use super::spans::Spans;
use super::tables::Range;

/// Words of column headers; a glued header line holds at least three of them.
const HEADER_WORDS: &[&str] = &[
    "名称",
    "提供方",
    "目的",
    "信息",
    "隐私政策",
    "链接",
    "权限",
    "公司",
    "类型",
    "功能",
    "用途",
    "主体",
    "第三方",
    "sdk",
    "场景",
    "官网",
    "运营方",
];

/// Characters that show a line is a sentence or has separated cells, not glued headers.
const SEPARATORS: &str = "，。,.:：；;、|()（）!?！？“”\"";

/// A line of header words run together: 6 to 40 characters, no spaces, digits or
/// punctuation, at least three distinct header words, one of them naming the service.
fn glued_header(line: &str) -> bool {
    let n = line.chars().count();
    if !(6..=40).contains(&n)
        || line
            .chars()
            .any(|c| c.is_whitespace() || c.is_ascii_digit() || SEPARATORS.contains(c))
    {
        return false;
    }
    let words = HEADER_WORDS.iter().filter(|w| line.contains(*w)).count();
    words >= 3
        && ["名称", "sdk", "第三方", "提供方"]
            .iter()
            .any(|w| line.contains(w))
}

/// Byte ranges of the links in `line` (from `http://` or `https://` to the first
/// character no link holds).
fn links(line: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = line
        .get(from..)
        .and_then(|r| r.find("http"))
        .map(|i| from + i)
    {
        let rest = line.get(at..).unwrap_or("");
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            from = at + 4;
            continue;
        }
        let mut len: usize = rest
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+=%".contains(c))
            .map(char::len_utf8)
            .sum();
        // A page name glued to the next cell's letters (`policy.htmlfirebase`) ends at
        // its extension.
        let url = rest.get(..len).unwrap_or("");
        for ext in [".html", ".htm", ".shtml", ".php", ".jsp", ".aspx", ".pdf"] {
            if let Some(e) = url.rfind(ext).map(|p| p + ext.len())
                && url.get(e..).is_some_and(|tail| {
                    !tail.is_empty() && tail.chars().all(|c| c.is_ascii_alphabetic())
                })
                && !url.get(e..).is_some_and(|tail| tail.starts_with('l'))
            {
                len = e;
                break;
            }
        }
        out.push((at, at + len));
        from = at + len;
    }
    out
}

/// Most rows a glued table is read for (bounds the work on hostile input).
const MAX_ROWS: usize = 200;

/// SDK entries from glued tables in normalised `text`, outside the `skip` ranges.
pub fn glued_entries(text: &str, aliases: &Aliases, skip: &[Range]) -> Vec<Entry> {
    let skip = Spans::new(skip.iter().copied());
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        lines.push((at, at + body.len()));
        at += line.len();
    }
    let mut i = 0;
    while i < lines.len() {
        let (hs, he) = lines.get(i).copied().unwrap_or((0, 0));
        i += 1;
        if !glued_header(text.get(hs..he).unwrap_or("").trim()) {
            continue;
        }
        // Rows: the lines that follow, each holding a link.
        let mut rows = Vec::new();
        while let Some(&(s, e)) = lines.get(i) {
            let line = text.get(s..e).unwrap_or("");
            let found = links(line);
            if found.is_empty() || rows.len() >= MAX_ROWS {
                break;
            }
            rows.push((s, e, found));
            i += 1;
        }
        // One linked line after a header is a sentence, not a table.
        if rows.len() < 2 {
            continue;
        }
        for (s, e, found) in rows {
            let line = text.get(s..e).unwrap_or("");
            // A row starts at the line's start and after each link.
            let mut starts = vec![0];
            starts.extend(found.iter().map(|l| l.1));
            for (k, &from) in starts.iter().enumerate() {
                let to = found.get(k).map_or(line.len(), |l| l.0);
                let Some(cell) = line.get(from..to) else {
                    continue;
                };
                let lead = cell.len() - cell.trim_start().len();
                let Some(&(a, b, _)) = aliases.find(cell).first() else {
                    continue;
                };
                if a != lead {
                    continue;
                }
                let name = (s + from + a, s + from + b);
                let row = (s + from, s + to.max(from));
                if skip.contains(name) {
                    continue;
                }
                let mut fields = Vec::new();
                if let Some(l) = found.get(k) {
                    fields.push((Field::Link, (s + l.0, s + l.1)));
                }
                out.push(Entry {
                    names: vec![name],
                    fields,
                    scope: vec![row],
                    permission_cells: Vec::new(),
                    span: row,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        assert!(glued_header("第三方服务提供方名称收集的信息与目的隐私政策"));
        assert!(glued_header("sdk名称第三方名称使用目的隐私政策链接"));
        assert!(!glued_header("我们会收集您的设备信息，用于第三方服务"));
        assert!(!glued_header("第三方服务"));
    }

    #[test]
    fn links_in_a_line() {
        let l = "百度用于统计https://a.cn/p.htmlfirebase统计";
        let found = links(l);
        assert_eq!(found.len(), 1);
        assert_eq!(l.get(found[0].1..), Some("firebase统计"));
        let l = "见https://a.cn/privacy.html。";
        assert_eq!(l.get(links(l)[0].1..), Some("。"));
    }
}
