//! The decoded document: elements with their attributes, from binary XML or from text.

use std::borrow::Cow;

use super::framework::ANDROID_NS;
use super::{ResValue, data_type};

/// A namespace declaration (`xmlns:android="..."`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    /// The prefix (`android`); empty for a default namespace.
    pub prefix: String,
    /// The URI.
    pub uri: String,
}

/// A decoded XML document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Namespace declarations in document order.
    pub namespaces: Vec<Namespace>,
    /// Top-level elements (one, `<manifest>`, in any real manifest).
    pub roots: Vec<Element>,
    /// True when decoded from binary XML: attributes are then matched to Android's
    /// attributes by resource id only, as Android does.
    pub binary: bool,
}

impl Document {
    /// The first top-level element.
    pub fn root(&self) -> Option<&Element> {
        self.roots.first()
    }

    /// Every element in document order (depth first), with its depth.
    pub fn walk(&self) -> Vec<(usize, &Element)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &Element)> = self.roots.iter().rev().map(|e| (0, e)).collect();
        while let Some((depth, e)) = stack.pop() {
            out.push((depth, e));
            stack.extend(e.children.iter().rev().map(|c| (depth + 1, c)));
        }
        out
    }
}

/// An element.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Namespace URI, when the element has one.
    pub namespace: Option<String>,
    /// Local name (`activity`).
    pub name: String,
    /// Line in the original source (binary XML keeps it).
    pub line: u32,
    /// Byte offset of the element's start in the input, for error locations.
    pub offset: u64,
    /// Attributes in stored order.
    pub attributes: Vec<Attribute>,
    /// Child elements in order.
    pub children: Vec<Element>,
    /// Character data directly inside the element, concatenated.
    pub text: Option<String>,
}

/// An attribute with both its stored name and value forms.
#[derive(Debug, Clone, Default)]
pub struct Attribute {
    /// Namespace URI.
    pub namespace: Option<String>,
    /// The name Android uses: the framework attribute's name when the resource id is a
    /// known `android:attr`, else the stored name.
    pub name: String,
    /// The name string as stored (may be empty or obfuscated in hostile files).
    pub raw_name: String,
    /// The attribute's resource id from the resource map (or, for text input, from the
    /// framework table for `android:` attributes).
    pub resource_id: Option<u32>,
    /// The raw text (`rawValue`); the only form text XML has.
    pub raw_value: Option<String>,
    /// The typed value; `None` for text XML.
    pub value: Option<ResValue>,
    /// The text of a `TYPE_STRING` value (its own pool index, which may differ from the
    /// raw value's).
    pub string_value: Option<String>,
    /// Byte offset of the attribute in the input.
    pub offset: u64,
}

impl Attribute {
    /// True when this is an `android:` attribute (by namespace or framework resource id).
    pub fn is_android(&self) -> bool {
        self.namespace.as_deref() == Some(ANDROID_NS)
            || self.resource_id.is_some_and(|id| id >> 24 == 0x01)
    }

    /// The value as a string, the way Android's `TypedArray.getString` sees it: a typed
    /// string's text, else the raw text, else the typed value coerced to text.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self.value {
            Some(v) if v.data_type == data_type::STRING => self
                .string_value
                .as_deref()
                .or(self.raw_value.as_deref())
                .map(Cow::Borrowed),
            Some(v) if v.data_type == data_type::NULL => {
                self.raw_value.as_deref().map(Cow::Borrowed)
            }
            Some(v) => v.coerce_to_string().map(Cow::Owned),
            None => self.raw_value.as_deref().map(Cow::Borrowed),
        }
    }
}

impl Element {
    /// The `android:` attribute with resource id `id` (named `name`). Binary documents
    /// match by id only, as Android does, so a decoy attribute with the right name but
    /// no id is ignored; text documents fall back to the name.
    pub fn android_attr(&self, id: u32, name: &str, binary: bool) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| a.resource_id == Some(id))
            .or_else(|| {
                if binary {
                    return None;
                }
                self.attributes.iter().find(|a| {
                    a.resource_id.is_none()
                        && a.namespace.as_deref() == Some(ANDROID_NS)
                        && a.name == name
                })
            })
    }

    /// The attribute `name` without namespace (`package`).
    pub fn plain_attr(&self, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| a.namespace.as_deref().is_none_or(str::is_empty) && a.raw_name == name)
    }

    /// Child elements named `name`.
    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Element> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }
}
