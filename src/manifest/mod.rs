//! The manifest model, built from binary XML (via [`crate::axml`]) or from plain-text XML,
//! with references resolved through `resources.arsc` (via [`crate::arsc`]).
//!
//! Entry points: [`from_app`] for the analyses, [`decode_app`] when the decoded document
//! is wanted too (the `manifest` command renders it).

mod build;
mod implied;
mod model;
mod text;

pub use build::build;
pub use implied::add_implied_permissions;
pub use model::*;
pub use text::{TextError, parse_text};

use crate::apk::{LoadedApp, ManifestSource, Problem};
use crate::arsc::ResourceTable;
use crate::axml::{Document, ResError, ResErrorKind};
use crate::{Error, Format, Location};

/// A decoded manifest: the document as decoded and the model built from it.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The element tree.
    pub document: Document,
    /// The model.
    pub manifest: Manifest,
    /// Problems that did not stop decoding (unresolved references, Android install
    /// errors such as a missing `android:exported` at targetSdk >= 31, a broken
    /// `resources.arsc`).
    pub problems: Vec<Problem>,
}

/// The manifest of `app` and the problems met building it.
pub fn from_app(app: &LoadedApp) -> Result<(Manifest, Vec<Problem>), Error> {
    let d = decode_app(app)?;
    Ok((d.manifest, d.problems))
}

/// Decode the manifest of `app` (binary or text), resolving references through its
/// `resources.arsc` when it has one.
pub fn decode_app(app: &LoadedApp) -> Result<Decoded, Error> {
    let mut problems = Vec::new();
    let table = resource_table(app, &mut problems);
    let mut decoded = decode_source(app, table.as_ref())?;
    problems.append(&mut decoded.problems);
    decoded.problems = problems;
    Ok(decoded)
}

/// Parse `app`'s `resources.arsc`; a broken table is a problem, not an error, since the
/// manifest is still readable without it.
pub fn resource_table<'a>(
    app: &'a LoadedApp,
    problems: &mut Vec<Problem>,
) -> Option<ResourceTable<'a>> {
    let blob = app.resources.as_ref()?;
    match ResourceTable::parse(&blob.bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            problems.push(Problem {
                at: Location::entry(&app.source, &blob.name).at(e.offset as u64),
                message: format!("malformed resources.arsc, references left unresolved: {e}"),
            });
            None
        }
    }
}

/// Decode the manifest of `app` with an already parsed resource table.
pub fn decode_source(app: &LoadedApp, table: Option<&ResourceTable<'_>>) -> Result<Decoded, Error> {
    match &app.manifest {
        Some(ManifestSource::Binary(blob)) => {
            let at = Location::entry(&app.source, &blob.name);
            from_binary(&blob.bytes, table, &at)
        }
        Some(ManifestSource::Text(blob)) => {
            let at = if app.input_kind == "manifest-xml" {
                Location::file(&app.source)
            } else {
                Location::entry(&app.source, &blob.name)
            };
            from_text(&blob.bytes, table, &at)
        }
        None => Err(Error::Unsupported {
            at: Location::file(&app.source),
            reason: "the input has no AndroidManifest.xml".into(),
        }),
    }
}

/// Decode a binary manifest; errors and problems point into `at`.
pub fn from_binary(
    bytes: &[u8],
    table: Option<&ResourceTable<'_>>,
    at: &Location,
) -> Result<Decoded, Error> {
    let document = crate::axml::decode(bytes).map_err(|e| res_error(at, Format::Axml, e))?;
    let (manifest, problems) = build(&document, table, at);
    Ok(Decoded {
        document,
        manifest,
        problems,
    })
}

/// Decode a text manifest; errors and problems point into `at`.
pub fn from_text(
    bytes: &[u8],
    table: Option<&ResourceTable<'_>>,
    at: &Location,
) -> Result<Decoded, Error> {
    let document = parse_text(bytes)
        .map_err(|e| Error::malformed(at.clone().at(e.offset), Format::Xml, e.message))?;
    let (manifest, problems) = build(&document, table, at);
    Ok(Decoded {
        document,
        manifest,
        problems,
    })
}

/// Turn a resource-format error into the crate's error at `at`.
pub fn res_error(at: &Location, format: Format, e: ResError) -> Error {
    let at = at.clone().at(e.offset as u64);
    match e.kind {
        ResErrorKind::OutputLimit { limit } => Error::Limit {
            at,
            what: "decoded text".into(),
            limit: limit as u64,
            actual: limit as u64 + 1,
        },
        kind => Error::malformed(at, format, kind.to_string()),
    }
}
