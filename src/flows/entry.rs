//! The entry model: which app methods Android itself may call, beyond the components'
//! lifecycle methods the call graph's `<android>` root already starts.
//!
//! - Callback objects: an app class that extends or implements a framework callback type
//!   (`sdk-signatures/callbacks.toml`) and is instantiated in reachable code has its
//!   instance methods called by the framework, whether the object is handed to a
//!   registration call directly or kept in a field and registered later. The reachability
//!   walk adds them as it finds the instantiations (iteratively, as FlowDroid collects
//!   callbacks), so a listener created inside another callback counts too.
//! - Layout click handlers: `android:onClick="name"` in a layout makes the framework call
//!   `name(View)` on the activity that inflated it; every such name is an entry in the
//!   activities and their app superclasses.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::apk::LoadedApp;
use crate::apk::zip::Archive;
use crate::{Error, Format, Location};

/// The callback-type list as embedded in the binary.
pub const EMBEDDED_CALLBACKS: &str = include_str!("../../sdk-signatures/callbacks.toml");

/// `android:onClick`.
const ATTR_ON_CLICK: u32 = 0x0101_026f;
/// `android:id`.
const ATTR_ID: u32 = 0x0101_00d0;
/// `android:inputType`.
const ATTR_INPUT_TYPE: u32 = 0x0101_0220;
/// `android:password` (deprecated boolean form).
const ATTR_PASSWORD: u32 = 0x0101_015c;

/// Most layout files read, and the largest one, when collecting click handlers.
const MAX_LAYOUTS: usize = 4096;
const MAX_LAYOUT_BYTES: u64 = 1 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CallbackFile {
    format: u32,
    #[serde(default)]
    group: Vec<CallbackGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CallbackGroup {
    /// Documentation only: the Java package of the group's types.
    #[allow(dead_code)]
    package: String,
    types: Vec<String>,
}

/// Framework callback types, as dex descriptors, sorted.
#[derive(Debug, Clone, Default)]
pub struct CallbackTypes {
    types: Vec<String>,
}

impl CallbackTypes {
    /// The list embedded in the binary.
    pub fn embedded() -> Result<Self, Error> {
        Self::parse(EMBEDDED_CALLBACKS, "sdk-signatures/callbacks.toml")
    }

    /// Parse a callback-type list; `name` is used in errors.
    pub fn parse(text: &str, name: &str) -> Result<Self, Error> {
        let bad =
            |reason: String| Error::malformed(Location::file(name), Format::Signature, reason);
        let file: CallbackFile = toml::from_str(text).map_err(|e| bad(e.message().to_string()))?;
        if file.format != 1 {
            return Err(bad(format!("unsupported format {}", file.format)));
        }
        let mut types = Vec::new();
        for g in file.group {
            for t in g.types {
                if !(t.len() > 2 && t.starts_with('L') && t.ends_with(';') && !t.contains('.')) {
                    return Err(bad(format!("`{t}` is not a class descriptor")));
                }
                types.push(t);
            }
        }
        types.sort();
        types.dedup();
        Ok(CallbackTypes { types })
    }

    /// True when `desc` is a callback type.
    pub fn contains(&self, desc: &[u8]) -> bool {
        self.types
            .binary_search_by(|t| t.as_bytes().cmp(desc))
            .is_ok()
    }

    /// Number of types.
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
}

/// What the entry model adds to the manifest's lifecycle methods.
#[derive(Debug, Clone, Default)]
pub struct EntryModel {
    /// Framework callback types.
    pub callbacks: CallbackTypes,
    /// Method names layouts bind with `android:onClick`.
    pub click_handlers: BTreeSet<String>,
    /// Resource ids of the layouts' password fields (`android:inputType` with a password
    /// variation, or `android:password="true"`): `getText()` on the view
    /// `findViewById(id)` returns is a source of `account.password`.
    pub password_views: BTreeSet<u32>,
}

/// True when an `android:inputType` value asks for a password: the text class with the
/// password, visible-password or web-password variation, or the number class with the
/// password variation (`InputType.TYPE_*_VARIATION_*PASSWORD`).
pub fn is_password_input_type(v: u32) -> bool {
    let class = v & 0xf;
    let variation = v & 0xff0;
    (class == 0x1 && matches!(variation, 0x80 | 0x90 | 0xe0)) || (class == 0x2 && variation == 0x10)
}

/// The `android:onClick` handler names of the APK's layouts (`res/layout*/*.xml`, binary
/// XML). Re-reads the input archive: the loader keeps only manifest, resources and dex.
/// Unreadable or malformed layouts are skipped (the handlers they name stay unknown).
pub fn layout_click_handlers(app: &LoadedApp) -> BTreeSet<String> {
    read_layouts(app).click_handlers
}

/// What the APK's layouts (`res/layout*/*.xml`, binary XML) tell the entry model: the
/// `android:onClick` handler names and the password fields' view ids (the callback list
/// is left empty). Re-reads the input archive: the loader keeps only manifest, resources
/// and dex. Unreadable or malformed layouts are skipped.
pub fn read_layouts(app: &LoadedApp) -> EntryModel {
    let mut out = EntryModel::default();
    let has_layouts = app.entries.iter().any(|e| is_layout(&e.name));
    if !has_layouts || app.input_kind != "apk" {
        return out;
    }
    let Ok(bytes) = std::fs::read(&app.source) else {
        return out;
    };
    let Ok(archive) = Archive::open(&bytes, 1 << 20) else {
        return out;
    };
    for entry in archive
        .entries
        .iter()
        .filter(|e| is_layout(&e.name) && e.size <= MAX_LAYOUT_BYTES)
        .take(MAX_LAYOUTS)
    {
        let Ok(data) = archive.read(entry) else {
            continue;
        };
        let Ok(doc) = crate::axml::decode(&data.bytes) else {
            continue;
        };
        for (_, el) in doc.walk() {
            if let Some(name) = el
                .android_attr(ATTR_ON_CLICK, "onClick", doc.binary)
                .and_then(|a| a.text())
            {
                let name = name.trim();
                if !name.is_empty() && name.len() < 256 {
                    out.click_handlers.insert(name.to_string());
                }
            }
            let typed = |id: u32, name: &str| {
                el.android_attr(id, name, doc.binary)
                    .and_then(|a| a.value)
                    .map(|v| v.data)
            };
            let password = typed(ATTR_INPUT_TYPE, "inputType").is_some_and(is_password_input_type)
                || typed(ATTR_PASSWORD, "password").is_some_and(|v| v != 0);
            if password && let Some(id) = typed(ATTR_ID, "id") {
                out.password_views.insert(id);
            }
        }
    }
    out
}

fn is_layout(name: &str) -> bool {
    name.starts_with("res/layout") && name.ends_with(".xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_callback_list_loads() {
        let c = CallbackTypes::embedded().expect("callbacks.toml");
        assert!(c.len() > 100);
        assert!(c.contains(b"Landroid/view/View$OnClickListener;"));
        assert!(c.contains(b"Landroid/location/LocationListener;"));
        assert!(!c.contains(b"Ljava/lang/Object;"));
    }

    #[test]
    fn password_input_types() {
        // textPassword, textVisiblePassword, textWebPassword, numberPassword.
        for v in [0x81, 0x91, 0xe1, 0x12] {
            assert!(is_password_input_type(v), "{v:#x}");
        }
        // text, textEmailAddress, number, phone, textPersonName.
        for v in [0x1, 0x21, 0x2, 0x3, 0x61] {
            assert!(!is_password_input_type(v), "{v:#x}");
        }
    }

    #[test]
    fn rejects_dotted_names() {
        let text = "format = 1\n[[group]]\npackage = \"x\"\ntypes = [\"android.view.View\"]\n";
        assert!(CallbackTypes::parse(text, "t").is_err());
    }
}
