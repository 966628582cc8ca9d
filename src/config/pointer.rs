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

    fn go(&self, pointer: &str, prefix: bool) -> bool {
        let segs: Vec<String> = crate::spans::segments(pointer).collect();
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
        go(&self.0, &segs, prefix)
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
