//! vague-reference: 指代不明 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-reference",
    category: Category::Text,
    severity: Severity::Error,
    summary: "指代不明（相关证明、有关部门、按规定收费……）",
    doc: super::Doc {
        what: "“相关证明”“有关材料”“相关部门”“有关规定”“按规定收费”“符合有关规定”“具有相应的……”等不指明具体对象的用语。",
        why: "“相关”“有关”指的是什么，申请人和窗口人员可能理解不同；“按规定收费”没有公开收费标准。",
        basis: "{standardization}（科学细化量化办事服务标准，消除模糊条款）；{service_government}（收费公示、一次告知制）；《中华人民共和国行政许可法》（公示行政许可的依据、条件、程序、期限和需要提交的全部材料目录）。",
        bad: "  \"conditions\": [\"符合有关规定\"]",
        fix: "写明证明、材料、部门或规定的具体名称（规定写文件名称及条款）。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"符合有关规定\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::VagueReference, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "经营场所符合有关规定";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("符合有关规定").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-reference"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-reference").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "符合有关规定");
    }
}
