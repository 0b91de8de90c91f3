//! A JNI library built here with the cross compilers from `tests/native_fixture/jni_fixture.c`:
//! every expectation below is read from that source (symbol names, visibility, strings).
//! Built for arm64 it must match its folder; built for 32-bit ARM and put under
//! `arm64-v8a/` it must be flagged as a lying ABI folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use sdkflow::apk::{Blob, LoadedApp, NativeLibBlob};
use sdkflow::native::{self, Binding, SymbolKind};

fn build(compiler: &str, dir: &Path) -> PathBuf {
    let source = common::repo().join("tests/native_fixture/jni_fixture.c");
    let out = dir.join(format!("{compiler}-libfixture.so"));
    let status = Command::new(compiler)
        .args(["-shared", "-fPIC", "-O0", "-Wl,-soname,libfixture.so", "-o"])
        .arg(&out)
        .arg(&source)
        .status()
        .unwrap_or_else(|e| {
            panic!("cross compiler `{compiler}` not runnable ({e}): apt-get install gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf")
        });
    assert!(
        status.success(),
        "{compiler} failed on {}",
        source.display()
    );
    out
}

fn native_blob(abi: &str, path: &Path) -> NativeLibBlob {
    NativeLibBlob {
        abi: abi.into(),
        file_name: "libfixture.so".into(),
        blob: Blob {
            name: format!("lib/{abi}/libfixture.so"),
            bytes: std::fs::read(path).expect("read built .so"),
        },
    }
}

#[test]
fn built_jni_library_is_read_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let so = build("aarch64-linux-gnu-gcc", dir.path());
    let lib = native::inspect(&native_blob("arm64-v8a", &so)).expect("inspect");

    assert_eq!((lib.bits, lib.machine.as_str()), (64, "aarch64"));
    assert_eq!(lib.elf_abi.as_deref(), Some("arm64-v8a"));
    assert!(!lib.abi_mismatch);
    assert_eq!(lib.soname.as_deref(), Some("libfixture.so"));
    assert_eq!(
        lib.needed,
        vec!["libc.so.6".to_string()],
        "strlen links libc"
    );

    let export = |name: &str| lib.exports.iter().find(|e| e.name == name);
    for func in [
        "Java_com_example_Foo_bar__Ljava_lang_String_2",
        "Java_com_example_Foo_00024Inner_set_1value",
        "JNI_OnLoad",
    ] {
        let e = export(func).unwrap_or_else(|| panic!("{func} exported"));
        assert_eq!(
            (e.kind, e.binding),
            (SymbolKind::Func, Binding::Global),
            "{func}"
        );
    }
    let counter = export("exported_counter").expect("exported_counter");
    assert_eq!((counter.kind, counter.size), (SymbolKind::Object, 4));
    assert!(
        export("hidden_helper").is_none(),
        "hidden symbols are not exports"
    );
    assert!(lib.jni_onload);

    let mut jni: Vec<(String, String, String, Option<String>)> = lib
        .jni_methods
        .iter()
        .map(|m| {
            (
                m.class.clone(),
                m.descriptor.clone(),
                m.method.clone(),
                m.args.clone(),
            )
        })
        .collect();
    jni.sort();
    assert_eq!(
        jni,
        vec![
            (
                "com.example.Foo".into(),
                "Lcom/example/Foo;".into(),
                "bar".into(),
                Some("(Ljava/lang/String;)".into())
            ),
            (
                "com.example.Foo$Inner".into(),
                "Lcom/example/Foo$Inner;".into(),
                "set_value".into(),
                None
            ),
        ]
    );

    let s = &lib.strings;
    assert_eq!(
        s.urls,
        vec!["https://collect.example-sdk.com/v2/report?id=%s".to_string()]
    );
    assert_eq!(s.hosts, vec!["api.example-sdk.cn".to_string()]);
    let mut names = s.java_names.clone();
    names.sort();
    assert_eq!(
        names,
        vec![
            "android/content/Context",
            "com/example/Foo",
            "java/lang/String"
        ]
    );
    assert!(!s.truncated && s.scanned_bytes > 0);
    assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
}

#[test]
fn lying_abi_folder_and_broken_library_among_good_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let arm64 = build("aarch64-linux-gnu-gcc", dir.path());
    let arm32 = build("arm-linux-gnueabihf-gcc", dir.path());
    let mut broken = native_blob("x86", &arm64);
    broken.blob.bytes.truncate(40); // inside the ELF header
    let mut not_elf = native_blob("x86_64", &arm64);
    not_elf.blob.bytes = b"PK\x03\x04 not an ELF file".to_vec();
    let app = LoadedApp {
        source: "fixture.apk".into(),
        native_libs: vec![
            native_blob("arm64-v8a", &arm64),
            broken,
            // A 32-bit ARM build in the 64-bit folder: the device would not load it there.
            NativeLibBlob {
                blob: Blob {
                    name: "lib/arm64-v8a/liblying.so".into(),
                    bytes: std::fs::read(&arm32).expect("read"),
                },
                ..native_blob("arm64-v8a", &arm32)
            },
            not_elf,
        ],
        ..LoadedApp::default()
    };
    let (libs, problems) = native::inspect_all(&app);
    let names: Vec<&str> = libs.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["lib/arm64-v8a/libfixture.so", "lib/arm64-v8a/liblying.so"]
    );
    assert!(!libs[0].abi_mismatch);
    assert!(libs[1].abi_mismatch, "32-bit ARM under arm64-v8a");
    assert_eq!((libs[1].bits, libs[1].machine.as_str()), (32, "arm"));
    assert_eq!(libs[1].elf_abi.as_deref(), Some("armeabi-v7a"));
    // The 32-bit build has the same exports as the 64-bit one.
    let names_of = |i: usize| {
        let mut v: Vec<String> = libs[i].exports.iter().map(|e| e.name.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(names_of(0), names_of(1));

    let places: Vec<String> = problems.iter().map(|p| p.at.to_string()).collect();
    assert_eq!(
        places,
        vec![
            "fixture.apk!lib/x86/libfixture.so @0x0",
            "fixture.apk!lib/x86_64/libfixture.so @0x0"
        ]
    );
    assert!(
        problems[1].message.contains("not an ELF file"),
        "{}",
        problems[1].message
    );

    // The single-library API names the entry in its error.
    let err = native::inspect(&app.native_libs[3]).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string()
            .starts_with("lib/x86_64/libfixture.so @0x0: malformed ELF"),
        "{err}"
    );
}
