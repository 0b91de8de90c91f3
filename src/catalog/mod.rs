//! The SDK signature catalogue: one TOML file per SDK under `sdk-signatures/sdks/`
//! (format in `docs/signatures.md`), embedded in the binary and extendable with
//! `--signatures DIR`. [`Catalog::validate`] is the linter the tests and
//! `sdkflow signatures check` run.

mod load;
mod model;
pub mod pattern;
mod validate;

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

pub use model::{CATEGORIES, FORMAT_VERSION, Matchers, PackerRules, PluginRule, Sdk, VersionRules};
pub use validate::ValidationError;

/// The version of the embedded catalogue: the number of SDK signature files and a content
/// hash of every data file under `sdk-signatures/` (computed by `build.rs`; format in
/// `docs/signatures.md`). `sdkflow --version` prints it; worker records carry it.
pub const EMBEDDED_VERSION: &str = env!("SDKFLOW_CATALOG_VERSION");

/// A loaded catalogue: the signatures, the data-type vocabulary they refer to, and the
/// files that could not be parsed (reported by [`Catalog::validate`]).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    sdks: Vec<Sdk>,
    /// The file each signature came from, parallel to `sdks`.
    files: Vec<String>,
    index: HashMap<String, usize>,
    data_types: BTreeSet<String>,
    /// Parse failures and duplicate ids met while loading.
    load_errors: Vec<ValidationError>,
}

impl Catalog {
    /// The default catalogue compiled into the binary.
    pub fn embedded() -> Catalog {
        let mut catalog = Catalog::default();
        catalog.set_data_types("data-types.toml", load::embedded_data_types());
        // Parsing the TOML is most of the cost and each file stands alone: parse in
        // parallel, then add in file order (duplicate ids are still reported in order).
        let files: Vec<(&str, &str)> = load::embedded_files().collect();
        let parsed: Vec<(String, Result<Sdk, toml::de::Error>)> = files
            .par_iter()
            .map(|(name, text)| (format!("sdk-signatures/sdks/{name}"), toml::from_str(text)))
            .collect();
        for (file, sdk) in parsed {
            catalog.add_parsed(&file, sdk, false);
        }
        catalog
    }

    /// Load every `*.toml` of a directory: either a `sdk-signatures/`-style folder (with
    /// `sdks/` and optionally `data-types.toml`) or a folder of signature files. Files
    /// that do not parse are kept as validation errors, not returned as `Err`; the
    /// data-type vocabulary falls back to the embedded one when the folder has none.
    pub fn load_dir(dir: &std::path::Path) -> crate::Result<Catalog> {
        let mut catalog = Catalog::default();
        catalog.set_data_types("data-types.toml", load::embedded_data_types());
        catalog.merge_dir(dir, false)?;
        Ok(catalog)
    }

    /// This catalogue plus the files of `dir`: a file whose id exists replaces that
    /// signature, a new id is added (`--signatures DIR`).
    pub fn with_overrides(mut self, dir: &std::path::Path) -> crate::Result<Catalog> {
        self.merge_dir(dir, true)?;
        Ok(self)
    }

    /// Every signature, in file-name order.
    pub fn sdks(&self) -> &[Sdk] {
        &self.sdks
    }

    /// The signature with this id.
    pub fn get(&self, id: &str) -> Option<&Sdk> {
        self.index.get(id).and_then(|&i| self.sdks.get(i))
    }

    /// The file a signature was read from.
    pub fn file_of(&self, id: &str) -> Option<&str> {
        self.index
            .get(id)
            .and_then(|&i| self.files.get(i))
            .map(String::as_str)
    }

    /// Every name a policy may use for an SDK, as `(alias, sdk id)`: the English and
    /// Chinese names and every simplified and traditional alias. One alias can name
    /// several SDKs (`高德SDK` → amap-location, amap-map, amap-navi).
    ///
    /// Every SDK's own names (`name`, `name_zh`) come before any alias, so a name that is
    /// one product's own name and another's alias (`百度地图`: Baidu Map's name, an alias of
    /// Baidu location) resolves to that product first.
    pub fn aliases(&self) -> impl Iterator<Item = (&str, &str)> {
        let own = self.sdks.iter().flat_map(|sdk| {
            std::iter::once(sdk.name.as_str())
                .chain(sdk.name_zh.as_deref())
                .map(move |n| (n, sdk.id.as_str()))
        });
        let aliases = self.sdks.iter().flat_map(|sdk| {
            sdk.aliases
                .iter()
                .chain(&sdk.aliases_hant)
                .map(move |a| (a.as_str(), sdk.id.as_str()))
        });
        own.chain(aliases)
    }

    /// The data-type ids signatures may name in `collects`.
    pub fn data_types(&self) -> &BTreeSet<String> {
        &self.data_types
    }

    /// Check every rule of `docs/signatures.md`; empty when the catalogue is valid.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = self.load_errors.clone();
        errors.extend(validate::validate(self));
        errors
    }

    fn set_data_types(&mut self, file: &str, text: &str) {
        match load::parse_data_types(text) {
            Ok(ids) => self.data_types = ids,
            Err(message) => self.load_errors.push(ValidationError {
                file: file.to_string(),
                field: "data_type".into(),
                message,
            }),
        }
    }

    fn merge_dir(&mut self, dir: &std::path::Path, replace: bool) -> crate::Result<()> {
        let (data_types, files) = load::read_dir(dir)?;
        if let Some((path, text)) = data_types {
            self.set_data_types(&path, &text);
        }
        for (path, text) in files {
            self.add_file(&path, &text, replace);
        }
        Ok(())
    }

    fn add_file(&mut self, file: &str, text: &str, replace: bool) {
        self.add_parsed(file, toml::from_str(text), replace);
    }

    fn add_parsed(&mut self, file: &str, sdk: Result<Sdk, toml::de::Error>, replace: bool) {
        let sdk: Sdk = match sdk {
            Ok(sdk) => sdk,
            Err(e) => {
                self.load_errors.push(ValidationError::from_toml(file, &e));
                return;
            }
        };
        match self.index.get(&sdk.id) {
            Some(&i) if replace => {
                if let (Some(slot), Some(path)) = (self.sdks.get_mut(i), self.files.get_mut(i)) {
                    *slot = sdk;
                    *path = file.to_string();
                }
            }
            Some(&i) => {
                let first = self.files.get(i).cloned().unwrap_or_default();
                self.load_errors.push(ValidationError {
                    file: file.to_string(),
                    field: "id".into(),
                    message: format!("duplicate id `{}` (also in {first})", sdk.id),
                });
            }
            None => {
                self.index.insert(sdk.id.clone(), self.sdks.len());
                self.sdks.push(sdk);
                self.files.push(file.to_string());
            }
        }
    }
}
