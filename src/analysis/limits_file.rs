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
    FileChecks {
        canonical: wanted.canonical.then(|| canonical_diff(src)).flatten().map(Box::new),
        breaches: wanted
            .limits
            .map(|l| limits::scan(&src.text, l).into_boxed_slice())
            .unwrap_or_default(),
    }
}

/// The first differing line of a catalog data file that is not
/// canonical; `None` for a canonical file, a file of no known kind and a
/// file that is not JSON (other rules report those).
fn canonical_diff(src: &SourceFile) -> Option<CanonicalDiff> {
    let kind = FileKind::of_path(&src.path)?;
    let bom = src.text.len() - crate::text::strip_bom(&src.text).len();
    let body = &src.text[bom..];
    let plan = Some(crate::schema::catalog(kind).plan());
    // Most files are canonical: one scan says so without building the text.
    if src.json && crate::canonical::is_canonical(body, plan) {
        return None;
    }
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
