//! Which findings a run reports and whether they fail it: `--select` and
//! `--ignore` (rule ids, checked against the registry) and the
//! `--fail-on` threshold. Applied after the pipeline, on its outcome, so
//! every format reports the same findings.

use super::Outcome;
use crate::diag::Severity;
use crate::rules;

/// The rules a run reports: those selected (all when none is), less those
/// ignored.
#[derive(Debug, Default)]
pub(crate) struct Selection {
    select: Vec<&'static str>,
    ignore: Vec<&'static str>,
}

/// A rule id that is not in the registry, and the closest one that is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UnknownRule {
    pub(crate) id: String,
    pub(crate) suggestion: Option<&'static str>,
}

impl Selection {
    /// Every rule.
    pub(crate) fn all() -> Selection {
        Selection::default()
    }

    /// From the ids given (empty ones, as from `a,,b`, are skipped).
    pub(crate) fn new(select: &[String], ignore: &[String]) -> Result<Selection, UnknownRule> {
        Ok(Selection {
            select: ids(select)?,
            ignore: ids(ignore)?,
        })
    }

    pub(crate) fn keeps(&self, rule: &str) -> bool {
        (self.select.is_empty() || self.select.contains(&rule)) && !self.ignore.contains(&rule)
    }

    /// Drop the findings of rules not kept.
    pub(crate) fn apply(&self, out: &mut Outcome) {
        out.diagnostics.retain(|d| self.keeps(d.rule));
        out.counted.retain(|(rule, _)| self.keeps(rule));
    }
}

fn ids(given: &[String]) -> Result<Vec<&'static str>, UnknownRule> {
    given
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|id| match rules::find(id) {
            Some(r) => Ok(r.id),
            None => Err(UnknownRule {
                id: id.to_string(),
                suggestion: closest(id),
            }),
        })
        .collect()
}

/// The registered id closest to `id`, when it is close enough to be a
/// typo (at most a third of its characters differ, at least 2 allowed).
fn closest(id: &str) -> Option<&'static str> {
    let limit = (id.chars().count() / 3).max(2);
    rules::RULES
        .iter()
        .map(|r| (strsim::levenshtein(id, r.id), r.id))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, id)| id)
}

/// Whether a finding at or above `threshold` remains (`None`: never fail).
pub(crate) fn fails(out: &Outcome, threshold: Option<Severity>) -> bool {
    // Counted findings are infos.
    let counted = out.counted.iter().any(|(_, n)| *n > 0);
    threshold.is_some_and(|t| out.diagnostics.iter().any(|d| d.severity <= t) || (counted && t == Severity::Info))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn unknown_ids_are_refused_with_the_closest_known_one() {
        let e = Selection::new(&strings(&["vage-catch-all"]), &[]).unwrap_err();
        assert_eq!(e.suggestion, Some("vague-catch-all"));
        let e = Selection::new(&[], &strings(&["zzzzzz"])).unwrap_err();
        assert_eq!((e.id.as_str(), e.suggestion), ("zzzzzz", None));
    }

    #[test]
    fn select_then_ignore() {
        let s = Selection::new(&strings(&["bom", "invalid-json", ""]), &strings(&["bom"])).unwrap();
        assert!(s.keeps("invalid-json") && !s.keeps("bom") && !s.keeps("credit-code"));
        assert!(Selection::all().keeps("bom"));
    }

    #[test]
    fn the_threshold_counts_findings_at_or_above_it() {
        let out = crate::testing::lint_with(&[]);
        let worst = out.diagnostics.iter().map(|d| d.severity).min();
        assert!(!fails(&out, None));
        if let Some(w) = worst {
            assert!(fails(&out, Some(w)) && fails(&out, Some(Severity::Info)));
        }
    }
}
