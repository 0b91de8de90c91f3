//! [`DexFile`]: one parsed dex file over borrowed bytes. Opening validates the header, the
//! map list and the bounds of every id table; lookups afterwards check only the index.

use std::borrow::Cow;

use super::class_data_item::{self, ClassData};
use super::class_def_item::{self, ClassDef};
use super::code_item::CodeItem;
use super::encoded_array::{self, EncodedValue};
use super::error::{DexError, DexResult};
use super::field_id_item::{self, FieldId};
use super::header_item::{Header, adler32, field};
use super::map_list::{self, MapItem, type_code};
use super::method_id_item::{self, MethodId};
use super::proto_id_item::{self, ProtoId};
use super::string_id_item;
use super::table::{Table, u32_at};
use super::type_id_item;
use crate::reader::Reader;

/// Options for opening a dex file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions {
    /// Verify the adler32 checksum (costs one pass over the file).
    pub verify_checksum: bool,
}

/// A parsed dex file borrowing its bytes.
#[derive(Debug, Clone)]
pub struct DexFile<'a> {
    data: &'a [u8],
    header: Header,
    map: Vec<MapItem>,
    string_ids: Table<'a>,
    type_ids: Table<'a>,
    proto_ids: Table<'a>,
    field_ids: Table<'a>,
    method_ids: Table<'a>,
    class_defs: Table<'a>,
    call_site_ids: Table<'a>,
    method_handles: Table<'a>,
}

impl<'a> DexFile<'a> {
    /// Open `data` with default options (no checksum check).
    pub fn parse(data: &'a [u8]) -> DexResult<DexFile<'a>> {
        Self::parse_with(data, ParseOptions::default())
    }

    /// Open `data`: validate header, map list and id table bounds.
    pub fn parse_with(data: &'a [u8], options: ParseOptions) -> DexResult<DexFile<'a>> {
        let header = Header::parse(data)?;
        // The file may sit at the start of a larger buffer; everything below reads only
        // the declared file (checked against the buffer by Header::parse).
        let data = data
            .get(..header.file_size as usize)
            .ok_or(DexError::BadFileSize {
                offset: field::FILE_SIZE,
                declared: header.file_size,
                actual: data.len(),
            })?;
        if options.verify_checksum {
            let computed = adler32(data.get(12..).unwrap_or_default());
            if computed != header.checksum {
                return Err(DexError::BadChecksum {
                    offset: field::CHECKSUM,
                    declared: header.checksum,
                    computed,
                });
            }
        }
        let map = map_list::parse(data, &header)?;
        let h = &header;
        let t = |f, kind, off, count, size| Table::new(data, f, kind, off, count, size);
        let string_ids = t(
            field::STRING_IDS,
            "string",
            h.string_ids_off,
            h.string_ids_size,
            string_id_item::ITEM_SIZE,
        )?;
        let type_ids = t(
            field::TYPE_IDS,
            "type",
            h.type_ids_off,
            h.type_ids_size,
            type_id_item::ITEM_SIZE,
        )?;
        let proto_ids = t(
            field::PROTO_IDS,
            "proto",
            h.proto_ids_off,
            h.proto_ids_size,
            proto_id_item::ITEM_SIZE,
        )?;
        let field_ids = t(
            field::FIELD_IDS,
            "field",
            h.field_ids_off,
            h.field_ids_size,
            field_id_item::ITEM_SIZE,
        )?;
        let method_ids = t(
            field::METHOD_IDS,
            "method",
            h.method_ids_off,
            h.method_ids_size,
            method_id_item::ITEM_SIZE,
        )?;
        let class_defs = t(
            field::CLASS_DEFS,
            "class_def",
            h.class_defs_off,
            h.class_defs_size,
            class_def_item::ITEM_SIZE,
        )?;
        let mut call_site_ids = Table::empty("call_site", 4);
        let mut method_handles = Table::empty("method_handle", 8);
        for item in &map {
            match item.type_code {
                type_code::CALL_SITE_ID_ITEM => {
                    call_site_ids = t(field::MAP_OFF, "call_site", item.offset, item.size, 4)?;
                }
                type_code::METHOD_HANDLE_ITEM => {
                    method_handles = t(field::MAP_OFF, "method_handle", item.offset, item.size, 8)?;
                }
                _ => {}
            }
        }
        Ok(DexFile {
            data,
            header,
            map,
            string_ids,
            type_ids,
            proto_ids,
            field_ids,
            method_ids,
            class_defs,
            call_site_ids,
            method_handles,
        })
    }

    /// The file's bytes (exactly `file_size` long).
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The validated map list.
    pub fn map(&self) -> &[MapItem] {
        &self.map
    }

    /// Number of strings.
    pub fn string_count(&self) -> u32 {
        self.string_ids.len()
    }

    /// Number of types.
    pub fn type_count(&self) -> u32 {
        self.type_ids.len()
    }

    /// Number of prototypes.
    pub fn proto_count(&self) -> u32 {
        self.proto_ids.len()
    }

    /// Number of field references.
    pub fn field_count(&self) -> u32 {
        self.field_ids.len()
    }

    /// Number of method references (`method_ids_size`).
    pub fn method_count(&self) -> u32 {
        self.method_ids.len()
    }

    /// Number of class definitions.
    pub fn class_count(&self) -> u32 {
        self.class_defs.len()
    }

    /// Number of call sites (dex 038+).
    pub fn call_site_count(&self) -> u32 {
        self.call_site_ids.len()
    }

    /// Number of method handles (dex 038+).
    pub fn method_handle_count(&self) -> u32 {
        self.method_handles.len()
    }

    /// The raw MUTF-8 bytes of string `idx` (cheap: no decoding).
    pub fn string_bytes(&self, idx: u32) -> DexResult<&'a [u8]> {
        self.string_data(idx).map(|(bytes, _)| bytes)
    }

    fn string_data(&self, idx: u32) -> DexResult<(&'a [u8], usize)> {
        let (item, at) = self.string_ids.item(idx, 0)?;
        let data_off = u32_at(item, 0);
        string_id_item::string_data(self.data, data_off).map_err(|e| match e {
            DexError::Read { .. } => DexError::BadString { offset: at },
            other => other,
        })
    }

    /// String `idx`, decoded from MUTF-8 (borrowed when it is plain UTF-8).
    pub fn string(&self, idx: u32) -> DexResult<Cow<'a, str>> {
        let (bytes, offset) = self.string_data(idx)?;
        string_id_item::decode(bytes, offset)
    }

    /// The descriptor string index of type `idx`.
    pub fn type_string_idx(&self, idx: u32) -> DexResult<u32> {
        let (item, _) = self.type_ids.item(idx, 0)?;
        Ok(u32_at(item, 0))
    }

    /// The descriptor of type `idx` (`Lcom/x/Y;`, `I`, `[B`).
    pub fn type_descriptor(&self, idx: u32) -> DexResult<Cow<'a, str>> {
        self.string(self.type_string_idx(idx)?)
    }

    /// The raw descriptor bytes of type `idx` (no decoding).
    pub fn type_descriptor_bytes(&self, idx: u32) -> DexResult<&'a [u8]> {
        self.string_bytes(self.type_string_idx(idx)?)
    }

    /// Prototype `idx`.
    pub fn proto_id(&self, idx: u32) -> DexResult<ProtoId> {
        let (item, _) = self.proto_ids.item(idx, 0)?;
        Ok(ProtoId::from_item(item))
    }

    /// Field reference `idx`.
    pub fn field_id(&self, idx: u32) -> DexResult<FieldId> {
        let (item, _) = self.field_ids.item(idx, 0)?;
        Ok(FieldId::from_item(item))
    }

    /// Method reference `idx`.
    pub fn method_id(&self, idx: u32) -> DexResult<MethodId> {
        let (item, _) = self.method_ids.item(idx, 0)?;
        Ok(MethodId::from_item(item))
    }

    /// Class definition `idx`.
    pub fn class_def(&self, idx: u32) -> DexResult<ClassDef> {
        let (item, at) = self.class_defs.item(idx, 0)?;
        Ok(ClassDef::from_item(idx, at, item))
    }

    /// Every class definition in file order.
    pub fn class_defs(&self) -> impl Iterator<Item = DexResult<ClassDef>> + '_ {
        (0..self.class_defs.len()).map(move |i| self.class_def(i))
    }

    /// The `type_list` at `offset` (0 means empty): type indices.
    pub fn type_list(&self, offset: u32) -> DexResult<Vec<u32>> {
        if offset == 0 {
            return Ok(Vec::new());
        }
        let mut r = Reader::at(self.data, offset as usize);
        let size = r.u32()?;
        if (size as usize).saturating_mul(2) > r.remaining() {
            return Err(DexError::Malformed {
                offset: offset as usize,
                structure: "type_list",
                reason: "size larger than the file",
            });
        }
        (0..size)
            .map(|_| r.u16().map(u32::from).map_err(DexError::from))
            .collect()
    }

    /// The interfaces a class implements, as type indices.
    pub fn interfaces(&self, class: &ClassDef) -> DexResult<Vec<u32>> {
        self.type_list(class.interfaces_off)
    }

    /// The class's fields and methods; `None` for a class without any (marker interfaces).
    pub fn class_data(&self, class: &ClassDef) -> DexResult<Option<ClassData>> {
        if class.class_data_off == 0 {
            return Ok(None);
        }
        class_data_item::parse(self.data, class.class_data_off).map(Some)
    }

    /// The initial values of the class's static fields, in field order (trailing
    /// zero/null values may be omitted, as in the file).
    pub fn static_values(&self, class: &ClassDef) -> DexResult<Vec<EncodedValue>> {
        if class.static_values_off == 0 {
            return Ok(Vec::new());
        }
        encoded_array::parse_array_item(self.data, class.static_values_off)
    }

    /// The `code_item` at `code_off` (from an [`EncodedMethod`](super::EncodedMethod));
    /// `None` for 0 (abstract or native methods).
    pub fn code_item(&self, code_off: u32) -> DexResult<Option<CodeItem<'a>>> {
        if code_off == 0 {
            return Ok(None);
        }
        CodeItem::parse(self.data, code_off).map(Some)
    }

    /// Parameter type indices of prototype `idx`.
    pub fn proto_parameters(&self, idx: u32) -> DexResult<Vec<u32>> {
        self.type_list(self.proto_id(idx)?.parameters_off)
    }

    /// The JVM-style descriptor of prototype `idx`: `(ILjava/lang/String;)V`.
    pub fn proto_descriptor(&self, idx: u32) -> DexResult<String> {
        let proto = self.proto_id(idx)?;
        let mut out = String::from("(");
        for p in self.type_list(proto.parameters_off)? {
            out.push_str(&self.type_descriptor(p)?);
        }
        out.push(')');
        out.push_str(&self.type_descriptor(proto.return_type_idx)?);
        Ok(out)
    }

    /// Method `idx` in smali notation: `Lcom/x/Y;->m(I)V`.
    pub fn method_signature(&self, idx: u32) -> DexResult<String> {
        let m = self.method_id(idx)?;
        Ok(format!(
            "{}->{}{}",
            self.type_descriptor(u32::from(m.class_idx))?,
            self.string(m.name_idx)?,
            self.proto_descriptor(u32::from(m.proto_idx))?
        ))
    }

    /// Evidence text for code offset `code_offset` (in code units) of method `idx`:
    /// `Lcom/x/Y;->m()V @0x1a`.
    pub fn code_location(&self, idx: u32, code_offset: u32) -> DexResult<String> {
        Ok(format!(
            "{} @0x{code_offset:x}",
            self.method_signature(idx)?
        ))
    }

    /// Field `idx` in smali notation: `Lcom/x/Y;->name:Ljava/lang/String;`.
    pub fn field_signature(&self, idx: u32) -> DexResult<String> {
        let f = self.field_id(idx)?;
        Ok(format!(
            "{}->{}:{}",
            self.type_descriptor(u32::from(f.class_idx))?,
            self.string(f.name_idx)?,
            self.type_descriptor(u32::from(f.type_idx))?
        ))
    }

    /// The offset of call site `idx`'s `encoded_array_item`.
    pub fn call_site_offset(&self, idx: u32) -> DexResult<u32> {
        let (item, _) = self.call_site_ids.item(idx, 0)?;
        Ok(u32_at(item, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_foreign_buffers_are_refused() {
        assert!(matches!(
            DexFile::parse(b"dex\n035\0"),
            Err(DexError::Read { .. })
        ));
        assert!(matches!(
            DexFile::parse(b"PK\x03\x04"),
            Err(DexError::BadMagic { .. })
        ));
    }
}
