//! Helpers for the container tests: the committed fixture APK, a tiny independent zip
//! walker to aim byte surgery at the right header, zips built with the `zip` crate, and
//! `aapt dump badging` as the oracle for what Android's libziparchive accepts.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use zip::write::SimpleFileOptions;

/// The committed fixture APK (`tests/fixtures/build-fixture.sh` rebuilds it).
pub fn fixture_path() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fixture.apk");
    assert!(
        path.exists(),
        "missing {}: run `bash tests/fixtures/build-fixture.sh`",
        path.display()
    );
    path
}

/// The fixture's bytes.
pub fn fixture() -> Vec<u8> {
    std::fs::read(fixture_path()).expect("read fixture")
}

/// A central directory record as the test sees it (written independently of the crate).
#[derive(Debug, Clone)]
pub struct Record {
    /// Offset of the central record.
    pub central: usize,
    /// Offset of the local header.
    pub local: usize,
    /// Entry name.
    pub name: String,
}

/// The end record offset (last `PK\5\6`) and the central records, for well-formed input.
pub fn records(data: &[u8]) -> (usize, Vec<Record>) {
    let eocd = data
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .expect("end record");
    let u16_at = |p: usize| u16::from_le_bytes([data[p], data[p + 1]]) as usize;
    let u32_at = |p: usize| u32::from_le_bytes(data[p..p + 4].try_into().unwrap()) as usize;
    let count = u16_at(eocd + 10);
    let mut p = u32_at(eocd + 16);
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(&data[p..p + 4], b"PK\x01\x02");
        let (n, x, c) = (u16_at(p + 28), u16_at(p + 30), u16_at(p + 32));
        out.push(Record {
            central: p,
            local: u32_at(p + 42),
            name: String::from_utf8_lossy(&data[p + 46..p + 46 + n]).into_owned(),
        });
        p += 46 + n + x + c;
    }
    (eocd, out)
}

/// The record named `name`.
pub fn record(data: &[u8], name: &str) -> Record {
    records(data)
        .1
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no entry {name}"))
}

/// Write a little-endian u16/u32 at `at`.
pub fn put_u16(data: &mut [u8], at: usize, v: u16) {
    data[at..at + 2].copy_from_slice(&v.to_le_bytes());
}

/// Write a little-endian u32 at `at`.
pub fn put_u32(data: &mut [u8], at: usize, v: u32) {
    data[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// What `aapt dump badging` made of a file: whether it read the manifest, and its output.
pub struct Aapt {
    /// aapt printed the `package:` line.
    pub read_manifest: bool,
    /// stdout and stderr.
    pub output: String,
}

/// Run `aapt dump badging` (Android 10's libziparchive) on `path`.
pub fn aapt_badging(path: &Path) -> Aapt {
    let out = Command::new("aapt")
        .args(["dump", "badging"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("oracle `aapt` not runnable ({e}): run `bash .ci/run`"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    Aapt {
        read_manifest: stdout.lines().any(|l| l.starts_with("package: name=")),
        output: format!("{stdout}{}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// Save `bytes` to a named file in a fresh temp dir (kept alive by the returned guard).
pub fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    (dir, path)
}

/// Build a zip with the `zip` crate: `(name, bytes, stored?)`.
pub fn build_zip(files: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes, stored) in files {
        let method = if *stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() >= u32::MAX as usize);
        w.start_file(*name, options).expect("start file");
        w.write_all(bytes).expect("write file");
    }
    w.finish().expect("finish zip").into_inner()
}

/// The bytes of entry `name` of the zip at `path`, as `unzip -p` gives them (the oracle).
pub fn unzip_p(path: &Path, name: &str) -> Vec<u8> {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(path)
        .arg(name)
        .output()
        .unwrap_or_else(|e| panic!("oracle `unzip` not runnable ({e}): run `bash .ci/run`"));
    out.stdout
}

/// One entry for [`raw_zip`]: the stored bytes and what the headers declare.
pub struct RawEntry<'a> {
    /// Entry name.
    pub name: &'a str,
    /// Compression method.
    pub method: u16,
    /// CRC-32 to declare.
    pub crc32: u32,
    /// Inflated size to declare.
    pub size: u32,
    /// The stored bytes (already compressed for method 8).
    pub data: &'a [u8],
}

/// A zip written by hand, so headers can declare anything (lying sizes, bombs).
pub fn raw_zip(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let local = out.len() as u32;
        let mut fixed = Vec::new();
        fixed.extend(20u16.to_le_bytes()); // version needed
        fixed.extend(0u16.to_le_bytes()); // flags
        fixed.extend(e.method.to_le_bytes());
        fixed.extend([0u8; 4]); // time, date
        fixed.extend(e.crc32.to_le_bytes());
        fixed.extend((e.data.len() as u32).to_le_bytes());
        fixed.extend(e.size.to_le_bytes());
        fixed.extend((e.name.len() as u16).to_le_bytes());
        fixed.extend(0u16.to_le_bytes()); // extra length
        out.extend(b"PK\x03\x04");
        out.extend(&fixed);
        out.extend(e.name.as_bytes());
        out.extend(e.data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes()); // made by
        central.extend(&fixed);
        central.extend([0u8; 10]); // comment length, disk, internal, external attributes
        central.extend(local.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06\0\0\0\0");
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A real deflate stream of `mib` MiB of zeros and its CRC-32, built fast: after a full
/// flush the compressor starts afresh, so every further 1 MiB chunk compresses to the
/// same bytes and can be repeated.
pub fn zeros_deflated(mib: usize) -> (Vec<u8>, u32) {
    use flate2::{Compress, Compression, Crc, FlushCompress};
    let chunk = vec![0u8; 1 << 20];
    let mut z = Compress::new(Compression::best(), false);
    let mut piece = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(64 << 10);
        let before = z.total_in();
        z.compress_vec(input, &mut out, flush).expect("deflate");
        assert_eq!(
            z.total_in() - before,
            input.len() as u64,
            "chunk not consumed"
        );
        out
    };
    let first = piece(&chunk, FlushCompress::Full);
    let second = piece(&chunk, FlushCompress::Full);
    let third = piece(&chunk, FlushCompress::Full);
    assert_eq!(second, third, "a full flush should make chunks repeat");
    let last = piece(&[], FlushCompress::Finish);
    let mut stream = first;
    for _ in 1..mib {
        stream.extend(&second);
    }
    stream.extend(last);
    let mut one = Crc::new();
    one.update(&chunk);
    let mut crc = Crc::new();
    for _ in 0..mib {
        crc.combine(&one);
    }
    (stream, crc.sum())
}
