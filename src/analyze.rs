//! The glue from an input on disk to [`AppFacts`]: load the container, decode the
//! manifest, inventory the code, detect SDKs. Also reads the other inputs of an audit
//! (the policy's declared table, facts given as JSON).
//!
//! Today only the container stage exists on this branch ([`crate::apk::load`]); the
//! manifest decoder, dex inventory and detector are wired in here as they land, so the
//! facts are filled stage by stage without changing callers.

use std::path::{Path, PathBuf};

use crate::audit::AppFacts;
use crate::policy::DeclaredPolicy;
use crate::{Error, Format, Limits, Location};

/// Options for reading one input.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// Resource limits for untrusted input.
    pub limits: Limits,
    /// An extra signature folder (`--signatures DIR`) added to the built-in catalogue.
    pub signatures: Option<PathBuf>,
}

/// Read the input at `path` and gather what the audit needs.
pub fn analyze_path(path: &Path, options: &AnalyzeOptions) -> Result<AppFacts, Error> {
    let loaded = crate::apk::load(path, &options.limits)?;
    // Manifest decoding, the dex inventory and SDK detection plug in here.
    Ok(AppFacts {
        source: loaded.source,
        package: None,
        manifest: None,
        detections: Default::default(),
        observed: Vec::new(),
        problems: loaded.problems,
    })
}

/// Read facts written as JSON (the `AppFacts` shape, see `docs/report.md`).
pub fn read_facts(path: &Path) -> Result<AppFacts, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(&name, e))?;
    let mut facts: AppFacts = serde_json::from_str(&text).map_err(|e| json_error(&name, &e))?;
    if facts.source.is_empty() {
        facts.source = name;
    }
    if facts.package.is_none() {
        facts.package = facts
            .manifest
            .as_ref()
            .map(|m| m.package.clone())
            .filter(|p| !p.is_empty());
    }
    Ok(facts)
}

/// Read a privacy policy's declared table. A `.json` file is a declared table as
/// `sdkflow policy --format json` writes it (possibly edited by hand); policy documents
/// (text, HTML) go through the policy reader.
pub fn read_policy(path: &Path) -> Result<DeclaredPolicy, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        // The policy reader (text, HTML, encodings) is wired in here when it lands.
        return Err(Error::Unsupported {
            at: Location::file(&name),
            reason: "this build reads policies only as a JSON declared table (`sdkflow policy --format json` output)".into(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::malformed(
            Location::file(&name).at(e.utf8_error().valid_up_to() as u64),
            Format::Data,
            "declared table is not UTF-8",
        )
    })?;
    let mut policy: DeclaredPolicy =
        serde_json::from_str(&text).map_err(|e| json_error(&name, &e))?;
    if policy.source.is_empty() {
        policy.source = name;
    }
    Ok(policy)
}

fn json_error(name: &str, e: &serde_json::Error) -> Error {
    Error::malformed(Location::file(name), Format::Data, format!("{e}"))
}
