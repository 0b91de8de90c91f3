//! The JSON report (`docs/report.schema.json`): one pretty document for one input, JSON
//! Lines (one compact record per input) for several. A failed input's record carries
//! `schema_version`, `source` and `error` instead of a report.

use serde::Serialize;

use super::{FailedInput, Outcome};
use crate::audit::SCHEMA_VERSION;

#[derive(Serialize)]
struct FailedRecord<'a> {
    schema_version: u32,
    #[serde(flatten)]
    failed: &'a FailedInput,
}

fn value(outcome: &Outcome) -> serde_json::Value {
    let v = match outcome {
        Outcome::Audited(r) => serde_json::to_value(r),
        Outcome::Failed(f) => serde_json::to_value(FailedRecord {
            schema_version: SCHEMA_VERSION,
            failed: f,
        }),
    };
    v.unwrap_or(serde_json::Value::Null)
}

/// Render JSON (one input) or JSON Lines (several, or `batch`).
pub fn render(outcomes: &[Outcome], batch: bool) -> String {
    let mut out = String::new();
    if let ([one], false) = (outcomes, batch) {
        out = serde_json::to_string_pretty(&value(one)).unwrap_or_default();
        out.push('\n');
        return out;
    }
    for o in outcomes {
        out.push_str(&serde_json::to_string(&value(o)).unwrap_or_default());
        out.push('\n');
    }
    out
}
