//! Rendering: the one place that turns values into text. Lint findings:
//! `human` (miette code frames) and `json` (for machines); the uniformity
//! report: `uniformity` (terminal table, Markdown, HTML through an
//! auto-escaping template). Renderers return strings; only `output` prints
//! or writes them.

pub(crate) mod diff_human;
pub(crate) mod diff_json;
pub(crate) mod diff_markdown;
pub(crate) mod human;
pub(crate) mod json;
pub mod uniformity;

pub(crate) use human::human;
pub(crate) use json::json;

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub(crate) struct Counts {
    pub(crate) error: usize,
    pub(crate) warning: usize,
    pub(crate) info: usize,
}

pub(crate) fn counts(diags: &[Diagnostic]) -> Counts {
    let mut c = Counts::default();
    for d in diags {
        match d.severity {
            Severity::Error => c.error += 1,
            Severity::Warning => c.warning += 1,
            Severity::Info => c.info += 1,
        }
    }
    c
}

/// The one-line summary that ends a human run.
pub(crate) fn summary_line(out: &Outcome) -> String {
    let c = counts(&out.diagnostics);
    let s = &out.stats;
    format!(
        "检查 {} 个文件：基本目录事项 {} 项，实施清单 {} 份，一件事 {} 个；生效豁免 {} 条，生效偏离 {} 项；错误 {}，警告 {}，提示 {}；用时 {:.2} 秒",
        s.files,
        s.items,
        s.locals,
        s.bundles,
        s.exemptions,
        s.deviations,
        c.error,
        c.warning,
        c.info,
        out.elapsed.as_secs_f64()
    )
}
