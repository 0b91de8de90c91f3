//! Who owns a method: the app, a detected SDK, a platform/library namespace, or an unknown
//! third-party package. Longest matching package prefix wins.

use crate::detect::{Detections, Evidence};
use crate::manifest::Manifest;

/// The owner of a piece of code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// The app's own code.
    App,
    /// A detected third-party SDK (signature id).
    Sdk(String),
    /// Platform or common library code (androidx, kotlin, a detected plain library):
    /// flows are attributed to the caller instead.
    Library,
    /// A third-party package no signature matched (dotted package).
    Unknown(String),
}

impl Owner {
    /// The label used in reports: `app`, the SDK id, `library`, `unknown:<package>`.
    pub fn label(&self) -> String {
        match self {
            Owner::App => "app".into(),
            Owner::Sdk(id) => id.clone(),
            Owner::Library => "library".into(),
            Owner::Unknown(p) => format!("unknown:{p}"),
        }
    }
}

/// Namespaces that are never an SDK: the platform, Java, Kotlin and Jetpack.
const LIBRARY: &[&str] = &[
    "Landroid/",
    "Landroidx/",
    "Ljava/",
    "Ljavax/",
    "Ldalvik/",
    "Lkotlin/",
    "Lkotlinx/",
    "Lj$/",
    "Lorg/intellij/",
    "Lorg/jetbrains/",
    "Lcom/google/android/material/",
];

/// The prefix table.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// (descriptor prefix `Lcn/jpush/android/`, owner), longest first.
    prefixes: Vec<(String, Owner)>,
    /// The organisation of the app's package (`Lcom/netease/` for `com.netease.nie.app`):
    /// code under it that no SDK or library claims is the vendor's own, so the app's.
    app_org: Option<String>,
    /// Obfuscated packages (`La/b/`) the detector tied to one SDK
    /// (`Evidence::ObfuscatedCode`): classes directly in them, not in sub-packages.
    obfuscated: Vec<(String, Owner)>,
}

/// Organisation prefixes shared by unrelated authors (code hosts, examples, the platform):
/// sharing one with the app says nothing about who wrote the code.
const SHARED_ORGS: &[&str] = &[
    "com.github",
    "io.github",
    "com.gitee",
    "io.gitee",
    "com.example",
    "com.android",
    "com.google",
    "org.apache",
];

/// `com.netease` for `com.netease.nie.app`; none for a package of fewer than three labels
/// (its own prefix already covers it) or under a shared organisation.
fn organisation(package: &str) -> Option<String> {
    let labels: Vec<&str> = package.split('.').filter(|l| !l.is_empty()).collect();
    let org = labels.get(..2)?.join(".");
    (labels.len() >= 3 && !SHARED_ORGS.contains(&org.as_str())).then_some(org)
}

fn to_prefix(dotted: &str) -> String {
    format!("L{}/", dotted.trim_matches('.').replace('.', "/"))
}

fn package_of(class: &str) -> Option<&str> {
    class.rsplit_once('.').map(|(p, _)| p)
}

impl Attribution {
    /// Build the table from the detector's class evidence and the manifest.
    pub fn new(detections: &Detections, manifest: Option<&Manifest>) -> Attribution {
        let mut prefixes: Vec<(String, Owner)> = Vec::new();
        let mut obfuscated: Vec<(String, Owner)> = Vec::new();
        let app_org = manifest
            .and_then(|m| organisation(&m.package))
            .map(|o| to_prefix(&o));
        for d in &detections.sdks {
            let owner = if d.category == "library" {
                Owner::Library
            } else {
                Owner::Sdk(d.id.clone())
            };
            for e in &d.evidence {
                match e {
                    Evidence::Classes { package, .. } => {
                        prefixes.push((to_prefix(package), owner.clone()));
                    }
                    Evidence::ObfuscatedCode { package, .. } => {
                        obfuscated.push((to_prefix(package), owner.clone()));
                    }
                    _ => {}
                }
            }
        }
        for l in LIBRARY {
            prefixes.push(((*l).to_string(), Owner::Library));
        }
        if let Some(m) = manifest {
            let sdk_claims = |p: &str| {
                prefixes
                    .iter()
                    .any(|(q, o)| !matches!(o, Owner::App) && p.starts_with(q.as_str()))
            };
            let mut app = vec![to_prefix(&m.package)];
            let names = m
                .components
                .iter()
                .map(|c| c.name.as_str())
                .chain(m.application.name.as_deref());
            for name in names {
                if let Some(pkg) = package_of(name) {
                    let p = to_prefix(pkg);
                    if !sdk_claims(&p) {
                        app.push(p);
                    }
                }
            }
            for p in app {
                // The app's own package outranks an SDK claim only where it is longer.
                prefixes.push((p, Owner::App));
            }
        }
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        prefixes.dedup_by(|a, b| a.0 == b.0);
        Attribution {
            prefixes,
            app_org,
            obfuscated,
        }
    }

    /// The owner of a class (descriptor `Lcom/x/Y;`).
    pub fn owner(&self, class: &str) -> Owner {
        if let Some((_, o)) = self
            .prefixes
            .iter()
            .find(|(p, _)| class.starts_with(p.as_str()))
        {
            return o.clone();
        }
        if let Some((_, o)) = self.obfuscated.iter().find(|(p, _)| {
            class
                .strip_prefix(p.as_str())
                .is_some_and(|rest| !rest.contains('/'))
        }) {
            return o.clone();
        }
        if self
            .app_org
            .as_deref()
            .is_some_and(|org| class.starts_with(org))
        {
            return Owner::App;
        }
        let inner = class.trim_start_matches('L').trim_end_matches(';');
        let segments: Vec<&str> = inner.split('/').collect();
        let pkg_len = segments.len().saturating_sub(1).clamp(1, 3);
        Owner::Unknown(
            segments
                .iter()
                .take(pkg_len)
                .copied()
                .collect::<Vec<_>>()
                .join("."),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution(package: &str) -> Attribution {
        let manifest = Manifest {
            package: package.into(),
            ..Manifest::default()
        };
        Attribution::new(&Detections::default(), Some(&manifest))
    }

    #[test]
    fn unclaimed_code_of_the_apps_organisation_is_the_apps() {
        let a = attribution("com.netease.nie.yosemite");
        assert_eq!(a.owner("Lcom/netease/wifi/WifiUtil;"), Owner::App);
        assert_eq!(
            a.owner("Lcom/other/wifi/WifiUtil;"),
            Owner::Unknown("com.other.wifi".into())
        );
    }

    #[test]
    fn obfuscated_code_tied_to_an_sdk_is_the_sdks() {
        let detections = Detections {
            sdks: vec![crate::detect::Detection {
                id: "amap-location".into(),
                name: "AMap".into(),
                name_zh: None,
                vendor: None,
                category: "map".into(),
                confidence: crate::detect::Confidence::Medium,
                version: None,
                evidence: vec![Evidence::ObfuscatedCode {
                    package: "a.b".into(),
                    tie: "host".into(),
                    value: "apilocate.amap.com".into(),
                    location: "La/b/e;->a()V @0x3".into(),
                }],
                permissions: Vec::new(),
                data_types: Vec::new(),
                bundled_by: Vec::new(),
                plugins: Vec::new(),
            }],
            ..Detections::default()
        };
        let a = Attribution::new(&detections, None);
        assert_eq!(a.owner("La/b/e;"), Owner::Sdk("amap-location".into()));
        // Only the package itself: a sub-package is other code.
        assert_eq!(a.owner("La/b/c/d;"), Owner::Unknown("a.b.c".into()));
        assert_eq!(a.owner("La/c/e;"), Owner::Unknown("a.c".into()));
    }

    #[test]
    fn a_shared_organisation_says_nothing_about_the_author() {
        let a = attribution("com.github.uiautomator");
        assert_eq!(
            a.owner("Lcom/github/other/Lib;"),
            Owner::Unknown("com.github.other".into())
        );
        assert_eq!(a.owner("Lcom/github/uiautomator/Main;"), Owner::App);
    }
}
