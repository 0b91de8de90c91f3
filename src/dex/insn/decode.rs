//! Decoding one instruction, and the iterator over a method's bytecode. Every step
//! advances by the instruction's size (at least one code unit) or stops with an error, so
//! a walk can neither loop nor desynchronise.

use super::format::InsnFormat;
use super::opcode::Opcode;
use super::payload::{FillArrayData, PackedSwitch, SparseSwitch};
use crate::dex::error::{DexError, DexResult};

/// Up to five argument registers of a `35c`/`45cc` instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegList {
    regs: [u16; 5],
    len: u8,
}

impl RegList {
    /// The registers, in argument order.
    pub fn as_slice(&self) -> &[u16] {
        self.regs.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// Number of registers.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// True when there are no registers.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The argument registers of an invoke or `filled-new-array`: a list (`35c`) or a range
/// (`3rc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Args {
    /// Explicit registers.
    List(RegList),
    /// `count` consecutive registers starting at `first`.
    Range {
        /// First register.
        first: u16,
        /// Number of registers.
        count: u16,
    },
}

impl Args {
    /// Number of argument registers.
    pub fn len(&self) -> usize {
        match self {
            Args::List(l) => l.len(),
            Args::Range { count, .. } => usize::from(*count),
        }
    }

    /// True when there are no argument registers.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The registers in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let (list, range) = match self {
            Args::List(l) => (l.as_slice(), 0..0),
            Args::Range { first, count } => {
                let f = u32::from(*first);
                (&[][..], f..f + u32::from(*count))
            }
        };
        list.iter().map(|&r| u32::from(r)).chain(range)
    }
}

/// The operands of an instruction, by format. Register numbers are `u16` (the widest
/// register field); branch targets are relative, in code units, as encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operands<'a> {
    /// `10x`: no operands.
    None,
    /// `11x`: one register.
    A {
        /// vA.
        a: u16,
    },
    /// `12x`, `22x`, `32x`: two registers (destination first).
    AB {
        /// vA.
        a: u16,
        /// vB.
        b: u16,
    },
    /// `23x`: three registers.
    ABC {
        /// vA.
        a: u16,
        /// vB.
        b: u16,
        /// vC.
        c: u16,
    },
    /// `11n`, `21s`, `21h`, `31i`, `51l`: register and literal (already shifted for `21h`).
    Literal {
        /// vA.
        a: u16,
        /// The constant.
        value: i64,
    },
    /// `22b`, `22s`: two registers and a literal.
    LiteralAB {
        /// vA.
        a: u16,
        /// vB.
        b: u16,
        /// The constant.
        value: i32,
    },
    /// `10t`, `20t`, `30t`: unconditional branch.
    Goto {
        /// Relative target in code units.
        target: i32,
    },
    /// `21t` (if-testz) and `31t` (switches, fill-array-data: target is the payload).
    BranchA {
        /// vA.
        a: u16,
        /// Relative target in code units.
        target: i32,
    },
    /// `22t`: compare two registers and branch.
    BranchAB {
        /// vA.
        a: u16,
        /// vB.
        b: u16,
        /// Relative target in code units.
        target: i32,
    },
    /// `21c`, `31c`: register and index.
    Index {
        /// vA.
        a: u16,
        /// Index, see [`Opcode::index_kind`].
        index: u32,
    },
    /// `22c`, `22cs`: two registers and an index.
    IndexAB {
        /// vA.
        a: u16,
        /// vB.
        b: u16,
        /// Index, see [`Opcode::index_kind`].
        index: u32,
    },
    /// `35c`, `35ms`, `35mi`, `3rc`, `3rms`, `3rmi`: argument registers and an index.
    Invoke {
        /// Argument registers.
        args: Args,
        /// Index, see [`Opcode::index_kind`].
        index: u32,
    },
    /// `45cc`, `4rcc`: invoke-polymorphic.
    Polymorphic {
        /// Argument registers.
        args: Args,
        /// Method index.
        method: u32,
        /// Proto index.
        proto: u32,
    },
    /// `20bc`: throw-verification-error (odex only).
    VerificationError {
        /// Error kind.
        kind: u16,
        /// Index.
        index: u32,
    },
    /// A `packed-switch` payload.
    PackedSwitch(PackedSwitch<'a>),
    /// A `sparse-switch` payload.
    SparseSwitch(SparseSwitch<'a>),
    /// A `fill-array-data` payload.
    FillArrayData(FillArrayData<'a>),
}

/// One decoded instruction or payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instruction<'a> {
    /// Offset in code units from the start of the method's bytecode.
    pub offset: u32,
    /// The opcode byte (`NOP` for payloads).
    pub opcode: Opcode,
    /// Size in code units (payloads included).
    pub size: u32,
    /// The operands.
    pub operands: Operands<'a>,
}

impl<'a> Instruction<'a> {
    /// Mnemonic as dexdump prints it; payloads are named `packed-switch-data`,
    /// `sparse-switch-data`, `array-data`.
    pub fn mnemonic(&self) -> &'static str {
        match self.operands {
            Operands::PackedSwitch(_) => "packed-switch-data",
            Operands::SparseSwitch(_) => "sparse-switch-data",
            Operands::FillArrayData(_) => "array-data",
            _ => self.opcode.name(),
        }
    }

    /// True for a payload pseudo-instruction.
    pub fn is_payload(&self) -> bool {
        matches!(
            self.operands,
            Operands::PackedSwitch(_) | Operands::SparseSwitch(_) | Operands::FillArrayData(_)
        )
    }

    /// The index operand (string, type, field, method, ... see [`Opcode::index_kind`]).
    pub fn index(&self) -> Option<u32> {
        match self.operands {
            Operands::Index { index, .. }
            | Operands::IndexAB { index, .. }
            | Operands::Invoke { index, .. }
            | Operands::VerificationError { index, .. } => Some(index),
            Operands::Polymorphic { method, .. } => Some(method),
            _ => None,
        }
    }

    /// Absolute branch or payload target in code units, for branches, switches and
    /// `fill-array-data`.
    pub fn target(&self) -> Option<u32> {
        let rel = match self.operands {
            Operands::Goto { target }
            | Operands::BranchA { target, .. }
            | Operands::BranchAB { target, .. } => target,
            _ => return None,
        };
        u32::try_from(i64::from(self.offset) + i64::from(rel)).ok()
    }

    /// The argument registers of an invoke or `filled-new-array`.
    pub fn args(&self) -> Option<Args> {
        match self.operands {
            Operands::Invoke { args, .. } | Operands::Polymorphic { args, .. } => Some(args),
            _ => None,
        }
    }
}

#[inline]
fn unit(insns: &[u8], at: usize) -> Option<u16> {
    let i = at.checked_mul(2)?;
    match insns.get(i..i.checked_add(2)?) {
        Some(&[lo, hi]) => Some(u16::from_le_bytes([lo, hi])),
        _ => None,
    }
}

/// Decode the instruction at code unit `pos` of `insns` (a method's bytecode);
/// `base` is the absolute byte offset of `insns` in the file, for errors.
pub fn decode_at(insns: &[u8], pos: u32, base: usize) -> DexResult<Instruction<'_>> {
    let p = pos as usize;
    let truncated = |opcode: u8| DexError::TruncatedInstruction {
        offset: base.saturating_add(p.saturating_mul(2)),
        code_offset: pos,
        opcode,
    };
    let first = unit(insns, p).ok_or_else(|| truncated(0))?;
    let op = (first & 0xff) as u8;
    let hi = first >> 8;
    if op == 0 && (1..=3).contains(&hi) {
        return super::payload::decode(insns, pos, hi, base);
    }
    let opcode = Opcode(op);
    let format = opcode.format();
    let size = format.size();
    // One bounds check for the whole instruction; the unit reads below cannot fail.
    if (p + size as usize) * 2 > insns.len() {
        return Err(truncated(op));
    }
    let u = |i: usize| unit(insns, p + i).unwrap_or(0);
    let a4 = hi & 0xf;
    let b4 = hi >> 4;
    let u32_at = |i: usize| u32::from(u(i)) | (u32::from(u(i + 1)) << 16);
    let list = |count: u16, fedc: u16| {
        let len = count.min(5) as u8;
        RegList {
            regs: [
                fedc & 0xf,
                (fedc >> 4) & 0xf,
                (fedc >> 8) & 0xf,
                fedc >> 12,
                // G is the low nibble of the first unit's high byte.
                a4,
            ],
            len,
        }
    };
    use InsnFormat::*;
    let operands = match format {
        F10x => Operands::None,
        F12x => Operands::AB { a: a4, b: b4 },
        F11n => Operands::Literal {
            a: a4,
            value: i64::from(((hi as u8) as i8) >> 4),
        },
        F11x => Operands::A { a: hi },
        F10t => Operands::Goto {
            target: i32::from(hi as u8 as i8),
        },
        F20t => Operands::Goto {
            target: i32::from(u(1) as i16),
        },
        F20bc => Operands::VerificationError {
            kind: hi,
            index: u32::from(u(1)),
        },
        F22x => Operands::AB { a: hi, b: u(1) },
        F21t => Operands::BranchA {
            a: hi,
            target: i32::from(u(1) as i16),
        },
        F21s => Operands::Literal {
            a: hi,
            value: i64::from(u(1) as i16),
        },
        F21h => {
            let v = i64::from(u(1) as i16);
            // const/high16 fills the top of 32 bits, const-wide/high16 the top of 64.
            let value = if opcode == Opcode::CONST_WIDE_HIGH16 {
                v << 48
            } else {
                v << 16
            };
            Operands::Literal { a: hi, value }
        }
        F21c => Operands::Index {
            a: hi,
            index: u32::from(u(1)),
        },
        F23x => Operands::ABC {
            a: hi,
            b: u(1) & 0xff,
            c: u(1) >> 8,
        },
        F22b => Operands::LiteralAB {
            a: hi,
            b: u(1) & 0xff,
            value: i32::from((u(1) >> 8) as u8 as i8),
        },
        F22t => Operands::BranchAB {
            a: a4,
            b: b4,
            target: i32::from(u(1) as i16),
        },
        F22s => Operands::LiteralAB {
            a: a4,
            b: b4,
            value: i32::from(u(1) as i16),
        },
        F22c | F22cs => Operands::IndexAB {
            a: a4,
            b: b4,
            index: u32::from(u(1)),
        },
        F30t => Operands::Goto {
            target: u32_at(1) as i32,
        },
        F32x => Operands::AB { a: u(1), b: u(2) },
        F31i => Operands::Literal {
            a: hi,
            value: i64::from(u32_at(1) as i32),
        },
        F31t => Operands::BranchA {
            a: hi,
            target: u32_at(1) as i32,
        },
        F31c => Operands::Index {
            a: hi,
            index: u32_at(1),
        },
        F35c | F35ms | F35mi => Operands::Invoke {
            args: Args::List(list(b4, u(2))),
            index: u32::from(u(1)),
        },
        F3rc | F3rms | F3rmi => Operands::Invoke {
            args: Args::Range {
                first: u(2),
                count: hi,
            },
            index: u32::from(u(1)),
        },
        F45cc => Operands::Polymorphic {
            args: Args::List(list(b4, u(2))),
            method: u32::from(u(1)),
            proto: u32::from(u(3)),
        },
        F4rcc => Operands::Polymorphic {
            args: Args::Range {
                first: u(2),
                count: hi,
            },
            method: u32::from(u(1)),
            proto: u32::from(u(3)),
        },
        F51l => {
            let lo = u64::from(u32_at(1));
            let high = u64::from(u32_at(3));
            Operands::Literal {
                a: hi,
                value: ((high << 32) | lo) as i64,
            }
        }
    };
    Ok(Instruction {
        offset: pos,
        opcode,
        size,
        operands,
    })
}

/// Iterator over a method's bytecode, yielding every instruction and payload in order.
/// After an error it yields nothing more.
#[derive(Debug, Clone)]
pub struct Instructions<'a> {
    insns: &'a [u8],
    base: usize,
    pos: u32,
    done: bool,
}

impl<'a> Instructions<'a> {
    /// Walk `insns` (whole code units; a trailing odd byte is ignored); `base` is the
    /// absolute byte offset of `insns` in the file, for errors.
    pub fn new(insns: &'a [u8], base: usize) -> Self {
        Instructions {
            insns,
            base,
            pos: 0,
            done: false,
        }
    }
}

impl<'a> Iterator for Instructions<'a> {
    type Item = DexResult<Instruction<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || (self.pos as usize) * 2 + 1 >= self.insns.len() {
            return None;
        }
        match decode_at(self.insns, self.pos, self.base) {
            Ok(insn) => {
                // size >= 1 for every format and payload, so the walk always advances.
                self.pos = self.pos.saturating_add(insn.size.max(1));
                Some(Ok(insn))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
