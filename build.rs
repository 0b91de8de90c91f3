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
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_signatures.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
