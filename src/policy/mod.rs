//! The privacy-policy reader: turns a policy document into the declared table.
//!
//! [`read_file`] reads a policy (text, Markdown or HTML in UTF-8, UTF-16 or GB18030) or a
//! structured declared table (JSON, TOML, CSV) and returns a [`DeclaredPolicy`] whose
//! every item carries evidence (line, column, original words). [`extract`] does the same
//! from text already in memory. See `docs/policy.md`.

pub mod aliases;
pub mod decode;
mod enumerated;
mod extract;
mod glued;
pub mod markup;
mod merge;
mod model;
pub mod normalize;
pub mod sdks;
pub mod source;
pub mod spans;
pub mod structured;
pub mod tables;

use std::path::Path;

pub use aliases::Aliases;
pub use extract::extract;
pub use merge::merge;
pub use model::*;

use crate::dictionary::Dictionary;
use crate::error::{Error, Location};

/// Read a policy file (or structured declared table) into its declared table.
pub fn read_file(
    path: &Path,
    dict: &Dictionary,
    aliases: &Aliases,
) -> Result<DeclaredPolicy, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
    read_bytes(&path.display().to_string(), &bytes, dict, aliases)
}

/// Read several policy documents of one app (the main policy and its separate SDK list)
/// and merge their declared tables ([`merge`]); one path reads like [`read_file`].
pub fn read_files(
    paths: &[&Path],
    dict: &Dictionary,
    aliases: &Aliases,
) -> Result<DeclaredPolicy, Error> {
    let tables = paths
        .iter()
        .map(|p| read_file(p, dict, aliases))
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(merge(tables))
}

/// Read policy bytes; `name` is the file name used for the format guess and in errors.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    dict: &Dictionary,
    aliases: &Aliases,
) -> Result<DeclaredPolicy, Error> {
    let decoded = decode::decode(bytes);
    if let Some(kind) = structured::detect(name, &decoded.text) {
        let mut table = structured::read(kind, &decoded.text, dict, aliases).map_err(|reason| {
            Error::malformed(Location::file(name), crate::error::Format::Data, reason)
        })?;
        table.source = name.to_owned();
        table.encoding = Some(decoded.encoding.to_owned());
        return Ok(table);
    }
    let mut table = extract(name, &decoded.text, dict, aliases);
    table.encoding = Some(decoded.encoding.to_owned());
    Ok(table)
}
