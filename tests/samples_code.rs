//! The code inside the sample APKs against the sources: `dexdump` lists exactly the classes
//! of each smali folder in the matching classesN.dex, and `readelf` shows that every native
//! library has the ABI of its folder, its own SONAME, the NEEDED entries its C source asks
//! for, and JNI exports that match the `native` methods declared in the smali. `broken`
//! keeps its damage: classes2.dex is rejected by dexdump and one .so is not an ELF file.

mod common;
mod samples_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use samples_support::{
    SAMPLES, all_smali_classes, apk, apk_entries, dex_folders, jni_name, needed_from_c,
    smali_classes, source_dir,
};

/// Class descriptors dexdump prints for one .dex file.
fn dexdump_classes(dex: &Path) -> BTreeSet<String> {
    common::oracle("dexdump", &[], dex)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Class descriptor  : '"))
        .map(|l| l.trim_end_matches('\'').to_string())
        .collect()
}

#[test]
fn dexdump_lists_the_smali_classes_of_each_dex() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (name, dir) in SAMPLES {
        let entries = apk_entries(&apk(name));
        let folders = dex_folders(dir);
        assert!(!folders.is_empty(), "{dir}: no smali folders");
        let dex_entries: BTreeSet<&str> = entries
            .keys()
            .filter(|k| k.starts_with("classes") && k.ends_with(".dex"))
            .map(String::as_str)
            .collect();
        let want_entries: BTreeSet<&str> = folders.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(dex_entries, want_entries, "{name}: dex entries");
        for (folder, dex) in &folders {
            let path = tmp.path().join(format!("{name}-{dex}"));
            fs::write(&path, &entries[dex]).expect("write dex");
            let got = dexdump_classes(&path);
            if *name == "broken" && dex == "classes2.dex" {
                assert!(
                    got.is_empty(),
                    "broken classes2.dex must be rejected, dexdump read {got:?}"
                );
                continue;
            }
            let want: BTreeSet<String> = smali_classes(dir, folder).into_keys().collect();
            assert_eq!(got, want, "{name}: {dex} vs {dir}/{folder}");
        }
    }
}

/// `readelf -h -d -W --dyn-syms` of one file: (machine, soname, needed, defined global symbols).
struct Elf {
    machine: String,
    soname: String,
    needed: BTreeSet<String>,
    exports: BTreeSet<String>,
}

fn readelf(path: &Path) -> Elf {
    let out = common::oracle("readelf", &["-h", "-d", "-W", "--dyn-syms"], path);
    let bracket = |l: &str| {
        l.split('[')
            .nth(1)
            .and_then(|s| s.split(']').next())
            .unwrap_or("")
            .to_string()
    };
    let mut elf = Elf {
        machine: String::new(),
        soname: String::new(),
        needed: BTreeSet::new(),
        exports: BTreeSet::new(),
    };
    for line in out.lines() {
        let t = line.trim();
        if let Some(m) = t.strip_prefix("Machine:") {
            elf.machine = m.trim().to_string();
        } else if t.contains("(NEEDED)") {
            elf.needed.insert(bracket(t));
        } else if t.contains("(SONAME)") {
            elf.soname = bracket(t);
        } else {
            // Num: Value Size Type Bind Vis Ndx Name
            let cols: Vec<&str> = t.split_whitespace().collect();
            if cols.len() == 8
                && cols[0].ends_with(':')
                && cols[4] == "GLOBAL"
                && cols[6] != "UND"
                && cols[6] != "ABS"
            {
                elf.exports.insert(cols[7].to_string());
            }
        }
    }
    elf
}

#[test]
fn native_libraries_match_their_abi_folder_c_source_and_smali_natives() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (name, dir) in SAMPLES {
        let natives: BTreeSet<String> = all_smali_classes(dir)
            .values()
            .flat_map(|c| {
                c.methods
                    .iter()
                    .filter(|m| m.flags.iter().any(|f| f == "native"))
                    .map(|m| jni_name(&c.descriptor, &m.signature))
            })
            .collect();
        let c_sources: BTreeMap<String, std::path::PathBuf> =
            match fs::read_dir(source_dir(dir).join("native")) {
                Ok(rd) => rd
                    .map(|e| e.expect("dir entry").path())
                    .filter(|p| p.extension().is_some_and(|x| x == "c"))
                    .map(|p| {
                        (
                            format!("{}.so", p.file_stem().unwrap().to_string_lossy()),
                            p,
                        )
                    })
                    .collect(),
                Err(_) => BTreeMap::new(),
            };
        let entries = apk_entries(&apk(name));
        let mut exported_jni = BTreeSet::new();
        for abi in ["arm64-v8a", "armeabi-v7a"] {
            let libs: BTreeMap<&str, &Vec<u8>> = entries
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(&format!("lib/{abi}/"))?, v)))
                .collect();
            let lib_names: BTreeSet<&str> = libs.keys().copied().collect();
            let want_names: BTreeSet<&str> = c_sources.keys().map(String::as_str).collect();
            assert_eq!(lib_names, want_names, "{name}: lib/{abi}");
            for (lib, bytes) in libs {
                if *name == "broken" && abi == "arm64-v8a" && lib == "libBugly.so" {
                    assert!(
                        !bytes.starts_with(b"\x7fELF"),
                        "broken libBugly.so must not be an ELF file"
                    );
                    continue;
                }
                let path = tmp.path().join(format!("{name}-{abi}-{lib}"));
                fs::write(&path, bytes).expect("write .so");
                let elf = readelf(&path);
                let machine = if abi == "arm64-v8a" { "AArch64" } else { "ARM" };
                assert_eq!(elf.machine, machine, "{name}: {abi}/{lib}");
                assert_eq!(elf.soname, lib, "{name}: {abi}/{lib} SONAME");
                assert_eq!(
                    elf.needed,
                    needed_from_c(&c_sources[lib]),
                    "{name}: {abi}/{lib} NEEDED"
                );
                assert!(
                    elf.exports.contains("JNI_OnLoad") || lib == "libshopguard.so",
                    "{name}: {abi}/{lib}"
                );
                let jni: BTreeSet<String> = elf
                    .exports
                    .iter()
                    .filter(|s| s.starts_with("Java_"))
                    .cloned()
                    .collect();
                assert!(!jni.is_empty(), "{name}: {abi}/{lib} has JNI exports");
                exported_jni.extend(jni);
            }
        }
        assert_eq!(
            exported_jni, natives,
            "{name}: JNI exports vs smali native methods"
        );
    }
}

/// Classes the manifest names (components, application) in a sample, as descriptors.
fn manifest_classes(dir: &str) -> BTreeSet<String> {
    let src = samples_support::source_manifest(dir);
    // (activity-alias names are not classes)
    src.tagged(&["application", "activity", "service", "receiver", "provider"])
        .iter()
        .map(|e| {
            let name = if e.name.starts_with('.') {
                format!("{}{}", src.package, e.name)
            } else {
                e.name.clone()
            };
            format!("L{};", name.replace('.', "/"))
        })
        .collect()
}

#[test]
fn multidex_keeps_each_sdk_in_its_dex_and_every_component_has_a_class() {
    let by_dex: BTreeMap<String, BTreeSet<String>> = dex_folders("multidex")
        .into_iter()
        .map(|(f, d)| (d, smali_classes("multidex", &f).into_keys().collect()))
        .collect();
    let has = |dex: &str, prefix: &str| by_dex[dex].iter().any(|c| c.starts_with(prefix));
    assert_eq!(by_dex.len(), 3);
    for prefix in ["Lcom/sdkflow/demo/shop/", "Landroidx/core/"] {
        assert!(has("classes.dex", prefix), "{prefix}");
    }
    for prefix in [
        "Lcn/jpush/android/",
        "Lcn/jiguang/",
        "Lcom/tencent/bugly/",
        "Lcom/amap/api/location/",
        "Lcom/loc/",
        "Lcom/umeng/",
    ] {
        assert!(has("classes2.dex", prefix), "{prefix}");
    }
    for prefix in [
        "Lcom/tencent/mm/opensdk/",
        "Lcom/alipay/sdk/",
        "Lcom/huawei/hms/",
        "Lokhttp3/",
        "Lcom/google/gson/",
    ] {
        assert!(has("classes3.dex", prefix), "{prefix}");
    }
    for dir in ["basic", "multidex", "obfuscated", "flows"] {
        let classes = all_smali_classes(dir);
        for class in manifest_classes(dir) {
            assert!(
                classes.contains_key(&class),
                "{dir}: manifest names {class}, which no smali defines"
            );
        }
    }
}

#[test]
fn obfuscated_renames_everything_but_manifest_and_native_classes() {
    let classes = all_smali_classes("obfuscated");
    let kept: BTreeSet<String> = manifest_classes("obfuscated");
    let readable = all_smali_classes("multidex");
    for (name, class) in &classes {
        let simple = name.trim_end_matches(';').rsplit('/').next().unwrap_or("");
        let native = class
            .methods
            .iter()
            .any(|m| m.flags.iter().any(|f| f == "native"));
        // kept: named in the manifest, has native methods (JNI names), BuildConfig, or the
        // SDK base class an app component extends (HMS requires HmsMessageService by name)
        let super_of_kept = kept
            .iter()
            .any(|k| classes.get(k).is_some_and(|c| &c.superclass == name));
        if kept.contains(name) || native || simple == "BuildConfig" || super_of_kept {
            continue;
        }
        assert!(simple.len() <= 2, "obfuscated: {name} kept a readable name");
        assert!(
            !readable.contains_key(name),
            "obfuscated: {name} also exists in multidex"
        );
    }
    // AMap is the fully obfuscated SDK: only APSService keeps the com.amap name, no apikey
    // meta-data, and its host survives as a string.
    let amap: Vec<&String> = classes
        .keys()
        .filter(|c| c.starts_with("Lcom/amap/"))
        .collect();
    assert_eq!(amap, vec!["Lcom/amap/api/location/APSService;"]);
    let src = samples_support::source_manifest("obfuscated");
    assert!(
        src.tagged(&["meta-data"])
            .iter()
            .all(|m| !m.name.starts_with("com.amap"))
    );
    // dex strings are deflated inside the APK: search the inflated dex entries
    let hosts: usize = apk_entries(&apk("obfuscated"))
        .iter()
        .filter(|(k, _)| k.ends_with(".dex"))
        .map(|(_, v)| v.windows(18).filter(|w| w == b"apilocate.amap.com").count())
        .sum();
    assert_eq!(
        hosts, 1,
        "apilocate.amap.com appears once in the obfuscated dex files"
    );
}
