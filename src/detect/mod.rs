//! SDK detection: match an app's code, manifest, native libraries and strings against the
//! compiled signature catalogue ([`crate::catalog`]).

mod model;

pub use model::*;
