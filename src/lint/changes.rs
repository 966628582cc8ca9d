//! The diff pipeline (`tongbiao diff`): the diff of two revisions,
//! classified with the configured classes (rules.json `diff.classes`),
//! then the diff rules (version bumps, bases of 增负 changes, widened
//! deviations) with the severities, overrides and exemptions of `rules/`
//! applied as in a lint run, located in HEAD's files.

use crate::analysis::diff::{diff, Diff, Side};
use crate::config::Config;
use crate::rules::{self, DiffContext};
use crate::source::Sources;

use super::Outcome;

/// The diff and the findings of the diff rules.
pub(crate) struct Checked {
    pub(crate) diff: Diff,
    /// Findings in HEAD's files (sources: HEAD's), located and sorted.
    pub(crate) findings: Outcome,
}

/// Diff `base` and `head`, classify, run the diff rules (exemptions
/// expire as of `today`, YYYY-MM-DD).
pub(crate) fn check(base: &Side, head: &Side, config: &Config, today: &str) -> Checked {
    let mut d = diff(base, head);
    d.classify(&config.diff_classes);
    let ctx = DiffContext {
        base: base.loaded,
        head: head.loaded,
        diff: &d,
    };
    let sources = &head.loaded.sources;
    let found = super::apply::apply_to(config, sources, rules::run_diff(&ctx), today);
    let findings = super::located(
        Sources {
            files: sources.files.clone(),
        },
        found,
    );
    Checked { diff: d, findings }
}
