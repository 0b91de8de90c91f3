//! Seeded mutations of real APKs (bit flips, truncations, huge counts and sizes written
//! into the end record, central directory and local headers): loading never panics, and
//! what it hands over stays within the limits.

mod apk_support;
mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use apk_support::*;
use sdkflow::Limits;
use sdkflow::apk::{LoadedApp, ManifestSource, load_bytes};

const HUGE: [u32; 5] = [0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 0x0010_0000, 0xffff];

fn limits() -> Limits {
    Limits {
        max_entry_size: 16 << 20,
        max_total_size: 64 << 20,
        ..Limits::default()
    }
}

fn handed_over(app: &LoadedApp) -> Vec<usize> {
    let manifest = |m: &ManifestSource| match m {
        ManifestSource::Binary(b) | ManifestSource::Text(b) => b.bytes.len(),
    };
    app.manifest
        .iter()
        .map(manifest)
        .chain(app.split_manifests.iter().map(manifest))
        .chain(app.resources.iter().map(|b| b.bytes.len()))
        .chain(app.dex.iter().map(|b| b.bytes.len()))
        .chain(app.nested_dex.iter().map(|b| b.bytes.len()))
        .chain(app.native_libs.iter().map(|l| l.blob.bytes.len()))
        .collect()
}

/// One mutation of `original`, chosen by `rng`.
fn mutate(rng: &mut fastrand::Rng, original: &[u8]) -> (String, Vec<u8>) {
    let mut data = original.to_vec();
    let (eocd, recs) = records(original);
    let len = data.len();
    match rng.u8(0..6) {
        0 => {
            let n = rng.usize(1..=8);
            for _ in 0..n {
                let at = rng.usize(0..len);
                data[at] ^= 1 << rng.u8(0..8);
            }
            (format!("{n} bit flips anywhere"), data)
        }
        1 => {
            // Flips where the structure is: central directory and end record.
            let start = recs.first().map(|r| r.central).unwrap_or(eocd);
            for _ in 0..rng.usize(1..=4) {
                let at = rng.usize(start..len);
                data[at] ^= 1 << rng.u8(0..8);
            }
            ("bit flips in the central directory".into(), data)
        }
        2 => {
            let keep = rng.usize(0..len);
            data.truncate(keep);
            (format!("truncated to {keep}"), data)
        }
        3 => {
            let field = [10usize, 8, 12, 16][rng.usize(0..4)];
            let v = HUGE[rng.usize(0..HUGE.len())];
            if field == 10 || field == 8 {
                put_u16(&mut data, eocd + field, v as u16);
            } else {
                put_u32(&mut data, eocd + field, v);
            }
            (format!("end record field {field} = {v:#x}"), data)
        }
        4 => {
            let r = &recs[rng.usize(0..recs.len())];
            let field = [20usize, 24, 42, 16][rng.usize(0..4)];
            let v = HUGE[rng.usize(0..HUGE.len())];
            put_u32(&mut data, r.central + field, v);
            (format!("{} central field {field} = {v:#x}", r.name), data)
        }
        _ => {
            let r = &recs[rng.usize(0..recs.len())];
            let (field, at) = match rng.u8(0..3) {
                0 => ("local name length", r.local + 26),
                1 => ("local extra length", r.local + 28),
                _ => ("central name length", r.central + 28),
            };
            let v = rng.u16(..);
            put_u16(&mut data, at, v);
            (format!("{} length field {field} = {v}", r.name), data)
        }
    }
}

fn run(name: &str, original: &[u8], seed: u64, cases: usize) {
    let limits = limits();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut loaded = 0;
    for case in 0..cases {
        let (what, bytes) = mutate(&mut rng, original);
        let result = catch_unwind(AssertUnwindSafe(|| load_bytes(name, bytes, &limits)));
        let result = result.unwrap_or_else(|_| panic!("{name} case {case} ({what}): panic"));
        match result {
            Ok(app) => {
                loaded += 1;
                let sizes = handed_over(&app);
                let total: usize = sizes.iter().sum();
                assert!(
                    total as u64 <= limits.max_total_size,
                    "case {case} ({what}): {total}"
                );
                assert!(
                    sizes.iter().all(|&s| s as u64 <= limits.max_entry_size),
                    "case {case} ({what})"
                );
            }
            Err(e) => {
                let line = e.to_string();
                assert!(line.starts_with(name), "case {case} ({what}): {line}");
                assert!(!line.contains('\n'), "case {case} ({what}): {line}");
                assert_eq!(e.exit_code(), 2);
            }
        }
    }
    // Most single mutations leave a readable archive; all of them failing would mean the
    // test no longer exercises the reader.
    assert!(
        loaded > cases / 4,
        "{name}: only {loaded} of {cases} loaded"
    );
}

#[test]
fn mutated_fixture_apk() {
    run("fixture.apk", &fixture(), 0x5eed_0001, 300);
}

#[test]
fn mutated_registry_apk() {
    let path = common::corpus(
        "apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-debug-androidTest.apk",
    );
    let bytes = std::fs::read(path).expect("read registry APK");
    run("androidTest.apk", &bytes, 0x5eed_0002, 150);
}
