//! The diff pipeline (`tongbiao diff`): the diff of two revisions,
//! classified with the configured classes (rules.json `diff.classes`),
//! then the diff rules (version bumps, bases of 增负 changes, widened
//! deviations) with the severities of `rules/` applied, located in HEAD's
//! files. Exemptions do not apply to diff findings.

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

/// Diff `base` and `head`, classify, run the diff rules.
pub(crate) fn check(base: &Side, head: &Side, config: &Config) -> Checked {
    let mut d = diff(base, head);
    d.classify(&config.diff_classes);
    let ctx = DiffContext {
        base: base.loaded,
        head: head.loaded,
        diff: &d,
    };
    let mut used = vec![false; config.overrides.len()];
    let sources = &head.loaded.sources;
    let found = rules::run_diff(&ctx)
        .into_iter()
        .filter_map(|mut f| {
            let path = &sources.get(f.file).path;
            f.severity = config.severity(f.rule, f.severity, path, f.pointer(), &mut used)?;
            Some(f)
        })
        .collect();
    let findings = super::located(
        Sources {
            files: sources.files.clone(),
        },
        found,
    );
    Checked { diff: d, findings }
}
