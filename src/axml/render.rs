//! Writing a [`Document`] as text XML with quick-xml: the form a source manifest has, with
//! references named through the resource table when it knows them and enum/flag values
//! written by name.

use std::collections::HashSet;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::framework::{self, ANDROID_NS};
use super::{Attribute, Document, Element, data_type};

/// Names resources for rendering: `0x7f0b0001` → `@string/app_name`.
pub trait Naming {
    /// The `@type/name` form of the resource `id`, when known.
    fn reference_name(&self, id: u32) -> Option<String>;
}

/// Render `doc` as indented text XML. References are written `@type/name` when `naming`
/// knows them, else `@0x7f...`.
pub fn render_xml(doc: &Document, naming: Option<&dyn Naming>) -> String {
    let prefixes = Prefixes::new(doc);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 4);
    // Writing into a Vec cannot fail; the results are ignored for that reason.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    for (i, root) in doc.roots.iter().enumerate() {
        write_element(&mut w, root, &prefixes, naming, i == 0);
    }
    let mut out = String::from_utf8_lossy(&w.into_inner()).into_owned();
    out.push('\n');
    out
}

/// Namespace URI → prefix, from the document's declarations; `android` for the Android
/// URI even when the declaration is missing (an anti-analysis trick), `nsN` otherwise.
struct Prefixes {
    map: Vec<(String, String)>,
}

impl Prefixes {
    fn new(doc: &Document) -> Self {
        let mut map: Vec<(String, String)> = Vec::new();
        let mut used: HashSet<String> = HashSet::new();
        let mut add = |uri: &str, wanted: &str, map: &mut Vec<(String, String)>| {
            if uri.is_empty() || map.iter().any(|(u, _)| u == uri) {
                return;
            }
            let mut prefix =
                if is_xml_name(wanted) && wanted != "xmlns" && !wanted.starts_with("xml") {
                    wanted.to_string()
                } else if uri == ANDROID_NS {
                    "android".to_string()
                } else {
                    format!("ns{}", map.len())
                };
            while used.contains(&prefix) {
                prefix.push('_');
            }
            used.insert(prefix.clone());
            map.push((uri.to_string(), prefix));
        };
        add(ANDROID_NS, "android", &mut map);
        for ns in &doc.namespaces {
            add(&ns.uri, &ns.prefix, &mut map);
        }
        for (_, e) in doc.walk() {
            for a in &e.attributes {
                if let Some(uri) = &a.namespace {
                    add(uri, "", &mut map);
                }
            }
            if let Some(uri) = &e.namespace {
                add(uri, "", &mut map);
            }
        }
        Prefixes { map }
    }

    fn prefix(&self, uri: &str) -> Option<&str> {
        self.map
            .iter()
            .find(|(u, _)| u == uri)
            .map(|(_, p)| p.as_str())
    }

    fn qualify(&self, uri: Option<&str>, name: &str) -> String {
        match uri.filter(|u| !u.is_empty()).and_then(|u| self.prefix(u)) {
            Some(p) => format!("{p}:{name}"),
            None => name.to_string(),
        }
    }
}

fn is_xml_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn write_element(
    w: &mut Writer<Vec<u8>>,
    e: &Element,
    prefixes: &Prefixes,
    naming: Option<&dyn Naming>,
    declare: bool,
) {
    let name = prefixes.qualify(e.namespace.as_deref(), &safe_name(&e.name, "element"));
    let mut start = BytesStart::new(name.clone());
    if declare {
        let used: Vec<&(String, String)> = prefixes.map.iter().collect();
        for (uri, prefix) in used {
            let key = format!("xmlns:{prefix}");
            start.push_attribute(quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(key.as_str()),
                value: escape_visible(uri).into(),
            });
        }
    }
    let mut written: HashSet<String> = HashSet::new();
    for (i, a) in e.attributes.iter().enumerate() {
        let local = safe_name(&a.name, &format!("attr{i}"));
        // An attribute Android recognises by resource id is written in the android
        // namespace under its real name, whatever namespace and name string it was stored
        // with, so that reading the text back means the same to Android.
        let uri = if a.resource_id.and_then(framework::attr_name).is_some() {
            Some(ANDROID_NS)
        } else {
            a.namespace.as_deref()
        };
        let qname = prefixes.qualify(uri, &local);
        if !written.insert(qname.clone()) {
            continue;
        }
        let value = escape_visible(&attribute_text(a, naming));
        start.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(qname.as_str()),
            value: value.into(),
        });
    }
    let empty = e.children.is_empty() && e.text.is_none();
    if empty {
        let _ = w.write_event(Event::Empty(start));
        return;
    }
    let _ = w.write_event(Event::Start(start));
    if let Some(text) = &e.text {
        let _ = w.write_event(Event::Text(BytesText::from_escaped(escape_visible(text))));
    }
    for c in &e.children {
        write_element(w, c, prefixes, naming, false);
    }
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

/// XML escaping that also writes control characters (C0, DEL, C1, bidirectional
/// controls; [`crate::report::sanitize::is_control`]) as character references: the
/// output is shown in terminals, where they would be live escape sequences; a reader
/// that unescapes gets the stored text back.
fn escape_visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if crate::report::sanitize::is_control(c) => {
                out.push_str(&format!("&#x{:x};", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Element and attribute names must be XML names; hostile files store anything.
fn safe_name(name: &str, fallback: &str) -> String {
    if is_xml_name(name) {
        name.to_string()
    } else {
        let cleaned: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if is_xml_name(&cleaned) {
            cleaned
        } else {
            format!("_{fallback}{cleaned}")
        }
    }
}

/// The text form of an attribute's value.
pub(crate) fn attribute_text(a: &Attribute, naming: Option<&dyn Naming>) -> String {
    let Some(v) = a.value else {
        return a.raw_value.clone().unwrap_or_default();
    };
    match v.data_type {
        data_type::REFERENCE | data_type::DYNAMIC_REFERENCE => {
            if v.data == 0 {
                return "@null".into();
            }
            naming
                .and_then(|n| n.reference_name(v.data))
                .unwrap_or_else(|| format!("@0x{:08x}", v.data))
        }
        data_type::NULL => a
            .raw_value
            .clone()
            .unwrap_or_else(|| if v.data == 1 { "@empty" } else { "@null" }.into()),
        data_type::INT_DEC | data_type::INT_HEX => a
            .resource_id
            .and_then(|id| framework::format_value(id, v.data))
            .or_else(|| v.coerce_to_string())
            .unwrap_or_default(),
        _ => a.text().map(|t| t.into_owned()).unwrap_or_default(),
    }
}
