//! Android binary XML (AXML) decoder: the compiled `AndroidManifest.xml` (and `res/xml/*`).
//!
//! One file per on-disk structure, named as in AOSP `ResourceTypes.h`. The string pool,
//! chunk header and `Res_value` are shared with [`crate::arsc`]. [`decode`] walks a document
//! into a [`Document`]; [`render_xml`] writes it as text XML.

mod document;
mod error;
pub mod framework;
#[rustfmt::skip]
mod framework_attrs;
mod render;
mod res_chunk_header;
mod res_string_pool;
mod res_value;
mod res_xml_tree;
mod res_xml_tree_attr_ext;
mod res_xml_tree_node;

pub use document::{Attribute, Document, Element, Namespace};
pub use error::{ResError, ResErrorKind};
pub use render::{Naming, render_xml};
pub use res_chunk_header::{ResChunkHeader, chunk_type};
pub use res_string_pool::StringPool;
pub use res_value::{ResValue, complex_to_float, data_type};
pub use res_xml_tree::{MAX_DEPTH, decode};
pub use res_xml_tree_attr_ext::{ResXmlTreeAttrExt, ResXmlTreeAttribute};
pub use res_xml_tree_node::{
    NO_INDEX, ResXmlTreeCdataExt, ResXmlTreeEndElementExt, ResXmlTreeNamespaceExt, ResXmlTreeNode,
};
