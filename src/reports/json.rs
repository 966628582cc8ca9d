//! Findings as JSON, for machines: sorted, no timing, so two runs on the
//! same catalog give the same bytes.

use serde::Serialize;

use super::{by_rule, counts, Counts, RuleCount};
use crate::diag::Severity;
use crate::lint::{Outcome, Stats};

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
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

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
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
    let findings = out
        .diagnostics
        .iter()
        .map(|d| {
            let f = out.sources.get(d.file);
            let (end_line, end_column) = f.line_col(d.span.map_or(0, |s| s.1));
            JsonFinding {
                file: f.shown(),
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
        })
        .collect();
    let report = JsonReport {
        findings,
        summary: JsonSummary {
            stats: &out.stats,
            counts: counts(&out.diagnostics),
        },
        statistics: statistics.then(|| by_rule(&out.diagnostics)),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("report serialises");
    s.push('\n');
    s
}
