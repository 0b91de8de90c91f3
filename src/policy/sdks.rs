//! Finding SDK entries: tables with an SDK-name column, SDK lists (numbered lines, or
//! entries run together in one paragraph of prose), and services only mentioned in passing.
//!
//! A list region starts at a short heading naming SDKs (`三、第三方sdk`) or after a prose
//! lead-in (`接入第三方SDK情形如下：`). Inside it the text is cut into units (lines,
//! sentences, and after each URL); an entry starts where a name is followed by a field label
//! (`功能类型：`, `个人信息类型：`, `官网链接：`), by `我们使用它`, or by a colon, or where a
//! unit is only a name. Labelled units after an entry are its fields; the region ends at
//! the first unit that fits none of these (or at a `四、`-style heading).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::aliases::Aliases;
use super::spans::Spans;
use super::tables::{Range, Role, Table};

/// A field of an SDK entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// SDK名称 (starts an entry).
    Name,
    /// 功能类型.
    Kind,
    /// 使用目的.
    Purpose,
    /// 个人信息类型.
    DataTypes,
    /// 权限.
    Permissions,
    /// 第三方名称 / 公司.
    Vendor,
    /// 官网链接.
    Link,
    /// `我们使用它…` or an unlabelled description line.
    Usage,
}

/// One listed SDK entry (a table row or a list item) before alias resolution.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Name ranges (a run-on group `A;B;C` gives several).
    pub names: Vec<Range>,
    /// Field values.
    pub fields: Vec<(Field, Range)>,
    /// Where this SDK's data types and permissions are read.
    pub scope: Vec<Range>,
    /// Table cells of a permission column (bare permission words count there).
    pub permission_cells: Vec<Range>,
    /// The whole entry.
    pub span: Range,
}

impl Entry {
    /// The first value of a field.
    pub fn field(&self, f: Field) -> Option<Range> {
        self.fields.iter().find(|(k, _)| *k == f).map(|&(_, r)| r)
    }
}

const LABELS: &[(&str, Field)] = &[
    ("sdk名称", Field::Name),
    ("第三方sdk名称", Field::Name),
    ("sdk服务名称", Field::Name),
    ("插件名称", Field::Name),
    ("功能类型", Field::Kind),
    ("sdk类型", Field::Kind),
    ("服务类型", Field::Kind),
    ("使用目的", Field::Purpose),
    ("收集使用目的", Field::Purpose),
    ("使用场景", Field::Purpose),
    ("用途", Field::Purpose),
    ("目的", Field::Purpose),
    ("功能描述", Field::Purpose),
    ("功能说明", Field::Purpose),
    ("业务场景", Field::Purpose),
    ("应用场景", Field::Purpose),
    ("功能", Field::Purpose),
    ("个人信息类型", Field::DataTypes),
    ("收集个人信息类型", Field::DataTypes),
    ("收集个人信息的类型", Field::DataTypes),
    ("收集个人信息", Field::DataTypes),
    ("收集的个人信息", Field::DataTypes),
    ("个人信息字段", Field::DataTypes),
    ("收集的信息", Field::DataTypes),
    ("收集信息", Field::DataTypes),
    ("涉及个人信息", Field::DataTypes),
    ("信息类型", Field::DataTypes),
    ("数据类型", Field::DataTypes),
    ("使用的个人信息", Field::DataTypes),
    ("个人信息", Field::DataTypes),
    ("权限", Field::Permissions),
    ("申请权限", Field::Permissions),
    ("所需权限", Field::Permissions),
    ("涉及权限", Field::Permissions),
    ("调用权限", Field::Permissions),
    ("使用权限", Field::Permissions),
    ("系统权限", Field::Permissions),
    ("设备权限", Field::Permissions),
    ("权限名称", Field::Permissions),
    ("第三方名称", Field::Vendor),
    ("第三方主体", Field::Vendor),
    ("第三方公司名称", Field::Vendor),
    ("第三方公司", Field::Vendor),
    ("公司名称", Field::Vendor),
    ("所属公司", Field::Vendor),
    ("开发者", Field::Vendor),
    ("开发商", Field::Vendor),
    ("提供方", Field::Vendor),
    ("sdk提供方", Field::Vendor),
    ("提供者", Field::Vendor),
    ("运营方", Field::Vendor),
    ("主体名称", Field::Vendor),
    ("企业名称", Field::Vendor),
    ("合作方", Field::Vendor),
    ("共享方", Field::Vendor),
    ("官网链接", Field::Link),
    ("官网", Field::Link),
    ("官网地址", Field::Link),
    ("官方链接", Field::Link),
    ("链接", Field::Link),
    ("网址", Field::Link),
    ("隐私政策链接", Field::Link),
    ("隐私权政策链接", Field::Link),
    ("隐私政策地址", Field::Link),
    ("隐私政策", Field::Link),
    ("第三方隐私政策", Field::Link),
    ("sdk隐私政策", Field::Link),
    ("隐私协议", Field::Link),
    ("官方网站", Field::Link),
    ("网站", Field::Link),
    ("公司全称", Field::Vendor),
    ("全称", Field::Vendor),
    ("服务商", Field::Vendor),
    ("收集数据类型", Field::DataTypes),
    ("共享信息", Field::DataTypes),
    ("场景描述", Field::Purpose),
    ("处理目的", Field::Purpose),
];

/// Words that may stand before a label (`共享的个人信息类型：`, `涉及的个人信息：`).
const LABEL_QUALIFIERS: &[&str] = &[
    "共享的",
    "收集的",
    "涉及的",
    "使用的",
    "获取的",
    "共享",
    "收集",
    "涉及",
    "获取",
    "处理的",
    "第三方",
    "合作方",
    "对方",
];

/// Words that introduce what the app does with an SDK, without a colon.
const MARKERS: &[&str] = &[
    "我们使用它",
    "我们通过它",
    "我们使用该sdk",
    "我们使用该",
    "我们利用它",
];

struct LabelMatcher {
    ac: AhoCorasick,
    fields: Vec<Option<Field>>,
}

fn labels() -> Option<&'static LabelMatcher> {
    static M: OnceLock<Option<LabelMatcher>> = OnceLock::new();
    M.get_or_init(|| {
        let mut pats: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
        let mut fields: Vec<Option<Field>> = LABELS.iter().map(|&(_, f)| Some(f)).collect();
        pats.extend(MARKERS);
        fields.extend(MARKERS.iter().map(|_| None));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .ok()?;
        Some(LabelMatcher { ac, fields })
    })
    .as_ref()
}

/// A label or marker inside a unit: (start, end of the label incl. colon, field).
fn find_labels(text: &str, r: Range) -> Vec<(usize, usize, Field)> {
    let Some(m) = labels() else { return Vec::new() };
    let s = text.get(r.0..r.1).unwrap_or("");
    m.ac.find_iter(s)
        .filter_map(|hit| {
            let field = m.fields.get(hit.pattern().as_usize()).copied()?;
            let after = s.get(hit.end()..).and_then(|t| t.chars().next());
            // `共享的个人信息类型：` at the start of a line is a label too: qualifying
            // words before a known label belong to it (never a name: `华为功能类型：`).
            let lead = s.get(..hit.start()).unwrap_or("");
            let start = if after == Some(':') && LABEL_QUALIFIERS.contains(&lead) {
                0
            } else {
                hit.start()
            };
            match field {
                Some(f) if after == Some(':') => Some((r.0 + start, r.0 + hit.end() + 1, f)),
                Some(_) => None,
                None => Some((r.0 + hit.start(), r.0 + hit.end(), Field::Usage)),
            }
        })
        .collect()
}

/// A unit of list text: a line, or a sentence or URL-terminated piece of a line.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    whole_line: bool,
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+=%".contains(c)
}

fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of piece, start of next)
        let mut chars = body.char_indices().peekable();
        let mut prev = ' ';
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if c == '。' || c == '!' || c == '?' {
                cuts.push((i, i + c.len_utf8()));
            } else if c == '.' && next.is_some_and(|n| !n.is_ascii()) && !prev.is_ascii_digit() {
                cuts.push((i, i + 1));
            } else if c == 'h'
                && (body
                    .get(i..)
                    .is_some_and(|r| r.starts_with("http://") || r.starts_with("https://")))
            {
                let len: usize = body
                    .get(i..)
                    .unwrap_or("")
                    .chars()
                    .take_while(|&u| is_url_char(u))
                    .map(char::len_utf8)
                    .sum();
                let end = i + len;
                if end < body.len() {
                    cuts.push((end, end));
                }
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                prev = '/';
                continue;
            }
            prev = c;
        }
        let mut pieces = Vec::new();
        let mut s = 0;
        for (e, n) in cuts {
            pieces.push((s, e));
            s = n;
        }
        pieces.push((s, body.len()));
        let pieces: Vec<(usize, usize)> = pieces
            .into_iter()
            .filter_map(|(a, b)| trim(body, (a, b)))
            .collect();
        let whole = pieces.len() == 1;
        out.extend(pieces.into_iter().map(|(a, b)| Unit {
            start: line_start + a,
            end: line_start + b,
            whole_line: whole,
        }));
        line_start += line.len();
    }
    out
}

/// Trim spaces and separator punctuation from both ends of a range.
pub fn trim(text: &str, r: Range) -> Option<Range> {
    let s = text.get(r.0..r.1)?;
    let junk = |c: char| c.is_whitespace() || ",;:、。.·•◼▪*-—|\"“”'‘’【】[]".contains(c);
    let t = s.trim_start_matches(junk);
    let a = r.0 + (s.len() - t.len());
    let t = t.trim_end_matches(junk);
    let b = a + t.len();
    (b > a).then_some((a, b))
}

/// Skip a list number at the start of a range (`1、`, `(2)`, `3.`, `①`, `一、`).
fn strip_numbering(text: &str, r: Range) -> Range {
    let s = text.get(r.0..r.1).unwrap_or("");
    // Section numbers `1.2.1 ` / `2.1.3、`.
    let dotted = s
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if dotted > 0
        && s.get(..dotted).is_some_and(|d| d.matches('.').count() >= 2)
        && let Some(next) = s.get(dotted..).and_then(|t| t.chars().next())
        && (next == ' ' || next == '、' || !next.is_ascii())
    {
        let skip = if next == ' ' || next == '、' {
            next.len_utf8()
        } else {
            0
        };
        return (r.0 + dotted + skip, r.1);
    }
    let mut chars = s.char_indices().peekable();
    let mut end = 0;
    if let Some(&(_, c)) = chars.peek() {
        if ('①'..='⑳').contains(&c) {
            return (r.0 + c.len_utf8(), r.1);
        }
        let open = c == '(';
        if open {
            chars.next();
        }
        let mut digits = 0;
        while let Some(&(i, d)) = chars.peek() {
            if d.is_ascii_digit()
                || "一二三四五六七八九十".contains(d)
                || (digits == 0 && d.is_ascii_lowercase() && !open)
            {
                digits += 1;
                end = i + d.len_utf8();
                chars.next();
                if d.is_ascii_lowercase() {
                    break;
                }
            } else {
                break;
            }
        }
        if digits > 0
            && let Some(&(i, d)) = chars.peek()
            && ("、.)".contains(d) || (open && d == ')'))
        {
            // `3.1` section numbers and `2.基于...` both end at the dot.
            end = i + d.len_utf8();
            return (r.0 + end, r.1);
        }
    }
    let _ = end;
    r
}

fn is_heading(text: &str, u: &Unit) -> bool {
    let s = text.get(u.start..u.end).unwrap_or("");
    let mut chars = s.chars();
    let first = chars.next();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    if first.is_some_and(numeral) {
        let rest: String = s.chars().skip_while(|&c| numeral(c)).take(1).collect();
        return rest == "、" || rest == "." || rest == " ";
    }
    first == Some('第')
        && s.chars()
            .nth(1)
            .is_some_and(|c| numeral(c) || c.is_ascii_digit())
}

fn heading_trigger(text: &str, u: &Unit) -> bool {
    let s = text.get(u.start..u.end).unwrap_or("");
    u.whole_line
        && s.chars().count() <= 40
        && (s.contains("sdk")
            || (s.contains("第三方")
                && ["服务", "插件", "合作", "清单", "列表", "共享"]
                    .iter()
                    .any(|w| s.contains(w))))
}

/// Where a prose lead-in (`…SDK情形如下：`) ends, if the unit has one.
fn prose_trigger(text: &str, u: &Unit) -> Option<usize> {
    // The unit's trailing colon was trimmed off (`目前这些SDK包括：`): look at it too.
    let end = if text.get(u.end..).is_some_and(|t| t.starts_with(':')) {
        u.end + 1
    } else {
        u.end
    };
    let s = text.get(u.start..end)?;
    if !(s.contains("sdk") || s.contains("第三方")) {
        return None;
    }
    for (i, _) in s.match_indices(':') {
        let before = s.get(..i)?;
        let tail: String = before.chars().rev().take(8).collect();
        let tail: String = tail.chars().rev().collect();
        if ["如下", "以下", "包括", "清单", "列表"]
            .iter()
            .any(|w| tail.contains(w))
            && (before.contains("sdk") || before.contains("第三方"))
        {
            return Some(u.start + i + 1);
        }
    }
    None
}

/// Words after `SDK` that make the phrase something about SDKs, not a name
/// (`SDK接入`, `SDK的目的`, `SDK服务列表`, `SDK包括`).
fn sdk_then_words(s: &str) -> bool {
    s.rfind("sdk").is_some_and(|i| {
        s.get(i + 3..)
            .unwrap_or("")
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphanumeric())
    })
}

/// `s` without bracketed parts (`push sdk(华为、小米)` → `push sdk`).
fn without_brackets(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// Not a name at all: digits only, or a phrase about policies and companies.
pub(crate) fn not_a_name(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphabetic())
        || [
            "隐私政策",
            "了解",
            "的sdk",
            "基于",
            "third",
            "this sdk",
            " by ",
            " list",
            "privacy",
        ]
        .iter()
        .any(|w| s.contains(w))
        || s.starts_with('的')
        || sdk_then_words(&without_brackets(s))
        || is_generic_sdk(s)
}

/// The value of a name label (`第三方SDK名称：爱听卓乐`): the label says it is an SDK, so a
/// short name needs no alias; a longer one must look like a name.
fn labelled_name(text: &str, r: Range, aliases: &Aliases) -> bool {
    let s = text.get(r.0..r.1).unwrap_or("");
    name_like(text, r, aliases)
        || (!not_a_name(s)
            && (1..=12).contains(&s.chars().count())
            && !s.contains([',', ':'])
            && !is_url(s))
}

/// A name, or a run-on group of names: short, no sentence punctuation, names an SDK.
fn name_like(text: &str, r: Range, aliases: &Aliases) -> bool {
    let s = text.get(r.0..r.1).unwrap_or("");
    let n = s.chars().count();
    !not_a_name(s)
        && (1..=40).contains(&n)
        && !s.contains(',')
        && ![
            "我们",
            "您",
            "如下",
            "以下",
            "包括",
            "第三方sdk",
            "用于",
            "请",
            "收集",
        ]
        .iter()
        .any(|w| s.contains(w))
        && (s.contains("sdk") || aliases.occurs_in(s))
}

/// Verbs that start a permission's description, never an SDK name.
const ACTION_WORDS: &[&str] = &[
    "读取", "写入", "获取", "检索", "开机", "访问", "修改", "允许", "开启", "拨打", "发送", "接收",
    "录制", "拍摄", "查看", "更改", "控制", "连接", "管理", "使用", "调用", "申请", "防止", "唤醒",
];

/// A unit that is only a link (`[https://www.umeng.com](…)`, `<https://…>`).
fn unit_is_url(text: &str, u: &Unit) -> bool {
    let s = text.get(u.start..u.end).unwrap_or("");
    let t = s.trim_start_matches(['[', '<', '(', '《']);
    t.starts_with("http") || t.starts_with("www.")
}

/// Fields that describe an SDK record (not a permission record, which has purposes only).
fn record_field(f: Field) -> bool {
    matches!(
        f,
        Field::Vendor | Field::Link | Field::DataTypes | Field::Kind | Field::Permissions
    )
}

/// A record block's name line: a short whole line that is no label and no sentence,
/// followed directly by `key：value` lines of which one names the company, the link, the
/// data or the permissions (`七鱼` / `使用目的：联系客服` / `共享的个人信息类型：…`).
fn record_name(text: &str, units: &[Unit], k: usize, aliases: &Aliases) -> bool {
    let Some(u) = units.get(k) else { return false };
    let Some(r) = trim(text, strip_numbering(text, (u.start, u.end))) else {
        return false;
    };
    let s = text.get(r.0..r.1).unwrap_or("");
    if !u.whole_line
        || s.chars().count() > 30
        || s.contains(':')
        || s.contains(',')
        || s.contains("权限")
        || ["提供", "公司", "联系", "方式", "政策"].iter().any(|w| s.contains(w))
        // A permission record (`读取手机状态和身份` / `使用目的：…`) names an action.
        || ACTION_WORDS.iter().any(|w| s.starts_with(w))
        || s.contains('、')
        || s.ends_with("信息")
        || s.matches(')').count() != s.matches('(').count()
        || not_a_name(s)
    {
        return false;
    }
    let mut saw_record_field = false;
    for next in units.iter().skip(k + 1).take(4) {
        let Some(nr) = trim(text, (next.start, next.end)) else {
            break;
        };
        let found = find_labels(text, nr);
        match found.first() {
            Some(&(p, _, f)) if p == nr.0 && f != Field::Name && f != Field::Usage => {
                saw_record_field |= record_field(f) || found.iter().any(|x| record_field(x.2));
            }
            _ => break,
        }
    }
    saw_record_field && (aliases.occurs_in(s) || s.chars().count() <= 20)
}

/// Words of a sentence or a pointer (`详见`, `请访问`), never of a bare name line.
const NOT_IN_NAME_LINE: &[&str] = &[
    "我们", "您", "请", "详见", "访问", "查看", "了解", "如下", "以下", "包括", "链接", "政策",
    "协议", "公司", "提供", "权限",
];

/// A bare name line of a list: a short whole line, no sentence or label punctuation, no
/// sentence words, followed directly (no blank line) by a line that is only a link or a
/// note (`注：…`).
fn linked_name(text: &str, units: &[Unit], k: usize) -> bool {
    let (Some(u), Some(next)) = (units.get(k), units.get(k + 1)) else {
        return false;
    };
    let Some(r) = trim(text, strip_numbering(text, (u.start, u.end))) else {
        return false;
    };
    let s = text.get(r.0..r.1).unwrap_or("");
    let n = s.chars().count();
    let next_s = text.get(next.start..next.end).unwrap_or("");
    u.whole_line
        && next.whole_line
        && (2..=30).contains(&n)
        && !s.contains([',', ':', '。', ';', '?', '!', '《', '》'])
        && !s.ends_with("信息")
        && !ACTION_WORDS.iter().any(|w| s.starts_with(w))
        && !NOT_IN_NAME_LINE.iter().any(|w| s.contains(w))
        && !not_a_name(s)
        && !is_url(s)
        && !text
            .get(u.end..next.start)
            .unwrap_or("\n\n")
            .contains("\n\n")
        && (unit_is_url(text, next) || next_s.starts_with("注:"))
}

/// The names of a bare name line: items joined by `、`, each of at least two characters;
/// else the whole line.
fn split_names_list(text: &str, r: Range) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    if s.contains('、') {
        let parts: Vec<Range> = s
            .split('、')
            .scan(r.0, |at, part| {
                let start = *at;
                *at += part.len() + '、'.len_utf8();
                Some((start, start + part.len()))
            })
            .filter_map(|p| trim(text, p))
            .collect();
        if parts
            .iter()
            .all(|p| text.get(p.0..p.1).is_some_and(|x| x.chars().count() >= 2))
        {
            return parts;
        }
    }
    vec![r]
}

/// Whether a numbered item's names are SDKs: each says SDK or, in a unit that says SDK,
/// resolves; or the item is a kind of SDK with its products in brackets
/// (`（1）活体认证SDK(FACE++/腾讯云人脸识别)`), one of which resolves.
fn numbered_sdk_item(text: &str, u: &Unit, names: &[Range], aliases: &Aliases) -> bool {
    let unit = text.get(u.start..u.end).unwrap_or("");
    let says_sdk = unit.contains("sdk");
    let resolves = |r: &Range| !aliases.resolve(text.get(r.0..r.1).unwrap_or("")).is_empty();
    let head = unit.split('(').next().unwrap_or("");
    !names.is_empty()
        && (names
            .iter()
            .all(|r| names_sdk(text, *r) || (says_sdk && resolves(r)))
            || (names.len() >= 2
                && head.contains("sdk")
                && unit.contains(')')
                && names.iter().any(resolves)))
}

/// A record `“名称”：由“公司”提供…` (or `“TBS” 腾讯浏览服务，由…提供`): the quoted name at
/// the start of a (numbered) unit, `由` soon after it and `提供` later.
fn quoted_record(text: &str, r: Range) -> Option<Range> {
    let r = strip_numbering(text, r);
    let s = text.get(r.0..r.1)?;
    let lead = s.len() - s.trim_start().len();
    let s = s.trim_start();
    let close = match s.chars().next()? {
        '“' => '”',
        '"' => '"',
        _ => return None,
    };
    let open_len = 1 + usize::from(close == '”') * 2;
    let inner = s.get(open_len..)?;
    let len = inner
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == close)
        .map(|(i, _)| i)?;
    let after = inner.get(len + close.len_utf8()..)?;
    let by = after
        .char_indices()
        .take(20)
        .find(|&(i, _)| after.get(i..).is_some_and(|t| t.starts_with('由')))?;
    if !after.get(by.0..)?.contains("提供") {
        return None;
    }
    let name = trim(text, (r.0 + lead + open_len, r.0 + lead + open_len + len))?;
    (!not_a_name(text.get(name.0..name.1)?)).then_some(name)
}

/// Whether a unit starts with a list number (`（3）`, `2.`, `①`).
fn numbered(text: &str, u: &Unit) -> bool {
    strip_numbering(text, (u.start, u.end)).0 > u.start
}

/// Whether a name says it is an SDK or is a known alias.
fn names_sdk(text: &str, r: Range) -> bool {
    let s = text.get(r.0..r.1).unwrap_or("");
    s.contains("sdk") && s.chars().count() > 3 && !is_generic_sdk(s)
}

/// `第三方sdk`, `推送sdk`, `相关sdk`: words that say "an SDK" without naming one.
fn is_generic_sdk(s: &str) -> bool {
    let head = s.trim_end_matches("sdk").trim_end_matches(['的', ' ']);
    let mut rest = head;
    loop {
        let before = rest;
        for w in GENERIC_SDK_WORDS {
            rest = rest.trim_start_matches(w);
        }
        if rest == before {
            break;
        }
    }
    rest.is_empty()
}

/// Words that only qualify "SDK" (`第三方`, `合作方`, `上述`) or name a kind of SDK.
const GENERIC_SDK_WORDS: &[&str] = &[
    "第三方",
    "合作方",
    "合作伙伴",
    "这些",
    "该",
    "此",
    "这类",
    "此类",
    "各类",
    "相关",
    "上述",
    "以下",
    "其他",
    "其它",
    "部分",
    "一些",
    "某些",
    "对应",
    "我们",
    "他们",
    "集成",
    "接入",
    "使用",
    "嵌入",
    "内嵌",
    "的",
    "类",
    "服务",
    "推送",
    "统计",
    "分享",
    "广告",
    "支付",
    "登录",
    "地图",
    "定位",
    "基于",
    "各",
    "本",
    "等",
    "及",
    "和",
    "厂商",
    "手机",
    "功能",
    "工具",
    "数据",
    "信息",
];

/// Split an enumeration (`a、b和c`) into its items.
pub(crate) fn split_enumeration(text: &str, r: Range) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let sep = match c {
            '、' | ',' => Some(c.len_utf8()),
            '和' | '及' | '与' => Some(c.len_utf8()),
            '以' if s.get(i..).is_some_and(|t| t.starts_with("以及")) => Some("以及".len()),
            _ => None,
        };
        if let Some(len) = sep {
            out.extend(trim(text, (r.0 + start, r.0 + i)));
            start = i + len;
            while chars.peek().is_some_and(|&(j, _)| j < start) {
                chars.next();
            }
        }
    }
    out.extend(trim(text, (r.0 + start, r.1)));
    out
}

/// The names of an entry head: a run-on group (`A;B;C`), or, for a head with an
/// enumeration in brackets (`PUSH SDK(华为、小米、个推)`, `活体认证SDK(FACE++/腾讯云人脸识别)`),
/// the items in the brackets (and the head itself only when it resolves to an SDK).
fn names_of(text: &str, r: Range, aliases: &Aliases) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    if let Some(open) = s.find('(')
        && let Some(close) = s.rfind(')').filter(|&c| c > open)
    {
        let inner = (r.0 + open + 1, r.0 + close);
        let inner_text = text.get(inner.0..inner.1).unwrap_or("");
        if inner_text.contains(['、', '/', ',']) {
            let items: Vec<Range> = split_names(text, inner)
                .into_iter()
                .flat_map(|n| split_enumeration(text, n))
                .filter(|n| {
                    let t = text.get(n.0..n.1).unwrap_or("");
                    !not_a_name(t) && t.chars().count() <= 20
                })
                .collect();
            if items.len() >= 2 {
                let mut out = Vec::new();
                if let Some(head) = trim(text, (r.0, r.0 + open))
                    && !aliases
                        .resolve(text.get(head.0..head.1).unwrap_or(""))
                        .is_empty()
                {
                    out.push(head);
                }
                out.extend(items);
                return out;
            }
        }
    }
    split_names(text, r)
}

/// Split a run-on group (`高德地图;高德定位;高德导航sdk`) into names.
pub(crate) fn split_names(text: &str, r: Range) -> Vec<Range> {
    let s = text.get(r.0..r.1).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    if is_url(s) {
        return Vec::new();
    }
    for (i, c) in s.char_indices() {
        if c == ';' || c == '/' || c == '|' {
            out.extend(trim(text, (r.0 + start, r.0 + i)));
            start = i + c.len_utf8();
        }
    }
    out.extend(trim(text, (r.0 + start, r.1)));
    out
}

/// Fields from labels inside `r` (the value of each runs to the next label).
fn fields(text: &str, r: Range, found: &[(usize, usize, Field)]) -> Vec<(Field, Range)> {
    let mut out = Vec::new();
    for (k, &(_, value_start, f)) in found.iter().enumerate() {
        let value_end = found.get(k + 1).map_or(r.1, |&(s, _, _)| s);
        if let Some(v) = trim(text, (value_start, value_end)) {
            out.push((f, v));
        } else if f == Field::Usage {
            out.push((f, (value_start, value_start)));
        }
    }
    out
}

enum Kind {
    /// Only fields (continues the current entry).
    Fields(Vec<(Field, Range)>),
    /// Starts an entry: names and fields.
    Entry(Vec<Range>, Vec<(Field, Range)>),
    /// Neither.
    Other,
}

fn classify(text: &str, u: &Unit, aliases: &Aliases) -> Kind {
    let Some(r) = trim(text, strip_numbering(text, (u.start, u.end))) else {
        return Kind::Other;
    };
    if let Some(name) = quoted_record(text, r) {
        let rest: Vec<(Field, Range)> = trim(text, (name.1, r.1))
            .map(|v| (Field::Usage, v))
            .into_iter()
            .collect();
        return Kind::Entry(vec![name], rest);
    }
    let found = find_labels(text, r);
    // `…第三方SDK名称：腾讯广点通SDK、讯飞SDK，使用场景描述：…`: a name label inside a
    // sentence names an enumeration.
    if let Some(k) = found
        .iter()
        .position(|&(p, _, f)| f == Field::Name && p > r.0)
    {
        let fs = fields(text, r, found.get(k..).unwrap_or(&[]));
        if let Some((&(_, name), rest)) = fs.split_first() {
            let names: Vec<Range> = names_of(text, name, aliases)
                .into_iter()
                .flat_map(|n| {
                    if text.get(n.0..n.1).is_some_and(|t| t.contains('(')) {
                        vec![n]
                    } else {
                        split_enumeration(text, n)
                    }
                })
                .filter(|n| labelled_name(text, *n, aliases))
                .collect();
            if !names.is_empty() {
                return Kind::Entry(names, rest.to_vec());
            }
        }
    }
    if let Some(&(p, _, f)) = found.first() {
        let fs = fields(text, r, &found);
        if p == r.0 {
            if f == Field::Name
                && let Some(&(_, name)) = fs.first()
            {
                // `SDK名称：A、B、C`: an enumeration of names.
                let mut names = names_of(text, name, aliases);
                if text.get(name.0..name.1).is_some_and(|v| v.contains('、')) {
                    let items: Vec<Range> = names
                        .iter()
                        .flat_map(|n| split_enumeration(text, *n))
                        .filter(|n| name_like(text, *n, aliases))
                        .collect();
                    if !items.is_empty() {
                        names = items;
                    }
                }
                return Kind::Entry(names, fs.into_iter().skip(1).collect());
            }
            return Kind::Fields(fs);
        }
        if let Some(prefix) = trim(text, (r.0, p))
            && name_like(text, prefix, aliases)
        {
            return Kind::Entry(names_of(text, prefix, aliases), fs);
        }
    }
    let s = text.get(r.0..r.1).unwrap_or("");
    if let Some(colon) = s.find(':').filter(|&c| c <= 90)
        && let Some(prefix) = trim(text, (r.0, r.0 + colon))
        && name_like(text, prefix, aliases)
    {
        let rest: Vec<(Field, Range)> = trim(text, (r.0 + colon + 1, r.1))
            .map(|v| (Field::Usage, v))
            .into_iter()
            .collect();
        return Kind::Entry(names_of(text, prefix, aliases), rest);
    }
    if name_like(text, r, aliases) {
        return Kind::Entry(names_of(text, r, aliases), Vec::new());
    }
    Kind::Other
}

/// SDK entries of list regions.
pub fn list_entries(text: &str, aliases: &Aliases, tables: &[Table]) -> Vec<Entry> {
    // Table rows are read by `table_entries`; here they are skipped (a region may hold a table).
    let table_spans = Spans::new(tables.iter().map(|t| t.span));
    let units: Vec<Unit> = units(text)
        .into_iter()
        .filter(|u| !table_spans.contains((u.start, u.end)))
        .collect();
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_region = false;
    let mut misses = 0;
    let mut seen = 0;
    let mut current: Option<usize> = None;
    let mut has_desc = false;
    let mut last_end = 0;
    let mut i = 0;
    while i < units.len() {
        let Some(mut u) = units.get(i).copied() else {
            break;
        };
        i += 1;
        // A description line must follow its entry directly, not after a blank line.
        let adjacent = !text.get(last_end..u.start).unwrap_or("").contains("\n\n");
        last_end = u.end;
        if !in_region {
            if heading_trigger(text, &u) {
                (in_region, misses, seen, current) = (true, 0, 0, None);
                continue;
            }
            match prose_trigger(text, &u) {
                Some(pos) if pos < u.end => {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                    u = Unit {
                        start: pos,
                        end: u.end,
                        whole_line: false,
                    };
                }
                Some(_) => {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                    continue;
                }
                // A numbered item whose head names an SDK (`（3）科大讯飞SDK：为了…`) is a
                // list entry even where no heading or lead-in announced a list.
                // `SDK名称：…` is an entry wherever it stands.
                None if find_labels(text, (u.start, u.end))
                    .iter()
                    .any(|&(_, _, f)| f == Field::Name) =>
                {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                }
                // A record block (`七鱼` / `使用目的：…` / `官方网站：…`) is an entry wherever
                // it stands.
                None if record_name(text, &units, i - 1, aliases) => {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                }
                None if quoted_record(text, (u.start, u.end)).is_some() => {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                }
                None if numbered(text, &u)
                    && matches!(classify(text, &u, aliases), Kind::Entry(ref n, _)
                        if numbered_sdk_item(text, &u, n, aliases)) =>
                {
                    (in_region, misses, seen, current) = (true, 0, 0, None);
                }
                None => continue,
            }
        } else if is_heading(text, &u) && !heading_trigger(text, &u) {
            in_region = false;
            continue;
        }
        let kind = match classify(text, &u, aliases) {
            Kind::Other if record_name(text, &units, i - 1, aliases) => {
                trim(text, strip_numbering(text, (u.start, u.end)))
                    .map_or(Kind::Other, |r| Kind::Entry(vec![r], Vec::new()))
            }
            // In a list already read, a bare name line followed directly by its link or by
            // a note (`Zxing二维码生成` / `注：未开启您的任何权限…`) is the next entry.
            Kind::Other if seen > 0 && linked_name(text, &units, i - 1) => {
                let r =
                    trim(text, strip_numbering(text, (u.start, u.end))).unwrap_or((u.start, u.end));
                Kind::Entry(split_names_list(text, r), Vec::new())
            }
            // A link alone on its line (the value of `官方网站：` above it).
            Kind::Other if current.is_some() && unit_is_url(text, &u) => {
                trim(text, (u.start, u.end))
                    .map_or(Kind::Other, |r| Kind::Fields(vec![(Field::Link, r)]))
            }
            k => k,
        };
        match kind {
            Kind::Entry(names, fs) if !names.is_empty() => {
                has_desc = !fs.is_empty();
                entries.push(Entry {
                    names,
                    fields: fs,
                    scope: vec![(u.start, u.end)],
                    permission_cells: Vec::new(),
                    span: (u.start, u.end),
                });
                current = Some(entries.len() - 1);
                seen += 1;
                misses = 0;
            }
            Kind::Fields(fs) if current.is_some() => {
                if let Some(e) = current.and_then(|c| entries.get_mut(c)) {
                    e.fields.extend(fs);
                    e.scope.push((u.start, u.end));
                    e.span.1 = u.end;
                }
            }
            // The next sentences of an entry's line describe it (`…我们使用了科大讯飞SDK。
            // 需要访问您的麦克风权限。`).
            _ if current.is_some_and(|c| {
                entries
                    .get(c)
                    .is_some_and(|e| !text.get(e.span.1..u.start).unwrap_or("\n").contains('\n'))
            }) =>
            {
                if let Some(e) = current.and_then(|c| entries.get_mut(c)) {
                    e.scope.push((u.start, u.end));
                    e.span.1 = u.end;
                }
            }
            _ if current.is_some() && u.whole_line && !has_desc && adjacent => {
                if let Some(e) = current.and_then(|c| entries.get_mut(c)) {
                    e.fields.push((Field::Usage, (u.start, u.end)));
                    e.scope.push((u.start, u.end));
                    e.span.1 = u.end;
                }
                has_desc = true;
            }
            _ if seen == 0 && misses < 2 => misses += 1,
            // Lines broken inside an item (`…，如不授权\n开启消息推送可关闭推送能力。`) or a
            // note between items do not end a list; two such units in a row do.
            _ if seen > 0 && misses < 1 && !is_heading(text, &u) => {
                misses += 1;
                current = None;
            }
            _ => {
                in_region = false;
                current = None;
                // The unit that ended a region may start the next one.
                if heading_trigger(text, &u) || prose_trigger(text, &u).is_some() {
                    i -= 1;
                }
            }
        }
    }
    entries
}

/// Share of a column's cells that look like SDK names.
fn name_share(text: &str, t: &Table, col: usize, aliases: &Aliases) -> f64 {
    let cells: Vec<Range> = t
        .rows
        .iter()
        .filter_map(|r| r.get(col).copied())
        .filter(|c| c.1 > c.0)
        .collect();
    // A cell that says SDK or is a known name counts 1; one that only contains a known
    // name (`华为渠道用户`, `微博授权登录`) counts half.
    let named: f64 = cells
        .iter()
        .map(|c| {
            let name = split_company(text, *c).0;
            let first = split_names(text, name).into_iter().next().unwrap_or(name);
            let s = text.get(first.0..first.1).unwrap_or("");
            if is_company(s) || not_a_name(s) || s.chars().count() > 40 {
                0.0
            } else if s.contains("sdk") || !aliases.resolve(s).is_empty() {
                1.0
            } else if aliases.occurs_in(s) {
                0.5
            } else {
                0.0
            }
        })
        .sum();
    if cells.is_empty() {
        0.0
    } else {
        named / cells.len() as f64
    }
}

/// A company name (`腾讯科技（深圳）有限公司`), not an SDK name.
pub fn is_company(s: &str) -> bool {
    let s = s.trim_end_matches(|c: char| !c.is_alphanumeric());
    [
        "公司",
        "集团",
        "银行",
        "研究院",
        "事务所",
        "ltd",
        "inc",
        "co.",
        "corporation",
    ]
    .iter()
    .any(|w| s.ends_with(w))
}

/// The column of SDK names: the header's SDK-name column when its cells look like names,
/// else the column whose cells most look like SDK names (headers lie: `功能类型` over a
/// column of names, `产品/类型`), else none. Link and permission columns never hold names.
fn name_column(text: &str, t: &Table, aliases: &Aliases) -> Option<usize> {
    let by_header = t.column(Role::Name);
    if let Some(c) = by_header
        && name_share(text, t, c, aliases) >= 0.3
    {
        return Some(c);
    }
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let best = (0..width)
        .filter(|&c| {
            !matches!(
                t.roles.get(c),
                Some(Role::Link | Role::Permissions | Role::DataTypes)
            )
        })
        .map(|c| (c, name_share(text, t, c, aliases)))
        // The leftmost of equally good columns (names come before what they do).
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    match best {
        Some((c, share)) if share >= 0.4 => Some(c),
        _ => by_header.filter(|_| t.header.len() >= 2),
    }
}

/// How a partner receives data without an SDK in the app.
const SERVER_SIDE: &[&str] = &[
    "服务端",
    "服务器端",
    "接口传输",
    "api接口",
    "后台传输",
    "服务器传输",
    "服务器对服务器",
];

/// Whether a cell or name is a link, not a name.
pub fn is_url(s: &str) -> bool {
    s.contains("http") || s.contains("www.") || s.contains("://")
}

/// Split `name（company）` into the name and the bracketed company, when the bracket holds
/// a company name.
fn split_company(text: &str, cell: Range) -> (Range, Option<Range>) {
    let s = text.get(cell.0..cell.1).unwrap_or("");
    if let Some(open) = s.find('(').filter(|&i| i > 0) {
        let inner_start = cell.0 + open + 1;
        let inner_end = s.rfind(')').map_or(cell.1, |c| cell.0 + c);
        let inner = text
            .get(inner_start..inner_end.max(inner_start))
            .unwrap_or("");
        if is_company(inner) || inner.contains("公司") {
            let name = trim(text, (cell.0, cell.0 + open)).unwrap_or((cell.0, cell.0));
            return (name, trim(text, (inner_start, inner_end.max(inner_start))));
        }
    }
    (cell, None)
}

/// SDK entries of tables with an SDK-name column, one per row; rows naming a company and
/// no SDK go to `partners` (name, first other cell).
pub fn table_entries(text: &str, tables: &[Table], aliases: &Aliases) -> Vec<Entry> {
    table_entries_and_partners(text, tables, aliases).0
}

/// A partner row of a table or list: its name and a describing cell.
pub type PartnerRow = (Range, Option<Range>);

/// [`table_entries`], and the partner rows.
pub fn table_entries_and_partners(
    text: &str,
    tables: &[Table],
    aliases: &Aliases,
) -> (Vec<Entry>, Vec<PartnerRow>) {
    let mut partners: Vec<PartnerRow> = Vec::new();
    let mut out = Vec::new();
    for t in tables {
        let Some(name_col) = name_column(text, t, aliases) else {
            continue;
        };
        for row in &t.rows {
            let Some(&cell) = row.get(name_col) else {
                continue;
            };
            // `高德（高德软件有限公司）`: the name, then its company in brackets.
            let (name, company) = split_company(text, cell);
            let cell_text = text.get(name.0..name.1).unwrap_or("");
            if name.1 <= name.0
                || is_url(cell_text)
                || cell_text.chars().count() > 40
                || not_a_name(cell_text)
                || cell_text.contains("名称")
            {
                continue;
            }
            // A row whose data goes server to server (`共享方式：服务端数据采集`, `接口传输`)
            // is a partner service, not an SDK in the app.
            let server_side = row.iter().any(|c| {
                let v = text.get(c.0..c.1).unwrap_or("");
                SERVER_SIDE.iter().any(|w| v.contains(w))
            });
            if (server_side || is_company(cell_text))
                && !cell_text.contains("sdk")
                && (server_side || !aliases.occurs_in(cell_text))
            {
                partners.push((
                    name,
                    row.iter().copied().find(|c| c.0 != cell.0 && c.1 > c.0),
                ));
                continue;
            }
            let names = split_names(text, name);
            if names.is_empty() {
                continue;
            }
            let mut e = Entry {
                names,
                span: (
                    row.first().map_or(name.0, |c| c.0),
                    row.last().map_or(name.1, |c| c.1),
                ),
                ..Entry::default()
            };
            if let Some(c) = company {
                e.fields.push((Field::Vendor, c));
            }
            for (col, &cell) in row.iter().enumerate() {
                if col == name_col {
                    continue;
                }
                let role = t.roles.get(col).copied().unwrap_or(Role::Other);
                // A column named `SDK名称` that does not hold the names holds what they do.
                let role = if role == Role::Name {
                    Role::Purpose
                } else {
                    role
                };
                let field = match role {
                    Role::Vendor => Some(Field::Vendor),
                    Role::Purpose => Some(Field::Purpose),
                    Role::DataTypes => Some(Field::DataTypes),
                    Role::Permissions => Some(Field::Permissions),
                    Role::Link => Some(Field::Link),
                    Role::Name | Role::Other => None,
                };
                if let Some(f) = field
                    && cell.1 > cell.0
                {
                    e.fields.push((f, cell));
                }
                if matches!(
                    role,
                    Role::Purpose | Role::DataTypes | Role::Permissions | Role::Other
                ) {
                    e.scope.push(cell);
                }
                if role == Role::Permissions {
                    e.permission_cells.push(cell);
                }
            }
            out.push(e);
        }
    }
    (out, partners)
}

/// Verbs that disclose an integrated SDK in prose (`我们使用了科大讯飞SDK`).
const INTEGRATION_VERBS: &[&str] = &[
    "接入了",
    "集成了",
    "使用了",
    "嵌入了",
    "内嵌了",
    "接入",
    "集成",
    "嵌入",
    "内嵌",
    "引入了",
];

/// Verbs that disclose an SDK only when their object says `SDK`.
const WEAK_VERBS: &[&str] = &["使用", "采用", "调用", "通过"];

/// SDKs disclosed in running text: after an integration verb, an enumeration of items each
/// of which says `SDK` or is a known alias (`我们接入了A、B和C`, `我们会接入高德的SDK`).
/// Returns one entry per sentence, with the sentence as the entry's scope.
pub fn prose_entries(text: &str, aliases: &Aliases, skip: &[Range]) -> Vec<Entry> {
    let skip = Spans::new(skip.iter().copied());
    let mut out = Vec::new();
    for u in units(text) {
        if skip.overlaps((u.start, u.end)) {
            continue;
        }
        let s = text.get(u.start..u.end).unwrap_or("");
        let mut names: Vec<Range> = Vec::new();
        names.extend(providers(text, u.start, s));
        for verb in INTEGRATION_VERBS.iter().chain(WEAK_VERBS) {
            let Some(at) = s.find(verb) else { continue };
            let from = u.start + at + verb.len();
            // The object runs to the end of the clause.
            let rest = text.get(from..u.end).unwrap_or("");
            let len = rest
                .char_indices()
                .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '。' | '(' | '!' | '?'))
                .map_or(rest.len(), |(i, _)| i);
            // `我们会使用优量汇、穿山甲…的SDK`: a weak verb counts when its object says SDK.
            if WEAK_VERBS.contains(verb) && !rest.get(..len).unwrap_or("").contains("sdk") {
                continue;
            }
            for item in split_enumeration(text, (from, from + len)) {
                let mut item = trim_item(text, item);
                let t = text.get(item.0..item.1).unwrap_or("");
                // `高德的SDK`: the SDK of a named vendor product.
                if let Some(k) = t.find("的sdk")
                    && !VENDOR_ONLY.contains(&t.get(..k).unwrap_or(""))
                {
                    item = (item.0, item.0 + k);
                }
                let t = text.get(item.0..item.1).unwrap_or("");
                if not_a_name(t) {
                    continue;
                }
                let sdk_named = t.contains("sdk") && !is_generic_sdk(t);
                let alias_only = !aliases.resolve(t).is_empty() && t.chars().count() <= 12;
                if (sdk_named || alias_only)
                    && t.chars().count() <= 24
                    && !names.iter().any(|n| n.0 < item.1 && item.0 < n.1)
                {
                    names.push(item);
                }
            }
            break;
        }
        if !names.is_empty() {
            out.push(Entry {
                names,
                fields: Vec::new(),
                scope: vec![(u.start, u.end)],
                permission_cells: Vec::new(),
                span: (u.start, u.end),
            });
        }
    }
    out
}

/// Group names that own many SDKs: `腾讯的SDK` names none of them.
const VENDOR_ONLY: &[&str] = &[
    "腾讯",
    "阿里",
    "阿里巴巴",
    "百度",
    "字节跳动",
    "华为",
    "小米",
    "他们",
    "这些公司",
];

/// Single characters that end the words before a name (`学习通内友盟SDK`, `由…`,
/// `我们使用了…`): never inside the SDK names policies write.
const NAME_STOPS: &[char] = &[
    '的', '了', '在', '内', '由', '过', '是', '将', '会', '被', '把', '向', '与', '及', '或', '用',
    '为', '对', '从', '其', '该', '此', '本', '如', '即', '含', '括', '入', '成', '接', '到', '请',
];

/// Names that end in `SDK` anywhere in running text (`友盟移动统计SDK需要获取…`,
/// `a.个推推送SDK由…提供`): the words right before `SDK` back to a stop word or punctuation.
/// A text that writes `XSDK` discloses an SDK X; generic phrases (`第三方SDK`, `推送SDK`)
/// are not names. One entry per sentence.
pub fn sdk_word_entries(text: &str, aliases: &Aliases, skip: &[Range]) -> Vec<Entry> {
    let skip = Spans::new(skip.iter().copied());
    let mut out = Vec::new();
    for u in units(text) {
        if skip.overlaps((u.start, u.end)) {
            continue;
        }
        let s = text.get(u.start..u.end).unwrap_or("");
        let mut names: Vec<Range> = Vec::new();
        for (at, _) in s.match_indices("sdk") {
            let end = at + 3;
            // `sdk` inside an ASCII word (`snssdk`, `sdkversion`) is no name end.
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if glued(s.get(end..).and_then(|t| t.chars().next()))
                || glued(s.get(..at).and_then(|t| t.chars().next_back()))
            {
                continue;
            }
            let before = s.get(..at).unwrap_or("");
            let mut start = at;
            for (n, (i, c)) in before.char_indices().rev().enumerate() {
                let namey = c.is_alphanumeric() || " +-.".contains(c);
                if !namey || NAME_STOPS.contains(&c) || n >= 14 {
                    break;
                }
                start = i;
            }
            // Cut inside an ASCII word by the length limit: no name.
            if s.get(..start)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
            let Some(r) = trim(text, (u.start + start, u.start + end)) else {
                continue;
            };
            // Only a name with a brand in it: a known alias (the name starts there:
            // `调起微信SDK` → `微信SDK`) or an ASCII product word (`ADmobile广告SDK`).
            let cand = text.get(r.0..r.1).unwrap_or("");
            let brand_at = aliases
                .find(cand)
                .first()
                .map(|&(a, _, _)| a)
                .or_else(|| ascii_brand(cand));
            // The last of an enumeration of known vendors (`高德、百度、滴滴SDK`) needs no
            // brand of its own.
            let Some(b) = brand_at
                .or_else(|| (!enumerated_before(text, r.0, aliases).is_empty()).then_some(0))
            else {
                continue;
            };
            let r = (r.0 + b, r.1);
            let name = text.get(r.0..r.1).unwrap_or("");
            if name.chars().count() > 3 && !not_a_name(name) && !is_generic_sdk(name) {
                names.push(r);
                // `高德、百度、滴滴SDK`: the SDKs of each vendor enumerated before.
                if b == 0 {
                    names.extend(enumerated_before(text, r.0, aliases));
                }
            }
        }
        if !names.is_empty() {
            out.push(Entry {
                names,
                fields: Vec::new(),
                scope: vec![(u.start, u.end)],
                permission_cells: Vec::new(),
                span: (u.start, u.end),
            });
        }
    }
    out
}

/// Known names enumerated with `、` right before `at` (`高德、百度、滴滴SDK` → 高德, 百度).
fn enumerated_before(text: &str, at: usize, aliases: &Aliases) -> Vec<Range> {
    let mut out = Vec::new();
    let mut end = at;
    while text.get(..end).is_some_and(|t| t.ends_with('、')) {
        let item_end = end - '、'.len_utf8();
        let before = text.get(..item_end).unwrap_or("");
        let mut start = item_end;
        for (n, (i, c)) in before.char_indices().rev().enumerate() {
            if !(c.is_alphanumeric() || c == ' ') || NAME_STOPS.contains(&c) || n >= 10 {
                break;
            }
            start = i;
        }
        let item = text.get(start..item_end).unwrap_or("");
        // The words before the first item (`服务商高德`) are cut at the alias.
        let Some(&(a, _, _)) = aliases.find(item).first() else {
            break;
        };
        out.push((start + a, item_end));
        if a > 0 {
            break;
        }
        end = start;
    }
    out
}

/// Where an ASCII product word of three letters or more starts (`LeanCloud`, `ADmobile`),
/// not counting words that name no product (`sdk`, `app`, `api`, `push`).
fn ascii_brand(s: &str) -> Option<usize> {
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_ascii_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(a) = start.take() {
            let word = s.get(a..i).unwrap_or("");
            if word.len() >= 3 && !["sdk", "app", "api", "push", "android", "ios"].contains(&word) {
                return Some(a);
            }
        }
    }
    None
}

/// Words that name a privacy policy document.
const POLICY_WORDS: &[&str] = &[
    "个人信息保护政策",
    "隐私保护政策",
    "隐私保护声明",
    "隐私权政策",
    "隐私政策",
    "隐私条款",
    "隐私协议",
    "隐私声明",
    "信息安全政策",
    "资料使用政策",
];

/// SDKs given only as links to their privacy policies (`• Avast 的隐私及信息安全政策：
/// https://…`, `[《Ping++隐私条款》](…)`): a list item or a line whose head names a policy
/// document and that carries its address. One entry per line.
pub fn policy_link_entries(text: &str, skip: &[Range]) -> Vec<Entry> {
    let skip = Spans::new(skip.iter().copied());
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let r = (start, start + line.trim_end_matches('\n').len());
        start += line.len();
        if skip.overlaps(r) {
            continue;
        }
        let s = text.get(r.0..r.1).unwrap_or("");
        let Some((p, word)) = POLICY_WORDS
            .iter()
            .filter_map(|w| s.find(w).map(|p| (p, *w)))
            .min_by_key(|&(p, _)| p)
        else {
            continue;
        };
        if !s.get(p..).is_some_and(|t| t.contains("http")) {
            continue;
        }
        let head_start = strip_numbering(text, r).0;
        let head = text.get(head_start..r.0 + p).unwrap_or("");
        let lead = head.len()
            - head
                .trim_start_matches(['•', '·', '[', '《', '(', ' ', '-', '*'])
                .len();
        let mut name_end = r.0 + p;
        if let Some(k) = head.rfind('的') {
            name_end = head_start + k;
        }
        let Some(name) = trim(text, (head_start + lead, name_end)) else {
            continue;
        };
        let n = text.get(name.0..name.1).unwrap_or("");
        let _ = word;
        if n.chars().count() > 20
            || n.contains([',', ':', '。', ';'])
            || [
                "使用",
                "当",
                "如",
                "我们",
                "您",
                "本",
                "第三方",
                "适用",
                "请",
                "点击",
                "查看",
                "阅读",
                "官方",
                "除",
            ]
            .iter()
            .any(|w| n.starts_with(w))
            || n.contains(['了', '在', '将', '时'])
            || not_a_name(n)
        {
            continue;
        }
        out.push(Entry {
            names: vec![name],
            fields: vec![],
            scope: vec![r],
            permission_cells: Vec::new(),
            span: r,
        });
    }
    out
}

/// `目前我们的位置服务由高德软件有限公司提供，我们会接入高德的SDK`: the companies that
/// provide an SDK the sentence says is integrated (`由A、B和C提供…接入…SDK`).
fn providers(text: &str, base: usize, s: &str) -> Vec<Range> {
    let (Some(by), Some(provide)) = (s.find('由'), s.find("提供")) else {
        return Vec::new();
    };
    let after = s.get(provide..).unwrap_or("");
    if by >= provide
        || !after.contains("sdk")
        || !INTEGRATION_VERBS.iter().any(|v| after.contains(v))
    {
        return Vec::new();
    }
    let from = base + by + '由'.len_utf8();
    split_enumeration(text, (from, base + provide))
        .into_iter()
        .filter(|r| {
            let t = text.get(r.0..r.1).unwrap_or("");
            (2..=30).contains(&t.chars().count()) && !not_a_name(t) && !t.contains("我们")
        })
        .collect()
}

/// An enumeration item without the words around the name (`他们的`, `提供的`, `由…`).
fn trim_item(text: &str, r: Range) -> Range {
    let s = text.get(r.0..r.1).unwrap_or("");
    let mut a = r.0;
    for lead in ["由", "第三方", "我们的", "他们的", "这些公司的"] {
        if let Some(rest) = s.strip_prefix(lead)
            && !rest.is_empty()
        {
            a = r.1 - rest.len();
            break;
        }
    }
    (a, r.1)
}

/// Words that make an alias in prose a login / share / payment / map mention.
const MENTION_CONTEXT: &[&str] = &[
    "登录",
    "登陆",
    "分享",
    "支付",
    "授权",
    "绑定",
    "第三方账号",
    "第三方平台",
    "账号",
    "帐号",
    "推送",
    "地图",
    "定位",
    "sdk",
    "收款",
    "认证",
    "注册",
];
/// Words after an alias that make it something other than the SDK (`微信小程序`).
const NOT_AN_SDK_AFTER: &[&str] = &["小程序", "公众号", "小游戏", "群"];

/// Aliases mentioned in prose outside `listed` spans: (range, ids).
pub fn mentions<'a>(
    text: &str,
    aliases: &'a Aliases,
    listed: &[Range],
) -> Vec<(Range, Vec<&'a str>)> {
    let mut out = Vec::new();
    let mut listed = listed.to_vec();
    listed.sort_unstable();
    // Spans may nest (a table row inside a table): the running maximum end answers
    // "is this inside any span starting before it" with one binary search.
    let mut reach = Vec::with_capacity(listed.len());
    let mut max_end = 0;
    for &(_, b) in &listed {
        max_end = max_end.max(b);
        reach.push(max_end);
    }
    for (s, e, ids) in aliases.find(text) {
        let k = listed.partition_point(|&(a, _)| a <= s);
        if k.checked_sub(1)
            .and_then(|k| reach.get(k))
            .is_some_and(|&b| e <= b)
        {
            continue;
        }
        let after = text.get(e..).unwrap_or("");
        if NOT_AN_SDK_AFTER.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let clause = clause_around(text, s, e);
        if MENTION_CONTEXT.iter().any(|w| clause.contains(w)) {
            out.push(((s, e), ids));
        }
    }
    out
}

/// The clause around `s..e`: back and forward to sentence punctuation, at most ~40 chars.
pub fn clause_around(text: &str, s: usize, e: usize) -> &str {
    let stop = |c: char| "。;!?\n".contains(c);
    let before = text.get(..s).unwrap_or("");
    let mut a = s;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if stop(c) || n >= 40 {
            break;
        }
        a = i;
    }
    let after = text.get(e..).unwrap_or("");
    let mut b = e;
    for (n, (i, c)) in after.char_indices().enumerate() {
        if stop(c) || n >= 40 {
            break;
        }
        b = e + i + c.len_utf8();
    }
    text.get(a..b).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> Aliases {
        Aliases::new([
            ("微信", "wechat-opensdk"),
            ("极光推送", "jpush"),
            ("高德定位", "amap-location"),
            ("华为", "huawei-push"),
        ])
    }

    #[test]
    fn run_on_prose_list_is_split_into_entries() {
        let t = "我们接入的第三方sdk情形如下:微信分享sdk功能类型:第三方账号登录个人信息类型:设备信息,系统版本。收集使用目的:登录官网链接:https://open.weixin.qq.com/华为联运应用:技术服务。高德地图;高德定位;高德导航sdk。我们使用它获取您的位置。如您不同意相关第三方服务商收集相关信息。";
        let e = list_entries(t, &aliases(), &[]);
        let names: Vec<Vec<&str>> = e
            .iter()
            .map(|e| e.names.iter().map(|r| &t[r.0..r.1]).collect())
            .collect();
        assert_eq!(
            names,
            vec![
                vec!["微信分享sdk"],
                vec!["华为联运应用"],
                vec!["高德地图", "高德定位", "高德导航sdk"]
            ]
        );
        let link = e[0].field(Field::Link).map(|r| &t[r.0..r.1]);
        assert_eq!(link, Some("https://open.weixin.qq.com/"));
        assert_eq!(
            e[0].field(Field::Kind).map(|r| &t[r.0..r.1]),
            Some("第三方账号登录")
        );
        assert!(e[2].field(Field::Usage).is_some());
    }

    #[test]
    fn numbered_list_under_heading() {
        let t = "三、第三方sdk\n1、微信sdk\n用于调用微信支付\n2、极光推送sdk\n四、我们如何共享\n";
        let e = list_entries(t, &aliases(), &[]);
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].field(Field::Usage).map(|r| &t[r.0..r.1]),
            Some("用于调用微信支付")
        );
    }

    #[test]
    fn mentions_need_context_and_skip_mini_programs() {
        let a = aliases();
        let t = "以及微信小程序等。您可以使用微信登录。欢迎使用微信。";
        let m = mentions(t, &a, &[]);
        assert_eq!(m.len(), 1);
        assert_eq!(&t[m[0].0.0..m[0].0.1], "微信");
        assert!(t[..m[0].0.0].ends_with("使用"));
    }
}
