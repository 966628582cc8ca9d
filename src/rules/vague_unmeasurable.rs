//! vague-unmeasurable: 不可量化 language in free text.

use super::{vague, Category, Check, Context, Example, Rule};
use crate::config::raw::VagueClass;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "vague-unmeasurable",
    category: Category::Text,
    severity: Severity::Error,
    summary: "不可量化用语（及时、尽快、若干、良好的……）",
    doc: super::Doc {
        what: "“及时”“尽快”“在规定时限内”“一定期限”“若干”“良好的……”“较大”“较多”等无法量化、无法考核的用语。",
        why: "无法量化的要求无法判断是否符合、是否超时，限时办结制也就无从考核。",
        basis: "{standardization}（科学细化量化办事服务标准，压缩办理时限）；{service_government}（限时办结制）；《中华人民共和国行政许可法》（行政许可的办理期限）。",
        bad: "  \"conditions\": [\"材料不齐全的，窗口工作人员应当及时告知\"]",
        fix: "写明具体的时限（如“1个工作日内”）、数量或可核验的标准。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": [\"材料不齐全的，窗口工作人员应当及时告知\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    vague::report(ctx, sink, VagueClass::Unmeasurable, &RULE);
}

#[cfg(test)]
mod tests {
    use crate::rules::vague::lint_condition;
    use crate::testing::hits;

    #[test]
    fn documented_example_is_found_at_the_phrase() {
        let text = "材料不齐全的，窗口工作人员应当及时告知";
        let out = lint_condition(text);
        let col = 19 + text[..text.find("及时").unwrap()].chars().count();
        assert_eq!(
            hits(&out, "vague-unmeasurable"),
            [("items/630101001000.json".to_string(), 9, col)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "vague-unmeasurable").unwrap();
        let src = &out.sources.get(d.file).text;
        let (s, e) = d.span().unwrap();
        assert_eq!(&src[s..e], "及时");
    }
}
