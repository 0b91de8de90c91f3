//! Benchmark: full dex inventory (parse + decode of every code item + stats) against the
//! floor of merely inflating the dex files, on the 16-dex appium-uiautomator2-server APK.
//!
//! Run: `cargo bench --bench dex` (or `cargo bench --bench dex -- PATH.apk [RUNS]`).
//! Prints the median of each measurement and the ratio to the inflate floor.
//! `-- --once PATH.apk` loads the APK and runs the inventory once (for `/usr/bin/time -v`
//! peak memory and hyperfine comparisons with other tools).

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use sdkflow::Limits;
use sdkflow::dex::{Multidex, ParseOptions, inventory};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    // One warm-up run, so page cache and allocator state are the same for every case.
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

/// Inflate every root `classes*.dex` with the zip crate, nothing else.
fn inflate_dex(apk: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(apk)).expect("zip");
    let mut total = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().unwrap_or_default().to_string();
        if name.starts_with("classes") && name.ends_with(".dex") && !name.contains('/') {
            let mut buf = Vec::with_capacity(f.size() as usize);
            f.read_to_end(&mut buf).expect("inflate");
            total += buf.len();
        }
    }
    total
}

fn main() {
    let once = std::env::args().any(|a| a == "--once");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let path = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
            "target/corpus/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk",
        )
    });
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(15);
    let apk = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (fetch the corpus: bash ../shared/corpus/corpus-fetch.sh target/corpus --big)",
            path.display()
        )
    });
    let limits = Limits::default();
    let name = path.display().to_string();
    if once {
        let app = sdkflow::apk::load_bytes(&name, apk, &limits).expect("load");
        let inv = inventory(&app);
        let invokes: u64 = inv.dex.iter().map(|d| d.invokes).sum();
        println!(
            "{} dex, {} classes, {invokes} invokes",
            inv.dex.len(),
            inv.classes.len()
        );
        return;
    }

    let inflated = inflate_dex(&apk);
    let app = sdkflow::apk::load_bytes(&name, apk.clone(), &limits).expect("load");
    let inv = inventory(&app);
    let insns: u64 = inv.dex.iter().map(|d| d.instructions).sum();
    let invokes: u64 = inv.dex.iter().map(|d| d.invokes).sum();
    let methods: u64 = inv.dex.iter().map(|d| d.methods).sum();
    println!(
        "{}: {} dex, {:.1} MB inflated, {} classes, {methods} methods, {insns} instructions, {invokes} invokes",
        path.file_name().unwrap_or_default().to_string_lossy(),
        inv.dex.len(),
        inflated as f64 / 1e6,
        inv.classes.len(),
    );

    let inflate = time(runs, || inflate_dex(&apk));
    let parse = time(runs, || {
        Multidex::from_app(&app, ParseOptions::default()).class_count()
    });
    let inventory_only = time(runs, || inventory(&app).dex.len());
    let load_and_inventory = time(runs, || {
        let app = sdkflow::apk::load_bytes(&name, apk.clone(), &limits).expect("load");
        inventory(&app).dex.len()
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let ratio = |d: Duration| d.as_secs_f64() / inflate.as_secs_f64();
    println!(
        "median of {runs} runs, {} rayon threads",
        rayon::current_num_threads()
    );
    println!(
        "  inflate dex only (floor)          {:8.1} ms   1.00x",
        ms(inflate)
    );
    println!(
        "  parse + class index               {:8.1} ms   {:.2}x",
        ms(parse),
        ratio(parse)
    );
    println!(
        "  inventory (decode every method)   {:8.1} ms   {:.2}x",
        ms(inventory_only),
        ratio(inventory_only)
    );
    println!(
        "  load APK + inventory (end to end) {:8.1} ms   {:.2}x",
        ms(load_and_inventory),
        ratio(load_and_inventory)
    );
}
