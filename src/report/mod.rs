//! Renderers: one module per output format, each turning audit reports into a `String`.
//! Nothing here prints; `src/cmd/audit.rs` writes the result.
//!
//! Every renderer takes a list of [`Outcome`]s so a batch renders the same way as a
//! single app: JSON becomes JSON Lines, SARIF one run per app, text/Markdown/HTML one
//! section per app. An input that failed keeps its place with its error.

pub mod codeclimate;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sanitize;
pub mod sarif;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::audit::{AuditReport, FailOn, RuleId};
use crate::{Error, Location};

/// The result of auditing one input.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The input was read and audited.
    Audited(Box<AuditReport>),
    /// The input could not be read; the others went on.
    Failed(FailedInput),
}

/// An input that could not be audited, as reported in every format.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FailedInput {
    /// The input as given.
    pub source: String,
    /// The error, as one line.
    pub error: String,
    /// Where in the input, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl FailedInput {
    /// The failure of `source` with `err`.
    pub fn new(source: impl Into<String>, err: &Error) -> Self {
        FailedInput {
            source: source.into(),
            error: err.to_string(),
            location: err.location().cloned(),
        }
    }
}

/// Output formats of `sdkflow audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Terminal report.
    #[default]
    Text,
    /// Versioned JSON (JSON Lines for several inputs).
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// A single self-contained HTML file.
    Html,
    /// Markdown for pull-request comments.
    Markdown,
    /// GitLab Code Quality (CodeClimate issues) JSON.
    CodeClimate,
    /// JUnit XML; findings at or above the threshold are failures.
    Junit(FailOn),
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Emit ANSI colours (text format only).
    pub color: bool,
    /// Base URL the rule docs pages live under (`https://host/repo/blob/main/`): rule links
    /// become `<base>docs/rules/<id>.md`. `None` leaves links relative to the repository.
    pub docs_base: Option<String>,
    /// Render as a batch even when there is one outcome (JSON Lines for JSON): set when
    /// the inputs came from a directory, so scripts see one format whatever the count.
    pub batch: bool,
}

impl RenderOptions {
    /// The link to a rule's docs page.
    pub fn rule_url(&self, rule: RuleId) -> String {
        match &self.docs_base {
            Some(base) if base.ends_with('/') => format!("{base}{}", rule.doc_path()),
            Some(base) => format!("{base}/{}", rule.doc_path()),
            None => rule.doc_path(),
        }
    }

    /// The docs base from the crate's `repository` field, when it has one.
    pub fn default_docs_base() -> Option<String> {
        let repo = env!("CARGO_PKG_REPOSITORY");
        (!repo.is_empty()).then(|| format!("{}/blob/main/", repo.trim_end_matches('/')))
    }
}

/// Render `outcomes` in `format`.
pub fn render(outcomes: &[Outcome], format: OutputFormat, options: &RenderOptions) -> String {
    match format {
        OutputFormat::Text => text::render(outcomes, options),
        OutputFormat::Json => json::render(outcomes, options.batch),
        OutputFormat::Sarif => sarif::render(outcomes, options),
        OutputFormat::Html => html::render(outcomes, options),
        OutputFormat::Markdown => markdown::render(outcomes, options),
        OutputFormat::CodeClimate => codeclimate::render(outcomes, options),
        OutputFormat::Junit(fail_on) => junit::render(outcomes, options, fail_on),
    }
}
