//! The catalogue linter: every rule of `docs/signatures.md`, each failure naming the file
//! and the field.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::Catalog;
use super::model::{CATEGORIES, FORMAT_VERSION, Sdk};
use super::pattern;

/// One broken rule in one signature file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationError {
    /// The file (`sdk-signatures/sdks/jpush.toml`).
    pub file: String,
    /// The field (`match.packages[2]`), or `<toml>` for a syntax error.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

impl ValidationError {
    /// A file that does not parse: unknown field, wrong type, bad TOML.
    pub(super) fn from_toml(file: &str, err: &toml::de::Error) -> ValidationError {
        let message = err.message().to_string();
        // serde names the offending key as `unknown field `x``; keep it as the field.
        let field = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_string())
            .or_else(|| {
                message
                    .strip_prefix("missing field `")
                    .and_then(|rest| rest.split_once('`'))
                    .map(|(name, _)| name.to_string())
            })
            .unwrap_or_else(|| "<toml>".into());
        ValidationError {
            file: file.to_string(),
            field,
            message,
        }
    }
}

struct Checker<'a> {
    file: &'a str,
    errors: Vec<ValidationError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ValidationError {
            file: self.file.to_string(),
            field: field.into(),
            message: message.into(),
        });
    }

    fn each(&mut self, field: &str, values: &[String], ok: impl Fn(&str) -> bool, what: &str) {
        let mut seen = HashSet::new();
        for (i, v) in values.iter().enumerate() {
            if !ok(v) {
                self.fail(format!("{field}[{i}]"), format!("`{v}` is not {what}"));
            }
            if !seen.insert(v.as_str()) {
                self.fail(format!("{field}[{i}]"), format!("`{v}` is listed twice"));
            }
        }
    }
}

fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn check_sdk(catalog: &Catalog, file: &str, sdk: &Sdk) -> Vec<ValidationError> {
    let mut c = Checker {
        file,
        errors: Vec::new(),
    };
    if sdk.format != FORMAT_VERSION {
        c.fail(
            "format",
            format!(
                "format {} is not supported (expected {FORMAT_VERSION})",
                sdk.format
            ),
        );
    }
    if !is_kebab_id(&sdk.id) {
        c.fail("id", format!("`{}` is not a kebab-case id", sdk.id));
    }
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != sdk.id {
        c.fail(
            "id",
            format!("id `{}` differs from the file name `{stem}`", sdk.id),
        );
    }
    if sdk.name.trim().is_empty() {
        c.fail("name", "empty name");
    }
    if !CATEGORIES.iter().any(|(id, _)| *id == sdk.category) {
        c.fail(
            "category",
            format!(
                "unknown category `{}` (see docs/signatures.md)",
                sdk.category
            ),
        );
    }
    let not_blank = |s: &str| !s.trim().is_empty() && s.trim() == s;
    c.each(
        "aliases",
        &sdk.aliases,
        not_blank,
        "a trimmed, non-empty name",
    );
    c.each(
        "aliases_hant",
        &sdk.aliases_hant,
        not_blank,
        "a trimmed, non-empty name",
    );

    let m = &sdk.matchers;
    c.each(
        "match.packages",
        &m.packages,
        pattern::is_package_prefix,
        "a dotted package prefix",
    );
    c.each(
        "match.weak_packages",
        &m.weak_packages,
        pattern::is_package_prefix,
        "a dotted package prefix",
    );
    c.each(
        "match.exclude_packages",
        &m.exclude_packages,
        pattern::is_package_prefix,
        "a dotted package prefix",
    );
    for (i, ex) in m.exclude_packages.iter().enumerate() {
        let under = m.packages.iter().chain(&m.weak_packages).any(|p| {
            ex.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('.'))
        });
        if !under {
            c.fail(
                format!("match.exclude_packages[{i}]"),
                format!("`{ex}` is not under any of this signature's packages"),
            );
        }
    }
    c.each(
        "match.components",
        &m.components,
        pattern::is_component_pattern,
        "a class name (with `*` only at the start or end)",
    );
    c.each(
        "match.meta_data",
        &m.meta_data,
        |s| !s.is_empty() && !s.contains(char::is_whitespace),
        "a meta-data name",
    );
    c.each(
        "match.native_libs",
        &m.native_libs,
        pattern::is_native_lib_pattern,
        "a `.so` file name glob",
    );
    c.each(
        "match.weak_native_libs",
        &m.weak_native_libs,
        pattern::is_native_lib_pattern,
        "a `.so` file name glob",
    );
    c.each(
        "match.jni_prefixes",
        &m.jni_prefixes,
        pattern::is_jni_prefix,
        "a `Java_` symbol prefix",
    );
    c.each(
        "match.hosts",
        &m.hosts,
        pattern::is_host,
        "a lowercase host name",
    );
    let strong = m.packages.len()
        + m.components.len()
        + m.meta_data.len()
        + m.native_libs.len()
        + m.jni_prefixes.len()
        + m.hosts.len();
    if strong == 0 {
        c.fail("match", "no matcher: the SDK could never be detected");
    }

    c.each(
        "version.fields",
        &sdk.version.fields,
        pattern::is_field_ref,
        "a `package.Class.FIELD` reference",
    );
    c.each(
        "version.native_libs",
        &sdk.version.native_libs,
        |s| pattern::VersionTemplate::new(s).is_some() && s.ends_with(".so"),
        "a `.so` name with one `{v}`",
    );
    c.each(
        "permissions",
        &sdk.permissions,
        pattern::is_permission,
        "a permission name",
    );
    let known = catalog.data_types();
    c.each(
        "collects",
        &sdk.collects,
        |d| known.contains(d),
        "a data-type id of data-types.toml",
    );
    if let Some(packer) = &sdk.packer {
        c.each(
            "packer.application",
            &packer.application,
            |s| pattern::is_component_pattern(s) && s.contains('.'),
            "a class name (with `*` only at the start or end)",
        );
        c.each(
            "packer.files",
            &packer.files,
            pattern::is_native_lib_pattern,
            "a `.so` file name glob",
        );
        if packer.application.is_empty() && packer.files.is_empty() {
            c.fail(
                "packer",
                "a packer needs a stub application or a file pattern",
            );
        }
    }
    // The audit treats the `packer` category as protection, the `[packer]` table as how a
    // packed app shows it: one without the other is a mistake.
    match (sdk.packer.is_some(), sdk.category == "packer") {
        (true, false) => c.fail(
            "category",
            "a signature with a [packer] table is category `packer`",
        ),
        (false, true) => c.fail(
            "packer",
            "a `packer` category signature needs a [packer] table",
        ),
        _ => {}
    }
    let mut platforms = HashSet::new();
    for (i, plugin) in sdk.plugins.iter().enumerate() {
        if plugin.platform == sdk.id {
            c.fail(
                format!("plugin[{i}].platform"),
                "an SDK cannot be its own plugin",
            );
        } else if catalog.get(&plugin.platform).is_none() {
            c.fail(
                format!("plugin[{i}].platform"),
                format!("no signature has id `{}`", plugin.platform),
            );
        }
        if !platforms.insert(plugin.platform.as_str()) {
            c.fail(
                format!("plugin[{i}].platform"),
                format!("`{}` is listed twice", plugin.platform),
            );
        }
        if plugin.packages.is_empty() {
            c.fail(
                format!("plugin[{i}].packages"),
                "a plugin needs its packages",
            );
        }
        for (j, p) in plugin.packages.iter().enumerate() {
            let under = m.packages.iter().any(|own| {
                p == own
                    || p.strip_prefix(own.as_str())
                        .is_some_and(|r| r.starts_with('.'))
            });
            if !pattern::is_package_prefix(p) || !under {
                c.fail(
                    format!("plugin[{i}].packages[{j}]"),
                    format!("`{p}` is not a package under this signature's match.packages"),
                );
            }
        }
    }
    for (i, parent) in sdk.bundled_by.iter().enumerate() {
        if parent == &sdk.id {
            c.fail(format!("bundled_by[{i}]"), "an SDK cannot bundle itself");
        } else if catalog.get(parent).is_none() {
            c.fail(
                format!("bundled_by[{i}]"),
                format!("no signature has id `{parent}`"),
            );
        }
    }
    c.errors
}

/// Matchers that must point at one SDK only: the detector could not tell two owners apart.
fn check_unique_claims(catalog: &Catalog) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut owners: HashMap<(&str, &str), &str> = HashMap::new();
    for sdk in catalog.sdks() {
        let file = catalog.file_of(&sdk.id).unwrap_or_default();
        let m = &sdk.matchers;
        let claims: [(&str, &Vec<String>); 7] = [
            ("match.packages", &m.packages),
            ("match.weak_packages", &m.weak_packages),
            ("match.components", &m.components),
            ("match.meta_data", &m.meta_data),
            ("match.native_libs", &m.native_libs),
            ("match.jni_prefixes", &m.jni_prefixes),
            ("match.hosts", &m.hosts),
        ];
        for (field, values) in claims {
            // Packages and weak packages share one namespace.
            let space = if field == "match.weak_packages" {
                "match.packages"
            } else {
                field
            };
            for (i, v) in values.iter().enumerate() {
                match owners.get(&(space, v.as_str())) {
                    Some(other) if *other != sdk.id => errors.push(ValidationError {
                        file: file.to_string(),
                        field: format!("{field}[{i}]"),
                        message: format!("`{v}` is already claimed by `{other}`"),
                    }),
                    _ => {
                        owners.insert((space, v.as_str()), sdk.id.as_str());
                    }
                }
            }
        }
    }
    errors
}

pub(super) fn validate(catalog: &Catalog) -> Vec<ValidationError> {
    let mut errors: Vec<ValidationError> = catalog
        .sdks()
        .iter()
        .flat_map(|sdk| check_sdk(catalog, catalog.file_of(&sdk.id).unwrap_or_default(), sdk))
        .collect();
    errors.extend(check_unique_claims(catalog));
    errors
}
