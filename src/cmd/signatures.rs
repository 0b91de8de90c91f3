//! `sdkflow signatures`: list, show or check the SDK signature catalogue.

use std::fmt::Write as _;
use std::path::PathBuf;

use sdkflow::Error;
use sdkflow::catalog::Catalog;
use sdkflow::report::sanitize::shown;

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow signatures`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub action: Action,
    /// A folder of signature files that add to or override the embedded catalogue.
    #[arg(long, value_name = "DIR", global = true)]
    pub signatures: Option<PathBuf>,
    /// Output format (list, show).
    #[arg(long, value_enum, default_value = "text", global = true)]
    pub format: TextOrJson,
}

/// `signatures` actions.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// One line per signature: id, category, name, Chinese name.
    List,
    /// One signature in full.
    Show {
        /// Signature id (`jpush`).
        id: String,
    },
    /// Validate a signature folder (default: the embedded catalogue); exit 1 when invalid.
    Check {
        /// A `sdk-signatures/`-style folder or a folder of signature files.
        dir: Option<PathBuf>,
    },
}

fn catalog(dir: Option<&std::path::Path>) -> Result<Catalog, Error> {
    match dir {
        Some(dir) => Catalog::embedded().with_overrides(dir),
        None => Ok(Catalog::embedded()),
    }
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    match args.action {
        Action::List => {
            let catalog = catalog(args.signatures.as_deref())?;
            let text = match args.format {
                TextOrJson::Json => json(&catalog.sdks())?,
                TextOrJson::Text => {
                    let mut out = String::new();
                    for sdk in catalog.sdks() {
                        let _ = writeln!(
                            out,
                            "{:<28} {:<17} {}{}",
                            shown(&sdk.id),
                            shown(&sdk.category),
                            shown(&sdk.name),
                            sdk.name_zh
                                .as_deref()
                                .map(|z| format!(" ({})", shown(z)))
                                .unwrap_or_default()
                        );
                    }
                    let _ = writeln!(out, "{} signatures", catalog.sdks().len());
                    out
                }
            };
            emit(&text, None)?;
            Ok(0)
        }
        Action::Show { id } => {
            let catalog = catalog(args.signatures.as_deref())?;
            let Some(sdk) = catalog.get(&id) else {
                return Err(Error::Usage(format!(
                    "no signature has id `{id}` (see `sdkflow signatures list`)"
                )));
            };
            let text = match args.format {
                TextOrJson::Json => json(sdk)?,
                TextOrJson::Text => {
                    let file = catalog.file_of(&id).unwrap_or_default();
                    let body = toml::to_string_pretty(sdk)
                        .map_err(|e| Error::Usage(format!("cannot render TOML: {e}")))?;
                    format!("# {file}\n{body}")
                }
            };
            emit(&text, None)?;
            Ok(0)
        }
        Action::Check { dir } => {
            let catalog = match dir.as_deref().or(args.signatures.as_deref()) {
                Some(dir) => Catalog::load_dir(dir)?,
                None => Catalog::embedded(),
            };
            let errors = catalog.validate();
            let mut out = String::new();
            for e in &errors {
                let _ = writeln!(out, "{}", shown(&e.to_string()));
            }
            let _ = writeln!(
                out,
                "{} signatures, {} problems",
                catalog.sdks().len(),
                errors.len()
            );
            emit(&out, None)?;
            Ok(u8::from(!errors.is_empty()))
        }
    }
}
