//! `ResXMLTree`: walking the chunks of a binary XML document into a [`Document`], the way
//! Android's `ResXMLTree::setTo` and `ResXMLParser::nextNode` do, including their leniency:
//! unknown chunks are skipped, bytes after the document's declared size are ignored, the
//! header may be larger than the structure, namespace nodes may be missing.

use std::borrow::Cow;

use super::res_chunk_header::chunk_type;
use super::res_xml_tree_node::NO_INDEX;
use super::{
    Attribute, Document, Element, Namespace, ResChunkHeader, ResError, ResErrorKind,
    ResXmlTreeAttrExt, ResXmlTreeCdataExt, ResXmlTreeEndElementExt, ResXmlTreeNamespaceExt,
    ResXmlTreeNode, StringPool, framework,
};
use crate::reader::Reader;

/// Deepest element nesting accepted (real manifests nest 5 deep; the limit keeps the
/// recursive drop and rendering of the tree safe).
pub const MAX_DEPTH: usize = 256;

/// Decode a binary XML document.
pub fn decode(data: &[u8]) -> Result<Document, ResError> {
    let header = ResChunkHeader::parse(data, 0, data.len(), ResChunkHeader::SIZE)?;
    if header.chunk_type != chunk_type::XML {
        return Err(ResError::new(
            0,
            ResErrorKind::WrongFileType {
                expected: "binary XML document",
                found: header.chunk_type,
            },
        ));
    }
    let mut walker = Walker {
        data,
        strings: None,
        resource_map: &[],
        budget: (data.len().saturating_mul(16)).max(32 << 20),
        doc: Document {
            binary: true,
            ..Document::default()
        },
        stack: Vec::new(),
    };
    // Data after `header.size` is not part of the document (trailing garbage).
    let end = header.end();
    let mut pos = header.body();
    let mut seen_node = false;
    while pos < end {
        let chunk = ResChunkHeader::parse(data, pos, end, ResChunkHeader::SIZE)?;
        match chunk.chunk_type {
            // Android reads the pool and the map only before the first node.
            chunk_type::STRING_POOL if !seen_node => {
                walker.strings = Some(StringPool::parse(data, &chunk)?);
            }
            chunk_type::XML_RESOURCE_MAP if !seen_node => {
                walker.resource_map = data.get(chunk.body()..chunk.end()).unwrap_or(&[]);
            }
            chunk_type::XML_START_NAMESPACE..=chunk_type::XML_CDATA => {
                seen_node = true;
                walker.node(chunk)?;
            }
            _ => {}
        }
        pos = chunk.end();
    }
    while !walker.stack.is_empty() {
        walker.close();
    }
    if walker.doc.roots.is_empty() {
        return Err(ResError::new(0, ResErrorKind::Empty));
    }
    Ok(walker.doc)
}

struct Walker<'a> {
    data: &'a [u8],
    strings: Option<StringPool<'a>>,
    resource_map: &'a [u8],
    /// Bytes of text the document may still copy out of the pool.
    budget: usize,
    doc: Document,
    stack: Vec<Element>,
}

impl<'a> Walker<'a> {
    fn pool(&self, at: usize) -> Result<&StringPool<'a>, ResError> {
        self.strings
            .as_ref()
            .ok_or_else(|| ResError::new(at, ResErrorKind::NoStringPool))
    }

    /// The string at `index`, copied under the output budget; `None` for `NO_INDEX`.
    fn string(&mut self, index: u32, at: usize) -> Result<Option<String>, ResError> {
        if index == NO_INDEX {
            return Ok(None);
        }
        let s: Cow<'a, str> = self.pool(at)?.get(index)?;
        self.charge(s.len(), at)?;
        Ok(Some(s.into_owned()))
    }

    /// Like [`Self::string`], but a bad index gives `None`, as Android's `stringAt`
    /// returns NULL (used for values, where a broken one should not lose the document).
    fn string_lenient(&mut self, index: u32, at: usize) -> Result<Option<String>, ResError> {
        match self.string(index, at) {
            Err(ResError {
                kind: ResErrorKind::StringIndex { .. } | ResErrorKind::BadString { .. },
                ..
            }) => Ok(None),
            other => other,
        }
    }

    fn charge(&mut self, len: usize, at: usize) -> Result<(), ResError> {
        self.budget = self.budget.checked_sub(len).ok_or_else(|| {
            ResError::new(
                at,
                ResErrorKind::OutputLimit {
                    limit: self.data.len().saturating_mul(16).max(32 << 20),
                },
            )
        })?;
        Ok(())
    }

    fn resource_id(&self, name_index: u32) -> Option<u32> {
        let at = (name_index as usize).checked_mul(4)?;
        let id = Reader::at(self.resource_map, at).u32().ok()?;
        (id != 0).then_some(id)
    }

    fn node(&mut self, chunk: ResChunkHeader) -> Result<(), ResError> {
        let data = self.data;
        match chunk.chunk_type {
            chunk_type::XML_START_NAMESPACE | chunk_type::XML_END_NAMESPACE => {
                let node = ResXmlTreeNode::parse(data, chunk, ResXmlTreeNamespaceExt::SIZE)?;
                if chunk.chunk_type == chunk_type::XML_START_NAMESPACE {
                    let ext = ResXmlTreeNamespaceExt::read(&mut node.ext(data))?;
                    let prefix = self.string_lenient(ext.prefix, chunk.offset)?;
                    let uri = self.string_lenient(ext.uri, chunk.offset)?;
                    self.doc.namespaces.push(Namespace {
                        prefix: prefix.unwrap_or_default(),
                        uri: uri.unwrap_or_default(),
                    });
                }
            }
            chunk_type::XML_START_ELEMENT => {
                let node = ResXmlTreeNode::parse(data, chunk, ResXmlTreeAttrExt::SIZE)?;
                let ext = ResXmlTreeAttrExt::read(&mut node.ext(data), chunk.end())?;
                if self.stack.len() >= MAX_DEPTH {
                    return Err(ResError::new(
                        chunk.offset,
                        ResErrorKind::TooDeep { limit: MAX_DEPTH },
                    ));
                }
                let name = self.string(ext.name, ext.offset)?.unwrap_or_default();
                let namespace = self.string_lenient(ext.ns, ext.offset)?;
                let mut attributes = Vec::with_capacity(usize::from(ext.attribute_count));
                for i in 0..ext.attribute_count {
                    attributes.push(self.attribute(&ext, i)?);
                }
                self.stack.push(Element {
                    namespace,
                    name,
                    line: node.line_number,
                    offset: chunk.offset as u64,
                    attributes,
                    children: Vec::new(),
                    text: None,
                });
            }
            chunk_type::XML_END_ELEMENT => {
                ResXmlTreeNode::parse(data, chunk, ResXmlTreeEndElementExt::SIZE)?;
                // An end without a start (bad nesting) is ignored, as aapt stops caring.
                if !self.stack.is_empty() {
                    self.close();
                }
            }
            chunk_type::XML_CDATA => {
                let node = ResXmlTreeNode::parse(data, chunk, ResXmlTreeCdataExt::SIZE)?;
                let ext = ResXmlTreeCdataExt::read(&mut node.ext(data))?;
                let text = self.string_lenient(ext.data, chunk.offset)?;
                if let (Some(text), Some(top)) = (text, self.stack.last_mut()) {
                    top.text.get_or_insert_with(String::new).push_str(&text);
                }
            }
            // Other types in the node range are skipped, as Android does.
            _ => {}
        }
        Ok(())
    }

    fn attribute(&mut self, ext: &ResXmlTreeAttrExt, index: u16) -> Result<Attribute, ResError> {
        let a = ext.attribute(self.data, index)?;
        let raw_name = self.string_lenient(a.name, a.offset)?.unwrap_or_default();
        let resource_id = self.resource_id(a.name);
        let name = resource_id
            .and_then(framework::attr_name)
            .map(str::to_string)
            .unwrap_or_else(|| raw_name.clone());
        let namespace = self.string_lenient(a.ns, a.offset)?;
        let raw_value = self.string_lenient(a.raw_value, a.offset)?;
        let string_value = if a.typed_value.data_type == super::data_type::STRING {
            if a.typed_value.data == a.raw_value {
                raw_value.clone()
            } else {
                self.string_lenient(a.typed_value.data, a.offset)?
            }
        } else {
            None
        };
        Ok(Attribute {
            namespace,
            name,
            raw_name,
            resource_id,
            raw_value,
            value: Some(a.typed_value),
            string_value,
            offset: a.offset as u64,
        })
    }

    /// Close the innermost open element.
    fn close(&mut self) {
        if let Some(done) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(done),
                None => self.doc.roots.push(done),
            }
        }
    }
}
