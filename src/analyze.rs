//! The glue from an input on disk to [`AppFacts`]: load the container, decode the
//! manifest, parse the dex files, detect SDKs (and, when enabled, trace data flows). Also
//! reads the other inputs of an audit (the policy, facts given as JSON).
//!
//! An [`Analyzer`] is built once per run (it compiles the signature catalogue) and then
//! analyses any number of inputs, in parallel if the caller wants.

use std::path::{Path, PathBuf};

use crate::audit::{AppFacts, ObservedAccess};
use crate::catalog::Catalog;
use crate::detect::{Detector, detect_app};
use crate::dex::{Multidex, ParseOptions};
use crate::dictionary::Dictionary;
use crate::flows::{ApiCatalog, FlowOptions};
use crate::policy::{Aliases, DeclaredPolicy};
use crate::{Error, Format, Limits, Location};

/// Options for reading inputs.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// Resource limits for untrusted input.
    pub limits: Limits,
    /// An extra signature folder (`--signatures DIR`) added to the built-in catalogue.
    pub signatures: Option<PathBuf>,
    /// Skip the data-flow analysis (`--no-flows`): findings then rest on signature data.
    pub no_flows: bool,
}

/// Reads inputs into [`AppFacts`] with one compiled catalogue.
pub struct Analyzer {
    options: AnalyzeOptions,
    catalog: Catalog,
    aliases: Aliases,
    apis: ApiCatalog,
}

impl Analyzer {
    /// Load the embedded catalogue (plus `options.signatures`) and refuse invalid data.
    pub fn new(options: AnalyzeOptions) -> Result<Analyzer, Error> {
        let catalog = match &options.signatures {
            Some(dir) => Catalog::embedded().with_overrides(dir)?,
            None => Catalog::embedded(),
        };
        if let Some(first) = catalog.validate().into_iter().next() {
            return Err(Error::malformed(
                Location::file(first.file.clone()),
                Format::Signature,
                format!(
                    "{}: {} (run `sdkflow signatures check`)",
                    first.field, first.message
                ),
            ));
        }
        let aliases = Aliases::new(catalog.aliases());
        Ok(Analyzer {
            options,
            catalog,
            aliases,
            apis: ApiCatalog::embedded()?,
        })
    }

    /// The catalogue in use.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Read the input at `path` and gather what the audit needs. A broken dex file or
    /// native library is a problem in the facts; only an unreadable container is an error.
    pub fn analyze_path(&self, path: &Path) -> Result<AppFacts, Error> {
        let mut app = crate::apk::load(path, &self.options.limits)?;
        let mut problems = app.problems.clone();
        let manifest = match &app.manifest {
            Some(_) => {
                let (manifest, more) = crate::manifest::from_app(&app)?;
                problems.extend(more);
                Some(manifest)
            }
            None => None,
        };
        // Borrow only the dex blobs (not the whole app), so the blobs nothing reads after
        // detection can be freed below while the parsed dex files stay.
        let multidex = Multidex::from_blobs(&app.source, &app.dex, ParseOptions::default());
        let detector = Detector::new(&self.catalog);
        // Detection and the data flow's call graph read the same parsed dex files
        // independently: build them side by side (as `sdkflow flows` does), not one after
        // the other.
        let (detections, graph) = if self.options.no_flows {
            (
                detect_app(&app, &multidex, manifest.as_ref(), &detector),
                None,
            )
        } else {
            rayon::join(
                || detect_app(&app, &multidex, manifest.as_ref(), &detector),
                || Some(crate::flows::call_graph(&multidex, manifest.as_ref())),
            )
        };
        problems.extend(detections.problems.iter().cloned());
        // The manifest and detection were the last readers of the native libraries,
        // resources and nested dex files (the data-flow analysis reads the parsed code
        // only): on a large APK they are a third of the inflated bytes, and freeing them
        // before the most memory-hungry phase lowers the peak of every batch worker.
        app.native_libs = Vec::new();
        app.resources = None;
        app.nested_dex = Vec::new();
        let observed = if let Some(graph) = graph {
            let mut options = FlowOptions::default();
            let layouts = crate::flows::entry::read_layouts(&app);
            options.entry_model.click_handlers = layouts.click_handlers;
            options.entry_model.password_views = layouts.password_views;
            let report = crate::flows::analyze_with_graph(
                &multidex,
                manifest.as_ref(),
                &graph,
                &detections,
                &self.apis,
                &options,
            );
            observed_accesses(&report, &detections, manifest.as_ref())
        } else {
            Vec::new()
        };
        Ok(AppFacts {
            source: app.source.clone(),
            package: manifest.as_ref().map(|m| m.package.clone()),
            manifest,
            detections,
            observed,
            problems,
        })
    }

    /// Read a privacy policy (text, Markdown, HTML in any supported encoding, or a
    /// structured JSON/TOML/CSV declared table) into its declared table.
    pub fn read_policy(&self, path: &Path) -> Result<DeclaredPolicy, Error> {
        crate::policy::read_file(path, Dictionary::embedded()?, &self.aliases)
    }
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

fn json_error(name: &str, e: &serde_json::Error) -> Error {
    Error::malformed(Location::file(name), Format::Data, format!("{e}"))
}

/// The flow report's reads and flows as the audit's observed accesses: one per read and
/// one per flow, duplicates (the same read reached twice) dropped. A read inside a plain
/// library is marked with the library; the flow analysis has already attributed it to the
/// first app or SDK frame calling into it.
fn observed_accesses(
    report: &crate::flows::FlowReport,
    detections: &crate::detect::Detections,
    manifest: Option<&crate::manifest::Manifest>,
) -> Vec<ObservedAccess> {
    use crate::flows::{Attribution, Owner};
    let attribution = Attribution::new(detections, manifest);
    let library_of = |entry: &[String]| -> Option<String> {
        let reader = entry.last()?;
        let class = reader.split("->").next().unwrap_or(reader);
        if attribution.owner(class) != Owner::Library {
            return None;
        }
        let dotted = class
            .trim_start_matches('L')
            .trim_end_matches(';')
            .replace('/', ".");
        // A catalogued library names itself; otherwise the reading class's package.
        let named = detections.sdks.iter().find_map(|d| {
            (d.category == "library"
                && d.evidence.iter().any(|e| {
                    matches!(e, crate::detect::Evidence::Classes { package, .. }
                        if dotted.starts_with(&format!("{package}.")))
                }))
            .then(|| d.name.clone())
        });
        named.or_else(|| dotted.rsplit_once('.').map(|(p, _)| p.to_string()))
    };
    let id = |s: &str| (s != "app").then(|| s.to_string());
    let mut out = Vec::new();
    for r in &report.reads {
        out.push(ObservedAccess {
            sdk_id: id(&r.sdk),
            data_type: r.source.data_type.clone(),
            path: r.entry.clone(),
            sink: None,
            permissions: r.source.permissions.clone(),
            library: library_of(&r.entry),
        });
    }
    for f in &report.flows {
        let mut path = f.entry.clone();
        path.extend(f.path.iter().skip(1).cloned());
        out.push(ObservedAccess {
            sdk_id: id(&f.sdk),
            data_type: f.source.data_type.clone(),
            path,
            sink: Some(f.sink.kind.clone()),
            permissions: f.source.permissions.clone(),
            library: library_of(&f.entry),
        });
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|o| {
        seen.insert(format!(
            "{:?}{}{:?}{:?}",
            o.sdk_id, o.data_type, o.path, o.sink
        ))
    });
    out
}
