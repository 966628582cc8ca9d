//! Property tests: whatever a file of the catalog is cut to or corrupted
//! with, lint reports it without panicking, every finding points inside its
//! own file, and a file that no longer parses changes nothing in the
//! findings of the others (no cascade).

use proptest::prelude::*;

use crate::lint::Outcome;
use crate::testing::{base, lint_with, ITEM};

const FILE: &str = "items/630101001000.json";

/// (file, rule, line, column, message) of every finding outside `file`.
fn others(out: &Outcome, file: &str) -> Vec<(String, &'static str, usize, usize, String)> {
    out.diagnostics
        .iter()
        .map(|d| (out.sources.get(d.file).path.clone(), d))
        .filter(|(p, _)| p != file)
        .map(|(p, d)| (p, d.rule, d.line, d.column, d.message.to_string()))
        .collect()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let out = lint_with(&[(FILE, Some(text))]);
    for d in &out.diagnostics {
        let src = out.sources.get(d.file);
        let (start, end) = d.span().unwrap_or((0, 0));
        prop_assert!(
            start <= end && end <= src.text.len(),
            "{} span {start}..{end} outside {}",
            d.rule,
            src.path
        );
        prop_assert!(d.line >= 1 && d.column >= 1, "{} at {}:{}", d.rule, d.line, d.column);
    }
    // The reports render whatever the findings (infos left out of the
    // human report: they are the untouched files' and slow in debug).
    prop_assert!(crate::reports::human(&out, false, false).contains("检查"));
    let json = crate::reports::json(&out, false);
    prop_assert!(json.starts_with('{'), "json output: {}", &json[..json.len().min(40)]);
    let unparsed = out
        .diagnostics
        .iter()
        .any(|d| out.sources.get(d.file).path == FILE && matches!(d.rule, "invalid-json" | "invalid-utf8"));
    if unparsed {
        static CLEAN: std::sync::OnceLock<Outcome> = std::sync::OnceLock::new();
        let clean = CLEAN.get_or_init(|| lint_with(&[]));
        prop_assert_eq!(others(&out, FILE), others(clean, FILE));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_truncated_file_is_reported_and_isolated(cut in 0usize..ITEM.len()) {
        let text = String::from_utf8_lossy(&ITEM.as_bytes()[..cut]).to_string();
        check(&text)?;
    }

    #[test]
    fn a_corrupted_byte_is_reported_and_isolated(at in 0usize..ITEM.len(), byte in prop::sample::select(vec![b'"', b'\\', b'{', b',', 0xFF])) {
        let mut bytes = ITEM.as_bytes().to_vec();
        bytes[at] = byte;
        check(&String::from_utf8_lossy(&bytes))?;
    }
}

#[test]
fn the_base_catalog_has_the_file_the_properties_corrupt() {
    assert!(base().iter().any(|(p, t)| p == FILE && t == ITEM));
}
