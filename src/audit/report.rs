//! The audit's result for one app: findings, the detected-vs-declared SDK table, counts,
//! and what could not be checked. Rendered by [`crate::report`]; the JSON form is
//! versioned (`docs/report.schema.json`).

use serde::{Deserialize, Serialize};

use super::{Finding, Severity};
use crate::apk::Problem;
use crate::detect::Confidence;

/// Version of the JSON report schema. Bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The audit of one app against one policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The tool that wrote it.
    pub tool: ToolInfo,
    /// The app audited.
    pub app: AppSummary,
    /// The policy it was compared with.
    pub policy: PolicySummary,
    /// Counts by severity, after the baseline.
    pub summary: Summary,
    /// Detected and declared SDKs side by side.
    pub sdks: Vec<SdkRow>,
    /// Findings, most serious first.
    pub findings: Vec<Finding>,
    /// What could not be checked and why (no manifest, no detections).
    pub notes: Vec<String>,
    /// Non-fatal problems met while reading the app.
    pub problems: Vec<Problem>,
}

/// Name and version of sdkflow.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ToolInfo {
    /// `sdkflow`.
    pub name: String,
    /// Crate version.
    pub version: String,
}

impl Default for ToolInfo {
    fn default() -> Self {
        ToolInfo {
            name: "sdkflow".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// The app side, in brief.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AppSummary {
    /// The input as given.
    pub source: String,
    /// Package name.
    pub package: Option<String>,
    /// `versionName`.
    pub version_name: Option<String>,
    /// `versionCode`.
    pub version_code: Option<u64>,
    /// `targetSdkVersion`.
    pub target_sdk: Option<u32>,
    /// Permissions requested.
    pub permissions: usize,
    /// Third-party SDKs detected (plain libraries not counted).
    pub sdks_detected: usize,
    /// Set when the app is packed (加固): every report shows it first, because it changes
    /// what the findings can say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packed: Option<PackedApp>,
}

/// A packed app's packer, its evidence and what packing does to the findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedApp {
    /// The packer's signature id (`jiagu-360`).
    pub packer: String,
    /// Its name for people (`360加固`).
    pub name: String,
    /// The stub application and libraries that show the packing, one line each.
    pub evidence: Vec<String>,
    /// What packing does to the findings, in one sentence.
    pub notice: String,
}

/// The policy side, in brief.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PolicySummary {
    /// The policy file as given.
    pub source: String,
    /// Its text encoding.
    pub encoding: Option<String>,
    /// SDKs it names (listed or mentioned).
    pub sdks: usize,
    /// Permissions it explains.
    pub permissions: usize,
    /// Data types it declares.
    pub data_types: usize,
}

/// Finding counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// High.
    pub high: usize,
    /// Medium.
    pub medium: usize,
    /// Low.
    pub low: usize,
    /// Info.
    pub info: usize,
    /// Findings hidden because the baseline knows them.
    pub suppressed: usize,
}

impl Summary {
    /// Count of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    /// All findings reported (not suppressed).
    pub fn total(&self) -> usize {
        self.high + self.medium + self.low + self.info
    }
}

/// How the policy treats an SDK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Declared {
    /// Listed as an embedded SDK.
    Listed,
    /// Only mentioned.
    Mentioned,
    /// Not named.
    No,
}

/// One row of the detected-vs-declared table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SdkRow {
    /// Signature id (`None` for a policy name that resolves to no signature).
    pub id: Option<String>,
    /// Display name.
    pub name: String,
    /// Category id, when detected.
    pub category: Option<String>,
    /// Detection confidence; `None` when not in the APK.
    pub detected: Option<Confidence>,
    /// How the policy treats it.
    pub declared: Declared,
    /// The name the policy uses.
    pub policy_name: Option<String>,
    /// Line of the policy's first listing or mention.
    pub policy_line: Option<usize>,
    /// The quoted policy text there.
    pub policy_snippet: Option<String>,
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Fail on high findings (the default).
    #[default]
    High,
    /// Fail on medium or high.
    Medium,
    /// Fail on low, medium or high.
    Low,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    /// The lowest severity that fails, if any.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::High => Some(Severity::High),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::Low => Some(Severity::Low),
            FailOn::Never => None,
        }
    }
}

impl AuditReport {
    /// The most serious finding's severity.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Whether a finding reaches the threshold (the CLI then exits 1).
    pub fn fails(&self, fail_on: FailOn) -> bool {
        match (fail_on.threshold(), self.worst()) {
            (Some(t), Some(w)) => w >= t,
            _ => false,
        }
    }

    /// Recount [`Summary`] from the findings, keeping `suppressed`.
    pub fn recount(&mut self) {
        let suppressed = self.summary.suppressed;
        let mut s = Summary {
            suppressed,
            ..Summary::default()
        };
        for f in &self.findings {
            match f.severity {
                Severity::High => s.high += 1,
                Severity::Medium => s.medium += 1,
                Severity::Low => s.low += 1,
                Severity::Info => s.info += 1,
            }
        }
        self.summary = s;
    }

    /// Findings of one severity, in report order.
    pub fn findings_of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }
}
