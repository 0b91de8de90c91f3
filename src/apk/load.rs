//! Reading an input into a [`LoadedApp`]. This first version handles a single APK, a bare
//! dex and a text manifest; the container work extends it (split sets, bundles, Android's
//! zip tolerances, limits on every inflation).

use std::io::Read;
use std::path::Path;

use super::{Blob, Entry, EntryKind, LoadedApp, ManifestSource, NativeLibBlob, classify};
use crate::{Error, Format, Limits, Location};

const DEX_MAGIC: &[u8] = b"dex\n";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Read the input at `path` (an APK, a bare `.dex`, a text `AndroidManifest.xml`).
pub fn load(path: &Path, limits: &Limits) -> Result<LoadedApp, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    load_bytes(&name, bytes, limits)
}

/// Read an input already in memory; `name` is used in evidence and errors.
pub fn load_bytes(name: &str, bytes: Vec<u8>, limits: &Limits) -> Result<LoadedApp, Error> {
    if bytes.starts_with(DEX_MAGIC) {
        return Ok(LoadedApp {
            source: name.to_string(),
            input_kind: "dex".into(),
            dex: vec![Blob {
                name: "classes.dex".into(),
                bytes,
            }],
            ..LoadedApp::default()
        });
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return load_zip(name, &bytes, limits);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]);
    if head
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return Ok(LoadedApp {
            source: name.to_string(),
            input_kind: "manifest-xml".into(),
            manifest: Some(ManifestSource::Text(Blob {
                name: "AndroidManifest.xml".into(),
                bytes,
            })),
            ..LoadedApp::default()
        });
    }
    Err(Error::Unsupported {
        at: Location::file(name),
        reason: "not an APK, dex or AndroidManifest.xml".into(),
    })
}

fn load_zip(name: &str, bytes: &[u8], limits: &Limits) -> Result<LoadedApp, Error> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::malformed(Location::file(name), Format::Zip, e.to_string()))?;
    let mut app = LoadedApp {
        source: name.to_string(),
        input_kind: "apk".into(),
        ..LoadedApp::default()
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| Error::malformed(Location::file(name), Format::Zip, e.to_string()))?;
        let entry_name = file
            .name()
            .map_err(|e| Error::malformed(Location::file(name), Format::Zip, e.to_string()))?
            .to_string();
        let kind = classify(&entry_name);
        app.entries.push(Entry {
            name: entry_name.clone(),
            kind: kind.clone(),
            compressed_size: file.compressed_size(),
            size: file.size(),
            method: 0,
        });
        let wanted = matches!(
            kind,
            EntryKind::Manifest
                | EntryKind::Resources
                | EntryKind::Dex
                | EntryKind::NativeLib { .. }
        );
        if !wanted {
            continue;
        }
        let at = Location::entry(name, &entry_name);
        if file.size() > limits.max_entry_size {
            return Err(Error::Limit {
                at,
                what: "inflated size".into(),
                limit: limits.max_entry_size,
                actual: file.size(),
            });
        }
        total = total.saturating_add(file.size());
        if total > limits.max_total_size {
            return Err(Error::Limit {
                at,
                what: "total inflated size".into(),
                limit: limits.max_total_size,
                actual: total,
            });
        }
        let mut data = Vec::new();
        (&mut file)
            .take(limits.max_entry_size + 1)
            .read_to_end(&mut data)
            .map_err(|e| Error::malformed(at.clone(), Format::Zip, e.to_string()))?;
        let blob = Blob {
            name: entry_name.clone(),
            bytes: data,
        };
        match kind {
            EntryKind::Manifest => app.manifest = Some(ManifestSource::Binary(blob)),
            EntryKind::Resources => app.resources = Some(blob),
            EntryKind::Dex => app.dex.push(blob),
            EntryKind::NativeLib { abi } => {
                let file_name = entry_name
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                app.native_libs.push(NativeLibBlob {
                    abi,
                    file_name,
                    blob,
                });
            }
            _ => {}
        }
    }
    app.dex.sort_by_key(|b| super::classify::dex_index(&b.name));
    Ok(app)
}
