//! vague-catch-all: 兜底 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-catch-all",
    category: Category::Text,
    severity: Severity::Error,
    summary: "兜底条款（其他材料、规定的其他条件……）",
    doc: super::Doc {
        what: "受理条件、申请材料、办理流程、收费、承诺等作者撰写的文字中，是否有“其他材料”“其他相关材料”“法律法规规定的其他材料/条件/情形”“其他需要提交的材料”之类的兜底条款。用语表在 rules/lexicon.json（类别“兜底”），可由审核处增删。",
        why: "兜底条款让窗口可以随时要求清单以外的材料或条件，申请人无法一次备齐，同一事项在各地的受理标准也就不同。",
        basis: "{standardization}（消除审批服务中的模糊条款、兜底条款，确保同一政务服务事项“无差别受理、同标准办理”）；《优化营商环境条例》（不得在法律法规之外增设条件；无差别受理、同标准办理）。",
        bad: "  \"conditions\": [\"申请人应提交其他相关材料\"]",
        fix: "逐项列明所需材料或条件的名称；法律法规确有规定的，写明文件名称和具体内容。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"申请人应提交其他相关材料\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::CatchAll, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "申请人应提交其他相关材料";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("其他相关材料").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-catch-all"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-catch-all").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "其他相关材料");
    }
}
