//! Parsers for `aapt dump xmltree | badging | permissions` output, and the comparison of
//! sdkflow's manifest with them. Included by the manifest and AXML tests with
//! `#[path = "common/aapt.rs"] mod aapt;`.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;

use super::common;

/// One element of `aapt dump xmltree`, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlNode {
    /// Element nesting depth (namespace lines do not count).
    pub depth: usize,
    /// Name as printed (`activity`, or `prefix:name`).
    pub name: String,
    /// `(line=N)`.
    pub line: u32,
    /// Attribute lines after `A: `, split at the first `=`: `(name part, value part)`.
    pub attrs: Vec<(String, String)>,
}

impl XmlNode {
    /// The value part of the attribute whose name part is `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The string of a `"..." (Raw: "...")` value.
    pub fn attr_string(&self, name: &str) -> Option<String> {
        let v = self.attr(name)?;
        let rest = v.strip_prefix('"')?;
        let end = rest
            .find("\" (Raw: ")
            .unwrap_or(rest.len().saturating_sub(1));
        Some(rest[..end].to_string())
    }
}

/// Parse `aapt dump xmltree` output: namespace lines `(prefix, uri)` and elements.
pub fn parse_xmltree(text: &str) -> (Vec<(String, String)>, Vec<XmlNode>) {
    let mut namespaces = Vec::new();
    let mut nodes: Vec<XmlNode> = Vec::new();
    // Indentation of open elements, to find each element's depth.
    let mut open: Vec<usize> = Vec::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        if let Some(ns) = body.strip_prefix("N: ") {
            let (prefix, uri) = ns.split_once('=').expect("N: prefix=uri");
            namespaces.push((prefix.to_string(), uri.to_string()));
        } else if let Some(e) = body.strip_prefix("E: ") {
            while open.last().is_some_and(|i| *i >= indent) {
                open.pop();
            }
            let (name, rest) = e.split_once(" (line=").expect("E: name (line=N)");
            nodes.push(XmlNode {
                depth: open.len(),
                name: name.to_string(),
                line: rest.trim_end_matches(')').parse().expect("line number"),
                attrs: Vec::new(),
            });
            open.push(indent);
        } else if let Some(a) = body.strip_prefix("A: ") {
            let (name, value) = a.split_once('=').expect("A: name=value");
            nodes
                .last_mut()
                .expect("attribute before element")
                .attrs
                .push((name.to_string(), value.to_string()));
        }
    }
    (namespaces, nodes)
}

/// What `aapt dump badging --include-meta-data` and `aapt dump permissions` say.
#[derive(Debug, Default)]
pub struct Badging {
    pub package: String,
    pub version_code: String,
    pub version_name: String,
    pub sdk_version: Option<u32>,
    pub target_sdk_version: Option<u32>,
    pub application_label: Option<String>,
    /// `(name, value)` of `meta-data: name='..' value='..'` lines.
    pub meta_data_values: Vec<(String, String)>,
    /// `(name, maxSdkVersion, sdk23)` from `aapt dump permissions`.
    pub uses_permissions: Vec<(String, Option<u32>, bool)>,
    /// `permission: NAME` lines.
    pub permissions: Vec<String>,
    /// `(name, maxSdkVersion, reason)` of `uses-implied-permission` lines of badging.
    pub implied_permissions: Vec<(String, Option<u32>, String)>,
}

/// The `key='value'` of a badging line.
fn quoted<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let start = line.find(&format!("{key}='"))? + key.len() + 2;
    let len = line[start..].find('\'')?;
    Some(&line[start..start + len])
}

/// Run aapt on `apk` and parse what the manifest comparison needs.
pub fn badging(apk: &Path) -> Badging {
    let text = common::oracle("aapt", &["dump", "--include-meta-data", "badging"], apk);
    let mut b = Badging::default();
    for line in text.lines() {
        if line.starts_with("package: ") {
            b.package = quoted(line, "name").unwrap_or_default().to_string();
            b.version_code = quoted(line, "versionCode").unwrap_or_default().to_string();
            b.version_name = quoted(line, "versionName").unwrap_or_default().to_string();
        } else if let Some(v) = line.strip_prefix("sdkVersion:'") {
            b.sdk_version = v.trim_end_matches('\'').parse().ok();
        } else if let Some(v) = line.strip_prefix("targetSdkVersion:'") {
            b.target_sdk_version = v.trim_end_matches('\'').parse().ok();
        } else if let Some(v) = line.strip_prefix("application-label:'") {
            b.application_label = Some(v.trim_end_matches('\'').to_string());
        } else if line.starts_with("uses-implied-permission: ") {
            let name = quoted(line, "name").expect("implied permission name");
            let max = quoted(line, "maxSdkVersion").map(|v| v.parse().expect("maxSdkVersion"));
            let reason = quoted(line, "reason").expect("implied permission reason");
            b.implied_permissions
                .push((name.to_string(), max, reason.to_string()));
        } else if line.starts_with("meta-data: ")
            && let (Some(name), Some(value)) = (quoted(line, "name"), quoted(line, "value"))
        {
            b.meta_data_values
                .push((name.to_string(), value.to_string()));
        }
    }
    let perms = common::oracle("aapt", &["dump", "permissions"], apk);
    for line in perms.lines() {
        let sdk23 = line.starts_with("uses-permission-sdk-23: ");
        if line.starts_with("uses-permission: ") || sdk23 {
            let name = quoted(line, "name").expect("permission name").to_string();
            let max = quoted(line, "maxSdkVersion").map(|v| v.parse().expect("maxSdkVersion"));
            b.uses_permissions.push((name, max, sdk23));
        } else if let Some(name) = line.strip_prefix("permission: ") {
            b.permissions.push(name.trim().to_string());
        }
    }
    b
}

/// A class name as Android builds it from the package and `android:name`.
fn class_name(package: &str, name: &str) -> String {
    if name.starts_with('.') {
        format!("{package}{name}")
    } else if !name.contains('.') {
        format!("{package}.{name}")
    } else {
        name.to_string()
    }
}

/// An aapt badging meta-data value (`%d` for the integer types, `0x%x` otherwise) and
/// sdkflow's rendering of the same value agree.
fn meta_value_agrees(aapt: &str, ours: &str) -> bool {
    if aapt == ours {
        return true;
    }
    if let Ok(n) = aapt.parse::<i64>() {
        let ours_int: Option<i64> = match ours {
            "true" => Some(-1),
            "false" => Some(0),
            _ if ours.starts_with("0x") => u32::from_str_radix(&ours[2..], 16)
                .ok()
                .map(|v| i64::from(v as i32)),
            _ if ours.starts_with('#') => {
                let hex = &ours[1..];
                let expanded: String = match hex.len() {
                    3 => format!("ff{}", hex.chars().flat_map(|c| [c, c]).collect::<String>()),
                    4 => hex.chars().flat_map(|c| [c, c]).collect(),
                    6 => format!("ff{hex}"),
                    _ => hex.to_string(),
                };
                u32::from_str_radix(&expanded, 16)
                    .ok()
                    .map(|v| i64::from(v as i32))
            }
            _ => ours.parse().ok(),
        };
        return ours_int == Some(n);
    }
    if let Some(bits) = aapt.strip_prefix("0x") {
        // A float (or other non-integer type): aapt prints the raw bits.
        let bits = u32::from_str_radix(bits, 16).expect("hex");
        return ours.parse::<f32>().ok() == Some(f32::from_bits(bits));
    }
    false
}

/// Compare sdkflow's manifest of `apk` with aapt: package, versions, SDK levels,
/// permissions, permission definitions, components, meta-data names and values, label.
/// Returns the disagreements (empty when all agree).
pub fn compare_with_aapt(apk: &Path) -> Vec<String> {
    let mut diffs = Vec::new();
    let mut check = |what: &str, ours: String, theirs: String| {
        if ours != theirs {
            diffs.push(format!("{what}: sdkflow {ours} / aapt {theirs}"));
        }
    };
    let app = sdkflow::apk::load(apk, &sdkflow::Limits::default()).expect("load");
    let (m, _problems) = sdkflow::manifest::from_app(&app).expect("manifest");
    let b = badging(apk);
    let xml = std::process::Command::new("aapt")
        .args(["dump", "xmltree"])
        .arg(apk)
        .arg("AndroidManifest.xml")
        .output()
        .expect("aapt xmltree");
    let (_, nodes) = parse_xmltree(&String::from_utf8_lossy(&xml.stdout));
    if nodes.is_empty() || b.package.is_empty() {
        check(
            "aapt output",
            String::new(),
            format!("nothing for {}", apk.display()),
        );
    }

    check("package", m.package.clone(), b.package.clone());
    check(
        "versionCode",
        m.version_code.map(|v| v.to_string()).unwrap_or_default(),
        b.version_code.clone(),
    );
    check(
        "versionName",
        m.version_name.clone().unwrap_or_default(),
        b.version_name.clone(),
    );
    if let Some(sdk) = b.sdk_version {
        check(
            "minSdk",
            format!("{:?}", m.min_sdk),
            format!("{:?}", Some(sdk)),
        );
    }
    if let Some(sdk) = b.target_sdk_version {
        check(
            "targetSdk",
            format!("{:?}", m.target_sdk),
            format!("{:?}", Some(sdk)),
        );
    }

    // Permissions: aapt lists duplicates; the model keeps each name once.
    let mut seen = BTreeSet::new();
    let theirs: Vec<_> = b
        .uses_permissions
        .iter()
        .filter(|(n, _, _)| seen.insert(n.clone()))
        .cloned()
        .collect();
    let ours: Vec<_> = m
        .permissions
        .iter()
        .filter(|p| p.implied.is_none())
        .map(|p| (p.name.clone(), p.max_sdk_version, p.sdk23))
        .collect();
    check(
        "uses-permission",
        format!("{ours:?}"),
        format!("{theirs:?}"),
    );
    // Implied permissions, with aapt's reason and maxSdkVersion, in aapt's order.
    let ours: Vec<_> = m
        .permissions
        .iter()
        .filter_map(|p| {
            p.implied
                .clone()
                .map(|r| (p.name.clone(), p.max_sdk_version, r))
        })
        .collect();
    check(
        "uses-implied-permission",
        format!("{ours:?}"),
        format!("{:?}", b.implied_permissions),
    );
    let ours: Vec<_> = m
        .permission_definitions
        .iter()
        .map(|p| p.name.clone())
        .collect();
    check(
        "permission",
        format!("{ours:?}"),
        format!("{:?}", b.permissions),
    );

    // Components: direct children of <application> (depth 2) by aapt's xmltree.
    let kinds = [
        "activity",
        "activity-alias",
        "service",
        "receiver",
        "provider",
    ];
    let mut in_app = false;
    let mut theirs_components = Vec::new();
    let mut theirs_meta = Vec::new();
    for n in &nodes {
        if n.depth <= 1 {
            in_app = n.depth == 1 && n.name == "application";
            continue;
        }
        if !in_app {
            continue;
        }
        if n.depth == 2 && kinds.contains(&n.name.as_str()) {
            let name = n
                .attr_string("android:name(0x01010003)")
                .expect("component name");
            theirs_components.push(format!("{} {}", n.name, class_name(&b.package, &name)));
        }
        if n.name == "meta-data" && n.depth <= 3 {
            theirs_meta.push(
                n.attr_string("android:name(0x01010003)")
                    .expect("meta-data name"),
            );
        }
    }
    let ours_components: Vec<_> = m
        .components
        .iter()
        .map(|c| {
            let kind = serde_json::to_value(c.kind).unwrap();
            format!("{} {}", kind.as_str().unwrap(), c.name)
        })
        .collect();
    if std::env::var_os("SDKFLOW_DEBUG_ORACLE").is_some() {
        eprintln!(
            "{}: {} components, {} meta-data, {} values, {} permissions",
            apk.display(),
            theirs_components.len(),
            theirs_meta.len(),
            b.meta_data_values.len(),
            b.uses_permissions.len()
        );
    }
    check(
        "components",
        format!("{ours_components:#?}"),
        format!("{theirs_components:#?}"),
    );
    let ours_meta: Vec<_> = m.meta_data.iter().map(|d| d.name.clone()).collect();
    let mut ours_sorted = ours_meta.clone();
    ours_sorted.sort();
    let mut theirs_sorted = theirs_meta.clone();
    theirs_sorted.sort();
    check(
        "meta-data names",
        format!("{ours_sorted:?}"),
        format!("{theirs_sorted:?}"),
    );
    for (name, value) in &b.meta_data_values {
        let ours = m
            .meta_data
            .iter()
            .find(|d| &d.name == name && d.component.is_none())
            .and_then(|d| d.value.clone());
        match ours {
            Some(ours) if meta_value_agrees(value, &ours) => {}
            other => check(
                &format!("meta-data {name}"),
                format!("{other:?}"),
                value.clone(),
            ),
        }
    }

    // Label: aapt resolves it only with a resource table; a literal label is checked
    // against the xmltree string.
    let literal_label = nodes
        .iter()
        .find(|n| n.depth == 1 && n.name == "application")
        .and_then(|n| n.attr_string("android:label(0x01010001)"));
    let expected_label = b.application_label.clone().or(literal_label);
    check(
        "label",
        format!("{:?}", m.application.label),
        format!("{expected_label:?}"),
    );
    diffs
}
