//! The dex inventory against `dexdump -d` on every registry APK of the corpus and on the
//! jverification classes.dex: class descriptors, defined methods and invoke instructions
//! per dex file must agree exactly.

mod common;
mod dex_support;

use std::collections::BTreeSet;
use std::path::Path;

use sdkflow::Limits;
use sdkflow::dex::{Multidex, ParseOptions, dex_stats};

fn check_against_dexdump(input: &Path) -> (usize, u64) {
    let app = sdkflow::apk::load(input, &Limits::default()).expect("load input");
    let multidex = Multidex::from_app(
        &app,
        ParseOptions {
            verify_checksum: true,
        },
    );
    assert!(
        multidex.problems.is_empty(),
        "{}: {:?}",
        input.display(),
        multidex.problems
    );
    // dexdump runs while we decode: the test takes the longer of the two, not the sum.
    let (oracle, ours) = std::thread::scope(|s| {
        let oracle = s.spawn(|| dex_support::dexdump(input, false));
        let ours: Vec<_> = multidex
            .dexes
            .iter()
            .map(|entry| dex_stats(&app.source, entry))
            .collect();
        (oracle.join().expect("dexdump thread"), ours)
    });
    assert_eq!(
        oracle.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        multidex.dexes.iter().map(|d| d.name).collect::<Vec<_>>(),
        "{}: dex files",
        input.display()
    );
    let mut invokes = 0;
    for ((want, entry), (stats, problems)) in oracle.iter().zip(&multidex.dexes).zip(ours) {
        assert!(problems.is_empty(), "{}: {problems:?}", entry.name);
        let ours: BTreeSet<String> = entry
            .file
            .class_defs()
            .map(|c| {
                entry
                    .file
                    .type_descriptor(c.unwrap().class_idx)
                    .unwrap()
                    .into_owned()
            })
            .collect();
        let theirs: BTreeSet<String> = want.classes.iter().cloned().collect();
        assert_eq!(
            ours,
            theirs,
            "{} {}: class descriptors",
            input.display(),
            entry.name
        );
        assert_eq!(
            stats.classes as usize,
            want.classes.len(),
            "{}: classes",
            entry.name
        );
        assert_eq!(
            stats.methods,
            want.methods,
            "{} {}: methods",
            input.display(),
            entry.name
        );
        assert_eq!(
            stats.invokes,
            want.invokes,
            "{} {}: invokes",
            input.display(),
            entry.name
        );
        invokes += stats.invokes;
    }
    eprintln!(
        "{}: {} dex, {invokes} invokes agree with dexdump",
        input.display(),
        multidex.dexes.len()
    );
    (multidex.dexes.len(), invokes)
}

#[test]
fn every_registry_apk_agrees_with_dexdump() {
    let mut total_dex = 0;
    for apk in dex_support::registry_apks() {
        let (dexes, invokes) = check_against_dexdump(&apk);
        assert!(
            dexes >= 1 && invokes > 0,
            "{}: nothing decoded",
            apk.display()
        );
        total_dex += dexes;
    }
    assert!(
        total_dex >= 30,
        "expected the multidex APKs, saw {total_dex} dex files"
    );
}

#[test]
fn jverification_dex_agrees_with_dexdump() {
    let (dexes, invokes) = check_against_dexdump(&dex_support::jverification_dex());
    assert_eq!(dexes, 1);
    assert!(invokes > 0);
}

/// The sample APKs built from our own smali (`broken` has a corrupt classes2.dex that
/// dexdump refuses too, so it is covered by the multidex tests instead).
#[test]
fn every_sample_apk_agrees_with_dexdump() {
    for name in ["basic", "multidex", "obfuscated", "flows"] {
        let (dexes, invokes) = check_against_dexdump(&common::sample_apk(name));
        assert!(dexes >= 1 && invokes > 0, "{name}: nothing decoded");
    }
}
