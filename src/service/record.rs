//! A job's result as written to the results stream (one JSON document in the entry's
//! `record` field) and printed by `sdkflow results` (`docs/scale.md`).

use serde::{Deserialize, Serialize};

/// How a job ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The audit ran; `report` holds its JSON report.
    Audited,
    /// The audit refused the input (exit code 2: unreadable APK or policy, a path outside
    /// the roots, the wall-clock limit); `error` says why.
    Failed,
    /// The job was given up after too many deliveries, or its payload was unreadable; the
    /// dead-letter stream has it with its error.
    DeadLetter,
}

/// One job's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The job id.
    pub job: String,
    /// How it ended.
    pub status: Status,
    /// What `sdkflow audit` would have exited with: 0 clean, 1 a finding reaches the job's
    /// `fail_on`, 2 failed.
    pub exit_code: u8,
    /// The APK path as the job gave it (empty for an unreadable payload).
    pub apk: String,
    /// The JSON report (`docs/report.schema.json`) when audited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<serde_json::Value>,
    /// Why the job failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The consumer that wrote the record.
    pub worker: String,
    /// How many times the job had been delivered when this record was written.
    pub deliveries: u64,
    /// The signature catalogue version of the worker (`sdkflow --version`), so a store
    /// knows which results predate a catalogue change.
    pub catalog: String,
    /// Wall-clock seconds the audit took.
    pub seconds: f64,
}

impl Record {
    /// The record as one line of JSON (no newline).
    pub fn to_json(&self) -> String {
        // Strings, numbers and an already-parsed JSON value always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Severity counts of an audited record (`high`, `medium`, `low`) from its report.
    pub fn counts(&self) -> Option<(u64, u64, u64)> {
        let summary = self.report.as_ref()?.get("summary")?;
        let n = |k: &str| {
            summary
                .get(k)
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0)
        };
        Some((n("high"), n("medium"), n("low")))
    }
}
