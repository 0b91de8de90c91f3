//! Baselines: the fingerprints of known findings, so CI fails only on new ones.
//!
//! A fingerprint is `rule:subject` (`sdk-undeclared:jpush`), never a line number, so
//! editing the policy or rebuilding the APK does not resurface a known finding. Entries
//! carry the app's package so one baseline can serve a batch of apps.

use serde::{Deserialize, Serialize};

use super::AuditReport;
use crate::{Error, Format, Location};

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// [`BASELINE_VERSION`].
    pub version: u32,
    /// Known findings.
    pub findings: Vec<BaselineEntry>,
}

/// One known finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// `rule:subject`.
    pub fingerprint: String,
    /// The app's package; an entry without one matches every app.
    #[serde(default)]
    pub package: Option<String>,
    /// The finding's message when it was recorded, for people reading the file.
    #[serde(default)]
    pub message: Option<String>,
}

impl Baseline {
    /// The baseline that suppresses every finding of `reports`.
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = &'a AuditReport>) -> Self {
        let mut findings: Vec<BaselineEntry> = reports
            .into_iter()
            .flat_map(|r| {
                r.findings.iter().map(|f| BaselineEntry {
                    fingerprint: f.fingerprint.clone(),
                    package: r.app.package.clone(),
                    message: Some(f.message.clone()),
                })
            })
            .collect();
        findings.sort_by(|a, b| (&a.package, &a.fingerprint).cmp(&(&b.package, &b.fingerprint)));
        findings.dedup_by(|a, b| a.package == b.package && a.fingerprint == b.fingerprint);
        Baseline {
            version: BASELINE_VERSION,
            findings,
        }
    }

    /// Read a baseline written by [`Baseline::to_json`]; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Self, Error> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            Error::malformed(
                Location::file(source),
                Format::Data,
                format!("baseline: {e} (line {}, column {})", e.line(), e.column()),
            )
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(Error::Unsupported {
                at: Location::file(source),
                reason: format!(
                    "baseline version {} (this sdkflow reads version {BASELINE_VERSION})",
                    baseline.version
                ),
            });
        }
        Ok(baseline)
    }

    /// Pretty JSON, stable order, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Whether the finding `fingerprint` of the app `package` is known.
    pub fn contains(&self, package: Option<&str>, fingerprint: &str) -> bool {
        self.findings.iter().any(|e| {
            e.fingerprint == fingerprint && (e.package.is_none() || e.package.as_deref() == package)
        })
    }

    /// Remove known findings from `report`, counting them in `summary.suppressed`.
    pub fn apply(&self, report: &mut AuditReport) {
        let package = report.app.package.clone();
        let before = report.findings.len();
        report
            .findings
            .retain(|f| !self.contains(package.as_deref(), &f.fingerprint));
        report.summary.suppressed += before - report.findings.len();
        report.recount();
    }
}
