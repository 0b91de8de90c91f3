//! Personal-data flow: sources, sinks, reachability and taint.

pub mod catalog;

pub use catalog::ApiCatalog;
