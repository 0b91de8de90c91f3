//! The store-wide view over many audits (`sdkflow summary RESULTS.jsonl...`): how many
//! apps embed each SDK and how many of those declare it, the SDKs and data types most
//! often left undeclared, and the apps with the most high findings.
//!
//! Records are folded one at a time ([`Summarizer::add`]) and only small per-app counts
//! are kept, so a catalogue of thousands of reports is summarised in bounded memory.
//! Rendering is in [`render`].

pub mod render;

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

use serde::{Deserialize, Serialize};

use crate::audit::{AuditReport, Declared, RuleId, Severity};
use crate::report::FailedInput;
use crate::{Error, Format, Location};

/// Version of the summary's JSON shape (`docs/report.md`, "Store-wide summary").
pub const SUMMARY_VERSION: u32 = 1;

/// One line of a JSON Lines results file: an audit report or a failed input.
#[derive(Debug, Clone)]
pub enum Record {
    /// A report (`sdkflow audit --format json`).
    Audited(Box<AuditReport>),
    /// An input that could not be audited (the record has `error` and no `app`).
    Failed(FailedInput),
}

impl Record {
    /// Parse one JSON Lines record.
    pub fn parse(line: &str) -> Result<Record, String> {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        if value.get("app").is_none() && value.get("error").is_some() {
            return serde_json::from_value(value)
                .map(Record::Failed)
                .map_err(|e| e.to_string());
        }
        serde_json::from_value(value)
            .map(|r| Record::Audited(Box::new(r)))
            .map_err(|e| e.to_string())
    }
}

/// Read every record of a JSON Lines file (blank lines skipped) into `into`. A line that is
/// not a record is an error naming the file and line: a summary over a silently shortened
/// input would be wrong without saying so.
pub fn read_jsonl(reader: impl BufRead, name: &str, into: &mut Summarizer) -> Result<(), Error> {
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(name, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let record = Record::parse(&line).map_err(|e| {
            Error::malformed(
                Location::file(name),
                Format::Data,
                format!("line {}: not an sdkflow audit record: {e}", i + 1),
            )
        })?;
        into.add(&record);
    }
    Ok(())
}

/// Per-SDK counts over the apps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdkStat {
    /// Signature id; `None` for a policy name that resolves to no signature.
    pub id: Option<String>,
    /// Display name (the first seen).
    pub name: String,
    /// Apps whose APK embeds it.
    pub embedded: usize,
    /// Of those, apps whose policy lists it.
    pub declared: usize,
    /// Of those, apps whose policy only mentions it.
    pub mentioned_only: usize,
    /// Of those, apps whose policy does not name it.
    pub undeclared: usize,
    /// Apps whose policy lists it although the APK does not embed it.
    pub stale: usize,
}

/// A thing counted over apps (an undeclared SDK or data type).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    /// Stable key: SDK id (or name) or data-type id.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Apps it occurs in.
    pub apps: usize,
}

/// One app's finding counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppStat {
    /// The input as given to `sdkflow audit`.
    pub source: String,
    /// Package name.
    pub package: Option<String>,
    /// High findings.
    pub high: usize,
    /// Medium findings.
    pub medium: usize,
    /// Low findings.
    pub low: usize,
    /// Info findings.
    pub info: usize,
}

/// Findings by severity over all apps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// High.
    pub high: usize,
    /// Medium.
    pub medium: usize,
    /// Low.
    pub low: usize,
    /// Info.
    pub info: usize,
}

/// The store-wide summary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoreSummary {
    /// [`SUMMARY_VERSION`].
    pub summary_version: u32,
    /// Records read.
    pub apps: usize,
    /// Records that are reports.
    pub audited: usize,
    /// Inputs that could not be audited.
    pub failed: Vec<FailedInput>,
    /// Audited apps with at least one high finding.
    pub apps_with_high: usize,
    /// Findings by severity, over all apps.
    pub findings: Totals,
    /// Every SDK seen, most embedded first.
    pub sdks: Vec<SdkStat>,
    /// SDKs most often embedded and not named by the policy, most apps first.
    pub undeclared_sdks: Vec<Ranked>,
    /// Data types most often collected and not declared (`data-undeclared`), most apps first.
    pub undeclared_data_types: Vec<Ranked>,
    /// Apps with the most high findings (then medium), at most `top`.
    pub most_high: Vec<AppStat>,
}

/// Folds records into a [`StoreSummary`].
#[derive(Debug, Default)]
pub struct Summarizer {
    apps: usize,
    failed: Vec<FailedInput>,
    totals: Totals,
    sdks: BTreeMap<String, SdkStat>,
    data: BTreeMap<String, usize>,
    per_app: Vec<AppStat>,
}

/// The most failed inputs listed by name (the count is always complete).
const MAX_FAILED_LISTED: usize = 100;

impl Summarizer {
    /// Count one record.
    pub fn add(&mut self, record: &Record) {
        self.apps += 1;
        let r = match record {
            Record::Failed(f) => {
                if self.failed.len() < MAX_FAILED_LISTED {
                    self.failed.push(f.clone());
                }
                return;
            }
            Record::Audited(r) => r,
        };
        let s = &r.summary;
        self.totals.high += s.high;
        self.totals.medium += s.medium;
        self.totals.low += s.low;
        self.totals.info += s.info;
        self.per_app.push(AppStat {
            source: r.app.source.clone(),
            package: r.app.package.clone(),
            high: s.high,
            medium: s.medium,
            low: s.low,
            info: s.info,
        });
        // One count per app and SDK, whatever the number of rows naming it.
        let mut seen = BTreeSet::new();
        for row in &r.sdks {
            let key = row.id.clone().unwrap_or_else(|| row.name.clone());
            if !seen.insert(key.clone()) {
                continue;
            }
            let stat = self.sdks.entry(key).or_insert_with(|| SdkStat {
                id: row.id.clone(),
                name: row.name.clone(),
                ..SdkStat::default()
            });
            match (row.detected.is_some(), row.declared) {
                (true, Declared::Listed) => {
                    stat.embedded += 1;
                    stat.declared += 1;
                }
                (true, Declared::Mentioned) => {
                    stat.embedded += 1;
                    stat.mentioned_only += 1;
                }
                (true, Declared::No) => {
                    stat.embedded += 1;
                    stat.undeclared += 1;
                }
                (false, Declared::Listed) => stat.stale += 1,
                (false, _) => {}
            }
        }
        let data: BTreeSet<&str> = r
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::DataUndeclared)
            .map(|f| {
                f.subject
                    .rsplit_once('/')
                    .map_or(f.subject.as_str(), |(_, dt)| dt)
            })
            .collect();
        for dt in data {
            *self.data.entry(dt.to_string()).or_default() += 1;
        }
    }

    /// The summary, with the `top` most frequent undeclared SDKs and data types and the
    /// `top` apps with the most high findings.
    pub fn finish(self, top: usize) -> StoreSummary {
        let mut sdks: Vec<SdkStat> = self.sdks.into_values().collect();
        // Most embedded first; ties by name so the output is stable.
        sdks.sort_by(|a, b| {
            (b.embedded, b.stale)
                .cmp(&(a.embedded, a.stale))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut undeclared_sdks: Vec<Ranked> = sdks
            .iter()
            .filter(|s| s.undeclared > 0)
            .map(|s| Ranked {
                key: s.id.clone().unwrap_or_else(|| s.name.clone()),
                name: s.name.clone(),
                apps: s.undeclared,
            })
            .collect();
        undeclared_sdks.sort_by(|a, b| b.apps.cmp(&a.apps).then_with(|| a.key.cmp(&b.key)));
        undeclared_sdks.truncate(top);
        let mut undeclared_data_types: Vec<Ranked> = self
            .data
            .into_iter()
            .map(|(key, apps)| Ranked {
                name: key.clone(),
                key,
                apps,
            })
            .collect();
        undeclared_data_types.sort_by(|a, b| b.apps.cmp(&a.apps).then_with(|| a.key.cmp(&b.key)));
        undeclared_data_types.truncate(top);
        let apps_with_high = self.per_app.iter().filter(|a| a.high > 0).count();
        let audited = self.per_app.len();
        let mut most_high: Vec<AppStat> = self.per_app.into_iter().filter(|a| a.high > 0).collect();
        most_high.sort_by(|a, b| {
            (b.high, b.medium)
                .cmp(&(a.high, a.medium))
                .then_with(|| a.source.cmp(&b.source))
        });
        most_high.truncate(top);
        StoreSummary {
            summary_version: SUMMARY_VERSION,
            apps: self.apps,
            audited,
            failed: self.failed,
            apps_with_high,
            findings: self.totals,
            sdks,
            undeclared_sdks,
            undeclared_data_types,
            most_high,
        }
    }
}

impl Totals {
    /// Count of one severity.
    pub fn count(&self, s: Severity) -> usize {
        match s {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }
}
