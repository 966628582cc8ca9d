//! Rendering: the one place that turns values into text. Lint findings:
//! `human` (miette code frames), `concise` (a line each), `json` (for
//! machines), `sarif` (code scanning), `github` (workflow-command
//! annotations), `gitlab` (Code Quality), `junit` (CI test reports) and
//! `markdown` (a pull-request comment or job summary); the uniformity
//! report: `uniformity` (terminal table, Markdown, HTML through an
//! auto-escaping template). Renderers return strings; only `output` prints
//! or writes them.

pub(crate) mod concise;
pub(crate) mod diff_human;
pub(crate) mod diff_json;
pub(crate) mod diff_markdown;
pub(crate) mod github;
pub(crate) mod gitlab;
pub(crate) mod guide;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod markdown;
pub(crate) mod sarif;
pub mod uniformity;

pub(crate) use concise::concise;
pub(crate) use github::github;
pub(crate) use gitlab::gitlab;
pub(crate) use human::human;
pub(crate) use json::json;
pub(crate) use junit::junit;
pub(crate) use markdown::markdown;
pub(crate) use sarif::sarif;

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
        c.add(d.severity);
    }
    c
}

impl Counts {
    pub(crate) fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub(crate) fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// One rule's findings, by severity (`--statistics`, the Markdown table).
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct RuleCount {
    pub(crate) rule: &'static str,
    /// The rule's one-line Chinese summary.
    pub(crate) summary: &'static str,
    pub(crate) total: usize,
    #[serde(flatten)]
    pub(crate) counts: Counts,
}

/// Findings per rule: most errors first, then warnings, then infos, then
/// by id.
pub(crate) fn by_rule(diags: &[Diagnostic]) -> Vec<RuleCount> {
    let mut map: std::collections::BTreeMap<&'static str, Counts> = std::collections::BTreeMap::new();
    for d in diags {
        map.entry(d.rule).or_default().add(d.severity);
    }
    let mut rows: Vec<RuleCount> = map
        .into_iter()
        .map(|(rule, counts)| RuleCount {
            rule,
            summary: crate::rules::find(rule).map_or("", |r| r.summary),
            total: counts.total(),
            counts,
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &RuleCount| (r.counts.error, r.counts.warning, r.counts.info);
        key(b).cmp(&key(a)).then_with(|| a.rule.cmp(b.rule))
    });
    rows
}

/// `--statistics` for people: one line per rule, after the report.
pub(crate) fn statistics(diags: &[Diagnostic]) -> String {
    let mut s = String::from("按规则统计（错误/警告/提示）：\n");
    for r in by_rule(diags) {
        s.push_str(&format!(
            "{:>6}  {:<26} {}/{}/{}  {}\n",
            r.total, r.rule, r.counts.error, r.counts.warning, r.counts.info, r.summary
        ));
    }
    s
}

/// The one-line summary that ends a human run.
pub(crate) fn summary_line(out: &Outcome) -> String {
    let c = counts(&out.diagnostics);
    let s = &out.stats;
    let baseline = s
        .baseline
        .map(|n| format!("；基线中已有 {n} 条未列出"))
        .unwrap_or_default();
    let unverified = out
        .diagnostics
        .iter()
        .filter(|d| d.rule == crate::rules::unverified_fact::RULE.id)
        .count();
    let unverified = if unverified > 0 {
        format!("（其中待核实的事实 {unverified} 项）")
    } else {
        String::new()
    };
    format!(
        "检查 {} 个文件：基本目录事项 {} 项，实施清单 {} 份，一件事 {} 个；生效豁免 {} 条，生效偏离 {} 项；错误 {}，警告 {}，提示 {}{unverified}{baseline}；用时 {:.2} 秒",
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
