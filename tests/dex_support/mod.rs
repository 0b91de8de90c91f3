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
    // A const-string whose value holds a newline spans several lines: join them.
    let mut pending: Option<String> = None;
    for line in out.split(b'\n') {
        let line = line.expect("read dexdump output");
        let line = String::from_utf8_lossy(&line);
        if let Some(mut text) = pending.take() {
            text.push('\n');
            text.push_str(&line);
            if line.contains(" // string@") {
                if let (Some(dex), Some(c)) = (dexes.last_mut(), code) {
                    dex.insns.entry(c).or_default().push(text);
                }
            } else {
                pending = Some(text);
            }
            continue;
        }
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
                let mnemonic = right.get(6..).unwrap_or("");
                if mnemonic.starts_with("const-string") && !right.contains(" // string@") {
                    pending = Some(right.to_string());
                } else {
                    dex.insns.entry(c).or_default().push(right.to_string());
                }
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

/// One dexdump instruction line reduced to what can be compared exactly: offset,
/// mnemonic, registers, indices, raw literal bits and absolute branch target.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Norm {
    pub offset: u32,
    pub mnemonic: String,
    pub regs: Vec<u32>,
    pub indices: Vec<u32>,
    pub literal: Option<u64>,
    pub target: Option<u32>,
}

const INDEX_KINDS: &[&str] = &[
    "string@",
    "type@",
    "field@",
    "method@",
    "proto@",
    "call_site@",
    "method_handle@",
];

fn hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s, 16).ok()
}

fn indices_in(text: &str, out: &mut Vec<u32>) {
    for (i, _) in text.match_indices('@') {
        let before = &text[..i + 1];
        if INDEX_KINDS.iter().any(|k| before.ends_with(k)) {
            let digits: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            if let Some(v) = hex(&digits) {
                out.push(v as u32);
            }
        }
    }
}

/// Parse the part after `|` of a dexdump instruction line (`0003: invoke-static {v0}, ...`).
pub fn normalize(line: &str) -> Norm {
    let (off, rest) = line.split_once(": ").expect("offset");
    let offset = hex(off).expect("hex offset") as u32;
    let (mnemonic, operands) = rest.split_once(' ').unwrap_or((rest, ""));
    let mut n = Norm {
        offset,
        mnemonic: mnemonic.to_string(),
        ..Norm::default()
    };
    if matches!(
        mnemonic,
        "nop" | "packed-switch-data" | "sparse-switch-data" | "array-data"
    ) {
        return n; // payloads and nops: offset and name only
    }
    let (body, comment) = match operands.rsplit_once(" // ") {
        Some((b, c)) => (b, Some(c)),
        None => (operands, None),
    };
    // Registers: the braces of an invoke, or the leading vN operands.
    if let Some(inner) = body.strip_prefix('{') {
        let inner = inner.split('}').next().unwrap_or("");
        n.regs = inner
            .split(", ")
            .filter(|t| !t.is_empty())
            .map(|t| t.trim_start_matches('v').parse().expect("reg"))
            .collect();
    } else {
        for tok in body.split(", ") {
            match tok.strip_prefix('v').and_then(|r| r.parse().ok()) {
                Some(r) => n.regs.push(r),
                None => break,
            }
        }
    }
    let tokens: Vec<&str> = body.split(", ").collect();
    let last = tokens.last().copied().unwrap_or("");
    // Absolute targets are printed as bare hex (4 digits for 21t/22t/10t/20t, 8 for 31t);
    // goto/32 prints the relative offset as #hex.
    if mnemonic.starts_with("if-")
        || mnemonic.starts_with("goto")
        || mnemonic.ends_with("switch")
        || mnemonic == "fill-array-data"
    {
        let t = last.rsplit(' ').next().unwrap_or(last);
        n.target = match t.strip_prefix('#') {
            Some(rel) => Some(offset.wrapping_add(hex(rel).expect("rel") as u32)),
            None => hex(t).map(|v| v as u32),
        };
    }
    if mnemonic.starts_with("const-string") {
        // The string may contain anything: take the index from the comment only.
        indices_in(comment.unwrap_or(""), &mut n.indices);
    } else {
        indices_in(body, &mut n.indices);
        if n.indices.is_empty()
            && let Some(c) = comment
        {
            indices_in(c, &mut n.indices);
        }
    }
    // odex quick forms: [obj+XXXX] field offsets, [XXXX] vtable slots.
    if mnemonic.ends_with("-quick") {
        let start = body.rfind('[').expect("quick index");
        let digits: String = body[start + 1..]
            .trim_start_matches("obj+")
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        n.indices.push(hex(&digits).expect("quick hex") as u32);
    }
    if let Some(c) = comment
        && let Some(raw) = c.strip_prefix('#')
        && !c.starts_with("#int")
    // never: the comment holds raw bits
    {
        n.literal = hex(raw);
    }
    n
}
