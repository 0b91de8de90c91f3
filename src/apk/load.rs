//! The entry points: read any input sdkflow accepts into a [`LoadedApp`]. The kind of input
//! is decided by content and layout (see [`detect`](super::detect)), not by extension.

use std::path::Path;

use super::bundle;
use super::detect::{Sniffed, ZipLayout, sniff, zip_layout};
use super::loader::Loader;
use super::zip::{Archive, ZipError};
use super::{ArchiveRole, Blob, LoadedApp, ManifestSource};
use crate::{Error, Limits, Location};

const NOT_AN_INPUT: &str =
    "not an APK, split set, APKS/XAPK bundle, dex file or AndroidManifest.xml";

/// Read the input at `path`: an APK, a directory of split APKs, an `.apks`/`.xapk` bundle,
/// a jar/zip of dex files, a bare `.dex`, or an `AndroidManifest.xml` (binary or text).
pub fn load(path: &Path, limits: &Limits) -> Result<LoadedApp, Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&name, e))?;
    if meta.is_dir() {
        return load_split_dir(path, &name, limits);
    }
    let bytes = read_file(path, &name, meta.len(), limits)?;
    load_bytes(&name, bytes, limits)
}

fn read_file(path: &Path, name: &str, len: u64, limits: &Limits) -> Result<Vec<u8>, Error> {
    if len > limits.max_input_size {
        return Err(Error::Limit {
            at: Location::file(name),
            what: "input size".into(),
            limit: limits.max_input_size,
            actual: len,
        });
    }
    std::fs::read(path).map_err(|e| Error::io(name, e))
}

/// Read an input already in memory; `name` is used in evidence and errors.
pub fn load_bytes(name: &str, bytes: Vec<u8>, limits: &Limits) -> Result<LoadedApp, Error> {
    let single = |kind: &str| LoadedApp {
        source: name.to_string(),
        input_kind: kind.to_string(),
        ..LoadedApp::default()
    };
    match sniff(&bytes) {
        Sniffed::Dex => Ok(LoadedApp {
            dex: vec![Blob {
                name: "classes.dex".into(),
                bytes,
            }],
            ..single("dex")
        }),
        Sniffed::BinaryXml => Ok(LoadedApp {
            manifest: Some(ManifestSource::Binary(Blob {
                name: "AndroidManifest.xml".into(),
                bytes,
            })),
            ..single("manifest-axml")
        }),
        Sniffed::TextXml => Ok(LoadedApp {
            manifest: Some(ManifestSource::Text(Blob {
                name: "AndroidManifest.xml".into(),
                bytes,
            })),
            ..single("manifest-xml")
        }),
        Sniffed::Other => load_zip(name, &bytes, limits),
    }
}

fn load_zip(name: &str, bytes: &[u8], limits: &Limits) -> Result<LoadedApp, Error> {
    let mut loader = Loader::new(name, "apk", limits);
    let archive = match Archive::open(bytes, limits.max_entries as u64) {
        Ok(a) => a,
        Err(ZipError::NoEndRecord) if bytes.starts_with(b"PK\x03\x04") => {
            return Err(Error::malformed(
                Location::file(name).at(bytes.len() as u64),
                crate::Format::Zip,
                "starts like a zip but has no end-of-central-directory record (truncated?)",
            ));
        }
        Err(ZipError::NoEndRecord) => {
            return Err(Error::Unsupported {
                at: Location::file(name),
                reason: NOT_AN_INPUT.into(),
            });
        }
        Err(e) => return Err(loader.zip_error(e, None)),
    };
    let names: Vec<&str> = archive.entries.iter().map(|e| e.name.as_ref()).collect();
    let layout = zip_layout(names.iter().copied());
    let plan = match layout {
        ZipLayout::Apk => {
            loader.read_apk(&archive, None, ArchiveRole::Base, 0)?;
            return Ok(loader.app);
        }
        ZipLayout::DexContainer => {
            loader.app.input_kind = "dex-container".into();
            loader.read_apk(&archive, None, ArchiveRole::DexContainer, 0)?;
            return Ok(loader.app);
        }
        ZipLayout::Apks => {
            loader.app.input_kind = "apks".into();
            bundle::plan_apks(&names)
        }
        ZipLayout::Xapk => {
            loader.app.input_kind = "xapk".into();
            let manifest_json = read_small(&archive, "manifest.json");
            bundle::plan_xapk(&names, manifest_json.as_deref())
        }
        ZipLayout::ApkSet => {
            loader.app.input_kind = "apk-set".into();
            let root: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| n.ends_with(".apk") && !n.contains('/'))
                .collect();
            bundle::plan_split_set(&root)
        }
        ZipLayout::Unknown => None,
    };
    let Some(plan) = plan else {
        return Err(Error::Unsupported {
            at: Location::file(name),
            reason: format!(
                "{NOT_AN_INPUT}: a zip archive without AndroidManifest.xml, classes.dex or APKs"
            ),
        });
    };
    loader.read_bundle(&archive, &plan)?;
    Ok(loader.app)
}

/// The bytes of a small metadata entry (`manifest.json`), if it reads within 1 MiB.
fn read_small(archive: &Archive<'_>, name: &str) -> Option<Vec<u8>> {
    let entry = archive.entries.iter().find(|e| e.name == name)?;
    if entry.size > 1 << 20 {
        return None;
    }
    archive.read(entry).ok().map(|x| x.bytes.into_owned())
}

/// A directory holding `base.apk` and `split_*.apk` (as `adb pull` of an installed app or
/// bundletool's `extract-apks` gives).
fn load_split_dir(dir: &Path, name: &str, limits: &Limits) -> Result<LoadedApp, Error> {
    let listing = std::fs::read_dir(dir).map_err(|e| Error::io(name, e))?;
    let mut files = Vec::new();
    for item in listing {
        let item = item.map_err(|e| Error::io(name, e))?;
        let file_name = item.file_name().to_string_lossy().into_owned();
        if file_name.ends_with(".apk") && item.path().is_file() {
            files.push(file_name);
        }
    }
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    let Some(plan) = bundle::plan_split_set(&names) else {
        return Err(Error::Unsupported {
            at: Location::file(name),
            reason: "a directory without .apk files (expected base.apk and split_*.apk)".into(),
        });
    };
    let mut loader = Loader::new(name, "split-dir", limits);
    let jobs = std::iter::once((&plan.base, ArchiveRole::Base))
        .chain(plan.splits.iter().map(|s| (s, ArchiveRole::Split)));
    for (file, role) in jobs {
        let path = dir.join(file);
        let display = path.display().to_string();
        let len = std::fs::metadata(&path)
            .map_err(|e| Error::io(&display, e))?
            .len();
        let bytes = read_file(&path, &display, len, limits)?;
        let archive = loader.open(&bytes, Some(file))?;
        loader.read_apk(&archive, Some(file), role, 0)?;
    }
    Ok(loader.app)
}
