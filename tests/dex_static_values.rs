//! Static field initial values (`BuildConfig.VERSION_NAME`-style constants) against the
//! `value :` lines of `dexdump` on the settings registry APK and the smali fixture.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use sdkflow::Limits;
use sdkflow::dex::{DexFile, EncodedValue};

/// (class descriptor, field name) -> dexdump's printed value, for every dex in `input`.
fn dexdump_values(input: &Path) -> Vec<HashMap<(String, String), String>> {
    let out = Command::new("dexdump")
        .arg(input)
        .output()
        .expect("run dexdump");
    let mut dexes: Vec<HashMap<(String, String), String>> = Vec::new();
    let (mut class, mut field, mut in_static) = (String::new(), String::new(), false);
    // dexdump prints string values as their raw MUTF-8 bytes: decode them the same way.
    for raw in out.stdout.split(|&b| b == b'\n') {
        let line = match sdkflow::reader::decode_mutf8(raw) {
            Ok(s) => s.into_owned(),
            Err(_) => String::from_utf8_lossy(raw).into_owned(),
        };
        let line = line.as_str();
        if line.starts_with("Opened '") {
            dexes.push(HashMap::new());
        } else if let Some(c) = line.strip_prefix("  Class descriptor  : '") {
            class = c.trim_end_matches('\'').to_string();
        } else if line.starts_with("  Static fields") {
            in_static = true;
        } else if line.starts_with("  Instance fields") || line.starts_with("  Direct methods") {
            in_static = false;
        } else if let Some(n) = line.strip_prefix("      name          : '") {
            field = n.trim_end_matches('\'').to_string();
        } else if let Some(v) = line.strip_prefix("      value         : ")
            && in_static
            && let Some(d) = dexes.last_mut()
        {
            d.insert((class.clone(), field.clone()), v.to_string());
        }
    }
    dexes
}

/// Our value as dexdump prints it, for the kinds whose printing is unambiguous.
fn render(file: &DexFile<'_>, v: &EncodedValue) -> Option<String> {
    Some(match v {
        EncodedValue::String(i) => escaped(&file.string(*i).ok()?),
        EncodedValue::Int(x) => x.to_string(),
        EncodedValue::Long(x) => x.to_string(),
        EncodedValue::Short(x) => x.to_string(),
        EncodedValue::Byte(x) => x.to_string(),
        EncodedValue::Boolean(b) => b.to_string(),
        EncodedValue::Null => "null".into(),
        _ => return None,
    })
}

/// dexdump's `dumpEscapedString`: quotes, and escapes for `\\ " \t \n \r`.
fn escaped(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn compare(input: &Path) -> usize {
    let app = sdkflow::apk::load(input, &Limits::default()).expect("load");
    let oracle = dexdump_values(input);
    assert_eq!(oracle.len(), app.dex.len());
    let mut compared = 0;
    for (blob, want) in app.dex.iter().zip(&oracle) {
        let file = DexFile::parse(&blob.bytes).expect("parse");
        for class in file.class_defs() {
            let class = class.expect("class_def");
            let Some(data) = file.class_data(&class).expect("class_data") else {
                continue;
            };
            let values = file.static_values(&class).expect("static values");
            let desc = file
                .type_descriptor(class.class_idx)
                .expect("descriptor")
                .into_owned();
            for (f, v) in data.static_fields.iter().zip(&values) {
                let name = file
                    .string(file.field_id(f.field_idx).unwrap().name_idx)
                    .unwrap();
                let Some(ours) = render(&file, v) else {
                    continue;
                };
                let Some(theirs) = want.get(&(desc.clone(), name.to_string())) else {
                    panic!(
                        "{}: {desc}.{name}: dexdump has no value, we have {ours}",
                        blob.name
                    )
                };
                assert_eq!(&ours, theirs, "{}: {desc}.{name}", blob.name);
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn fixture_static_values_match_dexdump() {
    let n = compare(&common::repo().join("tests/fixtures/smali/formats.dex"));
    assert_eq!(
        n, 4,
        "VERSION, CODE, BIG, ON (RATIO is a float, not compared)"
    );
}

#[test]
fn settings_apk_static_values_match_dexdump() {
    let n = compare(&common::appium_settings_apk());
    assert!(n > 1000, "only {n} values compared");
}
