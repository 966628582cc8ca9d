//! exemption-unused: an exemption that no longer matches any finding.

use super::{Category, Check, Example, Rule};
use crate::config::ConfigFile;
use crate::config::Exemption;
use crate::diag::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    id: "exemption-unused",
    category: Category::Config,
    severity: Severity::Warning,
    summary: "豁免没有匹配任何问题，已成为过时的配置",
    doc: super::Doc {
        what: "rules/exemptions.json 中每一条未过期的豁免，在本次检查中是否至少屏蔽了一个问题。",
        why: "目录已修正、事项改了编码或指针写错时，豁免就不再起作用；留着它，日后可能意外放过同一位置的新问题。",
        basis: "{standardization}（同标准办理）；本项目豁免约定（README.md）。",
        bad: "rules/exemptions.json 中 \"exemptions\": [{\"item\": \"630101001000\", \"pointer\": \"/conditions/5\", \"rule\": \"vague-discretion\", \"reason\": \"法律原文表述\", \"basis\": \"《中华人民共和国行政许可法》第十二条\", \"approver\": \"审核处\", \"expires\": \"2030-12-31\"}]，而该事项只有 1 条受理条件（/conditions/0）。",
        fix: "删除该豁免，或修正其基本编码、区划、指针或规则标识。",
    },
    example: Example::Config {
        kind: ConfigFile::Exemptions,
        from: "\"exemptions\": []",
        to: "\"exemptions\": [{\"item\": \"630101001000\", \"pointer\": \"/conditions/5\", \"rule\": \"vague-discretion\", \"reason\": \"法律原文表述\", \"basis\": \"《中华人民共和国行政许可法》第十二条\", \"approver\": \"审核处\", \"expires\": \"2030-12-31\"}]",
        catalog: &[],
    },
    check: Check::Pipeline,
};

/// The finding on an exemption that matched no finding.
pub(crate) fn finding(e: &Exemption) -> Diagnostic {
    let region = e
        .entry
        .region
        .as_deref()
        .map(|r| format!("（区划 {r}）"))
        .unwrap_or_default();
    RULE.at(e.at.file, &e.at.pointer)
        .message(format!(
            "对事项 {}{region} {} 处的 {} 豁免没有匹配任何问题",
            e.entry.item, e.entry.pointer, e.entry.rule
        ))
        .help("删除此豁免，或修正其基本编码、区划、指针或规则标识")
}
