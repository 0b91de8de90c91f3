//! Probe calls: a source call whose result the method only asks a yes/no question of
//! (`pm.queryIntentActivities(intent, 0).size() > 0`: does this intent resolve?) reads no
//! data. A source lists the calls that only probe its value in `probe_uses`
//! (`sdk-signatures/sensitive-apis.toml`); [`only_probed`] decides one call site.
//!
//! The scan is linear from the call to the end of the method (a superset of the paths
//! that follow it, loops aside) and conservative: the value must be moved into a register
//! by `move-result-object` and then appear only as the receiver of a probe call or in a
//! null test until the register is written again. Any other mention of the register
//! (stored, returned, passed, compared with something else) makes the call a read.

use crate::dex::insn::{Instruction, Opcode, Operands};

/// Does instruction `insn` mention register `r` in any operand field?
fn mentions(insn: &Instruction<'_>, r: u32) -> bool {
    let is = |x: u16| u32::from(x) == r;
    match insn.operands {
        Operands::A { a }
        | Operands::Literal { a, .. }
        | Operands::BranchA { a, .. }
        | Operands::Index { a, .. } => is(a),
        Operands::AB { a, b }
        | Operands::LiteralAB { a, b, .. }
        | Operands::BranchAB { a, b, .. }
        | Operands::IndexAB { a, b, .. } => is(a) || is(b),
        Operands::ABC { a, b, c } => is(a) || is(b) || is(c),
        Operands::Invoke { args, .. } | Operands::Polymorphic { args, .. } => {
            args.iter().any(|x| x == r)
        }
        _ => false,
    }
}

/// Does `insn` write register `r` without reading it (a new value: the old one is dead)?
fn overwrites(insn: &Instruction<'_>, r: u32) -> bool {
    let op = insn.opcode.0;
    let dest_only = matches!(op, 0x0a..=0x0d | 0x12..=0x1c | 0x22);
    dest_only
        && match insn.operands {
            Operands::A { a } | Operands::Literal { a, .. } | Operands::Index { a, .. } => {
                u32::from(a) == r
            }
            _ => false,
        }
}

/// Is the result of the call at `insns[call]` used only as the receiver of calls that
/// `is_probe` accepts (by method index), or in null tests, and at least once so?
pub fn only_probed(
    insns: &[Instruction<'_>],
    call: usize,
    mut is_probe: impl FnMut(u32) -> bool,
) -> bool {
    let Some(next) = insns.get(call + 1) else {
        return false;
    };
    let r = match (next.opcode, next.operands) {
        (Opcode::MOVE_RESULT_OBJECT, Operands::A { a }) => u32::from(a),
        _ => return false,
    };
    let mut probed = false;
    for insn in insns.iter().skip(call + 2) {
        if overwrites(insn, r) {
            break;
        }
        if !mentions(insn, r) {
            continue;
        }
        match insn.operands {
            Operands::Invoke { args, index } if insn.opcode.is_invoke() => {
                let receiver_only =
                    args.iter().next() == Some(r) && args.iter().skip(1).all(|x| x != r);
                if !(receiver_only && is_probe(index)) {
                    return false;
                }
                probed = true;
            }
            Operands::BranchA { .. } if matches!(insn.opcode, Opcode::IF_EQZ | Opcode::IF_NEZ) => {}
            _ => return false,
        }
    }
    probed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dex::insn::Args;

    fn insn(opcode: Opcode, operands: Operands<'static>) -> Instruction<'static> {
        Instruction {
            offset: 0,
            opcode,
            size: 1,
            operands,
        }
    }

    /// A call on registers `first..first + count`.
    fn call(first: u16, count: u16, index: u32) -> Instruction<'static> {
        insn(
            Opcode::INVOKE_INTERFACE_RANGE,
            Operands::Invoke {
                args: Args::Range { first, count },
                index,
            },
        )
    }

    const QUERY: u32 = 1;
    const SIZE: u32 = 2;
    const GET: u32 = 3;

    fn probe(i: u32) -> bool {
        i == SIZE
    }

    #[test]
    fn a_size_test_is_a_probe() {
        let code = [
            call(4, 3, QUERY),
            insn(Opcode::MOVE_RESULT_OBJECT, Operands::A { a: 1 }),
            insn(Opcode::IF_EQZ, Operands::BranchA { a: 1, target: 4 }),
            call(1, 1, SIZE),
            insn(Opcode::MOVE_RESULT, Operands::A { a: 1 }),
            insn(Opcode::RETURN, Operands::A { a: 1 }),
        ];
        assert!(only_probed(&code, 0, probe));
    }

    #[test]
    fn reading_an_element_is_a_read() {
        let code = [
            call(4, 3, QUERY),
            insn(Opcode::MOVE_RESULT_OBJECT, Operands::A { a: 0 }),
            call(0, 1, SIZE),
            insn(Opcode::MOVE_RESULT, Operands::A { a: 2 }),
            call(0, 2, GET),
        ];
        assert!(!only_probed(&code, 0, probe));
    }

    #[test]
    fn a_returned_or_unused_result_is_a_read() {
        let returned = [
            call(4, 3, QUERY),
            insn(Opcode::MOVE_RESULT_OBJECT, Operands::A { a: 0 }),
            insn(Opcode::RETURN_OBJECT, Operands::A { a: 0 }),
        ];
        assert!(!only_probed(&returned, 0, probe));
        let unused = [call(4, 3, QUERY), insn(Opcode::RETURN_VOID, Operands::None)];
        assert!(!only_probed(&unused, 0, probe));
    }
}
