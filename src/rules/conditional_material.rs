//! conditional-material: an optional material that does not say when it
//! is needed.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::catalog::item::Necessity;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "conditional-material",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "非必要材料未写明适用情形",
    doc: super::Doc {
        what: "面向申请人的事项中，必要性为“非必要”的申请材料，是否在 situation 中写明了需要提交该材料的情形，且不是空白。",
        why: "“非必要”本身不告诉申请人什么时候要交、什么时候不交，窗口可以随意要求，申请人只能每样都准备；写明触发情形（如“委托他人代办的”），才能做到一次告知、无差别受理。",
        basis: "{standardization}（科学细化量化办事服务标准，压减自由裁量空间，消除模糊条款、兜底条款）；{one_thing}（一次告知）；《优化营商环境条例》（不得在法律法规之外增设条件）。",
        bad: "{\"material\": \"application_form\", \"necessity\": \"非必要\", …} 中没有 situation。",
        fix: "增加 \"situation\": \"委托他人代办的\" 之类的适用情形；任何情形下都要提交的，把必要性修改为“必要”；任何情形下都不需要的，删除该材料。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "{\"material\": \"application_form\", \"necessity\": \"必要\"",
        to: "{\"material\": \"application_form\", \"necessity\": \"非必要\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        if !ctx.applicant_facing(&it.value) {
            continue;
        }
        for (i, m) in it.value.materials.iter().enumerate() {
            if m.necessity != Necessity::Optional {
                continue;
            }
            let pointer = match m.situation.as_deref() {
                None => format!("/materials/{i}/necessity"),
                Some(s) if blank(s) => format!("/materials/{i}/situation"),
                Some(_) => continue,
            };
            sink.push(
                RULE.at(it.file, &pointer)
                    .message(format!("非必要材料“{}”没有写明需要提交的情形", m.material))
                    .help("在 situation 中写明需要提交该材料的情形，如“委托他人代办的”"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";
    const NEC: &str = "\"application_form\", \"necessity\": \"必要\"";
    const OPTIONAL: &str = "\"application_form\", \"necessity\": \"非必要\"";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "conditional-material").is_empty());
    }

    #[test]
    fn optional_without_situation() {
        let item = edit(ITEM, NEC, OPTIONAL);
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "conditional-material"), [(I.to_string(), 11, 51)]);
    }

    #[test]
    fn blank_situation_is_reported_at_the_situation() {
        let item = edit(ITEM, NEC, OPTIONAL);
        let item = edit(
            &item,
            "\"paper_size\": \"A4\"}",
            "\"paper_size\": \"A4\", \"situation\": \"\"}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "conditional-material"), [(I.to_string(), 11, 137)]);
    }

    #[test]
    fn a_situation_satisfies_the_rule() {
        let item = edit(ITEM, NEC, OPTIONAL);
        let item = edit(
            &item,
            "\"paper_size\": \"A4\"}",
            "\"paper_size\": \"A4\", \"situation\": \"委托他人代办的\"}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert!(hits(&out, "conditional-material").is_empty());
    }
}
