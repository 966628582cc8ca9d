//! vague-discretion: 自由裁量 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-discretion",
    category: Category::Text,
    severity: Severity::Error,
    summary: "自由裁量用语（原则上、必要时、视情况……）",
    doc: super::Doc {
        what: "“原则上”“必要时”“视情况”“根据需要”“酌情”“认为必要的”“特殊情况下”“适当”等给窗口留下裁量空间的用语。",
        why: "裁量用语让同一申请在不同窗口、不同时间得到不同对待，与“无差别受理、同标准办理”相悖。",
        basis: "{standardization}（压减自由裁量空间）；《优化营商环境条例》（无差别受理、同标准办理）。",
        bad: "  \"conditions\": [\"原则上不受理委托办理\"]",
        fix: "写明适用的具体情形和对应的处理结果。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"原则上不受理委托办理\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::Discretion, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "原则上不受理委托办理";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("原则上").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-discretion"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-discretion").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "原则上");
    }
}
