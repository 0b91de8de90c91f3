//! Coverage of Chinese vendors' SDKs (issue 11): every product family that the research
//! tables (`../shared/research/libchecker-rules.tsv`, `exodus-trackers.tsv`) attribute to a
//! Chinese vendor has a signature that detects it. Which vendors are Chinese comes from the
//! tables themselves (a LibChecker team written in Chinese characters, an Exodus website
//! under `.cn`) and from `sdk-signatures/vendors.toml` (the Latin spellings and domains of
//! Chinese companies); the families are read from the tables, never listed here.

mod detect_support;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use detect_support::catalog;
use sdkflow::catalog::pattern::Glob;
use sdkflow::detect::Subject;
use sdkflow::detect::{Detections, Detector};
use sdkflow::manifest::{Component, ComponentKind, Manifest};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vendors {
    vendor: Vec<Vendor>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vendor {
    name: String,
    #[serde(default)]
    name_zh: Option<String>,
    #[serde(default)]
    teams: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
}

fn vendors() -> Vendors {
    let path = detect_support::common::repo().join("sdk-signatures/vendors.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared/research` seen from the repository or one of its parents (a worktree sits one
/// level deeper than the main checkout), or `$SDKFLOW_RESEARCH`.
fn research(file: &str) -> String {
    let dir = std::env::var_os("SDKFLOW_RESEARCH")
        .map(PathBuf::from)
        .or_else(|| {
            detect_support::common::repo()
                .ancestors()
                .skip(1)
                .map(|a| a.join("shared/research"))
                .find(|p| p.is_dir())
        })
        .unwrap_or_else(|| {
            panic!("research tables not found: put ../shared/research next to the repository or set SDKFLOW_RESEARCH")
        });
    let path = dir.join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Detect with one detector compiled for the whole test binary (a thousand probes).
fn detect(subject: &Subject<'_>) -> Detections {
    static DETECTOR: std::sync::OnceLock<Detector<'static>> = std::sync::OnceLock::new();
    DETECTOR
        .get_or_init(|| Detector::new(catalog()))
        .detect(subject)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn host_of(url: &str) -> String {
    let rest = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    rest.split(['/', ':', '?'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

struct Chinese {
    teams: HashSet<String>,
    domains: Vec<String>,
}

impl Chinese {
    fn new() -> Chinese {
        let v = vendors();
        Chinese {
            teams: v.vendor.iter().flat_map(|v| v.teams.clone()).collect(),
            domains: v.vendor.iter().flat_map(|v| v.domains.clone()).collect(),
        }
    }
    fn team(&self, team: &str) -> bool {
        has_cjk(team) || self.teams.contains(team)
    }
    fn website(&self, url: &str) -> bool {
        let host = host_of(url);
        host.ends_with(".cn")
            || self
                .domains
                .iter()
                .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    }
}

#[test]
fn vendors_file_is_valid() {
    let v = vendors();
    assert!(v.vendor.len() >= 20);
    let mut teams = HashSet::new();
    let mut names = HashSet::new();
    for vendor in &v.vendor {
        assert!(!vendor.name.trim().is_empty());
        assert!(names.insert(vendor.name.clone()), "{} twice", vendor.name);
        if let Some(zh) = &vendor.name_zh {
            assert!(has_cjk(zh), "{}: name_zh {zh}", vendor.name);
        }
        assert!(
            !vendor.teams.is_empty() || !vendor.domains.is_empty(),
            "{}: no team and no domain",
            vendor.name
        );
        for t in &vendor.teams {
            assert!(teams.insert(t.clone()), "team {t} listed twice");
        }
        for d in &vendor.domains {
            assert!(
                sdkflow::catalog::pattern::is_host(d),
                "{}: `{d}` is not a host",
                vendor.name
            );
        }
    }
}

fn component(kind: ComponentKind, name: &str) -> Component {
    Component {
        kind,
        name: name.into(),
        target_activity: None,
        exported: false,
        exported_explicit: None,
        enabled: true,
        permission: None,
        read_permission: None,
        write_permission: None,
        process: None,
        authorities: Vec::new(),
        intent_filters: Vec::new(),
    }
}

/// The SDK ids an app with just this manifest component or native library is given.
fn detected_for(kind: &str, pattern: &str) -> BTreeSet<String> {
    let component_kind = match kind {
        "activities" => ComponentKind::Activity,
        "services" => ComponentKind::Service,
        "receivers" => ComponentKind::Receiver,
        "providers" => ComponentKind::Provider,
        _ => ComponentKind::Activity,
    };
    let manifest = Manifest {
        package: "com.example.coverage".into(),
        components: if kind == "native" {
            Vec::new()
        } else {
            vec![component(component_kind, pattern)]
        },
        ..Manifest::default()
    };
    let mut subject = Subject {
        manifest: Some(&manifest),
        ..Subject::default()
    };
    if kind == "native" {
        subject.add_native_lib(format!("lib/arm64-v8a/{pattern}"));
    }
    let found = detect(&subject);
    found
        .sdks
        .iter()
        .chain(&found.leftovers)
        .map(|d| d.id.clone())
        .collect()
}

/// One LibChecker family (team, label): its row count, the rows no signature knows, and the
/// signatures that know the others.
type Family = (usize, Vec<String>, BTreeSet<String>);

#[test]
fn every_chinese_libchecker_family_has_a_signature() {
    let chinese = Chinese::new();
    let table = research("libchecker-rules.tsv");
    let mut families: BTreeMap<(String, String), Family> = BTreeMap::new();
    let mut regex_rows = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, pattern, label, team, ..] = cols.as_slice() else {
            continue;
        };
        if !chinese.team(team) {
            continue;
        }
        if pattern.starts_with("regex/") {
            // LibChecker's own regular expressions are not in the table: not checkable.
            regex_rows += 1;
            continue;
        }
        let entry = families
            .entry((team.to_string(), label.to_string()))
            .or_default();
        entry.0 += 1;
        let ids = detected_for(kind, pattern);
        // A library name too generic to prove anything alone (`libutility.so`) is a weak
        // matcher on purpose: known to its signature, reported only next to other evidence.
        let weak: Vec<String> = if *kind == "native" {
            catalog()
                .sdks()
                .iter()
                .filter(|s| {
                    s.matchers
                        .weak_native_libs
                        .iter()
                        .any(|g| Glob::new(g).matches(pattern))
                })
                .map(|s| s.id.clone())
                .collect()
        } else {
            Vec::new()
        };
        if ids.is_empty() && weak.is_empty() {
            entry.1.push(format!("{kind} {pattern}"));
        }
        entry.2.extend(ids);
        entry.2.extend(weak);
    }
    let rows: usize = families.values().map(|f| f.0).sum();
    assert!(
        families.len() >= 200 && rows >= 900,
        "{} families, {rows} rows: is the table complete?",
        families.len()
    );
    let missing: Vec<String> = families
        .iter()
        .filter(|(_, f)| !f.1.is_empty())
        .map(|((team, label), f)| format!("{team} / {label}: {}", f.1.join(", ")))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {rows} Chinese-vendor rows ({regex_rows} regex rows skipped) are detected by no signature:\n{}",
        missing.len(),
        missing.join("\n")
    );
    // Each family has at least one signature that knows it.
    for ((team, label), f) in &families {
        assert!(!f.2.is_empty(), "{team} / {label}: no signature detects it");
    }
}

#[test]
fn every_chinese_exodus_tracker_has_a_signature() {
    let chinese = Chinese::new();
    let table = research("exodus-trackers.tsv");
    let cat = catalog();
    let mut checked = 0;
    let mut missing = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, code, network, website, ..] = cols.as_slice() else {
            continue;
        };
        if !(has_cjk(name) || chinese.website(website)) {
            continue;
        }
        checked += 1;
        let prefixes: Vec<String> = code
            .split('|')
            .map(|p| p.replace('\\', "").trim_end_matches('.').to_string())
            .filter(|p| !p.is_empty())
            .collect();
        // A prefix is covered when a class under it is detected, or when signatures claim
        // packages under it (`com.bytedance` is shared: Pangle, AppLog, Douyin each claim
        // their own sub-package).
        let covered = prefixes.iter().any(|p| {
            let mut subject = Subject::default();
            subject.add_classes("classes.dex", [format!("{p}.CoverageProbe")]);
            !detect(&subject).sdks.is_empty()
                || cat.sdks().iter().any(|s| {
                    s.matchers.packages.iter().any(|q| {
                        q.strip_prefix(p.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    })
                })
        });
        let host_covered = prefixes.is_empty()
            && network.split('|').any(|h| {
                let host = h.replace('\\', "");
                let mut subject = Subject::default();
                subject.strings.push(sdkflow::detect::CodeString {
                    value: format!("https://{host}/").into(),
                    location: "probe".into(),
                });
                let found = detect(&subject);
                !found.sdks.is_empty() || !found.host_only.is_empty()
            });
        if !covered && !host_covered {
            missing.push(format!("{name} ({code})"));
        }
    }
    assert!(
        checked >= 15,
        "only {checked} Chinese Exodus trackers: table incomplete?"
    );
    assert!(
        missing.is_empty(),
        "Chinese Exodus trackers without a signature:\n{}",
        missing.join("\n")
    );
}
