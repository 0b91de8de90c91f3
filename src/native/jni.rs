//! Decoding `Java_...` export names back to the Java method they implement.
//!
//! The JNI specification ("Resolving Native Method Names") mangles
//! `Java_<class>_<method>[__<argument signature>]`: `/` becomes `_`, and the characters a
//! C identifier cannot hold are escaped: `_1` is `_`, `_2` is `;`, `_3` is `[`, and
//! `_0xxxx` is the UTF-16 code unit `xxxx`. Java identifiers never start with a digit, so a
//! `_` followed by a digit is always an escape; `__` opens the argument signature unless
//! the next segment itself starts with an escape (`_1` or `_0xxxx`).

use super::model::JniMethod;

/// A decoded piece of a mangled name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Char(char),
    /// A plain `_`: `/` in a class name, or the class/method boundary.
    Sep,
    /// `__`: the argument signature follows.
    SigStart,
}

/// Decode a `Java_...` symbol. `None` when `symbol` is not a well-formed JNI name.
pub fn decode(symbol: &str) -> Option<JniMethod> {
    let mangled = symbol.strip_prefix("Java_")?;
    let tokens = tokenize(mangled.as_bytes())?;
    let (name, sig) = match tokens.iter().position(|t| *t == Token::SigStart) {
        Some(at) => (tokens.get(..at)?, Some(tokens.get(at + 1..)?)),
        None => (&tokens[..], None),
    };

    let mut segments: Vec<String> = vec![String::new()];
    for token in name {
        match token {
            Token::Char(c) => segments.last_mut()?.push(*c),
            Token::Sep => segments.push(String::new()),
            Token::SigStart => return None,
        }
    }
    if segments.len() < 2 || segments.iter().any(String::is_empty) {
        return None;
    }
    let method = segments.pop()?;
    let class = segments.join(".");
    let descriptor = format!("L{};", segments.join("/"));

    let args = match sig {
        Some(sig) => {
            let mut out = String::from("(");
            for token in sig {
                match token {
                    Token::Char(c) => out.push(*c),
                    Token::Sep => out.push('/'),
                    Token::SigStart => return None,
                }
            }
            out.push(')');
            Some(out)
        }
        None => None,
    };
    Some(JniMethod {
        symbol: symbol.to_string(),
        class,
        descriptor,
        method,
        args,
    })
}

fn tokenize(bytes: &[u8]) -> Option<Vec<Token>> {
    let mut tokens = Vec::with_capacity(bytes.len());
    let mut seen_sig = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'_' {
            if !b.is_ascii_alphanumeric() {
                return None;
            }
            tokens.push(Token::Char(char::from(b)));
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'1') => {
                tokens.push(Token::Char('_'));
                i += 2;
            }
            Some(b'2') => {
                tokens.push(Token::Char(';'));
                i += 2;
            }
            Some(b'3') => {
                tokens.push(Token::Char('['));
                i += 2;
            }
            Some(b'0') => {
                let (c, used) = unicode_escape(bytes, i)?;
                tokens.push(Token::Char(c));
                i += used;
            }
            Some(b'_') => {
                // `__1...`/`__0...`: a separator, then a segment starting with an escape.
                if matches!(bytes.get(i + 2), Some(b'1' | b'0')) {
                    tokens.push(Token::Sep);
                    i += 1;
                } else if !seen_sig {
                    seen_sig = true;
                    tokens.push(Token::SigStart);
                    i += 2;
                } else {
                    return None;
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                tokens.push(Token::Sep);
                i += 1;
            }
            // A trailing `_`, or `_4`..`_9`, which the mangling never produces.
            _ => return None,
        }
    }
    Some(tokens)
}

/// Decode `_0xxxx` at `at` (and a following low surrogate `_0xxxx` when `xxxx` is a high
/// surrogate). Returns the character and the bytes consumed.
fn unicode_escape(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let unit = hex4(bytes, at + 2)?;
    if (0xd800..0xdc00).contains(&unit) {
        if bytes.get(at + 6) != Some(&b'_') || bytes.get(at + 7) != Some(&b'0') {
            return None;
        }
        let low = hex4(bytes, at + 8)?;
        if !(0xdc00..0xe000).contains(&low) {
            return None;
        }
        let code = 0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(low) - 0xdc00);
        return Some((char::from_u32(code)?, 12));
    }
    Some((char::from_u32(u32::from(unit))?, 6))
}

fn hex4(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = bytes.get(at..at.checked_add(4)?)?;
    let text = std::str::from_utf8(digits).ok()?;
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(text, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(symbol: &str) -> Option<(String, String, Option<String>)> {
        decode(symbol).map(|m| (m.class, m.method, m.args))
    }

    #[test]
    fn short_form() {
        let m = decode("Java_com_baidu_location_Jni_ee").unwrap();
        assert_eq!(m.class, "com.baidu.location.Jni");
        assert_eq!(m.descriptor, "Lcom/baidu/location/Jni;");
        assert_eq!(m.method, "ee");
        assert_eq!(m.args, None);
    }

    #[test]
    fn escapes_and_overloads() {
        assert_eq!(
            parts("Java_com_example_Foo_bar__Ljava_lang_String_2"),
            Some((
                "com.example.Foo".into(),
                "bar".into(),
                Some("(Ljava/lang/String;)".into())
            ))
        );
        assert_eq!(
            parts("Java_p_Q_set_1value__I_3B"),
            Some(("p.Q".into(), "set_value".into(), Some("(I[B)".into())))
        );
        assert_eq!(
            parts("Java_p_Outer_00024Inner_run"),
            Some(("p.Outer$Inner".into(), "run".into(), None))
        );
        assert_eq!(
            parts("Java_p__1hidden_m"),
            Some(("p._hidden".into(), "m".into(), None))
        );
        assert_eq!(
            parts("Java_p_A_m__"),
            Some(("p.A".into(), "m".into(), Some("()".into())))
        );
        assert_eq!(
            parts("Java_p_A_m___3Ljava_lang_Object_2"),
            Some((
                "p.A".into(),
                "m".into(),
                Some("([Ljava/lang/Object;)".into())
            ))
        );
        assert_eq!(
            parts("Java_p_\u{0}"),
            None,
            "non-alphanumeric bytes are not mangled output"
        );
        assert_eq!(
            parts("Java_cn__04e2d_05fc3_m"),
            Some(("cn.中心".into(), "m".into(), None))
        );
        assert_eq!(
            parts("Java_p_A_0d83d_0de00_m").map(|p| p.0),
            Some("p.A😀".into())
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "Java_",
            "Java_Foo",
            "Java_p_A_",
            "Java_p_A_9x",
            "Java_p_A_0zzzz",
            "Java_p_A_0d83d_m",
            "Java_p_A_m__I__I",
            "JNI_OnLoad",
            "Java_p__A",
        ] {
            assert!(decode(bad).is_none(), "{bad} should not decode");
        }
    }
}
