//! The Dalvik instruction set: opcode table, formats, payloads and the decoder.

mod decode;
mod format;
mod opcode;
mod payload;

pub use decode::{Args, Instruction, Instructions, Operands, RegList, decode_at};
pub use format::InsnFormat;
pub use opcode::{IndexKind, OpInfo, Opcode, flags};
pub use payload::{FillArrayData, PackedSwitch, SparseSwitch};
