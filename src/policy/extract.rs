//! From normalised text to the declared table: permissions (tables and prose), data types
//! (app-wide and per SDK), SDK entries (listed) and services only mentioned.

use std::collections::HashSet;

use crate::dictionary::{Dictionary, PhraseHit, PhraseTarget};

use super::aliases::Aliases;
use super::enumerated;
use super::glued;
use super::markup;
use super::model::{
    DeclaredDataType, DeclaredPartner, DeclaredPermission, DeclaredPolicy, DeclaredSdk, RemovedSdk,
    Span, UnmatchedPhrase,
};
use super::normalize::Normalized;
use super::sdks::{self, Entry, Field};
use super::source::Source;
use super::tables::{self, Range, Role};

/// Words before a bare permission word that make it a permission in prose (`授权摄像头`).
const PERMISSION_VERBS: &[&str] = &[
    "授权", "开启", "访问", "调用", "获取", "申请", "打开", "允许", "启用", "开放",
];
/// Sentences that define terms rather than declare collection (`个人信息是指…`).
const DEFINITION_MARKERS: &[&str] = &[
    "是指",
    "指以电子",
    "指包括",
    "指一旦",
    "个人信息包括",
    "被认为是个人敏感信息",
];
/// Words in a permission cell that are not permission names.
const CELL_FILLER: &[&str] = &[
    "获取",
    "申请",
    "使用",
    "本机",
    "您的",
    "手机",
    "权限",
    "以及",
    "和",
    "及",
    "与",
    "等",
    "的",
    "暂无",
    "不涉及",
    "无",
];
/// Words before 权限 in prose that name no particular permission (敏感权限, 对应权限).
const GENERIC_PERMISSION_WORDS: &[&str] = &[
    "敏感", "隐私", "相关", "对应", "任一", "必要", "上述", "部分", "所有", "全部", "其他", "特定",
    "授权", "访问", "使用", "相应", "基本", "设备", "系统", "调用", "开启", "关闭", "各项", "应用",
    "终端", "获取", "申请", "管理", "该项", "此项",
];

/// Everything the extraction needs, borrowed.
struct Doc<'a> {
    norm: &'a Normalized,
    source: &'a Source,
    dict: &'a Dictionary,
}

impl Doc<'_> {
    fn text(&self) -> &str {
        &self.norm.text
    }

    fn span(&self, r: Range) -> Span {
        let (a, b) = self.norm.orig_range(r.0, r.1);
        self.source.span(a, b)
    }

    fn display(&self, r: Range) -> String {
        self.norm.display(r.0, r.1).trim().to_owned()
    }
}

/// Whether `r` lies inside one of `outer`, which is sorted by start and non-overlapping
/// (binary search: policies can be megabytes with thousands of ranges).
fn inside(r: Range, outer: &[Range]) -> bool {
    let k = outer.partition_point(|&(a, _)| a <= r.0);
    k.checked_sub(1)
        .and_then(|k| outer.get(k))
        .is_some_and(|&(_, b)| r.1 <= b)
}

/// The hits (sorted by start) that start inside `a..b`.
fn hits_within(hits: &[PhraseHit], a: usize, b: usize) -> &[PhraseHit] {
    let from = hits.partition_point(|h| h.start < a);
    let to = hits.partition_point(|h| h.start < b);
    hits.get(from..to.max(from)).unwrap_or(&[])
}

/// The hit (sorted, non-overlapping) that covers `a..b`, if any.
fn covering(hits: &[PhraseHit], a: usize, b: usize) -> Option<&PhraseHit> {
    let k = hits.partition_point(|h| h.start <= a);
    hits.get(k.checked_sub(1)?).filter(|h| h.end >= b)
}

/// Words that say the app will not use what follows (`不会调用你的通讯录`): a permission
/// named right after them is refused, not explained.
const DENIALS: &[&str] = &[
    "不会调用",
    "不会读取",
    "不会获取",
    "不会收集",
    "不会访问",
    "不会申请",
    "不会使用",
    "不会要求",
    "不调用",
    "不读取",
    "不获取",
    "不收集",
    "不访问",
    "不申请",
    "无需调用",
    "无需读取",
    "无需获取",
    "无需访问",
    "无需申请",
    "不需要",
    "并不会",
    "从不",
];

/// Whether the clause before `at` (back to punctuation, at most 12 characters) denies the
/// use of what is named at `at`. Conditions (`如您不授权…`) are not denials.
fn denied(t: &str, at: usize) -> bool {
    let before = t.get(..at).unwrap_or("");
    let clause: String = before
        .chars()
        .rev()
        .take_while(|c| !"，,。；;！!？?\n：:".contains(*c))
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    DENIALS.iter().any(|w| clause.contains(w))
}

/// Read the declared table from decoded policy text.
pub fn extract(
    source_name: &str,
    text: &str,
    dict: &Dictionary,
    aliases: &Aliases,
) -> DeclaredPolicy {
    let source = Source::new(text.to_owned());
    let norm = Normalized::new(&markup::strip(text));
    let doc = Doc {
        norm: &norm,
        source: &source,
        dict,
    };
    let t = doc.text();
    let tables = tables::find(t);

    let mut permission_cells: Vec<Range> = Vec::new();
    let mut header_cells: Vec<Range> = Vec::new();
    for table in &tables {
        header_cells.extend(&table.header);
        if let Some(col) = table.column(Role::Permissions) {
            permission_cells.extend(table.rows.iter().filter_map(|row| row.get(col).copied()));
        }
    }

    permission_cells.sort_unstable();
    header_cells.sort_unstable();
    let all_perm_hits = dict.find_permission_phrases(t);
    let perm_hits: Vec<PhraseHit> = all_perm_hits
        .iter()
        .copied()
        .filter(|h| h.target != PhraseTarget::Ignore && !inside((h.start, h.end), &header_cells))
        .filter(|h| {
            !h.context_only || inside((h.start, h.end), &permission_cells) || prose_context(t, h)
        })
        .filter(|h| !denied(t, h.start))
        .collect();

    let definitions = definition_sentences(t);
    let dt_hits: Vec<PhraseHit> = dict
        .find_data_type_phrases(t)
        .into_iter()
        .filter(|h| h.target != PhraseTarget::Ignore && !inside((h.start, h.end), &header_cells))
        .filter(|h| !inside((h.start, h.end), &definitions))
        .filter(|h| {
            // 修改系统设置权限 is WRITE_SETTINGS, not a declaration of 系统设置 (device settings).
            let id = dict.data_type_of(h.target).unwrap_or("");
            !covering(&perm_hits, h.start, h.end).is_some_and(|p| {
                !p.context_only
                    && p.start <= h.start
                    && p.end >= h.end
                    && !dict.data_types_reached(p.target).contains(id)
            })
        })
        .collect();

    let (mut entries, partner_rows) = sdks::table_entries_and_partners(t, &tables, aliases);
    entries.extend(sdks::list_entries(t, aliases, &tables));
    let read: Vec<Range> = entries
        .iter()
        .flat_map(|e| e.names.iter().copied())
        .collect();
    entries.extend(glued::glued_entries(t, aliases, &read));
    entries.sort_by_key(|e| e.span.0);
    // SDKs disclosed in running text, outside the lists and tables already read.
    let mut read_spans: Vec<Range> = entries.iter().map(|e| e.span).collect();
    read_spans.extend(tables.iter().map(|tb| tb.span));
    let already: HashSet<String> = entries
        .iter()
        .flat_map(|e| e.names.iter())
        .flat_map(|n| aliases.resolve(t.get(n.0..n.1).unwrap_or("")))
        .map(str::to_owned)
        .collect();
    let mut prose = sdks::prose_entries(t, aliases, &read_spans);
    read_spans.extend(prose.iter().map(|e| e.span));
    prose.extend(sdks::sdk_word_entries(t, aliases, &read_spans));
    read_spans.extend(prose.iter().map(|e| e.span));
    prose.extend(enumerated::enumerated_entries(t, aliases, &read_spans));
    read_spans.extend(prose.iter().map(|e| e.span));
    prose.extend(sdks::policy_link_entries(t, &read_spans));
    for e in &mut prose {
        // An SDK already listed is not listed again from a sentence about it.
        e.names.retain(|n| {
            let ids = aliases.resolve(t.get(n.0..n.1).unwrap_or(""));
            ids.first().is_none_or(|id| !already.contains(*id))
        });
    }
    prose.retain(|e| !e.names.is_empty());
    entries.extend(prose);
    entries.sort_by_key(|e| e.span.0);

    let mut out = DeclaredPolicy {
        source: source_name.to_owned(),
        ..DeclaredPolicy::default()
    };
    let mut listed_spans: Vec<Range> = entries.iter().map(|e| e.span).collect();
    listed_spans.extend(
        tables
            .iter()
            .filter(|tb| !sdks::table_entries(t, std::slice::from_ref(*tb), aliases).is_empty())
            .map(|t| t.span),
    );

    for (name, desc) in partner_rows {
        out.partners.push(DeclaredPartner {
            name: doc.display(name),
            purpose: desc.map(|r| doc.display(r)),
            evidence: Some(doc.span(name)),
        });
    }

    let line_ends: Vec<usize> = t.match_indices('\n').map(|(i, _)| i).collect();
    let mut seen_dt: HashSet<(String, Option<String>)> = HashSet::new();
    let mut dt_in_entries: HashSet<usize> = HashSet::new();
    for entry in &entries {
        if removed_entry(t, &line_ends, entry, &tables) {
            for &name in &entry.names {
                let ids = aliases.resolve(t.get(name.0..name.1).unwrap_or(""));
                out.removed.push(RemovedSdk {
                    name: doc.display(name),
                    sdk_id: ids.first().map(|s| (*s).to_owned()),
                    evidence: Some(doc.span(name)),
                });
            }
            continue;
        }
        let sdks = sdk_rows(
            &doc,
            entry,
            aliases,
            &perm_hits,
            &dt_hits,
            &mut dt_in_entries,
        );
        for (sdk, hits) in sdks {
            for (id, r) in hits {
                if seen_dt.insert((id.clone(), sdk.sdk_id.clone())) {
                    out.data_types.push(DeclaredDataType {
                        data_type: id,
                        phrase: doc.display(r),
                        sdk_id: sdk.sdk_id.clone(),
                        evidence: Some(doc.span(r)),
                    });
                }
            }
            out.sdks.push(sdk);
        }
    }

    // Services only mentioned (a login option, a payment method), once per SDK id.
    let listed_ids: HashSet<String> = out.sdks.iter().filter_map(|s| s.sdk_id.clone()).collect();
    let mut mentioned: HashSet<String> = HashSet::new();
    for (r, ids) in sdks::mentions(t, aliases, &listed_spans) {
        let Some(&id) = ids.first() else { continue };
        if listed_ids.contains(id) || !mentioned.insert(id.to_owned()) {
            continue;
        }
        out.sdks.push(DeclaredSdk {
            name: doc.display(r),
            sdk_id: Some(id.to_owned()),
            alternatives: ids.iter().skip(1).map(|s| (*s).to_owned()).collect(),
            listed: false,
            evidence: Some(doc.span(r)),
            ..DeclaredSdk::default()
        });
    }
    out.sdks
        .sort_by_key(|s| s.evidence.as_ref().map(|e| (e.line, e.column)));

    // App-wide permissions: first place each permission is named.
    let mut seen_perm: HashSet<&str> = HashSet::new();
    for h in &perm_hits {
        for name in dict.permissions_of(h.target) {
            if seen_perm.insert(name) {
                out.permissions.push(DeclaredPermission {
                    permission: name.to_owned(),
                    phrase: doc.display((h.start, h.end)),
                    evidence: Some(doc.span((h.start, h.end))),
                });
            }
        }
    }

    // App-wide data types (those inside SDK entries were added above with their SDK).
    for (k, h) in dt_hits.iter().enumerate() {
        if dt_in_entries.contains(&k) {
            continue;
        }
        let Some(id) = dict.data_type_of(h.target) else {
            continue;
        };
        if seen_dt.insert((id.to_owned(), None)) {
            out.data_types.push(DeclaredDataType {
                data_type: id.to_owned(),
                phrase: doc.display((h.start, h.end)),
                sdk_id: None,
                evidence: Some(doc.span((h.start, h.end))),
            });
        }
    }
    out.data_types
        .sort_by_key(|d| d.evidence.as_ref().map(|e| (e.line, e.column)));

    out.unmatched = unmatched(&doc, &permission_cells, &all_perm_hits, &perm_hits, &tables);
    out
}

/// One DeclaredSdk per name of an entry (run-on groups share fields), with the data-type
/// hits that belong to it.
fn sdk_rows(
    doc: &Doc<'_>,
    entry: &Entry,
    aliases: &Aliases,
    perm_hits: &[PhraseHit],
    dt_hits: &[PhraseHit],
    used: &mut HashSet<usize>,
) -> Vec<(DeclaredSdk, Vec<(String, Range)>)> {
    let t = doc.text();
    let mut excluded: Vec<Range> = entry.names.clone();
    excluded.extend(
        entry
            .fields
            .iter()
            .filter(|(f, _)| matches!(f, Field::Vendor | Field::Link | Field::Name))
            .map(|&(_, r)| r),
    );
    let in_scope =
        |r: Range| inside(r, &entry.scope) && !excluded.iter().any(|&(a, b)| r.0 < b && r.1 > a);
    // A purpose says what the SDK is for (根据用户设备类型提供推送), not what it collects.
    let purposes: Vec<Range> = entry
        .fields
        .iter()
        .filter(|(f, _)| *f == Field::Purpose)
        .map(|&(_, r)| r)
        .collect();

    let mut permissions: Vec<String> = Vec::new();
    for h in hits_within(perm_hits, entry.span.0, entry.span.1)
        .iter()
        .filter(|h| in_scope((h.start, h.end)))
    {
        for name in doc.dict.permissions_of(h.target) {
            if !permissions.iter().any(|p| p == name) {
                permissions.push(name.to_owned());
            }
        }
    }
    let mut data: Vec<(String, Range)> = Vec::new();
    let first = dt_hits.partition_point(|h| h.start < entry.span.0);
    let last = dt_hits.partition_point(|h| h.start < entry.span.1);
    for (k, h) in dt_hits
        .iter()
        .enumerate()
        .take(last)
        .skip(first)
        .filter(|(_, h)| in_scope((h.start, h.end)))
    {
        if inside((h.start, h.end), &purposes) {
            continue;
        }
        used.insert(k);
        if let Some(id) = doc.dict.data_type_of(h.target)
            && !data.iter().any(|(d, _)| d == id)
        {
            data.push((id.to_owned(), (h.start, h.end)));
        }
    }

    let value = |f: Field| entry.field(f).filter(|r| r.1 > r.0).map(|r| doc.display(r));
    let purpose = value(Field::Purpose).or_else(|| {
        let usage = entry.field(Field::Usage)?;
        let s = t.get(usage.0..usage.1)?;
        // `我们使用它获取…，用于提供二维码扫描服务`: the purpose is the 用于 clause.
        let at = s.find("用于").map_or(usage.0, |i| usage.0 + i);
        let r = sdks::trim(t, (at, usage.1))?;
        Some(doc.display(r))
    });
    let kind = value(Field::Kind);
    let purpose = match (purpose, kind) {
        (Some(p), _) => Some(p),
        (None, k) => k,
    };
    // A Markdown link (`[text](https://…)`) or text around the address: the address.
    let link = value(Field::Link)
        .map(|l| match l.find("http") {
            Some(i) => l
                .get(i..)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_graphic() && !"()[]<>\"'".contains(*c))
                .collect(),
            None => l,
        })
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .or_else(|| {
            entry.scope.iter().find_map(|&(a, b)| {
                let s = t.get(a..b)?;
                let i = s.find("http")?;
                let len: usize = s
                    .get(i..)?
                    .chars()
                    .take_while(|c| c.is_ascii_graphic() && *c != ',' && *c != ';')
                    .map(char::len_utf8)
                    .sum();
                Some(doc.display((a + i, a + i + len)))
            })
        });

    // A run-on group names different SDKs (`高德地图;高德定位;高德导航SDK`): names with one
    // candidate id take it first, ambiguous ones take a candidate not yet used, and a name
    // whose every candidate is taken is the same SDK written twice (`Bugly；腾讯Bugly`).
    let resolved: Vec<Vec<&str>> = entry
        .names
        .iter()
        .map(|n| aliases.resolve(t.get(n.0..n.1).unwrap_or("")))
        .collect();
    let mut order: Vec<usize> = (0..entry.names.len()).collect();
    order.sort_by_key(|&k| resolved.get(k).map_or(0, Vec::len));
    let mut chosen: Vec<Option<Option<String>>> = vec![None; entry.names.len()];
    let mut used: HashSet<&str> = HashSet::new();
    for k in order {
        let ids = resolved.get(k).cloned().unwrap_or_default();
        let pick = if ids.is_empty() {
            Some(None)
        } else {
            ids.iter()
                .find(|id| !used.contains(**id))
                .map(|id| Some((*id).to_owned()))
        };
        if let Some(Some(id)) = &pick {
            used.insert(ids.iter().copied().find(|x| x == id).unwrap_or(""));
        }
        if let Some(slot) = chosen.get_mut(k) {
            *slot = pick;
        }
    }
    let mut out: Vec<(DeclaredSdk, Vec<(String, Range)>)> = Vec::new();
    for (k, &name) in entry.names.iter().enumerate() {
        let Some(Some(sdk_id)) = chosen.get(k).cloned() else {
            continue;
        };
        let ids = resolved.get(k).cloned().unwrap_or_default();
        let sdk = DeclaredSdk {
            name: doc.display(name),
            alternatives: ids
                .iter()
                .filter(|x| Some(**x) != sdk_id.as_deref())
                .map(|s| (*s).to_owned())
                .collect(),
            sdk_id,
            listed: true,
            vendor: value(Field::Vendor),
            purpose: purpose.clone(),
            data_types: data.iter().map(|(d, _)| d.clone()).collect(),
            permissions: permissions.clone(),
            link: link.clone(),
            evidence: Some(doc.span(name)),
        };
        out.push((sdk, data.clone()));
    }
    out
}

/// Words saying an SDK is not (or no longer) in the app.
const REMOVAL_MARKERS: &[&str] = &[
    "已下线",
    "已移除",
    "已删除",
    "已停用",
    "已停止使用",
    "已不再使用",
    "不再使用该",
    "暂未启用",
    "未启用",
    "未接入",
    "未集成",
    "不再接入",
    "不再集成",
    "已下架",
];

/// How many tables starting before an entry are tried as its table.
const TABLE_LOOKBACK: usize = 8;

/// Whether an entry is an SDK the policy says is removed or not integrated: the entry's own
/// text says so (`此第三方SDK在当前版本APP中暂未启用`), or the title line just before its
/// table does (`已下线SDK列表`).
fn removed_entry(t: &str, line_ends: &[usize], entry: &Entry, tables: &[tables::Table]) -> bool {
    let says = |s: &str| REMOVAL_MARKERS.iter().any(|m| s.contains(m));
    // The entry and the rest of its line (a sentence after the item: `…。此SDK暂未启用`).
    let k = line_ends.partition_point(|&e| e < entry.span.1);
    let line_end = line_ends.get(k).copied().unwrap_or(t.len());
    if says(t.get(entry.span.0..line_end).unwrap_or("")) {
        return true;
    }
    // The innermost-first table holding the entry: tables are few per entry, found by
    // binary search over their starts (`tables` comes sorted by start from `tables::find`).
    let k = tables.partition_point(|tb| tb.span.0 <= entry.span.0);
    tables
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take(TABLE_LOOKBACK)
        .find(|tb| entry.span.1 <= tb.span.1)
        .is_some_and(|tb| {
            let before = t.get(..tb.span.0).unwrap_or("");
            let title: String = before
                .trim_end()
                .rsplit('\n')
                .take(2)
                .collect::<Vec<_>>()
                .concat();
            says(&title)
        })
}

/// Whether a bare permission word (相机, 位置) is used as a permission in its clause: 权限
/// follows in the same enumeration, or a verb like 授权 / 开启 precedes it.
fn prose_context(t: &str, h: &PhraseHit) -> bool {
    let stop = |c: char| ",;:。!?\n".contains(c);
    let after: String = t
        .get(h.end..)
        .unwrap_or("")
        .chars()
        .take_while(|&c| !stop(c))
        .take(30)
        .collect();
    if after.contains("权限") {
        return true;
    }
    let before: String = {
        let mut v: Vec<char> = t
            .get(..h.start)
            .unwrap_or("")
            .chars()
            .rev()
            .take_while(|&c| !stop(c))
            .take(14)
            .collect();
        v.reverse();
        v.into_iter().collect()
    };
    // `开放设备相关权限（摄像头、相册、存储）`: words listed in brackets after 权限.
    PERMISSION_VERBS.iter().any(|w| before.contains(w)) || before.contains("权限(")
}

/// Byte ranges of sentences that define terms.
fn definition_sentences(t: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if c == '。' || c == '\n' {
            if let Some(s) = t.get(start..i)
                && DEFINITION_MARKERS.iter().any(|m| s.contains(m))
            {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if let Some(s) = t.get(start..)
        && DEFINITION_MARKERS.iter().any(|m| s.contains(m))
    {
        out.push((start, t.len()));
    }
    out
}

/// Phrases that look like permissions but match nothing: what is left of a permission-table
/// cell after the known phrases, and `X权限` in prose where X is no known permission word.
fn unmatched(
    doc: &Doc<'_>,
    cells: &[Range],
    all_hits: &[PhraseHit],
    accepted: &[PhraseHit],
    tables: &[tables::Table],
) -> Vec<UnmatchedPhrase> {
    let t = doc.text();
    let mut out: Vec<UnmatchedPhrase> = Vec::new();
    let push = |r: Range, out: &mut Vec<UnmatchedPhrase>| {
        let phrase = doc.display(r);
        if !out.iter().any(|u| u.phrase == phrase) {
            out.push(UnmatchedPhrase {
                phrase,
                evidence: Some(doc.span(r)),
            });
        }
    };
    for &cell in cells {
        let hits: Vec<&PhraseHit> = accepted
            .iter()
            .filter(|h| h.start >= cell.0 && h.end <= cell.1)
            .collect();
        if hits.is_empty() {
            if meaningful(t.get(cell.0..cell.1).unwrap_or("")) {
                push(cell, &mut out);
            }
            continue;
        }
        // What is left once known phrases and parenthesised explanations
        // (`访问确切位置信息（使用 GPS 和网络进行定位）`) are taken out.
        let s = t.get(cell.0..cell.1).unwrap_or("");
        let mut depth = 0usize;
        let mut start: Option<usize> = None;
        let flush = |from: Option<usize>, to: usize, out: &mut Vec<UnmatchedPhrase>| {
            if let Some(a) = from
                && let Some(r) = sdks::trim(t, (a, to))
                && meaningful(t.get(r.0..r.1).unwrap_or(""))
            {
                push(r, out);
            }
        };
        for (i, c) in s.char_indices() {
            let at = cell.0 + i;
            let in_hit = hits.iter().any(|h| at >= h.start && at < h.end);
            match c {
                '(' => {
                    flush(start.take(), at, &mut out);
                    depth += 1;
                }
                ')' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                _ if in_hit || "、,;/".contains(c) => flush(start.take(), at, &mut out),
                _ => {
                    start.get_or_insert(at);
                }
            }
        }
        flush(start.take(), cell.1, &mut out);
    }
    let in_tables: Vec<Range> = tables.iter().map(|tb| tb.span).collect();
    for (i, _) in t.match_indices("权限") {
        let end = i + "权限".len();
        if covering(all_hits, i, end).is_some() || inside((i, end), &in_tables) {
            continue;
        }
        let before = t.get(..i).unwrap_or("");
        let mut start = i;
        for (n, (j, c)) in before.char_indices().rev().enumerate() {
            let cjk = ('\u{4e00}'..='\u{9fff}').contains(&c);
            if n >= 6
                || !(cjk || c.is_ascii_alphanumeric())
                || "的等和及与或对将在为是有了该此其您我们你各每个".contains(c)
            {
                break;
            }
            start = j;
        }
        let word = t.get(start..i).unwrap_or("");
        if word.chars().count() >= 2 && !GENERIC_PERMISSION_WORDS.iter().any(|g| word.contains(g)) {
            push((start, end), &mut out);
        }
    }
    out.sort_by_key(|u| u.evidence.as_ref().map(|e| (e.line, e.column)));
    out
}

/// Whether a cell fragment still says something once filler words are removed.
fn meaningful(s: &str) -> bool {
    let mut rest = s.to_owned();
    for w in CELL_FILLER {
        rest = rest.replace(w, "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

#[cfg(test)]
mod denial_tests {
    use super::denied;

    #[test]
    fn a_denied_use_is_not_an_explanation_and_a_condition_is_no_denial() {
        let t = "将会调用手机拨打电话功能，不会调用你的通讯录，拒绝";
        let at = t.find("通讯录").expect("phrase");
        assert!(denied(t, at));
        let t = "我们会读取你的通讯录，用于添加好友";
        assert!(!denied(t, t.find("通讯录").expect("phrase")));
        let t = "如您不授权通讯录权限，将无法添加好友";
        assert!(!denied(t, t.find("通讯录").expect("phrase")));
        // The denial of another clause does not reach across punctuation.
        let t = "我们不会获取您的短信。通讯录权限用于添加好友";
        assert!(!denied(t, t.find("通讯录").expect("phrase")));
    }
}
