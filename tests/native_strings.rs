//! Oracle for the read-only data scan: `readelf -W -p .rodata` dumps the strings of every
//! real SDK library; every URL, host and Java name we report must occur in that dump, and
//! every dumped string holding an `http(s)://` URL must yield one of our URLs.

mod common;

use std::path::{Path, PathBuf};

fn so_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            so_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "so") {
            out.push(path);
        }
    }
}

/// `  [  15c0]  http://client.map.baidu.com/imap/sdk/tj?qt=vmap` -> the string.
fn rodata_strings(path: &Path) -> Vec<String> {
    common::oracle("readelf", &["-W", "-p", ".rodata"], path)
        .lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('[')?;
            let (_, text) = rest.split_once(']')?;
            Some(text.strip_prefix("  ").unwrap_or(text).to_string())
        })
        .collect()
}

#[test]
fn rodata_findings_agree_with_readelf_string_dump() {
    let root = common::corpus("sdk");
    let mut files = Vec::new();
    so_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 50,
        "expected the corpus's SDK .so files under {}",
        root.display()
    );
    let (mut urls, mut hosts, mut names) = (0, 0, 0);
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let name = path.display().to_string();
        let lib = sdkflow::native::inspect_bytes(&bytes, &name, None).expect("inspect");
        let dump = rodata_strings(path);
        assert!(!dump.is_empty(), "{name}: readelf found no .rodata strings");
        let found = &lib.strings;
        for s in found
            .urls
            .iter()
            .chain(&found.hosts)
            .chain(&found.java_names)
        {
            assert!(
                dump.iter().any(|d| d.contains(s.as_str())),
                "{name}: {s:?} is not in readelf's .rodata dump"
            );
        }
        // A bare `https://` (a prefix the code concatenates a host to) names nothing.
        let names_a_host = |d: &&String| {
            ["http://", "https://"].iter().any(|scheme| {
                d.match_indices(scheme).any(|(at, _)| {
                    d[at + scheme.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                })
            })
        };
        for d in dump.iter().filter(names_a_host) {
            assert!(
                found.urls.iter().any(|u| d.contains(u.as_str())),
                "{name}: readelf shows {d:?} but no URL of ours comes from it: {:?}",
                found.urls
            );
        }
        urls += found.urls.len();
        hosts += found.hosts.len();
        names += found.java_names.len();
    }
    println!(
        "{} libraries: {urls} URLs, {hosts} hosts, {names} Java names, all in readelf's dump",
        files.len()
    );
    assert!(
        urls > 0 && hosts > 0 && names > 0,
        "the Baidu map SDK holds all three kinds"
    );
}
