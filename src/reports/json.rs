//! Findings as JSON, for machines: sorted, no timing, so two runs on the
//! same catalog give the same bytes.

use serde::Serialize;

use super::{by_rule, tally, Counts, RuleCount};
use crate::diag::Severity;
use crate::lint::{Outcome, Stats};
use crate::source::SourceFile;

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: Shown<'a>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    pointer: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

/// A file's path as shown (base and path), serialised without building
/// the string for each of hundreds of thousands of findings.
struct Shown<'a>(&'a SourceFile);

impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}{}", self.0.base, self.0.path))
    }
}

/// The findings, serialised one by one as the report is written: no
/// vector of a finding's fields beside the outcome's (issue 14).
struct Findings<'a>(&'a Outcome);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let out = self.0;
        s.collect_seq(out.diagnostics.iter().map(|d| {
            let f = out.sources.get(d.file);
            let (end_line, end_column) = f.line_col(d.span().map_or(0, |s| s.1));
            JsonFinding {
                file: Shown(f),
                line: d.line,
                column: d.column,
                end_line,
                end_column,
                pointer: d.pointer(),
                rule: d.rule,
                severity: d.severity,
                message: &d.message,
                help: d.help.as_deref(),
            }
        }))
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Findings<'a>,
    summary: JsonSummary<'a>,
    /// Per-rule counts (`--statistics`).
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<RuleCount>>,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
    #[serde(flatten)]
    counts: Counts,
}

/// Findings as data, with per-rule counts as `statistics` when asked.
/// Deterministic: no timing in it.
pub(crate) fn json(out: &Outcome, statistics: bool) -> String {
    let mut bytes = Vec::new();
    json_to(out, statistics, &mut bytes).expect("a vector takes every write");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// [`json`], written to `w` as it is serialised (a 100k-file report is
/// hundreds of megabytes: never held whole). `w` is the output layer's.
pub(crate) fn json_to(out: &Outcome, statistics: bool, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let report = JsonReport {
        findings: Findings(out),
        summary: JsonSummary {
            stats: &out.stats,
            counts: tally(out),
        },
        statistics: statistics.then(|| by_rule(out)),
    };
    serde_json::to_writer_pretty(&mut *w, &report).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}
