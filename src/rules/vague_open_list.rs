//! vague-open-list: 开放列举 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-open-list",
    category: Category::Text,
    severity: Severity::Error,
    summary: "开放列举（……等、包括但不限于）",
    doc: super::Doc {
        what: "以“等”结尾的列举（同一句中前面有顿号列举时）、“等等”和“包括但不限于”。“等级”“平等”“同等学力”“一等奖”等词和《》中的文件名称不报告（rules/lexicon.json 的 allow 列表）。",
        why: "开放的清单等于没有清单：申请人不知道“等”字后面还有什么，窗口人员各有各的理解。",
        basis: "{standardization}（消除审批服务中的模糊条款、兜底条款）；《优化营商环境条例》（不得在法律法规之外增设条件）。",
        bad: "  \"conditions\": [\"提交身份证、户口簿等材料\"]",
        fix: "把列举写全并删去“等”“等等”“包括但不限于”。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"提交身份证、户口簿等材料\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::OpenList, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "提交身份证、户口簿等材料";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("等").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-open-list"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-open-list").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "等");
    }
}
