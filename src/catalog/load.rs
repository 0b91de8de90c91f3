//! Reading signature files: from the copy embedded at build time (`build.rs`) or from a
//! directory given by the user.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::Error;

include!(concat!(env!("OUT_DIR"), "/embedded_signatures.rs"));

/// The embedded `(file name, contents)` pairs, sorted by name.
pub(super) fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    SDK_FILES.iter().copied()
}

/// The embedded `data-types.toml`.
pub(super) fn embedded_data_types() -> &'static str {
    DATA_TYPES
}

/// Only the ids matter here; the policy side reads the rest of the file.
#[derive(Deserialize)]
struct DataTypes {
    #[serde(default)]
    data_type: Vec<DataTypeId>,
}

#[derive(Deserialize)]
struct DataTypeId {
    id: String,
}

/// The ids defined in a `data-types.toml`.
pub(super) fn parse_data_types(text: &str) -> Result<BTreeSet<String>, String> {
    let parsed: DataTypes = toml::from_str(text).map_err(|e| e.message().to_string())?;
    Ok(parsed.data_type.into_iter().map(|d| d.id).collect())
}

type DirContents = (Option<(String, String)>, Vec<(String, String)>);

/// Read a signature directory: its `data-types.toml` when present, and every `*.toml`
/// of `DIR/sdks/` (or of `DIR` itself when it has no `sdks/`), sorted by path.
pub(super) fn read_dir(dir: &Path) -> crate::Result<DirContents> {
    let sdk_dir = if dir.join("sdks").is_dir() {
        dir.join("sdks")
    } else {
        dir.to_path_buf()
    };
    let data_types_path = dir.join("data-types.toml");
    let data_types = if data_types_path.is_file() {
        let text = std::fs::read_to_string(&data_types_path)
            .map_err(|e| Error::io(data_types_path.display(), e))?;
        Some((data_types_path.display().to_string(), text))
    } else {
        None
    };
    let listing = std::fs::read_dir(&sdk_dir).map_err(|e| Error::io(sdk_dir.display(), e))?;
    let mut paths = Vec::new();
    for entry in listing {
        let path = entry.map_err(|e| Error::io(sdk_dir.display(), e))?.path();
        let is_signature = path.extension().is_some_and(|x| x == "toml")
            && path
                .file_name()
                .is_some_and(|n| n != "data-types.toml" && n != "permissions.toml");
        if is_signature && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(path.display(), e))?;
        files.push((path.display().to_string(), text));
    }
    Ok((data_types, files))
}
