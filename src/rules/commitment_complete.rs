//! commitment-complete: a 告知承诺 without its content, requirements,
//! liability or verification.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "commitment-complete",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "告知承诺未写全承诺内容、承诺要求、违诺责任和核查方式",
    doc: super::Doc {
        what: "实行告知承诺制的事项（填写了 commitment），其承诺内容（content）、承诺要求（requirements）、违诺责任（liability）和核查方式（verification）是否都已填写且不是空白。",
        why: "告知承诺以申请人的书面承诺代替证明材料。只有把承诺什么、要达到什么要求、不实承诺承担什么法律责任、行政机关事后如何核查都告知清楚，承诺才有约束力，事中事后监管才有抓手。",
        basis: "国办发〔2020〕42号（全面推行证明事项和涉企经营许可事项告知承诺制）；{one_thing}（告知承诺须明确承诺的内容、要求以及违反承诺应承担的法律责任）。",
        bad: "\"commitment\": {\"content\": \"申请人符合受理条件\", \"requirements\": \"\", \"liability\": \"\", \"verification\": \"\"}",
        fix: "写全四项：requirements 写明承诺须达到的条件和期限；liability 写明承诺不实的法律责任（如撤销许可、记入信用记录）；verification 写明核查的方式和时间（如“受理后 30 日内通过数据共享核查”）。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"case_type\": \"承诺件\",",
        to: "\"case_type\": \"承诺件\",\n  \"commitment\": {\"content\": \"申请人符合受理条件\", \"requirements\": \"\", \"liability\": \"\", \"verification\": \"\"},",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let Some(c) = &it.value.commitment else { continue };
        for (field, label, value) in [
            ("content", "承诺内容", &c.content),
            ("requirements", "承诺要求", &c.requirements),
            ("liability", "违诺责任", &c.liability),
            ("verification", "核查方式", &c.verification),
        ] {
            if blank(value) {
                sink.push(
                    RULE.at(it.file, &format!("/commitment/{field}"))
                        .message(format!("告知承诺的{label}为空"))
                        .help(format!("填写{label}（{field}）")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";
    const CASE: &str = "\"case_type\": \"承诺件\",";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "commitment-complete").is_empty());
    }

    #[test]
    fn blank_parts_are_reported_each() {
        let item = edit(
            ITEM,
            CASE,
            "\"case_type\": \"承诺件\",\n  \"commitment\": {\"content\": \"承诺内容\", \"requirements\": \"\", \"liability\": \"违诺责任\", \"verification\": \" \"},",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(
            hits(&out, "commitment-complete"),
            [(I.to_string(), 22, 53), (I.to_string(), 22, 94)]
        );
    }

    #[test]
    fn complete_commitment_is_clean() {
        let item = edit(
            ITEM,
            CASE,
            "\"case_type\": \"承诺件\",\n  \"commitment\": {\"content\": \"内容\", \"requirements\": \"要求\", \"liability\": \"责任\", \"verification\": \"核查\"},",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert!(hits(&out, "commitment-complete").is_empty());
    }
}
