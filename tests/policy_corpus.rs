//! The policy reader scored against the gold labels of the real policy corpus
//! (`tests/policy_gold/*.toml`, one per document of `../shared/policies/`, written by people
//! reading the documents; format in `tests/policy_gold/README.md`).
//!
//! Prints a per-document and per-layout table, then asserts the floors measured so far and
//! (ignored until they hold) the targets of issue 10:
//! listed-SDK precision and recall ≥ 0.95, permissions explained (recall and precision at
//! permission-group level) ≥ 0.90, no removed SDK declared, no partner reported as an SDK.
//! The counting rules are in `docs/policy.md` ("Scoring against the corpus").
//!
//! The documents are read from `$SDKFLOW_SHARED/policies` (or `$SHARED/policies`; by
//! default the first `shared/policies` beside the checkout or any parent folder). `SDKFLOW_CORPUS_DETAIL=1` also prints every miss and false positive.
//!
//! Run: `SDKFLOW_SHARED=/work/shared cargo test --test policy_corpus -- --nocapture`

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use sdkflow::catalog::Catalog;
use sdkflow::dictionary::Dictionary;
use sdkflow::dictionary::text::normalize;
use sdkflow::policy::{self, Aliases, DeclaredPolicy, DeclaredSdk};

const TARGET_LISTED_PRECISION: f64 = 0.95;
const TARGET_LISTED_RECALL: f64 = 0.95;
const TARGET_PERMISSIONS: f64 = 0.90;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn policies_dir() -> PathBuf {
    let shared = shared_dir();
    let dir = shared.join("policies");
    assert!(
        dir.join("README.md").exists(),
        "missing real policy corpus {}: set SDKFLOW_SHARED (or SHARED) to the shared inputs folder (the one holding policies/)",
        dir.display()
    );
    dir
}

/// The shared inputs folder: `$SDKFLOW_SHARED`, else `$SHARED`, else the first folder
/// named `shared` holding `policies/` beside the checkout or beside any of its parents
/// (a worktree at `/work/wt/<name>` finds `/work/shared`).
fn shared_dir() -> PathBuf {
    for var in ["SDKFLOW_SHARED", "SHARED"] {
        if let Some(v) = std::env::var_os(var) {
            return PathBuf::from(v);
        }
    }
    let repo = repo();
    repo.ancestors()
        .map(|a| a.join("shared"))
        .find(|s| s.join("policies/README.md").exists())
        .unwrap_or_else(|| repo.join("../shared"))
}

/// One gold entry (`[[listed]]`, `[[mentioned]]`, `[[partner]]`, `[[removed]]`).
#[derive(Debug, Clone, Deserialize)]
struct GoldSdk {
    name: String,
    #[serde(default)]
    sdk: Option<String>,
    #[serde(default)]
    line: Option<usize>,
}

/// One gold file.
#[derive(Debug, Deserialize)]
struct Gold {
    document: String,
    layout: String,
    #[serde(default)]
    listed: Vec<GoldSdk>,
    #[serde(default)]
    mentioned: Vec<GoldSdk>,
    #[serde(default)]
    partner: Vec<GoldSdk>,
    #[serde(default)]
    removed: Vec<GoldSdk>,
    #[serde(default)]
    permissions: Vec<String>,
}

fn gold_files() -> Vec<(PathBuf, Gold)> {
    let dir = repo().join("tests/policy_gold");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let gold: Gold =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, gold)
        })
        .collect()
}

/// A name reduced for matching: normalised (width, case, script), only letters and digits,
/// and without a trailing or leading `sdk`.
fn key(name: &str) -> String {
    let n: String = normalize(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let n = n.strip_suffix("sdk").unwrap_or(&n);
    let n = n.strip_prefix("sdk").unwrap_or(n);
    n.to_owned()
}

/// Same SDK: by catalogue id when both have one (the reader's alternatives count), else
/// one normalised name contains the other (the shorter at least two characters).
fn same(reader: &DeclaredSdk, gold: &GoldSdk) -> bool {
    if let (Some(r), Some(g)) = (&reader.sdk_id, &gold.sdk)
        && (r == g || reader.alternatives.iter().any(|a| a == g))
    {
        return true;
    }
    if reader.sdk_id.is_some() && gold.sdk.is_some() {
        // Both resolved to different ids: the names may still be the same words (an
        // ambiguous alias resolved to a sibling id); fall through to the names.
    }
    names_match(&reader.name, &gold.name)
}

fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short.chars().count() >= 2 && long.contains(&short)
}

/// Permission-group keys of an Android permission: its runtime group, the phrase groups
/// that contain it, or its own name when it belongs to no group.
fn permission_keys(dict: &Dictionary, name: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    if let Some(p) = dict.permission(name)
        && p.group != "none"
    {
        keys.push(p.group.clone());
    }
    for g in dict.groups() {
        if g.permissions.iter().any(|x| x == name) && !keys.contains(&g.id) {
            keys.push(g.id.clone());
        }
    }
    if keys.is_empty() {
        keys.push(name.to_owned());
    }
    keys
}

#[derive(Debug, Default, Clone)]
struct Score {
    docs: usize,
    gold: usize,
    found: usize,
    reader: usize,
    correct: usize,
    mentioned_hits: usize,
    removed_declared: usize,
    partners_as_sdks: usize,
    partners_gold: usize,
    partners_reported: usize,
    perm_gold: usize,
    perm_found: usize,
    perm_reader: usize,
    perm_correct: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.found += o.found;
        self.reader += o.reader;
        self.correct += o.correct;
        self.mentioned_hits += o.mentioned_hits;
        self.removed_declared += o.removed_declared;
        self.partners_as_sdks += o.partners_as_sdks;
        self.partners_gold += o.partners_gold;
        self.partners_reported += o.partners_reported;
        self.perm_gold += o.perm_gold;
        self.perm_found += o.perm_found;
        self.perm_reader += o.perm_reader;
        self.perm_correct += o.perm_correct;
    }
    fn precision(&self) -> f64 {
        ratio(self.correct, self.reader)
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn perm_recall(&self) -> f64 {
        ratio(self.perm_found, self.perm_gold)
    }
    fn perm_precision(&self) -> f64 {
        ratio(self.perm_correct, self.perm_reader)
    }
    fn row(&self, label: &str) -> String {
        format!(
            "{label:<44} {:>3} {:>4} {:>4} {:>4} {:>4}  P {:.3} R {:.3} | perm {:>3}/{:<3} R {:.3} P {:.3} | rm {} pa {}",
            self.docs,
            self.gold,
            self.found,
            self.reader,
            self.correct,
            self.precision(),
            self.recall(),
            self.perm_found,
            self.perm_gold,
            self.perm_recall(),
            self.perm_precision(),
            self.removed_declared,
            self.partners_as_sdks,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Score one document; `detail` gets its misses and false positives.
fn score(dict: &Dictionary, gold: &Gold, read: &DeclaredPolicy, detail: &mut String) -> Score {
    let mut s = Score {
        docs: 1,
        gold: gold.listed.len(),
        partners_gold: gold.partner.len(),
        ..Score::default()
    };
    let mut found = vec![false; gold.listed.len()];
    for r in read.sdks.iter().filter(|x| x.listed) {
        let hits: Vec<usize> = gold
            .listed
            .iter()
            .enumerate()
            .filter(|(_, g)| same(r, g))
            .map(|(k, _)| k)
            .collect();
        if !hits.is_empty() {
            s.reader += 1;
            s.correct += 1;
            if r.sdk_id.is_none()
                && let Some(id) = hits
                    .iter()
                    .find_map(|&k| gold.listed.get(k).and_then(|g| g.sdk.as_deref()))
            {
                // Found but not resolved: the catalogue lacks this spelling.
                let _ = writeln!(detail, "    ALIAS {} → {id}", r.name);
            }
            for k in hits {
                if let Some(f) = found.get_mut(k) {
                    *f = true;
                }
            }
            continue;
        }
        if gold.mentioned.iter().any(|g| same(r, g)) {
            s.mentioned_hits += 1;
            continue;
        }
        s.reader += 1;
        let why = if gold.removed.iter().any(|g| same(r, g)) {
            s.removed_declared += 1;
            "removed SDK declared"
        } else if gold.partner.iter().any(|g| same(r, g)) {
            s.partners_as_sdks += 1;
            "partner reported as SDK"
        } else {
            "not in the gold list"
        };
        let line = r.evidence.as_ref().map_or(0, |e| e.line);
        let _ = writeln!(
            detail,
            "    FP  L{line:<5} {} → {} ({why})",
            r.name,
            r.sdk_id.as_deref().unwrap_or("-")
        );
    }
    for (g, f) in gold.listed.iter().zip(&found) {
        if *f {
            s.found += 1;
        } else {
            let _ = writeln!(
                detail,
                "    FN  L{:<5} {} ({})",
                g.line.unwrap_or(0),
                g.name,
                g.sdk.as_deref().unwrap_or("-")
            );
        }
    }
    s.partners_reported = gold
        .partner
        .iter()
        .filter(|g| read.partners.iter().any(|p| names_match(&p.name, &g.name)))
        .count();

    // Permissions at group level.
    let gold_perms: BTreeSet<&str> = gold.permissions.iter().map(String::as_str).collect();
    let mut reader_units: BTreeSet<String> = BTreeSet::new();
    let mut reader_keys: BTreeSet<String> = BTreeSet::new();
    for p in &read.permissions {
        let keys = permission_keys(dict, &p.permission);
        reader_keys.extend(keys.iter().cloned());
        let unit = keys
            .iter()
            .find(|k| gold_perms.contains(k.as_str()))
            .or(keys.first())
            .cloned()
            .unwrap_or_default();
        reader_units.insert(unit);
    }
    s.perm_gold = gold_perms.len();
    // A gold group is explained when a permission the reader found belongs to it (a
    // permission in two groups, READ_EXTERNAL_STORAGE in storage and photos, explains both).
    s.perm_found = gold_perms
        .iter()
        .filter(|g| reader_keys.contains(**g))
        .count();
    s.perm_reader = reader_units.len();
    s.perm_correct = reader_units
        .iter()
        .filter(|u| gold_perms.contains(u.as_str()))
        .count();
    for g in gold_perms.iter().filter(|g| !reader_keys.contains(**g)) {
        let _ = writeln!(detail, "    perm FN {g}");
    }
    for u in reader_units
        .iter()
        .filter(|u| !gold_perms.contains(u.as_str()))
    {
        let _ = writeln!(detail, "    perm FP {u}");
    }
    s
}

/// Read every labelled document, print the tables, return (per layout, overall).
fn run() -> (BTreeMap<String, Score>, Score, usize) {
    let dir = policies_dir();
    let dict = Dictionary::embedded().expect("dictionary");
    let aliases = Aliases::new(Catalog::embedded().aliases());
    let detail_wanted = std::env::var_os("SDKFLOW_CORPUS_DETAIL").is_some();
    let golds = gold_files();
    let mut by_layout: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<44} {:>3} {:>4} {:>4} {:>4} {:>4}",
        "document", "n", "gold", "fnd", "rdr", "ok"
    );
    for (path, gold) in &golds {
        let doc = dir.join(&gold.document);
        assert!(
            doc.exists(),
            "{}: document {} not found",
            path.display(),
            doc.display()
        );
        let read = policy::read_file(&doc, dict, &aliases).expect("policy reads");
        let mut detail = String::new();
        let s = score(dict, gold, &read, &mut detail);
        let label = format!(
            "{} [{}]",
            gold.document.trim_start_matches("ca4p/"),
            gold.layout
        );
        let _ = writeln!(
            out,
            "{}",
            s.row(&label.chars().take(44).collect::<String>())
        );
        if detail_wanted {
            out.push_str(&detail);
        }
        by_layout.entry(gold.layout.clone()).or_default().add(&s);
        total.add(&s);
    }
    let _ = writeln!(out, "\nper layout");
    for (layout, s) in &by_layout {
        let _ = writeln!(out, "{}", s.row(layout));
    }
    let _ = writeln!(out, "{}", total.row("overall"));
    println!("{out}");
    (by_layout, total, golds.len())
}

fn document_count(dir: &Path) -> usize {
    let mut n = 0;
    for sub in [dir.to_path_buf(), dir.join("ca4p")] {
        n += std::fs::read_dir(&sub)
            .unwrap_or_else(|e| panic!("{}: {e}", sub.display()))
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                e.path().is_file() && name != "README.md" && !name.starts_with('.')
            })
            .count();
    }
    n
}

/// Every document of the corpus has its gold file, and every gold file names a document.
#[test]
fn every_document_has_gold_labels() {
    let dir = policies_dir();
    let golds = gold_files();
    let labelled: BTreeSet<&str> = golds.iter().map(|(_, g)| g.document.as_str()).collect();
    let total = document_count(&dir);
    assert_eq!(
        labelled.len(),
        golds.len(),
        "two gold files label the same document"
    );
    for (path, g) in &golds {
        let expected = g.document.replace('/', "__");
        let stem = expected
            .rsplit_once('.')
            .map_or(expected.as_str(), |(s, _)| s);
        assert_eq!(
            path.file_stem().and_then(|s| s.to_str()),
            Some(stem),
            "{} labels {}",
            path.display(),
            g.document
        );
    }
    assert_eq!(
        labelled.len(),
        total,
        "{} of the {total} documents have gold labels",
        labelled.len()
    );
}

/// What the reader measured on the corpus when these floors were last raised (branch
/// policy-recall: P 0.958, R 0.857, permissions R 0.837 / P 0.819, 12 partners reported as
/// SDKs). A change that reads the corpus worse fails here; raise the floors as
/// the reader improves, never lower them to let a change through.
const FLOOR_LISTED_PRECISION: f64 = 0.95;
const FLOOR_LISTED_RECALL: f64 = 0.85;
const FLOOR_PERMISSION_RECALL: f64 = 0.83;
const FLOOR_PERMISSION_PRECISION: f64 = 0.81;
const FLOOR_PARTNERS_AS_SDKS: usize = 12;

/// No regression below the measured floors (the table is printed first).
#[test]
fn reader_holds_its_measured_floor_on_the_corpus() {
    let (_, total, n) = run();
    assert!(n > 0, "no gold labels in tests/policy_gold");
    assert_eq!(total.removed_declared, 0, "removed SDKs declared");
    assert!(
        total.partners_as_sdks <= FLOOR_PARTNERS_AS_SDKS,
        "{} partners reported as SDKs (floor {FLOOR_PARTNERS_AS_SDKS})",
        total.partners_as_sdks
    );
    for (what, got, floor) in [
        (
            "listed-SDK precision",
            total.precision(),
            FLOOR_LISTED_PRECISION,
        ),
        ("listed-SDK recall", total.recall(), FLOOR_LISTED_RECALL),
        (
            "permissions recall",
            total.perm_recall(),
            FLOOR_PERMISSION_RECALL,
        ),
        (
            "permissions precision",
            total.perm_precision(),
            FLOOR_PERMISSION_PRECISION,
        ),
    ] {
        assert!(got >= floor, "{what} {got:.3} fell below its floor {floor}");
    }
}

/// The targets of issue 10 on the whole labelled corpus. Not met yet (recall 0.774,
/// permissions 0.837 / 0.818, 12 partners as SDKs): run with `--ignored` to see how far.
#[test]
#[ignore = "issue 10 targets not met yet (listed R 0.774 < 0.95, permissions 0.84/0.82 < 0.90); run with --ignored"]
fn reader_meets_the_corpus_targets() {
    let (_, total, n) = run();
    assert!(n > 0, "no gold labels in tests/policy_gold");
    assert_eq!(total.removed_declared, 0, "removed SDKs declared");
    assert_eq!(total.partners_as_sdks, 0, "partners reported as SDKs");
    assert!(
        total.precision() >= TARGET_LISTED_PRECISION,
        "listed-SDK precision {:.3} < {TARGET_LISTED_PRECISION}",
        total.precision()
    );
    assert!(
        total.recall() >= TARGET_LISTED_RECALL,
        "listed-SDK recall {:.3} < {TARGET_LISTED_RECALL}",
        total.recall()
    );
    assert!(
        total.perm_recall() >= TARGET_PERMISSIONS,
        "permissions explained recall {:.3} < {TARGET_PERMISSIONS}",
        total.perm_recall()
    );
    assert!(
        total.perm_precision() >= TARGET_PERMISSIONS,
        "permissions explained precision {:.3} < {TARGET_PERMISSIONS}",
        total.perm_precision()
    );
}

/// The scorer itself: ids match ids, names match by containment, short keys never match.
#[test]
fn scorer_matches_by_id_then_name() {
    let gold = |name: &str, sdk: Option<&str>| GoldSdk {
        name: name.into(),
        sdk: sdk.map(Into::into),
        line: None,
    };
    let reader = |name: &str, id: Option<&str>| DeclaredSdk {
        name: name.into(),
        sdk_id: id.map(Into::into),
        listed: true,
        ..DeclaredSdk::default()
    };
    assert!(same(
        &reader("JPush", Some("jpush")),
        &gold("极光推送SDK", Some("jpush"))
    ));
    assert!(same(
        &reader("极光推送", None),
        &gold("极光推送SDK", Some("jpush"))
    ));
    assert!(same(&reader("ＭＯＢ ＳＤＫ", None), &gold("mob", None)));
    assert!(!same(&reader("SDK", None), &gold("极光推送SDK", None)));
    assert!(!same(
        &reader("个推", Some("getui")),
        &gold("极光推送", Some("jpush"))
    ));
}
