//! The built-in permission table checked against the real Android platform manifest:
//! Debian's android-framework-res ships Android 10's framework-res.apk, and `aapt dump
//! xmltree` prints each `<permission>` with its protectionLevel. Every runtime
//! ("dangerous") permission of Android 10 must be in the table, and every row present in
//! Android 10 must have the protection the platform gives it.

use std::collections::BTreeMap;
use std::process::Command;

use sdkflow::audit::{PermissionTable, Protection};

const FRAMEWORK: &str = "/usr/share/android-framework-res/framework-res.apk";

// protectionLevel bits (android.content.pm.PermissionInfo).
const BASE_MASK: u32 = 0xf;
const DANGEROUS: u32 = 1;
const FLAG_APPOP: u32 = 0x40;

/// name -> protectionLevel, from aapt's dump of the platform manifest.
fn platform_permissions() -> BTreeMap<String, u32> {
    let out = Command::new("aapt")
        .args(["dump", "xmltree", FRAMEWORK, "AndroidManifest.xml"])
        .output()
        .unwrap_or_else(|e| {
            panic!("aapt not runnable ({e}): apt-get install -y aapt android-framework-res")
        });
    assert!(
        out.status.success(),
        "aapt failed on {FRAMEWORK}: install android-framework-res ({})",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut perms = BTreeMap::new();
    let mut in_permission = false;
    let mut name: Option<String> = None;
    let mut level: Option<u32> = None;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("E: ") {
            if let (true, Some(n), Some(l)) = (in_permission, name.take(), level.take()) {
                perms.insert(n, l);
            }
            in_permission = t.starts_with("E: permission ");
            name = None;
            level = None;
        } else if in_permission && t.starts_with("A: android:name(") {
            name = t.split('"').nth(1).map(str::to_string);
        } else if in_permission && t.starts_with("A: android:protectionLevel(") {
            level = t
                .rsplit("0x")
                .next()
                .and_then(|h| u32::from_str_radix(h.trim(), 16).ok());
        }
    }
    if let (true, Some(n), Some(l)) = (in_permission, name, level) {
        perms.insert(n, l);
    }
    perms
}

#[test]
fn permissions_toml_agrees_with_the_android_10_platform_manifest() {
    let platform = platform_permissions();
    assert!(
        platform.len() > 300,
        "parsed only {} permissions from aapt",
        platform.len()
    );
    let table = PermissionTable::from_dictionary(
        sdkflow::dictionary::Dictionary::embedded().expect("embedded dictionary"),
    );

    let missing: Vec<&String> = platform
        .iter()
        .filter(|(_, l)| *l & BASE_MASK == DANGEROUS)
        .map(|(n, _)| n)
        .filter(|n| table.get(n).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "runtime permissions missing from the table: {missing:?}"
    );

    let mut checked = 0;
    for row in table.rows() {
        let Some(level) = platform.get(&row.name) else {
            continue; // newer than Android 10, or not a platform permission
        };
        checked += 1;
        let expected = if level & BASE_MASK == DANGEROUS {
            Protection::Dangerous
        } else if level & FLAG_APPOP != 0 {
            Protection::Special
        } else if level & BASE_MASK == 0 {
            Protection::Normal
        } else {
            Protection::Signature
        };
        assert_eq!(
            row.protection, expected,
            "{} (protectionLevel 0x{level:x})",
            row.name
        );
    }
    // Rows newer than Android 10 or not platform permissions are skipped above.
    assert!(checked >= 34, "only {checked} rows exist in Android 10");
}

/// `docs/rules/permission-unexplained.md` names the non-runtime permissions that need
/// explaining (medium): every one of them must be marked `sensitive` in the table, or the
/// rule silently skips it (the overlay and install-packages rows once were not).
#[test]
fn the_sensitive_non_runtime_permissions_the_rule_doc_names_need_explaining() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/rules/permission-unexplained.md"),
    )
    .expect("read docs/rules/permission-unexplained.md");
    let table = PermissionTable::from_dictionary(
        sdkflow::dictionary::Dictionary::embedded().expect("embedded dictionary"),
    );
    // The doc's words for each kind, and the permissions Android gates it with.
    let kinds = [
        (
            "installed-app list",
            "android.permission.QUERY_ALL_PACKAGES",
        ),
        (
            "all-files access",
            "android.permission.MANAGE_EXTERNAL_STORAGE",
        ),
        ("usage stats", "android.permission.PACKAGE_USAGE_STATS"),
        ("overlay", "android.permission.SYSTEM_ALERT_WINDOW"),
        (
            "install\npackages",
            "android.permission.REQUEST_INSTALL_PACKAGES",
        ),
        ("advertising id", "com.google.android.gms.permission.AD_ID"),
    ];
    let flat = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    for (words, permission) in kinds {
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&words),
            "the rule doc no longer names {words}: update this test with it"
        );
        let row = table
            .get(permission)
            .unwrap_or_else(|| panic!("{permission} missing from the permission table"));
        assert!(
            row.needs_explaining(),
            "{permission} ({words}) is named by the rule doc but not marked sensitive"
        );
    }
}
