//! stale-override: an override in rules/rules.json that changed nothing.

use super::{Category, Check, Example, Rule};
use crate::config::CompiledOverride;
use crate::config::ConfigFile;
use crate::diag::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    id: "stale-override",
    category: Category::Config,
    severity: Severity::Warning,
    summary: "rules/rules.json 中的按路径覆盖在本次检查中没有起作用",
    doc: super::Doc {
        what: "overrides 中每一条是否至少改变了一个问题的级别。",
        why: "不再匹配任何问题的覆盖是过时的配置：文件改名、问题已修正或模式写错，都会让它悄悄失效；留着它，日后可能意外放过新问题。",
        basis: "本项目规则配置约定（README.md）；{standardization}（规范办事标准）。",
        bad: "\"overrides\": [{\"files\": \"local/630199/**\", \"severity\": {\"visit-reason\": \"off\"}, \"reason\": \"试点地区暂不要求说明\"}]，而 local/630199/ 不存在。",
        fix: "删除这条覆盖，或修改文件模式使其匹配需要覆盖的文件。",
    },
    example: Example::Config {
        kind: ConfigFile::Rules,
        from: "\"overrides\": []",
        to: "\"overrides\": [{\"files\": \"local/630199/**\", \"severity\": {\"visit-reason\": \"off\"}, \"reason\": \"试点地区暂不要求说明\"}]",
        catalog: &[],
    },
    check: Check::Pipeline,
};

/// The finding on an override that changed no finding's severity.
pub(crate) fn finding(o: &CompiledOverride) -> Diagnostic {
    RULE.at(o.at.file, &o.at.pointer)
        .message("此覆盖在本次检查中没有改变任何问题的级别")
        .help("删除这条覆盖，或修改 files/pointer 使其匹配需要覆盖的问题")
}
