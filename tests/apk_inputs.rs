//! Every kind of input, built from real APK bytes: split-APK directory, `.apks`, `.xapk`,
//! a zipped split set, a jar of dex files, a bare dex, binary and text manifests, nested
//! dex/jar/apk in assets (with the nesting limit), and what is not an input.

mod apk_support;
mod common;

use apk_support::*;
use sdkflow::apk::{ArchiveRole, LoadedApp, ManifestSource, NestedFormat, load, load_bytes};
use sdkflow::{Error, Limits};

/// A "split": a small APK with its own manifest and an arm64 library, made from the
/// fixture's entries (content is what matters to the container, not the split attribute).
fn split_apk() -> Vec<u8> {
    let path = fixture_path();
    let manifest = unzip_p(&path, "AndroidManifest.xml");
    let lib = unzip_p(&path, "lib/arm64-v8a/libfixture.so");
    build_zip(&[
        ("AndroidManifest.xml", &manifest, false),
        ("lib/arm64-v8a/libsplit.so", &lib, false),
    ])
}

fn base_apk() -> Vec<u8> {
    std::fs::read(common::appium_settings_apk()).expect("read appium settings APK")
}

fn dex_names(app: &LoadedApp) -> Vec<&str> {
    app.dex.iter().map(|b| b.name.as_str()).collect()
}

fn assert_base_and_split(app: &LoadedApp, base: &str, split: &str) {
    let Some(ManifestSource::Binary(m)) = &app.manifest else {
        panic!("no base manifest");
    };
    assert_eq!(m.name, format!("{base}!AndroidManifest.xml"));
    assert_eq!(
        m.bytes,
        unzip_p(&common::appium_settings_apk(), "AndroidManifest.xml")
    );
    assert_eq!(app.split_manifests.len(), 1);
    // The base's nine dex files, in order, then the split's library.
    let expected: Vec<String> = ["classes.dex"]
        .into_iter()
        .map(String::from)
        .chain((2..=9).map(|i| format!("classes{i}.dex")))
        .map(|d| format!("{base}!{d}"))
        .collect();
    assert_eq!(dex_names(app), expected);
    let libs: Vec<&str> = app
        .native_libs
        .iter()
        .map(|l| l.blob.name.as_str())
        .collect();
    assert_eq!(libs, [format!("{split}!lib/arm64-v8a/libsplit.so")]);
    assert!(app.resources.is_some(), "base resources.arsc");
    let roles: Vec<ArchiveRole> = app.archives.iter().map(|a| a.role).collect();
    assert!(roles.contains(&ArchiveRole::Base) && roles.contains(&ArchiveRole::Split));
    assert!(
        app.signing
            .signing_block_ids
            .iter()
            .any(|i| i.contains("(v2)"))
    );
}

#[test]
fn split_apk_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("base.apk"), base_apk()).unwrap();
    std::fs::write(dir.path().join("split_config.arm64_v8a.apk"), split_apk()).unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"not an apk").unwrap();
    let app = load(dir.path(), &Limits::default()).expect("split dir loads");
    assert_eq!(app.input_kind, "split-dir");
    assert_base_and_split(&app, "base.apk", "split_config.arm64_v8a.apk");
}

#[test]
fn bundletool_apks() {
    let base = base_apk();
    let split = split_apk();
    let bytes = build_zip(&[
        ("toc.pb", b"\x0a\x00", false),
        ("splits/base-master.apk", &base, true),
        ("splits/base-arm64_v8a.apk", &split, true),
        ("standalones/standalone-arm64_v8a.apk", &base, true),
    ]);
    let app = load_bytes("app.apks", bytes, &Limits::default()).expect("apks loads");
    assert_eq!(app.input_kind, "apks");
    assert_base_and_split(&app, "splits/base-master.apk", "splits/base-arm64_v8a.apk");
    assert!(app.problems.iter().any(|p| {
        p.at.entry.as_deref() == Some("standalones/standalone-arm64_v8a.apk")
            && p.message.contains("not read")
    }));
}

#[test]
fn xapk_with_manifest_json_and_obb() {
    let base = base_apk();
    let split = split_apk();
    let json = br#"{"xapk_version":2,"package_name":"io.appium.settings","split_apks":[{"file":"io.appium.settings.apk","id":"base"},{"file":"config.arm64_v8a.apk","id":"config.arm64_v8a"}]}"#;
    let bytes = build_zip(&[
        ("manifest.json", json, false),
        ("icon.png", b"\x89PNG", false),
        ("config.arm64_v8a.apk", &split, false),
        ("io.appium.settings.apk", &base, false),
        (
            "Android/obb/io.appium.settings/main.1.io.appium.settings.obb",
            b"obb",
            false,
        ),
    ]);
    let app = load_bytes("app.xapk", bytes, &Limits::default()).expect("xapk loads");
    assert_eq!(app.input_kind, "xapk");
    assert_base_and_split(&app, "io.appium.settings.apk", "config.arm64_v8a.apk");
    assert!(app.entries.iter().any(|e| e.name.ends_with(".obb")));
}

#[test]
fn zipped_split_set() {
    let bytes = build_zip(&[
        ("split_config.arm64_v8a.apk", &split_apk(), true),
        ("base.apk", &base_apk(), true),
    ]);
    let app = load_bytes("set.zip", bytes, &Limits::default()).expect("apk set loads");
    assert_eq!(app.input_kind, "apk-set");
    assert_base_and_split(&app, "base.apk", "split_config.arm64_v8a.apk");
}

#[test]
fn bare_dex_manifests_and_dex_jars() {
    let path = fixture_path();
    let dex = unzip_p(&path, "classes.dex");
    let app = load_bytes("x.bin", dex.clone(), &Limits::default()).unwrap();
    assert_eq!((app.input_kind.as_str(), app.dex.len()), ("dex", 1));
    assert_eq!(app.dex[0].bytes, dex);

    let axml = unzip_p(&path, "AndroidManifest.xml");
    let app = load_bytes("AndroidManifest.xml", axml, &Limits::default()).unwrap();
    assert_eq!(app.input_kind, "manifest-axml");
    assert!(matches!(app.manifest, Some(ManifestSource::Binary(_))));

    let text = b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<manifest package=\"a.b\"/>".to_vec();
    let app = load_bytes("AndroidManifest.xml", text, &Limits::default()).unwrap();
    assert_eq!(app.input_kind, "manifest-xml");
    assert!(matches!(app.manifest, Some(ManifestSource::Text(_))));

    let dex2 = unzip_p(&path, "classes2.dex");
    let jar = build_zip(&[
        ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n", false),
        ("classes2.dex", &dex2, false),
        ("classes.dex", &dex, false),
    ]);
    let app = load_bytes("plugin.jar", jar, &Limits::default()).unwrap();
    assert_eq!(app.input_kind, "dex-container");
    assert_eq!(dex_names(&app), ["classes.dex", "classes2.dex"]);
}

#[test]
fn nested_dex_jar_and_apk_in_assets_up_to_the_nesting_limit() {
    let path = fixture_path();
    let dex = unzip_p(&path, "classes.dex");
    let dex2 = unzip_p(&path, "classes2.dex");
    let deepest = build_zip(&[("classes.dex", &dex2, false)]);
    let inner_apk = build_zip(&[
        ("classes.dex", &dex2, false),
        ("assets/deeper.jar", &deepest, false),
    ]);
    let plugin = build_zip(&[("classes.dex", &dex, false), ("classes2.dex", &dex2, false)]);
    let mut files: Vec<(String, Vec<u8>)> = ["AndroidManifest.xml", "classes.dex"]
        .iter()
        .map(|n| (n.to_string(), unzip_p(&path, n)))
        .collect();
    files.push(("assets/hidden.dex".into(), dex2.clone()));
    files.push(("assets/plugin.jar".into(), plugin));
    files.push(("assets/inner.apk".into(), inner_apk));
    files.push(("assets/encrypted.jar".into(), vec![0x5a; 64]));
    let list: Vec<(&str, &[u8], bool)> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice(), false))
        .collect();
    let app = load_bytes("host.apk", build_zip(&list), &Limits::default()).unwrap();

    let nested: Vec<&str> = app.nested_dex.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        nested,
        [
            "assets/hidden.dex",
            "assets/plugin.jar!classes.dex",
            "assets/plugin.jar!classes2.dex",
            "assets/inner.apk!classes.dex",
            "assets/inner.apk!assets/deeper.jar!classes.dex",
        ]
    );
    assert_eq!(app.nested_dex[1].bytes, dex);
    let format = |name: &str| {
        app.nested
            .iter()
            .find(|n| n.name == name)
            .map(|n| n.format)
            .unwrap_or_else(|| panic!("{name} not listed"))
    };
    assert_eq!(format("assets/hidden.dex"), NestedFormat::Dex);
    assert_eq!(format("assets/plugin.jar"), NestedFormat::Zip);
    assert_eq!(format("assets/encrypted.jar"), NestedFormat::Unknown);
    // Default max_nesting is 2: the jar inside the nested APK is depth 2 and read...
    assert_eq!(
        format("assets/inner.apk!assets/deeper.jar"),
        NestedFormat::Zip
    );
    assert!(
        app.nested
            .iter()
            .any(|n| n.dex == ["assets/inner.apk!assets/deeper.jar!classes.dex"])
    );
    // ...and with max_nesting 1 it is listed, not read.
    let shallow = Limits {
        max_nesting: 1,
        ..Limits::default()
    };
    let app = load_bytes("host.apk", build_zip(&list), &shallow).unwrap();
    let deeper = app
        .nested
        .iter()
        .find(|n| n.name == "assets/inner.apk!assets/deeper.jar")
        .expect("listed");
    assert_eq!((deeper.format, deeper.depth), (NestedFormat::TooDeep, 2));
    assert!(
        app.problems
            .iter()
            .any(|p| p.message.contains("neither dex nor zip"))
    );
}

#[test]
fn what_is_not_an_input_is_unsupported() {
    for (name, bytes) in [
        ("notes.txt", b"hello world".to_vec()),
        (
            "classes.zip",
            build_zip(&[("a/B.class", b"\xca\xfe\xba\xbe", false)]),
        ),
        ("empty", Vec::new()),
    ] {
        match load_bytes(name, bytes, &Limits::default()) {
            Err(Error::Unsupported { at, .. }) => assert_eq!(at.file, name),
            other => panic!("{name}: expected unsupported, got {other:?}"),
        }
    }
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        load(empty.path(), &Limits::default()),
        Err(Error::Unsupported { .. })
    ));
}
