//! Hostile input: seeded bit flips, truncations and huge counts in the header, map list,
//! class data and code items of real dex files. Every case must come back as `Ok` or
//! `Err`, never a panic, and every bytecode walk must end within the method's length.

mod common;
mod dex_support;

use sdkflow::dex::insn::Instructions;
use sdkflow::dex::{DexFile, MethodFacts};

/// Touch everything the parser offers on `bytes`; returns how many items were read.
fn walk(bytes: &[u8]) -> usize {
    let Ok(file) = DexFile::parse(bytes) else {
        return 0;
    };
    let mut seen = 0;
    for i in 0..file.string_count().min(5000) {
        seen += usize::from(file.string(i).is_ok());
    }
    for i in 0..file.method_count().min(5000) {
        seen += usize::from(file.method_signature(i).is_ok());
    }
    for i in 0..file.field_count().min(5000) {
        seen += usize::from(file.field_signature(i).is_ok());
    }
    let mut facts = MethodFacts::default();
    for class in file.class_defs() {
        let Ok(class) = class else { continue };
        let _ = file.type_descriptor(class.class_idx);
        let _ = file.interfaces(&class);
        let _ = file.static_values(&class);
        if let Some(s) = class.superclass_idx {
            let _ = file.type_descriptor(s);
        }
        let Ok(Some(data)) = file.class_data(&class) else {
            continue;
        };
        for m in data.methods() {
            seen += 1;
            let Ok(Some(code)) = file.code_item(m.code_off) else {
                continue;
            };
            let _ = code.tries();
            let _ = facts.collect_into(&code);
            // The walk advances at least one code unit per step.
            let steps = code.instructions().count();
            assert!(
                steps as u32 <= code.insns_size().max(1),
                "walk did not advance"
            );
        }
    }
    seen
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for name in ["formats.dex", "modern.dex", "all_opcodes.dex"] {
        let p = common::repo().join("tests/fixtures/smali").join(name);
        out.push((name.to_string(), std::fs::read(&p).expect("fixture")));
    }
    let jv = dex_support::jverification_dex();
    out.push(("jverification".into(), std::fs::read(jv).expect("read")));
    out
}

fn put_u32(buf: &mut [u8], at: usize, v: u32) {
    if let Some(slot) = buf.get_mut(at..at + 4) {
        slot.copy_from_slice(&v.to_le_bytes());
    }
}

fn u32_at(buf: &[u8], at: usize) -> u32 {
    buf.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .unwrap_or(0)
}

#[test]
fn unmodified_inputs_walk_completely() {
    for (name, bytes) in inputs() {
        assert!(walk(&bytes) > 10, "{name}: nothing read");
    }
}

#[test]
fn random_bit_flips_never_panic() {
    let mut rng = fastrand::Rng::with_seed(0x5eed_d3c5);
    let mut cases = 0;
    for (_, bytes) in inputs() {
        for _ in 0..150 {
            let mut m = bytes.clone();
            for _ in 0..rng.usize(1..16) {
                let i = rng.usize(..m.len());
                m[i] ^= 1 << rng.u8(0..8);
            }
            walk(&m);
            cases += 1;
        }
    }
    assert!(cases >= 600);
}

#[test]
fn truncations_never_panic() {
    let mut rng = fastrand::Rng::with_seed(7);
    for (_, bytes) in inputs() {
        for len in [0, 1, 8, 0x6f, 0x70, 0x71] {
            walk(&bytes[..len.min(bytes.len())]);
        }
        for _ in 0..60 {
            let len = rng.usize(..bytes.len());
            // Keep file_size consistent with the cut so the walk goes past the header.
            let mut m = bytes[..len].to_vec();
            put_u32(&mut m, 32, len as u32);
            walk(&m);
            walk(&bytes[..len]);
        }
    }
}

#[test]
fn huge_counts_and_offsets_never_panic() {
    let huge = [0xffff_ffff, 0x7fff_ffff, 0x0100_0000, 0xffff];
    for (_, bytes) in inputs() {
        // Header counts and offsets (string_ids .. data), and map_off.
        for field in (52..112).step_by(4) {
            for &v in &huge {
                let mut m = bytes.clone();
                put_u32(&mut m, field, v);
                walk(&m);
            }
        }
        // The map list's item count and each item's size and offset.
        let map_off = u32_at(&bytes, 52) as usize;
        let items = u32_at(&bytes, map_off) as usize;
        for &v in &huge {
            let mut m = bytes.clone();
            put_u32(&mut m, map_off, v);
            walk(&m);
            for i in 0..items {
                let mut m = bytes.clone();
                put_u32(&mut m, map_off + 4 + 12 * i + 4, v);
                walk(&m);
                let mut m = bytes.clone();
                put_u32(&mut m, map_off + 4 + 12 * i + 8, v);
                walk(&m);
            }
        }
        // class_data_item counts (ULEB128, 5 bytes of 0xff.. 0x0f = 0xffffffff) and
        // code_item insns/tries sizes of the first classes.
        let file = DexFile::parse(&bytes).expect("parse");
        for class in file.class_defs().take(20) {
            let class = class.expect("class");
            let off = class.class_data_off as usize;
            if off != 0 {
                for which in 0..4 {
                    let mut m = bytes.clone();
                    // Overwrite the first count with a maximal ULEB128 (shifting the rest).
                    let huge_leb = [0xff, 0xff, 0xff, 0xff, 0x0f];
                    if which == 0 {
                        m.splice(off..off + 1, huge_leb);
                    } else if let Some(b) = m.get_mut(off + which) {
                        *b = 0x7f;
                    }
                    walk(&m);
                }
            }
            if let Ok(Some(data)) = file.class_data(&class) {
                for meth in data.methods().take(3) {
                    let code = meth.code_off as usize;
                    if code == 0 {
                        continue;
                    }
                    for (at, v) in [
                        (12, 0xffff_ffff),
                        (12, 0x7fff_ffff),
                        (6, 0xffff),
                        (8, 0xffff_ffff),
                    ] {
                        let mut m = bytes.clone();
                        if at == 6 {
                            m[code + 6] = 0xff;
                            m[code + 7] = 0xff;
                        } else {
                            put_u32(&mut m, code + at, v);
                        }
                        walk(&m);
                    }
                }
            }
        }
    }
}

#[test]
fn random_bytecode_never_desynchronises_or_loops() {
    // Raw decoder over random code units: every step advances, the walk ends.
    let mut rng = fastrand::Rng::with_seed(42);
    for _ in 0..2000 {
        let len = rng.usize(0..64) * 2;
        let mut code: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
        // Plant payload identifiers now and then.
        if len >= 2 && rng.bool() {
            code[0] = 0;
            code[1] = rng.u8(1..4);
        }
        let mut last = None;
        let mut steps = 0;
        for insn in Instructions::new(&code, 0) {
            steps += 1;
            if let Ok(i) = insn {
                assert!(last.is_none_or(|l| i.offset > l), "offsets must increase");
                last = Some(i.offset);
            }
        }
        assert!(steps <= len / 2 + 1);
    }
}
