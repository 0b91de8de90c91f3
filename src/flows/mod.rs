//! Personal-data flow: which code reads which personal data (sources), whether an entry
//! point reaches it, and where the data goes (sinks), with the call path as evidence.
//!
//! - [`catalog`]: the sensitive-API catalogue (`sdk-signatures/sensitive-apis.toml`).
//! - [`program`]: the app's methods, class hierarchy, call resolution and reachability.
//! - [`attribution`]: app, SDK, library or unknown package for every method.
//! - [`taint`]: flow-sensitive intra-procedural taint with callee summaries.
//! - [`solver`]: the inter-procedural fixpoint (summaries, field-based heap).
//! - [`probe`]: source calls whose result is only probed (`size() > 0`), not read.
//!
//! Entry point: [`analyze`]. See `docs/flows.md`.

pub mod attribution;
pub mod catalog;
pub mod channels;
pub mod entry;
pub mod probe;
pub mod program;
pub mod solver;
pub mod taint;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use crate::apk::LoadedApp;
use crate::callgraph::CallGraph;
use crate::detect::Detections;
use crate::dex::Multidex;
use crate::dex::insn::decode_at;
use crate::manifest::Manifest;

pub use attribution::{Attribution, Owner};
pub use catalog::ApiCatalog;
pub use entry::{CallbackTypes, EntryModel};
use program::{MethodId, Program};
use taint::{PARAM_LABELS, SourceRead};

/// Bounds and switches of the analysis.
#[derive(Debug, Clone)]
pub struct FlowOptions {
    /// What Android calls beyond the manifest's lifecycle methods (callback types, layout
    /// click handlers); [`analyze_app`] fills it from the embedded list and the APK.
    pub entry_model: EntryModel,
    /// Methods longer than this many code units are skipped (counted in the stats).
    pub max_method_units: u32,
    /// Most rounds of the inter-procedural fixpoint.
    pub max_rounds: u32,
    /// Treat every method as an entry point (no reachability filter).
    pub all_methods_are_entries: bool,
}

impl Default for FlowOptions {
    fn default() -> Self {
        FlowOptions {
            entry_model: EntryModel {
                callbacks: CallbackTypes::embedded().unwrap_or_default(),
                click_handlers: Default::default(),
                password_views: Default::default(),
            },
            max_method_units: 16_384,
            max_rounds: 40,
            all_methods_are_entries: false,
        }
    }
}

/// Where personal data is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceRef {
    /// The framework API (`Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;`),
    /// the static field, or the callback the app implements.
    pub api: String,
    /// Data-type id (`device_id.imei`).
    pub data_type: String,
    /// `return_value`, `callback_parameter`, `argument` or `field`.
    pub kind: String,
    /// The method calling the API (or implementing the callback).
    pub method: String,
    /// Offset of the call in code units (0 for a callback parameter).
    pub offset: u32,
    /// Permissions the platform checks.
    pub permissions: Vec<String>,
}

/// Where data leaves.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SinkRef {
    /// The API called (`Ljava/io/OutputStream;->write([B)V`).
    pub api: String,
    /// `network`, `log`, `file`, `shared_preferences`, `sms`, `icc`, `webview`.
    pub kind: String,
    /// The method calling it.
    pub method: String,
    /// Offset of the call in code units.
    pub offset: u32,
}

/// One source-to-sink flow.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Flow {
    /// Where the data is read.
    pub source: SourceRef,
    /// Where it goes.
    pub sink: SinkRef,
    /// Who is responsible: `app`, an SDK id, or `unknown:<package>` (the owner of the
    /// source's method; library code is attributed to its caller).
    pub sdk: String,
    /// Methods from the source's method to the sink's method.
    pub path: Vec<String>,
    /// The shortest call path from an entry point to the source's method.
    pub entry: Vec<String>,
}

/// A reachable read of personal data (whether or not it reaches a sink).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Read {
    /// Who reads it.
    pub sdk: String,
    /// The read.
    pub source: SourceRef,
    /// Shortest call path from an entry point.
    pub entry: Vec<String>,
}

/// Per-owner summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SdkSummary {
    /// `app`, SDK id or `unknown:<package>`.
    pub sdk: String,
    /// Data types its reachable code reads.
    pub data_types_read: Vec<String>,
    /// Per sink kind, the data types it sends there.
    pub sinks: BTreeMap<String, Vec<String>>,
}

/// Analysis counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FlowStats {
    /// Methods with code.
    pub methods: usize,
    /// Reachable from an entry point.
    pub reachable: usize,
    /// Skipped for size.
    pub skipped: usize,
    /// Fixpoint rounds.
    pub rounds: u32,
    /// True when the round budget ran out first (results may be incomplete).
    pub truncated: bool,
}

/// What [`analyze`] finds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FlowReport {
    /// Source-to-sink flows, sorted.
    pub flows: Vec<Flow>,
    /// Per owner: data read and where it goes.
    pub sdks: Vec<SdkSummary>,
    /// Every reachable source read.
    pub reads: Vec<Read>,
    /// Counters.
    pub stats: FlowStats,
}

/// One observed access to personal data, as the audit consumes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservedAccess {
    /// `None` for the app's own code; the SDK id, or `unknown:<package>`.
    pub sdk_id: Option<String>,
    /// Data-type id.
    pub data_type: String,
    /// Evidence: entry path to the read, then on to the sink when there is one.
    pub path: Vec<String>,
    /// The sink kind when the data is sent somewhere.
    pub sink_kind: Option<String>,
}

impl FlowReport {
    /// Reads and flows as observed accesses (one per read, one per flow).
    pub fn observed(&self) -> Vec<ObservedAccess> {
        let id = |s: &str| (s != "app").then(|| s.to_string());
        let mut out: Vec<ObservedAccess> = self
            .reads
            .iter()
            .map(|r| ObservedAccess {
                sdk_id: id(&r.sdk),
                data_type: r.source.data_type.clone(),
                path: r.entry.clone(),
                sink_kind: None,
            })
            .collect();
        for f in &self.flows {
            let mut path = f.entry.clone();
            path.extend(f.path.iter().skip(1).cloned());
            out.push(ObservedAccess {
                sdk_id: id(&f.sdk),
                data_type: f.source.data_type.clone(),
                path,
                sink_kind: Some(f.sink.kind.clone()),
            });
        }
        out
    }
}

/// Analyse an app's code: reachability from the manifest's entry points, source reads,
/// and taint from sources to sinks, attributed with the detector's package prefixes.
pub fn analyze(
    _app: &LoadedApp,
    multidex: &Multidex<'_>,
    manifest: Option<&Manifest>,
    detections: &Detections,
    catalog: &ApiCatalog,
    options: &FlowOptions,
) -> FlowReport {
    let graph = call_graph(multidex, manifest);
    analyze_with_graph(multidex, manifest, &graph, detections, catalog, options)
}

/// The call graph the analysis needs: the app's methods and the edges between them (no
/// external methods: a framework call is read from the catalogue by its method reference,
/// so edges to framework methods would only cost memory), its edges compacted (the analysis
/// only walks outgoing edges: [`CallGraph::compact_edges`]).
pub fn call_graph(multidex: &Multidex<'_>, manifest: Option<&Manifest>) -> CallGraph {
    let options = crate::callgraph::BuildOptions {
        external_methods: false,
        ..Default::default()
    };
    let mut graph = CallGraph::build_with(multidex, manifest, &options);
    graph.compact_edges();
    graph
}

/// [`analyze`] over a call graph the caller already built for this app (one call graph
/// per app: reachability and call targets come from it).
pub fn analyze_with_graph(
    multidex: &Multidex<'_>,
    manifest: Option<&Manifest>,
    graph: &CallGraph,
    detections: &Detections,
    catalog: &ApiCatalog,
    options: &FlowOptions,
) -> FlowReport {
    let mut program = Program::new(multidex, catalog, graph);
    program.password_views = options.entry_model.password_views.clone();
    program.set_components(manifest);
    let entries = if options.all_methods_are_entries {
        program.entries(None)
    } else {
        let mut e = program.entries(manifest);
        e.extend(program.click_entries(manifest, &options.entry_model));
        e.sort_unstable();
        e.dedup();
        e
    };
    program.compute_reachability(&entries, &options.entry_model);
    let solution = solver::solve(
        &program,
        catalog,
        solver::Bounds {
            max_insns: options.max_method_units,
            max_rounds: options.max_rounds,
        },
    );
    let attribution = Attribution::new(detections, manifest);
    let r = Render {
        program: &program,
        catalog,
        attribution: &attribution,
    };

    let mut reads = BTreeSet::new();
    for &(m, read) in &solution.origins {
        reads.insert(Read {
            sdk: r.owner_of(m),
            source: r.source(m, read),
            entry: r.sigs(&program.path_from_entry(m)),
        });
    }
    let mut flows = BTreeSet::new();
    let mut seen = HashSet::new();
    for (m, res) in solution.results.iter().enumerate() {
        let Some(res) = res else { continue };
        for hit in &res.hits {
            let Some(&(src_m, read)) = solution.origins.get((hit.origin - PARAM_LABELS) as usize)
            else {
                continue;
            };
            if !seen.insert((src_m, read, hit.site)) {
                continue;
            }
            let mut path = solution.upstream(hit.origin, m as MethodId);
            path.extend(hit.chain.iter().skip(1).copied());
            path.dedup();
            flows.insert(Flow {
                source: r.source(src_m, read),
                sink: r.sink(hit.site),
                sdk: r.owner_of(src_m),
                path: r.sigs(&path),
                entry: r.sigs(&program.path_from_entry(src_m)),
            });
        }
    }
    let skipped = solution
        .results
        .iter()
        .flatten()
        .filter(|x| x.skipped)
        .count();
    let flows: Vec<Flow> = flows.into_iter().collect();
    let reads: Vec<Read> = reads.into_iter().collect();
    let mut per: BTreeMap<String, OwnerData> = BTreeMap::new();
    for rd in &reads {
        per.entry(rd.sdk.clone())
            .or_default()
            .0
            .insert(rd.source.data_type.clone());
    }
    for f in &flows {
        per.entry(f.sdk.clone())
            .or_default()
            .1
            .entry(f.sink.kind.clone())
            .or_default()
            .insert(f.source.data_type.clone());
    }
    let sdks = per
        .into_iter()
        .map(|(sdk, (read, sinks))| SdkSummary {
            sdk,
            data_types_read: read.into_iter().collect(),
            sinks: sinks
                .into_iter()
                .map(|(k, v)| (k, v.into_iter().collect()))
                .collect(),
        })
        .collect();
    FlowReport {
        flows,
        sdks,
        reads,
        stats: FlowStats {
            methods: program.methods.len(),
            reachable: program.reached.iter().filter(|x| x.is_some()).count(),
            skipped,
            rounds: solution.rounds,
            truncated: solution.truncated,
        },
    }
}

/// Per owner: data types read, and per sink kind the data types sent.
type OwnerData = (BTreeSet<String>, BTreeMap<String, BTreeSet<String>>);

struct Render<'r, 'a> {
    program: &'r Program<'a>,
    catalog: &'r ApiCatalog,
    attribution: &'r Attribution,
}

impl Render<'_, '_> {
    fn sigs(&self, path: &[MethodId]) -> Vec<String> {
        path.iter().map(|&m| self.program.signature(m)).collect()
    }

    fn class_of(&self, m: MethodId) -> String {
        self.program
            .methods
            .get(m as usize)
            .map(|i| String::from_utf8_lossy(i.class).into_owned())
            .unwrap_or_default()
    }

    /// The owner of `m`; library code is attributed to the nearest caller that is not.
    fn owner_of(&self, m: MethodId) -> String {
        let path = self.program.path_from_entry(m);
        for &x in path.iter().rev() {
            match self.attribution.owner(&self.class_of(x)) {
                Owner::Library => continue,
                o => return o.label(),
            }
        }
        Owner::Library.label()
    }

    /// The instruction's index operand (method or field) at `offset` of `m`.
    fn index_at(&self, m: MethodId, offset: u32) -> Option<u32> {
        let info = self.program.methods.get(m as usize)?;
        let file = self.program.dex(m)?;
        let code = file.code_item(info.code_off).ok()??;
        decode_at(code.insns, offset, code.insns_offset)
            .ok()?
            .index()
    }

    fn source(&self, m: MethodId, read: SourceRead) -> SourceRef {
        let src = self.catalog.sources.get(read.source);
        let file = self.program.dex(m);
        let (api, kind) = if read.callback {
            let own = self.program.signature(m);
            let tail = own
                .split_once("->")
                .map(|(_, t)| t.to_string())
                .unwrap_or_default();
            let class = src
                .and_then(|s| {
                    s.classes.iter().find(|c| {
                        self.program
                            .methods
                            .get(m as usize)
                            .is_some_and(|i| self.program.extends_external(i.class, c.as_bytes()))
                    })
                })
                .cloned()
                .unwrap_or_default();
            (format!("{class}->{tail}"), "callback_parameter")
        } else {
            let idx = self.index_at(m, read.offset);
            let is_field = src.is_some_and(|s| !s.fields.is_empty())
                && idx
                    .and_then(|i| file.and_then(|f| f.field_signature(i).ok()))
                    .is_some_and(|sig| {
                        src.is_some_and(|s| {
                            s.fields.iter().any(|f| sig.contains(&format!("->{f}:")))
                        })
                    });
            let api = idx
                .and_then(|i| {
                    file.and_then(|f| {
                        if is_field {
                            f.field_signature(i).ok()
                        } else {
                            f.method_signature(i).ok()
                        }
                    })
                })
                .unwrap_or_default();
            let kind = if is_field {
                "field"
            } else if matches!(src.and_then(|s| s.yields()), Some(catalog::Yields::Arg(_))) {
                "argument"
            } else {
                "return_value"
            };
            (api, kind)
        };
        let data_type = match read.uri.and_then(|u| self.catalog.content_uris.get(u)) {
            Some(u) => u.data_type.clone(),
            None => src.map(|s| s.data_type.clone()).unwrap_or_default(),
        };
        let mut permissions = src.map(|s| s.permissions.clone()).unwrap_or_default();
        if let Some(u) = read.uri.and_then(|u| self.catalog.content_uris.get(u)) {
            permissions.extend(u.permissions.iter().cloned());
        }
        SourceRef {
            api,
            data_type,
            kind: kind.to_string(),
            method: self.program.signature(m),
            offset: read.offset,
            permissions,
        }
    }

    fn sink(&self, site: taint::SinkSite) -> SinkRef {
        let api = self
            .index_at(site.method, site.offset)
            .and_then(|i| self.program.dex(site.method)?.method_signature(i).ok())
            .unwrap_or_default();
        SinkRef {
            api,
            kind: self
                .catalog
                .sinks
                .get(site.sink)
                .map(|s| s.kind.clone())
                .unwrap_or_default(),
            method: self.program.signature(site.method),
            offset: site.offset,
        }
    }
}

/// Everything [`analyze`] needs, built from a loaded app: dex files, manifest (when it
/// decodes), detections with the embedded signature catalogue. For the CLI and tests.
pub fn analyze_app(app: &LoadedApp, options: &FlowOptions) -> Result<FlowReport, crate::Error> {
    let catalog = ApiCatalog::embedded()?;
    let mut options = options.clone();
    let layouts = entry::read_layouts(app);
    options.entry_model.click_handlers = layouts.click_handlers;
    options.entry_model.password_views = layouts.password_views;
    let options = &options;
    let multidex = Multidex::from_app(app, crate::dex::ParseOptions::default());
    let manifest = crate::manifest::from_app(app).ok().map(|(m, _)| m);
    // Detection and the call graph read the same parsed dex files independently: build
    // them side by side.
    let (detections, graph) = rayon::join(
        || {
            let sdk_catalog = crate::catalog::Catalog::embedded();
            let detector = crate::detect::Detector::new(&sdk_catalog);
            crate::detect::detect_app(app, &multidex, manifest.as_ref(), &detector)
        },
        || call_graph(&multidex, manifest.as_ref()),
    );
    Ok(analyze_with_graph(
        &multidex,
        manifest.as_ref(),
        &graph,
        &detections,
        &catalog,
        options,
    ))
}
