//! Writing a rendered report to stdout or to `--output FILE`.

use std::io::Write;
use std::path::Path;

use sdkflow::Error;
use serde::Serialize;

/// Write `text` to `path`, or to stdout when `path` is `None` or `-`.
pub fn emit(text: &str, path: Option<&Path>) -> Result<(), Error> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, text).map_err(|e| Error::io(p.display(), e))
        }
        _ => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`sdkflow ... | head`) is not an error worth reporting.
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::io("<stdout>", e)),
            }
        }
    }
}

/// `--format` of the subcommands that print either text for people or their documented
/// JSON (the JSON shape of each is in its `docs/` page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    /// Text for people.
    #[default]
    Text,
    /// The subcommand's documented JSON.
    Json,
}

/// Pretty JSON with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::Usage(format!("cannot render JSON: {e}")))
}
