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
    let text = d.span.and_then(|(a, b)| src.text.get(a..b)).unwrap_or_default();
    format!(
        "{}|{}{}|{}|{}",
        d.rule,
        src.base,
        src.path,
        d.pointer(),
        &hex(&Sha256::digest(text.as_bytes()))[..16]
    )
}

/// `key` hashed to 32 hex digits, for formats that want an opaque id.
pub fn fingerprint(out: &Outcome, d: &Diagnostic) -> String {
    hex(&Sha256::digest(key(out, d).as_bytes()))[..32].to_string()
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
}
