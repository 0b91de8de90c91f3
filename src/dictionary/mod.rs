//! Permission and data-type dictionaries (`sdk-signatures/permissions.toml`,
//! `sdk-signatures/data-types.toml`): what each Android permission is, which personal data
//! types exist, and the Chinese phrases privacy policies use for both.
//!
//! [`Dictionary::embedded`] gives the data compiled into the binary; [`Dictionary::from_toml`]
//! loads other files. Phrase lookups run one Aho-Corasick automaton per namespace over
//! normalised text (see [`text`]), leftmost-longest, so `相机权限` wins over `相机` and an
//! ignore phrase (`电话号码`) swallows the bare word inside it (`电话`).

pub mod model;
pub mod text;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

pub use model::{DataKind, DataType, Permission, PermissionGroup};
use model::{DataTypesFile, PermissionsFile};

use crate::error::{Error, Format, Location};

const PERMISSIONS_TOML: &str = include_str!("../../sdk-signatures/permissions.toml");
const DATA_TYPES_TOML: &str = include_str!("../../sdk-signatures/data-types.toml");

/// Name of the embedded permissions file, for error messages.
pub const PERMISSIONS_FILE: &str = "sdk-signatures/permissions.toml";
/// Name of the embedded data-types file, for error messages.
pub const DATA_TYPES_FILE: &str = "sdk-signatures/data-types.toml";

/// A problem in the dictionary data, naming the file, the entry and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Which file.
    pub file: &'static str,
    /// Which entry (permission name, group id, data-type id, or the phrase).
    pub entry: String,
    /// Which field.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} `{}`: {}",
            self.file, self.field, self.entry, self.message
        )
    }
}

/// What a matched phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseTarget {
    /// One permission (index into [`Dictionary::permissions`]).
    Permission(usize),
    /// A group of permissions (index into [`Dictionary::groups`]).
    Group(usize),
    /// One data type (index into [`Dictionary::data_types`]).
    DataType(usize),
    /// An ignore phrase: a longer word that declares nothing.
    Ignore,
}

/// A dictionary phrase found in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    /// Byte offset of the match in the searched text.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
    /// What it names.
    pub target: PhraseTarget,
    /// A bare word that counts only in a permission context.
    pub context_only: bool,
}

/// One namespace's phrases compiled into an automaton.
#[derive(Debug, Default)]
struct Matcher {
    ac: Option<AhoCorasick>,
    phrases: Vec<String>,
    targets: Vec<(PhraseTarget, bool)>,
    index: HashMap<String, usize>,
}

impl Matcher {
    /// Add a phrase; returns the target it already had if it clashes with another one.
    fn add(
        &mut self,
        phrase: &str,
        target: PhraseTarget,
        context_only: bool,
    ) -> Option<PhraseTarget> {
        let norm = text::normalize(phrase);
        if norm.is_empty() {
            return None;
        }
        if let Some(&i) = self.index.get(&norm) {
            let (old, _) = self.targets.get(i).copied()?;
            return (old != target).then_some(old);
        }
        self.index.insert(norm.clone(), self.phrases.len());
        self.phrases.push(norm);
        self.targets.push((target, context_only));
        None
    }

    fn build(&mut self) -> Result<(), String> {
        if self.phrases.is_empty() {
            return Ok(());
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&self.phrases)
            .map_err(|e| e.to_string())?;
        self.ac = Some(ac);
        Ok(())
    }

    fn find(&self, haystack: &str) -> Vec<PhraseHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hits: Vec<PhraseHit> = ac
            .find_iter(haystack)
            .filter(|m| text::on_word_boundaries(haystack, m.start(), m.end()))
            .filter_map(|m| {
                let (target, context_only) = *self.targets.get(m.pattern().as_usize())?;
                Some(PhraseHit {
                    start: m.start(),
                    end: m.end(),
                    target,
                    context_only,
                })
            })
            .collect();
        // A phrase with a bracketed aside inside it (`WLAN(如Wi-Fi)接入点`): match the
        // text without its asides, keep the hits that span one, at their original place.
        if let Some((bare, origin)) = text::without_asides(haystack) {
            for m in ac.find_iter(&bare) {
                let last = m.end().saturating_sub(1);
                let (Some(&start), Some(&end)) = (origin.get(m.start()), origin.get(last)) else {
                    continue;
                };
                let end = end + 1;
                let spans_aside = end - start != m.end() - m.start();
                if !spans_aside
                    || !text::on_word_boundaries(&bare, m.start(), m.end())
                    || hits.iter().any(|h| h.start < end && start < h.end)
                {
                    continue;
                }
                if let Some(&(target, context_only)) = self.targets.get(m.pattern().as_usize()) {
                    hits.push(PhraseHit {
                        start,
                        end,
                        target,
                        context_only,
                    });
                }
            }
            hits.sort_by_key(|h| h.start);
        }
        hits
    }

    fn lookup(&self, phrase: &str) -> Option<(PhraseTarget, bool)> {
        let i = *self.index.get(&text::normalize(phrase))?;
        self.targets.get(i).copied()
    }
}

/// The loaded permission and data-type dictionaries with their phrase matchers.
#[derive(Debug)]
pub struct Dictionary {
    permissions: Vec<Permission>,
    groups: Vec<PermissionGroup>,
    data_types: Vec<DataType>,
    permission_index: HashMap<String, usize>,
    group_index: HashMap<String, usize>,
    data_type_index: HashMap<String, usize>,
    permission_phrases: Matcher,
    data_type_phrases: Matcher,
    problems: Vec<ValidationError>,
}

impl Dictionary {
    /// The dictionaries compiled into the binary (parsed once, then shared).
    pub fn embedded() -> Result<&'static Dictionary, Error> {
        static EMBEDDED: OnceLock<Result<Dictionary, String>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Dictionary::parse(PERMISSIONS_TOML, DATA_TYPES_TOML).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|reason| {
                Error::malformed(
                    Location::file("<embedded dictionary>"),
                    Format::Signature,
                    reason.clone(),
                )
            })
    }

    /// Load dictionaries from the text of a permissions file and a data-types file and
    /// reject them if [`Dictionary::validate`] finds any problem.
    pub fn from_toml(permissions: &str, data_types: &str) -> Result<Dictionary, Error> {
        let dict = Dictionary::parse(permissions, data_types)?;
        let problems = dict.validate();
        if let Some(first) = problems.first() {
            return Err(Error::malformed(
                Location::file(first.file),
                Format::Signature,
                format!("{first} ({} problem(s) in all)", problems.len()),
            ));
        }
        Ok(dict)
    }

    /// Parse without rejecting validation problems (they are kept for [`Dictionary::validate`]).
    pub fn parse(permissions: &str, data_types: &str) -> Result<Dictionary, Error> {
        let pf: PermissionsFile = toml::from_str(permissions).map_err(|e| {
            Error::malformed(
                Location::file(PERMISSIONS_FILE),
                Format::Signature,
                e.to_string(),
            )
        })?;
        let df: DataTypesFile = toml::from_str(data_types).map_err(|e| {
            Error::malformed(
                Location::file(DATA_TYPES_FILE),
                Format::Signature,
                e.to_string(),
            )
        })?;
        let mut problems = Vec::new();
        if pf.format != 1 {
            problems.push(problem(
                PERMISSIONS_FILE,
                "format",
                "format",
                format!("unsupported format {}", pf.format),
            ));
        }
        if df.format != 1 {
            problems.push(problem(
                DATA_TYPES_FILE,
                "format",
                "format",
                format!("unsupported format {}", df.format),
            ));
        }

        let mut dict = Dictionary {
            permission_index: index_of(
                &pf.permissions,
                |p| &p.name,
                PERMISSIONS_FILE,
                "name",
                &mut problems,
            ),
            group_index: index_of(&pf.groups, |g| &g.id, PERMISSIONS_FILE, "id", &mut problems),
            data_type_index: index_of(
                &df.data_types,
                |d| &d.id,
                DATA_TYPES_FILE,
                "id",
                &mut problems,
            ),
            permissions: pf.permissions,
            groups: pf.groups,
            data_types: df.data_types,
            permission_phrases: Matcher::default(),
            data_type_phrases: Matcher::default(),
            problems: Vec::new(),
        };

        // Phrases: one namespace per file; the same phrase naming two things is a clash.
        let mut clashes = Vec::new();
        for phrase in &pf.ignore_phrases {
            if dict
                .permission_phrases
                .add(phrase, PhraseTarget::Ignore, false)
                .is_some()
            {
                clashes.push((PERMISSIONS_FILE, phrase.clone()));
            }
        }
        for (i, p) in dict.permissions.iter().enumerate() {
            let t = PhraseTarget::Permission(i);
            for phrase in p.phrases.iter().chain(&p.phrases_hant) {
                if dict.permission_phrases.add(phrase, t, false).is_some() {
                    clashes.push((PERMISSIONS_FILE, phrase.clone()));
                }
            }
            for phrase in &p.context_phrases {
                if dict.permission_phrases.add(phrase, t, true).is_some() {
                    clashes.push((PERMISSIONS_FILE, phrase.clone()));
                }
            }
        }
        for (i, g) in dict.groups.iter().enumerate() {
            let t = PhraseTarget::Group(i);
            for phrase in g.phrases.iter().chain(&g.phrases_hant) {
                if dict.permission_phrases.add(phrase, t, false).is_some() {
                    clashes.push((PERMISSIONS_FILE, phrase.clone()));
                }
            }
            for phrase in &g.context_phrases {
                if dict.permission_phrases.add(phrase, t, true).is_some() {
                    clashes.push((PERMISSIONS_FILE, phrase.clone()));
                }
            }
        }
        for phrase in &df.ignore_phrases {
            if dict
                .data_type_phrases
                .add(phrase, PhraseTarget::Ignore, false)
                .is_some()
            {
                clashes.push((DATA_TYPES_FILE, phrase.clone()));
            }
        }
        for (i, d) in dict.data_types.iter().enumerate() {
            for phrase in d.phrases.iter().chain(&d.phrases_hant) {
                if dict
                    .data_type_phrases
                    .add(phrase, PhraseTarget::DataType(i), false)
                    .is_some()
                {
                    clashes.push((DATA_TYPES_FILE, phrase.clone()));
                }
            }
        }
        for (file, phrase) in clashes {
            problems.push(problem(
                file,
                "phrases",
                &phrase,
                "the same phrase (after normalisation) names two different entries".into(),
            ));
        }
        for m in [&mut dict.permission_phrases, &mut dict.data_type_phrases] {
            m.build().map_err(|e| {
                Error::malformed(Location::file(PERMISSIONS_FILE), Format::Signature, e)
            })?;
        }
        dict.problems = problems;
        Ok(dict)
    }

    /// Every problem in the data: duplicates, dangling references, bad names, phrase clashes.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut out = self.problems.clone();
        let p = PERMISSIONS_FILE;
        for perm in &self.permissions {
            if !looks_like_permission(&perm.name) {
                out.push(problem(
                    p,
                    "name",
                    &perm.name,
                    "does not look like an Android permission name".into(),
                ));
            }
            if perm.group != "none" && !self.groups.iter().any(|g| g.runtime && g.id == perm.group)
            {
                out.push(problem(
                    p,
                    "group",
                    &perm.name,
                    format!("`{}` is not a runtime group id", perm.group),
                ));
            }
            let known_levels = [
                "dangerous",
                "normal",
                "signature",
                "appop",
                "privileged",
                "development",
                "instant",
                "pre23",
                "preinstalled",
                "runtime",
            ];
            if perm
                .protection
                .split('|')
                .any(|l| !known_levels.contains(&l))
            {
                out.push(problem(
                    p,
                    "protection",
                    &perm.name,
                    format!("unknown protection level `{}`", perm.protection),
                ));
            }
            for id in &perm.data_types {
                if !self.data_type_index.contains_key(id) {
                    out.push(problem(
                        p,
                        "data_types",
                        &perm.name,
                        format!("unknown data type `{id}`"),
                    ));
                }
            }
            if perm.phrases.is_empty() {
                out.push(problem(
                    p,
                    "phrases",
                    &perm.name,
                    "no simplified-Chinese phrase".into(),
                ));
            }
        }
        for g in &self.groups {
            for name in &g.permissions {
                if !self.permission_index.contains_key(name) {
                    out.push(problem(
                        p,
                        "permissions",
                        &g.id,
                        format!("unknown permission `{name}`"),
                    ));
                }
            }
            if g.permissions.is_empty() {
                out.push(problem(
                    p,
                    "permissions",
                    &g.id,
                    "a group needs at least one permission".into(),
                ));
            }
        }
        for d in &self.data_types {
            for id in &d.covers {
                if !self.data_type_index.contains_key(id) || id == &d.id {
                    out.push(problem(
                        DATA_TYPES_FILE,
                        "covers",
                        &d.id,
                        format!("bad covered id `{id}`"),
                    ));
                }
            }
            let ok_id = !d.id.is_empty()
                && d.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
            if !ok_id {
                out.push(problem(
                    DATA_TYPES_FILE,
                    "id",
                    &d.id,
                    "ids are lower-case ASCII, dots and underscores".into(),
                ));
            }
        }
        out
    }

    /// All permissions, in file order.
    pub fn permissions(&self) -> &[Permission] {
        &self.permissions
    }

    /// All permission groups and phrase sets, in file order.
    pub fn groups(&self) -> &[PermissionGroup] {
        &self.groups
    }

    /// All data types, in file order.
    pub fn data_types(&self) -> &[DataType] {
        &self.data_types
    }

    /// A permission by full name (`android.permission.CAMERA`) or short name (`CAMERA`).
    pub fn permission(&self, name: &str) -> Option<&Permission> {
        let i = match self.permission_index.get(name) {
            Some(&i) => i,
            None => *self
                .permission_index
                .get(&format!("android.permission.{name}"))?,
        };
        self.permissions.get(i)
    }

    /// A data type by id.
    pub fn data_type(&self, id: &str) -> Option<&DataType> {
        self.data_types.get(*self.data_type_index.get(id)?)
    }

    /// A group by id.
    pub fn group(&self, id: &str) -> Option<&PermissionGroup> {
        self.groups.get(*self.group_index.get(id)?)
    }

    /// The permission names a phrase target declares.
    pub fn permissions_of(&self, target: PhraseTarget) -> Vec<&str> {
        match target {
            PhraseTarget::Permission(i) => self
                .permissions
                .get(i)
                .map(|p| vec![p.name.as_str()])
                .unwrap_or_default(),
            PhraseTarget::Group(i) => self
                .groups
                .get(i)
                .map(|g| g.permissions.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            PhraseTarget::DataType(_) | PhraseTarget::Ignore => Vec::new(),
        }
    }

    /// The data-type id a phrase target names, for data-type targets.
    pub fn data_type_of(&self, target: PhraseTarget) -> Option<&str> {
        match target {
            PhraseTarget::DataType(i) => self.data_types.get(i).map(|d| d.id.as_str()),
            _ => None,
        }
    }

    /// Data types the permissions of a target give access to (for a group: all members').
    pub fn data_types_reached(&self, target: PhraseTarget) -> BTreeSet<&str> {
        self.permissions_of(target)
            .into_iter()
            .filter_map(|name| self.permission(name))
            .flat_map(|p| p.data_types.iter().map(String::as_str))
            .collect()
    }

    /// Permission phrases in normalised text (see [`text::normalize`]).
    pub fn find_permission_phrases(&self, normalized: &str) -> Vec<PhraseHit> {
        self.permission_phrases.find(normalized)
    }

    /// Data-type phrases in normalised text.
    pub fn find_data_type_phrases(&self, normalized: &str) -> Vec<PhraseHit> {
        self.data_type_phrases.find(normalized)
    }

    /// The permissions one whole phrase names exactly (`相机权限` → CAMERA), in any script
    /// or width; `None` when the phrase is not in the dictionary.
    pub fn permissions_for_phrase(&self, phrase: &str) -> Option<Vec<&str>> {
        let (t, _) = self.permission_phrases.lookup(phrase)?;
        let names = self.permissions_of(t);
        (!names.is_empty()).then_some(names)
    }

    /// The data-type id one whole phrase names exactly (`安卓ID` → `device_id.android_id`).
    pub fn data_type_for_phrase(&self, phrase: &str) -> Option<&str> {
        let (t, _) = self.data_type_phrases.lookup(phrase)?;
        self.data_type_of(t)
    }

    /// The ids a set of declared ids covers: themselves plus their `covers`, transitively.
    pub fn covered<'a>(&'a self, declared: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        let mut out = BTreeSet::new();
        let mut stack: Vec<&str> = declared.into_iter().collect();
        while let Some(id) = stack.pop() {
            if out.insert(id)
                && let Some(d) = self.data_type(id)
            {
                stack.extend(d.covers.iter().map(String::as_str));
            }
        }
        out
    }
}

fn problem(
    file: &'static str,
    field: &'static str,
    entry: &str,
    message: String,
) -> ValidationError {
    ValidationError {
        file,
        entry: entry.to_owned(),
        field,
        message,
    }
}

fn index_of<T>(
    items: &[T],
    key: impl Fn(&T) -> &String,
    file: &'static str,
    field: &'static str,
    problems: &mut Vec<ValidationError>,
) -> HashMap<String, usize> {
    let mut index = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        if index.insert(k.clone(), i).is_some() {
            problems.push(problem(file, field, k, "duplicate".into()));
        }
    }
    index
}

/// `package.name.permission.NAME` (upper-case last segment, at least three segments).
fn looks_like_permission(name: &str) -> bool {
    let segments: Vec<&str> = name.split('.').collect();
    let Some((last, pkg)) = segments.split_last() else {
        return false;
    };
    segments.len() >= 3
        && !last.is_empty()
        && last
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && pkg
            .iter()
            .all(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_names_are_checked() {
        assert!(looks_like_permission("android.permission.CAMERA"));
        assert!(looks_like_permission(
            "com.google.android.gms.permission.AD_ID"
        ));
        assert!(!looks_like_permission("CAMERA"));
        assert!(!looks_like_permission("android.permission.camera"));
    }
}
