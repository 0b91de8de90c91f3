//! The small pattern languages of signature files, shared by validation and the detector:
//! `*` globs for native library and component names, `{v}` version templates, and the
//! syntax checks for package prefixes, hosts, JNI prefixes and permissions.

/// A `*` glob (`libjcore*.so`, `*.wxapi.WXEntryActivity`), compiled into its literal parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    /// Literal pieces between the stars, in order.
    parts: Vec<String>,
    anchored_start: bool,
    anchored_end: bool,
}

impl Glob {
    /// Compile a glob; a pattern without `*` matches only itself.
    pub fn new(pattern: &str) -> Glob {
        Glob {
            parts: pattern
                .split('*')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            anchored_start: !pattern.starts_with('*'),
            anchored_end: !pattern.ends_with('*'),
        }
    }

    /// True when the glob has no wildcard.
    pub fn is_literal(&self) -> bool {
        self.anchored_start && self.anchored_end && self.parts.len() <= 1
    }

    /// Whether `text` matches the whole glob.
    pub fn matches(&self, text: &str) -> bool {
        let n = self.parts.len();
        if n == 0 {
            // `*` matches anything; the empty pattern only the empty name.
            return !(self.anchored_start && self.anchored_end) || text.is_empty();
        }
        let mut rest = text;
        for (i, part) in self.parts.iter().enumerate() {
            let last = i + 1 == n;
            if i == 0 && self.anchored_start {
                match rest.strip_prefix(part.as_str()) {
                    Some(r) => rest = r,
                    None => return false,
                }
                if last && self.anchored_end {
                    return rest.is_empty();
                }
            } else if last && self.anchored_end {
                return rest.ends_with(part.as_str());
            } else {
                match rest.split_once(part.as_str()) {
                    Some((_, r)) => rest = r,
                    None => return false,
                }
            }
        }
        true
    }
}

/// A version template with one `{v}` placeholder (`libjcore{v}.so`).
#[derive(Debug, Clone)]
pub struct VersionTemplate {
    prefix: String,
    suffix: String,
}

impl VersionTemplate {
    /// Parse a template; `None` when it does not hold exactly one `{v}`.
    pub fn new(template: &str) -> Option<VersionTemplate> {
        let (prefix, suffix) = template.split_once("{v}")?;
        if suffix.contains("{v}") {
            return None;
        }
        Some(VersionTemplate {
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
        })
    }

    /// The version a name records: `libjcore322.so` → `3.2.2`,
    /// `libBaiduMapSDK_map_v6_0_0.so` (template `libBaiduMapSDK_map_v{v}.so`) → `6.0.0`.
    pub fn extract(&self, name: &str) -> Option<String> {
        let v = name
            .strip_prefix(self.prefix.as_str())?
            .strip_suffix(self.suffix.as_str())?;
        if v.is_empty()
            || !v.starts_with(|c: char| c.is_ascii_digit())
            || !v
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '_')
        {
            return None;
        }
        if v.chars().all(|c| c.is_ascii_digit()) {
            // Jiguang-style compact versions: one digit per component (322 → 3.2.2).
            let digits: Vec<String> = v.chars().map(String::from).collect();
            return Some(digits.join("."));
        }
        Some(v.replace('_', "."))
    }
}

/// A Java identifier segment as it appears in package names (ASCII only: real SDK
/// namespaces are ASCII; `$` for generated code).
fn is_java_segment(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `cn.jpush.android`: dot-separated Java identifiers.
pub fn is_package_prefix(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(is_java_segment)
}

/// A component pattern: a class name with an optional `*` at the start or the end.
pub fn is_component_pattern(s: &str) -> bool {
    let core = s.strip_prefix("*.").unwrap_or(s);
    let core = core.strip_suffix('*').unwrap_or(core);
    let core = core.strip_suffix('.').unwrap_or(core);
    !core.contains('*') && is_package_prefix(core)
}

/// A native library glob: a file name ending in `.so`, with `*` wildcards only.
pub fn is_native_lib_pattern(s: &str) -> bool {
    s.ends_with(".so")
        && s.len() > 3
        && !s.contains("**")
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+' | '*'))
}

/// `Java_com_baidu_location_`: the start of an exported JNI symbol.
pub fn is_jni_prefix(s: &str) -> bool {
    s.starts_with("Java_")
        && s.len() > 5
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A lowercase host name with at least two labels (`api.jpush.cn`), no wildcard.
pub fn is_host(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_lowercase()))
}

/// A permission name: dotted segments, one of them `permission`; `<app>` may stand for
/// the app's package (`<app>.permission.JPUSH_MESSAGE`).
pub fn is_permission(s: &str) -> bool {
    let segments: Vec<&str> = s.split('.').collect();
    segments.len() >= 3
        && segments.contains(&"permission")
        && segments.last().is_some_and(|l| *l != "permission")
        && segments.iter().all(|seg| {
            *seg == "<app>"
                || (!seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        })
}

/// A `package.Class.FIELD` reference to a static field.
pub fn is_field_ref(s: &str) -> bool {
    // `Class.getVersion()` names a one-line getter returning the version string.
    let s = s.strip_suffix("()").unwrap_or(s);
    s.split('.').count() >= 2 && is_package_prefix(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_names() {
        let g = Glob::new("libjcore*.so");
        assert!(g.matches("libjcore322.so"));
        assert!(g.matches("libjcore.so"));
        assert!(!g.matches("libjcore322.so.bak"));
        assert!(!g.matches("xlibjcore322.so"));
        let g = Glob::new("*.wxapi.WXEntryActivity");
        assert!(g.matches("com.example.wxapi.WXEntryActivity"));
        assert!(!g.matches("com.example.wxapi.WXEntryActivity2"));
        let g = Glob::new("com.tencent.tinker.loader.hotplug.ActivityStubs*");
        assert!(g.matches("com.tencent.tinker.loader.hotplug.ActivityStubs$STDStub_00"));
        assert!(Glob::new("libmsc.so").matches("libmsc.so"));
        assert!(!Glob::new("libmsc.so").matches("libmsc.so1"));
        let g = Glob::new("libBaiduMapSDK_*_v*.so");
        assert!(g.matches("libBaiduMapSDK_map_v6_0_0.so"));
        assert!(!g.matches("libBaiduMapSDK_map.so"));
    }

    #[test]
    fn version_templates_read_compact_and_underscored_versions() {
        let t = VersionTemplate::new("libjcore{v}.so").unwrap_or_else(|| panic!("template"));
        assert_eq!(t.extract("libjcore322.so").as_deref(), Some("3.2.2"));
        assert_eq!(t.extract("libjcore212.so").as_deref(), Some("2.1.2"));
        assert_eq!(t.extract("libjcore.so"), None);
        let t = VersionTemplate::new("libBaiduMapSDK_map_v{v}.so").unwrap_or_else(|| panic!("t"));
        assert_eq!(
            t.extract("libBaiduMapSDK_map_v6_0_0.so").as_deref(),
            Some("6.0.0")
        );
        assert!(VersionTemplate::new("lib{v}{v}.so").is_none());
        assert!(VersionTemplate::new("libx.so").is_none());
    }

    #[test]
    fn syntax_checks() {
        assert!(is_package_prefix("cn.jpush.android"));
        assert!(!is_package_prefix("cn.jpush."));
        assert!(!is_package_prefix("cn..jpush"));
        assert!(!is_package_prefix("com.amap.api(.*)"));
        assert!(is_component_pattern("*.wxapi.WXEntryActivity"));
        assert!(is_component_pattern("com.x.Stub*"));
        assert!(!is_component_pattern("com.*.Stub"));
        assert!(is_native_lib_pattern("libjcore*.so"));
        assert!(!is_native_lib_pattern("libjcore(.*)\\.so"));
        assert!(is_host("api.jpush.cn"));
        assert!(!is_host("*.jpush.cn"));
        assert!(!is_host("jpush"));
        assert!(!is_host("Api.JPush.cn"));
        assert!(is_permission("android.permission.READ_PHONE_STATE"));
        assert!(is_permission("<app>.permission.JPUSH_MESSAGE"));
        assert!(!is_permission("READ_PHONE_STATE"));
        assert!(!is_permission("android.permission.BROADCAST_*"));
        assert!(is_jni_prefix("Java_com_baidu_location_"));
        assert!(!is_jni_prefix("Java_"));
    }
}
