//! The checks that read a catalog file's text (`format-canonical`,
//! `input-limit`), run on each file while the loader holds its text, so
//! the texts need not be kept until the rules run (issue 14). What they
//! find is kept as a small record per file; the rules turn the records
//! into findings, with their wording.

use super::limits::{self, Breach};
use crate::catalog::FileKind;
use crate::config::raw::Limits;
use crate::source::SourceFile;

/// Which of the checks a run wants (a rule turned off is not computed).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted<'a> {
    /// `format-canonical`: compare with the canonical form.
    pub(crate) canonical: bool,
    /// `input-limit`: scan against these limits.
    pub(crate) limits: Option<&'a Limits>,
}

/// What the checks found in one file (nothing, for most files).
#[derive(Debug, Default)]
pub(crate) struct FileChecks {
    /// The first line that differs from the canonical form.
    pub(crate) canonical: Option<Box<CanonicalDiff>>,
    /// Every breach of the input limits, in document order.
    pub(crate) breaches: Box<[Breach]>,
}

/// Where a file first differs from its canonical form: the byte range of
/// that line (after its indentation, unless that is all it has) and what
/// the canonical text has there (trimmed, at most 60 characters; empty
/// when it is a blank line or the end).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CanonicalDiff {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: Box<str>,
}

/// Run the wanted checks on `src` (a catalog file, its text in hand).
pub(crate) fn check(src: &SourceFile, wanted: &Wanted) -> FileChecks {
    // Most files are canonical: one scan says so without building the
    // canonical text, and how deep the file nests (issue 14).
    let nesting = wanted.canonical.then(|| canonical_nesting(src)).flatten();
    FileChecks {
        canonical: match (wanted.canonical, nesting) {
            (true, None) => canonical_diff(src).map(Box::new),
            _ => None,
        },
        breaches: wanted
            .limits
            .filter(|l| !nesting.is_some_and(|n| within(src, l, n)))
            .map(|l| limits::scan(&src.text, l).into_boxed_slice())
            .unwrap_or_default(),
    }
}

/// How deep a catalog data file nests, when it is in canonical form;
/// `None` when it is not (or is not JSON, or of no known kind).
fn canonical_nesting(src: &SourceFile) -> Option<usize> {
    let kind = FileKind::of_path(&src.path)?;
    if !src.json || src.text.starts_with('\u{feff}') {
        return None;
    }
    crate::canonical::nesting_if_canonical(&src.text, Some(crate::schema::catalog(kind).plan()))
}

/// Whether a file of this length and nesting cannot breach the limits:
/// no string is longer than the file, and an object of `n` members takes
/// at least `4n` bytes (`"":0,` less its comma, and the braces).
fn within(src: &SourceFile, limits: &Limits, nesting: usize) -> bool {
    let len = src.text.len() as u64;
    nesting as u64 <= limits.depth && len <= limits.string_chars && len < 4 * (limits.object_keys + 1)
}

/// The first differing line of a catalog data file that is not
/// canonical; `None` for a canonical file, a file of no known kind and a
/// file that is not JSON (other rules report those).
fn canonical_diff(src: &SourceFile) -> Option<CanonicalDiff> {
    let kind = FileKind::of_path(&src.path)?;
    let bom = src.text.len() - crate::text::strip_bom(&src.text).len();
    let body = &src.text[bom..];
    let plan = Some(crate::schema::catalog(kind).plan());
    // The loader's serde_json already accepted a file marked `json`.
    let canonical = match src.json {
        true => crate::canonical::canonical_valid(body, plan),
        false => crate::canonical::canonical_with(body, plan),
    }
    .ok()?;
    if canonical == body {
        return None;
    }
    let same = body.bytes().zip(canonical.bytes()).take_while(|(a, b)| a == b).count();
    let start = body[..same].rfind('\n').map_or(0, |i| i + 1);
    let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
    // The line's text, after its indentation (unless that is all it has).
    let indent = body[start..end].len() - body[start..end].trim_start().len();
    let start = if start + indent < end { start + indent } else { start };
    let line = canonical[start..].lines().next().unwrap_or("");
    Some(CanonicalDiff {
        start: bom + start,
        end: bom + end,
        line: line.trim().chars().take(60).collect::<String>().into_boxed_str(),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn meta(text: &str) -> SourceFile {
        let mut src = SourceFile::new("catalog.json".into(), Arc::from(text));
        src.json = serde_json::from_str::<serde_json::Value>(text).is_ok();
        src
    }

    #[test]
    fn a_canonical_file_within_the_limits_skips_the_scan_and_one_over_them_does_not() {
        let text = "{\n  \"a\": [\n    \"长字符串\"\n  ]\n}\n";
        assert_eq!(canonical_nesting(&meta(text)), Some(2));
        let all = |limits: &Limits| {
            let found = check(
                &meta(text),
                &Wanted {
                    canonical: true,
                    limits: Some(limits),
                },
            );
            assert!(found.canonical.is_none());
            found.breaches.iter().map(|b| (b.kind, b.count)).collect::<Vec<_>>()
        };
        assert_eq!(all(&Limits::default()), []);
        let tight = |string_chars, depth, object_keys| Limits {
            string_chars,
            depth,
            object_keys,
        };
        assert_eq!(all(&tight(1_000, 1, 1_000)), [(limits::Kind::Depth, 1)]);
        assert_eq!(all(&tight(3, 64, 1_000)), [(limits::Kind::String, 4)]);
        assert_eq!(all(&tight(1_000, 64, 0)), [(limits::Kind::Keys, 0)]);
    }

    #[test]
    fn a_file_out_of_canonical_form_is_scanned_and_reported() {
        let found = check(
            &meta("{\"a\": 1}"),
            &Wanted {
                canonical: true,
                limits: Some(&Limits {
                    string_chars: 1_000,
                    depth: 0,
                    object_keys: 1_000,
                }),
            },
        );
        assert!(found.canonical.is_some());
        assert_eq!(found.breaches.len(), 1);
    }
}
