//! SDK detection: match an app's code, manifest, native libraries and strings against the
//! compiled signature catalogue ([`crate::catalog`]). See `docs/detection.md` for the
//! rules (longest prefix wins, the app's own package subtree, confidence levels).

mod app;
mod archive;
mod compile;
mod model;
mod subject;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::catalog::Catalog;

pub use app::{
    detect_app, detect_app_with_native, is_evidence_string, subject_from_app, subject_with_native,
};
pub use archive::{ArchiveInventory, native_input, subject_from_archive};
pub use model::*;
pub use subject::{
    AbiMismatch, ClassRef, CodeString, NativeLibInput, StaticField, Subject, to_descriptor,
};

use compile::Compiled;
use subject::internal_name;

/// How many example classes a `Classes` evidence keeps.
const EXAMPLES: usize = 3;
/// How many JNI symbols per library and SDK are kept as evidence.
const SYMBOLS: usize = 3;

/// Namespaces of the Android platform and the Java runtime: never SDKs, never unknown.
const PLATFORM: &[&str] = &[
    "android/",
    "java/",
    "javax/",
    "dalvik/",
    "sun/",
    "libcore/",
    "org/w3c/",
    "org/xml/",
    "org/json/",
    "com/android/internal/",
];

/// The catalogue compiled for matching. Build it once and reuse it for every input.
pub struct Detector<'c> {
    catalog: &'c Catalog,
    compiled: Compiled,
}

#[derive(Default)]
struct ClassHits {
    count: usize,
    /// Classes that are not manifest components: R8 keeps component classes by name, so
    /// they repeat the manifest's evidence rather than add code evidence of their own.
    beyond_components: usize,
    examples: Vec<String>,
    files: BTreeSet<u32>,
}

#[derive(Default)]
struct Acc {
    classes: BTreeMap<String, ClassHits>,
    weak_classes: BTreeMap<String, ClassHits>,
    components: Vec<(String, String)>,
    meta_data: Vec<(String, Option<String>)>,
    native: Vec<String>,
    weak_native: Vec<String>,
    symbols: Vec<(String, String)>,
    /// Host → first code location (`Lcom/x/Y;->m()V @0x1a`).
    hosts: BTreeMap<String, String>,
    /// Host → first native library holding it in read-only data.
    native_hosts: BTreeMap<String, String>,
    version: Option<String>,
    /// A version field name of the SDK found in a renamed class under its package
    /// (`cn/jpush/a/a.VERSION_NAME`): used when the named field is absent.
    renamed_version: Option<String>,
}

impl Acc {
    fn strong_code(&self) -> bool {
        self.classes.values().any(|h| h.beyond_components > 0)
    }
    fn declared(&self) -> bool {
        !self.components.is_empty()
            || !self.meta_data.is_empty()
            || !self.native.is_empty()
            || !self.symbols.is_empty()
    }
}

impl<'c> Detector<'c> {
    /// Compile `catalog` (multi-pattern matchers over every signature at once).
    pub fn new(catalog: &'c Catalog) -> Detector<'c> {
        Detector {
            catalog,
            compiled: Compiled::new(catalog),
        }
    }

    /// Does `text` hold one of the catalogue's hosts (on label boundaries)?
    pub(crate) fn names_host(&self, text: &str) -> bool {
        !self.compiled.hosts_in(text).is_empty()
    }

    /// The catalogue this detector was compiled from.
    pub fn catalog(&self) -> &Catalog {
        self.catalog
    }

    /// Name every SDK in `subject`, with evidence, and list the code nobody claims.
    pub fn detect(&self, subject: &Subject<'_>) -> Detections {
        let mut accs: HashMap<usize, Acc> = HashMap::new();
        let app = subject
            .effective_app_package()
            .map(|p| p.replace('.', "/"))
            .filter(|p| !p.is_empty());
        let mut unknown: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        let mut problems = subject.problems.clone();
        let components: HashSet<String> = subject
            .manifest
            .map(|m| {
                m.components
                    .iter()
                    .map(|c| c.name.replace('.', "/"))
                    .collect()
            })
            .unwrap_or_default();

        for class in &subject.classes {
            let Some(internal) = internal_name(&class.descriptor) else {
                continue;
            };
            let owner = self.compiled.owner_of_class(internal);
            let own_len = app
                .as_deref()
                .filter(|a| is_under(internal, a))
                .map(str::len);
            match (owner, own_len) {
                // The app's own subtree wins unless a signature names something deeper
                // (demo app `com.vendor.sdk.demo` vs SDK prefix `com.vendor.sdk.core`).
                (Some((_, key_len, _)), Some(own)) if key_len <= own => {}
                (Some((sdk, key_len, weak)), _) => {
                    let acc = accs.entry(sdk).or_default();
                    let key = internal
                        .get(..key_len)
                        .unwrap_or(internal)
                        .replace('/', ".");
                    let map = if weak {
                        &mut acc.weak_classes
                    } else {
                        &mut acc.classes
                    };
                    let hits = map.entry(key).or_default();
                    hits.count += 1;
                    if !components.contains(internal) {
                        hits.beyond_components += 1;
                    }
                    if hits.examples.len() < EXAMPLES {
                        hits.examples.push(class.descriptor.to_string());
                    }
                    hits.files.insert(class.file);
                }
                (None, Some(_)) => {}
                (None, None) => {
                    if !PLATFORM.iter().any(|p| internal.starts_with(p)) {
                        let entry = unknown.entry(group_of(internal)).or_default();
                        entry.0 += 1;
                        if entry.1.len() < EXAMPLES {
                            entry.1.push(class.descriptor.to_string());
                        }
                    }
                }
            }
        }

        for field in &subject.static_fields {
            let Some(internal) = internal_name(&field.class) else {
                continue;
            };
            let key = (internal.to_string(), field.field.to_string());
            let version = field.value.trim();
            if version.is_empty() {
                continue;
            }
            // A version constant alone is no evidence: it only dates an SDK that other
            // evidence found (see `confidence`).
            if let Some(sdks) = self.compiled.version_fields.get(&key) {
                for &sdk in sdks {
                    accs.entry(sdk).or_default().version = Some(version.to_string());
                }
                continue;
            }
            // Obfuscated builds rename the class but keep constant field names.
            if let Some((sdk, _, false)) = self.compiled.owner_of_class(internal)
                && self
                    .compiled
                    .version_field_names
                    .get(sdk)
                    .is_some_and(|names| names.iter().any(|n| n == field.field.as_ref()))
            {
                let acc = accs.entry(sdk).or_default();
                acc.renamed_version
                    .get_or_insert_with(|| version.to_string());
            }
        }

        if let Some(manifest) = subject.manifest {
            for comp in &manifest.components {
                if let Some(sdk) = self.compiled.owner_of_component(&comp.name) {
                    let kind = serde_json::to_value(comp.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    accs.entry(sdk)
                        .or_default()
                        .components
                        .push((kind, comp.name.clone()));
                }
            }
            for meta in &manifest.meta_data {
                if let Some(&sdk) = self.compiled.meta_data.get(&meta.name) {
                    let acc = accs.entry(sdk).or_default();
                    if !acc.meta_data.iter().any(|(n, _)| n == &meta.name) {
                        acc.meta_data.push((meta.name.clone(), meta.value.clone()));
                    }
                }
            }
        }

        for lib in &subject.native_libs {
            let owner = self.compiled.owner_of_lib(&lib.file_name);
            if let Some(lie) = &lib.abi_mismatch {
                problems.push(self.abi_problem(subject, lib, lie, owner.map(|(sdk, _)| sdk)));
            }
            if let Some((sdk, weak)) = owner {
                let acc = accs.entry(sdk).or_default();
                if weak {
                    acc.weak_native.push(lib.path.to_string());
                } else {
                    acc.native.push(lib.path.to_string());
                }
            }
            let mut per_sdk: HashMap<usize, usize> = HashMap::new();
            for sym in &lib.symbols {
                if let Some(sdk) = self.compiled.owner_of_symbol(sym) {
                    let n = per_sdk.entry(sdk).or_default();
                    if *n < SYMBOLS {
                        accs.entry(sdk)
                            .or_default()
                            .symbols
                            .push((lib.path.to_string(), sym.to_string()));
                    }
                    *n += 1;
                }
            }
            for s in &lib.strings {
                for (sdk, host) in self.compiled.hosts_in(s) {
                    accs.entry(sdk)
                        .or_default()
                        .native_hosts
                        .entry(host.to_string())
                        .or_insert_with(|| lib.path.to_string());
                }
            }
        }

        for s in &subject.strings {
            // Every host pattern has at least one dot and four characters.
            if s.value.len() < 4 || !s.value.contains('.') {
                continue;
            }
            for (sdk, host) in self.compiled.hosts_in(&s.value) {
                accs.entry(sdk)
                    .or_default()
                    .hosts
                    .entry(host.to_string())
                    .or_insert_with(|| s.location.to_string());
            }
        }

        // Version from library names once we know which libraries belong to whom.
        for (&sdk, acc) in accs.iter_mut() {
            if acc.version.is_none() {
                acc.version = acc.renamed_version.take();
            }
            if acc.version.is_some() {
                continue;
            }
            let templates = self.compiled.version_libs.get(sdk);
            acc.version = templates.and_then(|ts| {
                acc.native.iter().find_map(|path| {
                    let name = path.rsplit('/').next().unwrap_or(path);
                    ts.iter().find_map(|t| t.extract(name))
                })
            });
        }

        let requested: BTreeSet<String> = subject
            .manifest
            .map(|m| m.permissions.iter().map(|p| p.name.clone()).collect())
            .unwrap_or_default();
        let app_dotted = subject.effective_app_package().unwrap_or_default();

        let mut sdks = Vec::new();
        for (sdk_index, acc) in &accs {
            let Some(sdk) = self.catalog.sdks().get(*sdk_index) else {
                continue;
            };
            let Some(confidence) = confidence(acc) else {
                continue;
            };
            let permissions = sdk
                .permissions
                .iter()
                .map(|p| p.replace("<app>", app_dotted))
                .filter(|p| requested.contains(p))
                .collect();
            sdks.push(Detection {
                id: sdk.id.clone(),
                name: sdk.name.clone(),
                name_zh: sdk.name_zh.clone(),
                vendor: sdk.vendor.clone(),
                category: sdk.category.clone(),
                confidence,
                version: acc.version.clone(),
                evidence: evidence(acc, subject),
                permissions,
                data_types: sdk.collects.clone(),
                bundled_by: Vec::new(),
            });
        }
        let found: BTreeSet<String> = sdks.iter().map(|d| d.id.clone()).collect();
        for d in &mut sdks {
            if let Some(sdk) = self.catalog.get(&d.id) {
                d.bundled_by = sdk
                    .bundled_by
                    .iter()
                    .filter(|p| found.contains(*p))
                    .cloned()
                    .collect();
            }
        }
        sdks.sort_by(|a, b| {
            (a.category == "library")
                .cmp(&(b.category == "library"))
                .then(b.confidence.cmp(&a.confidence))
                .then(a.id.cmp(&b.id))
        });

        let mut unknown: Vec<UnknownPackage> = unknown
            .into_iter()
            .map(|(package, (classes, examples))| UnknownPackage {
                package,
                classes,
                examples,
            })
            .collect();
        unknown.sort_by(|a, b| b.classes.cmp(&a.classes).then(a.package.cmp(&b.package)));
        let (host_only, sdks) = sdks
            .into_iter()
            .partition(|d| d.confidence == Confidence::Low);
        Detections {
            sdks,
            host_only,
            unknown,
            problems,
        }
    }

    /// The problem a lying ABI folder makes: located at the library, naming what the header
    /// really is and, when the library is an SDK's, whose it is.
    fn abi_problem(
        &self,
        subject: &Subject<'_>,
        lib: &NativeLibInput<'_>,
        lie: &AbiMismatch<'_>,
        owner: Option<usize>,
    ) -> crate::apk::Problem {
        let at = match subject.source.as_deref() {
            Some(source) => crate::Location::entry(source, lib.path.as_ref()),
            None => crate::Location::file(lib.path.as_ref()),
        };
        let whose = owner
            .and_then(|sdk| self.catalog.sdks().get(sdk))
            .map(|sdk| format!(" ({} native library)", sdk.id))
            .unwrap_or_default();
        crate::apk::Problem {
            at,
            message: format!(
                "lying ABI folder: a {} library under {}/{whose}; a device of that ABI cannot load it, so the folder is dead weight or hides what the file is",
                lie.header, lie.folder
            ),
        }
    }
}

/// Is `internal` (`com/a/b/C`) inside the package subtree `pkg` (`com/a`)?
fn is_under(internal: &str, pkg: &str) -> bool {
    internal
        .strip_prefix(pkg)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The group an unclaimed class is reported under: its package cut to three segments
/// (`com/vendor/sdk/core/X` → `com.vendor.sdk`), or its whole package when shorter.
fn group_of(internal: &str) -> String {
    let package = internal.rsplit_once('/').map_or("", |(p, _)| p);
    if package.is_empty() {
        return "(default package)".into();
    }
    package.split('/').take(3).collect::<Vec<_>>().join(".")
}

/// Code and a second kind of evidence: high. Code alone, or manifest / native evidence
/// without code (obfuscated or stripped code): medium. Hosts only: low. Weak matchers
/// alone prove nothing.
fn confidence(acc: &Acc) -> Option<Confidence> {
    let hosts = !acc.hosts.is_empty() || !acc.native_hosts.is_empty();
    if acc.strong_code() {
        // A weak package is code too: it does not count as a second kind of evidence.
        if acc.declared() || hosts || !acc.weak_native.is_empty() {
            return Some(Confidence::High);
        }
        return Some(Confidence::Medium);
    }
    if acc.declared() {
        return Some(Confidence::Medium);
    }
    if hosts {
        return Some(Confidence::Low);
    }
    None
}

fn evidence(acc: &Acc, subject: &Subject<'_>) -> Vec<Evidence> {
    let files = |set: &BTreeSet<u32>| {
        set.iter()
            .filter_map(|&i| subject.code_files.get(i as usize).map(|f| f.to_string()))
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    let mut classes: Vec<(&String, &ClassHits)> =
        acc.classes.iter().chain(acc.weak_classes.iter()).collect();
    classes.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    for (package, hits) in classes {
        out.push(Evidence::Classes {
            package: package.clone(),
            count: hits.count,
            examples: hits.examples.clone(),
            dex: files(&hits.files),
        });
    }
    for (kind, name) in &acc.components {
        out.push(Evidence::Component {
            component_kind: kind.clone(),
            name: name.clone(),
        });
    }
    for (name, value) in &acc.meta_data {
        out.push(Evidence::MetaData {
            name: name.clone(),
            value: value.clone(),
        });
    }
    for path in acc.native.iter().chain(&acc.weak_native) {
        out.push(Evidence::NativeLib { path: path.clone() });
    }
    for (path, symbol) in &acc.symbols {
        out.push(Evidence::JniSymbol {
            path: path.clone(),
            symbol: symbol.clone(),
        });
    }
    // A host in code and in a native library gives both places, code first.
    let mut hosts: Vec<(&String, &String)> = acc.hosts.iter().chain(&acc.native_hosts).collect();
    hosts.sort_by_key(|&(host, _)| host);
    for (host, location) in hosts {
        out.push(Evidence::Host {
            host: host.clone(),
            location: location.clone(),
        });
    }
    out
}
