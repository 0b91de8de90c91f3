//! Stage times of `sdkflow inspect` and `sdkflow sdks` in one process, for
//! `benches/detect.sh` (hyperfine measures the real binaries; this says where the time goes):
//!
//! - `detect_ratio inspect APK [N]`: `apk::load`, `inspect::inspect`, JSON;
//! - `detect_ratio sdks APK [N]`: what `sdkflow sdks --format json` does: the catalogue
//!   (parse, compile) beside `apk::load`, dex parse, manifest, `detect_app` (dex scan
//!   beside `native::inspect_all`, then matching), JSON.
//!
//! Runs N times (default 10) and prints the mean of each stage in milliseconds.

use std::time::{Duration, Instant};

use sdkflow::Limits;
use sdkflow::catalog::Catalog;
use sdkflow::detect::Detector;
use sdkflow::dex::{Multidex, ParseOptions};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: detect_ratio inspect|sdks APK [RUNS]");
        std::process::exit(2);
    };
    let runs: u32 = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(10);
    let path = std::path::Path::new(path);
    let mut totals: Vec<(&'static str, f64)> = Vec::new();
    let mut add =
        |stage: &'static str, d: Duration| match totals.iter_mut().find(|(s, _)| *s == stage) {
            Some((_, t)) => *t += ms(d),
            None => totals.push((stage, ms(d))),
        };
    for _ in 0..runs {
        let start = Instant::now();
        match mode.as_str() {
            "inspect" => {
                let app = sdkflow::apk::load(path, &Limits::default()).expect("load");
                add("load", start.elapsed());
                let t = Instant::now();
                let inspection = sdkflow::inspect::inspect(&app, false);
                add("inspect", t.elapsed());
                let t = Instant::now();
                let json = serde_json::to_string_pretty(&inspection).expect("json");
                add("json", t.elapsed());
                std::hint::black_box(json);
            }
            "sdks" => {
                let (catalog, app) = rayon::join(
                    || {
                        let t = Instant::now();
                        (Catalog::embedded(), t.elapsed())
                    },
                    || {
                        let t = Instant::now();
                        (
                            sdkflow::apk::load(path, &Limits::default()).expect("load"),
                            t.elapsed(),
                        )
                    },
                );
                let (catalog, parse) = catalog;
                let (app, load) = app;
                add("catalogue parse", parse);
                add("load", load);
                add("join(catalogue, load)", start.elapsed());
                let t = Instant::now();
                let detector = Detector::new(&catalog);
                add("compile", t.elapsed());
                let t = Instant::now();
                let multidex = Multidex::from_app(&app, ParseOptions::default());
                add("dex parse", t.elapsed());
                let t = Instant::now();
                let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
                add("manifest", t.elapsed());
                let t = Instant::now();
                let found =
                    sdkflow::detect::detect_app(&app, &multidex, manifest.as_ref(), &detector);
                add("detect_app", t.elapsed());
                let t = Instant::now();
                let json = serde_json::to_string_pretty(&found).expect("json");
                add("json", t.elapsed());
                std::hint::black_box(json);
            }
            _ => std::process::exit(2),
        }
        add("total", start.elapsed());
    }
    for (stage, total) in totals {
        println!("{stage:<24} {:8.2} ms", total / f64::from(runs));
    }
}
