//! Where findings are: pointers resolved to byte spans and lines/columns,
//! lazily, only for files that have findings.

use rayon::prelude::*;

use crate::diag::{Diagnostic, Place};
use crate::source::Sources;
use crate::spans::Tree;

/// Give every finding a byte span and line/column. Each file with findings
/// that point by JSON pointer is parsed once more, in parallel; files
/// without findings are never re-parsed.
pub(super) fn locate(sources: &Sources, diags: &mut [Diagnostic]) {
    let mut by_file: Vec<(usize, Vec<&mut Diagnostic>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for d in diags.iter_mut() {
        let i = *slot.entry(d.file).or_insert_with(|| {
            by_file.push((d.file, Vec::new()));
            by_file.len() - 1
        });
        by_file[i].1.push(d);
    }
    by_file.par_iter_mut().for_each(|(file, ds)| {
        let src = sources.get(*file);
        let base = src.text.len() - crate::text::strip_bom(&src.text).len();
        let mut tree = None;
        // Where the last offset into each string literal was found: many
        // findings in one long field walk it once, not once each.
        let mut walks: std::collections::HashMap<(usize, usize), (usize, usize)> = std::collections::HashMap::new();
        for d in ds.iter_mut() {
            // A file without its text changed before it could be read
            // again (`input::restore`): no position rather than a wrong one.
            if d.span().is_none() && src.stamp.is_none() {
                let span = match &d.place {
                    Place::Bytes { start, end } => Some((*start, *end)),
                    Place::Pointer { pointer, target } => {
                        let t = tree.get_or_insert_with(|| match src.json {
                            true => Some(Tree::valid(&src.text, base)),
                            false => Tree::parse(&src.text, base),
                        });
                        t.as_ref().and_then(|t| t.find(pointer, *target))
                    }
                };
                d.set_span(span);
                if let (Some((s, e)), Some((a, b))) = (span, d.sub()) {
                    let literal = &src.text[s..e];
                    if literal.starts_with('"') {
                        let walk = walks.entry((s, e)).or_insert((1, 0));
                        let a = literal_offset_from(literal, a, walk);
                        d.set_span(Some((s + a, s + literal_offset_from(literal, b, walk))));
                    }
                }
            }
            let (line, column) = src.line_col(d.span().map_or(0, |s| s.0));
            d.line = line;
            d.column = column;
        }
    });
}

/// Byte offset in a JSON string literal (with its quotes) of the byte
/// offset `decoded` in the string it decodes to, walking escapes.
#[cfg(test)]
fn literal_offset(literal: &str, decoded: usize) -> usize {
    literal_offset_from(literal, decoded, &mut (1, 0))
}

/// [`literal_offset`] resumed from `walk` (raw index, decoded offset of
/// an earlier answer) when `decoded` is not before it; `walk` is left at
/// this answer.
fn literal_offset_from(literal: &str, decoded: usize, walk: &mut (usize, usize)) -> usize {
    let raw = literal.as_bytes();
    // after the opening quote, or where the last walk stopped
    let (mut i, mut d) = if decoded >= walk.1 { *walk } else { (1, 0) };
    while i < raw.len() - 1 && d < decoded {
        if raw[i] == b'\\' {
            let (adv, len) = match raw.get(i + 1) {
                Some(b'u') => {
                    let code = u32::from_str_radix(literal.get(i + 2..i + 6).unwrap_or("0"), 16).unwrap_or(0);
                    if (0xD800..0xDC00).contains(&code) {
                        (12, 4) // a surrogate pair: one 4-byte character
                    } else {
                        (6, char::from_u32(code).map_or(1, char::len_utf8))
                    }
                }
                _ => (2, 1),
            };
            i += adv;
            d += len;
        } else {
            let ch = literal[i..].chars().next().map_or(1, char::len_utf8);
            i += ch;
            d += ch;
        }
    }
    *walk = (i, d);
    i.min(literal.len())
}

#[cfg(test)]
mod tests {
    use super::literal_offset;

    #[test]
    fn offsets_inside_string_literals_skip_escapes() {
        let lit = r#""a\"b\u4e2d文""#;
        // decoded: a " b 中 文 → bytes 0,1,2,3(中:3 bytes),6(文)
        assert_eq!(&lit[literal_offset(lit, 3)..literal_offset(lit, 6)], "\\u4e2d");
        assert_eq!(&lit[literal_offset(lit, 6)..literal_offset(lit, 9)], "文");
    }

    #[test]
    fn resumed_walks_agree_with_walks_from_the_start() {
        let lit = r#""a\"b\u4e2d文\ud83d\ude00xyz""#;
        let mut walk = (1, 0);
        for decoded in [0, 1, 3, 6, 6, 9, 13, 14, 2, 16, 99] {
            assert_eq!(
                super::literal_offset_from(lit, decoded, &mut walk),
                literal_offset(lit, decoded),
                "{decoded}"
            );
        }
    }
}
