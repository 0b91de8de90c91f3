//! Building the [`Manifest`] from a decoded [`Document`] (binary or text), with Android's
//! defaults and with references resolved through `resources.arsc`.

use crate::apk::Problem;
use crate::arsc::{Resolved, ResourceTable};
use crate::axml::{Attribute, Document, Element, Naming, ResValue, data_type};
use crate::error::Location;

use super::model::*;

/// Framework attribute ids the builder reads (from `framework_attrs.rs`).
mod attr {
    pub const LABEL: u32 = 0x0101_0001;
    pub const NAME: u32 = 0x0101_0003;
    pub const PERMISSION: u32 = 0x0101_0006;
    pub const READ_PERMISSION: u32 = 0x0101_0007;
    pub const WRITE_PERMISSION: u32 = 0x0101_0008;
    pub const PROTECTION_LEVEL: u32 = 0x0101_0009;
    pub const PROCESS: u32 = 0x0101_0011;
    pub const DEBUGGABLE: u32 = 0x0101_000f;
    pub const EXPORTED: u32 = 0x0101_0010;
    pub const ENABLED: u32 = 0x0101_000e;
    pub const AUTHORITIES: u32 = 0x0101_0018;
    pub const VALUE: u32 = 0x0101_0024;
    pub const RESOURCE: u32 = 0x0101_0025;
    pub const MIME_TYPE: u32 = 0x0101_0026;
    pub const SCHEME: u32 = 0x0101_0027;
    pub const HOST: u32 = 0x0101_0028;
    pub const PORT: u32 = 0x0101_0029;
    pub const PATH: u32 = 0x0101_002a;
    pub const PATH_PREFIX: u32 = 0x0101_002b;
    pub const PATH_PATTERN: u32 = 0x0101_002c;
    pub const PRIORITY: u32 = 0x0101_001c;
    pub const TARGET_ACTIVITY: u32 = 0x0101_0202;
    pub const MIN_SDK_VERSION: u32 = 0x0101_020c;
    pub const VERSION_CODE: u32 = 0x0101_021b;
    pub const VERSION_NAME: u32 = 0x0101_021c;
    pub const TARGET_SDK_VERSION: u32 = 0x0101_0270;
    pub const MAX_SDK_VERSION: u32 = 0x0101_0271;
    pub const ALLOW_BACKUP: u32 = 0x0101_0280;
    pub const GL_ES_VERSION: u32 = 0x0101_0281;
    pub const REQUIRED: u32 = 0x0101_028e;
    pub const USES_CLEARTEXT_TRAFFIC: u32 = 0x0101_04ec;
    pub const NETWORK_SECURITY_CONFIG: u32 = 0x0101_0527;
    pub const VERSION_CODE_MAJOR: u32 = 0x0101_0576;
}

/// The sdk level Android gives a codename (`"Q"`) while it is in development.
const CUR_DEVELOPMENT: u32 = 10_000;

/// Build the manifest. `at` names the manifest's file and entry for problems.
pub fn build(
    doc: &Document,
    res: Option<&ResourceTable<'_>>,
    at: &Location,
) -> (Manifest, Vec<Problem>) {
    let mut b = Builder {
        binary: doc.binary,
        res,
        at,
        problems: Vec::new(),
        package: String::new(),
    };
    let manifest = match doc.root() {
        Some(root) if root.name == "manifest" => b.manifest(root),
        Some(root) => {
            b.problem(
                root,
                format!("root element is <{}>, not <manifest>", root.name),
            );
            Manifest::default()
        }
        None => Manifest::default(),
    };
    (manifest, b.problems)
}

struct Builder<'r, 'a> {
    binary: bool,
    res: Option<&'r ResourceTable<'a>>,
    at: &'r Location,
    problems: Vec<Problem>,
    package: String,
}

/// A value read from an attribute: typed (binary, or resolved) or text.
enum Val {
    Typed(ResValue),
    Text(String),
}

impl Builder<'_, '_> {
    fn problem(&mut self, e: &Element, message: String) {
        self.problems.push(Problem {
            at: self.at.clone().at(e.offset),
            message,
        });
    }

    fn attr<'e>(&self, e: &'e Element, id: u32) -> Option<&'e Attribute> {
        let name = crate::axml::framework::attr_name(id).unwrap_or_default();
        e.android_attr(id, name, self.binary)
    }

    /// The attribute's value with references followed through the resource table.
    fn value(&mut self, e: &Element, id: u32) -> Option<Val> {
        let a = self.attr(e, id)?;
        let reference = match a.value {
            Some(v) if v.is_reference() && v.data != 0 => Some(v.data),
            Some(v) if v.data_type == data_type::STRING => {
                return a.text().map(|t| Val::Text(t.into_owned()));
            }
            Some(v) if v.data_type == data_type::NULL => return None,
            Some(v) => return Some(Val::Typed(v)),
            None => {
                let text = a.raw_value.clone()?;
                match self.res.and_then(|r| r.parse_reference(&text)) {
                    Some(id) if text.starts_with('@') => Some(id),
                    _ => return Some(Val::Text(text)),
                }
            }
        };
        let id_ref = reference?;
        match self.res.and_then(|r| r.resolve(id_ref)) {
            Some(Resolved::String(s)) => Some(Val::Text(s)),
            Some(Resolved::Value(v)) => Some(Val::Typed(v)),
            Some(Resolved::Bag) | None => {
                let shown = self.reference_text(id_ref);
                self.problem(e, format!("cannot resolve {shown}"));
                Some(Val::Text(shown))
            }
        }
    }

    fn reference_text(&self, id: u32) -> String {
        self.res
            .and_then(|r| r.reference_name(id))
            .unwrap_or_else(|| format!("@0x{id:08x}"))
    }

    fn string(&mut self, e: &Element, id: u32) -> Option<String> {
        match self.value(e, id)? {
            Val::Text(s) => Some(s),
            Val::Typed(v) => v.coerce_to_string(),
        }
    }

    fn bool(&mut self, e: &Element, id: u32) -> Option<bool> {
        match self.value(e, id)? {
            Val::Typed(v) if v.is_int() => Some(v.data != 0),
            Val::Typed(_) => None,
            Val::Text(s) => match s.trim() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
        }
    }

    fn int(&mut self, e: &Element, id: u32) -> Option<i64> {
        match self.value(e, id)? {
            Val::Typed(v) if v.is_int() => Some(i64::from(v.data as i32)),
            Val::Typed(_) => None,
            Val::Text(s) => parse_int(&s).or_else(|| {
                crate::axml::framework::parse_value(id, &s).map(|v| i64::from(v as i32))
            }),
        }
    }

    /// A class name as Android builds it: `.Foo` and `Foo` are in the package.
    fn class_name(&self, name: &str) -> String {
        if name.starts_with('.') {
            format!("{}{name}", self.package)
        } else if !name.contains('.') && !self.package.is_empty() {
            format!("{}.{name}", self.package)
        } else {
            name.to_string()
        }
    }

    fn sdk(&mut self, e: &Element, id: u32, what: &str) -> Option<u32> {
        match self.value(e, id)? {
            Val::Typed(v) if v.is_int() => u32::try_from(v.data as i32).ok(),
            Val::Typed(_) => None,
            Val::Text(s) => match parse_int(&s) {
                Some(n) => u32::try_from(n).ok(),
                None => {
                    self.problem(
                        e,
                        format!("{what} is the codename {s:?}: treated as {CUR_DEVELOPMENT}"),
                    );
                    Some(CUR_DEVELOPMENT)
                }
            },
        }
    }

    fn manifest(&mut self, root: &Element) -> Manifest {
        let mut m = Manifest::default();
        self.package = root
            .plain_attr("package")
            .and_then(|a| {
                a.raw_value
                    .clone()
                    .or_else(|| a.text().map(|t| t.into_owned()))
            })
            .unwrap_or_default();
        if self.package.is_empty() {
            self.problem(root, "manifest has no package attribute".into());
        }
        m.package = self.package.clone();
        let code = self.int(root, attr::VERSION_CODE);
        let major = self.int(root, attr::VERSION_CODE_MAJOR);
        m.version_code = match (code, major) {
            (None, None) => None,
            (code, major) => Some(
                (u64::from(major.unwrap_or(0) as u32) << 32) | u64::from(code.unwrap_or(0) as u32),
            ),
        };
        m.version_name = self.string(root, attr::VERSION_NAME);

        let mut min = None;
        let mut target = None;
        if let Some(sdk) = root.children_named("uses-sdk").next() {
            min = self.sdk(sdk, attr::MIN_SDK_VERSION, "minSdkVersion");
            target = self.sdk(sdk, attr::TARGET_SDK_VERSION, "targetSdkVersion");
            m.max_sdk = self.sdk(sdk, attr::MAX_SDK_VERSION, "maxSdkVersion");
        }
        let min = min.unwrap_or(1);
        let target = target.unwrap_or(min);
        m.min_sdk = Some(min);
        m.target_sdk = Some(target);

        for child in &root.children {
            match child.name.as_str() {
                "uses-permission" | "uses-permission-sdk-23" | "uses-permission-sdk-m" => {
                    let Some(name) = self.string(child, attr::NAME) else {
                        self.problem(child, format!("<{}> without a name", child.name));
                        continue;
                    };
                    if m.permissions.iter().any(|p| p.name == name) {
                        continue;
                    }
                    let max_sdk_version = self
                        .int(child, attr::MAX_SDK_VERSION)
                        .and_then(|v| u32::try_from(v).ok());
                    m.permissions.push(UsesPermission {
                        name,
                        max_sdk_version,
                        sdk23: child.name != "uses-permission",
                        implied: None,
                    });
                }
                "permission" => {
                    let Some(name) = self.string(child, attr::NAME) else {
                        continue;
                    };
                    let protection_level = self.int(child, attr::PROTECTION_LEVEL).map(|v| {
                        crate::axml::framework::format_value(attr::PROTECTION_LEVEL, v as u32)
                            .unwrap_or_else(|| format!("0x{:x}", v as u32))
                    });
                    m.permission_definitions.push(PermissionDefinition {
                        name,
                        protection_level,
                    });
                }
                "uses-feature" => {
                    let name = self.string(child, attr::NAME);
                    let required = self.bool(child, attr::REQUIRED).unwrap_or(true);
                    let gl_es_version = self.int(child, attr::GL_ES_VERSION).map(|v| v as u32);
                    m.features.push(UsesFeature {
                        name,
                        required,
                        gl_es_version,
                    });
                }
                _ => {}
            }
        }

        super::implied::add_implied_permissions(&mut m.permissions, target);
        if let Some(app) = root.children_named("application").next() {
            self.application(app, target, &mut m);
        }
        m
    }

    fn application(&mut self, app: &Element, target: u32, m: &mut Manifest) {
        let name = self.string(app, attr::NAME).map(|n| self.class_name(&n));
        let label = self.string(app, attr::LABEL);
        let debuggable = self.bool(app, attr::DEBUGGABLE).unwrap_or(false);
        let allow_backup = self.bool(app, attr::ALLOW_BACKUP).unwrap_or(true);
        let uses_cleartext_traffic = self.bool(app, attr::USES_CLEARTEXT_TRAFFIC);
        let network_security_config = self.string(app, attr::NETWORK_SECURITY_CONFIG);
        m.application = Application {
            name,
            label,
            debuggable,
            allow_backup,
            uses_cleartext_traffic,
            network_security_config,
        };
        for child in &app.children {
            let kind = match child.name.as_str() {
                "activity" => ComponentKind::Activity,
                "activity-alias" => ComponentKind::ActivityAlias,
                "service" => ComponentKind::Service,
                "receiver" => ComponentKind::Receiver,
                "provider" => ComponentKind::Provider,
                "meta-data" => {
                    if let Some(md) = self.meta_data(child, None) {
                        m.meta_data.push(md);
                    }
                    continue;
                }
                _ => continue,
            };
            let Some(raw_name) = self.string(child, attr::NAME) else {
                self.problem(child, format!("<{}> without a name", child.name));
                continue;
            };
            let name = self.class_name(&raw_name);
            let component = self.component(child, kind, name, target, m);
            m.components.push(component);
        }
    }

    fn component(
        &mut self,
        e: &Element,
        kind: ComponentKind,
        name: String,
        target: u32,
        m: &mut Manifest,
    ) -> Component {
        let mut intent_filters = Vec::new();
        for child in &e.children {
            match child.name.as_str() {
                "intent-filter" => intent_filters.push(self.intent_filter(child)),
                "meta-data" => {
                    if let Some(md) = self.meta_data(child, Some(&name)) {
                        m.meta_data.push(md);
                    }
                }
                _ => {}
            }
        }
        let exported_explicit = self.bool(e, attr::EXPORTED);
        let has_filters = !intent_filters.is_empty();
        let exported = match exported_explicit {
            Some(v) => v,
            None if kind == ComponentKind::Provider => target < 17,
            None => {
                if has_filters && target >= 31 {
                    self.problem(
                        e,
                        format!(
                            "{name} has intent filters but no android:exported; with targetSdk {target} (>= 31) Android refuses to install the app (treated as exported)"
                        ),
                    );
                }
                has_filters
            }
        };
        let target_activity = if kind == ComponentKind::ActivityAlias {
            self.string(e, attr::TARGET_ACTIVITY)
                .map(|t| self.class_name(&t))
        } else {
            None
        };
        let enabled = self.bool(e, attr::ENABLED).unwrap_or(true);
        let permission = self.string(e, attr::PERMISSION);
        let read_permission = self.string(e, attr::READ_PERMISSION);
        let write_permission = self.string(e, attr::WRITE_PERMISSION);
        let process = self.string(e, attr::PROCESS);
        let authorities = self
            .string(e, attr::AUTHORITIES)
            .map(|a| {
                a.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        Component {
            kind,
            name,
            target_activity,
            exported,
            exported_explicit,
            enabled,
            permission,
            read_permission,
            write_permission,
            process,
            authorities,
            intent_filters,
        }
    }

    fn intent_filter(&mut self, e: &Element) -> IntentFilter {
        let mut f = IntentFilter {
            priority: self.int(e, attr::PRIORITY).map(|v| v as i32),
            ..IntentFilter::default()
        };
        for child in &e.children {
            match child.name.as_str() {
                "action" => f.actions.extend(self.string(child, attr::NAME)),
                "category" => f.categories.extend(self.string(child, attr::NAME)),
                "data" => {
                    let text = self.data_text(child);
                    if !text.is_empty() {
                        f.data.push(text);
                    }
                }
                _ => {}
            }
        }
        f
    }

    /// `<data>` as `scheme://host:port/path`; path prefixes end in `*`, patterns are kept
    /// as written; a MIME type is appended as ` type=<mime>`.
    fn data_text(&mut self, e: &Element) -> String {
        let mut s = String::new();
        if let Some(scheme) = self.string(e, attr::SCHEME) {
            s.push_str(&scheme);
            s.push(':');
        }
        if let Some(host) = self.string(e, attr::HOST) {
            s.push_str("//");
            s.push_str(&host);
            if let Some(port) = self.string(e, attr::PORT) {
                s.push(':');
                s.push_str(&port);
            }
        }
        if let Some(path) = self.string(e, attr::PATH) {
            s.push_str(&path);
        } else if let Some(prefix) = self.string(e, attr::PATH_PREFIX) {
            s.push_str(&prefix);
            s.push('*');
        } else if let Some(pattern) = self.string(e, attr::PATH_PATTERN) {
            s.push_str(&pattern);
        }
        if let Some(mime) = self.string(e, attr::MIME_TYPE) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str("type=");
            s.push_str(&mime);
        }
        s
    }

    fn meta_data(&mut self, e: &Element, component: Option<&str>) -> Option<MetaData> {
        let Some(name) = self.string(e, attr::NAME) else {
            self.problem(e, "<meta-data> without a name".into());
            return None;
        };
        let value_reference = self.reference_of(e, attr::VALUE);
        let value = self.value(e, attr::VALUE).and_then(|v| match v {
            Val::Text(s) => Some(s),
            Val::Typed(v) => v.coerce_to_string(),
        });
        let resource = self
            .reference_of(e, attr::RESOURCE)
            .or_else(|| self.string(e, attr::RESOURCE));
        Some(MetaData {
            name,
            value,
            resource,
            component: component.map(str::to_string),
            value_reference,
        })
    }

    /// The attribute's reference as `@type/name` (or `@0x7f...`) when it is one.
    fn reference_of(&self, e: &Element, id: u32) -> Option<String> {
        let a = self.attr(e, id)?;
        match a.value {
            Some(v) if v.is_reference() && v.data != 0 => Some(self.reference_text(v.data)),
            Some(_) => None,
            None => {
                let text = a.raw_value.as_deref()?;
                if !text.starts_with('@') {
                    return None;
                }
                Some(match self.res.and_then(|r| r.parse_reference(text)) {
                    Some(id) => self.reference_text(id),
                    None => text.to_string(),
                })
            }
        }
    }
}

/// Decimal or `0x` hex, as aapt accepts integers.
fn parse_int(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        return u32::from_str_radix(hex, 16)
            .ok()
            .map(|v| i64::from(v as i32));
    }
    s.parse::<i64>().ok()
}
