//! vague-placeholder: 占位 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-placeholder",
    category: Category::Text,
    severity: Severity::Error,
    summary: "占位内容（暂无、无、/、详见窗口）",
    doc: super::Doc {
        what: "整个字段只是“暂无”“无”“/”“-”（字段写成“名称：值”“名称 值”一行的，值整个是这些），或写着“详见窗口”“以窗口为准”之类不提供信息的内容。“无犯罪记录证明”等词中的“无”不报告。",
        why: "占位内容让办事指南看似完整，申请人却仍要跑窗口问一遍，违背一次告知。",
        basis: "{service_government}（一次告知制、办事公开）；{standardization}；《中华人民共和国行政许可法》（公示行政许可的依据、条件、程序、期限和需要提交的全部材料目录）。",
        bad: "  \"conditions\": [\"无\"]",
        fix: "填写实际内容；确实没有的，删除该条目或字段。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"无\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::Placeholder, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "无";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("无").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-placeholder"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-placeholder").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "无");
    }

    #[test]
    fn lint_takes_the_value_of_a_field_row_as_check_text_does() {
        let text = "收费依据：无";
        let out = lint_condition(text);
        let col = 19 + text[..text.rfind("无").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-placeholder"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        assert!(hits(&lint_condition("收费依据无需提供"), "vague-placeholder").is_empty());
    }
}
