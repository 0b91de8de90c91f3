//! Reading `dexdump` output, the oracle of the dex tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// What dexdump says about one dex file.
#[derive(Debug, Default)]
pub struct DexdumpDex {
    /// The dex entry name (`classes2.dex`; `classes.dex` for a bare file).
    pub name: String,
    /// `Class descriptor` lines, in order.
    pub classes: Vec<String>,
    /// Direct + virtual method entries.
    pub methods: u64,
    /// `invoke-*` instruction lines.
    pub invokes: u64,
    /// With `keep_insns`: code item offset -> instruction lines (the text after `|`).
    pub insns: BTreeMap<u32, Vec<String>>,
}

/// Run `dexdump -d` on `input` (an APK or a dex) and read its output, streaming.
pub fn dexdump(input: &Path, keep_insns: bool) -> Vec<DexdumpDex> {
    let mut child = Command::new("dexdump")
        .arg("-d")
        .arg(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("oracle `dexdump` not runnable ({e}): apt-get install dexdump"));
    let out = BufReader::with_capacity(1 << 20, child.stdout.take().expect("stdout"));
    let mut dexes: Vec<DexdumpDex> = Vec::new();
    let mut in_methods = false;
    let mut code: Option<u32> = None;
    for line in out.split(b'\n') {
        let line = line.expect("read dexdump output");
        let line = String::from_utf8_lossy(&line);
        if let Some(rest) = line.strip_prefix("Opened '") {
            let path = rest.split("', DEX version").next().unwrap_or_default();
            let name = match path.rsplit_once(':') {
                Some((_, entry)) if entry.ends_with(".dex") => entry.to_string(),
                _ => "classes.dex".to_string(),
            };
            dexes.push(DexdumpDex {
                name,
                ..Default::default()
            });
            continue;
        }
        let Some(dex) = dexes.last_mut() else {
            continue;
        };
        if let Some(rest) = line.strip_prefix("  Class descriptor  : '") {
            dex.classes.push(rest.trim_end_matches('\'').to_string());
            continue;
        }
        if line.starts_with("  Direct methods") || line.starts_with("  Virtual methods") {
            in_methods = true;
            continue;
        }
        if line.starts_with("  Static fields")
            || line.starts_with("  Instance fields")
            || line.starts_with("  source_file_idx")
            || line.starts_with("Class #")
        {
            in_methods = false;
            continue;
        }
        if in_methods && line.starts_with("    #") && line.contains(": (in ") {
            dex.methods += 1;
            continue;
        }
        // Instruction lines: "001ca8: 1a00 2e02    |0000: const-string v0, ..."
        if let Some((left, right)) = line.split_once('|') {
            if let Some(head) = right.strip_prefix('[') {
                code = u32::from_str_radix(head.get(..6).unwrap_or(""), 16).ok();
                continue;
            }
            if !left.contains(':') || right.len() < 6 || right.as_bytes().get(4) != Some(&b':') {
                continue;
            }
            if right.get(6..).is_some_and(|m| m.starts_with("invoke-")) {
                dex.invokes += 1;
            }
            if keep_insns && let Some(c) = code {
                dex.insns.entry(c).or_default().push(right.to_string());
            }
        }
    }
    let status = child.wait().expect("dexdump exit");
    assert!(
        status.success() || !dexes.is_empty(),
        "dexdump failed on {}",
        input.display()
    );
    dexes
}

/// The corpus's registry APKs, sorted.
pub fn registry_apks() -> Vec<std::path::PathBuf> {
    let dir = super::common::corpus_dir().join("apk");
    let mut apks: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "missing corpus {} ({e}): run `bash .ci/run` first",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "apk"))
        .collect();
    apks.sort();
    assert!(
        apks.len() >= 8,
        "expected the registry APKs in {}",
        dir.display()
    );
    apks
}

/// The jverification RN bridge classes.dex from the corpus.
pub fn jverification_dex() -> std::path::PathBuf {
    super::common::corpus(
        "sdk/jverification-react-native@2.8.8/android/build/.transforms/0f038a3935a9273cf6b8278ba7d7064c/transformed/classes/classes.dex",
    )
}
