//! One audit job as it travels on the jobs stream: a JSON document in the entry's `job`
//! field (`docs/scale.md` has the format). The payload is untrusted: unknown fields are
//! refused and every option is one of a fixed set of values.

use serde::{Deserialize, Serialize};

use super::ServiceError;

/// The largest job payload a worker reads; a job names two paths and a few options.
pub const MAX_PAYLOAD: usize = 64 * 1024;

/// One APK to audit against one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// The job id, unique in its queue (given by `submit`); results are keyed by it.
    pub id: String,
    /// Absolute path of the APK on the storage the workers share.
    pub apk: String,
    /// Absolute path of the privacy policy on the same storage.
    pub policy: String,
    /// Audit options.
    #[serde(default)]
    pub options: JobOptions,
}

/// The `sdkflow audit` options a job may set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobOptions {
    /// The severity from which the job's exit code is 1 (`--fail-on`).
    #[serde(default)]
    pub fail_on: FailOnName,
    /// Ignore detections below this confidence (`--min-confidence`).
    #[serde(default)]
    pub min_confidence: ConfidenceName,
    /// Skip the data-flow analysis (`--no-flows`).
    #[serde(default)]
    pub no_flows: bool,
}

/// `--fail-on` values, as written in a job.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnName {
    /// High findings.
    #[default]
    High,
    /// Medium or high.
    Medium,
    /// Low, medium or high.
    Low,
    /// Never.
    Never,
}

/// `--min-confidence` values, as written in a job.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfidenceName {
    /// Every detection.
    #[default]
    Low,
    /// Medium and high.
    Medium,
    /// High only.
    High,
}

impl FailOnName {
    /// The value as `sdkflow audit --fail-on` spells it.
    pub fn as_arg(self) -> &'static str {
        match self {
            FailOnName::High => "high",
            FailOnName::Medium => "medium",
            FailOnName::Low => "low",
            FailOnName::Never => "never",
        }
    }
}

impl ConfidenceName {
    /// The value as `sdkflow audit --min-confidence` spells it.
    pub fn as_arg(self) -> &'static str {
        match self {
            ConfidenceName::Low => "low",
            ConfidenceName::Medium => "medium",
            ConfidenceName::High => "high",
        }
    }
}

impl Job {
    /// The payload written to the stream.
    pub fn to_payload(&self) -> String {
        // A struct of strings, a bool and unit enums always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read a payload from the stream; anything but a well-formed job is an error.
    pub fn from_payload(payload: &[u8]) -> Result<Job, ServiceError> {
        if payload.len() > MAX_PAYLOAD {
            return Err(ServiceError::Invalid(format!(
                "job payload of {} bytes is larger than the limit of {MAX_PAYLOAD}",
                payload.len()
            )));
        }
        let job: Job = serde_json::from_slice(payload)
            .map_err(|e| ServiceError::Invalid(format!("unreadable job payload: {e}")))?;
        if job.id.is_empty() || job.id.len() > 128 || job.id.chars().any(char::is_control) {
            return Err(ServiceError::Invalid(
                "job id must be 1 to 128 characters without control characters".into(),
            ));
        }
        Ok(job)
    }

    /// The job id found in a payload that is not a valid job, if any, so that its
    /// dead-letter record can still be found by id.
    pub fn id_of_invalid(payload: &[u8]) -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(payload).ok()?;
        let id = value.get("id")?.as_str()?;
        (!id.is_empty() && id.len() <= 128 && !id.chars().any(char::is_control))
            .then(|| id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips() {
        let job = Job {
            id: "7".into(),
            apk: "/store/a.apk".into(),
            policy: "/store/p.md".into(),
            options: JobOptions {
                fail_on: FailOnName::Medium,
                min_confidence: ConfidenceName::High,
                no_flows: true,
            },
        };
        assert_eq!(
            Job::from_payload(job.to_payload().as_bytes()).ok(),
            Some(job)
        );
    }

    #[test]
    fn hostile_payloads_are_refused() {
        for bad in [
            &b"not json"[..],
            br#"{"id":"1","apk":"/a","policy":"/p","shell":"rm -rf /"}"#,
            br#"{"id":"1","apk":"/a","policy":"/p","options":{"fail_on":"--output=/etc/x"}}"#,
            br#"{"id":"","apk":"/a","policy":"/p"}"#,
            br#"{"id":"a\u001b]0;x\u0007","apk":"/a","policy":"/p"}"#,
            br#"{"apk":"/a","policy":"/p"}"#,
        ] {
            assert!(
                Job::from_payload(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        let huge = format!(
            r#"{{"id":"1","apk":"/{}","policy":"/p"}}"#,
            "a".repeat(MAX_PAYLOAD)
        );
        assert!(Job::from_payload(huge.as_bytes()).is_err());
    }

    #[test]
    fn the_id_of_an_invalid_job_is_still_found() {
        let bad = br#"{"id":"9","apk":"/a","policy":"/p","extra":1}"#;
        assert!(Job::from_payload(bad).is_err());
        assert_eq!(Job::id_of_invalid(bad).as_deref(), Some("9"));
        assert_eq!(Job::id_of_invalid(b"[1]"), None);
    }
}
