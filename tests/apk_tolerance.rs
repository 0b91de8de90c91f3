//! What Android tolerates in a zip, and what we do. Each case transforms the bytes of the
//! real fixture APK, asks `aapt dump badging` (Android 10's libziparchive, the installer's
//! zip reader) what it makes of the result, and checks our reading:
//!
//! * where Android reads the file, we read the same bytes;
//! * where Android refuses, we still read (an audit should see what is there) and report a
//!   problem saying Android would refuse.

mod apk_support;

use std::process::Command;

use apk_support::*;
use sdkflow::Limits;
use sdkflow::apk::{LoadedApp, ManifestSource, load};

const MANIFEST: &str = "AndroidManifest.xml";

fn original_manifest() -> Vec<u8> {
    unzip_p(&fixture_path(), MANIFEST)
}

/// Load `bytes` from a temp file; return what aapt said and what we read.
fn both(name: &str, bytes: &[u8]) -> (Aapt, LoadedApp) {
    let (_dir, path) = temp_file(name, bytes);
    let aapt = aapt_badging(&path);
    let app = load(&path, &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: sdkflow refused what it should read: {e}"));
    (aapt, app)
}

fn manifest_bytes(app: &LoadedApp) -> &[u8] {
    match app.manifest.as_ref().expect("manifest read") {
        ManifestSource::Binary(b) => &b.bytes,
        ManifestSource::Text(_) => panic!("binary manifest expected"),
    }
}

fn dex_names(app: &LoadedApp) -> Vec<&str> {
    app.dex.iter().map(|b| b.name.as_str()).collect()
}

fn assert_problem(app: &LoadedApp, needle: &str) {
    assert!(
        app.problems.iter().any(|p| p.message.contains(needle)),
        "expected a problem containing {needle:?}, got {:#?}",
        app.problems
    );
}

/// We read the fixture's manifest and both dex files unchanged.
fn assert_read_intact(app: &LoadedApp) {
    assert_eq!(manifest_bytes(app), original_manifest().as_slice());
    assert_eq!(dex_names(app), ["classes.dex", "classes2.dex"]);
    assert_eq!(
        app.dex[0].bytes,
        unzip_p(&fixture_path(), "classes.dex"),
        "classes.dex bytes differ from unzip's"
    );
}

#[test]
fn the_untouched_fixture_reads_cleanly_like_aapt() {
    let (aapt, app) = both("fixture.apk", &fixture());
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert!(app.problems.is_empty(), "{:#?}", app.problems);
}

#[test]
fn trailing_data_android_refuses_we_read_and_report() {
    let mut bytes = fixture();
    let end = bytes.len();
    bytes.extend(vec![0x41; 300]);
    let (aapt, app) = both("trailing.apk", &bytes);
    assert!(!aapt.read_manifest);
    assert!(aapt.output.contains("extraneous bytes"), "{}", aapt.output);
    assert_read_intact(&app);
    assert_problem(&app, "300 bytes after the end of the central directory");
    let p = app
        .problems
        .iter()
        .find(|p| p.message.contains("300 bytes"))
        .unwrap();
    assert_eq!(p.at.offset, Some(end as u64));
}

#[test]
fn trailing_data_beyond_the_64k_comment_window_is_still_read() {
    let mut bytes = fixture();
    bytes.extend(vec![0u8; 200_000]);
    let (aapt, app) = both("trailing-big.apk", &bytes);
    assert!(!aapt.read_manifest);
    assert_read_intact(&app);
    assert_problem(&app, "200000 bytes after");
}

#[test]
fn prepended_stub_android_refuses_we_read_and_report() {
    // Offsets not adjusted (`cat stub app.apk`).
    let mut raw = vec![0u8; 512];
    raw[..2].copy_from_slice(b"MZ");
    raw.extend(fixture());
    let (aapt, app) = both("prepended.apk", &raw);
    assert!(!aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert_problem(&app, "512 bytes before the first local header");

    // Offsets adjusted (`zip -A`): the central directory is right, offset 0 still is not a
    // local header.
    let original = fixture();
    let (eocd, recs) = records(&original);
    let shift = 256usize;
    let mut adjusted = vec![b'#'; shift];
    adjusted.extend(&original);
    for r in &recs {
        put_u32(
            &mut adjusted,
            shift + r.central + 42,
            (r.local + shift) as u32,
        );
    }
    let cd = u32::from_le_bytes(original[eocd + 16..eocd + 20].try_into().unwrap());
    put_u32(&mut adjusted, shift + eocd + 16, cd + shift as u32);
    let (aapt, app) = both("adjusted.apk", &adjusted);
    assert!(!aapt.read_manifest);
    assert!(
        aapt.output.contains("invalid LFH signature"),
        "{}",
        aapt.output
    );
    assert_read_intact(&app);
    assert_problem(&app, "256 bytes before the first local header");
}

#[test]
fn local_header_name_mismatch_android_refuses_the_entry_we_read_by_the_central_directory() {
    let mut bytes = fixture();
    let m = record(&bytes, MANIFEST);
    bytes[m.local + 30] ^= 0x20; // "AndroidManifest.xml" -> "aNdroid..." in the local header only
    let (aapt, app) = both("lfh-name.apk", &bytes);
    assert!(!aapt.read_manifest);
    assert!(
        aapt.output.contains("lfh name did not match"),
        "{}",
        aapt.output
    );
    assert_read_intact(&app);
    assert_problem(&app, "local header name differs");
}

#[test]
fn local_header_size_mismatch_android_refuses_the_entry_we_read_by_the_central_directory() {
    let mut bytes = fixture();
    let m = record(&bytes, MANIFEST);
    put_u32(&mut bytes, m.local + 22, 99); // uncompressed size in the local header
    let (aapt, app) = both("lfh-size.apk", &bytes);
    assert!(!aapt.read_manifest);
    assert!(
        aapt.output.contains("size/crc32 mismatch"),
        "{}",
        aapt.output
    );
    assert_read_intact(&app);
    assert_problem(&app, "local header sizes or CRC differ");
}

#[test]
fn encrypted_flag_on_a_clear_entry_is_ignored_by_android_and_by_us() {
    let mut bytes = fixture();
    let m = record(&bytes, MANIFEST);
    for at in [m.local + 6, m.central + 8] {
        let flags = u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        put_u16(&mut bytes, at, flags | 1);
    }
    let (aapt, app) = both("encrypted.apk", &bytes);
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert_problem(&app, "marked encrypted");
}

#[test]
fn local_method_differs_android_uses_the_central_directory_and_so_do_we() {
    let mut bytes = fixture();
    let m = record(&bytes, MANIFEST);
    put_u16(&mut bytes, m.local + 8, 0); // local header says "stored", data is deflated
    let (aapt, app) = both("lfh-method.apk", &bytes);
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert_problem(
        &app,
        "local header says compression method 0, central directory 8",
    );
}

#[test]
fn unknown_method_is_inflated_as_deflate_like_android() {
    let mut bytes = fixture();
    let m = record(&bytes, MANIFEST);
    put_u16(&mut bytes, m.local + 8, 0x4c);
    put_u16(&mut bytes, m.central + 10, 0x4c);
    let (aapt, app) = both("method-76.apk", &bytes);
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert_problem(&app, "unknown compression method 76");
}

#[test]
fn duplicate_names_android_refuses_we_read_every_copy() {
    let original = fixture();
    let (_dir, path) = temp_file("fixture.apk", &original);
    let mut files: Vec<(String, Vec<u8>)> = records(&original)
        .1
        .iter()
        .map(|r| (r.name.clone(), unzip_p(&path, &r.name)))
        .collect();
    // A second classes.dex, as in the "Master Key" bug: which copy would run? The zip crate
    // will not write a duplicate name, so write `classes.dey` and rename it in place.
    files.push(("classes.dey".into(), b"dex\n035\0second copy".to_vec()));
    let list: Vec<(&str, &[u8], bool)> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice(), false))
        .collect();
    let mut dup = build_zip(&list);
    let r = record(&dup, "classes.dey");
    for name_at in [r.local + 30, r.central + 46] {
        dup[name_at..name_at + 11].copy_from_slice(b"classes.dex");
    }
    let (aapt, app) = both("dup.apk", &dup);
    assert!(!aapt.read_manifest);
    assert!(
        aapt.output.contains("Found duplicate entry"),
        "{}",
        aapt.output
    );
    assert_eq!(
        dex_names(&app),
        ["classes.dex", "classes.dex#2", "classes2.dex"]
    );
    assert_eq!(app.dex[1].bytes, b"dex\n035\0second copy");
    assert_problem(&app, "duplicate entry names (classes.dex)");
}

#[test]
fn stored_entries_and_data_descriptors_read_like_aapt() {
    let original = fixture();
    let (dir, path) = temp_file("fixture.apk", &original);
    let names = ["AndroidManifest.xml", "classes.dex", "classes2.dex"];
    let files: Vec<(&str, Vec<u8>)> = names.iter().map(|n| (*n, unzip_p(&path, n))).collect();
    let list: Vec<(&str, &[u8], bool)> = files
        .iter()
        .map(|(n, b)| (*n, b.as_slice(), true))
        .collect();
    let (aapt, app) = both("stored.apk", &build_zip(&list));
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert!(app.entries.iter().all(|e| e.method == 0));

    // Info-ZIP writing to a pipe cannot seek back: every entry gets a data descriptor.
    let work = dir.path().join("unpacked");
    std::fs::create_dir(&work).unwrap();
    for (n, b) in &files {
        std::fs::write(work.join(n), b).unwrap();
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg("zip -q - AndroidManifest.xml classes.dex classes2.dex | cat")
        .current_dir(&work)
        .output()
        .expect("oracle `zip` not runnable: run `bash .ci/run`");
    assert!(out.status.success(), "zip failed");
    let streamed = out.stdout;
    let (_, recs) = records(&streamed);
    let flags = u16::from_le_bytes([streamed[recs[0].local + 6], streamed[recs[0].local + 7]]);
    assert_ne!(flags & 8, 0, "expected a data descriptor flag");
    let (aapt, app) = both("streamed.apk", &streamed);
    assert!(aapt.read_manifest, "{}", aapt.output);
    assert_read_intact(&app);
    assert!(app.problems.is_empty(), "{:#?}", app.problems);
}
