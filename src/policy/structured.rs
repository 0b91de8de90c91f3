//! Structured declared tables: JSON (the shape `sdkflow policy --format json` prints, so
//! extraction output can be reviewed, corrected and fed back), TOML (same shape) and CSV
//! (one row per SDK: name, vendor, purpose, data types, permissions).
//!
//! Values are checked against the dictionaries: a data type may be an id (`device_id.imei`)
//! or a phrase (`IMEI`, `设备型号`); a permission a full name, a short name (`CAMERA`) or a
//! phrase (`相机权限`). What matches nothing goes to `unmatched`. SDK names without an
//! `sdk_id` are resolved through the aliases.

use crate::dictionary::Dictionary;

use super::aliases::Aliases;
use super::model::{
    DeclaredDataType, DeclaredPermission, DeclaredPolicy, DeclaredSdk, UnmatchedPhrase,
};

/// A structured input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// JSON declared table.
    Json,
    /// TOML declared table.
    Toml,
    /// CSV, one row per SDK.
    Csv,
}

/// Whether the input is a structured table: by extension, or JSON content with `sdks`.
pub fn detect(name: &str, text: &str) -> Option<Kind> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        return Some(Kind::Json);
    }
    if lower.ends_with(".toml") {
        return Some(Kind::Toml);
    }
    if lower.ends_with(".csv") {
        return Some(Kind::Csv);
    }
    let t = text.trim_start();
    (t.starts_with('{') && t.contains("\"sdks\"")).then_some(Kind::Json)
}

/// Parse a structured table and check its values against the dictionaries.
pub fn read(
    kind: Kind,
    text: &str,
    dict: &Dictionary,
    aliases: &Aliases,
) -> Result<DeclaredPolicy, String> {
    let policy = match kind {
        Kind::Json => serde_json::from_str::<DeclaredPolicy>(text).map_err(|e| e.to_string())?,
        Kind::Toml => toml::from_str::<DeclaredPolicy>(text).map_err(|e| e.to_string())?,
        Kind::Csv => read_csv(text)?,
    };
    Ok(complete(policy, dict, aliases))
}

const NAME: &[&str] = &["name", "sdk", "sdk名称", "名称", "sdk name"];
const VENDOR: &[&str] = &["vendor", "第三方名称", "公司", "公司名称", "第三方主体"];
const PURPOSE: &[&str] = &["purpose", "使用目的", "目的", "功能"];
const DATA: &[&str] = &[
    "data_types",
    "data types",
    "个人信息类型",
    "收集个人信息",
    "个人信息",
];
const PERMS: &[&str] = &["permissions", "权限", "申请权限"];
const ID: &[&str] = &["sdk_id", "id"];
const LISTED: &[&str] = &["listed"];
const LINK: &[&str] = &["link", "官网链接", "隐私政策链接", "链接"];

fn read_csv(text: &str) -> Result<DeclaredPolicy, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let name_col = col(NAME)
        .ok_or("CSV needs a `name` column (name, vendor, purpose, data_types, permissions)")?;
    let (vendor, purpose, data, perms, id, listed, link) = (
        col(VENDOR),
        col(PURPOSE),
        col(DATA),
        col(PERMS),
        col(ID),
        col(LISTED),
        col(LINK),
    );
    let mut out = DeclaredPolicy::default();
    for (n, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", n + 2))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let Some(name) = get(Some(name_col)) else {
            continue;
        };
        out.sdks.push(DeclaredSdk {
            name,
            sdk_id: get(id),
            listed: get(listed)
                .is_none_or(|v| !matches!(v.to_lowercase().as_str(), "false" | "no" | "0" | "否")),
            vendor: get(vendor),
            purpose: get(purpose),
            data_types: get(data).map(|s| split_list(&s)).unwrap_or_default(),
            permissions: get(perms).map(|s| split_list(&s)).unwrap_or_default(),
            link: get(link),
            ..DeclaredSdk::default()
        });
    }
    Ok(out)
}

fn split_list(s: &str) -> Vec<String> {
    s.split([';', '；', '、', '|', ',', '，'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Resolve names, map phrases to ids, fill the app-wide lists from the SDK rows when the
/// input gives none.
fn complete(mut p: DeclaredPolicy, dict: &Dictionary, aliases: &Aliases) -> DeclaredPolicy {
    let mut unmatched: Vec<String> = Vec::new();
    for sdk in &mut p.sdks {
        if sdk.sdk_id.is_none() {
            let ids = aliases.resolve(&sdk.name);
            sdk.sdk_id = ids.first().map(|s| (*s).to_owned());
            sdk.alternatives = ids.iter().skip(1).map(|s| (*s).to_owned()).collect();
        }
        let mut data = Vec::new();
        for d in std::mem::take(&mut sdk.data_types) {
            match data_type_id(dict, &d) {
                Some(id) if !data.contains(&id) => data.push(id),
                Some(_) => {}
                None => unmatched.push(d),
            }
        }
        sdk.data_types = data;
        let mut perms = Vec::new();
        for q in std::mem::take(&mut sdk.permissions) {
            match permission_names(dict, &q) {
                Some(names) => {
                    for n in names {
                        if !perms.contains(&n) {
                            perms.push(n);
                        }
                    }
                }
                None => unmatched.push(q),
            }
        }
        sdk.permissions = perms;
    }
    for dt in &mut p.data_types {
        if let Some(id) = data_type_id(dict, &dt.data_type) {
            dt.data_type = id;
        }
    }
    if p.permissions.is_empty() {
        for sdk in &p.sdks {
            for name in &sdk.permissions {
                if !p.permissions.iter().any(|x| &x.permission == name) {
                    p.permissions.push(DeclaredPermission {
                        permission: name.clone(),
                        phrase: name.clone(),
                        evidence: None,
                    });
                }
            }
        }
    }
    if p.data_types.is_empty() {
        for sdk in &p.sdks {
            for id in &sdk.data_types {
                p.data_types.push(DeclaredDataType {
                    data_type: id.clone(),
                    phrase: id.clone(),
                    sdk_id: sdk.sdk_id.clone(),
                    evidence: None,
                });
            }
        }
    }
    for phrase in unmatched {
        if !p.unmatched.iter().any(|u| u.phrase == phrase) {
            p.unmatched.push(UnmatchedPhrase {
                phrase,
                evidence: None,
            });
        }
    }
    p
}

fn data_type_id(dict: &Dictionary, s: &str) -> Option<String> {
    if dict.data_type(s).is_some() {
        return Some(s.to_owned());
    }
    dict.data_type_for_phrase(s).map(str::to_owned)
}

fn permission_names(dict: &Dictionary, s: &str) -> Option<Vec<String>> {
    if let Some(p) = dict.permission(s) {
        return Some(vec![p.name.clone()]);
    }
    if s.contains(".permission.")
        && s.rsplit('.').next().is_some_and(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
        })
    {
        // A real permission name the dictionary does not list yet: keep it as declared.
        return Some(vec![s.to_owned()]);
    }
    dict.permissions_for_phrase(s)
        .map(|v| v.into_iter().map(str::to_owned).collect())
}
