//! JSON-pointer patterns and scopes: which values a text rule looks at and
//! which elements are uniform province-wide.

/// A JSON-pointer pattern: `*` matches one segment, `**` any number.
#[derive(Debug, Clone)]
pub(crate) struct PointerPattern(Vec<String>);

impl PointerPattern {
    pub(crate) fn parse(p: &str) -> PointerPattern {
        PointerPattern(crate::spans::segments(p).collect())
    }

    /// The whole pointer matches the pattern.
    pub(crate) fn matches(&self, pointer: &str) -> bool {
        self.go(pointer, false)
    }

    /// The pointer is the pattern's value or lies under it (a part of a
    /// uniform element is covered by the element). The root never is.
    pub(crate) fn covers(&self, pointer: &str) -> bool {
        !pointer.is_empty() && self.go(pointer, true)
    }

    /// Match segment by segment over the pointer's text: no segment is
    /// copied (only one holding an escape, `~0`/`~1`, is unescaped to
    /// compare).
    fn go(&self, pointer: &str, prefix: bool) -> bool {
        // Segments are what follows each '/' (text before the first is
        // not a segment).
        let rest = pointer.find('/').map_or("", |i| &pointer[i..]);
        go(&self.0, rest, prefix)
    }
}

/// Whether pattern segments `p` match the pointer text `rest` (empty, or
/// `/seg/seg…`).
fn go(p: &[String], rest: &str, prefix: bool) -> bool {
    match p.split_first() {
        None => prefix || rest.is_empty(),
        Some((h, tail)) if h == "**" => {
            let mut r = rest;
            loop {
                if go(tail, r, prefix) {
                    return true;
                }
                match next(r) {
                    Some((_, after)) => r = after,
                    None => return false,
                }
            }
        }
        Some((h, tail)) => match next(rest) {
            Some((seg, after)) => (h == "*" || same(h, seg)) && go(tail, after, prefix),
            None => false,
        },
    }
}

/// The first segment of `/seg/rest` (escaped) and the rest.
fn next(rest: &str) -> Option<(&str, &str)> {
    let r = rest.strip_prefix('/')?;
    Some(r.find('/').map_or((r, ""), |i| (&r[..i], &r[i..])))
}

/// An unescaped pattern segment against an escaped pointer segment.
fn same(pattern: &str, escaped: &str) -> bool {
    if escaped.contains('~') {
        pattern == escaped.replace("~1", "/").replace("~0", "~")
    } else {
        pattern == escaped
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    pub(super) include: Vec<PointerPattern>,
    pub(super) exclude: Vec<PointerPattern>,
}

impl Scope {
    pub(super) fn allows(&self, pointer: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| p.matches(pointer)))
            && !self.exclude.iter().any(|p| p.matches(pointer))
    }
}

#[cfg(test)]
mod tests {
    use super::PointerPattern;

    /// The matcher before it was compiled (issue 14): segments copied.
    fn reference(pattern: &str, pointer: &str, prefix: bool) -> bool {
        fn go(p: &[String], s: &[String], prefix: bool) -> bool {
            match p.split_first() {
                None => prefix || s.is_empty(),
                Some((h, rest)) if h == "**" => (0..=s.len()).any(|i| go(rest, &s[i..], prefix)),
                Some((h, rest)) => match s.split_first() {
                    Some((x, srest)) => (h == "*" || h == x) && go(rest, srest, prefix),
                    None => false,
                },
            }
        }
        let p: Vec<String> = crate::spans::segments(pattern).collect();
        let s: Vec<String> = crate::spans::segments(pointer).collect();
        go(&p, &s, prefix)
    }

    #[test]
    fn matches_as_the_segment_copying_matcher_did() {
        let patterns = [
            "",
            "/**",
            "/a",
            "/a/*",
            "/a/**",
            "/**/b",
            "/*/b/**",
            "/a~1b/*",
            "/~0/**/c",
            "/a/**/b/*",
        ];
        let pointers = [
            "",
            "/",
            "/a",
            "/a/",
            "/a/b",
            "/a/b/c",
            "/a/x/b/0",
            "/a~1b/1",
            "/a/b/b",
            "/~0/c",
            "/~0/x/y/c",
            "x/a",
            "/b",
        ];
        let mut matched = 0;
        for pat in patterns {
            let p = PointerPattern::parse(pat);
            for ptr in pointers {
                let want = reference(pat, ptr, false);
                assert_eq!(p.matches(ptr), want, "{pat} ~ {ptr}");
                assert_eq!(
                    p.covers(ptr),
                    !ptr.is_empty() && reference(pat, ptr, true),
                    "{pat} covers {ptr}"
                );
                matched += usize::from(want);
            }
        }
        // Both outcomes occur: the comparison is not vacuous.
        assert!(
            matched > 10 && matched < patterns.len() * pointers.len() - 10,
            "{matched}"
        );
    }
}
