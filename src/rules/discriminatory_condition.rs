//! discriminatory-condition: 歧视性条件 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "discriminatory-condition",
    category: Category::Text,
    severity: Severity::Error,
    summary: "歧视性条件（本地户籍、本地企业……）",
    doc: super::Doc {
        what: "受理条件、材料适用情形和承诺内容中，以“本地户籍”“本地户口”“本地企业”“本地注册”等作为条件。范围由 rules/rules.json 的 rule_scope 设定。",
        why: "没有法律依据的户籍、属地条件排斥外地申请人，违反无差别受理。",
        basis: "《优化营商环境条例》（同标准办理，不得设置没有法律依据的条件）；{standardization}（无差别受理、同标准办理）。",
        bad: "  \"conditions\": [\"申请人须具有本地户籍\"]",
        fix: "删除该条件；法律法规确有规定的，写明依据并经审核处批准豁免（rules/exemptions.json）。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"申请人须具有本地户籍\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::Discriminatory, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "申请人须具有本地户籍";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("本地户籍").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "discriminatory-condition"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "discriminatory-condition")
            .unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "本地户籍");
    }
}
