//! Hostile input: seeded bit flips, overwrites with boundary values and truncations of real
//! SDK libraries. The inspector must return `Ok` or an error, never panic (a panic caught
//! by its `catch_unwind` shows up as `ElfError::Panicked` and fails this test), and never
//! hang. Mutations aim at the structures the parser follows (ELF header, program and
//! section headers, dynamic section, symbol and hash tables) as well as anywhere.

mod common;

use std::ops::Range;

use goblin::elf::Elf;
use sdkflow::native::{self, ElfError, ScanLimits};

const LIBS: &[&str] = &[
    "sdk/jcore-react-native@1.9.9/android/libs/arm64-v8a/libjcore322.so",
    "sdk/jcore-react-native@1.9.9/android/libs/x86/libjcore322.so",
    "sdk/react-native-umeng-sdk@1.4.0/android/PushSDK/libs/armeabi-v7a/libcocklogic.so",
    "sdk/react-native-baidu-map@1.0.37/android/src/main/jniLibs/x86_64/liblocSDK8a.so",
    "sdk/react-native-baidu-map@1.0.37/android/src/main/jniLibs/arm64-v8a/libindoor.so",
    "sdk/react-native-umeng-sdk@1.4.0/android/PushSDK/libs/mips/libtnet-2.1.20.1-agoo.so",
];

/// Mutants per library; `SDKFLOW_MUTATION_ROUNDS` raises it for a longer hunt.
fn rounds() -> usize {
    std::env::var("SDKFLOW_MUTATION_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

/// File ranges of the structures the parser reads, from goblin on the intact file.
fn hot_ranges(bytes: &[u8]) -> Vec<Range<usize>> {
    let elf = Elf::parse(bytes).expect("the real library parses");
    let mut hot = Vec::new();
    hot.push(0..64.min(bytes.len()));
    let ph_size = if elf.is_64 { 56 } else { 32 };
    let sh_size = if elf.is_64 { 64 } else { 40 };
    let phoff = elf.header.e_phoff as usize;
    hot.push(phoff..phoff + ph_size * elf.program_headers.len());
    let shoff = elf.header.e_shoff as usize;
    hot.push(shoff..shoff + sh_size * elf.section_headers.len());
    for ph in &elf.program_headers {
        if ph.p_type == goblin::elf::program_header::PT_DYNAMIC {
            hot.push(ph.file_range());
        }
    }
    for sh in &elf.section_headers {
        let name = elf.shdr_strtab.get_at(sh.sh_name).unwrap_or_default();
        if matches!(
            name,
            ".dynsym" | ".dynstr" | ".hash" | ".gnu.hash" | ".shstrtab" | ".rodata"
        ) && let Some(range) = sh.file_range()
        {
            hot.push(range);
        }
    }
    hot.retain(|r| r.start < r.end && r.end <= bytes.len());
    hot
}

const BOUNDARY: &[u64] = &[
    0,
    1,
    2,
    0x7f,
    0x80,
    0xff,
    0xffff,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_fffe,
    0xffff_ffff,
    u64::MAX,
    u64::MAX / 2,
];

fn mutate(rng: &mut fastrand::Rng, original: &[u8], hot: &[Range<usize>]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    let pick_offset = |rng: &mut fastrand::Rng| -> usize {
        if rng.u8(..4) > 0 {
            let r = &hot[rng.usize(..hot.len())];
            rng.usize(r.clone())
        } else {
            rng.usize(..original.len())
        }
    };
    for _ in 0..rng.usize(1..=4) {
        match rng.u8(..5) {
            // Flip a few bits.
            0 | 1 => {
                let at = pick_offset(rng);
                bytes[at] ^= 1 << rng.u8(..8);
            }
            // Overwrite a 4- or 8-byte field with a boundary value or a size-like value.
            2 | 3 => {
                let width = if rng.bool() { 4 } else { 8 };
                let at = pick_offset(rng) & !(width - 1);
                let len = original.len() as u64;
                let value = match rng.u8(..4) {
                    0 => len,
                    1 => len.wrapping_sub(rng.u64(..64)),
                    2 => rng.u64(..),
                    _ => BOUNDARY[rng.usize(..BOUNDARY.len())],
                };
                let raw = value.to_le_bytes();
                for (i, b) in raw.iter().take(width).enumerate() {
                    if let Some(slot) = bytes.get_mut(at + i) {
                        *slot = *b;
                    }
                }
            }
            // Truncate.
            _ => {
                let cut = if rng.bool() {
                    pick_offset(rng)
                } else {
                    rng.usize(..=bytes.len())
                };
                bytes.truncate(cut);
                break;
            }
        }
    }
    bytes
}

#[test]
fn mutated_real_libraries_never_panic() {
    let mut ok = 0usize;
    let mut errors = 0usize;
    let mut warned = 0usize;
    for (seed, rel) in LIBS.iter().enumerate() {
        let path = common::corpus(rel);
        let original = std::fs::read(&path).expect("read");
        let hot = hot_ranges(&original);
        let mut rng = fastrand::Rng::with_seed(0x5eed_0000 + seed as u64);
        for round in 0..rounds() {
            let bytes = mutate(&mut rng, &original, &hot);
            let limits = ScanLimits {
                max_bytes: 64 << 10,
                ..ScanLimits::default()
            };
            match native::inspect_with(&bytes, rel, Some("arm64-v8a"), limits) {
                Ok(lib) => {
                    ok += 1;
                    if !lib.warnings.is_empty() {
                        warned += 1;
                    }
                    assert!(lib.strings.scanned_bytes <= 64 << 10);
                }
                Err(ElfError::Panicked { message, .. }) => {
                    let dump =
                        std::env::temp_dir().join(format!("sdkflow-elf-panic-{seed}-{round}.so"));
                    let _ = std::fs::write(&dump, &bytes);
                    panic!(
                        "{rel} seed {seed} round {round}: parser panicked: {message} (input saved to {})",
                        dump.display()
                    );
                }
                Err(e) => {
                    errors += 1;
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    println!(
        "{} mutants: {ok} read ({warned} with warnings), {errors} rejected",
        LIBS.len() * rounds()
    );
    assert!(
        ok > 0 && errors > 0,
        "mutations should produce both outcomes"
    );
}

#[test]
fn every_truncation_of_a_small_library_is_handled() {
    let original = std::fs::read(common::corpus(LIBS[0])).expect("read");
    for len in 0..original.len() {
        if let Err(ElfError::Panicked { message, .. }) =
            native::inspect_with(&original[..len], "cut", None, ScanLimits::default())
        {
            panic!("truncated to {len} bytes: parser panicked: {message}");
        }
    }
}

/// Zero `e_shoff`, `e_shnum` and `e_shstrndx` of a little-endian ELF file, so the symbol
/// count comes from the hash tables.
fn strip_sections(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let (shoff, width, shnum) = if out[4] == 2 {
        (0x28, 8, 0x3c)
    } else {
        (0x20, 4, 0x30)
    };
    out[shoff..shoff + width].fill(0);
    out[shnum..shnum + 4].fill(0);
    out
}

fn hunt(name: &str, original: &[u8], hot: &[Range<usize>], seed: u64) -> (usize, usize) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let (mut ok, mut errors) = (0, 0);
    for round in 0..rounds() {
        let bytes = mutate(&mut rng, original, hot);
        match native::inspect_with(&bytes, name, None, ScanLimits::default()) {
            Ok(_) => ok += 1,
            Err(ElfError::Panicked { message, .. }) => {
                panic!("{name} round {round}: parser panicked: {message}")
            }
            Err(_) => errors += 1,
        }
    }
    (ok, errors)
}

#[test]
fn mutated_libraries_without_sections_never_panic() {
    // DT_HASH: real libraries with their section table removed.
    for (i, rel) in [LIBS[0], LIBS[3], LIBS[5]].iter().enumerate() {
        let original = std::fs::read(common::corpus(rel)).expect("read");
        let hot = hot_ranges(&original);
        hunt(
            rel,
            &strip_sections(&original),
            &hot,
            0xa5a5_0000 + i as u64,
        );
    }
    // DT_GNU_HASH: the fixture built with the GNU hash style only.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("gnu.so");
    let status = std::process::Command::new("aarch64-linux-gnu-gcc")
        .args(["-shared", "-fPIC", "-O0", "-Wl,--hash-style=gnu", "-o"])
        .arg(&out)
        .arg(common::repo().join("tests/native_fixture/jni_fixture.c"))
        .status()
        .expect("aarch64-linux-gnu-gcc not runnable: apt-get install gcc-aarch64-linux-gnu");
    assert!(status.success());
    let original = std::fs::read(&out).expect("read");
    let mut hot = hot_ranges(&original);
    let elf = Elf::parse(&original).expect("parse fixture");
    if let Some(gnu_hash) = elf
        .section_headers
        .iter()
        .find(|s| s.sh_type == goblin::elf::section_header::SHT_GNU_HASH)
    {
        hot.extend(gnu_hash.file_range());
    }
    let (ok, errors) = hunt("gnu-hash fixture", &strip_sections(&original), &hot, 0x6e75);
    assert!(ok > 0, "{errors} errors and no successful read");
}
