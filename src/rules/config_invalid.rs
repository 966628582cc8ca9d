//! config-invalid: a file of `rules/` that cannot be used as written.

use super::{Category, Check, Example, Rule};
use crate::config::{ConfigFile, Problem};
use crate::diag::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    id: "config-invalid",
    category: Category::Config,
    severity: Severity::Error,
    summary: "rules/ 中的配置有误，检查无法进行",
    doc: super::Doc {
        what: "rules/rules.json、rules/lexicon.json 和 rules/exemptions.json 能否按格式读取（JSON、字段名、类型），以及其中引用的规则标识是否存在、文件模式和 JSON 指针是否有效、用语是否写成归一化形式且不重复、豁免是否写明理由、依据、批准人和有效的到期日。",
        why: "审核处的政策以数据形式保存在 rules/；配置写错而检查照常进行，等于用另一套标准检查目录。因此配置有误时 tongbiao 停止检查（退出码 2），并指出 rules/ 中出错的位置。",
        basis: "本项目规则配置约定（README.md、rules/schema/）；{standardization}（规范办事标准）。",
        bad: "rules/rules.json 中 \"severity\": {\"vague-catchall\": \"off\"}（规则标识拼错）。",
        fix: "按报告的位置修改 rules/ 中的文件；运行 tongbiao rules 查看规则标识。",
    },
    example: Example::Config {
        kind: ConfigFile::Rules,
        from: "\"severity\": {}",
        to: "\"severity\": {\"vague-catchall\": \"off\"}",
        catalog: &[],
    },
    check: Check::Pipeline,
};

/// The finding for a wrong entry of `rules/`.
pub(crate) fn finding(p: &Problem) -> Diagnostic {
    RULE.at(p.file, &p.pointer)
        .message(p.message.as_str())
        .help(p.help.clone())
}
