//! `tongbiao diff --format json`: stable, documented in the README.
//! `{"base", "head", "counts": {"增负": n, …}, "changes": [{file, pointer,
//! class, kind, label, item?, region?, old, new, marked?, regions}],
//! "notes": [{side, file, message}], "findings": [{rule, severity, file,
//! line, column, pointer, message, help?}]}` (findings of the diff rules,
//! in HEAD's files).

use serde_json::json;

use crate::analysis::diff::{Class, Diff};
use crate::lint::Outcome;

pub(crate) fn render(d: &Diff, findings: &Outcome, base: &str, head: &str) -> String {
    let found: Vec<serde_json::Value> = findings
        .diagnostics
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "severity": f.severity,
                "file": findings.sources.get(f.file).path,
                "line": f.line,
                "column": f.column,
                "pointer": f.pointer(),
                "message": &*f.message,
                "help": f.help,
            })
        })
        .collect();
    let counts: serde_json::Map<String, serde_json::Value> = Class::ALL
        .iter()
        .map(|c| (c.label().to_string(), json!(d.count(*c))))
        .collect();
    let v = json!({
        "base": base,
        "head": head,
        "counts": counts,
        "changes": d.changes,
        "notes": d.notes,
        "findings": found,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
