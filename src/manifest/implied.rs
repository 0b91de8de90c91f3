//! Permissions the platform grants without the manifest asking: the compatibility rules
//! `aapt dump badging` prints as `uses-implied-permission` (frameworks/base
//! tools/aapt/Command.cpp, and aapt2's `dump badging`):
//!
//! - target SDK < 4 (before Donut's permission split): WRITE_EXTERNAL_STORAGE and
//!   READ_PHONE_STATE, reason `targetSdkVersion < 4`;
//! - WRITE_EXTERNAL_STORAGE requested or implied: READ_EXTERNAL_STORAGE, with the write
//!   permission's `maxSdkVersion`, reason `requested WRITE_EXTERNAL_STORAGE`;
//! - target SDK < 16 (before Jelly Bean split the call log out of contacts): READ_CALL_LOG
//!   with READ_CONTACTS and WRITE_CALL_LOG with WRITE_CONTACTS, reason `targetSdkVersion
//!   < 16 and requested READ_CONTACTS` / `WRITE_CONTACTS`.
//!
//! aapt implies nothing else: ACCESS_FINE_LOCATION implies the location *feature*, not
//! ACCESS_COARSE_LOCATION (a source that accepts either permission says so itself).
//! Like aapt, only plain `uses-permission` entries trigger a rule.

use super::UsesPermission;

const WRITE_EXTERNAL: &str = "android.permission.WRITE_EXTERNAL_STORAGE";
const READ_EXTERNAL: &str = "android.permission.READ_EXTERNAL_STORAGE";
const READ_PHONE_STATE: &str = "android.permission.READ_PHONE_STATE";
const READ_CONTACTS: &str = "android.permission.READ_CONTACTS";
const WRITE_CONTACTS: &str = "android.permission.WRITE_CONTACTS";
const READ_CALL_LOG: &str = "android.permission.READ_CALL_LOG";
const WRITE_CALL_LOG: &str = "android.permission.WRITE_CALL_LOG";

/// Append the permissions implied for an app targeting `target_sdk` to `permissions`
/// (which holds what the manifest requests), each marked with its reason.
pub fn add_implied_permissions(permissions: &mut Vec<UsesPermission>, target_sdk: u32) {
    let plain = |list: &[UsesPermission], name: &str| {
        list.iter()
            .find(|p| p.name == name && !p.sdk23 && p.implied.is_none())
            .cloned()
    };
    let any = |list: &[UsesPermission], name: &str| list.iter().any(|p| p.name == name);
    let add = |list: &mut Vec<UsesPermission>, name: &str, reason: &str, max| {
        list.push(UsesPermission {
            name: name.to_string(),
            max_sdk_version: max,
            sdk23: false,
            implied: Some(reason.to_string()),
        });
    };
    let mut write_external = plain(permissions, WRITE_EXTERNAL);
    let had_read_external = plain(permissions, READ_EXTERNAL).is_some();
    let had_read_phone_state = plain(permissions, READ_PHONE_STATE).is_some();
    if target_sdk < 4 {
        if write_external.is_none() && !any(permissions, WRITE_EXTERNAL) {
            add(permissions, WRITE_EXTERNAL, "targetSdkVersion < 4", None);
            write_external = plain_or_implied(permissions, WRITE_EXTERNAL);
        }
        if !had_read_phone_state && !any(permissions, READ_PHONE_STATE) {
            add(permissions, READ_PHONE_STATE, "targetSdkVersion < 4", None);
        }
    }
    if let Some(write) = write_external
        && !had_read_external
        && !any(permissions, READ_EXTERNAL)
    {
        add(
            permissions,
            READ_EXTERNAL,
            "requested WRITE_EXTERNAL_STORAGE",
            write.max_sdk_version,
        );
    }
    if target_sdk < 16 {
        for (have, implied, reason) in [
            (
                READ_CONTACTS,
                READ_CALL_LOG,
                "targetSdkVersion < 16 and requested READ_CONTACTS",
            ),
            (
                WRITE_CONTACTS,
                WRITE_CALL_LOG,
                "targetSdkVersion < 16 and requested WRITE_CONTACTS",
            ),
        ] {
            if plain(permissions, have).is_some() && !any(permissions, implied) {
                add(permissions, implied, reason, None);
            }
        }
    }
}

fn plain_or_implied(list: &[UsesPermission], name: &str) -> Option<UsesPermission> {
    list.iter().find(|p| p.name == name && !p.sdk23).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requested(names: &[&str]) -> Vec<UsesPermission> {
        names
            .iter()
            .map(|n| UsesPermission {
                name: format!("android.permission.{n}"),
                max_sdk_version: None,
                sdk23: false,
                implied: None,
            })
            .collect()
    }

    fn implied(list: &[UsesPermission]) -> Vec<(String, Option<u32>, String)> {
        list.iter()
            .filter_map(|p| {
                let short = p.name.trim_start_matches("android.permission.").to_string();
                p.implied.clone().map(|r| (short, p.max_sdk_version, r))
            })
            .collect()
    }

    #[test]
    fn pre_donut_defaults_and_their_read_permission() {
        let mut list = requested(&[]);
        add_implied_permissions(&mut list, 3);
        assert_eq!(
            implied(&list),
            vec![
                (
                    "WRITE_EXTERNAL_STORAGE".into(),
                    None,
                    "targetSdkVersion < 4".into()
                ),
                (
                    "READ_PHONE_STATE".into(),
                    None,
                    "targetSdkVersion < 4".into()
                ),
                (
                    "READ_EXTERNAL_STORAGE".into(),
                    None,
                    "requested WRITE_EXTERNAL_STORAGE".into()
                ),
            ]
        );
    }

    #[test]
    fn write_external_implies_read_with_its_max_sdk() {
        let mut list = requested(&["WRITE_EXTERNAL_STORAGE"]);
        list[0].max_sdk_version = Some(28);
        add_implied_permissions(&mut list, 30);
        assert_eq!(
            implied(&list),
            vec![(
                "READ_EXTERNAL_STORAGE".into(),
                Some(28),
                "requested WRITE_EXTERNAL_STORAGE".into()
            )]
        );
        // Already requested: nothing implied.
        let mut list = requested(&["WRITE_EXTERNAL_STORAGE", "READ_EXTERNAL_STORAGE"]);
        add_implied_permissions(&mut list, 30);
        assert!(implied(&list).is_empty());
    }

    #[test]
    fn call_log_from_contacts_only_before_jelly_bean() {
        let mut list = requested(&["READ_CONTACTS", "WRITE_CONTACTS"]);
        add_implied_permissions(&mut list, 15);
        assert_eq!(
            implied(&list)
                .into_iter()
                .map(|(n, ..)| n)
                .collect::<Vec<_>>(),
            vec!["READ_CALL_LOG", "WRITE_CALL_LOG"]
        );
        let mut list = requested(&["READ_CONTACTS", "WRITE_CONTACTS"]);
        add_implied_permissions(&mut list, 16);
        assert!(implied(&list).is_empty());
    }

    #[test]
    fn fine_location_implies_no_permission() {
        let mut list = requested(&["ACCESS_FINE_LOCATION"]);
        add_implied_permissions(&mut list, 1);
        assert!(
            !list
                .iter()
                .any(|p| p.name.ends_with("ACCESS_COARSE_LOCATION"))
        );
    }
}
