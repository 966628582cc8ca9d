//! deferral: a 容缺后补 material that is core, or lacks the applicant's
//! commitment to supply it later.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::catalog::item::Necessity;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "deferral",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "容缺后补的材料是核心材料，或未写明补正承诺和补交时限",
    doc: super::Doc {
        what: "面向申请人的事项中，必要性为“容缺后补”的申请材料：
- 不得是核心材料（core 为 true）；
- 须写明容缺后补承诺（deferral），其中补正承诺（commitment）不是空白，并有补交时限；
反过来，必要性不是“容缺后补”的材料不应填写 deferral。",
        why: "容缺受理是在次要材料欠缺时先受理、后补正；核心材料欠缺就无法审查，不能容缺。没有书面的补正承诺和补交时限，后补就没有约束，容缺会变成缺件。",
        basis: "{one_thing}（容缺受理：明确事项名称、主要申请材料和可容缺受理的材料）；国办发〔2020〕42号（告知承诺制：申请人书面承诺及违诺责任）。",
        bad: "{\"material\": \"application_form\", \"necessity\": \"容缺后补\", \"core\": true, …}（申请书是核心材料，且没有 \"deferral\"）。",
        fix: "核心材料把必要性修改为“必要”；可容缺的次要材料增加 \"deferral\": {\"commitment\": \"申请人承诺在 5 个工作日内补交，逾期未补交的，……\", \"deadline\": {\"value\": 5, \"unit\": \"工作日\"}}。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "{\"material\": \"application_form\", \"necessity\": \"必要\"",
        to: "{\"material\": \"application_form\", \"necessity\": \"容缺后补\", \"core\": true",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        if !ctx.applicant_facing(&it.value) {
            continue;
        }
        for (i, m) in it.value.materials.iter().enumerate() {
            let necessity = format!("/materials/{i}/necessity");
            if m.necessity != Necessity::Deferrable {
                if m.deferral.is_some() {
                    sink.push(
                        RULE.at(it.file, &format!("/materials/{i}/deferral"))
                            .message(format!("材料“{}”不是容缺后补的材料，却写了容缺后补承诺", m.material))
                            .help("删除 deferral，或把必要性改为“容缺后补”"),
                    );
                }
                continue;
            }
            if m.core {
                sink.push(
                    RULE.at(it.file, &necessity)
                        .message(format!("材料“{}”是核心材料，不得容缺后补", m.material))
                        .help("把必要性改为“必要”；确属次要材料的，删除 core"),
                );
            }
            match &m.deferral {
                None => sink.push(
                    RULE.at(it.file, &necessity)
                        .message(format!("材料“{}”容缺后补，但没有写明补正承诺和补交时限", m.material))
                        .help("增加 deferral，写明申请人的补正承诺（commitment）和补交时限（deadline）"),
                ),
                Some(d) if blank(&d.commitment) => sink.push(
                    RULE.at(it.file, &format!("/materials/{i}/deferral/commitment"))
                        .message(format!("材料“{}”的容缺后补承诺为空", m.material))
                        .help("写明申请人承诺补交的内容、期限和逾期未补交的后果"),
                ),
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";
    const NEC: &str = "\"application_form\", \"necessity\": \"必要\"";
    const DEFERRABLE: &str = "\"application_form\", \"necessity\": \"容缺后补\"";
    const END: &str = "\"paper_size\": \"A4\"}";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "deferral").is_empty());
    }

    #[test]
    fn deferrable_without_commitment() {
        let item = edit(ITEM, NEC, DEFERRABLE);
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "deferral"), [(I.to_string(), 11, 51)]);
    }

    #[test]
    fn core_material_cannot_be_deferred() {
        let item = edit(ITEM, NEC, DEFERRABLE);
        let item = edit(
            &item,
            END,
            "\"paper_size\": \"A4\", \"core\": true, \"deferral\": {\"commitment\": \"5个工作日内补交\", \"deadline\": {\"value\": 5, \"unit\": \"工作日\"}}}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "deferral"), [(I.to_string(), 11, 51)]);
    }

    #[test]
    fn blank_commitment_is_reported_at_the_commitment() {
        let item = edit(ITEM, NEC, DEFERRABLE);
        let item = edit(
            &item,
            END,
            "\"paper_size\": \"A4\", \"deferral\": {\"commitment\": \" \", \"deadline\": {\"value\": 5, \"unit\": \"工作日\"}}}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "deferral"), [(I.to_string(), 11, 152)]);
    }

    #[test]
    fn deferral_on_a_required_material() {
        let item = edit(
            ITEM,
            END,
            "\"paper_size\": \"A4\", \"deferral\": {\"commitment\": \"5个工作日内补交\", \"deadline\": {\"value\": 5, \"unit\": \"工作日\"}}}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "deferral"), [(I.to_string(), 11, 135)]);
    }
}
