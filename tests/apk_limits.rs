//! Zip bombs and other resource attacks: refused with `Error::Limit` naming the entry
//! before anything is inflated, or (for a lying central directory) stopped at the declared
//! size; the CLI exits 2 with one line, under a hard memory cap.

mod apk_support;
mod common;

use std::process::Command;

use apk_support::*;
use sdkflow::apk::{ManifestSource, load, load_bytes};
use sdkflow::{Error, Limits};

/// The fixture's manifest and dex files as stored entries, plus `extra`.
fn app_with(extra: RawEntry<'_>) -> Vec<u8> {
    let path = fixture_path();
    let manifest = unzip_p(&path, "AndroidManifest.xml");
    let dex = unzip_p(&path, "classes.dex");
    let crc = |b: &[u8]| {
        let mut c = flate2::Crc::new();
        c.update(b);
        c.sum()
    };
    raw_zip(&[
        RawEntry {
            name: "AndroidManifest.xml",
            method: 0,
            crc32: crc(&manifest),
            size: manifest.len() as u32,
            data: &manifest,
        },
        RawEntry {
            name: "classes.dex",
            method: 0,
            crc32: crc(&dex),
            size: dex.len() as u32,
            data: &dex,
        },
        extra,
    ])
}

/// Run the CLI under a 1 GiB address-space cap: inflating a bomb would die, not exit 2.
fn sdkflow_capped(args: &str) -> (i32, String, String) {
    let bin = env!("CARGO_BIN_EXE_sdkflow");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v 1048576 && exec '{bin}' {args}"))
        .output()
        .expect("run sdkflow under ulimit");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn one_gib_of_zeros_is_refused_before_inflating() {
    let (stream, crc) = zeros_deflated(1024);
    assert!(
        stream.len() < 2 << 20,
        "the bomb should be small: {}",
        stream.len()
    );
    let bytes = app_with(RawEntry {
        name: "classes2.dex",
        method: 8,
        crc32: crc,
        size: 1 << 30,
        data: &stream,
    });
    match load_bytes("bomb.apk", bytes.clone(), &Limits::default()) {
        Err(Error::Limit {
            at, what, actual, ..
        }) => {
            assert_eq!(at.entry.as_deref(), Some("classes2.dex"));
            assert_eq!(what, "declared inflated size");
            assert_eq!(actual, 1 << 30);
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
    let (_dir, path) = temp_file("bomb.apk", &bytes);
    let (code, stdout, stderr) = sdkflow_capped(&format!("inspect '{}'", path.display()));
    assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bomb.apk!classes2.dex"), "{stderr}");
    assert!(
        stderr.contains("refused: declared inflated size is 1073741824"),
        "{stderr}"
    );
}

#[test]
fn a_high_compression_ratio_is_refused() {
    let (stream, crc) = zeros_deflated(16);
    let bytes = app_with(RawEntry {
        name: "lib/arm64-v8a/libzeros.so",
        method: 8,
        crc32: crc,
        size: 16 << 20,
        data: &stream,
    });
    match load_bytes("ratio.apk", bytes, &Limits::default()) {
        Err(Error::Limit {
            at,
            what,
            limit,
            actual,
        }) => {
            assert_eq!(at.entry.as_deref(), Some("lib/arm64-v8a/libzeros.so"));
            assert_eq!(what, "compression ratio");
            assert_eq!(limit, 200);
            assert_eq!(actual, (16u64 << 20) / stream_len(16));
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}

fn stream_len(mib: usize) -> u64 {
    zeros_deflated(mib).0.len() as u64
}

#[test]
fn a_lying_central_directory_stops_at_the_declared_size() {
    let (stream, crc) = zeros_deflated(1024);
    let lie = |name| RawEntry {
        name,
        method: 8,
        crc32: crc,
        size: 4096,
        data: &stream,
    };
    // On a dex: that entry is not read, the rest is.
    let bytes = app_with(lie("classes2.dex"));
    let app = load_bytes("lie.apk", bytes.clone(), &Limits::default()).expect("loads");
    assert_eq!(app.dex.len(), 1, "only classes.dex is read");
    let total: usize = app.dex.iter().map(|b| b.bytes.len()).sum();
    assert!(total < 1 << 20);
    let problem = app
        .problems
        .iter()
        .find(|p| p.at.entry.as_deref() == Some("classes2.dex"))
        .expect("a problem for classes2.dex");
    assert!(
        problem
            .message
            .contains("inflates past its declared size of 4096"),
        "{}",
        problem.message
    );
    let (_dir, path) = temp_file("lie.apk", &bytes);
    let (code, stdout, stderr) = sdkflow_capped(&format!("inspect '{}'", path.display()));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("inflates past its declared size"),
        "{stdout}"
    );

    // On the manifest of a second archive layout: the APK cannot be read at all.
    let path = fixture_path();
    let dex = unzip_p(&path, "classes.dex");
    let bytes = raw_zip(&[
        lie("AndroidManifest.xml"),
        RawEntry {
            name: "classes.dex",
            method: 0,
            crc32: 0,
            size: dex.len() as u32,
            data: &dex,
        },
    ]);
    let (_dir, path) = temp_file("lie-manifest.apk", &bytes);
    let (code, _, stderr) = sdkflow_capped(&format!("inspect '{}'", path.display()));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("lie-manifest.apk!AndroidManifest.xml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("inflates past its declared size"),
        "{stderr}"
    );
}

#[test]
fn a_bomb_in_a_nested_jar_is_refused_with_its_full_name() {
    let (stream, crc) = zeros_deflated(1024);
    let jar = raw_zip(&[RawEntry {
        name: "classes.dex",
        method: 8,
        crc32: crc,
        size: 1 << 30,
        data: &stream,
    }]);
    let bytes = app_with(RawEntry {
        name: "assets/plugin.jar",
        method: 0,
        crc32: {
            let mut c = flate2::Crc::new();
            c.update(&jar);
            c.sum()
        },
        size: jar.len() as u32,
        data: &jar,
    });
    match load_bytes("nested-bomb.apk", bytes, &Limits::default()) {
        Err(Error::Limit { at, .. }) => {
            assert_eq!(at.entry.as_deref(), Some("assets/plugin.jar!classes.dex"));
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn total_size_and_entry_count_limits_apply() {
    let path = fixture_path();
    let small_total = Limits {
        max_total_size: 3000,
        ..Limits::default()
    };
    match load(&path, &small_total) {
        Err(Error::Limit { what, limit, .. }) => {
            assert_eq!(what, "total inflated size");
            assert_eq!(limit, 3000);
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
    let few_entries = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    match load(&path, &few_entries) {
        Err(Error::Limit { what, actual, .. }) => {
            assert_eq!(what, "entry count");
            assert_eq!(actual, 7, "the fixture has 7 entries (unzip -Z1)");
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
    // The fixture itself is within the defaults.
    let app = load(&path, &Limits::default()).expect("fixture loads");
    assert!(matches!(app.manifest, Some(ManifestSource::Binary(_))));
    let _ = common::repo();
}
