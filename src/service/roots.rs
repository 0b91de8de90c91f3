//! The directories a worker may read job inputs from. A job's paths come from whoever
//! can write to the queue, so each is checked before anything opens it: absolute, no `..`
//! component, and once every symlink is resolved, a regular file under one of the roots.

use std::path::{Component, Path, PathBuf};

/// Canonical root directories.
#[derive(Debug, Clone)]
pub struct Roots {
    dirs: Vec<PathBuf>,
}

impl Roots {
    /// Canonicalise each root; each must be an existing directory.
    pub fn new(dirs: &[PathBuf]) -> Result<Roots, String> {
        if dirs.is_empty() {
            return Err("at least one --root directory is required".into());
        }
        let mut out = Vec::new();
        for dir in dirs {
            let canonical = dir
                .canonicalize()
                .map_err(|e| format!("root {}: {e}", dir.display()))?;
            if !canonical.is_dir() {
                return Err(format!("root {} is not a directory", dir.display()));
            }
            out.push(canonical);
        }
        Ok(Roots { dirs: out })
    }

    /// The canonical roots.
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// The canonical path of `path` when it is a regular file under a root; otherwise why
    /// not. `what` names the input in the message ("APK", "policy").
    pub fn confine(&self, what: &str, path: &str) -> Result<PathBuf, String> {
        let given = Path::new(path);
        if !given.is_absolute() {
            return Err(format!("{what} path {path:?} is not absolute"));
        }
        if given.components().any(|c| c == Component::ParentDir) {
            return Err(format!("{what} path {path:?} contains `..`"));
        }
        // Resolves every symlink, so a link inside a root that points out of it is seen
        // for what it is.
        let canonical = given
            .canonicalize()
            .map_err(|e| format!("{what} path {path:?}: {e}"))?;
        if !self.dirs.iter().any(|root| canonical.starts_with(root)) {
            return Err(format!(
                "{what} path {path:?} resolves to {:?}, outside the worker's roots",
                canonical.display().to_string()
            ));
        }
        let meta = canonical
            .metadata()
            .map_err(|e| format!("{what} path {path:?}: {e}"))?;
        if !meta.is_file() {
            // A FIFO or a device would hang or never end; a directory is many inputs.
            return Err(format!("{what} path {path:?} is not a regular file"));
        }
        Ok(canonical)
    }
}
