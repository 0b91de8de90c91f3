//! Which APKs of a split set or bundle to read, and which one is the base.
//!
//! * split set (a directory or a zip of APKs): `base.apk` plus `split_*.apk`;
//! * bundletool `.apks`: `splits/base-master.apk` plus the other `splits/*.apk`; when there
//!   are no splits, `universal.apk` or the first `standalones/*.apk` (standalones are
//!   alternatives of each other: one is read, the others are listed as skipped);
//! * `.xapk`: the APK whose `manifest.json` id is `base` (or `<package_name>.apk`), plus the
//!   other root APKs (`config.*.apk`).

use serde::Deserialize;

/// The APKs to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The base APK.
    pub base: String,
    /// The other APKs to read, in name order.
    pub splits: Vec<String>,
    /// APKs present but not read (alternative standalones).
    pub skipped: Vec<String>,
}

/// Plan a plain split set from its APK names (file names or root entries).
pub fn plan_split_set(apks: &[&str]) -> Option<Plan> {
    let mut apks: Vec<&str> = apks.to_vec();
    apks.sort_unstable();
    let base = apks
        .iter()
        .find(|n| **n == "base.apk")
        .or_else(|| {
            apks.iter()
                .find(|n| !n.starts_with("split_") && !n.starts_with("config."))
        })
        .or_else(|| apks.first())?
        .to_string();
    Some(Plan {
        splits: others(&apks, &base),
        base,
        skipped: Vec::new(),
    })
}

/// Plan a bundletool `.apks` from its entry names.
pub fn plan_apks(names: &[&str]) -> Option<Plan> {
    let mut splits: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.starts_with("splits/") && n.ends_with(".apk"))
        .collect();
    let mut standalones: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.ends_with(".apk") && (n.starts_with("standalones/") || *n == "universal.apk"))
        .collect();
    splits.sort_unstable();
    standalones.sort_unstable();
    if !splits.is_empty() {
        let base = splits
            .iter()
            .find(|n| **n == "splits/base-master.apk")
            .or_else(|| splits.iter().find(|n| n.contains("base-master")))
            .or_else(|| splits.first())?
            .to_string();
        return Some(Plan {
            splits: others(&splits, &base),
            base,
            skipped: standalones.iter().map(|s| s.to_string()).collect(),
        });
    }
    let base = standalones
        .iter()
        .find(|n| **n == "universal.apk")
        .or_else(|| standalones.first())?
        .to_string();
    Some(Plan {
        skipped: others(&standalones, &base),
        base,
        splits: Vec::new(),
    })
}

#[derive(Deserialize)]
struct XapkManifest {
    package_name: Option<String>,
    #[serde(default)]
    split_apks: Vec<XapkSplit>,
}

#[derive(Deserialize)]
struct XapkSplit {
    file: String,
    id: Option<String>,
}

/// Plan an `.xapk` from its entry names and its `manifest.json` (if readable).
pub fn plan_xapk(names: &[&str], manifest_json: Option<&[u8]>) -> Option<Plan> {
    let mut apks: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.ends_with(".apk") && !n.contains('/'))
        .collect();
    apks.sort_unstable();
    let manifest: Option<XapkManifest> = manifest_json.and_then(|j| serde_json::from_slice(j).ok());
    let named = manifest.as_ref().and_then(|m| {
        let by_id = m
            .split_apks
            .iter()
            .find(|s| s.id.as_deref() == Some("base"))
            .map(|s| s.file.clone());
        let by_package = m.package_name.as_ref().map(|p| format!("{p}.apk"));
        by_id
            .into_iter()
            .chain(by_package)
            .find(|f| apks.contains(&f.as_str()))
    });
    match named {
        Some(base) => Some(Plan {
            splits: others(&apks, &base),
            base,
            skipped: Vec::new(),
        }),
        None => plan_split_set(&apks),
    }
}

fn others(all: &[&str], base: &str) -> Vec<String> {
    all.iter()
        .filter(|n| **n != base)
        .map(|n| n.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_sets() {
        let p = plan_split_set(&["split_config.arm64_v8a.apk", "base.apk"]).unwrap();
        assert_eq!(p.base, "base.apk");
        assert_eq!(p.splits, ["split_config.arm64_v8a.apk"]);
        let p = plan_split_set(&["split_a.apk", "app.apk"]).unwrap();
        assert_eq!(p.base, "app.apk");
        assert!(plan_split_set(&[]).is_none());
    }

    #[test]
    fn apks_prefers_splits_and_skips_standalones() {
        let names = [
            "toc.pb",
            "splits/base-arm64_v8a.apk",
            "splits/base-master.apk",
            "standalones/standalone-arm64_v8a.apk",
        ];
        let p = plan_apks(&names).unwrap();
        assert_eq!(p.base, "splits/base-master.apk");
        assert_eq!(p.splits, ["splits/base-arm64_v8a.apk"]);
        assert_eq!(p.skipped, ["standalones/standalone-arm64_v8a.apk"]);
        let p = plan_apks(&["toc.pb", "universal.apk"]).unwrap();
        assert_eq!(p.base, "universal.apk");
    }

    #[test]
    fn xapk_uses_its_manifest() {
        let names = [
            "config.arm64_v8a.apk",
            "com.example.app.apk",
            "manifest.json",
        ];
        let json = br#"{"package_name":"com.example.app","split_apks":[{"file":"com.example.app.apk","id":"base"},{"file":"config.arm64_v8a.apk","id":"config.arm64_v8a"}]}"#;
        let p = plan_xapk(&names, Some(json)).unwrap();
        assert_eq!(p.base, "com.example.app.apk");
        assert_eq!(p.splits, ["config.arm64_v8a.apk"]);
        // Without a readable manifest.json the non-config APK is the base.
        assert_eq!(
            plan_xapk(&names, Some(b"{")).unwrap().base,
            "com.example.app.apk"
        );
    }
}
