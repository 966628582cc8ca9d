//! Normalising text before matching: NFKC width folding, spaces and
//! zero-width characters removed, Traditional → Simplified. Matching runs
//! on the normalised copy; every normalised character remembers the byte
//! range of the original character it came from, so findings point into
//! the text the author wrote. Normalised text is never written back.

use unicode_normalization::UnicodeNormalization;

/// A normalised copy of a text with a map back to the original.
#[derive(Debug)]
pub(crate) struct Normalized {
    pub(crate) text: String,
    /// For each byte of `text`, the original byte range of the character
    /// it came from (indexed by byte for direct use with match offsets).
    origin: Vec<(usize, usize)>,
}

/// Characters that carry no content: zero-width spaces and joiners, the
/// left-to-right / right-to-left marks, embeddings, overrides and isolates
/// (bidi controls can reorder how a phrase is shown without changing it),
/// the Arabic letter mark, the word joiner and invisible operators, the
/// BOM, the soft hyphen, the Mongolian vowel separator and variation
/// selectors.
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

pub(crate) fn normalize(original: &str) -> Normalized {
    let mut folded = String::with_capacity(original.len());
    let mut origin_chars: Vec<(usize, usize)> = Vec::with_capacity(original.len());
    for (i, c) in original.char_indices() {
        let range = (i, i + c.len_utf8());
        if c.is_whitespace() || invisible(c) {
            continue;
        }
        for n in std::iter::once(c).nfkc() {
            if n.is_whitespace() || invisible(n) {
                continue;
            }
            folded.push(n);
            origin_chars.push(range);
        }
    }
    // fast2s maps character for character, so the map survives.
    let simplified = fast2s::convert(&folded);
    let mut origin = Vec::with_capacity(simplified.len());
    let mut chars = origin_chars.into_iter();
    for c in simplified.chars() {
        let r = chars.next().unwrap_or((original.len(), original.len()));
        origin.extend(std::iter::repeat_n(r, c.len_utf8()));
    }
    Normalized {
        text: simplified,
        origin,
    }
}

impl Normalized {
    /// Original byte range covering normalised bytes `start..end`.
    pub(crate) fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.origin.len() {
            return (0, 0);
        }
        let a = self.origin[start].0;
        let b = self.origin[(end - 1).min(self.origin.len() - 1)].1;
        (a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back<'a>(orig: &'a str, n: &Normalized, pat: &str) -> &'a str {
        let s = n.text.find(pat).expect("pattern in normalised text");
        let (a, b) = n.original_range(s, s + pat.len());
        &orig[a..b]
    }

    #[test]
    fn spaces_and_zero_width_are_removed_and_mapped_back() {
        let orig = "提交其他 相关\u{200b}材料。";
        let n = normalize(orig);
        assert_eq!(n.text, "提交其他相关材料。");
        assert_eq!(back(orig, &n, "其他相关材料"), "其他 相关\u{200b}材料");
    }

    #[test]
    fn traditional_and_full_width_are_folded() {
        let orig = "其他相關材料（ＡＢ）";
        let n = normalize(orig);
        assert_eq!(n.text, "其他相关材料(AB)");
        assert_eq!(back(orig, &n, "相关"), "相關");
        assert_eq!(back(orig, &n, "(AB)"), "（ＡＢ）");
    }
}
