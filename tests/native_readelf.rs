//! Oracle: `readelf -h -d -W --dyn-syms` on every real native library of the corpus (the
//! SDK binaries under `sdk/` and the 6 libraries inside the Yosemite APK) agrees with
//! `sdkflow::native` on class, machine, SONAME, NEEDED and the defined exported dynamic
//! symbols; every `Java_...` export decodes, and re-mangling the decoded method with an
//! independent implementation of the JNI rules gives the symbol back.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use sdkflow::native::{self, NativeLib, SymbolKind};

/// What readelf says about one library, restricted to what we compare.
#[derive(Debug, Default)]
struct Readelf {
    bits: u8,
    machine: String,
    soname: Option<String>,
    needed: Vec<String>,
    /// name -> kind, for defined GLOBAL/WEAK/UNIQUE FUNC/OBJECT symbols of default or
    /// protected visibility (sorted, duplicates kept).
    exports: Vec<(String, SymbolKind)>,
}

fn bracketed(line: &str) -> Option<String> {
    let start = line.find('[')? + 1;
    let end = line.rfind(']')?;
    line.get(start..end).map(str::to_string)
}

fn parse_readelf(text: &str) -> Readelf {
    let mut out = Readelf::default();
    let mut in_dynsym = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(class) = trimmed.strip_prefix("Class:") {
            out.bits = if class.trim() == "ELF64" { 64 } else { 32 };
        } else if let Some(machine) = trimmed.strip_prefix("Machine:") {
            out.machine = match machine.trim() {
                "AArch64" => "aarch64",
                "ARM" => "arm",
                "Intel 80386" => "x86",
                "Advanced Micro Devices X86-64" => "x86_64",
                m if m.starts_with("MIPS") => "mips",
                other => panic!("readelf machine {other:?} not mapped in the test"),
            }
            .to_string();
        } else if trimmed.contains("(NEEDED)") {
            out.needed.push(bracketed(trimmed).expect("NEEDED value"));
        } else if trimmed.contains("(SONAME)") {
            out.soname = bracketed(trimmed);
        } else if trimmed.starts_with("Symbol table") {
            in_dynsym = trimmed.contains(".dynsym") || trimmed.contains("for image");
        } else if in_dynsym
            && trimmed
                .split_whitespace()
                .next()
                .is_some_and(|t| t.ends_with(':'))
            && let Some(export) = parse_symbol(trimmed)
        {
            out.exports.push(export);
        }
    }
    out.exports.sort();
    out
}

/// `   3: 0000000000005f6c   240 FUNC    GLOBAL DEFAULT    7 name@VER (2)`.
fn parse_symbol(line: &str) -> Option<(String, SymbolKind)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.first().is_some_and(|t| *t == "Num:") {
        return None;
    }
    let kind = match *tokens.get(3)? {
        "FUNC" | "IFUNC" => SymbolKind::Func,
        "OBJECT" | "TLS" | "COMMON" => SymbolKind::Object,
        _ => return None,
    };
    if !matches!(*tokens.get(4)?, "GLOBAL" | "WEAK" | "UNIQUE") {
        return None;
    }
    if !matches!(*tokens.get(5)?, "DEFAULT" | "PROTECTED") {
        return None;
    }
    // Some targets print extra visibility flags in brackets (`[VARIANT_PCS]`).
    let mut rest = tokens.get(6..)?.iter().skip_while(|t| t.starts_with('['));
    let ndx = rest.next()?;
    if *ndx == "UND" {
        return None;
    }
    let name = rest.next()?;
    let name = name.split('@').next().unwrap_or(name);
    Some((name.to_string(), kind))
}

fn readelf(path: &Path) -> Readelf {
    parse_readelf(&common::oracle(
        "readelf",
        &["-h", "-d", "-W", "--dyn-syms"],
        path,
    ))
}

fn ours_sorted(lib: &NativeLib) -> Vec<(String, SymbolKind)> {
    let mut v: Vec<(String, SymbolKind)> = lib
        .exports
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect();
    v.sort();
    v
}

/// Mangle a decoded JNI method back, following the JNI specification directly (the
/// encoding direction, written independently of the decoder).
fn mangle(class_slashed: &str, method: &str, args: Option<&str>) -> String {
    fn part(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '/' => out.push('_'),
                '_' => out.push_str("_1"),
                ';' => out.push_str("_2"),
                '[' => out.push_str("_3"),
                c if c.is_ascii_alphanumeric() => out.push(c),
                c => {
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("_0{unit:04x}"));
                    }
                }
            }
        }
        out
    }
    let mut symbol = format!("Java_{}_{}", part(class_slashed), part(method));
    if let Some(args) = args {
        let inner = args.trim_start_matches('(').trim_end_matches(')');
        symbol.push_str("__");
        symbol.push_str(&part(inner));
    }
    symbol
}

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

/// Compare one library; returns the number of exported symbols compared.
fn check(path: &Path, name: &str, abi: Option<&str>) -> (usize, NativeLib) {
    let bytes = std::fs::read(path).expect("read .so");
    let lib = native::inspect_bytes(&bytes, name, abi).unwrap_or_else(|e| panic!("{name}: {e}"));
    let oracle = readelf(path);
    assert_eq!(lib.bits, oracle.bits, "{name}: ELF class");
    assert_eq!(lib.machine, oracle.machine, "{name}: machine");
    assert_eq!(lib.soname, oracle.soname, "{name}: SONAME");
    assert_eq!(lib.needed, oracle.needed, "{name}: NEEDED");
    let ours = ours_sorted(&lib);
    assert_eq!(
        ours.len(),
        oracle.exports.len(),
        "{name}: number of exported symbols"
    );
    assert_eq!(ours, oracle.exports, "{name}: exported symbols");
    assert!(
        lib.warnings.is_empty(),
        "{name}: unexpected warnings {:?}",
        lib.warnings
    );

    // JNI: every Java_ export readelf lists is decoded, and round-trips.
    let java: Vec<&String> = oracle
        .exports
        .iter()
        .filter(|(n, k)| n.starts_with("Java_") && *k == SymbolKind::Func)
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        lib.jni_methods.len(),
        java.len(),
        "{name}: decoded JNI exports"
    );
    for m in &lib.jni_methods {
        let slashed = m.descriptor.trim_start_matches('L').trim_end_matches(';');
        assert_eq!(
            slashed.replace('/', "."),
            m.class,
            "{name}: class vs descriptor"
        );
        assert_eq!(
            mangle(slashed, &m.method, m.args.as_deref()),
            m.symbol,
            "{name}: JNI round trip"
        );
    }
    let onload = oracle.exports.iter().any(|(n, _)| n == "JNI_OnLoad");
    assert_eq!(lib.jni_onload, onload, "{name}: JNI_OnLoad");
    (ours.len(), lib)
}

#[test]
fn sdk_libraries_agree_with_readelf() {
    let root = common::corpus("sdk");
    let mut files = Vec::new();
    so_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 50,
        "expected the corpus's 57 SDK .so files under {}, found {}: run `bash .ci/run`",
        root.display(),
        files.len()
    );
    let mut symbols = 0;
    let mut jni = 0;
    let mut lying = Vec::new();
    for path in &files {
        let abi = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str());
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let (n, lib) = check(path, &name, abi);
        symbols += n;
        jni += lib.jni_methods.len();
        if lib.abi_mismatch {
            lying.push(name);
        }
    }
    println!(
        "{} SDK libraries: {symbols} exported symbols and {jni} JNI methods agree with readelf",
        files.len()
    );
    // The Umeng push SDK ships a 32-bit ARM libcocklogic.so under arm64-v8a/ and x86 builds
    // under mips/, mips64/ and x86_64/ (checked with `file`): each must be flagged, and
    // nothing else.
    let expected: Vec<String> = ["arm64-v8a", "mips", "mips64", "x86_64"]
        .iter()
        .map(|abi| {
            format!("react-native-umeng-sdk@1.4.0/android/PushSDK/libs/{abi}/libcocklogic.so")
        })
        .collect();
    lying.sort();
    assert_eq!(lying, expected, "lying ABI folders");
}

#[test]
fn yosemite_libraries_agree_with_readelf() {
    let apk =
        common::corpus("apk/pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk");
    let app = sdkflow::apk::load(&apk, &sdkflow::Limits::default()).expect("load Yosemite");
    assert_eq!(app.native_libs.len(), 6, "Yosemite carries 6 libraries");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut symbols = 0;
    let mut by_name: BTreeMap<String, NativeLib> = BTreeMap::new();
    for lib in &app.native_libs {
        let path = dir.path().join(format!("{}-{}", lib.abi, lib.file_name));
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(&lib.blob.bytes))
            .expect("write .so");
        let (n, ours) = check(&path, &lib.blob.name, Some(&lib.abi));
        assert!(
            !ours.abi_mismatch,
            "{}: folder matches the header",
            lib.blob.name
        );
        symbols += n;
        by_name.insert(lib.blob.name.clone(), ours);
    }
    println!("Yosemite: 6 libraries, {symbols} exported symbols agree with readelf");

    // The same through inspect_all, in parallel, with no problems.
    let (libs, problems) = native::inspect_all(&app);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(libs.len(), 6);
    for lib in &libs {
        let single = &by_name[&lib.name];
        assert_eq!(lib.exports, single.exports);
        assert_eq!(lib.needed, single.needed);
    }
    // librime_jni registers Java methods of the Trime input method by name.
    let jni = &by_name["lib/arm64-v8a/librime_jni.so"];
    assert!(
        !jni.jni_methods.is_empty() || jni.jni_onload,
        "librime_jni exports JNI entry points"
    );
}

#[test]
fn readelf_symbol_lines_parse() {
    assert_eq!(
        parse_symbol(
            "11: 000000000000442c    40 FUNC    GLOBAL DEFAULT    7 Java_com_baidu_location_Jni_ldkaiv"
        ),
        Some((
            "Java_com_baidu_location_Jni_ldkaiv".into(),
            SymbolKind::Func
        ))
    );
    assert_eq!(
        parse_symbol(
            "1: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND __cxa_finalize@LIBC (2)"
        ),
        None
    );
    assert_eq!(
        parse_symbol("5: 0000000000001000     8 FUNC    GLOBAL DEFAULT [VARIANT_PCS]    9 f@@V1"),
        Some(("f".into(), SymbolKind::Func))
    );
    assert_eq!(
        parse_symbol("19: 000000000001a060   512 OBJECT  GLOBAL DEFAULT   16 base64_decode_chars"),
        Some(("base64_decode_chars".into(), SymbolKind::Object))
    );
    assert_eq!(
        parse_symbol("2: 0000000000019ce0     0 SECTION LOCAL  DEFAULT   13 .data.rel.ro"),
        None
    );
    assert_eq!(
        mangle("com/example/Foo", "bar", Some("(Ljava/lang/String;)")),
        "Java_com_example_Foo_bar__Ljava_lang_String_2"
    );
}
