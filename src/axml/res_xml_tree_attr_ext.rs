//! `ResXMLTree_attrExt` (the start of an element) and its `ResXMLTree_attribute` array.

use super::{ResError, ResErrorKind, ResValue};
use crate::reader::Reader;

/// `ResXMLTree_attrExt`.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeAttrExt {
    /// `ns` string index of the element.
    pub ns: u32,
    /// `name` string index of the element.
    pub name: u32,
    /// `attributeStart`: offset of the first attribute from the start of this structure.
    pub attribute_start: u16,
    /// `attributeSize`: stride between attributes.
    pub attribute_size: u16,
    /// `attributeCount`.
    pub attribute_count: u16,
    /// Absolute offset of this structure.
    pub offset: usize,
}

/// `ResXMLTree_attribute`.
#[derive(Debug, Clone, Copy)]
pub struct ResXmlTreeAttribute {
    /// `ns` string index (the namespace URI).
    pub ns: u32,
    /// `name` string index; its position also indexes the resource map.
    pub name: u32,
    /// `rawValue` string index (the text as written in the source).
    pub raw_value: u32,
    /// `typedValue`.
    pub typed_value: ResValue,
    /// Absolute offset of this attribute.
    pub offset: usize,
}

impl ResXmlTreeAttrExt {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 20;

    /// Read it from `r` (positioned at the node extension) and check the attribute array
    /// fits before `end` (Android's `ResXMLTree::validateNode`).
    pub fn read(r: &mut Reader<'_>, end: usize) -> Result<Self, ResError> {
        let offset = r.pos();
        let ext = ResXmlTreeAttrExt {
            ns: r.u32()?,
            name: r.u32()?,
            attribute_start: r.u16()?,
            attribute_size: r.u16()?,
            attribute_count: r.u16()?,
            offset,
        };
        // idIndex, classIndex, styleIndex: not needed.
        r.skip(6)?;
        if ext.attribute_count > 0 && usize::from(ext.attribute_size) < ResXmlTreeAttribute::SIZE {
            // A smaller stride would make every attribute overlap the next; refusing it
            // also keeps one tiny node from expanding into 65535 attributes.
            return Err(ResError::new(
                offset,
                ResErrorKind::AttributeSize {
                    size: ext.attribute_size,
                },
            ));
        }
        let needed = usize::from(ext.attribute_start)
            + usize::from(ext.attribute_size) * usize::from(ext.attribute_count);
        let available = end.saturating_sub(offset);
        if needed > available {
            return Err(ResError::new(
                offset,
                ResErrorKind::CountTooLarge {
                    what: "attribute",
                    count: u64::from(ext.attribute_count),
                    available,
                },
            ));
        }
        Ok(ext)
    }

    /// The attribute at `index` (< `attribute_count`).
    pub fn attribute(&self, data: &[u8], index: u16) -> Result<ResXmlTreeAttribute, ResError> {
        let at = self.offset
            + usize::from(self.attribute_start)
            + usize::from(self.attribute_size) * usize::from(index);
        let mut r = Reader::at(data, at);
        Ok(ResXmlTreeAttribute {
            ns: r.u32()?,
            name: r.u32()?,
            raw_value: r.u32()?,
            typed_value: ResValue::read(&mut r)?,
            offset: at,
        })
    }
}

impl ResXmlTreeAttribute {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 20;
}
