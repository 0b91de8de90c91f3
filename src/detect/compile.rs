//! The catalogue compiled once into lookup structures, so that matching costs one hash
//! probe per package segment of a class and one automaton pass per string, whatever the
//! number of signatures.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};

use crate::catalog::Catalog;
use crate::catalog::pattern::{Glob, VersionTemplate};

/// How a package prefix counts for its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimKind {
    /// Proves the SDK.
    Strong,
    /// Counts only next to other evidence.
    Weak,
    /// Not this SDK: look further up for another owner.
    Exclude,
}

/// One signature's claim on a package prefix.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Claim {
    pub sdk: usize,
    pub kind: ClaimKind,
}

/// The compiled catalogue.
pub(crate) struct Compiled {
    /// Slash-separated prefix (`cn/jpush/android`) → claims on it.
    pub packages: HashMap<String, Vec<Claim>>,
    pub components: HashMap<String, usize>,
    pub component_globs: Vec<(Glob, usize)>,
    pub meta_data: HashMap<String, usize>,
    /// File name → (sdk, weak).
    pub native_exact: HashMap<String, (usize, bool)>,
    pub native_globs: Vec<(Glob, usize, bool)>,
    pub jni: Option<AhoCorasick>,
    pub jni_owner: Vec<usize>,
    pub hosts: Option<AhoCorasick>,
    /// Per host pattern: (sdk, host).
    pub host_owner: Vec<(usize, String)>,
    /// (internal class name, field) → the sdks recording their version there (the Umeng
    /// common module's version is also the U-App analytics bundle's).
    pub version_fields: HashMap<(String, String), Vec<usize>>,
    /// Per sdk: the field names of its version fields (`VERSION_NAME`), for classes an
    /// obfuscator renamed.
    pub version_field_names: Vec<Vec<String>>,
    /// Per sdk: its native-library version templates.
    pub version_libs: Vec<Vec<VersionTemplate>>,
    /// Packer stub application class globs → packer sdk.
    pub packer_apps: Vec<(Glob, usize)>,
    /// Packer library file-name globs (under `lib/` or `assets/`) → packer sdk.
    pub packer_files: Vec<(Glob, usize)>,
    /// Slash-separated plugin package → (parent sdk, platform sdk).
    pub plugin_packages: HashMap<String, Vec<(usize, usize)>>,
    /// Per sdk: whether it declares plugins (skips the plugin walk for the others).
    pub has_plugins: Vec<bool>,
}

impl Compiled {
    pub(crate) fn new(catalog: &Catalog) -> Compiled {
        let mut c = Compiled {
            packages: HashMap::new(),
            components: HashMap::new(),
            component_globs: Vec::new(),
            meta_data: HashMap::new(),
            native_exact: HashMap::new(),
            native_globs: Vec::new(),
            jni: None,
            jni_owner: Vec::new(),
            hosts: None,
            host_owner: Vec::new(),
            version_fields: HashMap::new(),
            version_field_names: Vec::new(),
            version_libs: Vec::new(),
            packer_apps: Vec::new(),
            packer_files: Vec::new(),
            plugin_packages: HashMap::new(),
            has_plugins: Vec::new(),
        };
        let ids: HashMap<&str, usize> = catalog
            .sdks()
            .iter()
            .enumerate()
            .map(|(i, sdk)| (sdk.id.as_str(), i))
            .collect();
        let mut jni_patterns = Vec::new();
        let mut host_patterns = Vec::new();
        for (i, sdk) in catalog.sdks().iter().enumerate() {
            let m = &sdk.matchers;
            let lists = [
                (&m.packages, ClaimKind::Strong),
                (&m.weak_packages, ClaimKind::Weak),
                (&m.exclude_packages, ClaimKind::Exclude),
            ];
            for (list, kind) in lists {
                for p in list {
                    c.packages
                        .entry(p.replace('.', "/"))
                        .or_default()
                        .push(Claim { sdk: i, kind });
                }
            }
            for comp in &m.components {
                let glob = Glob::new(comp);
                if glob.is_literal() {
                    c.components.insert(comp.clone(), i);
                } else {
                    c.component_globs.push((glob, i));
                }
            }
            for key in &m.meta_data {
                c.meta_data.insert(key.clone(), i);
            }
            for (list, weak) in [(&m.native_libs, false), (&m.weak_native_libs, true)] {
                for lib in list {
                    let glob = Glob::new(lib);
                    if glob.is_literal() {
                        c.native_exact.insert(lib.clone(), (i, weak));
                    } else {
                        c.native_globs.push((glob, i, weak));
                    }
                }
            }
            for prefix in &m.jni_prefixes {
                jni_patterns.push(prefix.clone());
                c.jni_owner.push(i);
            }
            for host in &m.hosts {
                host_patterns.push(host.clone());
                c.host_owner.push((i, host.clone()));
            }
            for field in &sdk.version.fields {
                if let Some((class, name)) = field.rsplit_once('.') {
                    c.version_fields
                        .entry((class.replace('.', "/"), name.to_string()))
                        .or_default()
                        .push(i);
                }
            }
            c.version_field_names.push(
                sdk.version
                    .fields
                    .iter()
                    .filter_map(|f| f.rsplit_once('.').map(|(_, name)| name.to_string()))
                    .collect(),
            );
            if let Some(packer) = &sdk.packer {
                for app in &packer.application {
                    c.packer_apps.push((Glob::new(app), i));
                }
                for file in &packer.files {
                    c.packer_files.push((Glob::new(file), i));
                }
            }
            for plugin in &sdk.plugins {
                let Some(&platform) = ids.get(plugin.platform.as_str()) else {
                    continue;
                };
                for p in &plugin.packages {
                    c.plugin_packages
                        .entry(p.replace('.', "/"))
                        .or_default()
                        .push((i, platform));
                }
            }
            c.has_plugins.push(!sdk.plugins.is_empty());
            c.version_libs.push(
                sdk.version
                    .native_libs
                    .iter()
                    .filter_map(|t| VersionTemplate::new(t))
                    .collect(),
            );
        }
        // Strong claims first so that a weak or excluded claim on the same key from another
        // signature never hides a strong one.
        for claims in c.packages.values_mut() {
            claims.sort_by_key(|cl| match cl.kind {
                ClaimKind::Exclude => 0,
                ClaimKind::Strong => 1,
                ClaimKind::Weak => 2,
            });
        }
        if !jni_patterns.is_empty() {
            c.jni = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&jni_patterns)
                .ok();
        }
        if !host_patterns.is_empty() {
            c.hosts = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&host_patterns)
                .ok();
        }
        c
    }

    /// The owner of a class (`cn/jpush/android/api/JPushInterface$1`): walk its package
    /// prefixes from the longest, so the most specific signature wins. Returns the sdk, the
    /// matched key length and whether the claim is weak.
    pub(crate) fn owner_of_class(&self, internal: &str) -> Option<(usize, usize, bool)> {
        let base = internal.split('$').next().unwrap_or(internal);
        let mut excluded: Vec<usize> = Vec::new();
        let mut end = base.len();
        loop {
            let key = base.get(..end)?;
            if let Some(claims) = self.packages.get(key) {
                for claim in claims {
                    match claim.kind {
                        ClaimKind::Exclude => excluded.push(claim.sdk),
                        _ if excluded.contains(&claim.sdk) => {}
                        kind => return Some((claim.sdk, end, kind == ClaimKind::Weak)),
                    }
                }
            }
            end = key.rfind('/')?;
        }
    }

    /// The signature of a native library file name: (sdk, weak).
    pub(crate) fn owner_of_lib(&self, file_name: &str) -> Option<(usize, bool)> {
        if let Some(&hit) = self.native_exact.get(file_name) {
            return Some(hit);
        }
        self.native_globs
            .iter()
            .find(|(glob, _, _)| glob.matches(file_name))
            .map(|&(_, sdk, weak)| (sdk, weak))
    }

    /// The signature that lists a manifest component class name (exactly or by a glob).
    pub(crate) fn listed_component(&self, name: &str) -> Option<usize> {
        if let Some(&sdk) = self.components.get(name) {
            return Some(sdk);
        }
        self.component_globs
            .iter()
            .find(|(g, _)| g.matches(name))
            .map(|&(_, sdk)| sdk)
    }

    /// The platform whose plugin of `parent` holds `internal` (a class `parent` owns), with
    /// the matched plugin package's length.
    pub(crate) fn plugin_of(&self, parent: usize, internal: &str) -> Option<(usize, usize)> {
        if !self.has_plugins.get(parent).copied().unwrap_or(false) {
            return None;
        }
        let base = internal.split('$').next().unwrap_or(internal);
        let mut end = base.len();
        loop {
            let key = base.get(..end)?;
            if let Some(hits) = self.plugin_packages.get(key)
                && let Some(&(_, platform)) = hits.iter().find(|(p, _)| *p == parent)
            {
                return Some((platform, end));
            }
            end = key.rfind('/')?;
        }
    }

    /// The packer whose stub application class is `name`.
    pub(crate) fn packer_of_application(&self, name: &str) -> Option<usize> {
        self.packer_apps
            .iter()
            .find(|(g, _)| g.matches(name))
            .map(|&(_, sdk)| sdk)
    }

    /// The packer whose library glob matches the file name `name`.
    pub(crate) fn packer_of_file(&self, name: &str) -> Option<usize> {
        self.packer_files
            .iter()
            .find(|(g, _)| g.matches(name))
            .map(|&(_, sdk)| sdk)
    }

    /// The signature of a manifest component class name.
    pub(crate) fn owner_of_component(&self, name: &str) -> Option<usize> {
        if let Some(sdk) = self.listed_component(name) {
            return Some(sdk);
        }
        // A component is a class: its package tells whose it is, even when the signature
        // does not list it (newer SDK versions add services).
        self.owner_of_class(&name.replace('.', "/"))
            .filter(|&(_, _, weak)| !weak)
            .map(|(sdk, _, _)| sdk)
    }

    /// The signature whose JNI prefix starts `symbol`.
    pub(crate) fn owner_of_symbol(&self, symbol: &str) -> Option<usize> {
        if !symbol.starts_with("Java_") {
            return None;
        }
        let ac = self.jni.as_ref()?;
        let input = aho_corasick::Input::new(symbol).anchored(aho_corasick::Anchored::Yes);
        let m = ac.find(input)?;
        self.jni_owner.get(m.pattern().as_usize()).copied()
    }

    /// Host names in `text`, matched on label boundaries: `(sdk, host)` per hit, the most
    /// specific host when several end at the same place (`lbs.map.qq.com` over `map.qq.com`).
    pub(crate) fn hosts_in(&self, text: &str) -> Vec<(usize, &str)> {
        let Some(ac) = self.hosts.as_ref() else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // (end, len, pattern)
        for m in ac.find_overlapping_iter(text) {
            let before = m.start().checked_sub(1).and_then(|i| bytes.get(i)).copied();
            let after = bytes.get(m.end()).copied();
            let after2 = m.end().checked_add(1).and_then(|i| bytes.get(i)).copied();
            let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
            let ok_before = before.is_none_or(|b| !label(b));
            let ok_after = match after {
                None => true,
                Some(b'.') => after2.is_none_or(|b| !label(b)),
                Some(b) => !label(b),
            };
            if ok_before && ok_after {
                hits.push((m.end(), m.len(), m.pattern().as_usize()));
            }
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        hits.dedup_by_key(|h| h.0);
        hits.into_iter()
            .filter_map(|(_, _, p)| self.host_owner.get(p))
            .map(|(sdk, host)| (*sdk, host.as_str()))
            .collect()
    }
}
