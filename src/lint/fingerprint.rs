//! A finding's identity that survives unrelated edits: the rule, the file's
//! item and region (its catalog-relative path, whatever directory the
//! command was given), the JSON pointer and a hash
//! of the offending text — never a line number. SARIF's
//! `partialFingerprints`, GitLab's `fingerprint` and the baseline all use
//! this one definition.

use sha2::{Digest, Sha256};

use super::Outcome;
use crate::diag::Diagnostic;

/// The stable key of `d` in `out`, as text: readable, and the input of
/// [`fingerprint`].
pub fn key(out: &Outcome, d: &Diagnostic) -> String {
    let src = out.sources.get(d.file);
    let text = d
        .span()
        .and_then(|(a, b)| src.text.get(a..b))
        .map(layout_free)
        .unwrap_or_default();
    format!(
        "{}|{}|{}|{}",
        d.rule,
        src.path,
        d.pointer(),
        &hex(&Sha256::digest(text.as_bytes()))[..16]
    )
}

/// `key` hashed to 32 hex digits, for formats that want an opaque id.
pub fn fingerprint(out: &Outcome, d: &Diagnostic) -> String {
    hex(&Sha256::digest(key(out, d).as_bytes()))[..32].to_string()
}

/// The offending text without its layout, so `tongbiao fmt` (indentation,
/// line breaks, key order) never changes a key: a JSON value is written
/// compactly with its object keys sorted; other text (a phrase inside a
/// string, a broken fragment) loses its ASCII whitespace only.
fn layout_free(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => sorted(v).to_string(),
        Err(_) => text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\n' | '\r' | '\t'))
            .collect(),
    }
}

fn sorted(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(o) => {
            let mut entries: Vec<(String, Value)> = o.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{edit, lint_with, ITEM};

    const F: &str = "items/630101001000.json";

    fn keys(text: &str) -> Vec<String> {
        let out = lint_with(&[(F, Some(text))]);
        out.diagnostics
            .iter()
            .filter(|d| d.rule == "vague-catch-all")
            .map(|d| key(&out, d))
            .collect()
    }

    /// Lines shifting above a finding leave its key alone; a different
    /// offending text changes it.
    #[test]
    fn keys_ignore_line_shifts_and_follow_the_text() {
        let vague = edit(ITEM, "\"conditions\": [", "\"conditions\": [\"其他材料\", ");
        let first = keys(&vague);
        assert_eq!(first.len(), 1, "{first:?}");
        let shifted = vague.replacen('{', "{\n\n\n", 1);
        assert_eq!(keys(&shifted), first);
        let other = edit(ITEM, "\"conditions\": [", "\"conditions\": [\"其他相关材料\", ");
        assert_ne!(keys(&other), first);
    }

    /// What `tongbiao fmt` changes — indentation, line breaks, key order —
    /// is not part of the offending text.
    #[test]
    fn layout_does_not_count() {
        let a = layout_free("{\"b\": 1, \"a\": [1, 2]}");
        assert_eq!(a, layout_free("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1\n}"));
        assert_ne!(a, layout_free("{\"a\": [2, 1], \"b\": 1}"));
        assert_eq!(layout_free("\"b\": [1,\n 2"), "\"b\":[1,2");
    }
}
