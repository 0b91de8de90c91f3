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
    /// Platform sdk → (plugin package, classes of this SDK's plugin for it).
    plugin_classes: BTreeMap<usize, (String, ClassHits)>,
}

impl Acc {
    fn strong_code(&self) -> bool {
        self.classes.values().any(|h| h.beyond_components > 0)
    }
    /// Any class of the SDK in the code, weak packages included.
    fn any_code(&self) -> bool {
        !self.classes.is_empty() || !self.weak_classes.is_empty()
    }
    /// Any native library, JNI export or host in a library.
    fn any_native(&self) -> bool {
        !self.native.is_empty()
            || !self.weak_native.is_empty()
            || !self.symbols.is_empty()
            || !self.native_hosts.is_empty()
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
        let app_roots = self.app_roots(subject);
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
            let own_len = app_roots
                .iter()
                .filter(|a| is_under(internal, a))
                .map(String::len)
                .max();
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
                    if !weak
                        && let Some((platform, plugin_len)) = self.compiled.plugin_of(sdk, internal)
                    {
                        let key = internal
                            .get(..plugin_len)
                            .unwrap_or(internal)
                            .replace('/', ".");
                        let (_, hits) = acc
                            .plugin_classes
                            .entry(platform)
                            .or_insert_with(|| (key, ClassHits::default()));
                        hits.count += 1;
                        if hits.examples.len() < EXAMPLES {
                            hits.examples.push(class.descriptor.to_string());
                        }
                        hits.files.insert(class.file);
                    }
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
                // The app's own component is matched only by name (`*.wxapi.WXEntryActivity`),
                // never through a vendor prefix its package happens to lie under.
                let internal = comp.name.replace('.', "/");
                let owner = if app_roots.iter().any(|r| is_under(&internal, r)) {
                    self.compiled.listed_component(&comp.name)
                } else {
                    self.compiled.owner_of_component(&comp.name)
                };
                if let Some(sdk) = owner {
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

        // Obfuscated package → SDKs whose hosts its code holds → the first such host.
        let mut obfuscated: BTreeMap<String, BTreeMap<usize, (String, String)>> = BTreeMap::new();
        for s in &subject.strings {
            // Every host pattern has at least one dot and four characters.
            if s.value.len() < 4 || !s.value.contains('.') {
                continue;
            }
            let obfuscated_in = self.obfuscated_package(&s.location, &app_roots);
            for (sdk, host) in self.compiled.hosts_in(&s.value) {
                accs.entry(sdk)
                    .or_default()
                    .hosts
                    .entry(host.to_string())
                    .or_insert_with(|| s.location.to_string());
                if let Some(package) = &obfuscated_in {
                    obfuscated
                        .entry(package.clone())
                        .or_default()
                        .entry(sdk)
                        .or_insert_with(|| (host.to_string(), s.location.to_string()));
                }
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

        let packer = self.packer(subject);
        // Without the whole code (a packed app, a dex that does not decode, an input with no
        // code) a missing class proves nothing: no leftover is called then.
        let code_complete =
            packer.is_none() && !subject.code_incomplete && !subject.classes.is_empty();

        // Platforms whose evidence a detected SDK's plugin accounts for: platform → parents.
        let mut plugin_parents: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (&parent, acc) in &accs {
            if acc.strong_code() {
                for &platform in acc.plugin_classes.keys() {
                    plugin_parents.entry(platform).or_default().push(parent);
                }
            }
        }
        let mut plugins: BTreeMap<usize, Vec<Plugin>> = BTreeMap::new();
        for (&platform, parents) in &plugin_parents {
            let Some(sdk) = self.catalog.sdks().get(platform) else {
                continue;
            };
            // The platform's own code makes it an SDK of its own; its evidence stays there.
            let moved = accs
                .get(&platform)
                .filter(|acc| !acc.any_code() && !acc.any_native())
                .map(|acc| evidence(acc, subject))
                .unwrap_or_default();
            for &parent in parents {
                let Some((package, hits)) = accs
                    .get(&parent)
                    .and_then(|acc| acc.plugin_classes.get(&platform))
                else {
                    continue;
                };
                let mut ev = vec![Evidence::Classes {
                    package: package.clone(),
                    count: hits.count,
                    examples: hits.examples.clone(),
                    dex: code_files(&hits.files, subject),
                }];
                ev.extend(moved.iter().cloned());
                plugins.entry(parent).or_default().push(Plugin {
                    platform: sdk.id.clone(),
                    name: sdk.name.clone(),
                    evidence: ev,
                });
            }
        }

        // SDKs whose code is here: a shared component they bundle (the AMap API key of
        // `amap-common`, read by the location SDK) is theirs to use, not left behind.
        let with_code: HashSet<&str> = accs
            .iter()
            .filter(|(_, acc)| acc.any_code() || acc.any_native())
            .filter_map(|(&i, _)| self.catalog.sdks().get(i).map(|s| s.id.as_str()))
            .collect();
        let mut sdks = Vec::new();
        let mut leftovers = Vec::new();
        for (sdk_index, acc) in &accs {
            let Some(sdk) = self.catalog.sdks().get(*sdk_index) else {
                continue;
            };
            let Some(confidence) = confidence(acc) else {
                continue;
            };
            let no_code = !acc.any_code() && !acc.any_native();
            if no_code && plugin_parents.contains_key(sdk_index) {
                continue;
            }
            let permissions = sdk
                .permissions
                .iter()
                .map(|p| p.replace("<app>", app_dotted))
                .filter(|p| requested.contains(p))
                .collect();
            let detection = Detection {
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
                plugins: plugins.remove(sdk_index).unwrap_or_default(),
            };
            // Manifest entries whose SDK has no class, library or host anywhere in a
            // complete, unpacked app: configuration left behind.
            let used_by_parent = sdk
                .bundled_by
                .iter()
                .any(|p| with_code.contains(p.as_str()));
            if code_complete && no_code && !used_by_parent && acc.hosts.is_empty() && acc.declared()
            {
                leftovers.push(detection);
            } else {
                sdks.push(detection);
            }
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
        let order = |a: &Detection, b: &Detection| {
            (a.category == "library")
                .cmp(&(b.category == "library"))
                .then(b.confidence.cmp(&a.confidence))
                .then(a.id.cmp(&b.id))
        };
        // An obfuscated package whose code holds the hosts of one detected SDK only is
        // that SDK's code.
        let mut tied: HashSet<String> = HashSet::new();
        for (package, by_sdk) in obfuscated {
            let mut only = by_sdk.into_iter();
            let (Some((sdk, (host, location))), None) = (only.next(), only.next()) else {
                continue;
            };
            let Some(id) = self.catalog.sdks().get(sdk).map(|s| s.id.as_str()) else {
                continue;
            };
            if let Some(d) = sdks
                .iter_mut()
                .find(|d| d.id == id && d.confidence > Confidence::Low)
            {
                d.evidence.push(Evidence::ObfuscatedCode {
                    package: package.clone(),
                    tie: "host".into(),
                    value: host,
                    location,
                });
                tied.insert(package);
            }
        }
        sdks.sort_by(order);
        leftovers.sort_by(order);

        let mut unknown: Vec<UnknownPackage> = unknown
            .into_iter()
            .filter(|(package, _)| !tied.contains(package))
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
            leftovers,
            packer,
            unknown,
            problems,
        }
    }

    /// The packages whose classes are the app's own code: the manifest package, and the
    /// packages of the app's entry classes (its `Application` and launcher activities) when
    /// they are defined in the code and lie strictly under a vendor's prefix or under no
    /// signature at all (`cn.jiguang.demo.MainActivity` in an app whose manifest package
    /// differs). An entry class a signature names, a packer stub, a plain library's or the
    /// platform's class never makes its package the app's. Slash-separated.
    fn app_roots(&self, subject: &Subject<'_>) -> Vec<String> {
        let mut roots: Vec<String> = subject
            .effective_app_package()
            .map(|p| p.replace('.', "/"))
            .into_iter()
            .collect();
        let Some(manifest) = subject.manifest else {
            return roots;
        };
        let entries: Vec<&str> = manifest
            .application
            .name
            .as_deref()
            .into_iter()
            .chain(
                manifest
                    .components
                    .iter()
                    .filter(|c| c.kind == crate::manifest::ComponentKind::Activity)
                    .filter(|c| is_launcher(c))
                    .map(|c| c.name.as_str()),
            )
            .collect();
        if entries.is_empty() {
            return roots;
        }
        let wanted: HashSet<String> = entries
            .iter()
            .map(|n| format!("L{};", n.replace('.', "/")))
            .collect();
        let defined: HashSet<&str> = subject
            .classes
            .iter()
            .map(|c| c.descriptor.as_ref())
            .filter(|d| wanted.contains(*d))
            .collect();
        for name in entries {
            let internal = name.replace('.', "/");
            if !defined.contains(format!("L{internal};").as_str())
                || self.compiled.listed_component(name).is_some()
                || self.compiled.packer_of_application(name).is_some()
                || PLATFORM.iter().any(|p| internal.starts_with(p))
            {
                continue;
            }
            let Some((package, _)) = internal.rsplit_once('/') else {
                continue;
            };
            if !package.contains('/') || roots.iter().any(|r| r == package || is_under(package, r))
            {
                continue;
            }
            if let Some((sdk, key_len, _)) = self.compiled.owner_of_class(&internal) {
                let library = self.catalog.sdks().get(sdk).is_none_or(|s| s.is_library());
                if library || key_len >= package.len() {
                    continue;
                }
            }
            roots.push(package.to_string());
        }
        roots
    }

    /// The dotted package of the method at `location` (`La/b/e;->a()V @0x3`) when it is
    /// obfuscated: every segment one or two lower-case letters or digits, claimed by no
    /// signature and not the app's own.
    fn obfuscated_package(&self, location: &str, app_roots: &[String]) -> Option<String> {
        let class = location
            .split("->")
            .next()?
            .strip_prefix('L')?
            .strip_suffix(';')?;
        let (package, _) = class.rsplit_once('/')?;
        let short = package.split('/').all(|seg| {
            (1..=2).contains(&seg.len())
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        let app = app_roots
            .iter()
            .any(|r| r == package || is_under(package, r));
        (short && !app && self.compiled.owner_of_class(class).is_none())
            .then(|| package.replace('/', "."))
    }

    /// The packer of a packed app: its stub application in the manifest, its libraries
    /// under `lib/` or `assets/`. The packer with the most evidence wins.
    fn packer(&self, subject: &Subject<'_>) -> Option<Packer> {
        let mut found: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
        if let Some(name) = subject.manifest.and_then(|m| m.application.name.as_deref())
            && let Some(sdk) = self.compiled.packer_of_application(name)
        {
            found.entry(sdk).or_default().push(Evidence::Component {
                component_kind: "application".into(),
                name: name.to_string(),
            });
        }
        let paths = subject
            .files
            .iter()
            .map(|f| f.as_ref())
            .filter(|f| f.starts_with("lib/") || f.starts_with("assets/"))
            .chain(subject.native_libs.iter().map(|l| l.path.as_ref()));
        for path in paths {
            let name = path.rsplit(['/', '!']).next().unwrap_or(path);
            if let Some(sdk) = self.compiled.packer_of_file(name) {
                let ev = found.entry(sdk).or_default();
                let item = Evidence::NativeLib {
                    path: path.to_string(),
                };
                if !ev.contains(&item) {
                    ev.push(item);
                }
            }
        }
        let (sdk, evidence) = found.into_iter().max_by_key(|(_, ev)| ev.len())?;
        let sdk = self.catalog.sdks().get(sdk)?;
        let label = sdk.name_zh.as_deref().unwrap_or(&sdk.name);
        Some(Packer {
            id: sdk.id.clone(),
            name: sdk.name.clone(),
            name_zh: sdk.name_zh.clone(),
            evidence,
            notice: format!(
                "The app is packed with {label}: its real code is encrypted and loaded at run time, so the code in the APK is the packer's stub. SDKs are named from the manifest and native libraries only (medium confidence at best), SDKs without such traces cannot be seen, and no data flow can be traced."
            ),
        })
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

/// The names of the code files with these indices.
fn code_files(set: &BTreeSet<u32>, subject: &Subject<'_>) -> Vec<String> {
    set.iter()
        .filter_map(|&i| subject.code_files.get(i as usize).map(|f| f.to_string()))
        .collect()
}

/// A launcher activity: a `MAIN` action with the `LAUNCHER` category.
fn is_launcher(c: &crate::manifest::Component) -> bool {
    c.intent_filters.iter().any(|f| {
        f.actions.iter().any(|a| a == "android.intent.action.MAIN")
            && f.categories
                .iter()
                .any(|c| c == "android.intent.category.LAUNCHER")
    })
}

fn evidence(acc: &Acc, subject: &Subject<'_>) -> Vec<Evidence> {
    let files = |set: &BTreeSet<u32>| code_files(set, subject);
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
