//! Merging the declared tables of several documents of one app: apps publish the main
//! policy and the third-party SDK list separately, and both declare.

use std::collections::HashSet;

use super::model::{DeclaredPolicy, Span};

/// Merge declared tables into one. With one table it is returned unchanged. With several,
/// every evidence span names its file, SDKs are kept per document (the same SDK listed in
/// two documents stays two records with their own evidence, and one listed anywhere is not
/// also reported as only mentioned), permissions and data types are kept once (first
/// document first), `source` joins the file names with ` + `.
pub fn merge(tables: Vec<DeclaredPolicy>) -> DeclaredPolicy {
    if tables.len() <= 1 {
        return tables.into_iter().next().unwrap_or_default();
    }
    let mut out = DeclaredPolicy {
        source: tables
            .iter()
            .map(|t| t.source.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        encoding: tables.first().and_then(|t| t.encoding.clone()),
        ..DeclaredPolicy::default()
    };
    let name = |e: &mut Option<Span>, file: &str| {
        if let Some(span) = e {
            span.file.get_or_insert_with(|| file.to_owned());
        }
    };
    let mut seen_perm: HashSet<String> = HashSet::new();
    let mut seen_dt: HashSet<(String, Option<String>)> = HashSet::new();
    for mut t in tables {
        let file = t.source.clone();
        for s in &mut t.sdks {
            name(&mut s.evidence, &file);
        }
        for p in &mut t.partners {
            name(&mut p.evidence, &file);
        }
        for r in &mut t.removed {
            name(&mut r.evidence, &file);
        }
        for u in &mut t.unmatched {
            name(&mut u.evidence, &file);
        }
        out.sdks.append(&mut t.sdks);
        out.partners.append(&mut t.partners);
        out.removed.append(&mut t.removed);
        out.unmatched.append(&mut t.unmatched);
        for mut p in t.permissions {
            if seen_perm.insert(p.permission.clone()) {
                name(&mut p.evidence, &file);
                out.permissions.push(p);
            }
        }
        for mut d in t.data_types {
            if seen_dt.insert((d.data_type.clone(), d.sdk_id.clone())) {
                name(&mut d.evidence, &file);
                out.data_types.push(d);
            }
        }
    }
    let listed: HashSet<String> = out
        .sdks
        .iter()
        .filter(|s| s.listed)
        .filter_map(|s| s.sdk_id.clone())
        .collect();
    let mut mentioned: HashSet<String> = HashSet::new();
    out.sdks.retain(|s| {
        s.listed
            || s.sdk_id
                .as_ref()
                .is_none_or(|id| !listed.contains(id) && mentioned.insert(id.clone()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::DeclaredSdk;

    fn sdk(name: &str, id: &str, listed: bool, line: usize) -> DeclaredSdk {
        DeclaredSdk {
            name: name.into(),
            sdk_id: Some(id.into()),
            listed,
            evidence: Some(Span {
                line,
                column: 1,
                snippet: name.into(),
                file: None,
            }),
            ..DeclaredSdk::default()
        }
    }

    #[test]
    fn merged_sdks_name_their_file_and_listed_wins_over_mentioned() {
        let main = DeclaredPolicy {
            source: "privacy.md".into(),
            sdks: vec![sdk("微信", "wechat-opensdk", false, 3)],
            ..DeclaredPolicy::default()
        };
        let list = DeclaredPolicy {
            source: "sdk-list.html".into(),
            sdks: vec![sdk("微信SDK", "wechat-opensdk", true, 9)],
            ..DeclaredPolicy::default()
        };
        let m = merge(vec![main.clone(), list]);
        assert_eq!(m.source, "privacy.md + sdk-list.html");
        assert_eq!(m.sdks.len(), 1);
        assert_eq!(
            m.sdks[0].evidence.as_ref().and_then(|e| e.file.as_deref()),
            Some("sdk-list.html")
        );
        assert_eq!(merge(vec![main.clone()]), main);
    }
}
