//! Libraries without a section table (packers and `sstrip` remove it; Android's loader
//! never reads it): the dynamic symbols must then come from `DT_SYMTAB` with the count
//! from `DT_HASH` or `DT_GNU_HASH`, and the strings from the read-only segments. The
//! oracle is the same library with its sections, which readelf agrees with
//! (`native_readelf`): removing the section table must not change what is exported.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use sdkflow::native::{self, NativeLib};

fn so_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            so_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "so") {
            out.push(path);
        }
    }
}

/// Zero `e_shoff`, `e_shnum` and `e_shstrndx` of a little-endian ELF file.
fn strip_sections(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    assert_eq!(out[5], 1, "little-endian");
    let (shoff, width, shnum) = if out[4] == 2 {
        (0x28, 8, 0x3c)
    } else {
        (0x20, 4, 0x30)
    };
    out[shoff..shoff + width].fill(0);
    out[shnum..shnum + 4].fill(0); // e_shnum and e_shstrndx
    out
}

fn exports(lib: &NativeLib) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = lib
        .exports
        .iter()
        .map(|e| (e.name.clone(), e.address))
        .collect();
    v.sort();
    v
}

fn same_without_sections(bytes: &[u8], name: &str) -> usize {
    let full = native::inspect_bytes(bytes, name, None).expect("with sections");
    let stripped_bytes = strip_sections(bytes);
    let bare = native::inspect_bytes(&stripped_bytes, name, None).expect("without sections");
    assert_eq!(bare.soname, full.soname, "{name}");
    assert_eq!(bare.needed, full.needed, "{name}");
    assert_eq!(
        exports(&bare),
        exports(&full),
        "{name}: exports from the hash table"
    );
    assert_eq!(bare.jni_methods, full.jni_methods, "{name}");
    assert!(bare.warnings.is_empty(), "{name}: {:?}", bare.warnings);
    // The read-only segments hold .rodata, so nothing found there is lost.
    for url in &full.strings.urls {
        assert!(
            bare.strings.urls.contains(url),
            "{name}: {url} lost without sections"
        );
    }
    for name_ in &full.strings.java_names {
        assert!(
            bare.strings.java_names.contains(name_),
            "{name}: {name_} lost without sections"
        );
    }
    full.exports.len()
}

#[test]
fn sdk_libraries_read_the_same_without_section_headers() {
    let root = common::corpus("sdk");
    let mut files = Vec::new();
    so_files(&root, &mut files);
    assert!(
        files.len() >= 50,
        "expected the corpus's SDK .so files under {}",
        root.display()
    );
    let mut symbols = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        symbols += same_without_sections(&bytes, &path.display().to_string());
    }
    println!(
        "{} libraries, {symbols} exports found again through DT_HASH",
        files.len()
    );
}

#[test]
fn gnu_hash_and_sysv_hash_fixtures_read_the_same_without_section_headers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = common::repo().join("tests/native_fixture/jni_fixture.c");
    for (compiler, style) in [
        ("aarch64-linux-gnu-gcc", "gnu"),
        ("aarch64-linux-gnu-gcc", "sysv"),
        ("arm-linux-gnueabihf-gcc", "gnu"),
    ] {
        let out = dir.path().join(format!("{compiler}-{style}.so"));
        let status = Command::new(compiler)
            .args(["-shared", "-fPIC", "-O0", &format!("-Wl,--hash-style={style}"), "-o"])
            .arg(&out)
            .arg(&source)
            .status()
            .unwrap_or_else(|e| panic!("cross compiler `{compiler}` not runnable ({e}): apt-get install gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf"));
        assert!(status.success());
        let dynamic = common::oracle("readelf", &["-d", "-W"], &out);
        let tag = if style == "gnu" {
            "(GNU_HASH)"
        } else {
            "(HASH)"
        };
        assert!(dynamic.contains(tag), "{compiler} {style}: {tag} expected");
        let bytes = std::fs::read(&out).expect("read");
        let n = same_without_sections(&bytes, &format!("{compiler} {style}"));
        assert!(n >= 4, "the fixture exports at least 4 symbols");
    }
}
