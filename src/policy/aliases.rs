//! SDK names as policies write them → signature ids. Built from any `(alias, sdk_id)`
//! iterator (the catalogue's `aliases()`, a test list, a user's file), so the policy reader
//! does not depend on the catalogue's internals.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dictionary::text::{normalize, on_word_boundaries};

/// Words around an SDK name that do not change which SDK it is (`阿里高德地图`, `高德SDK`).
const GENERIC_WORDS: &[&str] = &[
    "sdk",
    "开发包",
    "工具包",
    "软件开发工具包",
    "插件",
    "组件",
    "服务",
    "的",
    "官方",
    "客户端",
    "版",
    "阿里巴巴",
    "阿里云",
    "阿里",
    "腾讯",
    "百度",
    "字节跳动",
    "cloud",
    "android",
    "安卓",
    "open",
    "api",
];

/// Words saying what an SDK is for, around its name (`优量汇广告SDK`, `OkHttp工具类SDK`,
/// `华为PUSH`). Tried last: within one vendor's family they do tell SDKs apart
/// (`友盟社会化分享` is not `友盟`), so only when nothing else resolves.
const PURPOSE_WORDS: &[&str] = &[
    "广告联盟",
    "广告",
    "消息推送",
    "推送",
    "push",
    "统计分析",
    "移动统计",
    "统计",
    "社交化分享",
    "社会化分享",
    "分享",
    "工具类",
    "工具",
    "框架",
    "引擎",
    "联盟",
    "平台",
    "通道",
    "消息服务",
];

/// An alias table: normalised alias → sdk ids (an alias may name several SDKs, like
/// `高德SDK`; the first id given wins as the primary one).
#[derive(Debug, Default)]
pub struct Aliases {
    ids: HashMap<String, Vec<String>>,
    patterns: Vec<String>,
    ac: Option<AhoCorasick>,
}

impl Aliases {
    /// Build from `(alias, sdk_id)` pairs, in the order given.
    pub fn new<A, I>(pairs: impl IntoIterator<Item = (A, I)>) -> Aliases
    where
        A: AsRef<str>,
        I: AsRef<str>,
    {
        let mut ids: HashMap<String, Vec<String>> = HashMap::new();
        let mut patterns = Vec::new();
        for (alias, id) in pairs {
            let key = normalize(alias.as_ref());
            // One-character aliases match inside too many words to be useful.
            if key.chars().count() < 2 || id.as_ref().is_empty() {
                continue;
            }
            let entry = ids.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                Vec::new()
            });
            if !entry.iter().any(|x| x == id.as_ref()) {
                entry.push(id.as_ref().to_owned());
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Aliases { ids, patterns, ac }
    }

    /// No aliases: every SDK stays unresolved.
    pub fn empty() -> Aliases {
        Aliases::default()
    }

    /// Number of distinct aliases.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The ids an SDK name resolves to, best first; empty when unresolved.
    ///
    /// Exact alias first (after normalisation), then with generic words stripped
    /// (`腾讯TMF SDK` → `tmf`), then the longest alias inside the name when what is left
    /// around it is only generic words (`阿里高德地图` → 高德地图, but not `华为联运应用` → 华为).
    pub fn resolve(&self, name: &str) -> Vec<&str> {
        let found = self.resolve_whole(name);
        if !found.is_empty() {
            return found;
        }
        // `com.amap.api(高德)`, `umeng（友盟）`: the words in brackets, then those before.
        let key = normalize(name);
        if let Some((outer, inner)) = key.split_once('(') {
            let inner = inner.trim_end_matches(')');
            for part in [inner, outer] {
                if !part.is_empty() && part != key {
                    let ids = self.resolve_whole(part);
                    if !ids.is_empty() {
                        return ids;
                    }
                }
            }
        }
        Vec::new()
    }

    fn resolve_whole(&self, name: &str) -> Vec<&str> {
        let key = normalize(name);
        if let Some(ids) = self.lookup(&key) {
            return ids;
        }
        let stripped = strip_generic(&key);
        if !stripped.is_empty()
            && let Some(ids) = self.lookup(&stripped)
        {
            return ids;
        }
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let best = ac
            .find_iter(&key)
            .filter(|m| on_word_boundaries(&key, m.start(), m.end()))
            .max_by_key(|m| m.len());
        if let Some(m) = best {
            let rest = format!(
                "{}{}",
                key.get(..m.start()).unwrap_or(""),
                key.get(m.end()..).unwrap_or("")
            );
            if strip_generic(&rest).is_empty()
                && let Some(ids) = key.get(m.start()..m.end()).and_then(|a| self.lookup(a))
            {
                return ids;
            }
        }
        let bare = strip_words(&stripped, PURPOSE_WORDS);
        if !bare.is_empty()
            && bare != stripped
            && let Some(ids) = self.lookup(&bare)
        {
            return ids;
        }
        Vec::new()
    }

    /// Whether any alias occurs in `normalized` text.
    pub fn occurs_in(&self, normalized: &str) -> bool {
        !self.find(normalized).is_empty()
    }

    /// Alias occurrences in normalised text: (start, end, ids).
    pub fn find(&self, normalized: &str) -> Vec<(usize, usize, Vec<&str>)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_iter(normalized)
            .filter(|m| on_word_boundaries(normalized, m.start(), m.end()))
            .filter_map(|m| {
                let ids = self.lookup(self.patterns.get(m.pattern().as_usize())?)?;
                Some((m.start(), m.end(), ids))
            })
            .collect()
    }

    fn lookup(&self, key: &str) -> Option<Vec<&str>> {
        self.ids
            .get(key)
            .map(|v| v.iter().map(String::as_str).collect())
    }
}

/// Remove generic words and punctuation from a normalised name, and a company named
/// before it (`北京百度网讯科技有限公司的百度地图SDK`) or a leading item number.
fn strip_generic(key: &str) -> String {
    let key = key.rsplit_once("公司的").map_or(key, |(_, name)| name);
    let key = key.trim_start_matches(|c: char| c.is_ascii_digit());
    strip_words(key, GENERIC_WORDS)
}

/// Remove `words` (repeatedly, at either end) and punctuation.
fn strip_words(key: &str, words: &[&str]) -> String {
    let mut s: String = key.chars().filter(|c| c.is_alphanumeric()).collect();
    loop {
        let before = s.len();
        for w in words.iter().chain(GENERIC_WORDS) {
            if let Some(rest) = s.strip_suffix(w) {
                s = rest.to_owned();
            }
            if let Some(rest) = s.strip_prefix(w) {
                s = rest.to_owned();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A product's own name resolves to that product first, even where another product
    /// lists it as an alias (`百度地图`: Baidu Map's name, an alias of Baidu location).
    #[test]
    fn a_products_own_name_resolves_to_it_first() {
        let catalog = crate::catalog::Catalog::embedded();
        let aliases = Aliases::new(catalog.aliases());
        let mut own: HashMap<String, Vec<&str>> = HashMap::new();
        for sdk in catalog.sdks() {
            for n in std::iter::once(sdk.name.as_str()).chain(sdk.name_zh.as_deref()) {
                own.entry(normalize(n)).or_default().push(sdk.id.as_str());
            }
        }
        let mut checked = 0;
        for sdk in catalog.sdks() {
            let Some(zh) = sdk.name_zh.as_deref() else {
                continue;
            };
            // Names two products share say nothing about which one comes first.
            if own.get(&normalize(zh)).is_some_and(|ids| ids.len() > 1)
                || normalize(zh).chars().count() < 2
            {
                continue;
            }
            checked += 1;
            assert_eq!(
                aliases.resolve(zh).first().copied(),
                Some(sdk.id.as_str()),
                "{zh}"
            );
        }
        assert!(checked > 50, "only {checked} products checked");
        assert_eq!(
            aliases.resolve("百度地图").first().copied(),
            Some("baidu-map")
        );
    }

    fn table() -> Aliases {
        Aliases::new([
            ("高德地图", "amap-map"),
            ("高德地图", "amap-location"),
            ("高德导航SDK", "amap-navi"),
            ("华为", "huawei-push"),
            ("腾讯TMF", "tencent-tmf"),
            ("极光推送", "jpush"),
        ])
    }

    #[test]
    fn resolves_exact_stripped_and_contained_names() {
        let a = table();
        assert_eq!(a.resolve("高德地图"), ["amap-map", "amap-location"]);
        assert_eq!(a.resolve("高德导航sdk"), ["amap-navi"]);
        assert_eq!(a.resolve("腾讯TMF SDK"), ["tencent-tmf"]);
        assert_eq!(a.resolve("阿里高德地图"), ["amap-map", "amap-location"]);
        assert_eq!(a.resolve("極光推送SDK"), ["jpush"]);
        assert!(a.resolve("华为联运应用").is_empty());
        assert!(a.resolve("视频播放器SDK").is_empty());
    }
}
