//! The resources.arsc table, for resolving references in the manifest.
