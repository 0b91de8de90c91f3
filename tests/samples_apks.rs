//! The sample APKs against Android's own tools: `apksigner verify` accepts every one, and
//! `aapt dump badging|xmltree|resources` reads back what the source manifests and
//! resources say (package, versions, SDK levels, permissions, components, meta-data,
//! resource-backed label and meta-data values).

mod common;
mod samples_support;

use std::collections::BTreeSet;
use std::path::Path;

use samples_support::{SAMPLES, apk, source_manifest, source_strings};

/// Value of `key='...'` on an aapt badging line.
fn quoted<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let start = line.find(&format!("{key}='"))? + key.len() + 2;
    let len = line[start..].find('\'')?;
    Some(&line[start..start + len])
}

#[test]
fn every_sample_verifies_with_apksigner() {
    for (name, _) in SAMPLES {
        let out = common::oracle("apksigner", &["verify", "-v"], &apk(name));
        assert!(out.lines().next() == Some("Verifies"), "{name}: {out}");
        assert!(
            out.contains("Verified using v1 scheme (JAR signing): true"),
            "{name}: {out}"
        );
        assert!(
            out.contains("Verified using v2 scheme (APK Signature Scheme v2): true"),
            "{name}: {out}"
        );
    }
}

#[test]
fn aapt_badging_matches_the_source_manifest() {
    for (name, dir) in SAMPLES {
        let src = source_manifest(dir);
        let badging = common::oracle("aapt", &["dump", "badging"], &apk(name));
        let package = badging
            .lines()
            .find(|l| l.starts_with("package: "))
            .expect("package line");
        assert_eq!(
            quoted(package, "name"),
            Some(src.package.as_str()),
            "{name}"
        );
        assert_eq!(
            quoted(package, "versionCode"),
            Some(src.version_code.as_str()),
            "{name}"
        );
        assert_eq!(
            quoted(package, "versionName"),
            Some(src.version_name.as_str()),
            "{name}"
        );
        assert!(
            badging.contains(&format!("sdkVersion:'{}'", src.min_sdk)),
            "{name}: min sdk"
        );
        assert!(
            badging.contains(&format!("targetSdkVersion:'{}'", src.target_sdk)),
            "{name}: target sdk"
        );

        // uses-permission as written (name, maxSdkVersion); aapt adds implied ones, which it
        // announces on a `uses-implied-permission` line: leave those out.
        let implied: BTreeSet<&str> = badging
            .lines()
            .filter(|l| l.starts_with("uses-implied-permission: "))
            .filter_map(|l| quoted(l, "name"))
            .collect();
        for (tag, line_prefix) in [
            ("uses-permission", "uses-permission: "),
            ("uses-permission-sdk-23", "uses-permission-sdk-23: "),
        ] {
            let got: BTreeSet<(String, String)> = badging
                .lines()
                .filter(|l| l.starts_with(line_prefix))
                .filter_map(|l| {
                    Some((quoted(l, "name")?, quoted(l, "maxSdkVersion").unwrap_or("")))
                })
                .filter(|(n, _)| tag != "uses-permission" || !implied.contains(n))
                .map(|(n, m)| (n.to_string(), m.to_string()))
                .collect();
            let want: BTreeSet<(String, String)> = src
                .tagged(&[tag])
                .iter()
                .map(|e| {
                    (
                        e.name.clone(),
                        e.attrs
                            .get("android:maxSdkVersion")
                            .cloned()
                            .unwrap_or_default(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{name}: {tag}");
        }
    }
}

/// `aapt dump xmltree APK AndroidManifest.xml`.
fn xmltree(apk: &Path) -> String {
    let apk = apk.to_str().expect("utf-8 path");
    common::oracle(
        "aapt",
        &["dump", "xmltree", apk],
        Path::new("AndroidManifest.xml"),
    )
}

/// (tag, android:name) pairs of `aapt dump xmltree`, in document order.
fn xmltree_names(xmltree: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pending: Option<String> = None;
    for line in xmltree.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("E: ") {
            if let Some(tag) = pending.take() {
                out.push((tag, String::new()));
            }
            pending = Some(rest.split_whitespace().next().unwrap_or("").to_string());
        } else if let Some(rest) = t.strip_prefix("A: android:name(0x01010003)=\"")
            && let Some(tag) = pending.take()
        {
            out.push((tag, rest.split('"').next().unwrap_or("").to_string()));
        }
    }
    out.extend(pending.map(|tag| (tag, String::new())));
    out
}

#[test]
fn aapt_xmltree_lists_the_components_meta_data_and_permissions_we_wrote() {
    const TAGS: &[&str] = &[
        "uses-permission",
        "uses-permission-sdk-23",
        "permission",
        "uses-feature",
        "application",
        "activity",
        "activity-alias",
        "service",
        "receiver",
        "provider",
        "meta-data",
        "action",
        "category",
        "package",
    ];
    for (name, dir) in SAMPLES {
        let src = source_manifest(dir);
        let want: Vec<(String, String)> = src
            .tagged(TAGS)
            .iter()
            .map(|e| (e.tag.clone(), e.name.clone()))
            .collect();
        let xml = xmltree(&apk(name));
        let got: Vec<(String, String)> = xmltree_names(&xml)
            .into_iter()
            .filter(|(t, _)| TAGS.contains(&t.as_str()))
            .collect();
        assert_eq!(got, want, "{name}");
        assert!(
            want.iter().any(|(t, _)| t == "activity"),
            "{name}: has activities"
        );
    }
}

#[test]
fn basic_label_and_meta_data_resolve_through_resources_arsc() {
    let strings = source_strings("basic");
    let apk = apk("basic");
    let badging = common::oracle("aapt", &["dump", "badging"], &apk);
    assert!(
        badging.contains(&format!("application-label:'{}'", strings["app_name"])),
        "{badging}"
    );

    // The meta-data value is a reference (@0x7f...) in the binary manifest...
    let xml = xmltree(&apk);
    let lines: Vec<&str> = xml.lines().map(str::trim_start).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("\"com.sdkflow.sample.VERSION_LABEL\""))
        .expect("VERSION_LABEL meta-data");
    let value = lines[at + 1];
    let reference = value
        .strip_prefix("A: android:value(0x01010024)=@")
        .expect("a reference value");
    // ...that resources.arsc maps to the string written in strings.xml.
    let values = common::oracle("aapt", &["dump", "--values", "resources"], &apk);
    let vlines: Vec<&str> = values.lines().map(str::trim_start).collect();
    let res = vlines
        .iter()
        .position(|l| l.starts_with(&format!("resource {reference} ")))
        .unwrap_or_else(|| panic!("resource {reference} in {values}"));
    assert!(
        vlines[res].contains("com.sdkflow.sample.basic:string/version_label"),
        "{}",
        vlines[res]
    );
    let expected = format!("\"{}\"", strings["version_label"]);
    assert!(
        vlines[res + 1].ends_with(&expected),
        "{} vs {expected}",
        vlines[res + 1]
    );
}
