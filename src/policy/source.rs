//! The original (decoded, not normalised) text with its line index, for evidence: every
//! extracted item points back at a 1-based line and column and quotes the original words.

use super::model::Span;

/// Characters of context quoted on each side of an item.
const CONTEXT_CHARS: usize = 16;
/// Longest snippet quoted (characters).
const MAX_SNIPPET_CHARS: usize = 120;

/// The decoded policy text and where its lines start.
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) every [`CHECKPOINT_BYTES`] bytes, so a column
    /// on a megabyte-long line is counted from the nearest checkpoint, not the line start.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between character-count checkpoints.
const CHECKPOINT_BYTES: usize = 4096;

impl Source {
    /// Index the lines of `text`.
    pub fn new(text: String) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let mut chars = 0;
        let mut last = 0;
        while last + CHECKPOINT_BYTES < text.len() {
            let next = floor_char(&text, last + CHECKPOINT_BYTES).max(last + 1);
            let next = floor_char(&text, next);
            if next <= last {
                break;
            }
            chars += text.get(last..next).map_or(0, |t| t.chars().count());
            checkpoints.push((next, chars));
            last = next;
        }
        Source {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// Characters before byte `at` (a character boundary).
    fn chars_before(&self, at: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&(b, _)| b <= at)
            .saturating_sub(1);
        let (b, n) = self.checkpoints.get(k).copied().unwrap_or((0, 0));
        n + self.text.get(b..at).map_or(0, |t| t.chars().count())
    }

    /// The decoded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Evidence for the original byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = floor_char(&self.text, start.min(self.text.len()));
        let end = floor_char(&self.text, end.clamp(start, self.text.len()));
        let line_idx = self
            .line_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_idx).copied().unwrap_or(0);
        let line_end = self
            .line_starts
            .get(line_idx + 1)
            .map_or(self.text.len(), |&s| s.saturating_sub(1));
        let column = self.chars_before(start) - self.chars_before(line_start) + 1;
        let snippet = self.snippet(line_start, line_end.max(start), start, end);
        Span {
            line: line_idx + 1,
            column,
            snippet,
            file: None,
        }
    }

    fn snippet(&self, line_start: usize, line_end: usize, start: usize, end: usize) -> String {
        let before = self.text.get(line_start..start).unwrap_or("");
        let item_end = end.min(line_end).max(start);
        let item = self.text.get(start..item_end).unwrap_or("");
        let after = self.text.get(item_end..line_end).unwrap_or("");
        let lead: String = {
            let mut v: Vec<char> = before.chars().rev().take(CONTEXT_CHARS).collect();
            v.reverse();
            v.into_iter().collect()
        };
        let trail: String = after.chars().take(CONTEXT_CHARS).collect();
        let mut s = String::new();
        if lead.len() < before.len() {
            s.push('…');
        }
        s.push_str(&lead);
        let item_chars = item.chars().count();
        if item_chars > MAX_SNIPPET_CHARS {
            s.extend(item.chars().take(MAX_SNIPPET_CHARS));
            s.push('…');
        } else {
            s.push_str(item);
            s.push_str(&trail);
            if trail.len() < after.len() {
                s.push('…');
            }
        }
        let s = s.replace(['\r', '\t'], " ");
        s.trim().to_owned()
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_and_snippet_come_from_the_original() {
        let src = Source::new("第一行\n我们会申请相機權限，用于扫码。\n".into());
        let start = src.text().find("相機").unwrap_or(0);
        let span = src.span(start, start + "相機權限".len());
        assert_eq!((span.line, span.column), (2, 6));
        assert_eq!(span.snippet, "我们会申请相機權限，用于扫码。");
    }
}

#[cfg(test)]
mod column_tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_count_characters_from_the_line_start() {
        let text = format!("第一行\n{}友盟SDK", "字a".repeat(5000));
        let src = Source::new(text.clone());
        let at = text.find("友盟").unwrap_or(0);
        let line_start = text.find('\n').unwrap_or(0) + 1;
        let naive = text[line_start..at].chars().count() + 1;
        let span = src.span(at, at + "友盟".len());
        assert_eq!((span.line, span.column), (2, naive));
        assert!(span.snippet.starts_with('…'), "{}", span.snippet);
    }
}
