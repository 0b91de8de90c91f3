//! Native evidence from the ELF inspector (`native::inspect_all`): hosts in the read-only
//! data of `.so` files, and the lying-ABI trap with the real Umeng push library. The
//! oracles are `readelf -p .rodata` (strings) and `readelf -h` (class and machine).

mod detect_support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use detect_support::common::{self, corpus, sample_apk};
use detect_support::*;
use sdkflow::detect::{Confidence, Detection, Evidence};

/// Extract `entry` of the zip `apk` into the test's temp dir; returns the file's path.
fn extract(apk: &Path, entry: &str) -> PathBuf {
    let file = std::fs::File::open(apk).unwrap_or_else(|e| panic!("{}: {e}", apk.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = Vec::new();
    zip.by_name(entry)
        .unwrap_or_else(|e| panic!("{entry}: {e}"))
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{entry}: {e}"));
    let stem = apk.file_stem().and_then(|s| s.to_str()).unwrap_or("apk");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("detect_native")
        .join(stem)
        .join(entry);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{e}"));
    out
}

/// Host evidence of `d` located in a native library: `(host, library entry)`.
fn native_hosts(d: &Detection) -> Vec<(&str, &str)> {
    d.evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Host { host, location } if location.starts_with("lib/") => {
                Some((host.as_str(), location.as_str()))
            }
            _ => None,
        })
        .collect()
}

/// The sample shop ships JCore's and Bugly's libraries with their hosts in `.rodata`
/// (`readelf -p .rodata`: `https://tsis.jpush.cn`, `android.bugly.qq.com`): the detector
/// reports them as host evidence located at the library, and every native host it reports
/// is in that library's string dump.
#[test]
fn hosts_in_native_rodata_of_the_multidex_sample() {
    let apk = sample_apk("multidex");
    let found = detect_apk(&apk);

    let jcore_lib = "lib/arm64-v8a/libjcore330.so";
    let bugly_lib = "lib/arm64-v8a/libBugly.so";
    let jcore_dump = common::oracle("readelf", &["-p", ".rodata"], &extract(&apk, jcore_lib));
    let bugly_dump = common::oracle("readelf", &["-p", ".rodata"], &extract(&apk, bugly_lib));
    assert!(jcore_dump.contains("https://tsis.jpush.cn"), "{jcore_dump}");
    assert!(bugly_dump.contains("android.bugly.qq.com"), "{bugly_dump}");

    let jpush = assert_detects(&found, "jpush", Confidence::High);
    assert!(
        native_hosts(jpush).contains(&("tsis.jpush.cn", jcore_lib)),
        "{:#?}",
        jpush.evidence
    );
    let bugly = assert_detects(&found, "tencent-bugly", Confidence::High);
    assert!(
        native_hosts(bugly).contains(&("android.bugly.qq.com", bugly_lib)),
        "{:#?}",
        bugly.evidence
    );
    // The same host in code keeps its code location too (code first).
    let bugly_hosts: Vec<&str> = bugly
        .evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Host { host, location } if host == "android.bugly.qq.com" => {
                Some(location.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(bugly_hosts.len(), 2, "{bugly_hosts:?}");
    assert!(
        bugly_hosts[0].starts_with("Lcom/tencent/bugly/"),
        "{bugly_hosts:?}"
    );
    assert_eq!(bugly_hosts[1], bugly_lib);

    // Every native host of every detection is in its library's .rodata dump; the app's own
    // library (`libshopguard.so`, `https://api.sdkflow-demo.cn/v1/`) gives no SDK evidence.
    let mut checked = 0;
    for d in found.sdks.iter().chain(&found.host_only) {
        for (host, lib) in native_hosts(d) {
            assert!(!lib.contains("libshopguard"), "{}: {host} in {lib}", d.id);
            let dump = common::oracle("readelf", &["-p", ".rodata"], &extract(&apk, lib));
            assert!(dump.contains(host), "{}: {host} not in {lib}", d.id);
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} native hosts");
    // Nothing in the sample lies about its ABI.
    assert!(
        !found.problems.iter().any(|p| p.message.contains("ABI")),
        "{:?}",
        found.problems
    );
}

/// The ABI folder Android defines, and what `readelf -h` says such a library must be.
fn folder_promise(folder: &str) -> (&'static str, &'static str) {
    match folder {
        "arm64-v8a" => ("ELF64", "AArch64"),
        "armeabi-v7a" | "armeabi" => ("ELF32", "ARM"),
        "x86" => ("ELF32", "Intel 80386"),
        "x86_64" => ("ELF64", "Advanced Micro Devices X86-64"),
        "mips" => ("ELF32", "MIPS R3000"),
        "mips64" => ("ELF64", "MIPS R3000"),
        other => panic!("unexpected folder {other}"),
    }
}

/// `readelf -h`: (Class, Machine).
fn header_of(path: &Path) -> (String, String) {
    let out = common::oracle("readelf", &["-h"], path);
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("{name} not in readelf -h of {}", path.display()))
    };
    (field("Class:"), field("Machine:"))
}

/// Trap: Umeng push (`react-native-umeng-sdk@1.4.0`) ships `libcocklogic.so` as 32-bit ARM
/// under `arm64-v8a/` and as x86 under `x86_64/`, `mips/` and `mips64/`. Packed into an APK
/// with its honest copies, the library still names Umeng push, and every lying folder (per
/// `readelf -h` against the folder's ABI) is reported as a problem at that entry. The APK is
/// the basic sample (no third-party code) plus the seven real copies of the library.
#[test]
fn lying_abi_folder_is_umeng_push_and_flagged() {
    let dir = corpus("sdk/react-native-umeng-sdk@1.4.0/android/PushSDK/libs");
    let folders = [
        "arm64-v8a",
        "armeabi",
        "armeabi-v7a",
        "mips",
        "mips64",
        "x86",
        "x86_64",
    ];
    let apk = Path::new(env!("CARGO_TARGET_TMPDIR")).join("detect_native_lying_abi.apk");
    let mut lying = Vec::new();
    {
        let file = std::fs::File::create(&apk).unwrap_or_else(|e| panic!("{e}"));
        let mut zip = zip::ZipWriter::new(file);
        // The basic sample (manifest, dex, no third-party code) carries the libraries.
        let base = std::fs::File::open(sample_apk("basic")).unwrap_or_else(|e| panic!("{e}"));
        let mut base = zip::ZipArchive::new(base).unwrap_or_else(|e| panic!("{e}"));
        for i in 0..base.len() {
            let entry = base.by_index_raw(i).unwrap_or_else(|e| panic!("{e}"));
            if !entry.name().is_ok_and(|n| n.starts_with("META-INF/")) {
                zip.raw_copy_file(entry).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for folder in folders {
            let src = dir.join(folder).join("libcocklogic.so");
            let (class, machine) = header_of(&src);
            let promise = folder_promise(folder);
            if (class.as_str(), machine.as_str()) != promise {
                lying.push((folder, class, machine));
            }
            let bytes = std::fs::read(&src).unwrap_or_else(|e| panic!("{e}"));
            zip.start_file(format!("lib/{folder}/libcocklogic.so"), options)
                .unwrap_or_else(|e| panic!("{e}"));
            zip.write_all(&bytes).unwrap_or_else(|e| panic!("{e}"));
        }
        zip.finish().unwrap_or_else(|e| panic!("{e}"));
    }
    // docs/native.md: arm64-v8a (32-bit ARM), mips, mips64 and x86_64 (x86) lie.
    let lying_folders: Vec<&str> = lying.iter().map(|(f, _, _)| *f).collect();
    assert_eq!(lying_folders, ["arm64-v8a", "mips", "mips64", "x86_64"]);

    let found = detect_apk(&apk);
    let umeng = assert_detects(&found, "umeng-push", Confidence::Medium);
    for folder in folders {
        let path = format!("lib/{folder}/libcocklogic.so");
        assert!(
            umeng
                .evidence
                .iter()
                .any(|e| matches!(e, Evidence::NativeLib { path: p } if *p == path)),
            "{path}: {:#?}",
            umeng.evidence
        );
    }

    let flagged: Vec<_> = found
        .problems
        .iter()
        .filter(|p| p.message.contains("lying ABI folder"))
        .collect();
    assert_eq!(flagged.len(), lying.len(), "{:#?}", found.problems);
    for (folder, class, machine) in &lying {
        let entry = format!("lib/{folder}/libcocklogic.so");
        let p = flagged
            .iter()
            .find(|p| p.at.entry.as_deref() == Some(entry.as_str()))
            .unwrap_or_else(|| panic!("{entry} not flagged: {flagged:#?}"));
        assert_eq!(p.at.file, apk.display().to_string());
        let bits = if class == "ELF32" { "32-bit" } else { "64-bit" };
        let machine = match machine.as_str() {
            "ARM" => "arm",
            "Intel 80386" => "x86",
            other => panic!("unexpected machine {other}"),
        };
        assert!(
            p.message
                .contains(&format!("a {bits} {machine} library under {folder}/")),
            "{}",
            p.message
        );
        assert!(p.message.contains("umeng-push"), "{}", p.message);
    }

    // The CLI carries the flag in its JSON problems.
    let path = apk.display().to_string();
    let (code, out, err) = common::sdkflow(&["sdks", &path, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let problems = json["problems"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        problems
            .iter()
            .filter(|p| p["message"]
                .as_str()
                .is_some_and(|m| m.contains("lying ABI folder")))
            .count(),
        lying.len(),
        "{out}"
    );
}

/// A run that already inspected the libraries (`native::inspect_all`, as `sdkflow inspect`
/// does) detects the same SDKs with the same evidence from the borrowed results.
#[test]
fn detection_from_already_inspected_libraries_is_the_same() {
    let app = sdkflow::apk::load(&sample_apk("multidex"), &sdkflow::Limits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (native, problems) = sdkflow::native::inspect_all(&app);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(native.len(), app.native_libs.len());
    let multidex = sdkflow::dex::Multidex::from_app(&app, sdkflow::dex::ParseOptions::default());
    let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
    let detector = sdkflow::detect::Detector::new(catalog());
    let shared = sdkflow::detect::detect_app_with_native(
        &app,
        &multidex,
        manifest.as_ref(),
        &native,
        &detector,
    );
    let own = detect_loaded(&app);
    let render =
        |d: &sdkflow::detect::Detections| serde_json::to_string(&d.sdks).unwrap_or_default();
    assert_eq!(render(&shared), render(&own));
    assert!(
        shared
            .get("jpush")
            .is_some_and(|d| !native_hosts(d).is_empty())
    );
}
