//! Escaping of untrusted text at the point where it enters an output.
//!
//! Everything shown from an input (manifest strings, policy lines, class and file names,
//! hosts) was chosen by the party under review. These functions make such a string inert
//! for the reader of each format; they are applied to input-derived values only, never to
//! the renderers' own markup or colours. `docs/report.md` ("Guarantees") states what each
//! format promises.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// Is `c` a character that can change how a terminal or a bidi-aware viewer shows the
/// text around it: C0 (including newline and tab), DEL, C1, the bidirectional embedding,
/// override and isolate controls, the implicit direction marks, and the line and paragraph
/// separators?
pub fn is_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}'
        | '\u{2028}' | '\u{2029}')
}

/// `s` with every [`is_control`] character replaced by a visible Rust-style escape
/// (`ESC` becomes `\u{1b}`, a newline `\u{a}`): one line, no live escape sequence, no
/// reordering. Borrowed when there is nothing to replace.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`text`] as a `Display` value, for `format!` arguments: `format!("{}", shown(&name))`.
pub fn shown(s: &str) -> Shown<'_> {
    Shown(s)
}

/// Displays its string through [`text`].
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a>(&'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Padding (`{:<20}`) applies to the escaped form, which is what is shown.
        f.pad(&text(self.0))
    }
}

/// Untrusted text as inline Markdown (GitHub-flavoured): renders as the literal text and
/// cannot start a link, image, autolink, HTML tag or entity, emphasis, code span, table
/// cell, heading, math, or an `@mention`.
///
/// Controls become visible escapes first (so there is never a newline to end a table row,
/// a list item or a `<details>` block). Markdown punctuation is backslash-escaped. Mentions
/// and GitHub's autolinks (`https://…`, `www.…`, `a@b.c`) are recognised on the rendered
/// text, where backslashes are gone, so they are broken with a zero-width space written
/// as an entity (`&#8203;`), as Dependabot does for `@`.
pub fn markdown(s: &str) -> String {
    let s = text(s);
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    // The last three characters, lowercased, to see `www.` coming.
    let mut last = ['\0'; 3];
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '<' | '>' | '|' | '#' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@&#8203;"),
            ':' if chars.peek() == Some(&'/') => out.push_str(":&#8203;"),
            '.' if last == ['w', 'w', 'w'] => {
                out.push_str("&#8203;.");
            }
            _ => out.push(c),
        }
        last = [last[1], last[2], c.to_ascii_lowercase()];
    }
    out
}

/// Untrusted text inside a Markdown code span that the caller delimits with single
/// backticks: the span shows the literal text and cannot be closed early (backticks, which
/// cannot be escaped inside a span, become `'`), and controls are visible escapes. Not for
/// table cells: GitHub splits cells on `|` even inside a code span (use [`markdown`]).
pub fn markdown_code(s: &str) -> String {
    text(s).replace('`', "'")
}

/// Untrusted text for an XML document (JUnit): controls as visible escapes (which also
/// removes every character XML 1.0 forbids below U+0020), and the noncharacters U+FFFE and
/// U+FFFF, also forbidden in XML, as `\u{fffe}` / `\u{ffff}`. Markup characters are left to
/// the XML writer.
pub fn xml(s: &str) -> Cow<'_, str> {
    let t = text(s);
    if !t.contains(['\u{fffe}', '\u{ffff}']) {
        return t;
    }
    Cow::Owned(
        t.replace('\u{fffe}', "\\u{fffe}")
            .replace('\u{ffff}', "\\u{ffff}"),
    )
}

/// minijinja's HTML-escaping formatter with controls in strings made visible first
/// ([`text`]), for HTML templates: every value a template prints goes through it (ours
/// too; they have no controls). Install with `Environment::set_formatter`.
pub fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(s) if !value.is_safe() => {
            let shown = minijinja::Value::from(text(s).as_ref());
            minijinja::escape_formatter(out, state, &shown)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_makes_controls_visible() {
        assert_eq!(text("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(text("x\ny\u{202e}z\u{85}"), "x\\u{a}y\\u{202e}z\\u{85}");
        assert!(matches!(text("极光推送 SDK"), Cow::Borrowed(_)));
    }

    #[test]
    fn shown_pads_the_escaped_form() {
        assert_eq!(format!("[{:<8}]", shown("a\tb")), "[a\\u{9}b ]");
        assert_eq!(format!("[{:<4}]", shown("ab")), "[ab  ]");
    }

    #[test]
    fn markdown_neutralises_syntax() {
        assert_eq!(
            markdown("![x](https://h/t.png)"),
            "\\!\\[x\\](https:&#8203;//h/t.png)"
        );
        assert_eq!(markdown("@octocat"), "@&#8203;octocat");
        assert_eq!(
            markdown("see www.example.com"),
            "see www&#8203;.example.com"
        );
        assert_eq!(markdown("a|b\nc"), "a\\|b\\\\u{a}c");
    }

    #[test]
    fn markdown_code_cannot_close_its_span() {
        assert_eq!(markdown_code("a`b|c\n"), "a'b|c\\u{a}");
    }

    #[test]
    fn xml_removes_forbidden_characters() {
        assert_eq!(xml("a\u{0}b\u{ffff}"), "a\\u{0}b\\u{ffff}");
    }
}
