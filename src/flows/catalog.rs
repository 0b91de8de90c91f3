//! The sensitive-API catalogue (`sdk-signatures/sensitive-apis.toml`): personal-data
//! sources, sinks, propagators and content URIs, loaded and indexed for the analysis.

use std::collections::HashMap;

use serde::Deserialize;

use crate::{Error, Format, Location};

/// The catalogue as embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../sdk-signatures/sensitive-apis.toml");

/// The sink kinds a catalogue may use.
pub const SINK_KINDS: &[&str] = &[
    "network",
    "log",
    "file",
    "shared_preferences",
    "sms",
    "icc",
    "webview",
    "process",
];

/// Where a source's data appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yields {
    /// The call's return value (or the static field's value).
    Return,
    /// Parameter N (1-based, as in the callback's signature) of an app method overriding
    /// the callback.
    Param(u8),
    /// Argument N (0-based) of the call, filled in by the callee (`AudioRecord.read(buf)`).
    Arg(u8),
}

/// A constant-argument condition (`Settings.Secure.getString(cr, "android_id")`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstArg {
    /// Argument index, 0-based, not counting the receiver.
    pub index: u8,
    /// Values that make the call a source.
    pub values: Vec<String>,
}

/// A personal-data source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Declaring classes (type descriptors).
    pub classes: Vec<String>,
    /// Method names (all overloads).
    #[serde(default)]
    pub methods: Vec<String>,
    /// Static field names.
    #[serde(default)]
    pub fields: Vec<String>,
    /// `return`, `param:N` or `arg:N`.
    pub yields: String,
    /// Data-type id, or `@uri` to take it from the URI argument.
    pub data_type: String,
    /// Permissions the platform checks.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// Only a source when a constant argument has one of these values.
    #[serde(default)]
    pub when_const_arg: Option<ConstArg>,
    /// For `@uri` sources: which argument holds the URI.
    #[serde(default)]
    pub uri_arg: Option<u8>,
    /// Calls (`Class;->name`) on the returned value that only probe it
    /// (`Ljava/util/List;->size`): a call whose result the method uses only through these,
    /// as their receiver, asks whether something exists (does an intent resolve?) and
    /// reads no data, so it is not a source there (see `docs/flows.md`).
    #[serde(default)]
    pub probe_uses: Vec<String>,
    /// Only a source when the receiver is a layout password field (a view
    /// `findViewById` returned for an id the layouts declare with a password input type).
    #[serde(default)]
    pub when_password_view: bool,
}

impl Source {
    /// The parsed `yields` field.
    pub fn yields(&self) -> Option<Yields> {
        if self.yields == "return" {
            return Some(Yields::Return);
        }
        if let Some(n) = self.yields.strip_prefix("param:") {
            return n.parse().ok().map(Yields::Param);
        }
        self.yields
            .strip_prefix("arg:")
            .and_then(|n| n.parse().ok())
            .map(Yields::Arg)
    }
}

/// Where data leaves the app.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sink {
    /// Stable id.
    pub id: String,
    /// Declaring classes.
    pub classes: Vec<String>,
    /// Method names.
    pub methods: Vec<String>,
    /// `network`, `log`, `file`, `shared_preferences`, `sms`, `icc` (inter-component:
    /// intents), `webview` (the kinds of the Android taint benchmarks).
    pub kind: String,
    /// `all` (default: any argument) or `receiver`.
    #[serde(default)]
    pub args: Option<String>,
    /// Only a sink when the receiver was produced by one of these methods
    /// (`Class;->name`), directly or through a wrapping constructor.
    #[serde(default)]
    pub receiver_from: Vec<String>,
}

/// A library method through which data flows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Propagator {
    /// Declaring classes.
    pub classes: Vec<String>,
    /// Method names.
    pub methods: Vec<String>,
    /// `args->receiver`, `args->return`, `receiver->return`, `receiver->arg:N`,
    /// `arg:N->arg:M`, `alias:arg:N` (see [`Flow`]).
    pub flow: Vec<String>,
}

/// A content-provider URI and what a query on it yields.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentUri {
    /// Static URI fields (`Class;->NAME`).
    #[serde(default)]
    pub fields: Vec<String>,
    /// URI string prefixes.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Data-type id.
    pub data_type: String,
    /// Permissions.
    #[serde(default)]
    pub permissions: Vec<String>,
}

/// The raw file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: u32,
    #[serde(default)]
    source: Vec<Source>,
    #[serde(default)]
    sink: Vec<Sink>,
    #[serde(default)]
    propagator: Vec<Propagator>,
    #[serde(default)]
    content_uri: Vec<ContentUri>,
}

/// What the data flows through a propagator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flow {
    /// Tainted arguments taint the receiver.
    pub args_to_receiver: bool,
    /// Tainted arguments taint the return value.
    pub args_to_return: bool,
    /// A tainted receiver taints the return value.
    pub receiver_to_return: bool,
    /// A tainted receiver taints what argument N (0-based, after the receiver) points to
    /// (`String.getChars(.., char[] dst, ..)`).
    pub receiver_to_arg: Option<u8>,
    /// Argument N taints what argument M points to (`System.arraycopy(src, .., dst, ..)`).
    pub arg_to_arg: Option<(u8, u8)>,
    /// A constructor whose new object writes through to argument N (`new Formatter(buf)`,
    /// `new PrintWriter(stringWriter)`): the receiver becomes an alias of that object.
    pub alias_arg: Option<u8>,
}

impl Flow {
    /// Parse one `flow` entry into `self`; false when it is not one of the known forms.
    fn add(&mut self, f: &str) -> bool {
        let arg = |s: &str| s.strip_prefix("arg:").and_then(|n| n.parse::<u8>().ok());
        match f {
            "args->receiver" => self.args_to_receiver = true,
            "args->return" => self.args_to_return = true,
            "receiver->return" => self.receiver_to_return = true,
            _ => {
                if let Some(n) = f.strip_prefix("receiver->").and_then(arg) {
                    self.receiver_to_arg = Some(n);
                } else if let Some(n) = f.strip_prefix("alias:").and_then(arg) {
                    self.alias_arg = Some(n);
                } else if let Some((a, b)) = f.split_once("->")
                    && let (Some(a), Some(b)) = (arg(a), arg(b))
                {
                    self.arg_to_arg = Some((a, b));
                } else {
                    return false;
                }
            }
        }
        true
    }

    /// Join `other` into `self`.
    fn merge(&mut self, other: &Flow) {
        self.args_to_receiver |= other.args_to_receiver;
        self.args_to_return |= other.args_to_return;
        self.receiver_to_return |= other.receiver_to_return;
        self.receiver_to_arg = self.receiver_to_arg.or(other.receiver_to_arg);
        self.arg_to_arg = self.arg_to_arg.or(other.arg_to_arg);
        self.alias_arg = self.alias_arg.or(other.alias_arg);
    }
}

/// The loaded and indexed catalogue.
#[derive(Debug, Clone)]
pub struct ApiCatalog {
    /// Sources in file order.
    pub sources: Vec<Source>,
    /// Sinks in file order.
    pub sinks: Vec<Sink>,
    /// Content URIs.
    pub content_uris: Vec<ContentUri>,
    method_sources: HashMap<(String, String), Vec<usize>>,
    field_sources: HashMap<(String, String), usize>,
    callback_sources: HashMap<String, Vec<usize>>,
    sinks_by_method: HashMap<(String, String), usize>,
    propagators: HashMap<(String, String), Flow>,
    stream_producers: Vec<String>,
}

impl ApiCatalog {
    /// The catalogue embedded in the binary.
    pub fn embedded() -> Result<Self, Error> {
        Self::parse(EMBEDDED, "sdk-signatures/sensitive-apis.toml")
    }

    /// Parse a catalogue file; `name` is used in errors.
    pub fn parse(text: &str, name: &str) -> Result<Self, Error> {
        let file: File = toml::from_str(text).map_err(|e| {
            Error::malformed(
                Location::file(name).at(e.span().map_or(0, |s| s.start as u64)),
                Format::Signature,
                e.message().to_string(),
            )
        })?;
        let bad =
            |reason: String| Error::malformed(Location::file(name), Format::Signature, reason);
        if file.format != 1 {
            return Err(bad(format!("unsupported format {}", file.format)));
        }
        let mut method_sources: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut field_sources = HashMap::new();
        let mut callback_sources: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in file.source.iter().enumerate() {
            let yields = s
                .yields()
                .ok_or_else(|| bad(format!("source {}: bad yields `{}`", s.id, s.yields)))?;
            if s.data_type == "@uri" && s.uri_arg.is_none() {
                return Err(bad(format!("source {}: @uri needs uri_arg", s.id)));
            }
            if !s.probe_uses.is_empty() && yields != Yields::Return {
                return Err(bad(format!(
                    "source {}: probe_uses needs yields = \"return\"",
                    s.id
                )));
            }
            for u in &s.probe_uses {
                let (class, name) = u.split_once("->").unwrap_or((u, ""));
                check_descriptor(class)
                    .map_err(|r| bad(format!("source {}: probe use `{u}`: {r}", s.id)))?;
                if name.is_empty() || name.contains(['(', ';', '/']) {
                    return Err(bad(format!(
                        "source {}: probe use `{u}` is not `Class;->method`",
                        s.id
                    )));
                }
            }
            for class in &s.classes {
                check_descriptor(class).map_err(|r| bad(format!("source {}: {r}", s.id)))?;
                for m in &s.methods {
                    if let Yields::Param(_) = yields {
                        callback_sources.entry(m.clone()).or_default().push(i);
                    } else {
                        method_sources
                            .entry((class.clone(), m.clone()))
                            .or_default()
                            .push(i);
                    }
                }
                for f in &s.fields {
                    field_sources.insert((class.clone(), f.clone()), i);
                }
            }
        }
        let mut sinks_by_method = HashMap::new();
        for (i, s) in file.sink.iter().enumerate() {
            if !SINK_KINDS.contains(&s.kind.as_str()) {
                return Err(bad(format!("sink {}: unknown kind `{}`", s.id, s.kind)));
            }
            for class in &s.classes {
                check_descriptor(class).map_err(|r| bad(format!("sink {}: {r}", s.id)))?;
                for m in &s.methods {
                    if sinks_by_method
                        .insert((class.clone(), m.clone()), i)
                        .is_some()
                    {
                        return Err(bad(format!("sink {}: {class}->{m} listed twice", s.id)));
                    }
                }
            }
        }
        let mut propagators: HashMap<(String, String), Flow> = HashMap::new();
        for p in &file.propagator {
            let mut flow = Flow::default();
            for f in &p.flow {
                if !flow.add(f) {
                    return Err(bad(format!("propagator: unknown flow `{f}`")));
                }
            }
            for class in &p.classes {
                check_descriptor(class).map_err(|r| bad(format!("propagator: {r}")))?;
                for m in &p.methods {
                    propagators
                        .entry((class.clone(), m.clone()))
                        .or_default()
                        .merge(&flow);
                }
            }
        }
        let mut stream_producers: Vec<String> = file
            .sink
            .iter()
            .flat_map(|s| s.receiver_from.iter().cloned())
            .collect();
        stream_producers.sort();
        stream_producers.dedup();
        Ok(ApiCatalog {
            stream_producers,
            sources: file.source,
            sinks: file.sink,
            content_uris: file.content_uri,
            method_sources,
            field_sources,
            callback_sources,
            sinks_by_method,
            propagators,
        })
    }

    /// Sources for a call to `class->name` (several when conditions differ).
    pub fn method_sources(&self, class: &str, name: &str) -> impl Iterator<Item = &Source> {
        self.method_sources
            .get(&(class.to_string(), name.to_string()))
            .into_iter()
            .flatten()
            .map(|&i| &self.sources[i])
    }

    /// Indices into [`ApiCatalog::sources`] of the sources for a call to `class->name`.
    pub fn method_source_indices(&self, class: &str, name: &str) -> &[usize] {
        self.method_sources
            .get(&(class.to_string(), name.to_string()))
            .map_or(&[], |v| v.as_slice())
    }

    /// Index into [`ApiCatalog::sources`] of the source for static field `class->name`.
    pub fn field_source_index(&self, class: &str, name: &str) -> Option<usize> {
        self.field_sources
            .get(&(class.to_string(), name.to_string()))
            .copied()
    }

    /// Indices into [`ApiCatalog::sources`] of the callback sources named `name`.
    pub fn callback_source_indices(&self, name: &str) -> &[usize] {
        self.callback_sources
            .get(name)
            .map_or(&[], |v| v.as_slice())
    }

    /// Index into [`ApiCatalog::sinks`] of the sink for a call to `class->name`.
    pub fn sink_index(&self, class: &str, name: &str) -> Option<usize> {
        self.sinks_by_method
            .get(&(class.to_string(), name.to_string()))
            .copied()
    }

    /// True when `class->name` produces a stream some sink's `receiver_from` asks for
    /// (`Ljava/net/URLConnection;->getOutputStream`).
    pub fn is_stream_producer(&self, class: &str, name: &str) -> bool {
        self.stream_producers
            .iter()
            .any(|p| p.strip_prefix(class).and_then(|r| r.strip_prefix("->")) == Some(name))
    }

    /// The index of the content URI a static field (`Class;->NAME`) holds.
    pub fn uri_field_index(&self, class_and_field: &str) -> Option<usize> {
        self.content_uris
            .iter()
            .position(|u| u.fields.iter().any(|f| f == class_and_field))
    }

    /// The index of the content URI a URI string starts with.
    pub fn uri_string_index(&self, uri: &str) -> Option<usize> {
        self.content_uris
            .iter()
            .position(|u| u.prefixes.iter().any(|p| uri.starts_with(p.as_str())))
    }

    /// The source for reading static field `class->name`.
    pub fn field_source(&self, class: &str, name: &str) -> Option<&Source> {
        self.field_sources
            .get(&(class.to_string(), name.to_string()))
            .map(|&i| &self.sources[i])
    }

    /// Callback sources whose method is named `name` (the caller checks the class hierarchy).
    pub fn callback_sources(&self, name: &str) -> impl Iterator<Item = &Source> {
        self.callback_sources
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| &self.sources[i])
    }

    /// The sink for a call to `class->name`.
    pub fn sink(&self, class: &str, name: &str) -> Option<&Sink> {
        self.sinks_by_method
            .get(&(class.to_string(), name.to_string()))
            .map(|&i| &self.sinks[i])
    }

    /// How data flows through a library call to `class->name`.
    pub fn propagator(&self, class: &str, name: &str) -> Option<Flow> {
        self.propagators
            .get(&(class.to_string(), name.to_string()))
            .copied()
    }

    /// The data type and permissions of a query on a URI read from static field
    /// `class->name`.
    pub fn uri_field(&self, class_and_field: &str) -> Option<&ContentUri> {
        self.content_uris
            .iter()
            .find(|u| u.fields.iter().any(|f| f == class_and_field))
    }

    /// The data type of a query on a URI built from a string.
    pub fn uri_string(&self, uri: &str) -> Option<&ContentUri> {
        self.content_uris
            .iter()
            .find(|u| u.prefixes.iter().any(|p| uri.starts_with(p.as_str())))
    }

    /// Every data-type id the catalogue names (for validation against data-types.toml).
    pub fn data_type_ids(&self) -> impl Iterator<Item = &str> {
        self.sources
            .iter()
            .map(|s| s.data_type.as_str())
            .filter(|d| *d != "@uri")
            .chain(self.content_uris.iter().map(|u| u.data_type.as_str()))
    }
}

fn check_descriptor(class: &str) -> Result<(), String> {
    if class.len() > 2 && class.starts_with('L') && class.ends_with(';') && !class.contains('.') {
        Ok(())
    } else {
        Err(format!(
            "`{class}` is not a class descriptor like `Lpkg/Name;`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_loads_and_indexes() {
        let cat = ApiCatalog::embedded().expect("embedded catalogue");
        let imei: Vec<_> = cat
            .method_sources("Landroid/telephony/TelephonyManager;", "getDeviceId")
            .collect();
        assert_eq!(imei.len(), 1);
        assert_eq!(imei[0].data_type, "device_id.imei");
        assert_eq!(
            cat.sink("Landroid/util/Log;", "i").map(|s| s.kind.as_str()),
            Some("log")
        );
        let sb = cat
            .propagator("Ljava/lang/StringBuilder;", "append")
            .expect("append propagates");
        assert!(sb.args_to_receiver && sb.receiver_to_return);
        assert!(cat.callback_sources("onLocationChanged").next().is_some());
        assert_eq!(
            cat.uri_string("content://sms/inbox")
                .map(|u| u.data_type.as_str()),
            Some("sms.content")
        );
    }

    #[test]
    fn probe_uses_are_validated() {
        let cat = ApiCatalog::embedded().expect("embedded catalogue");
        let probes: Vec<_> = cat
            .method_sources(
                "Landroid/content/pm/PackageManager;",
                "queryIntentActivities",
            )
            .flat_map(|s| s.probe_uses.iter())
            .collect();
        assert!(
            probes.iter().any(|u| *u == "Ljava/util/List;->size"),
            "{probes:?}"
        );
        let src = |uses: &str, yields: &str| {
            format!(
                "format = 1\n[[source]]\nid='q'\nclasses=['La;']\nmethods=['q']\nyields='{yields}'\ndata_type='app.list'\nprobe_uses=[{uses}]\n"
            )
        };
        assert!(ApiCatalog::parse(&src("'Ljava/util/List;->size'", "return"), "t").is_ok());
        for bad in [
            "'java.util.List.size'",
            "'Ljava/util/List;->'",
            "'Ljava/util/List;'",
        ] {
            let err = ApiCatalog::parse(&src(bad, "return"), "t");
            assert!(err.is_err(), "{bad} accepted");
        }
        let err = ApiCatalog::parse(&src("'Ljava/util/List;->size'", "arg:0"), "t")
            .unwrap_err()
            .to_string();
        assert!(err.contains("probe_uses needs"), "{err}");
    }

    #[test]
    fn rejects_unknown_fields_and_bad_descriptors() {
        let unknown = "format = 1\n[[sink]]\nid='x'\nclasses=['La;']\nmethods=['m']\nkind='log'\ncolour='red'\n";
        assert!(ApiCatalog::parse(unknown, "t.toml").is_err());
        let dotted = "format = 1\n[[sink]]\nid='x'\nclasses=['android.util.Log']\nmethods=['m']\nkind='log'\n";
        let err = ApiCatalog::parse(dotted, "t.toml").unwrap_err().to_string();
        assert!(err.contains("not a class descriptor"), "{err}");
        let kind = "format = 1\n[[sink]]\nid='x'\nclasses=['La;']\nmethods=['m']\nkind='mail'\n";
        assert!(ApiCatalog::parse(kind, "t.toml").is_err());
    }

    #[test]
    fn propagator_flow_forms() {
        let text = "format = 1\n[[propagator]]\nclasses=['La;']\nmethods=['m']\nflow=['receiver->arg:2', 'arg:0->arg:3', 'alias:arg:1', 'args->return']\n";
        let c = ApiCatalog::parse(text, "t.toml").expect("parses");
        let f = c.propagator("La;", "m").expect("indexed");
        assert_eq!(f.receiver_to_arg, Some(2));
        assert_eq!(f.arg_to_arg, Some((0, 3)));
        assert_eq!(f.alias_arg, Some(1));
        assert!(f.args_to_return && !f.args_to_receiver && !f.receiver_to_return);
        for bad in ["receiver->arg:x", "arg:1->receiver", "alias:0", "anything"] {
            let text = format!(
                "format = 1\n[[propagator]]\nclasses=['La;']\nmethods=['m']\nflow=['{bad}']\n"
            );
            assert!(ApiCatalog::parse(&text, "t.toml").is_err(), "{bad}");
        }
        let embedded = ApiCatalog::embedded().expect("embedded");
        let fmt = embedded
            .propagator("Ljava/util/Formatter;", "<init>")
            .expect("Formatter");
        assert_eq!(fmt.alias_arg, Some(0));
    }

    #[test]
    fn every_data_type_is_in_the_vocabulary() {
        let vocab: toml::Table =
            toml::from_str(include_str!("../../sdk-signatures/data-types.toml")).unwrap();
        let ids: Vec<&str> = vocab["data_type"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d.get("id").and_then(|v| v.as_str()))
            .collect();
        let cat = ApiCatalog::embedded().unwrap();
        for id in cat.data_type_ids() {
            assert!(
                ids.contains(&id),
                "data type `{id}` missing from data-types.toml"
            );
        }
    }
}
