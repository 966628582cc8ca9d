//! exemption-expired: an exemption past its expiry date.

use super::{Category, Check, Example, Rule};
use crate::config::ConfigFile;
use crate::config::Exemption;
use crate::diag::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    id: "exemption-expired",
    category: Category::Config,
    severity: Severity::Error,
    summary: "豁免已过期，不再生效",
    doc: super::Doc {
        what: "rules/exemptions.json 中每一条豁免的到期日（expires）是否已过。过期的豁免不再屏蔽任何问题，被它屏蔽过的问题重新报告。",
        why: "豁免是有期限的例外，不是永久的第二套标准；到期后须重新审批或修改目录。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；本项目豁免约定（README.md）。",
        bad: "rules/exemptions.json 中 \"exemptions\": [{\"item\": \"630101001000\", \"pointer\": \"/conditions/0\", \"rule\": \"vague-discretion\", \"reason\": \"法律原文表述\", \"basis\": \"《中华人民共和国行政许可法》第十二条\", \"approver\": \"审核处\", \"expires\": \"2020-12-31\"}]，检查日期已过 2020-12-31。",
        fix: "修改目录使问题消失后删除该豁免；确需延续的，经批准后更新到期日和批准人。",
    },
    example: Example::Config {
        kind: ConfigFile::Exemptions,
        from: "\"exemptions\": []",
        to: "\"exemptions\": [{\"item\": \"630101001000\", \"pointer\": \"/conditions/0\", \"rule\": \"vague-discretion\", \"reason\": \"法律原文表述\", \"basis\": \"《中华人民共和国行政许可法》第十二条\", \"approver\": \"审核处\", \"expires\": \"2020-12-31\"}]",
        catalog: &[],
    },
    check: Check::Pipeline,
};

/// The finding on an exemption past its expiry date.
pub(crate) fn finding(e: &Exemption) -> Diagnostic {
    RULE.at(e.at.file, &format!("{}/expires", e.at.pointer))
        .message(format!(
            "对事项 {} 的 {} 豁免已于 {} 到期，不再生效",
            e.entry.item, e.entry.rule, e.entry.expires
        ))
        .help("修改目录使问题消失后删除此豁免；确需延续的，经批准后更新到期日")
}
