//! The rule catalogue: one stable id per kind of finding, its default severity and its
//! documentation page (`docs/rules/<id>.md`, embedded so SARIF can carry the help text).

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Low < Medium < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails CI.
    Info,
    /// A hygiene issue or a stale statement.
    Low,
    /// Something the policy should say and only half says.
    Medium,
    /// Personal data or an SDK the policy does not disclose at all.
    High,
}

impl Severity {
    /// Every severity, most serious first (the order reports group by).
    pub const DESCENDING: [Severity; 4] = [
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// One step less serious (`Info` stays `Info`).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::High => Severity::Medium,
            Severity::Medium => Severity::Low,
            Severity::Low | Severity::Info => Severity::Info,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable id of a rule. The kebab-case string (`sdk-undeclared`) is what users see,
/// what baselines and SARIF store, and the name of the rule's docs page; never change one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// A third-party SDK in the APK that the policy neither lists nor mentions.
    SdkUndeclared,
    /// A third-party SDK the policy mentions in passing but does not list.
    SdkMentionedOnly,
    /// An SDK the policy lists that the APK does not contain.
    SdkStaleDisclosure,
    /// An SDK name in the policy that matches no known signature.
    PolicySdkUnresolved,
    /// A dangerous or sensitive permission requested and never explained.
    PermissionUnexplained,
    /// A permission the policy explains that the manifest does not request.
    PermissionNotRequested,
    /// Personal data an SDK collects or reads that the policy does not declare for it.
    DataUndeclared,
    /// `android:debuggable="true"` in a shipped manifest.
    ManifestDebuggable,
    /// Cleartext (HTTP) traffic allowed.
    ManifestCleartextTraffic,
    /// An SDK component exported to other apps without a permission.
    SdkComponentExported,
    /// An SDK in the APK that the policy names only through a sibling product of the
    /// same vendor (`高德地图SDK` for the AMap location SDK).
    SdkDeclaredUnderOtherName,
    /// A listed SDK whose record lacks the data it collects, its purpose or its company.
    SdkListingIncomplete,
    /// A listed SDK whose record omits data its vendor states the SDK collects.
    DataVendorStated,
    /// Manifest entries of an SDK whose code is in no dex of an unpacked app.
    SdkManifestLeftover,
}

/// What a report needs to know about a rule besides its id.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// The rule.
    pub id: RuleId,
    /// PascalCase name (SARIF `rule.name`).
    pub name: &'static str,
    /// One-line description.
    pub title: &'static str,
    /// Severity unless the check has a reason to raise or lower it.
    pub default_severity: Severity,
    /// The rule's docs page, Markdown.
    pub doc: &'static str,
}

impl RuleId {
    /// Every rule, in the order reports list them.
    pub const ALL: [RuleId; 14] = [
        RuleId::SdkUndeclared,
        RuleId::SdkMentionedOnly,
        RuleId::SdkStaleDisclosure,
        RuleId::PolicySdkUnresolved,
        RuleId::PermissionUnexplained,
        RuleId::PermissionNotRequested,
        RuleId::DataUndeclared,
        RuleId::ManifestDebuggable,
        RuleId::ManifestCleartextTraffic,
        RuleId::SdkComponentExported,
        RuleId::SdkDeclaredUnderOtherName,
        RuleId::SdkListingIncomplete,
        RuleId::DataVendorStated,
        RuleId::SdkManifestLeftover,
    ];

    /// The stable string id.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::SdkUndeclared => "sdk-undeclared",
            RuleId::SdkMentionedOnly => "sdk-mentioned-only",
            RuleId::SdkStaleDisclosure => "sdk-stale-disclosure",
            RuleId::PolicySdkUnresolved => "policy-sdk-unresolved",
            RuleId::PermissionUnexplained => "permission-unexplained",
            RuleId::PermissionNotRequested => "permission-not-requested",
            RuleId::DataUndeclared => "data-undeclared",
            RuleId::ManifestDebuggable => "manifest-debuggable",
            RuleId::ManifestCleartextTraffic => "manifest-cleartext-traffic",
            RuleId::SdkComponentExported => "sdk-component-exported",
            RuleId::SdkDeclaredUnderOtherName => "sdk-declared-under-other-name",
            RuleId::SdkListingIncomplete => "sdk-listing-incomplete",
            RuleId::DataVendorStated => "data-vendor-stated",
            RuleId::SdkManifestLeftover => "sdk-manifest-leftover",
        }
    }

    /// The rule with this string id.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == id)
    }

    /// Name, title, default severity and docs page.
    pub fn meta(self) -> RuleMeta {
        let (name, title, default_severity, doc) = match self {
            RuleId::SdkUndeclared => (
                "SdkUndeclared",
                "Third-party SDK in the APK that the privacy policy does not disclose",
                Severity::High,
                include_str!("../../docs/rules/sdk-undeclared.md"),
            ),
            RuleId::SdkMentionedOnly => (
                "SdkMentionedOnly",
                "Third-party SDK only mentioned in the policy, not listed as embedded",
                Severity::Medium,
                include_str!("../../docs/rules/sdk-mentioned-only.md"),
            ),
            RuleId::SdkStaleDisclosure => (
                "SdkStaleDisclosure",
                "SDK listed in the policy but not found in the APK",
                Severity::Low,
                include_str!("../../docs/rules/sdk-stale-disclosure.md"),
            ),
            RuleId::PolicySdkUnresolved => (
                "PolicySdkUnresolved",
                "SDK named in the policy that matches no known signature",
                Severity::Info,
                include_str!("../../docs/rules/policy-sdk-unresolved.md"),
            ),
            RuleId::PermissionUnexplained => (
                "PermissionUnexplained",
                "Dangerous or sensitive permission requested but not explained in the policy",
                Severity::Medium,
                include_str!("../../docs/rules/permission-unexplained.md"),
            ),
            RuleId::PermissionNotRequested => (
                "PermissionNotRequested",
                "Permission explained in the policy but not requested by the APK",
                Severity::Info,
                include_str!("../../docs/rules/permission-not-requested.md"),
            ),
            RuleId::DataUndeclared => (
                "DataUndeclared",
                "Personal data the app or an SDK is seen to read that the policy does not declare for it",
                Severity::High,
                include_str!("../../docs/rules/data-undeclared.md"),
            ),
            RuleId::ManifestDebuggable => (
                "ManifestDebuggable",
                "Application is debuggable",
                Severity::Low,
                include_str!("../../docs/rules/manifest-debuggable.md"),
            ),
            RuleId::ManifestCleartextTraffic => (
                "ManifestCleartextTraffic",
                "Cleartext (HTTP) traffic is allowed",
                Severity::Low,
                include_str!("../../docs/rules/manifest-cleartext-traffic.md"),
            ),
            RuleId::SdkComponentExported => (
                "SdkComponentExported",
                "SDK component exported to other apps without a permission",
                Severity::Low,
                include_str!("../../docs/rules/sdk-component-exported.md"),
            ),
            RuleId::SdkDeclaredUnderOtherName => (
                "SdkDeclaredUnderOtherName",
                "SDK the policy names only under another product of the same vendor",
                Severity::Low,
                include_str!("../../docs/rules/sdk-declared-under-other-name.md"),
            ),
            RuleId::SdkListingIncomplete => (
                "SdkListingIncomplete",
                "Listed SDK whose record lacks the data collected, the purpose or the company",
                Severity::Low,
                include_str!("../../docs/rules/sdk-listing-incomplete.md"),
            ),
            RuleId::DataVendorStated => (
                "DataVendorStated",
                "Listed SDK whose record omits data its vendor states the SDK collects",
                Severity::Low,
                include_str!("../../docs/rules/data-vendor-stated.md"),
            ),
            RuleId::SdkManifestLeftover => (
                "SdkManifestLeftover",
                "Manifest entries of an SDK whose code is in no dex: configuration left behind",
                Severity::Info,
                include_str!("../../docs/rules/sdk-manifest-leftover.md"),
            ),
        };
        RuleMeta {
            id: self,
            name,
            title,
            default_severity,
            doc,
        }
    }

    /// Path of the docs page relative to the repository root.
    pub fn doc_path(self) -> String {
        format!("docs/rules/{}.md", self.as_str())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in RuleId::ALL {
            assert!(seen.insert(rule.as_str()), "duplicate id {rule}");
            assert_eq!(RuleId::parse(rule.as_str()), Some(rule));
            // The serde name is the same string the docs page is named after.
            let json = serde_json::to_string(&rule).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", rule.as_str()));
        }
        let names: std::collections::BTreeSet<_> =
            RuleId::ALL.iter().map(|r| r.meta().name).collect();
        assert_eq!(names.len(), RuleId::ALL.len(), "duplicate rule name");
    }

    #[test]
    fn rules_index_links_every_rule() {
        let index = include_str!("../../docs/rules/README.md");
        for rule in RuleId::ALL {
            assert!(
                index.contains(&format!("[{rule}]({rule}.md)")),
                "{rule} not in index"
            );
        }
    }

    #[test]
    fn every_docs_page_has_the_four_sections() {
        for rule in RuleId::ALL {
            let doc = rule.meta().doc;
            assert!(
                doc.starts_with(&format!("# {}", rule.as_str())),
                "{rule}: title"
            );
            for section in [
                "## What it detects",
                "## Why it matters",
                "## How to fix",
                "## False positives",
            ] {
                assert!(doc.contains(section), "{rule}: missing `{section}`");
            }
        }
    }
}
