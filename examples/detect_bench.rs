//! Time the detector on a real APK until the dex inventory is wired in: classes come from
//! `dexdump` (the oracle), strings are the printable runs of every dex (a superset of the
//! dex string table). Prints the compile time and the mean detection time.
//!
//! cargo run --release --example detect_bench -- target/corpus/apk/<16-dex>.apk

use std::io::Read;
use std::process::Command;
use std::time::Instant;

use sdkflow::catalog::Catalog;
use sdkflow::detect::{CodeString, Detector, Subject};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: detect_bench APK");
        std::process::exit(2);
    };
    let out = Command::new("dexdump")
        .arg(&path)
        .output()
        .expect("dexdump");
    let dump = String::from_utf8_lossy(&out.stdout);
    let classes: Vec<&str> = dump
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Class descriptor  : '"))
        .map(|l| l.trim_end_matches('\''))
        .collect();
    let file = std::fs::File::open(&path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut strings = Vec::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).expect("entry");
        let name = e.name().map(|n| n.to_string()).unwrap_or_default();
        if !name.ends_with(".dex") {
            continue;
        }
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).expect("read");
        for run in bytes.split(|b| !(0x20..0x7f).contains(b)) {
            if run.len() >= 4 {
                strings.push(CodeString {
                    value: String::from_utf8_lossy(run).into_owned().into(),
                    location: name.clone().into(),
                });
            }
        }
    }
    let mut subject = Subject::default();
    subject.add_classes("apk", classes.iter().copied());
    subject.strings = strings;
    let catalog = Catalog::embedded();
    let t = Instant::now();
    let detector = Detector::new(&catalog);
    let compile = t.elapsed();
    let runs = 20;
    let t = Instant::now();
    let mut found = None;
    for _ in 0..runs {
        found = Some(detector.detect(&subject));
    }
    let each = t.elapsed() / runs;
    let found = found.unwrap_or_default();
    println!(
        "{} classes, {} strings; compile {:?}; detect {:?} per run; {} sdks, {} unknown groups",
        subject.classes.len(),
        subject.strings.len(),
        compile,
        each,
        found.sdks.len(),
        found.unknown.len()
    );
    for d in &found.sdks {
        println!("  {} {:?}", d.id, d.confidence);
    }
}
