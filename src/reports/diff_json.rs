//! `tongbiao diff --format json`: stable, documented in the README.
//! `{"base", "head", "counts": {"增负": n, …}, "changes": [{file, pointer,
//! class, kind, label, item?, region?, old, new, marked?, regions}],
//! "notes": [{side, file, message}]}`.

use serde_json::json;

use crate::analysis::diff::{Class, Diff};

pub(crate) fn render(d: &Diff, base: &str, head: &str) -> String {
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
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
