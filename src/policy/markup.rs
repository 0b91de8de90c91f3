//! Markup removal that keeps offsets: HTML (tags, entities, `<table>` rows, `<br>`, `<li>`)
//! and Markdown (bold, headings, list markers, tables) become plain lines, each character
//! paired with its byte offset in the original text.
//!
//! Tables come out in one shape whatever the input: a row per line, cells separated by
//! `|` (Markdown keeps its own pipes; HTML `<tr><td>` rows are rewritten to them), so one
//! table reader serves both. Line breaks inside an HTML cell become `;` so that a cell
//! listing several SDKs still splits into names.

/// One output character and the byte offset in the original text it came from.
pub type Mapped = (char, u32);

/// Whether the text looks like HTML (enough known tags to be sure).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(20_000)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<html", "<body", "<table", "<!doctype", "<head"]
        .iter()
        .any(|t| head.contains(t))
    {
        return true;
    }
    let tags = [
        "<p>", "<p ", "<br", "<div", "<li>", "<span", "<h1", "<h2", "<h3", "<td", "<tr",
    ];
    tags.iter().map(|t| head.matches(t).count()).sum::<usize>() >= 3
}

/// Strip markup from `text`; HTML when [`looks_like_html`], else Markdown / plain text.
pub fn strip(text: &str) -> Vec<Mapped> {
    if looks_like_html(text) {
        strip_html(text)
    } else {
        strip_markdown(text)
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "dl",
    "title",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "body",
    "html",
    "nav",
    "main",
];

fn strip_html(text: &str) -> Vec<Mapped> {
    let mut out: Vec<Mapped> = Vec::with_capacity(text.len() / 2);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut in_cell = false;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let at = u32::try_from(i).unwrap_or(u32::MAX);
        match c {
            '<' => {
                let rest = text.get(i..).unwrap_or("");
                if rest.starts_with("<!--") {
                    i += rest.find("-->").map_or(rest.len(), |e| e + 3);
                    continue;
                }
                // Tags are short; a '<' with no '>' close by is text (and searching the whole
                // rest for every such '<' would be quadratic).
                let window = bytes.get(i..).unwrap_or(&[]);
                let window = window.get(..window.len().min(4096)).unwrap_or(window);
                let Some(close) = memchr::memchr(b'>', window) else {
                    out.push(('<', at));
                    i += 1;
                    continue;
                };
                let inner = rest.get(1..close).unwrap_or("");
                let closing = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if name.is_empty() && !inner.starts_with('!') {
                    // A lone '<' in text ("a < b").
                    out.push(('<', at));
                    i += 1;
                    continue;
                }
                i += close + 1;
                if !closing && (name == "script" || name == "style") {
                    let end_tag = format!("</{name}");
                    i += find_ascii_ci(bytes.get(i..).unwrap_or(&[]), end_tag.as_bytes());
                    continue;
                }
                match name.as_str() {
                    "td" | "th" if !closing => {
                        out.push(('|', at));
                        in_cell = true;
                    }
                    "td" | "th" => in_cell = false,
                    "tr" if closing => {
                        out.push(('|', at));
                        newline(&mut out, at);
                        in_cell = false;
                    }
                    "tr" => {
                        newline(&mut out, at);
                        in_cell = false;
                    }
                    n if BLOCK_TAGS.contains(&n) && in_cell => out.push((';', at)),
                    n if BLOCK_TAGS.contains(&n) => newline(&mut out, at),
                    _ => {}
                }
            }
            '&' => {
                let rest = text.get(i..).unwrap_or("");
                match entity(rest) {
                    Some((ch, len)) => {
                        out.push((ch, at));
                        i += len;
                    }
                    None => {
                        out.push(('&', at));
                        i += 1;
                    }
                }
            }
            '\n' | '\r' | '\t' => {
                out.push((' ', at));
                i += c.len_utf8();
            }
            _ => {
                out.push((c, at));
                i += c.len_utf8();
            }
        }
    }
    out
}

/// End the current line unless it is already ended: HTML blank lines mean nothing, and
/// table rows must stay adjacent.
fn newline(out: &mut Vec<Mapped>, at: u32) {
    if out
        .iter()
        .rev()
        .find(|&&(c, _)| c != ' ')
        .is_some_and(|&(c, _)| c != '\n')
    {
        out.push(('\n', at));
    }
}

/// Offset of the first ASCII-case-insensitive occurrence of `needle`, or `hay.len()`.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> usize {
    let Some(&first) = needle.first() else {
        return 0;
    };
    let mut from = 0;
    while let Some(k) = memchr::memchr2(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        hay.get(from..).unwrap_or(&[]),
    ) {
        let at = from + k;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return at;
        }
        from = at + 1;
    }
    hay.len()
}

/// Decode an HTML entity at the start of `s`: (character, length in bytes).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = memchr::memchr(b';', s.as_bytes().get(..s.len().min(12))?)?;
    let body = s.get(1..end)?;
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code)?
    } else {
        match body {
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "middot" => '·',
            "hellip" => '…',
            "mdash" => '—',
            "ndash" => '–',
            "times" => '×',
            "copy" => '©',
            "reg" => '®',
            "yen" => '¥',
            "bull" => '•',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

fn strip_markdown(text: &str) -> Vec<Mapped> {
    let mut out: Vec<Mapped> = Vec::with_capacity(text.len() / 2);
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let skip = markdown_prefix_len(body);
        let mut chars = body
            .char_indices()
            .skip_while(|&(j, _)| j < skip)
            .peekable();
        while let Some((j, c)) = chars.next() {
            let at = u32::try_from(line_start + j).unwrap_or(u32::MAX);
            // Emphasis markers (`**bold**`, `__bold__`) and inline code ticks carry no text.
            if (c == '*' || c == '_') && chars.peek().is_some_and(|&(_, n)| n == c) {
                chars.next();
                continue;
            }
            if c == '`' {
                continue;
            }
            // Markdown pages carry HTML entities too (`SDK&nbsp;名称`, `&amp;`).
            if c == '&'
                && let Some((ch, len)) = body.get(j..).and_then(entity)
            {
                out.push((ch, at));
                while chars.peek().is_some_and(|&(k, _)| k < j + len) {
                    chars.next();
                }
                continue;
            }
            out.push((c, at));
        }
        if line.ends_with('\n') {
            let at = u32::try_from(line_start + line.len() - 1).unwrap_or(u32::MAX);
            out.push(('\n', at));
        }
        line_start += line.len();
    }
    out
}

/// Length of a leading Markdown heading / list / quote marker (`## `, `- `, `* `, `> `).
fn markdown_prefix_len(line: &str) -> usize {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed.as_bytes().get(hashes) == Some(&b' ') {
        return indent + hashes + 1;
    }
    for marker in ["- ", "* ", "+ ", "> "] {
        if trimmed.starts_with(marker) {
            return indent + marker.len();
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: &[Mapped]) -> String {
        v.iter().map(|&(c, _)| c).collect()
    }

    #[test]
    fn html_tables_become_pipe_rows() {
        let html = "<html><body><p>SDK&nbsp;列表</p><table><tr><th>SDK名称</th><th>目的</th></tr>\
                    <tr><td>极光推送<br>JPush</td><td>推送&amp;统计</td></tr></table></body></html>";
        let out = strip(html);
        let s = plain(&out);
        assert!(s.contains("SDK 列表"), "{s}");
        assert!(s.contains("|SDK名称|目的|"), "{s}");
        assert!(s.contains("|极光推送;JPush|推送&统计|"), "{s}");
        let at = s.chars().position(|c| c == '极').unwrap_or(0);
        let (_, off) = out[at];
        assert_eq!(
            html.get(off as usize..).map(|r| r.starts_with("极光推送")),
            Some(true)
        );
    }

    #[test]
    fn markdown_markers_are_removed() {
        let md = "## 标题\n- 您需要提供**手机号**码\n| a | b |\n";
        assert_eq!(plain(&strip(md)), "标题\n您需要提供手机号码\n| a | b |\n");
    }
}
