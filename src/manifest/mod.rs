//! The manifest model, built from binary XML (via [`crate::axml`]) or from plain-text XML.

mod model;

pub use model::*;
