//! Findings as values: rules push [`Diagnostic`]s into a [`Sink`]; only
//! `report/` turns them into text.

use std::sync::Arc;

use serde::Serialize;

use crate::source::FileId;

/// How serious a finding is. Errors fail CI (exit 1); warnings are shown;
/// infos note data still to be filled in (待补充).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Whether a finding points at an object key or at the value under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Target {
    Key,
    Value,
}

/// Where a finding points before spans are resolved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Place {
    /// A JSON value (or its key) addressed by pointer (shared: the
    /// findings of a national catalog repeat a few pointers, issue 14).
    Pointer { pointer: Arc<str>, target: Target },
    /// A raw byte range, for files that are not valid JSON.
    Bytes { start: usize, end: usize },
}

/// A byte range of a file (files are read up to 64 MiB): half the size of
/// a pair of `usize`, for a national catalog's 700,000 findings (issue 14).
#[derive(Debug, Clone, Copy)]
struct Range(u32, u32);

impl Range {
    fn new((start, end): (usize, usize)) -> Range {
        // Files are refused above `load::MAX_FILE_BYTES` (asserted there to
        // fit in u32); an offset past u32 is a bug, clamped in release.
        debug_assert!(end <= u32::MAX as usize, "byte offset {end} past u32");
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Range(at(start), at(end))
    }

    fn get(self) -> (usize, usize) {
        (self.0 as usize, self.1 as usize)
    }
}

/// One finding.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub file: FileId,
    pub(crate) place: Place,
    /// Shared, not copied, when many findings say the same (a national
    /// catalog's 700,000 `unverified-fact` infos repeat a few messages).
    pub message: Arc<str>,
    /// Most helps are fixed text, borrowed rather than copied per finding.
    pub(crate) help: Option<std::borrow::Cow<'static, str>>,
    /// A byte range inside the string value at the pointer (of the decoded
    /// string), for findings about a phrase in a text ([`Diagnostic::sub`]).
    sub: Option<Range>,
    /// Resolved by `lint::locate` before reporting: byte range in the file
    /// ([`Diagnostic::span`]).
    span: Option<Range>,
    /// 1-based line and column (in characters) of the span's start.
    pub line: usize,
    pub column: usize,
}

impl Diagnostic {
    pub(crate) fn at(rule: &'static str, severity: Severity, file: FileId, pointer: &str) -> Diagnostic {
        Diagnostic::at_shared(rule, severity, file, Arc::from(pointer))
    }

    /// [`Diagnostic::at`] with a pointer already shared.
    pub(crate) fn at_shared(rule: &'static str, severity: Severity, file: FileId, pointer: Arc<str>) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            file,
            place: Place::Pointer {
                pointer,
                target: Target::Value,
            },
            message: Arc::from(""),
            help: None,
            sub: None,
            span: None,
            line: 0,
            column: 0,
        }
    }

    pub(crate) fn at_key(rule: &'static str, severity: Severity, file: FileId, pointer: &str) -> Diagnostic {
        let mut d = Diagnostic::at(rule, severity, file, pointer);
        d.place = Place::Pointer {
            pointer: Arc::from(pointer),
            target: Target::Key,
        };
        d
    }

    pub(crate) fn at_bytes(
        rule: &'static str,
        severity: Severity,
        file: FileId,
        start: usize,
        end: usize,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            file,
            place: Place::Bytes { start, end },
            message: Arc::from(""),
            help: None,
            sub: None,
            span: None,
            line: 0,
            column: 0,
        }
    }

    pub(crate) fn message(mut self, m: impl Into<Arc<str>>) -> Diagnostic {
        self.message = m.into();
        self
    }

    pub(crate) fn help(mut self, h: impl Into<std::borrow::Cow<'static, str>>) -> Diagnostic {
        self.help = Some(h.into());
        self
    }

    /// The byte range in the file, once located.
    pub(crate) fn span(&self) -> Option<(usize, usize)> {
        self.span.map(Range::get)
    }

    pub(crate) fn set_span(&mut self, span: Option<(usize, usize)>) {
        self.span = span.map(Range::new);
    }

    /// The byte range inside the string value at the pointer, if any.
    pub(crate) fn sub(&self) -> Option<(usize, usize)> {
        self.sub.map(Range::get)
    }

    pub(crate) fn set_sub(&mut self, sub: (usize, usize)) {
        self.sub = Some(Range::new(sub));
    }

    pub fn pointer(&self) -> &str {
        match &self.place {
            Place::Pointer { pointer, .. } => pointer,
            Place::Bytes { .. } => "",
        }
    }
}

/// Where rules put findings. A plain vector: rules never print.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Findings the vector should have room for beyond the rule's own
    /// (see [`Sink::reserve`]).
    room: usize,
    /// Set by [`Sink::counting`]: the rule whose infos are counted.
    counts: Option<&'static str>,
    /// Infos of that rule counted, not kept.
    pub(crate) counted: usize,
}

/// Infos counted instead of kept, per rule (issue 14).
pub(crate) type Counted = Vec<(&'static str, usize)>;

impl Sink {
    /// A sink whose rule, when it sizes its vector, leaves room for
    /// `room` more findings (the other rules', gathered into it).
    pub(crate) fn with_room(room: usize) -> Sink {
        Sink {
            room,
            ..Sink::default()
        }
    }

    /// A sink that counts the info findings of `rule` instead of keeping
    /// them (its other findings are kept): for a run whose reports only
    /// count infos, when nothing in rules/ could change them.
    pub(crate) fn counting(rule: &'static str) -> Sink {
        Sink {
            counts: Some(rule),
            ..Sink::default()
        }
    }

    /// Size the vector for `n` findings of the rule (and the room); a
    /// counting sink keeps few.
    pub(crate) fn reserve(&mut self, n: usize) {
        if self.counts.is_none() {
            self.diagnostics.reserve_exact(n + self.room);
        }
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        if self.counts == Some(d.rule) && d.severity == Severity::Info {
            self.counted += 1;
        } else {
            self.diagnostics.push(d);
        }
    }
}

/// The findings of `parts`, in order, in one vector built around the
/// largest part: a national catalog's hundreds of thousands of findings
/// (most of them from one rule) are moved once within that part's buffer,
/// never copied whole beside it (issue 14).
pub(crate) fn concat(mut parts: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    let Some(big) = (0..parts.len()).max_by_key(|&i| parts[i].len()) else {
        return Vec::new();
    };
    let mut all = std::mem::take(&mut parts[big]);
    let after: Vec<Vec<Diagnostic>> = parts.drain(big + 1..).collect();
    let before = parts;
    let extra = before.iter().chain(&after).map(Vec::len).sum();
    all.reserve_exact(extra);
    all.splice(0..0, before.into_iter().flatten());
    all.extend(after.into_iter().flatten());
    all
}

/// Escape one JSON-pointer segment (RFC 6901).
pub(crate) fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(rules: &[&'static str]) -> Vec<Diagnostic> {
        rules.iter().map(|r| Diagnostic::at(r, Severity::Info, 0, "")).collect()
    }

    #[test]
    fn a_counting_sink_counts_only_its_rules_infos() {
        let mut sink = Sink::counting("a");
        for (rule, severity) in [("a", Severity::Info), ("a", Severity::Warning), ("b", Severity::Info)] {
            sink.push(Diagnostic::at(rule, severity, 0, ""));
        }
        sink.push(Diagnostic::at("a", Severity::Info, 1, "/x"));
        let kept: Vec<(&str, Severity)> = sink.diagnostics.iter().map(|d| (d.rule, d.severity)).collect();
        assert_eq!(kept, [("a", Severity::Warning), ("b", Severity::Info)]);
        assert_eq!(sink.counted, 2);
    }

    #[test]
    fn concat_keeps_the_order_of_parts_and_findings() {
        let parts = vec![part(&["a", "b"]), part(&[]), part(&["c", "d", "e"]), part(&["f"])];
        let rules: Vec<&str> = concat(parts).iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["a", "b", "c", "d", "e", "f"]);
        assert!(concat(Vec::new()).is_empty());
        let rules: Vec<&str> = concat(vec![part(&["x"])]).iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["x"]);
    }
}
