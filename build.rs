//! Embeds the default signature catalogue (`sdk-signatures/`) into the binary, so that
//! `sdkflow sdks` works without any data files next to it. Generates a table of
//! `(file name, include_str!(path))` pairs; `catalog::Catalog::embedded()` parses it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time: `env!` would bake in the directory the build script was first
    // compiled in, and a target dir copied from another checkout then embeds its files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest_dir).join("sdk-signatures");
    let sdks = root.join("sdks");
    println!("cargo:rerun-if-changed={}", sdks.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("data-types.toml").display()
    );

    let mut files: Vec<_> = std::fs::read_dir(&sdks)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();

    let mut out = String::from("/// Embedded signature files: (file name, contents).\n");
    out.push_str("pub(crate) static SDK_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let data_types = root.join("data-types.toml");
    let _ = writeln!(
        out,
        "/// Embedded data-type vocabulary.\npub(crate) static DATA_TYPES: &str = include_str!({:?});",
        data_types.display().to_string()
    );
    catalogue_version(&root, &files);
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_signatures.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// The signature catalogue version shown by `sdkflow --version` and written into each
/// worker record (`docs/signatures.md`): the number of SDK signature files and a content
/// hash over every data file of `sdk-signatures/` (names and bytes, in name order), so
/// two builds report the same version exactly when they detect with the same data.
/// FNV-1a 64: an identifier, not a security check, and no build dependency for it.
fn catalogue_version(root: &Path, sdk_files: &[std::path::PathBuf]) {
    let mut data: Vec<std::path::PathBuf> = std::fs::read_dir(root)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    data.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in data.iter().chain(sdk_files) {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(root).unwrap_or(path);
        feed(rel.to_string_lossy().as_bytes());
        feed(&[0]);
        feed(&std::fs::read(path).unwrap_or_default());
        feed(&[0]);
    }
    println!(
        "cargo:rustc-env=SDKFLOW_CATALOG_VERSION={} signatures, data {hash:016x}",
        sdk_files.len()
    );
}
