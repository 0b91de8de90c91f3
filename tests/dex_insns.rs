//! The instruction decoder against `dexdump -d`, instruction by instruction: offset,
//! mnemonic, registers, indices, literal bits and branch targets, on smali fixtures
//! covering every format and payload (`tests/fixtures/smali/`), a patched dex with one
//! method per opcode byte, the jverification classes.dex and one registry APK.

mod common;
mod dex_support;

use std::collections::BTreeMap;
use std::path::Path;

use dex_support::Norm;
use sdkflow::dex::insn::{InsnFormat, Instruction, Opcode, Operands};
use sdkflow::dex::{DexFile, MethodFacts};

fn fixture(name: &str) -> std::path::PathBuf {
    let p = common::repo().join("tests/fixtures/smali").join(name);
    assert!(
        p.exists(),
        "missing fixture {}: run tests/fixtures/smali/build.sh",
        p.display()
    );
    p
}

/// Our view of an instruction, in the oracle's terms.
fn norm(insn: &Instruction<'_>) -> Norm {
    let mut n = Norm {
        offset: insn.offset,
        mnemonic: insn.mnemonic().to_string(),
        target: insn.target(),
        ..Norm::default()
    };
    if insn.is_payload() || insn.opcode == Opcode::NOP {
        n.target = None;
        return n;
    }
    let r = |x: u16| u32::from(x);
    n.regs = match insn.operands {
        Operands::None | Operands::Goto { .. } | Operands::VerificationError { .. } => vec![],
        Operands::A { a } | Operands::Literal { a, .. } | Operands::BranchA { a, .. } => vec![r(a)],
        Operands::Index { a, .. } => vec![r(a)],
        Operands::AB { a, b }
        | Operands::LiteralAB { a, b, .. }
        | Operands::BranchAB { a, b, .. }
        | Operands::IndexAB { a, b, .. } => vec![r(a), r(b)],
        Operands::ABC { a, b, c } => vec![r(a), r(b), r(c)],
        Operands::Invoke { args, .. } | Operands::Polymorphic { args, .. } => args.iter().collect(),
        _ => vec![],
    };
    n.indices = match insn.operands {
        Operands::Polymorphic { method, proto, .. } => vec![method, proto],
        _ => insn.index().into_iter().collect(),
    };
    // dexdump's `// #hex` comment shows the literal field's raw bits.
    n.literal = match (insn.opcode.format(), insn.operands) {
        (InsnFormat::F11n, Operands::Literal { value, .. }) => Some(value as u64 & 0xff),
        (InsnFormat::F21s, Operands::Literal { value, .. }) => Some(value as u64 & 0xffff),
        (InsnFormat::F21h, Operands::Literal { value, .. }) => {
            let shift = if insn.opcode == Opcode::CONST_WIDE_HIGH16 {
                48
            } else {
                16
            };
            Some((value >> shift) as u64 & 0xffff)
        }
        (InsnFormat::F31i, Operands::Literal { value, .. }) => Some(value as u64 & 0xffff_ffff),
        (InsnFormat::F51l, Operands::Literal { value, .. }) => Some(value as u64),
        (InsnFormat::F22b, Operands::LiteralAB { value, .. }) => Some(value as u64 & 0xff),
        (InsnFormat::F22s, Operands::LiteralAB { value, .. }) => Some(value as u64 & 0xffff),
        _ => None,
    };
    n
}

/// Decode every code item of `dex` and compare with dexdump; returns instructions compared.
fn compare_dex(file: &DexFile<'_>, oracle: &BTreeMap<u32, Vec<String>>, what: &str) -> usize {
    let mut ours: BTreeMap<u32, Vec<Norm>> = BTreeMap::new();
    for class in file.class_defs() {
        let class = class.expect("class_def");
        let Some(data) = file.class_data(&class).expect("class_data") else {
            continue;
        };
        for m in data.methods() {
            let Some(code) = file.code_item(m.code_off).expect("code_item") else {
                continue;
            };
            let insns: Vec<Norm> = code
                .instructions()
                .map(|i| norm(&i.expect("decode")))
                .collect();
            ours.insert(code.offset as u32, insns);
        }
    }
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        oracle.keys().collect::<Vec<_>>(),
        "{what}: code items"
    );
    let mut compared = 0;
    for (off, lines) in oracle {
        let theirs: Vec<Norm> = lines.iter().map(|l| dex_support::normalize(l)).collect();
        let mine = &ours[off];
        assert_eq!(
            mine.len(),
            theirs.len(),
            "{what}: code item @0x{off:x}: instruction count"
        );
        for (a, b) in mine.iter().zip(&theirs) {
            assert_eq!(a, b, "{what}: code item @0x{off:x}");
        }
        compared += theirs.len();
    }
    compared
}

fn compare_file(path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("read");
    let file = DexFile::parse(&bytes).expect("parse");
    let oracle = dex_support::dexdump(path, true);
    assert_eq!(oracle.len(), 1);
    compare_dex(&file, &oracle[0].insns, &path.display().to_string())
}

#[test]
fn every_format_and_payload_matches_dexdump() {
    let n = compare_file(&fixture("formats.dex"));
    assert!(n > 100, "only {n} instructions compared");
}

#[test]
fn polymorphic_custom_and_method_handles_match_dexdump() {
    let n = compare_file(&fixture("modern.dex"));
    assert!(n >= 12, "only {n} instructions compared");
}

#[test]
fn every_opcode_byte_has_dexdumps_name_size_and_operands() {
    // 256 methods, one per opcode byte: a wrong size desynchronises the rest of that method.
    let n = compare_file(&fixture("all_opcodes.dex"));
    assert!(n >= 256 * 2, "only {n} instructions compared");
}

#[test]
fn jverification_dex_matches_dexdump_instruction_by_instruction() {
    let n = compare_file(&dex_support::jverification_dex());
    assert!(n > 1000, "only {n} instructions compared");
}

#[test]
fn a_registry_apk_matches_dexdump_instruction_by_instruction() {
    let apk = common::corpus(
        "apk/pypi__uiautomator2cache==0.3.1__uiautomator2cache_cache_app-uiautomator.apk-d3f17174fb_app-uiautomator.apk",
    );
    let app = sdkflow::apk::load(&apk, &sdkflow::Limits::default()).expect("load");
    let oracle = dex_support::dexdump(&apk, true);
    assert_eq!(oracle.len(), app.dex.len());
    let mut total = 0;
    for (blob, want) in app.dex.iter().zip(&oracle) {
        let file = DexFile::parse(&blob.bytes).expect("parse");
        total += compare_dex(&file, &want.insns, &blob.name);
    }
    assert!(total > 100_000, "only {total} instructions compared");
}

#[test]
fn const_strings_and_invoke_targets_resolve_like_dexdump() {
    // Spot check the resolved text: dexdump prints the string value and the method as
    // `Lcls;.name:(proto)ret`; we resolve the same indices through DexFile.
    let path = dex_support::jverification_dex();
    let bytes = std::fs::read(&path).expect("read");
    let file = DexFile::parse(&bytes).expect("parse");
    let oracle = dex_support::dexdump(&path, true);
    let mut strings = 0;
    let mut invokes = 0;
    for class in file.class_defs() {
        let class = class.unwrap();
        let Some(data) = file.class_data(&class).unwrap() else {
            continue;
        };
        for m in data.methods() {
            let Some(code) = file.code_item(m.code_off).unwrap() else {
                continue;
            };
            let facts = MethodFacts::collect(&code).unwrap();
            let lines = &oracle[0].insns[&(code.offset as u32)];
            let line_at = |off: u32| {
                lines
                    .iter()
                    .find(|l| l.starts_with(&format!("{off:04x}: ")))
                    .unwrap_or_else(|| panic!("no line at {off:04x}"))
            };
            for s in &facts.strings {
                let value = file.string(s.string_idx).unwrap();
                let line = line_at(s.offset);
                // dexdump prints the raw value between quotes, unescaped.
                assert!(
                    line.contains(&format!(", \"{value}\" // string@")),
                    "{line} vs {value:?}"
                );
                strings += 1;
            }
            for site in &facts.invokes {
                let sig = file.method_signature(site.target).unwrap();
                // Lcls;->name(args)ret  ->  Lcls;.name:(args)ret
                let (cls, rest) = sig.split_once("->").unwrap();
                let paren = rest.find('(').unwrap();
                let dexdump_form = format!("{cls}.{}:{}", &rest[..paren], &rest[paren..]);
                let line = line_at(site.offset);
                assert!(line.contains(&dexdump_form), "{line} vs {dexdump_form}");
                invokes += 1;
            }
        }
    }
    assert!(
        strings > 50 && invokes > 500,
        "{strings} strings, {invokes} invokes checked"
    );
}
