//! The multidex view: first definition wins, duplicates and broken dex files are reported
//! and the rest is still analysed.

mod common;

use sdkflow::apk::{Blob, LoadedApp};
use sdkflow::dex::{DexFile, Multidex, ParseOptions, inventory};

fn blob(name: &str, bytes: Vec<u8>) -> Blob {
    Blob {
        name: name.into(),
        bytes,
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(common::repo().join("tests/fixtures/smali").join(name)).expect("fixture")
}

#[test]
fn duplicates_are_reported_first_wins_and_a_broken_dex_does_not_stop_the_rest() {
    let formats = fixture("formats.dex");
    let app = LoadedApp {
        source: "app.apk".into(),
        dex: vec![
            blob("classes.dex", formats.clone()),
            blob("classes2.dex", b"dex\n035\0 truncated".to_vec()),
            blob("classes3.dex", fixture("modern.dex")),
            blob("classes4.dex", formats),
        ],
        ..LoadedApp::default()
    };
    let md = Multidex::from_app(&app, ParseOptions::default());
    assert_eq!(md.dexes.len(), 3);
    assert_eq!(md.problems.len(), 1);
    let p = &md.problems[0];
    assert_eq!(p.at.entry.as_deref(), Some("classes2.dex"));
    assert_eq!(p.at.file, "app.apk");
    assert_eq!(
        md.duplicates
            .iter()
            .map(|d| (d.descriptor.as_str(), d.kept.as_str(), d.ignored.as_str()))
            .collect::<Vec<_>>(),
        vec![("Lfixture/Formats;", "classes.dex", "classes4.dex")]
    );
    let loc = md.class("Lfixture/Formats;").expect("indexed");
    assert_eq!(md.dexes[loc.dex].name, "classes.dex");
    assert_eq!(
        md.class("Lfixture/Modern;").map(|l| md.dexes[l.dex].name),
        Some("classes3.dex")
    );
    assert_eq!(md.class("Lnot/There;"), None);
    assert_eq!(
        md.class_descriptors().collect::<Vec<_>>(),
        vec!["Lfixture/Formats;", "Lfixture/Modern;"]
    );

    let inv = inventory(&app);
    assert_eq!(
        inv.dex.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["classes.dex", "classes3.dex", "classes4.dex"]
    );
    assert_eq!(inv.classes, ["Lfixture/Formats;", "Lfixture/Modern;"]);
    assert_eq!(inv.problems.len(), 1);
    assert_eq!(inv.duplicate_classes.len(), 1);
    // The fixture's `invokes` method has 10 invokes, `refs` 1, `<init>` 1 (read from the
    // .smali source); modern.dex has 4.
    assert_eq!(inv.dex[0].invokes, 12);
    assert_eq!(inv.dex[1].invokes, 4);
    // <init>, run, formats, refs, invokes, five, payloads, bytes.
    assert_eq!(inv.dex[0].methods, 8);
}

#[test]
fn checksum_is_verified_when_asked() {
    let mut bytes = fixture("formats.dex");
    assert!(
        DexFile::parse_with(
            &bytes,
            ParseOptions {
                verify_checksum: true
            }
        )
        .is_ok()
    );
    // Change a string's content: structurally still valid, checksum now wrong.
    let at = bytes
        .windows(5)
        .position(|w| w == b"jumbo")
        .expect("string");
    bytes[at] = b'J';
    let err = DexFile::parse_with(
        &bytes,
        ParseOptions {
            verify_checksum: true,
        },
    )
    .unwrap_err();
    assert_eq!(err.offset(), 8);
    assert!(DexFile::parse(&bytes).is_ok(), "not verified by default");
    let e = err.into_error("app.apk", "classes.dex");
    assert!(
        e.to_string()
            .starts_with("app.apk!classes.dex @0x8: malformed dex: checksum"),
        "{e}"
    );
}

#[test]
fn reverse_endian_and_bad_versions_are_errors_with_offsets() {
    let mut bytes = fixture("formats.dex");
    bytes[40..44].copy_from_slice(&0x1234_5678u32.to_be_bytes());
    assert_eq!(DexFile::parse(&bytes).unwrap_err().offset(), 40);
    let mut bytes = fixture("formats.dex");
    bytes[4..7].copy_from_slice(b"042");
    assert!(matches!(
        DexFile::parse(&bytes),
        Err(sdkflow::dex::DexError::UnsupportedVersion { offset: 4, .. })
    ));
}

#[test]
fn evidence_names_the_method_and_code_offset() {
    let bytes = fixture("formats.dex");
    let file = DexFile::parse(&bytes).unwrap();
    let class = file.class_def(0).unwrap();
    let data = file.class_data(&class).unwrap().unwrap();
    let m = data.methods().find(|m| {
        file.string(file.method_id(m.method_idx).unwrap().name_idx)
            .unwrap()
            == "refs"
    });
    let m = m.expect("refs method");
    let code = file.code_item(m.code_off).unwrap().unwrap();
    let facts = sdkflow::dex::MethodFacts::collect(&code).unwrap();
    // From Formats.smali: new-instance v4 is the 6th instruction, at 0x0b.
    let new = facts
        .types
        .iter()
        .find(|t| t.kind == sdkflow::dex::TypeUseKind::NewInstance)
        .unwrap();
    assert_eq!(
        file.code_location(m.method_idx, new.offset).unwrap(),
        "Lfixture/Formats;->refs(Ljava/lang/Object;)Ljava/lang/Object; @0xb"
    );
    assert_eq!(
        file.type_descriptor(new.type_idx).unwrap(),
        "Lfixture/Formats;"
    );
    assert_eq!(facts.strings.len(), 2);
    assert_eq!(
        file.string(facts.strings[0].string_idx).unwrap(),
        "hello \"world\" v1"
    );
    // sget, sput, iget-object, iput-object, iget-wide, iput-wide
    assert_eq!(facts.fields.len(), 6);
    assert_eq!(facts.fields.iter().filter(|f| f.is_write).count(), 3);
    assert_eq!(facts.fields.iter().filter(|f| f.is_static).count(), 2);
    let tries = code.tries().unwrap();
    assert_eq!(tries.len(), 1);
    assert!(tries[0].catch_all.is_some() && tries[0].handlers.len() == 1);
}
