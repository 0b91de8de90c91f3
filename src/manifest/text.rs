//! Reading a plain-text `AndroidManifest.xml` (a source manifest) into the same
//! [`Document`] the binary decoder produces, with quick-xml. `android:` attributes get the
//! framework resource id of their name, so the manifest builder treats both forms alike.

use quick_xml::events::Event;
use quick_xml::name::{PrefixDeclaration, ResolveResult};
use quick_xml::reader::NsReader;

use crate::axml::framework::{self, ANDROID_NS};
use crate::axml::{Attribute, Document, Element, MAX_DEPTH, Namespace};

/// Why a text manifest could not be read, at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TextError {
    /// Byte offset in the file.
    pub offset: u64,
    /// What is wrong.
    pub message: String,
}

/// Parse text XML into a [`Document`].
pub fn parse_text(bytes: &[u8]) -> Result<Document, TextError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = NsReader::from_str(text);
    let mut doc = Document::default();
    let mut stack: Vec<Element> = Vec::new();
    let mut line = 1u32;
    let mut counted = 0usize;
    loop {
        let start = reader.buffer_position() as usize;
        line += count_newlines(text, counted, start);
        counted = start.max(counted);
        let event = reader.read_event().map_err(|e| TextError {
            offset: reader.error_position(),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TextError {
                        offset: start as u64,
                        message: format!("elements nested deeper than {MAX_DEPTH}"),
                    });
                }
                let (ns, local) = reader.resolver().resolve_element(e.name());
                let mut element = Element {
                    namespace: bound(ns),
                    name: local.as_ref().to_string(),
                    line,
                    offset: start as u64,
                    ..Element::default()
                };
                for attr in e.attributes() {
                    let attr = attr.map_err(|err| TextError {
                        offset: start as u64,
                        message: err.to_string(),
                    })?;
                    let key = attr.key;
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| TextError {
                            offset: start as u64,
                            message: err.to_string(),
                        })?
                        .into_owned();
                    if let Some(prefix) = key.as_namespace_binding() {
                        doc.namespaces.push(Namespace {
                            prefix: match prefix {
                                PrefixDeclaration::Named(p) => p.to_string(),
                                PrefixDeclaration::Default => String::new(),
                            },
                            uri: value,
                        });
                        continue;
                    }
                    let (ns, local) = reader.resolver().resolve_attribute(key);
                    let namespace = bound(ns);
                    let name = local.as_ref().to_string();
                    let resource_id = if namespace.as_deref() == Some(ANDROID_NS) {
                        framework::attr_id(&name)
                    } else {
                        None
                    };
                    element.attributes.push(Attribute {
                        namespace,
                        name: name.clone(),
                        raw_name: name,
                        resource_id,
                        raw_value: Some(value),
                        value: None,
                        string_value: None,
                        offset: start as u64,
                    });
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(element);
                } else {
                    attach(&mut stack, &mut doc, element);
                }
            }
            Event::End(_) => {
                if let Some(done) = stack.pop() {
                    attach(&mut stack, &mut doc, done);
                }
            }
            Event::Text(t) => {
                let t = t.xml10_content();
                if let Some(top) = stack.last_mut()
                    && !t.trim().is_empty()
                {
                    top.text.get_or_insert_with(String::new).push_str(&t);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text
                        .get_or_insert_with(String::new)
                        .push_str(t.as_ref());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while let Some(done) = stack.pop() {
        attach(&mut stack, &mut doc, done);
    }
    if doc.roots.is_empty() {
        return Err(TextError {
            offset: 0,
            message: "no element in the document".into(),
        });
    }
    Ok(doc)
}

fn bound(ns: ResolveResult<'_>) -> Option<String> {
    match ns {
        ResolveResult::Bound(ns) => Some(ns.as_ref().to_string()),
        _ => None,
    }
}

fn attach(stack: &mut [Element], doc: &mut Document, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None => doc.roots.push(element),
    }
}

fn count_newlines(text: &str, from: usize, to: usize) -> u32 {
    text.as_bytes()
        .get(from..to)
        .map(|s| s.iter().filter(|b| **b == b'\n').count() as u32)
        .unwrap_or(0)
}
