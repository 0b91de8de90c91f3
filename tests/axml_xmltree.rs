//! The decoded binary XML document equals `aapt dump xmltree <apk> AndroidManifest.xml`
//! element by element: names, line numbers, attribute names with resource ids, and values
//! in aapt's notation, for every corpus APK and the fixtures.

#[path = "common/aapt.rs"]
mod aapt;
mod common;

use std::path::{Path, PathBuf};

use aapt::XmlNode;
use sdkflow::axml::{Attribute, Document, Element, data_type};

/// aapt's `ResTable::normalizeForOutput`, on a string cut at its first NUL as C does.
fn normalize(s: &str) -> String {
    let s = s.split('\0').next().unwrap_or_default();
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('"', "\\\"")
}

/// aapt's `build_namespace`: the declared prefix of `uri`, else the URI itself, then `:`.
fn ns_prefix(doc: &Document, uri: Option<&str>) -> String {
    match uri {
        None => String::new(),
        Some(uri) => {
            let prefix = doc
                .namespaces
                .iter()
                .find(|n| n.uri == uri)
                .map(|n| n.prefix.clone())
                .unwrap_or_else(|| uri.to_string());
            format!("{prefix}:")
        }
    }
}

/// One attribute as `printXMLBlock` writes it, split at the first `=`.
fn aapt_attr(doc: &Document, a: &Attribute) -> (String, String) {
    let mut name = format!("{}{}", ns_prefix(doc, a.namespace.as_deref()), a.raw_name);
    if let Some(id) = a.resource_id {
        name.push_str(&format!("(0x{id:08x})"));
    }
    let v = a.value.expect("binary attributes are typed");
    let mut value = match v.data_type {
        data_type::NULL => "(null)".to_string(),
        data_type::REFERENCE => format!("@0x{:08x}", v.data),
        data_type::ATTRIBUTE => format!("?0x{:08x}", v.data),
        // aapt prints the raw string here, not the typed string.
        data_type::STRING => format!("\"{}\"", normalize(a.raw_value.as_deref().unwrap_or(""))),
        t => format!("(type 0x{t:x})0x{:x}", v.data),
    };
    if let Some(raw) = &a.raw_value {
        value.push_str(&format!(" (Raw: \"{}\")", normalize(raw)));
    }
    (name, value)
}

fn flatten(doc: &Document) -> Vec<XmlNode> {
    fn walk(doc: &Document, e: &Element, depth: usize, out: &mut Vec<XmlNode>) {
        out.push(XmlNode {
            depth,
            name: format!("{}{}", ns_prefix(doc, e.namespace.as_deref()), e.name),
            line: e.line,
            attrs: e.attributes.iter().map(|a| aapt_attr(doc, a)).collect(),
        });
        for c in &e.children {
            walk(doc, c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for root in &doc.roots {
        walk(doc, root, 0, &mut out);
    }
    out
}

fn xmltree_agrees(apk: &Path) -> Result<usize, String> {
    let out = std::process::Command::new("aapt")
        .args(["dump", "xmltree"])
        .arg(apk)
        .arg("AndroidManifest.xml")
        .output()
        .map_err(|e| format!("aapt not runnable ({e}): run `bash .ci/run`"))?;
    let (namespaces, theirs) = aapt::parse_xmltree(&String::from_utf8_lossy(&out.stdout));
    let app = sdkflow::apk::load(apk, &sdkflow::Limits::default()).map_err(|e| e.to_string())?;
    let doc = sdkflow::manifest::decode_app(&app)
        .map_err(|e| e.to_string())?
        .document;
    let ours_ns: Vec<(String, String)> = doc
        .namespaces
        .iter()
        .map(|n| (n.prefix.clone(), n.uri.clone()))
        .collect();
    if ours_ns != namespaces {
        return Err(format!("namespaces: ours {ours_ns:?}, aapt {namespaces:?}"));
    }
    let ours = flatten(&doc);
    if theirs.is_empty() {
        return Err("aapt printed no element".into());
    }
    for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        if o != t {
            return Err(format!("element #{i} differs:\nours: {o:#?}\naapt: {t:#?}"));
        }
    }
    if ours.len() != theirs.len() {
        return Err(format!("{} elements, aapt {}", ours.len(), theirs.len()));
    }
    Ok(ours.len())
}

fn corpus_apks() -> Vec<PathBuf> {
    let dir = common::appium_settings_apk()
        .parent()
        .expect("dir")
        .to_path_buf();
    let mut apks: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "apk"))
        .collect();
    apks.sort();
    apks
}

#[test]
fn every_corpus_manifest_matches_aapt_xmltree() {
    let mut failures = Vec::new();
    let mut elements = 0;
    for apk in corpus_apks() {
        match xmltree_agrees(&apk) {
            Ok(n) => elements += n,
            Err(e) => failures.push(format!("{}: {e}", apk.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(elements > 300, "only {elements} elements compared");
}

#[test]
fn fixture_manifests_match_aapt_xmltree() {
    for name in ["fixture.apk", "rich.apk"] {
        let apk = common::repo().join("tests/fixtures").join(name);
        if let Err(e) = xmltree_agrees(&apk) {
            panic!("{name}: {e}");
        }
    }
}
