//! Helpers for the `samples_*` tests: read what we wrote in `samples/<name>/` (source manifest,
//! smali, C) so the tests compare the built APKs against the sources, never against numbers
//! copied from our own output.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::Event;

/// Every sample APK and the source folder it was built from (`broken` is `multidex`
/// post-processed by `build.sh`).
pub const SAMPLES: &[(&str, &str)] = &[
    ("basic", "basic"),
    ("multidex", "multidex"),
    ("obfuscated", "obfuscated"),
    ("flows", "flows"),
    ("broken", "multidex"),
];

/// `samples/<dir>` in the repository.
pub fn source_dir(dir: &str) -> PathBuf {
    crate::common::repo().join("samples").join(dir)
}

/// One element of the source manifest that the oracle tests compare: its tag and its
/// `android:name` as written (relative names such as `.MainActivity` stay relative).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Named {
    /// Element name (`activity`, `meta-data`, `uses-permission`...).
    pub tag: String,
    /// `android:name` value, or "" when the element has none.
    pub name: String,
    /// All attributes of the element (`android:` prefix kept).
    pub attrs: BTreeMap<String, String>,
}

/// What the tests need from a text AndroidManifest.xml.
#[derive(Debug, Default)]
pub struct SourceManifest {
    /// `package` attribute.
    pub package: String,
    /// `android:versionCode`.
    pub version_code: String,
    /// `android:versionName`.
    pub version_name: String,
    /// `uses-sdk` `android:minSdkVersion`.
    pub min_sdk: String,
    /// `uses-sdk` `android:targetSdkVersion`.
    pub target_sdk: String,
    /// Every element in document order (manifest itself excluded).
    pub elements: Vec<Named>,
}

impl SourceManifest {
    /// Elements with one of these tags, in document order.
    pub fn tagged(&self, tags: &[&str]) -> Vec<&Named> {
        self.elements
            .iter()
            .filter(|e| tags.contains(&e.tag.as_str()))
            .collect()
    }
}

/// Parse `samples/<dir>/AndroidManifest.xml` with quick-xml.
pub fn source_manifest(dir: &str) -> SourceManifest {
    let path = source_dir(dir).join("AndroidManifest.xml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = SourceManifest::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let tag = e.name().as_ref().to_string();
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    let key = a.key.as_ref().to_string();
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .expect("value")
                        .into_owned();
                    attrs.insert(key, value);
                }
                let get = |k: &str| attrs.get(k).cloned().unwrap_or_default();
                match tag.as_str() {
                    "manifest" => {
                        out.package = get("package");
                        out.version_code = get("android:versionCode");
                        out.version_name = get("android:versionName");
                        continue;
                    }
                    "uses-sdk" => {
                        out.min_sdk = get("android:minSdkVersion");
                        out.target_sdk = get("android:targetSdkVersion");
                    }
                    _ => {}
                }
                out.elements.push(Named {
                    name: get("android:name"),
                    tag,
                    attrs,
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert!(!out.package.is_empty(), "{}: no package", path.display());
    out
}

/// `<string name="...">` values of `samples/<dir>/res/values/strings.xml`.
pub fn source_strings(dir: &str) -> BTreeMap<String, String> {
    let path = source_dir(dir).join("res/values/strings.xml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "string" => {
                current = e
                    .attributes()
                    .filter_map(|a| a.ok())
                    .find(|a| a.key.as_ref() == "name")
                    .map(|a| {
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .expect("name")
                            .into_owned()
                    });
            }
            Ok(Event::Text(t)) => {
                if let Some(name) = current.take() {
                    out.insert(name, t.xml10_content().into_owned());
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    out
}

/// A method in the smali sources.
#[derive(Debug, Clone)]
pub struct SmaliMethod {
    /// `name(args)ret`.
    pub signature: String,
    /// Access flags and modifiers on the `.method` line.
    pub flags: Vec<String>,
    /// Lines between `.method` and `.end method`.
    pub body: String,
}

/// A class in the smali sources.
#[derive(Debug, Clone)]
pub struct SmaliClass {
    /// `Lpkg/Name;`.
    pub descriptor: String,
    /// `.super` descriptor.
    pub superclass: String,
    /// `.implements` descriptors.
    pub interfaces: Vec<String>,
    /// Methods in source order.
    pub methods: Vec<SmaliMethod>,
}

impl SmaliClass {
    /// The method with this `name(args)ret` signature.
    pub fn method(&self, signature: &str) -> Option<&SmaliMethod> {
        self.methods.iter().find(|m| m.signature == signature)
    }
}

fn smali_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            smali_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "smali") {
            out.push(path);
        }
    }
}

/// Parse one smali file (only the directives the tests use).
pub fn parse_smali(path: &Path) -> SmaliClass {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut class = SmaliClass {
        descriptor: String::new(),
        superclass: String::new(),
        interfaces: Vec::new(),
        methods: Vec::new(),
    };
    let mut current: Option<SmaliMethod> = None;
    for line in text.lines() {
        let t = line.trim();
        let last = t.split_whitespace().last().unwrap_or("").to_string();
        if let Some(m) = current.as_mut() {
            if t == ".end method" {
                class.methods.extend(current.take());
            } else {
                m.body.push_str(t);
                m.body.push('\n');
            }
        } else if t.starts_with(".class ") {
            class.descriptor = last;
        } else if t.starts_with(".super ") {
            class.superclass = last;
        } else if t.starts_with(".implements ") {
            class.interfaces.push(last);
        } else if t.starts_with(".method ") {
            let words: Vec<&str> = t.split_whitespace().collect();
            let flags = words[1..words.len() - 1]
                .iter()
                .map(|s| s.to_string())
                .collect();
            current = Some(SmaliMethod {
                signature: last,
                flags,
                body: String::new(),
            });
        }
    }
    assert!(
        !class.descriptor.is_empty(),
        "{}: no .class line",
        path.display()
    );
    class
}

/// Classes of `samples/<dir>/<smali_dir>` (e.g. `smali2` for classes2.dex), by descriptor.
pub fn smali_classes(dir: &str, smali_dir: &str) -> BTreeMap<String, SmaliClass> {
    let mut files = Vec::new();
    smali_files(&source_dir(dir).join(smali_dir), &mut files);
    files
        .iter()
        .map(|p| parse_smali(p))
        .map(|c| (c.descriptor.clone(), c))
        .collect()
}

/// The smali folders of a sample and the dex entry each becomes (`smali` -> classes.dex,
/// `smali2` -> classes2.dex, ...), as build.sh numbers them.
pub fn dex_folders(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for i in 1.. {
        let (folder, dex) = if i == 1 {
            ("smali".to_string(), "classes.dex".to_string())
        } else {
            (format!("smali{i}"), format!("classes{i}.dex"))
        };
        if !source_dir(dir).join(&folder).is_dir() {
            break;
        }
        out.push((folder, dex));
    }
    out
}

/// All classes of a sample across its dex folders.
pub fn all_smali_classes(dir: &str) -> BTreeMap<String, SmaliClass> {
    dex_folders(dir)
        .iter()
        .flat_map(|(folder, _)| smali_classes(dir, folder))
        .collect()
}

/// Entries of an APK (name -> bytes), read with the zip crate.
pub fn apk_entries(apk: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = fs::File::open(apk).unwrap_or_else(|e| panic!("open {}: {e}", apk.display()));
    let mut zip =
        zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("zip {}: {e}", apk.display()));
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("zip entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("inflate entry");
        out.insert(entry.name().expect("entry name").into_owned(), bytes);
    }
    out
}

/// `// needed: log c m` of a native C source -> {"liblog.so", "libc.so", "libm.so"}.
pub fn needed_from_c(path: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    text.lines()
        .filter_map(|l| l.strip_prefix("// needed: "))
        .flat_map(|l| l.split_whitespace().map(|n| format!("lib{n}.so")))
        .collect()
}

/// The JNI short name of a native method (`Java_<class>_<method>`), for the plain ASCII
/// names the samples use (no `_`, `;` or non-ASCII characters that need escapes).
pub fn jni_name(class_descriptor: &str, method_signature: &str) -> String {
    let class = class_descriptor
        .trim_start_matches('L')
        .trim_end_matches(';');
    let method = method_signature.split('(').next().unwrap_or("");
    assert!(
        !class.contains('_') && !method.contains('_'),
        "escape needed for {class}.{method}"
    );
    format!("Java_{}_{}", class.replace('/', "_"), method)
}

/// A path from `common::sample_apk`, checked to be a file.
pub fn apk(name: &str) -> PathBuf {
    crate::common::sample_apk(name)
}
