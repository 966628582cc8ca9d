//! Findings as a GitLab Code Quality report (a JSON array), for merge
//! request widgets: `description`, `check_name` (the rule id),
//! `fingerprint` (the one stable finding id, `lint::fingerprint`),
//! `severity`, `location.path` (as shown, relative to the repository root)
//! and `location.lines.begin`.
//!
//! Severity: error → `major`, warning → `minor`, info → `info`; GitLab's
//! `blocker` and `critical` are not used (an error fails the pipeline by
//! the exit code already).

use serde::Serialize;

use crate::diag::Severity;
use crate::lint::{fingerprint::fingerprint, Outcome};

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's severity for ours.
pub(crate) fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// The Code Quality report. Deterministic: no timing in it.
pub(crate) fn gitlab(out: &Outcome) -> String {
    let issues: Vec<Issue> = out
        .diagnostics
        .iter()
        .map(|d| Issue {
            description: format!("{}：{}", d.rule, d.message),
            check_name: d.rule,
            fingerprint: fingerprint(out, d),
            severity: severity(d.severity),
            location: Location {
                path: out.sources.get(d.file).shown(),
                lines: Lines { begin: d.line.max(1) },
            },
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_default();
    s.push('\n');
    s
}
