//! Classify archive entries by path, as Android's package manager and build tools lay them out.

use super::EntryKind;

/// Classify an entry path of an APK.
pub fn classify(name: &str) -> EntryKind {
    if name == "AndroidManifest.xml" {
        return EntryKind::Manifest;
    }
    if name == "resources.arsc" {
        return EntryKind::Resources;
    }
    if is_root_dex(name) {
        return EntryKind::Dex;
    }
    if let Some((abi, file)) = name.strip_prefix("lib/").and_then(|r| r.split_once('/'))
        && !abi.is_empty()
        && !file.contains('/')
        && file.ends_with(".so")
    {
        return EntryKind::NativeLib {
            abi: abi.to_string(),
        };
    }
    if let Some(rest) = name.strip_prefix("META-INF/") {
        let upper = rest.to_ascii_uppercase();
        if [".SF", ".RSA", ".DSA", ".EC", ".MF"]
            .iter()
            .any(|ext| upper.ends_with(ext))
        {
            return EntryKind::Signature;
        }
    }
    let lower = name.to_ascii_lowercase();
    if [".dex", ".jar", ".apk", ".zip"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return EntryKind::NestedArchive;
    }
    if name.starts_with("assets/") {
        return EntryKind::Asset;
    }
    if name.starts_with("res/") {
        return EntryKind::Resource;
    }
    EntryKind::Other
}

/// `classes.dex`, `classes2.dex`, ... at the root. Android loads `classesN.dex` for N >= 2
/// in order and stops at the first gap.
pub fn is_root_dex(name: &str) -> bool {
    match name
        .strip_prefix("classes")
        .and_then(|r| r.strip_suffix(".dex"))
    {
        Some("") => true,
        Some(n) => n.parse::<u32>().map(|n| n >= 2).unwrap_or(false) && !n.starts_with('0'),
        None => false,
    }
}

/// The number of a root dex entry (`classes.dex` is 1), for ordering.
pub fn dex_index(name: &str) -> u32 {
    name.strip_prefix("classes")
        .and_then(|r| r.strip_suffix(".dex"))
        .map(|n| {
            if n.is_empty() {
                1
            } else {
                n.parse().unwrap_or(u32::MAX)
            }
        })
        .unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_android_layout() {
        assert_eq!(classify("AndroidManifest.xml"), EntryKind::Manifest);
        assert_eq!(classify("classes.dex"), EntryKind::Dex);
        assert_eq!(classify("classes12.dex"), EntryKind::Dex);
        assert_eq!(classify("classes1.dex"), EntryKind::NestedArchive);
        assert_eq!(
            classify("lib/arm64-v8a/libjcore322.so"),
            EntryKind::NativeLib {
                abi: "arm64-v8a".into()
            }
        );
        assert_eq!(classify("lib/arm64-v8a/x/y.so"), EntryKind::Other);
        assert_eq!(classify("META-INF/CERT.RSA"), EntryKind::Signature);
        assert_eq!(classify("assets/plugin.jar"), EntryKind::NestedArchive);
        assert_eq!(classify("assets/a.txt"), EntryKind::Asset);
        assert!(dex_index("classes.dex") < dex_index("classes2.dex"));
        assert!(dex_index("classes2.dex") < dex_index("classes10.dex"));
    }
}
