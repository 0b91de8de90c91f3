//! The privacy-policy reader: turns a policy document into the declared table.

mod model;

pub use model::*;
