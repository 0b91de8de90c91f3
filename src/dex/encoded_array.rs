//! `encoded_value` and `encoded_array_item`: the static field initial values of a class
//! (where `BuildConfig.VERSION_NAME`-style constants live), also used by annotations and
//! call sites.

use super::error::{DexError, DexResult};
use crate::reader::Reader;

/// Deepest nesting of arrays and annotations accepted; real files nest one or two levels,
/// and the limit keeps hostile input from exhausting the stack.
const MAX_DEPTH: u32 = 16;

/// One decoded `encoded_value`. Index variants hold the index into the matching id table.
#[derive(Debug, Clone, PartialEq)]
pub enum EncodedValue {
    /// `VALUE_BYTE`.
    Byte(i8),
    /// `VALUE_SHORT`.
    Short(i16),
    /// `VALUE_CHAR`.
    Char(u16),
    /// `VALUE_INT`.
    Int(i32),
    /// `VALUE_LONG`.
    Long(i64),
    /// `VALUE_FLOAT`.
    Float(f32),
    /// `VALUE_DOUBLE`.
    Double(f64),
    /// `VALUE_METHOD_TYPE`: proto index.
    MethodType(u32),
    /// `VALUE_METHOD_HANDLE`: method handle index.
    MethodHandle(u32),
    /// `VALUE_STRING`: string index.
    String(u32),
    /// `VALUE_TYPE`: type index.
    Type(u32),
    /// `VALUE_FIELD`: field index.
    Field(u32),
    /// `VALUE_METHOD`: method index.
    Method(u32),
    /// `VALUE_ENUM`: field index of the enum constant.
    Enum(u32),
    /// `VALUE_ARRAY`.
    Array(Vec<EncodedValue>),
    /// `VALUE_ANNOTATION`: type index and (name string index, value) pairs.
    Annotation {
        /// Annotation type index.
        type_idx: u32,
        /// Elements as (name string index, value).
        elements: Vec<(u32, EncodedValue)>,
    },
    /// `VALUE_NULL`.
    Null,
    /// `VALUE_BOOLEAN`.
    Boolean(bool),
}

const STRUCTURE: &str = "encoded_value";

fn malformed(offset: usize, reason: &'static str) -> DexError {
    DexError::Malformed {
        offset,
        structure: STRUCTURE,
        reason,
    }
}

/// Parse the `encoded_array_item` at `offset` of `data`.
pub fn parse_array_item(data: &[u8], offset: u32) -> DexResult<Vec<EncodedValue>> {
    let mut r = Reader::at(data, offset as usize);
    parse_array(&mut r, 0)
}

fn parse_array(r: &mut Reader<'_>, depth: u32) -> DexResult<Vec<EncodedValue>> {
    let at = r.pos();
    let size = r.uleb128()?;
    // Every encoded_value is at least one byte.
    if size as usize > r.remaining() {
        return Err(malformed(at, "array size larger than the file"));
    }
    let mut out = Vec::with_capacity(size as usize);
    for _ in 0..size {
        out.push(parse_value(r, depth)?);
    }
    Ok(out)
}

/// Parse one `encoded_value` at the reader's position.
pub fn parse_value(r: &mut Reader<'_>, depth: u32) -> DexResult<EncodedValue> {
    let at = r.pos();
    if depth > MAX_DEPTH {
        return Err(malformed(at, "values nested too deeply"));
    }
    let head = r.u8()?;
    let value_type = head & 0x1f;
    let arg = usize::from(head >> 5);
    let size = arg + 1;
    let fixed = |r: &mut Reader<'_>, max: usize| -> DexResult<u64> {
        if size > max {
            return Err(malformed(at, "value size too large for its type"));
        }
        let bytes = r.bytes(size)?;
        Ok(bytes
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    };
    let signed = |v: u64, bytes: usize| -> i64 {
        let shift = 64 - 8 * bytes as u32;
        ((v << shift) as i64) >> shift
    };
    Ok(match value_type {
        0x00 => EncodedValue::Byte(signed(fixed(r, 1)?, size) as i8),
        0x02 => EncodedValue::Short(signed(fixed(r, 2)?, size) as i16),
        0x03 => EncodedValue::Char(fixed(r, 2)? as u16),
        0x04 => EncodedValue::Int(signed(fixed(r, 4)?, size) as i32),
        0x06 => EncodedValue::Long(signed(fixed(r, 8)?, size)),
        // Floating-point values are zero-extended to the right.
        0x10 => EncodedValue::Float(f32::from_bits((fixed(r, 4)? << (8 * (4 - size))) as u32)),
        0x11 => EncodedValue::Double(f64::from_bits(fixed(r, 8)? << (8 * (8 - size)))),
        0x15 => EncodedValue::MethodType(fixed(r, 4)? as u32),
        0x16 => EncodedValue::MethodHandle(fixed(r, 4)? as u32),
        0x17 => EncodedValue::String(fixed(r, 4)? as u32),
        0x18 => EncodedValue::Type(fixed(r, 4)? as u32),
        0x19 => EncodedValue::Field(fixed(r, 4)? as u32),
        0x1a => EncodedValue::Method(fixed(r, 4)? as u32),
        0x1b => EncodedValue::Enum(fixed(r, 4)? as u32),
        0x1c => EncodedValue::Array(parse_array(r, depth + 1)?),
        0x1d => {
            let type_idx = r.uleb128()?;
            let count_at = r.pos();
            let count = r.uleb128()?;
            // Each element is a name index and a value: at least two bytes.
            if count as usize > r.remaining() / 2 {
                return Err(malformed(count_at, "annotation size larger than the file"));
            }
            let mut elements = Vec::with_capacity(count as usize);
            for _ in 0..count {
                let name = r.uleb128()?;
                elements.push((name, parse_value(r, depth + 1)?));
            }
            EncodedValue::Annotation { type_idx, elements }
        }
        0x1e => EncodedValue::Null,
        0x1f => EncodedValue::Boolean(arg != 0),
        _ => return Err(malformed(at, "unknown value type")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_zero_extension_follow_the_spec() {
        // int, 1 byte, 0xff -> -1
        let v = parse_value(&mut Reader::new(&[0x04, 0xff]), 0).unwrap();
        assert_eq!(v, EncodedValue::Int(-1));
        // char, 1 byte, 0xff -> 255
        let v = parse_value(&mut Reader::new(&[0x03, 0xff]), 0).unwrap();
        assert_eq!(v, EncodedValue::Char(255));
        // float 1.0 = 0x3f800000, stored right-zero-extended as one byte 0x3f? no: two bytes 80 3f.
        let v = parse_value(&mut Reader::new(&[0x30, 0x80, 0x3f]), 0).unwrap();
        assert_eq!(v, EncodedValue::Float(1.0));
        // boolean true via value_arg
        let v = parse_value(&mut Reader::new(&[0x3f]), 0).unwrap();
        assert_eq!(v, EncodedValue::Boolean(true));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let mut bytes = vec![];
        for _ in 0..100 {
            bytes.extend_from_slice(&[0x1c, 0x01]);
        }
        bytes.push(0x1e);
        assert!(parse_value(&mut Reader::new(&bytes), 0).is_err());
    }
}
