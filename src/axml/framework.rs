//! The Android framework's attribute resource ids and enum/flag names, for naming
//! attributes whose name string is missing or obfuscated and for writing enum and flag
//! values by name. The table is generated (see `framework_attrs.rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::framework_attrs::{ATTRS, VALUES};

/// The `android` namespace URI.
pub const ANDROID_NS: &str = "http://schemas.android.com/apk/res/android";

/// The name of the framework attribute with resource id `id` (`0x01010003` → `name`).
pub fn attr_name(id: u32) -> Option<&'static str> {
    ATTRS
        .binary_search_by_key(&id, |(i, _)| *i)
        .ok()
        .and_then(|i| ATTRS.get(i))
        .map(|(_, name)| *name)
}

/// The resource id of the framework attribute `name` (`name` → `0x01010003`).
pub fn attr_id(name: &str) -> Option<u32> {
    static BY_NAME: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    BY_NAME
        .get_or_init(|| ATTRS.iter().map(|(id, name)| (*name, *id)).collect())
        .get(name)
        .copied()
}

fn values(id: u32) -> Option<(bool, &'static [(&'static str, u32)])> {
    VALUES
        .binary_search_by_key(&id, |(i, _, _)| *i)
        .ok()
        .and_then(|i| VALUES.get(i))
        .map(|(_, flags, names)| (*flags, *names))
}

/// `value` of the enum or flag attribute `id` written by name (`launchMode` 2 →
/// `singleTask`, `configChanges` 0xa0 → `keyboardHidden|orientation`). `None` when the
/// attribute has no names or the value cannot be written exactly with them.
pub fn format_value(id: u32, value: u32) -> Option<String> {
    let (flags, names) = values(id)?;
    if let Some((name, _)) = names.iter().find(|(_, v)| *v == value) {
        return Some((*name).to_string());
    }
    if !flags || value == 0 {
        return None;
    }
    // Largest flags first, so a combined name (`signatureOrSystem`) wins over its parts.
    let mut sorted: Vec<&(&str, u32)> = names.iter().filter(|(_, v)| *v != 0).collect();
    sorted.sort_by(|a, b| b.1.count_ones().cmp(&a.1.count_ones()).then(b.1.cmp(&a.1)));
    let mut left = value;
    let mut picked: Vec<&(&str, u32)> = Vec::new();
    for item in sorted {
        if item.1 & left == item.1 {
            left &= !item.1;
            picked.push(item);
        }
    }
    if left != 0 {
        return None;
    }
    picked.sort_by_key(|(_, v)| *v);
    Some(picked.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("|"))
}

/// Parse the text of an enum or flag attribute (`singleTask`, `orientation|keyboardHidden`)
/// into its value. `None` when a name is unknown or the attribute has no names.
pub fn parse_value(id: u32, text: &str) -> Option<u32> {
    let (_, names) = values(id)?;
    text.split('|').try_fold(0u32, |acc, part| {
        let part = part.trim();
        names
            .iter()
            .find(|(n, _)| *n == part)
            .map(|(_, v)| acc | *v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_manifest_attributes() {
        assert_eq!(attr_name(0x0101_0003), Some("name"));
        assert_eq!(attr_name(0x0101_021b), Some("versionCode"));
        assert_eq!(attr_id("exported"), Some(0x0101_0010));
        assert_eq!(attr_name(0x7f01_0000), None);
    }

    #[test]
    fn enums_and_flags_round_trip() {
        let launch_mode = attr_id("launchMode").unwrap();
        assert_eq!(format_value(launch_mode, 2).as_deref(), Some("singleTask"));
        let protection = attr_id("protectionLevel").unwrap();
        assert_eq!(format_value(protection, 2).as_deref(), Some("signature"));
        assert_eq!(
            format_value(protection, 0x3).as_deref(),
            Some("signatureOrSystem")
        );
        let config = attr_id("configChanges").unwrap();
        let text = format_value(config, 0xa0).unwrap();
        assert_eq!(parse_value(config, &text), Some(0xa0));
        assert_eq!(
            parse_value(config, "orientation|keyboardHidden"),
            Some(0xa0)
        );
        assert_eq!(parse_value(config, "nonsense"), None);
    }
}
