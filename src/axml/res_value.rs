//! `Res_value`: a typed value of an attribute or resource, and its rendering as text the way
//! Android's `TypedValue.coerceToString` does (the form a source manifest would use).

use serde::Serialize;

use super::ResError;
use crate::reader::Reader;

/// `Res_value::dataType` numbers.
pub mod data_type {
    /// `TYPE_NULL`: no value (data 0) or explicitly empty (data 1).
    pub const NULL: u8 = 0x00;
    /// `TYPE_REFERENCE`: a resource id.
    pub const REFERENCE: u8 = 0x01;
    /// `TYPE_ATTRIBUTE`: a theme attribute id.
    pub const ATTRIBUTE: u8 = 0x02;
    /// `TYPE_STRING`: an index into the string pool.
    pub const STRING: u8 = 0x03;
    /// `TYPE_FLOAT`: IEEE 754 bits.
    pub const FLOAT: u8 = 0x04;
    /// `TYPE_DIMENSION`: a complex number with a unit.
    pub const DIMENSION: u8 = 0x05;
    /// `TYPE_FRACTION`: a complex number, `%` or `%p`.
    pub const FRACTION: u8 = 0x06;
    /// `TYPE_DYNAMIC_REFERENCE`: a reference into a shared library.
    pub const DYNAMIC_REFERENCE: u8 = 0x07;
    /// `TYPE_DYNAMIC_ATTRIBUTE`: an attribute of a shared library.
    pub const DYNAMIC_ATTRIBUTE: u8 = 0x08;
    /// `TYPE_INT_DEC`.
    pub const INT_DEC: u8 = 0x10;
    /// `TYPE_INT_HEX`.
    pub const INT_HEX: u8 = 0x11;
    /// `TYPE_INT_BOOLEAN`: 0 false, anything else true.
    pub const INT_BOOLEAN: u8 = 0x12;
    /// `TYPE_INT_COLOR_ARGB8`: `#aarrggbb`.
    pub const INT_COLOR_ARGB8: u8 = 0x1c;
    /// `TYPE_INT_COLOR_RGB8`: `#rrggbb`.
    pub const INT_COLOR_RGB8: u8 = 0x1d;
    /// `TYPE_INT_COLOR_ARGB4`: `#argb`.
    pub const INT_COLOR_ARGB4: u8 = 0x1e;
    /// `TYPE_INT_COLOR_RGB4`: `#rgb`.
    pub const INT_COLOR_RGB4: u8 = 0x1f;
    /// `TYPE_FIRST_INT`.
    pub const FIRST_INT: u8 = 0x10;
    /// `TYPE_LAST_INT`.
    pub const LAST_INT: u8 = 0x1f;
}

/// A `Res_value` as stored: 8 bytes, `size`, `res0`, `dataType`, `data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResValue {
    /// `dataType`.
    pub data_type: u8,
    /// `data`.
    pub data: u32,
}

const DIMENSION_UNITS: [&str; 6] = ["px", "dip", "sp", "pt", "in", "mm"];
const FRACTION_UNITS: [&str; 2] = ["%", "%p"];

impl ResValue {
    /// Size of the on-disk structure.
    pub const SIZE: usize = 8;

    /// Read a `Res_value`. The `size` field is not trusted (Android copies 8 bytes whatever
    /// it says), and `res0` is ignored.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ResError> {
        let _size = r.u16()?;
        let _res0 = r.u8()?;
        let data_type = r.u8()?;
        let data = r.u32()?;
        Ok(ResValue { data_type, data })
    }

    /// A value of `data_type` with `data`.
    pub fn new(data_type: u8, data: u32) -> Self {
        ResValue { data_type, data }
    }

    /// True for a (static or dynamic) resource reference.
    pub fn is_reference(&self) -> bool {
        matches!(
            self.data_type,
            data_type::REFERENCE | data_type::DYNAMIC_REFERENCE
        )
    }

    /// True for the integer family (`TYPE_FIRST_INT..=TYPE_LAST_INT`): decimal, hex,
    /// boolean and colors.
    pub fn is_int(&self) -> bool {
        (data_type::FIRST_INT..=data_type::LAST_INT).contains(&self.data_type)
    }

    /// The value as text the way `TypedValue.coerceToString` renders it, except that
    /// references are written `@0x7f040001` (the form aapt prints and a source file can
    /// carry) and colors keep their stored width. `None` for `TYPE_NULL` and for
    /// `TYPE_STRING`, whose text lives in a string pool.
    pub fn coerce_to_string(&self) -> Option<String> {
        let d = self.data;
        Some(match self.data_type {
            data_type::NULL | data_type::STRING => return None,
            data_type::REFERENCE | data_type::DYNAMIC_REFERENCE => format!("@0x{d:08x}"),
            data_type::ATTRIBUTE | data_type::DYNAMIC_ATTRIBUTE => format!("?0x{d:08x}"),
            data_type::FLOAT => format_float(f32::from_bits(d)),
            data_type::DIMENSION => {
                let unit = DIMENSION_UNITS.get((d & 0xf) as usize).unwrap_or(&"");
                format!("{}{unit}", format_float(complex_to_float(d)))
            }
            data_type::FRACTION => {
                let unit = FRACTION_UNITS.get((d & 0xf) as usize).unwrap_or(&"");
                format!("{}{unit}", format_float(complex_to_float(d) * 100.0))
            }
            data_type::INT_HEX => format!("0x{d:x}"),
            data_type::INT_BOOLEAN => (if d != 0 { "true" } else { "false" }).to_string(),
            data_type::INT_COLOR_ARGB8 => format!("#{d:08x}"),
            data_type::INT_COLOR_RGB8 => format!("#{:06x}", d & 0xff_ffff),
            // 4-bit colors are stored expanded (`#f0a` as 0xffff00aa): keep the high nibble
            // of each channel.
            data_type::INT_COLOR_ARGB4 => format!(
                "#{:x}{:x}{:x}{:x}",
                d >> 28,
                (d >> 20) & 0xf,
                (d >> 12) & 0xf,
                (d >> 4) & 0xf
            ),
            data_type::INT_COLOR_RGB4 => {
                format!(
                    "#{:x}{:x}{:x}",
                    (d >> 20) & 0xf,
                    (d >> 12) & 0xf,
                    (d >> 4) & 0xf
                )
            }
            data_type::INT_DEC => (d as i32).to_string(),
            // Unknown types: the raw form aapt's xmltree uses.
            other => format!("(type 0x{other:x})0x{d:x}"),
        })
    }
}

/// `TypedValue.complexToFloat`: a 24-bit signed mantissa scaled by one of four radixes.
pub fn complex_to_float(complex: u32) -> f32 {
    const MANTISSA_MULT: f32 = 1.0 / 256.0;
    const RADIX_MULTS: [f32; 4] = [
        MANTISSA_MULT,
        MANTISSA_MULT / 128.0,
        MANTISSA_MULT / 32768.0,
        MANTISSA_MULT / 8_388_608.0,
    ];
    let mantissa = (complex & 0xffff_ff00) as i32 as f32;
    mantissa * RADIX_MULTS[((complex >> 4) & 3) as usize]
}

/// Floats as Java's `Float.toString` writes the common cases: always with a fraction
/// (`16.0`, `0.5`).
fn format_float(f: f32) -> String {
    format!("{f:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_type_like_typed_value() {
        let cases: &[(u8, u32, &str)] = &[
            (data_type::REFERENCE, 0x7f08_0000, "@0x7f080000"),
            (data_type::ATTRIBUTE, 0x0101_0000, "?0x01010000"),
            (data_type::FLOAT, 1.5f32.to_bits(), "1.5"),
            // 16dp: mantissa 16 << 8, radix 0 (23p0), unit 1 (dip).
            (data_type::DIMENSION, (16 << 8) | 1, "16.0dip"),
            // 50%: 0.5 with radix 1 (16p7) is mantissa 0x40 << 8.
            (data_type::FRACTION, (0x40 << 8) | (1 << 4), "50.0%"),
            (data_type::DYNAMIC_REFERENCE, 0x0200_0001, "@0x02000001"),
            (data_type::INT_DEC, (-3i32) as u32, "-3"),
            (data_type::INT_HEX, 0x30, "0x30"),
            (data_type::INT_BOOLEAN, 0xffff_ffff, "true"),
            (data_type::INT_BOOLEAN, 0, "false"),
            (data_type::INT_COLOR_ARGB8, 0x80ff_0000, "#80ff0000"),
            (data_type::INT_COLOR_RGB8, 0xff00_ff00, "#00ff00"),
            (data_type::INT_COLOR_ARGB4, 0x88ff_00aa, "#8f0a"),
            (data_type::INT_COLOR_RGB4, 0xffff_00aa, "#f0a"),
        ];
        for (t, d, want) in cases {
            assert_eq!(
                ResValue::new(*t, *d).coerce_to_string().as_deref(),
                Some(*want),
                "type 0x{t:x}"
            );
        }
        assert_eq!(ResValue::new(data_type::NULL, 0).coerce_to_string(), None);
    }
}
