//! The three payload pseudo-instructions (`packed-switch`, `sparse-switch`,
//! `fill-array-data` data), which live inline in the bytecode after a `nop` opcode byte
//! and must be skipped by their declared size.

use super::decode::{Instruction, Operands};
use super::opcode::Opcode;
use crate::dex::error::{DexError, DexResult};

/// A `packed-switch-payload`: consecutive keys from `first_key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedSwitch<'a> {
    /// The first key.
    pub first_key: i32,
    targets: &'a [u8],
}

impl PackedSwitch<'_> {
    /// Number of cases.
    pub fn len(&self) -> usize {
        self.targets.len() / 4
    }

    /// True when there are no cases.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// (key, relative target) pairs; targets are relative to the switch instruction.
    pub fn cases(&self) -> impl Iterator<Item = (i32, i32)> + '_ {
        self.targets
            .chunks_exact(4)
            .zip(0i32..)
            .map(|(t, i)| (self.first_key.wrapping_add(i), le_i32(t)))
    }
}

/// A `sparse-switch-payload`: sorted keys and their targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SparseSwitch<'a> {
    keys: &'a [u8],
    targets: &'a [u8],
}

impl SparseSwitch<'_> {
    /// Number of cases.
    pub fn len(&self) -> usize {
        self.keys.len() / 4
    }

    /// True when there are no cases.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// (key, relative target) pairs; targets are relative to the switch instruction.
    pub fn cases(&self) -> impl Iterator<Item = (i32, i32)> + '_ {
        self.keys
            .chunks_exact(4)
            .zip(self.targets.chunks_exact(4))
            .map(|(k, t)| (le_i32(k), le_i32(t)))
    }
}

/// A `fill-array-data-payload`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FillArrayData<'a> {
    /// Bytes per element.
    pub element_width: u16,
    /// Number of elements.
    pub size: u32,
    /// The element bytes (`element_width * size`), little-endian.
    pub data: &'a [u8],
}

fn le_i32(b: &[u8]) -> i32 {
    match b {
        &[a, b, c, d] => i32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// Decode the payload at code unit `pos` whose identifier high byte is `kind` (1, 2, 3).
pub(super) fn decode(insns: &[u8], pos: u32, kind: u16, base: usize) -> DexResult<Instruction<'_>> {
    let start = (pos as usize).saturating_mul(2);
    let truncated = || DexError::TruncatedInstruction {
        offset: base.saturating_add(start),
        code_offset: pos,
        opcode: 0,
    };
    let body = insns.get(start..).ok_or_else(truncated)?;
    let u16_at = |i: usize| -> Option<u16> {
        match body.get(i..i + 2) {
            Some(&[a, b]) => Some(u16::from_le_bytes([a, b])),
            _ => None,
        }
    };
    let slice = |from: usize, len: u64| -> Option<&[u8]> {
        let len = usize::try_from(len).ok()?;
        body.get(from..from.checked_add(len)?)
    };
    // Sizes in code units are computed in u64: a hostile size cannot overflow them.
    let (operands, units): (Operands<'_>, u64) = match kind {
        1 => {
            let n = u64::from(u16_at(2).ok_or_else(truncated)?);
            let first_key = le_i32(slice(4, 4).ok_or_else(truncated)?);
            let targets = slice(8, n * 4).ok_or_else(truncated)?;
            (
                Operands::PackedSwitch(PackedSwitch { first_key, targets }),
                4 + n * 2,
            )
        }
        2 => {
            let n = u64::from(u16_at(2).ok_or_else(truncated)?);
            let keys = slice(4, n * 4).ok_or_else(truncated)?;
            let targets = slice(4 + (n as usize) * 4, n * 4).ok_or_else(truncated)?;
            (
                Operands::SparseSwitch(SparseSwitch { keys, targets }),
                2 + n * 4,
            )
        }
        _ => {
            let element_width = u16_at(2).ok_or_else(truncated)?;
            let size = u32::from(u16_at(4).ok_or_else(truncated)?)
                | (u32::from(u16_at(6).ok_or_else(truncated)?) << 16);
            let bytes = u64::from(element_width) * u64::from(size);
            let data = slice(8, bytes).ok_or_else(truncated)?;
            (
                Operands::FillArrayData(FillArrayData {
                    element_width,
                    size,
                    data,
                }),
                4 + bytes.div_ceil(2),
            )
        }
    };
    let size = u32::try_from(units).map_err(|_| truncated())?;
    Ok(Instruction {
        offset: pos,
        opcode: Opcode::NOP,
        size,
        operands,
    })
}
