//! Helpers for detector tests: subjects from real SDK binaries, one-line assertions.
#![allow(dead_code)]

use std::path::Path;

use sdkflow::Limits;
use sdkflow::catalog::Catalog;
use sdkflow::detect::{Confidence, Detection, Detections, Detector, Evidence, Subject};

#[path = "../common/mod.rs"]
pub mod common;

/// The embedded catalogue (parsed once per test binary).
pub fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(Catalog::embedded)
}

/// Detect with the embedded catalogue.
pub fn detect(subject: &Subject<'_>) -> Detections {
    Detector::new(catalog()).detect(subject)
}

/// A subject from corpus archives (jar, aar) and native libraries (.so), all under `sdk/`.
pub fn subject(files: &[&str]) -> Subject<'static> {
    let mut subject = Subject::default();
    for rel in files {
        let path = common::corpus(&format!("sdk/{rel}"));
        add_file(&mut subject, &path, rel);
    }
    subject
}

/// Add one archive or .so to a subject.
pub fn add_file(subject: &mut Subject<'static>, path: &Path, name: &str) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    if name.ends_with(".so") {
        subject
            .native_libs
            .push(sdkflow::detect::native_input(name.to_string(), &bytes));
        return;
    }
    let inv = sdkflow::detect::subject_from_archive(name, &bytes, &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let offset = subject.code_files.len() as u32;
    subject.code_files.extend(inv.subject.code_files);
    subject
        .classes
        .extend(inv.subject.classes.into_iter().map(|mut c| {
            c.file += offset;
            c
        }));
    subject.native_libs.extend(inv.subject.native_libs);
}

/// The class names of a jar as `unzip -l` lists them: the independent oracle for counts.
pub fn jar_class_count_under(rel: &str, prefix_slash: &str) -> usize {
    let path = common::corpus(&format!("sdk/{rel}"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    (0..zip.len())
        .filter_map(|i| {
            zip.by_index(i)
                .ok()
                .and_then(|e| e.name().ok().map(|n| n.to_string()))
        })
        .filter(|n| n.ends_with(".class") && n.starts_with(prefix_slash))
        .count()
}

/// Assert `id` was detected with exactly `confidence`; returns it for more checks.
#[track_caller]
pub fn assert_detects<'d>(
    found: &'d Detections,
    id: &str,
    confidence: Confidence,
) -> &'d Detection {
    let ids: Vec<String> = found
        .sdks
        .iter()
        .map(|d| format!("{}({:?})", d.id, d.confidence))
        .collect();
    let d = found
        .get(id)
        .unwrap_or_else(|| panic!("`{id}` not detected; found {ids:?}"));
    assert_eq!(
        d.confidence, confidence,
        "`{id}` confidence; evidence {:#?}",
        d.evidence
    );
    d
}

/// Assert `id` was not detected.
#[track_caller]
pub fn assert_absent(found: &Detections, id: &str) {
    if let Some(d) = found.get(id) {
        panic!("`{id}` detected but should not be: {:#?}", d.evidence);
    }
}

/// The class count a detection's `Classes` evidence gives for `package`.
pub fn class_count(d: &Detection, package: &str) -> usize {
    d.evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Classes {
                package: p, count, ..
            } if p == package => Some(*count),
            _ => None,
        })
        .sum()
}

/// True when a detection has evidence of this kind naming `needle`.
pub fn has_evidence(d: &Detection, needle: &str) -> bool {
    d.evidence.iter().any(|e| match e {
        Evidence::Classes { package, .. } => package == needle,
        Evidence::Component { name, .. } => name == needle,
        Evidence::MetaData { name, .. } => name == needle,
        Evidence::NativeLib { path } => path.ends_with(needle),
        Evidence::JniSymbol { symbol, .. } => symbol.starts_with(needle),
        Evidence::Host { host, .. } => host == needle,
        Evidence::Permission { name } => name == needle,
        Evidence::ObfuscatedCode { package, .. } => package == needle,
    })
}

/// Detect on an APK the way `sdkflow sdks` does: container loader, dex parser, manifest
/// decoder, `detect_app`.
pub fn detect_apk(path: &Path) -> Detections {
    let app = sdkflow::apk::load(path, &Limits::default())
        .unwrap_or_else(|e| panic!("load {}: {e}", path.display()));
    detect_loaded(&app)
}

/// Detect on an already loaded app (tests that add nested dex files).
pub fn detect_loaded(app: &sdkflow::apk::LoadedApp) -> Detections {
    let multidex = sdkflow::dex::Multidex::from_app(app, sdkflow::dex::ParseOptions::default());
    let manifest = sdkflow::manifest::from_app(app).ok().map(|(m, _)| m);
    let detector = Detector::new(catalog());
    sdkflow::detect::detect_app(app, &multidex, manifest.as_ref(), &detector)
}

/// Class descriptors of an APK or dex as `dexdump` lists them (the oracle).
pub fn dexdump_classes(path: &Path) -> Vec<String> {
    common::oracle("dexdump", &[], path)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Class descriptor  : '"))
        .map(|l| l.trim_end_matches('\'').to_string())
        .collect()
}

/// How many of `classes` sit under the slash-separated package `prefix` (`com/x/`).
pub fn count_under(classes: &[String], prefix: &str) -> usize {
    let want = format!("L{prefix}");
    classes.iter().filter(|c| c.starts_with(&want)).count()
}

/// Every `const-string` of an APK per `dexdump -d`: `"Lc;->m(sig)R @0xNN"` → the string.
pub fn dexdump_const_strings(path: &Path) -> std::collections::HashMap<String, String> {
    let dump = common::oracle("dexdump", &["-d"], path);
    let mut out = std::collections::HashMap::new();
    let (mut class, mut name) = (String::new(), String::new());
    for line in dump.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("#")
            && let Some(c) = rest.split("(in ").nth(1)
        {
            class = c.trim_end_matches(')').to_string();
        } else if let Some(n) = t.strip_prefix("name          : '") {
            name = n.trim_end_matches('\'').to_string();
        } else if let Some(ty) = t.strip_prefix("type          : '") {
            name = format!("{name}{}", ty.trim_end_matches('\''));
        } else if let Some((_, insn)) = t.split_once('|')
            && let Some((off, rest)) = insn.split_once(": const-string")
            && let Some(q) = rest.find('"')
            && let Some(end) = rest.rfind("\" // string@")
            && let Ok(off) = u32::from_str_radix(off, 16)
        {
            let value = rest.get(q + 1..end).unwrap_or_default().to_string();
            out.insert(format!("{class}->{name} @0x{off:x}"), value);
        }
    }
    out
}

/// The detection in `host_only` with this id.
#[track_caller]
pub fn host_only<'d>(found: &'d Detections, id: &str) -> &'d Detection {
    found
        .host_only
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("`{id}` not in host_only: {:?}", found.host_only))
}

/// Ids of third-party detections at medium or high confidence, sorted.
pub fn third_party_ids(found: &Detections) -> Vec<String> {
    let mut ids: Vec<String> = found.third_party().map(|d| d.id.clone()).collect();
    ids.sort();
    ids
}

/// Ids of plain-library detections, sorted.
pub fn library_ids(found: &Detections) -> Vec<String> {
    let mut ids: Vec<String> = found
        .sdks
        .iter()
        .filter(|d| d.category == "library")
        .map(|d| d.id.clone())
        .collect();
    ids.sort();
    ids
}
