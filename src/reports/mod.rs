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
mod excerpt;
pub(crate) mod github;
pub(crate) mod gitlab;
pub(crate) mod guide;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod markdown;
pub(crate) mod sarif;
pub(crate) mod terminal;
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

/// Counts of a run's findings by severity, those kept and those counted
/// (infos).
pub(crate) fn tally(out: &Outcome) -> Counts {
    let mut c = counts(&out.diagnostics);
    c.info += out.counted.iter().map(|(_, n)| n).sum::<usize>();
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
pub(crate) fn by_rule(out: &Outcome) -> Vec<RuleCount> {
    let mut map: std::collections::BTreeMap<&'static str, Counts> = std::collections::BTreeMap::new();
    for d in &out.diagnostics {
        map.entry(d.rule).or_default().add(d.severity);
    }
    for (rule, n) in &out.counted {
        map.entry(rule).or_default().info += n;
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
pub(crate) fn statistics(out: &Outcome) -> String {
    let mut s = String::from("按规则统计（错误/警告/提示）：\n");
    for r in by_rule(out) {
        s.push_str(&format!(
            "{:>6}  {:<26} {}/{}/{}  {}\n",
            r.total, r.rule, r.counts.error, r.counts.warning, r.counts.info, r.summary
        ));
    }
    s
}

/// The one-line summary that ends a human run.
pub(crate) fn summary_line(out: &Outcome) -> String {
    let c = tally(out);
    let s = &out.stats;
    let baseline = s
        .baseline
        .map(|n| format!("；基线中已有 {n} 条未列出"))
        .unwrap_or_default();
    let id = crate::rules::unverified_fact::RULE.id;
    let counted = out.counted.iter().filter(|(rule, _)| *rule == id).map(|(_, n)| n);
    let unverified = out.diagnostics.iter().filter(|d| d.rule == id).count() + counted.sum::<usize>();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{load_texts, ConfigFile};

    /// The base catalog linted with `rules`, infos counted or kept.
    fn run(rules: &[(ConfigFile, &str)], count_infos: bool) -> Outcome {
        let mut cfg = load_texts(rules);
        if let Ok(c) = &mut cfg.config {
            c.count_infos = count_infos;
        }
        // Two unverified facts in a local file.
        let local = crate::testing::edit(
            crate::testing::LOCAL,
            "\"deviations\": [],",
            "\"deviations\": [],\n  \"provenance\": {\"/visits\": {\"status\": \"待核实\"}, \"/promised_deadline\": {\"status\": \"待核实\"}},",
        );
        let files = crate::testing::files_with("local/630100/630101001000.json", &local);
        let Ok(mut out) = crate::lint::lint(files, &cfg, crate::testing::TODAY) else {
            panic!("rules/ must compile")
        };
        out.elapsed = std::time::Duration::ZERO;
        out
    }

    /// What the reports that only count infos say of a run.
    fn reported(out: &Outcome) -> String {
        let json = serde_json::to_string(&(tally(out), by_rule(out))).unwrap();
        let fails = crate::lint::select::fails(out, Some(Severity::Info));
        format!(
            "{}{}{}{json}{fails}",
            human(out, false, false),
            concise(out, false),
            statistics(out)
        )
    }

    #[test]
    fn counted_infos_are_reported_as_kept_ones() {
        let kept = run(&[], false);
        let counted = run(&[], true);
        assert!(kept.counted.is_empty());
        let n = kept.diagnostics.iter().filter(|d| d.rule == "unverified-fact").count();
        assert!(n > 0, "the base catalog has unverified facts");
        assert_eq!(
            counted.counted.iter().find(|(r, _)| *r == "unverified-fact"),
            Some(&("unverified-fact", n))
        );
        assert!(!counted.diagnostics.iter().any(|d| d.rule == "unverified-fact"));
        assert_eq!(reported(&counted), reported(&kept));
        assert!(reported(&kept).contains(&format!("待核实的事实 {n} 项")));
    }

    #[test]
    fn infos_of_a_rule_an_exemption_names_are_kept() {
        let exemption = r#"{"exemptions": [{"item": "630101001000", "pointer": "/nowhere", "rule": "unverified-fact",
            "reason": "试点", "basis": "《中华人民共和国行政许可法》", "approver": "审核处", "expires": "2027-06-30"}]}"#;
        let rules = [(ConfigFile::Exemptions, exemption)];
        let counted = run(&rules, true);
        assert!(!counted.counted.iter().any(|(r, _)| *r == "unverified-fact"));
        assert!(counted.diagnostics.iter().any(|d| d.rule == "unverified-fact"));
        assert_eq!(reported(&counted), reported(&run(&rules, false)));
    }
}
