//! The gold labels of the real policy corpus (`tests/policy_gold/*.toml`, format in
//! `tests/policy_gold/README.md`) are well formed: each names an existing document of
//! `../shared/policies` (or `$SDKFLOW_SHARED/policies`), uses an allowed layout, only catalogue SDK ids, only permission
//! group ids or `android.permission.*` names, and every entry's name is really written on
//! the line it points to, and a file with unresolved listed names has notes; every corpus document has a gold file. A second test feeds a deliberately broken label to the same
//! checks so that each rule is seen to reject something.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

const LAYOUTS: &[&str] = &[
    "pipe-table",
    "html-table",
    "flattened-table",
    "record-blocks",
    "numbered-list",
    "bulleted-list",
    "prose",
    "links-only",
    "none",
];

/// One gold file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    document: String,
    layout: String,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    permissions: Vec<String>,
    #[serde(default)]
    listed: Vec<Entry>,
    #[serde(default)]
    mentioned: Vec<Entry>,
    #[serde(default)]
    partner: Vec<Entry>,
    #[serde(default)]
    removed: Vec<Entry>,
}

/// One `[[listed]]` / `[[mentioned]]` / `[[partner]]` / `[[removed]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    #[serde(default)]
    sdk: Option<String>,
    line: usize,
    /// Permissions the document declares for this SDK (optional).
    #[serde(default)]
    permissions: Vec<String>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared policy corpus: `$SDKFLOW_SHARED/policies`, else `shared/policies` next to
/// the repository or next to one of its parent folders (a git worktree sits one level
/// deeper than the main checkout). Fails with instructions when it is missing.
fn policies_dir() -> PathBuf {
    if let Some(shared) = std::env::var_os("SDKFLOW_SHARED") {
        let dir = PathBuf::from(shared).join("policies");
        assert!(
            dir.join("README.md").exists(),
            "missing real input {}: SDKFLOW_SHARED must name the shared folder holding policies/",
            dir.display()
        );
        return dir;
    }
    let root = repo();
    root.ancestors()
        .skip(1)
        .map(|a| a.join("shared/policies"))
        .find(|d| d.join("README.md").exists())
        .unwrap_or_else(|| {
            panic!(
                "missing real input: no shared/policies next to {} or its parents; put the shared corpus at ../shared or set SDKFLOW_SHARED",
                root.display()
            )
        })
}

/// The runtime permission group ids of `sdk-signatures/permissions.toml`.
fn permission_groups() -> BTreeSet<String> {
    let path = repo().join("sdk-signatures/permissions.toml");
    let text = std::fs::read_to_string(&path).expect("read permissions.toml");
    let value: toml::Value = toml::from_str(&text).expect("permissions.toml parses");
    value
        .get("group")
        .and_then(toml::Value::as_array)
        .expect("permissions.toml has [[group]] entries")
        .iter()
        .filter_map(|g| g.get("id").and_then(toml::Value::as_str))
        .map(str::to_owned)
        .collect()
}

/// Every document of the corpus, as a path under `policies/`: the top-level `*.md` files
/// other than README.md and every file of `ca4p/` other than its README.
fn corpus_documents(policies: &Path) -> Vec<String> {
    let mut docs = Vec::new();
    for (sub, prefix) in [("", ""), ("ca4p", "ca4p/")] {
        let dir = policies.join(sub);
        for entry in std::fs::read_dir(&dir).expect("read policy corpus folder") {
            let path = entry.expect("dir entry").path();
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let wanted = if sub.is_empty() {
                name.ends_with(".md")
            } else {
                name.ends_with(".txt")
            };
            if path.is_file() && wanted && name != "README.md" {
                docs.push(format!("{prefix}{name}"));
            }
        }
    }
    docs.sort();
    docs
}

/// The file name a gold file must have for its document.
fn expected_file_name(document: &str) -> String {
    let flat = document.replace('/', "__");
    let stem = flat.rsplit_once('.').map_or(flat.as_str(), |(s, _)| s);
    format!("{stem}.toml")
}

/// The line with HTML tags removed: Word and Aspose exports split a name across
/// `<span>` runs (`新<span class=GramE>浪微博</span> SDK`).
fn without_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) if !rest[open + 1..open + close].contains('<') => {
                out.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn valid_permission(name: &str, groups: &BTreeSet<String>) -> bool {
    if groups.contains(name) {
        return true;
    }
    name.strip_prefix("android.permission.")
        .is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Every problem of one gold file (empty when it is well formed).
fn check(
    file_name: &str,
    gold: &Gold,
    policies: &Path,
    sdks: &Path,
    groups: &BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let expected = expected_file_name(&gold.document);
    if file_name != expected {
        problems.push(format!(
            "{file_name}: file name should be {expected} for document {}",
            gold.document
        ));
    }
    if !LAYOUTS.contains(&gold.layout.as_str()) {
        problems.push(format!(
            "{file_name}: layout {:?} is not one of {LAYOUTS:?}",
            gold.layout
        ));
    }
    let unresolved = gold.listed.iter().filter(|e| e.sdk.is_none()).count();
    if unresolved > 0 && gold.notes.as_deref().is_none_or(|n| n.trim().is_empty()) {
        problems.push(format!(
            "{file_name}: {unresolved} listed entries have no sdk id but notes does not name them"
        ));
    }
    if gold.layout == "none" && !gold.listed.is_empty() {
        problems.push(format!(
            "{file_name}: layout none but {} listed entries",
            gold.listed.len()
        ));
    }
    for p in &gold.permissions {
        if !valid_permission(p, groups) {
            problems.push(format!(
                "{file_name}: permission {p:?} is neither a permissions.toml group id nor an android.permission.* name"
            ));
        }
    }
    let doc_path = policies.join(&gold.document);
    let lines: Vec<String> = match std::fs::read_to_string(&doc_path) {
        Ok(text) => text.split('\n').map(str::to_owned).collect(),
        Err(e) => {
            problems.push(format!(
                "{file_name}: document {} unreadable: {e}",
                doc_path.display()
            ));
            Vec::new()
        }
    };
    let kinds = [
        ("listed", &gold.listed),
        ("mentioned", &gold.mentioned),
        ("partner", &gold.partner),
        ("removed", &gold.removed),
    ];
    for (kind, entries) in kinds {
        for e in entries {
            let what = format!("{file_name}: {kind} {:?} (line {})", e.name, e.line);
            if e.name.trim().is_empty() || e.name.trim() != e.name {
                problems.push(format!("{what}: name must be non-empty and trimmed"));
            }
            if let Some(id) = &e.sdk
                && !sdks.join(format!("{id}.toml")).exists()
            {
                problems.push(format!(
                    "{what}: sdk {id:?} has no sdk-signatures/sdks/{id}.toml"
                ));
            }
            for p in &e.permissions {
                if !valid_permission(p, groups) {
                    problems.push(format!("{what}: permission {p:?} is not valid"));
                }
            }
            if lines.is_empty() {
                continue;
            }
            match e.line.checked_sub(1).and_then(|i| lines.get(i)) {
                None => problems.push(format!(
                    "{what}: line out of range (document has {} lines)",
                    lines.len()
                )),
                Some(line) => {
                    let raw = line.trim();
                    if !raw.contains(&e.name) && !without_tags(raw).contains(&e.name) {
                        problems.push(format!("{what}: name not on that line: {raw:?}"));
                    }
                }
            }
        }
    }
    problems
}

#[test]
fn every_gold_file_is_well_formed() {
    let policies = policies_dir();
    let sdks = repo().join("sdk-signatures/sdks");
    let groups = permission_groups();
    let gold_dir = repo().join("tests/policy_gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .expect("read tests/policy_gold")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 116,
        "expected at least 116 gold files (one per corpus document) in {}, found {}",
        gold_dir.display(),
        files.len()
    );
    let mut problems = Vec::new();
    let mut documents = BTreeSet::new();
    for path in &files {
        let name = path.file_name().expect("file name").to_string_lossy();
        let text = std::fs::read_to_string(path).expect("read gold file");
        let gold: Gold = match toml::from_str(&text) {
            Ok(g) => g,
            Err(e) => {
                problems.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        if !documents.insert(gold.document.clone()) {
            problems.push(format!("{name}: document {} labelled twice", gold.document));
        }
        problems.extend(check(&name, &gold, &policies, &sdks, &groups));
    }
    for document in corpus_documents(&policies) {
        if !documents.contains(&document) {
            problems.push(format!(
                "{document}: no gold file (expected tests/policy_gold/{})",
                expected_file_name(&document)
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in the gold labels:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_broken_label_is_rejected_by_each_rule() {
    let policies = policies_dir();
    let sdks = repo().join("sdk-signatures/sdks");
    let groups = permission_groups();
    // Line 1 of every corpus document is its `source:` line, so "source" is on line 1.
    let bad: Gold = toml::from_str(
        r#"
document = "kuadao_privacy.md"
layout = "table"
permissions = ["camera", "相机权限", "android.permission.camera"]

[[listed]]
name = "source"
sdk = "no-such-sdk"
line = 1

[[listed]]
name = "source"
line = 1

[[mentioned]]
name = "极光推送"
line = 1

[[removed]]
name = "source"
line = 100000
"#,
    )
    .expect("the broken label still parses");
    let problems = check("wrong_name.toml", &bad, &policies, &sdks, &groups);
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has("file name should be kuadao_privacy.toml"),
        "{problems:#?}"
    );
    assert!(has("layout \"table\""), "{problems:#?}");
    assert!(has("\"相机权限\""), "{problems:#?}");
    assert!(has("\"android.permission.camera\""), "{problems:#?}");
    assert!(!has("\"camera\" is"), "{problems:#?}");
    assert!(has("sdk \"no-such-sdk\""), "{problems:#?}");
    assert!(
        has("\"极光推送\" (line 1): name not on that line"),
        "{problems:#?}"
    );
    assert!(has("line out of range"), "{problems:#?}");
    assert!(has("1 listed entries have no sdk id"), "{problems:#?}");
    assert_eq!(problems.len(), 8, "{problems:#?}");
}

#[test]
fn tags_are_removed_only_as_whole_tags() {
    assert_eq!(
        without_tags("新<span class=GramE>浪微博</span><span lang=EN-US> SDK</span>"),
        "新浪微博 SDK"
    );
    assert_eq!(without_tags("a < b and <i>c</i>"), "a < b and c");
    assert_eq!(without_tags("class=GramE>魅</span>族"), "class=GramE>魅族");
}
