//! `class_data_item`: the fields and methods a class defines, as ULEB128 lists whose
//! indices are stored as differences from the previous entry.

use super::error::{DexError, DexResult};
use crate::reader::Reader;

/// An `encoded_field`, with the index difference already resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodedField {
    /// Index into the `field_ids`.
    pub field_idx: u32,
    /// Access flags.
    pub access_flags: u32,
}

/// An `encoded_method`, with the index difference already resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodedMethod {
    /// Index into the `method_ids`.
    pub method_idx: u32,
    /// Access flags.
    pub access_flags: u32,
    /// Offset of the `code_item`, 0 for abstract and native methods.
    pub code_off: u32,
}

/// A decoded `class_data_item`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassData {
    /// Static fields, in file order.
    pub static_fields: Vec<EncodedField>,
    /// Instance fields, in file order.
    pub instance_fields: Vec<EncodedField>,
    /// Direct methods (static, private, constructors), in file order.
    pub direct_methods: Vec<EncodedMethod>,
    /// Virtual methods, in file order.
    pub virtual_methods: Vec<EncodedMethod>,
}

impl ClassData {
    /// Direct then virtual methods, as dexdump lists them.
    pub fn methods(&self) -> impl Iterator<Item = &EncodedMethod> {
        self.direct_methods.iter().chain(&self.virtual_methods)
    }

    /// Static then instance fields.
    pub fn fields(&self) -> impl Iterator<Item = &EncodedField> {
        self.static_fields.iter().chain(&self.instance_fields)
    }
}

const STRUCTURE: &str = "class_data_item";

/// Parse the `class_data_item` at `offset` of `data` (the whole dex file).
pub fn parse(data: &[u8], offset: u32) -> DexResult<ClassData> {
    let start = offset as usize;
    let mut r = Reader::at(data, start);
    let static_size = r.uleb128()?;
    let instance_size = r.uleb128()?;
    let direct_size = r.uleb128()?;
    let virtual_size = r.uleb128()?;
    // Every encoded_field takes at least 2 bytes and every encoded_method 3: refuse counts
    // the rest of the file cannot hold before reserving memory for them.
    let least = 2 * (u64::from(static_size) + u64::from(instance_size))
        + 3 * (u64::from(direct_size) + u64::from(virtual_size));
    if least > r.remaining() as u64 {
        return Err(DexError::Malformed {
            offset: start,
            structure: STRUCTURE,
            reason: "member counts larger than the file",
        });
    }
    Ok(ClassData {
        static_fields: fields(&mut r, static_size)?,
        instance_fields: fields(&mut r, instance_size)?,
        direct_methods: methods(&mut r, direct_size)?,
        virtual_methods: methods(&mut r, virtual_size)?,
    })
}

fn next_index(prev: Option<u32>, diff: u32, at: usize) -> DexResult<u32> {
    match prev {
        None => Ok(diff),
        Some(p) => p.checked_add(diff).ok_or(DexError::Malformed {
            offset: at,
            structure: STRUCTURE,
            reason: "member index overflows",
        }),
    }
}

fn fields(r: &mut Reader<'_>, count: u32) -> DexResult<Vec<EncodedField>> {
    let mut out = Vec::with_capacity(count as usize);
    let mut prev = None;
    for _ in 0..count {
        let at = r.pos();
        let field_idx = next_index(prev, r.uleb128()?, at)?;
        prev = Some(field_idx);
        out.push(EncodedField {
            field_idx,
            access_flags: r.uleb128()?,
        });
    }
    Ok(out)
}

fn methods(r: &mut Reader<'_>, count: u32) -> DexResult<Vec<EncodedMethod>> {
    let mut out = Vec::with_capacity(count as usize);
    let mut prev = None;
    for _ in 0..count {
        let at = r.pos();
        let method_idx = next_index(prev, r.uleb128()?, at)?;
        prev = Some(method_idx);
        out.push(EncodedMethod {
            method_idx,
            access_flags: r.uleb128()?,
            code_off: r.uleb128()?,
        });
    }
    Ok(out)
}
