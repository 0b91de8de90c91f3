//! A [`Subject`] from a loaded app: the class list, the evidence-worthy code strings with
//! their method location, and the version constants of every dex file (root and nested),
//! read in parallel and borrowed from the dex buffers.
//!
//! Speed matters here: the full instruction walk is what the dex inventory costs, and
//! detection must stay within 10% of it. So each dex is read in two cheap passes: the string
//! table marks the strings that can be evidence (host- or URL-like) in a bitset, then each
//! method's raw code units are scanned for a `const-string` of a marked index; only the few
//! methods that have one are decoded, to give the exact `Lcom/x/Y;->m()V @0x1a` location.

use std::borrow::Cow;

use rayon::prelude::*;

use super::subject::{ClassRef, CodeString, NativeLibInput, StaticField, Subject};
use super::{Detections, Detector};
use crate::apk::{LoadedApp, Problem};
use crate::dex::{DexEntry, EncodedValue, MethodFacts, Multidex, ParseOptions};
use crate::manifest::Manifest;
use crate::native::NativeLib;

/// Opcode bytes of `const-string` (format 21c) and `const-string/jumbo` (31c).
const CONST_STRING: u8 = 0x1a;
const CONST_STRING_JUMBO: u8 = 0x1b;

/// Getter names whose body is `return "<version>"` (`AMapLocationClient.getVersion()`,
/// `PayTask.getVersion()`): recorded as a static field named `getVersion()`.
const VERSION_GETTERS: &[&[u8]] = &[
    b"getVersion",
    b"getSdkVersion",
    b"getSDKVersion",
    b"getVersionName",
    b"getSdkVersionName",
];

/// File extensions that make a dotted word a file name, not a host (`index.html`).
const NOT_TLDS: &[&str] = &[
    "apk",
    "bin",
    "class",
    "conf",
    "css",
    "dat",
    "db",
    "dex",
    "gif",
    "gz",
    "htm",
    "html",
    "ini",
    "jar",
    "java",
    "jpeg",
    "jpg",
    "js",
    "json",
    "kt",
    "log",
    "mp3",
    "mp4",
    "png",
    "properties",
    "so",
    "tmp",
    "txt",
    "webp",
    "xml",
    "zip",
];

/// Longest string kept as evidence; longer constants are scripts or blobs, not endpoints.
const MAX_EVIDENCE_LEN: usize = 2048;
/// Longest static value kept as a version constant.
const MAX_VERSION_LEN: usize = 64;

/// What one dex file gives.
#[derive(Default)]
struct DexPart<'a> {
    classes: Vec<ClassRef<'a>>,
    strings: Vec<CodeString<'a>>,
    fields: Vec<StaticField<'a>>,
    problems: Vec<Problem>,
}

/// Build the detection subject of `app`: classes of `multidex` (first definition wins)
/// and of `app.nested_dex` (classes the root dex files do not define), code strings that
/// look like hosts or URLs with their method location, static string constants that can
/// carry a version (`*VERSION*` fields, every `BuildConfig` field, one-line version
/// getters), the manifest and the native libraries, read by [`crate::native::inspect_all`]
/// while the dex files are scanned. Dex files are read in parallel; a structure that does
/// not decode is a problem in [`Subject::problems`] and the rest of the file is still read.
/// A `.so` that is not ELF (an HTML error page saved under the library's name) is a
/// problem, not evidence.
pub fn subject_from_app<'a>(
    app: &'a LoadedApp,
    multidex: &Multidex<'a>,
    manifest: Option<&'a Manifest>,
) -> Subject<'a> {
    subject_filtered(app, multidex, manifest, None)
}

/// [`subject_from_app`], keeping only the code strings that hold one of `detector`'s
/// hosts (what [`Detector::detect`] would find in them anyway): the few methods that load
/// one are the only ones whose code is decoded.
fn subject_filtered<'a>(
    app: &'a LoadedApp,
    multidex: &Multidex<'a>,
    manifest: Option<&'a Manifest>,
    detector: Option<&Detector<'_>>,
) -> Subject<'a> {
    let (mut subject, (libs, problems)) = rayon::join(
        || code_subject(app, multidex, manifest, detector),
        || crate::native::inspect_all(app),
    );
    let libs = libs
        .into_iter()
        .map(|lib| -> NativeLibInput<'a> { NativeLibInput::from_native_owned(lib) });
    subject.native_libs.extend(libs);
    subject.problems.extend(problems);
    subject
}

/// [`subject_from_app`] with native libraries the caller already inspected
/// (`crate::native::inspect_all`, e.g. for `sdkflow inspect`): no second ELF parse. Their
/// problems are the caller's to report.
pub fn subject_with_native<'a>(
    app: &'a LoadedApp,
    multidex: &Multidex<'a>,
    manifest: Option<&'a Manifest>,
    native: &'a [NativeLib],
) -> Subject<'a> {
    let mut subject = code_subject(app, multidex, manifest, None);
    subject
        .native_libs
        .extend(native.iter().map(NativeLibInput::from_native));
    subject
}

/// [`detect_app`] for a caller that already ran [`crate::native::inspect_all`] (a run that
/// reports the inventory and the SDKs): the libraries are borrowed, not read again.
pub fn detect_app_with_native(
    app: &LoadedApp,
    multidex: &Multidex<'_>,
    manifest: Option<&Manifest>,
    native: &[NativeLib],
    detector: &Detector<'_>,
) -> Detections {
    let mut subject = code_subject(app, multidex, manifest, Some(detector));
    subject
        .native_libs
        .extend(native.iter().map(NativeLibInput::from_native));
    detector.detect(&subject)
}

/// The code part of a subject: classes, evidence strings and version constants of every
/// dex file, root and nested.
fn code_subject<'a>(
    app: &'a LoadedApp,
    multidex: &Multidex<'a>,
    manifest: Option<&'a Manifest>,
    detector: Option<&Detector<'_>>,
) -> Subject<'a> {
    let nested = Multidex::from_blobs(&app.source, &app.nested_dex, ParseOptions::default());
    let mut subject = Subject {
        manifest,
        source: Some(Cow::Borrowed(&app.source)),
        ..Subject::default()
    };
    subject.problems.extend(multidex.problems.iter().cloned());
    subject.problems.extend(nested.problems.iter().cloned());
    subject.code_incomplete = !multidex.problems.is_empty() || !nested.problems.is_empty();
    subject.files = app
        .entries
        .iter()
        .map(|e| Cow::Borrowed(e.name.as_str()))
        .collect();

    // (entry, is_nested) in load order: root dex files, then nested ones.
    let entries: Vec<(&DexEntry<'a>, bool)> = multidex
        .dexes
        .iter()
        .map(|e| (e, false))
        .chain(nested.dexes.iter().map(|e| (e, true)))
        .collect();
    subject.code_files = entries.iter().map(|(e, _)| Cow::Borrowed(e.name)).collect();
    let parts: Vec<DexPart<'a>> = entries
        .par_iter()
        .enumerate()
        .map(|(index, (entry, is_nested))| {
            let file_index = u32::try_from(index).unwrap_or(u32::MAX);
            // A class counts once, where the runtime loads it from. Without duplicate
            // definitions every root class is loaded from its own dex: no lookup.
            let keep = |descriptor: &str| {
                if !*is_nested && multidex.duplicates.is_empty() {
                    return true;
                }
                let root = multidex.class(descriptor);
                if *is_nested {
                    root.is_none()
                        && nested
                            .class(descriptor)
                            .and_then(|loc| nested.dexes.get(loc.dex))
                            .is_some_and(|e| std::ptr::eq(e, *entry))
                } else {
                    root.and_then(|loc| multidex.dexes.get(loc.dex))
                        .is_none_or(|e| std::ptr::eq(e, *entry))
                }
            };
            scan_dex(&app.source, entry, file_index, keep, detector)
        })
        .collect();
    for part in parts {
        subject.classes.extend(part.classes);
        subject.strings.extend(part.strings);
        subject.static_fields.extend(part.fields);
        subject.code_incomplete |= !part.problems.is_empty();
        subject.problems.extend(part.problems);
    }
    subject
}

/// Detect the SDKs of a loaded app: [`subject_from_app`] then [`Detector::detect`]. The
/// problems met while reading the code are in [`Detections::problems`].
pub fn detect_app(
    app: &LoadedApp,
    multidex: &Multidex<'_>,
    manifest: Option<&Manifest>,
    detector: &Detector<'_>,
) -> Detections {
    let subject = subject_filtered(app, multidex, manifest, Some(detector));
    detector.detect(&subject)
}

/// Read one dex file (see the module comment for the two passes).
fn scan_dex<'a>(
    source: &str,
    entry: &DexEntry<'a>,
    file_index: u32,
    keep: impl Fn(&str) -> bool,
    detector: Option<&Detector<'_>>,
) -> DexPart<'a> {
    let file = &entry.file;
    let mut part = DexPart::default();
    let problem = |e: &crate::dex::DexError| crate::dex::multidex::problem(source, entry.name, e);

    // Pass 1: the string table. The table is sorted, so the getter names are found by the
    // same walk.
    let count = file.string_count();
    let mut evidence = Bitset::new(count as usize);
    let mut getters: Vec<u32> = Vec::new();
    for idx in 0..count {
        match file.string_bytes(idx) {
            Ok(bytes) => {
                if is_evidence_string(bytes) {
                    // With a detector, only strings holding one of its hosts: the others
                    // would be dropped by `detect` after costing a method decode each.
                    let wanted = detector.is_none_or(|d| match std::str::from_utf8(bytes) {
                        Ok(text) => d.names_host(text),
                        Err(_) => file.string(idx).is_ok_and(|text| d.names_host(&text)),
                    });
                    if wanted {
                        evidence.insert(idx);
                    }
                } else if VERSION_GETTERS.contains(&bytes) {
                    getters.push(idx);
                }
            }
            Err(e) => {
                part.problems.push(problem(&e));
                break;
            }
        }
    }
    let any_evidence = evidence.any();

    // Pass 2: classes, static values, and the methods that load a marked string.
    let mut facts = MethodFacts::default();
    for class in file.class_defs() {
        let class = match class {
            Ok(c) => c,
            Err(e) => {
                part.problems.push(problem(&e));
                break;
            }
        };
        let descriptor = match file.type_descriptor(class.class_idx) {
            Ok(d) => d,
            Err(e) => {
                part.problems.push(problem(&e));
                continue;
            }
        };
        if !keep(&descriptor) {
            continue;
        }
        part.classes.push(ClassRef {
            descriptor: descriptor.clone(),
            file: file_index,
        });
        let wants_fields = class.static_values_off != 0;
        if !wants_fields && !any_evidence && getters.is_empty() {
            continue;
        }
        let data = match file.class_data(&class) {
            Ok(Some(d)) => d,
            Ok(None) => continue,
            Err(e) => {
                part.problems.push(problem(&e));
                continue;
            }
        };
        if wants_fields {
            let build_config = descriptor.ends_with("/BuildConfig;");
            match file.static_values(&class) {
                Ok(values) => {
                    for (field, value) in data.static_fields.iter().zip(values) {
                        let EncodedValue::String(sidx) = value else {
                            continue;
                        };
                        let Ok(name) = file
                            .field_id(field.field_idx)
                            .and_then(|f| file.string(f.name_idx))
                        else {
                            continue;
                        };
                        if !(build_config || name.to_ascii_uppercase().contains("VERSION")) {
                            continue;
                        }
                        if let Ok(value) = file.string(sidx)
                            && !value.trim().is_empty()
                            && value.len() <= MAX_VERSION_LEN
                        {
                            part.fields.push(StaticField {
                                class: descriptor.clone(),
                                field: name,
                                value,
                            });
                        }
                    }
                }
                Err(e) => part.problems.push(problem(&e)),
            }
        }
        for method in data.methods() {
            // The name is a table lookup; the code item is parsed only when needed.
            let getter_name = !getters.is_empty()
                && file
                    .method_id(method.method_idx)
                    .is_ok_and(|m| getters.contains(&m.name_idx));
            if !getter_name && !any_evidence {
                continue;
            }
            let code = match file.code_item(method.code_off) {
                Ok(Some(code)) => code,
                Ok(None) => continue,
                Err(e) => {
                    part.problems.push(problem(&e));
                    continue;
                }
            };
            let getter = getter_name && code.insns.len() <= 8;
            let loads_evidence = any_evidence && loads_marked_string(code.insns, &evidence);
            if !getter && !loads_evidence {
                continue;
            }
            if let Err(e) = facts.collect_into(&code) {
                part.problems.push(problem(&e));
            }
            if getter && let [only] = facts.strings.as_slice() {
                let name = file
                    .method_id(method.method_idx)
                    .and_then(|m| file.string(m.name_idx));
                if let (Ok(name), Ok(value)) = (name, file.string(only.string_idx))
                    && !value.trim().is_empty()
                    && value.len() <= MAX_VERSION_LEN
                {
                    part.fields.push(StaticField {
                        class: descriptor.clone(),
                        field: Cow::Owned(format!("{name}()")),
                        value,
                    });
                }
            }
            if !loads_evidence {
                continue;
            }
            for s in &facts.strings {
                if !evidence.contains(s.string_idx) {
                    continue;
                }
                let (Ok(value), Ok(location)) = (
                    file.string(s.string_idx),
                    file.code_location(method.method_idx, s.offset),
                ) else {
                    continue;
                };
                part.strings.push(CodeString {
                    value,
                    location: Cow::Owned(location),
                });
            }
        }
    }
    part
}

/// Does this bytecode possibly load a marked string? A cheap superset test on raw code
/// units: a `const-string` has its opcode in the low byte of a unit and the index in the
/// next one (two for `/jumbo`); the operand bytes of other instructions can only add false
/// positives, which the exact decode then drops.
fn loads_marked_string(insns: &[u8], marked: &Bitset) -> bool {
    let unit = |i: usize| {
        insns
            .get(i..i.saturating_add(2))
            .and_then(|b| b.try_into().ok())
            .map(u16::from_le_bytes)
    };
    // memchr2 skips the code between candidate opcode bytes; only those at the start of a
    // code unit (even offsets) can be opcodes.
    for i in memchr::memchr2_iter(CONST_STRING, CONST_STRING_JUMBO, insns) {
        if i % 2 != 0 {
            continue;
        }
        let idx = match insns.get(i).copied() {
            Some(CONST_STRING) => unit(i + 2).map(u32::from),
            _ => match (unit(i + 2), unit(i + 4)) {
                (Some(lo), Some(hi)) => Some(u32::from(lo) | (u32::from(hi) << 16)),
                _ => None,
            },
        };
        if idx.is_some_and(|idx| marked.contains(idx)) {
            return true;
        }
    }
    false
}

/// Can this string constant be evidence? URL-like (`scheme://...`) or host-like
/// (`stats.jpush.cn`, `api.x.com:443/path`): lowercase labels, at least one dot, an
/// alphabetic last label that is not a file extension. Class names (`com.x.Y`) and
/// sentences are not.
pub fn is_evidence_string(bytes: &[u8]) -> bool {
    if bytes.len() < 4 || bytes.len() > MAX_EVIDENCE_LEN {
        return false;
    }
    let dot = memchr::memchr(b'.', bytes);
    let colon_slash_slash = memchr::memchr_iter(b':', bytes)
        .find(|&i| bytes.get(i + 1..i + 3) == Some(b"//".as_slice()));
    if dot.is_none() {
        return false;
    }
    if let Some(pos) = colon_slash_slash {
        let scheme = bytes.get(..pos).unwrap_or_default();
        return !scheme.is_empty()
            && scheme
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    }
    let host = bytes
        .split(|&b| b == b'/' || b == b':')
        .next()
        .unwrap_or_default();
    if host.len() < 4
        || host.first() == Some(&b'.')
        || host.last() == Some(&b'.')
        || !host
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-'))
    {
        return false;
    }
    let mut labels = host.split(|&b| b == b'.');
    let Some(tld) = labels.next_back() else {
        return false;
    };
    if labels.any(<[u8]>::is_empty) {
        return false;
    }
    let tld_ok = (2..=24).contains(&tld.len()) && tld.iter().all(u8::is_ascii_lowercase);
    tld_ok && std::str::from_utf8(tld).is_ok_and(|t| !NOT_TLDS.contains(&t))
}

/// A fixed-size set of string indices.
struct Bitset {
    words: Vec<u64>,
    any: bool,
}

impl Bitset {
    fn new(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            any: false,
        }
    }
    fn insert(&mut self, idx: u32) {
        if let Some(w) = self.words.get_mut((idx / 64) as usize) {
            *w |= 1u64 << (idx % 64);
            self.any = true;
        }
    }
    fn contains(&self, idx: u32) -> bool {
        self.words
            .get((idx / 64) as usize)
            .is_some_and(|w| w & (1u64 << (idx % 64)) != 0)
    }
    fn any(&self) -> bool {
        self.any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_strings() {
        for yes in [
            "stats.jpush.cn",
            "https://stats.jpush.cn/v3/report",
            "www.google-analytics.com",
            "api.x.com:443/path",
            "tcp://10.0.0.1:80",
            "sis.jpush.io",
        ] {
            assert!(is_evidence_string(yes.as_bytes()), "{yes}");
        }
        for no in [
            "com.tencent.smtt.Foo",
            "index.html",
            "libjcore.so",
            "Hello world.",
            "a.b",
            ".x.com",
            "x..com",
            "%s://x",
            "1.2.3",
        ] {
            assert!(!is_evidence_string(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn raw_scan_finds_const_string() {
        let mut marked = Bitset::new(70_000);
        marked.insert(5);
        marked.insert(66_000);
        // const-string v0, #5 ; return-object v0
        assert!(loads_marked_string(
            &[0x1a, 0x00, 0x05, 0x00, 0x11, 0x00],
            &marked
        ));
        assert!(!loads_marked_string(
            &[0x1a, 0x00, 0x06, 0x00, 0x11, 0x00],
            &marked
        ));
        // const-string/jumbo v0, #66000 (0x101d0)
        assert!(loads_marked_string(
            &[0x1b, 0x00, 0xd0, 0x01, 0x01, 0x00],
            &marked
        ));
        // truncated: no panic
        assert!(!loads_marked_string(&[0x1a], &marked));
        assert!(!loads_marked_string(&[0x1b, 0x00, 0xd0], &marked));
    }
}
