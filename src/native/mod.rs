//! Native library (ELF) inspection with goblin: for every `lib/<abi>/*.so`, the machine
//! and whether it matches its ABI folder, soname, needed libraries, exported dynamic
//! symbols, `JNI_OnLoad`, `Java_...` exports decoded to Java methods, and URLs, host names
//! and Java names from read-only data. See `docs/native.md`.
//!
//! Every library is read on its own: a malformed or non-ELF file is an `Err` (or, through
//! [`inspect_all`], a [`Problem`]) and never stops the others. goblin has had panics on
//! hostile input, so each library is also read under `catch_unwind`.

mod abi;
mod elf;
mod error;
mod jni;
mod model;
mod strings;

use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

use crate::apk::{LoadedApp, NativeLibBlob, Problem};
use crate::{Error, Location};

pub use abi::{contradicts as abi_contradicts, elf_abi, folder_expects, machine_name};
pub use error::ElfError;
pub use jni::decode as decode_jni;
pub use model::*;
pub use strings::{ScanLimits, StringClass, classify as classify_string};

/// Inspect one library from an APK. Errors are located at the library's entry name.
pub fn inspect(lib: &NativeLibBlob) -> Result<NativeLib, Error> {
    inspect_bytes(&lib.blob.bytes, &lib.blob.name, Some(&lib.abi))
}

/// Inspect the ELF file `bytes`, named `name` in results and errors, found in the ABI
/// folder `abi_folder` (if any), with the default string-scan limits.
pub fn inspect_bytes(
    bytes: &[u8],
    name: &str,
    abi_folder: Option<&str>,
) -> Result<NativeLib, Error> {
    inspect_with(bytes, name, abi_folder, ScanLimits::default())
        .map_err(|e| e.into_error(Location::file(name)))
}

/// [`inspect_bytes`] with explicit scan limits, returning the ELF error itself.
pub fn inspect_with(
    bytes: &[u8],
    name: &str,
    abi_folder: Option<&str>,
    limits: ScanLimits,
) -> Result<NativeLib, ElfError> {
    let facts = catch_unwind(AssertUnwindSafe(|| elf::read(bytes))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        ElfError::Panicked { offset: 0, message }
    })??;

    let regions: Vec<&[u8]> = facts
        .rodata
        .iter()
        .filter_map(|&(start, end)| bytes.get(start..end))
        .collect();
    let strings = strings::scan(&regions, limits);

    let jni_onload = facts.exports.iter().any(|e| e.name == "JNI_OnLoad");
    let jni_methods = facts
        .exports
        .iter()
        .filter(|e| e.kind == SymbolKind::Func)
        .filter_map(|e| jni::decode(&e.name))
        .collect();
    let abi_mismatch = abi_folder.is_some_and(|f| abi::contradicts(f, facts.machine, facts.bits));
    Ok(NativeLib {
        name: name.to_string(),
        abi_folder: abi_folder.map(str::to_string),
        size: bytes.len() as u64,
        bits: facts.bits,
        machine: abi::machine_name(facts.machine),
        elf_abi: abi::elf_abi(facts.machine, facts.bits).map(str::to_string),
        abi_mismatch,
        soname: facts.soname,
        needed: facts.needed,
        exports: facts.exports,
        jni_onload,
        jni_methods,
        strings,
        warnings: facts.warnings,
    })
}

/// Inspect every native library of `app` in parallel. Libraries that cannot be read become
/// problems located at `app.source!entry @offset`; the others are returned in entry order.
pub fn inspect_all(app: &LoadedApp) -> (Vec<NativeLib>, Vec<Problem>) {
    let results: Vec<Result<NativeLib, Problem>> = app
        .native_libs
        .par_iter()
        .map(|lib| {
            inspect_with(
                &lib.blob.bytes,
                &lib.blob.name,
                Some(&lib.abi),
                ScanLimits::default(),
            )
            .map_err(|e| Problem {
                at: Location::entry(&app.source, &lib.blob.name).at(e.offset()),
                message: format!("malformed ELF: {e}"),
            })
        })
        .collect();
    let mut libs = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(lib) => libs.push(lib),
            Err(problem) => problems.push(problem),
        }
    }
    (libs, problems)
}
