//! sdkflow: audit an Android APK for third-party SDKs and check it against the app's
//! privacy policy.
//!
//! The pipeline, one module per stage (see `docs/architecture.md`):
//! [`apk`] reads the container, [`axml`]/[`arsc`]/[`manifest`] decode the manifest,
//! [`dex`] and [`native`] inventory the code, [`callgraph`] links it, [`catalog`] holds the
//! SDK signatures, [`detect`] names the SDKs, [`flows`] traces personal data, [`policy`]
//! reads the privacy policy, [`audit`] compares both sides and [`report`] renders the result.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analyze;
pub mod apk;
pub mod arsc;
pub mod audit;
pub mod axml;
pub mod callgraph;
pub mod catalog;
pub mod detect;
pub mod dex;
pub mod dictionary;
pub mod error;
pub mod flows;
pub mod inspect;
pub mod limits;
pub mod manifest;
pub mod native;
pub mod policy;
pub mod reader;
pub mod report;
pub mod summary;

pub use error::{Error, Format, Location, Result};
pub use limits::Limits;
