//! A bounded scan of read-only data for printable strings an audit cares about: URLs,
//! host names and Java package or class names. Everything else is dropped, so the result
//! stays small whatever the library holds.

use std::collections::HashSet;

use super::model::NativeStrings;

/// How much a scan may read and keep.
#[derive(Debug, Clone, Copy)]
pub struct ScanLimits {
    /// Most bytes of read-only data scanned per library.
    pub max_bytes: usize,
    /// Most strings kept per library (all kinds together).
    pub max_strings: usize,
    /// Shortest printable run considered (`qq.com` is 6).
    pub min_len: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            max_bytes: 16 << 20,
            max_strings: 4096,
            min_len: 5,
        }
    }
}

/// What a string was taken for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringClass {
    /// One or more URLs found inside the string.
    Urls(Vec<String>),
    /// The whole string is a host name.
    Host(String),
    /// Java package or class names (slashed, dotted, or from descriptors).
    JavaNames(Vec<String>),
}

/// Longest URL kept (a URL template in a long run of text would otherwise be kept whole).
const MAX_URL_LEN: usize = 512;

const URL_SCHEMES: [&str; 5] = ["https", "http", "wss", "ws", "ftp"];

/// Top-level domains accepted for a bare host name. Deliberately short: the generic ones
/// and the country codes common in Chinese apps' back ends, minus the ones that are also
/// file extensions (`.so`, `.sh`, `.py`, `.md`, `.rs`, `.pl`, `.js` ...) so that
/// `libz.so` or `build.sh` are not taken for hosts.
const TLDS: &[&str] = &[
    "com", "net", "org", "cn", "io", "info", "biz", "gov", "edu", "mil", "int", "me", "co", "cc",
    "tv", "xyz", "top", "app", "dev", "cloud", "tech", "site", "online", "ai", "us", "uk", "de",
    "jp", "kr", "hk", "tw", "mo", "sg", "ru", "fr", "eu", "in", "vn", "id", "th", "my", "ph", "br",
    "au", "ca", "nl", "it", "es", "ch", "se", "pro", "mobi", "name", "link", "club", "shop", "vip",
    "work", "ltd", "group", "wang", "ink", "fun", "live",
];

/// First segments that make a dotted or slashed name a Java package without further proof.
const JAVA_ROOTS: &[&str] = &[
    "com",
    "org",
    "net",
    "cn",
    "io",
    "android",
    "androidx",
    "java",
    "javax",
    "kotlin",
    "kotlinx",
    "dalvik",
    "sun",
    "libcore",
    "me",
    "de",
    "tv",
    "okhttp3",
    "okio",
    "retrofit2",
];

/// Scan `regions` (read-only data of one library) and keep what classifies.
pub fn scan(regions: &[&[u8]], limits: ScanLimits) -> NativeStrings {
    let mut out = NativeStrings::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut budget = limits.max_bytes;
    'regions: for region in regions {
        let take = region.len().min(budget);
        let Some(data) = region.get(..take) else {
            break;
        };
        budget -= take;
        out.scanned_bytes = out.scanned_bytes.saturating_add(take as u64);
        if take < region.len() {
            out.truncated = true;
        }
        for run in printable_runs(data, limits.min_len) {
            // Printable ASCII is valid UTF-8; a failure here is impossible but not a panic.
            let Ok(text) = std::str::from_utf8(run) else {
                continue;
            };
            let Some(class) = classify(text) else {
                continue;
            };
            let (list, items) = match class {
                StringClass::Urls(urls) => (&mut out.urls, urls),
                StringClass::Host(host) => (&mut out.hosts, vec![host]),
                StringClass::JavaNames(names) => (&mut out.java_names, names),
            };
            for item in items {
                if seen.len() >= limits.max_strings {
                    out.truncated = true;
                    break 'regions;
                }
                if seen.insert(item.clone()) {
                    list.push(item);
                }
            }
        }
        if budget == 0 {
            break;
        }
    }
    out
}

/// Maximal runs of printable ASCII (0x20..=0x7e) at least `min_len` long.
fn printable_runs(data: &[u8], min_len: usize) -> impl Iterator<Item = &[u8]> {
    data.split(|b| !(0x20..=0x7e).contains(b))
        .filter(move |run| run.len() >= min_len.max(1))
}

/// Classify one printable string; `None` drops it.
pub fn classify(text: &str) -> Option<StringClass> {
    let urls = find_urls(text);
    if !urls.is_empty() {
        return Some(StringClass::Urls(urls));
    }
    let trimmed = text.trim();
    if is_host(trimmed) {
        return Some(StringClass::Host(trimmed.to_ascii_lowercase()));
    }
    let names = java_names(trimmed);
    if !names.is_empty() {
        return Some(StringClass::JavaNames(names));
    }
    None
}

fn find_urls(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("://")) {
        let sep = from + found;
        from = sep + 3;
        let before = text.get(..sep).unwrap_or_default();
        let scheme_start = before
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let scheme = before.get(scheme_start..).unwrap_or_default();
        let scheme_lower = scheme.to_ascii_lowercase();
        // Take the longest scheme that ends the word (`xhttps` holds `https`).
        let Some(known) = URL_SCHEMES.iter().find(|s| scheme_lower.ends_with(*s)) else {
            continue;
        };
        let start = sep - known.len();
        let rest = text.get(from..).unwrap_or_default();
        let len = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
            .unwrap_or(rest.len());
        if len == 0 {
            continue;
        }
        let end = (from + len).min(start + MAX_URL_LEN);
        if let Some(url) = text.get(start..end).map(trim_url_tail)
            && url.len() > known.len() + 3
        {
            urls.push(url.to_string());
        }
        from += len;
    }
    urls
}

/// Drop sentence punctuation after a URL in running text (`see http://x.org/bugs.html):`),
/// keeping a `)` that closes a `(` inside the URL.
fn trim_url_tail(url: &str) -> &str {
    let mut url = url;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':']);
        let trimmed = match trimmed.strip_suffix(')') {
            Some(inner) if !inner.contains('(') => inner,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

/// A host name: dot-separated labels of letters, digits and `-`, at least one letter
/// outside the TLD, and a last label from [`TLDS`].
pub fn is_host(text: &str) -> bool {
    if text.len() > 253 || !text.contains('.') {
        return false;
    }
    let labels: Vec<&str> = text.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let valid_label = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !labels.iter().all(valid_label) {
        return false;
    }
    let Some((tld, rest)) = labels.split_last() else {
        return false;
    };
    let tld = tld.to_ascii_lowercase();
    TLDS.contains(&tld.as_str())
        && rest
            .iter()
            .any(|l| l.bytes().any(|b| b.is_ascii_alphabetic()))
}

fn is_java_identifier(s: &str) -> bool {
    let mut bytes = s.bytes();
    match bytes.next() {
        Some(b) if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {}
        _ => return false,
    }
    bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
}

/// Java names in a string: the whole string as a slashed or dotted name or a type
/// descriptor, or every `L...;` class type of a method signature (`(Ljava/lang/String;)V`,
/// as passed to `RegisterNatives` and `GetMethodID`).
fn java_names(text: &str) -> Vec<String> {
    if text.starts_with('(') {
        return signature_classes(text);
    }
    let body = text.trim_start_matches('[');
    if let Some(inner) = body.strip_prefix('L').and_then(|b| b.strip_suffix(';'))
        && is_slashed_name(inner, true)
    {
        return vec![inner.to_string()];
    }
    if is_slashed_name(text, false) || is_dotted_name(text) {
        return vec![text.to_string()];
    }
    Vec::new()
}

fn signature_classes(sig: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = sig;
    while let Some(start) = rest.find('L') {
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(end) = after.find(';') else {
            break;
        };
        let inner = after.get(..end).unwrap_or_default();
        if is_slashed_name(inner, true) {
            names.push(inner.to_string());
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    names
}

/// `com/baidu/location/Jni`. Without `trusted` (the text is not inside a descriptor), the
/// first segment must be a known root, or there must be three segments ending in a
/// capitalised class name, so `proc/self/maps` is not taken for a class.
fn is_slashed_name(text: &str, trusted: bool) -> bool {
    let segments: Vec<&str> = text.split('/').collect();
    if segments.len() < 2 || !segments.iter().all(|s| is_java_identifier(s)) {
        return false;
    }
    trusted || looks_like_package(&segments)
}

/// `com.baidu.location.Jni` (a host name was ruled out before).
fn is_dotted_name(text: &str) -> bool {
    let segments: Vec<&str> = text.split('.').collect();
    segments.len() >= 3
        && segments.iter().all(|s| is_java_identifier(s))
        && looks_like_package(&segments)
}

fn looks_like_package(segments: &[&str]) -> bool {
    let first = segments.first().copied().unwrap_or_default();
    let last = segments.last().copied().unwrap_or_default();
    JAVA_ROOTS.contains(&first)
        || (segments.len() >= 3
            && first
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && last.bytes().next().is_some_and(|b| b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_inside_text() {
        assert_eq!(
            classify("fetch https://api.example.com/v1?a=%s now"),
            Some(StringClass::Urls(vec![
                "https://api.example.com/v1?a=%s".into()
            ]))
        );
        assert_eq!(
            classify("a=http://x.cn/1 b=wss://y.io/s"),
            Some(StringClass::Urls(vec![
                "http://x.cn/1".into(),
                "wss://y.io/s".into()
            ]))
        );
        assert_eq!(classify("file:///sdcard/x"), None);
        assert_eq!(
            classify("see http://gcc.gnu.org/bugs.html):"),
            Some(StringClass::Urls(vec![
                "http://gcc.gnu.org/bugs.html".into()
            ]))
        );
        assert_eq!(
            classify("https://en.wikipedia.org/wiki/A_(b)."),
            Some(StringClass::Urls(vec![
                "https://en.wikipedia.org/wiki/A_(b)".into()
            ]))
        );
        assert_eq!(classify("http://"), None);
    }

    #[test]
    fn hosts_need_a_known_tld() {
        assert_eq!(
            classify("api.jpush.cn"),
            Some(StringClass::Host("api.jpush.cn".into()))
        );
        assert!(is_host("sdk.open.talkingdata.com"));
        assert!(!is_host("libz.so"));
        assert!(!is_host("build.sh"));
        assert!(!is_host("1.2.3"));
        assert!(!is_host("123.com"));
        assert!(!is_host("a..com"));
        assert!(!is_host("-a.com"));
    }

    #[test]
    fn java_names() {
        assert_eq!(
            classify("com/baidu/location/Jni"),
            Some(StringClass::JavaNames(vec![
                "com/baidu/location/Jni".into()
            ]))
        );
        assert_eq!(
            classify("Ljava/lang/String;"),
            Some(StringClass::JavaNames(vec!["java/lang/String".into()]))
        );
        assert_eq!(
            classify("(Landroid/content/Context;I[Ljava/lang/String;)Ljava/lang/Object;"),
            Some(StringClass::JavaNames(vec![
                "android/content/Context".into(),
                "java/lang/String".into(),
                "java/lang/Object".into()
            ]))
        );
        assert_eq!(
            classify("org.apache.http.client"),
            Some(StringClass::JavaNames(vec![
                "org.apache.http.client".into()
            ]))
        );
        assert_eq!(classify("proc/self/maps"), None);
        assert_eq!(classify("hello world"), None);
        assert_eq!(classify("v1.2.3"), None);
    }

    #[test]
    fn scan_dedupes_and_respects_limits() {
        let data = b"\0\x01api.jpush.cn\0api.jpush.cn\0junk!!\0com/x/y/Z\0https://a.com/b\0";
        let found = scan(&[data], ScanLimits::default());
        assert_eq!(found.hosts, vec!["api.jpush.cn".to_string()]);
        assert_eq!(found.java_names, vec!["com/x/y/Z".to_string()]);
        assert_eq!(found.urls, vec!["https://a.com/b".to_string()]);
        assert!(!found.truncated);

        let small = ScanLimits {
            max_bytes: 16,
            ..ScanLimits::default()
        };
        let cut = scan(&[data], small);
        assert_eq!(cut.scanned_bytes, 16);
        assert!(cut.truncated);
        assert_eq!(cut.hosts, vec!["api.jpush.cn".to_string()]);

        let one = ScanLimits {
            max_strings: 1,
            ..ScanLimits::default()
        };
        let capped = scan(&[data], one);
        assert_eq!(
            capped.hosts.len() + capped.java_names.len() + capped.urls.len(),
            1
        );
        assert!(capped.truncated);
    }
}
