//! Benchmark: reading a 300 KB HTML privacy policy (issue 10: under 50 ms), against two
//! floors measured in the same run: reading and decoding the file, and the same plus a
//! plain HTML-to-text pass (tags and entities out, nothing else).
//!
//! The document is built from real HTML SDK lists of the corpus (`../shared/policies`:
//! usongame_sdk.md, catstudio_sdk-list.md, jiamai_sdklist.md, sanuya_thirdPartySDK.md,
//! mooban_sdkList.md) concatenated in turn until it reaches 300 KB, written to
//! `target/bench-policy-300k.html`.
//!
//! Run: `SHARED=/work/shared cargo bench --bench policy` (or `-- RUNS`). Prints the median
//! of each measurement and the ratios.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use sdkflow::catalog::Catalog;
use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases};

const TARGET_BYTES: usize = 300 * 1024;
const SOURCES: &[&str] = &[
    "usongame_sdk.md",
    "catstudio_sdk-list.md",
    "jiamai_sdklist.md",
    "sanuya_thirdPartySDK.md",
    "mooban_sdkList.md",
];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f());
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// The plain HTML-to-text floor: drop tags, decode nothing, keep text.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() / 2);
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(21);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let dir = shared.join("policies");
    let parts: Vec<String> = SOURCES
        .iter()
        .map(|f| {
            std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (set SHARED to the folder holding policies/)",
                    dir.join(f).display()
                )
            })
        })
        .collect();
    let mut doc = String::from("<html><body>\n");
    'fill: loop {
        for p in &parts {
            if doc.len() >= TARGET_BYTES {
                break 'fill;
            }
            doc.push_str(p);
            doc.push('\n');
        }
    }
    doc.push_str("</body></html>\n");
    let path = root.join("target/bench-policy-300k.html");
    std::fs::write(&path, &doc).expect("write the benchmark document");

    let dict = Dictionary::embedded().expect("dictionary");
    let aliases = Aliases::new(Catalog::embedded().aliases());
    let read = || std::fs::read(&path).expect("read");
    let decode = time(runs, || policy::decode::decode(&read()).text.len());
    let to_text = time(runs, || {
        html_to_text(&policy::decode::decode(&read()).text).len()
    });
    let strip = time(runs, || {
        policy::markup::strip(&policy::decode::decode(&read()).text).len()
    });
    let full = time(runs, || {
        policy::read_file(&path, dict, &aliases)
            .expect("policy reads")
            .sdks
            .len()
    });
    let table = policy::read_file(&path, dict, &aliases).expect("policy reads");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} bytes of HTML, {} SDK records, {} permissions ({runs} runs, median)",
        doc.len(),
        table.sdks.len(),
        table.permissions.len()
    );
    println!("  read + decode                  {:8.2} ms", ms(decode));
    println!("  read + decode + tags out       {:8.2} ms", ms(to_text));
    println!("  read + decode + markup::strip  {:8.2} ms", ms(strip));
    println!("  policy::read_file (full)       {:8.2} ms", ms(full));
    println!(
        "  full / tags-out floor: {:.1}x   full / read+decode: {:.1}x   budget 50 ms: {}",
        ms(full) / ms(to_text),
        ms(full) / ms(decode),
        if ms(full) < 50.0 { "met" } else { "NOT met" }
    );
}
