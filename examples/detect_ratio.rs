//! What detection adds to the dex inventory, for `benches/detect.sh` (hyperfine), while
//! `sdkflow inspect` does not read the dex files yet:
//!
//! - `detect_ratio inventory APK`: load + `dex::inventory` (every code item decoded);
//! - `detect_ratio detect APK`: the same, then the manifest, the embedded catalogue,
//!   `detect::detect_app` (what `sdkflow sdks` adds).

use sdkflow::Limits;
use sdkflow::catalog::Catalog;
use sdkflow::detect::{Detector, detect_app};
use sdkflow::dex::{Multidex, ParseOptions, dex_stats};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: detect_ratio inventory|detect APK");
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    let app = sdkflow::apk::load(std::path::Path::new(path), &Limits::default()).expect("load");
    // The inventory, parsing the dex files once so detection can reuse them.
    let multidex = Multidex::from_app(&app, ParseOptions::default());
    let stats: Vec<_> = {
        use rayon::prelude::*;
        multidex
            .dexes
            .par_iter()
            .map(|e| dex_stats(&app.source, e))
            .collect()
    };
    let t_inventory = start.elapsed();
    let classes = multidex.class_count();
    let insns: u64 = stats.iter().map(|(s, _)| s.instructions).sum();
    match mode.as_str() {
        "inventory" => println!("{classes} classes, {insns} instructions"),
        "detect" => {
            let t = std::time::Instant::now();
            let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
            let t_manifest = t.elapsed();
            let catalog = Catalog::embedded();
            let t_catalog = t.elapsed();
            let detector = Detector::new(&catalog);
            let t_compile = t.elapsed();
            let subject = sdkflow::detect::subject_from_app(&app, &multidex, manifest.as_ref());
            let t_subject = t.elapsed();
            let found = detector.detect(&subject);
            let t_detect = t.elapsed();
            if std::env::var_os("DETECT_RATIO_TIMES").is_some() {
                eprintln!(
                    "load+inventory {t_inventory:?}; manifest {t_manifest:?}, catalogue {:?}, compile {:?}, subject {:?} ({} strings, {} fields), detect {:?}",
                    t_catalog - t_manifest,
                    t_compile - t_catalog,
                    t_subject - t_compile,
                    subject.strings.len(),
                    subject.static_fields.len(),
                    t_detect - t_subject
                );
            }
            let _ = detect_app;
            println!(
                "{classes} classes, {insns} instructions, {} sdks",
                found.sdks.len()
            );
        }
        _ => std::process::exit(2),
    }
}
