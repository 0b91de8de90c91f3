//! A [`Subject`] from a JVM archive (a vendor's `.jar`, an `.aar`, a zip of both): the
//! `.class` entries give the class inventory, nested jars are opened, `.so` entries give
//! the native libraries and their JNI exports. This is how vendor SDK binaries are
//! matched without a dex converter, and how `sdkflow sdks` reads a jar or aar.

use std::borrow::Cow;
use std::io::Read;

use super::subject::{ClassRef, NativeLibInput, Subject};
use crate::{Error, Format, Limits, Location};

/// How deep archives inside archives are opened (`x.aar!classes.jar`).
const MAX_DEPTH: u32 = 3;

/// What was read from an archive, besides the subject: entries skipped and why.
#[derive(Debug, Default)]
pub struct ArchiveInventory {
    /// The subject to detect on.
    pub subject: Subject<'static>,
    /// Entries that could not be read (too big, corrupt), as messages.
    pub skipped: Vec<String>,
}

/// Read a `.jar`, `.aar` or `.zip` of them into a subject. `name` names the archive in
/// evidence (`libs/jpush-android-3.1.6.jar`).
pub fn subject_from_archive(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> crate::Result<ArchiveInventory> {
    let mut inv = ArchiveInventory::default();
    walk(name, bytes, limits, 0, &mut inv)?;
    Ok(inv)
}

fn walk(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    depth: u32,
    inv: &mut ArchiveInventory,
) -> crate::Result<()> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::malformed(Location::file(name), Format::Zip, e.to_string()))?;
    if archive.len() > limits.max_entries {
        return Err(Error::Limit {
            at: Location::file(name),
            what: "entries".into(),
            limit: limits.max_entries as u64,
            actual: archive.len() as u64,
        });
    }
    // Reserve this archive's slot first: nested archives add theirs while we walk.
    let file_index = u32::try_from(inv.subject.code_files.len()).unwrap_or(u32::MAX);
    inv.subject.code_files.push(Cow::Owned(name.to_string()));
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            inv.skipped.push(format!("{name}: entry #{i} unreadable"));
            continue;
        };
        let Ok(entry_name) = entry.name().map(|n| n.to_string()) else {
            continue;
        };
        if entry.is_dir() {
            continue;
        }
        let lower = entry_name.to_ascii_lowercase();
        if lower.ends_with(".class") {
            let class = entry_name.trim_end_matches(".class");
            if class.starts_with("META-INF/")
                || class.ends_with("module-info")
                || class.ends_with("package-info")
            {
                continue;
            }
            inv.subject.classes.push(ClassRef {
                descriptor: Cow::Owned(format!("L{class};")),
                file: file_index,
            });
            continue;
        }
        let nested = lower.ends_with(".jar")
            || lower.ends_with(".aar")
            || lower.ends_with(".zip")
            || lower.ends_with(".so");
        if !nested {
            continue;
        }
        if entry.size() > limits.max_entry_size {
            inv.skipped.push(format!(
                "{name}!{entry_name}: {} bytes, over the entry limit",
                entry.size()
            ));
            continue;
        }
        let mut data = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0).min(1 << 26));
        if let Err(e) = entry
            .by_ref()
            .take(limits.max_entry_size)
            .read_to_end(&mut data)
        {
            inv.skipped.push(format!("{name}!{entry_name}: {e}"));
            continue;
        }
        let path = format!("{name}!{entry_name}");
        if lower.ends_with(".so") {
            inv.subject.native_libs.push(native_input(path, &data));
        } else if depth < MAX_DEPTH
            && let Err(e) = walk(&path, &data, limits, depth + 1, inv)
        {
            inv.skipped.push(e.to_string());
        }
    }
    Ok(())
}

/// A native library input read by [`crate::native::inspect_bytes`]: file name, path,
/// `Java_` exports, URLs and hosts of its read-only data, a lying ABI folder (the folder is
/// the path segment before the file name, `libs/arm64-v8a/libx.so`). A file that is not ELF
/// keeps its name only: the name is evidence on its own.
pub fn native_input(path: String, bytes: &[u8]) -> NativeLibInput<'static> {
    let mut segments = path.rsplit(['/', '!']);
    let file_name = segments.next().unwrap_or_default().to_string();
    let folder = segments.next().filter(|f| !f.is_empty());
    match crate::native::inspect_bytes(bytes, &path, folder) {
        Ok(lib) => NativeLibInput::from_native_owned(lib),
        Err(_) => NativeLibInput {
            path: Cow::Owned(path),
            file_name: Cow::Owned(file_name),
            ..NativeLibInput::default()
        },
    }
}
