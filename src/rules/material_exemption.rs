//! material-exemption: a material the government already holds, asked for
//! again without an exemption or a stated reason.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::catalog::material::MaterialSource;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "material-exemption",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "政府部门核发、有电子证照或能共享核验的材料，既未免提交也未说明须提交的理由",
    doc: super::Doc {
        what: "面向申请人的事项中，每项申请材料在材料库（materials.json）中的来源渠道为“政府部门核发”、或有电子证照（e_license）、或能数据共享核验（shared_verification）时，是否写明了免提交方式（exemption：电子证照、数据共享核验或部门内部调取），或者写明了仍须申请人提交的理由（submission_reason）。",
        why: "政府自己核发、自己能查到的材料，再让申请人开证明、交复印件，是“证明多、跑腿多”的主要来源。能免的必须免；确有法定理由不能免的，要把理由公开。",
        basis: "国发〔2016〕55号（凡是能通过网络共享复用的材料，不得要求重复提交）；{one_thing}（政府部门核发的材料免于提交，能通过数据共享核验的免于提交，能提供电子证照的免于提交实体证照）。",
        bad: "{\"material\": \"id_card\", \"necessity\": \"必要\", \"originals\": 1, \"copies\": 1, \"form\": \"纸质\"}，而材料库中居民身份证 \"e_license\": true。",
        fix: "增加 \"exemption\": {\"method\": \"电子证照\"}（或“数据共享核验”“部门内部调取”），相应减少原件、复印件份数；确须提交的，在 submission_reason 中写明法律依据和理由。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "{\"material\": \"id_card\", \"necessity\": \"必要\", \"originals\": 0, \"copies\": 0, \"form\": \"电子\", \"exemption\": {\"method\": \"电子证照\"}}",
        to: "{\"material\": \"id_card\", \"necessity\": \"必要\", \"originals\": 1, \"copies\": 1, \"form\": \"纸质\"}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        if !ctx.applicant_facing(&it.value) {
            continue;
        }
        for (i, m) in it.value.materials.iter().enumerate() {
            let Some(reg) = ctx.index.materials.get(m.material.as_str()) else {
                continue;
            };
            let r = &reg.value;
            let mut why = Vec::new();
            if r.source == MaterialSource::Government {
                why.push("由政府部门核发");
            }
            if r.e_license {
                why.push("有电子证照");
            }
            if r.shared_verification {
                why.push("能数据共享核验");
            }
            if why.is_empty() || m.exemption.is_some() {
                continue;
            }
            let pointer = match m.submission_reason.as_deref() {
                None => format!("/materials/{i}/material"),
                Some(s) if blank(s) => format!("/materials/{i}/submission_reason"),
                Some(_) => continue,
            };
            sink.push(
                RULE.at(it.file, &pointer)
                    .message(format!(
                        "材料“{}”{}，但既未写明免提交方式，也未说明仍须提交的理由",
                        r.name,
                        why.join("、")
                    ))
                    .help("增加 exemption（电子证照、数据共享核验或部门内部调取）；确须提交的，在 submission_reason 中写明理由"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, MATERIALS, META};

    const I: &str = "items/630101001000.json";
    const EXEMPT: &str = ", \"exemption\": {\"method\": \"电子证照\"}";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "material-exemption").is_empty());
    }

    #[test]
    fn government_material_without_exemption() {
        let item = edit(ITEM, EXEMPT, "");
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "material-exemption"), [(I.to_string(), 12, 18)]);
    }

    #[test]
    fn shared_verification_alone_is_enough() {
        let materials = edit(
            MATERIALS,
            "\"source\": \"申请人自备\"",
            "\"source\": \"申请人自备\", \"shared_verification\": true",
        );
        let out = lint_with(&[("materials.json", Some(&materials))]);
        assert_eq!(hits(&out, "material-exemption"), [(I.to_string(), 11, 18)]);
    }

    #[test]
    fn a_reason_satisfies_the_rule_but_a_blank_one_does_not() {
        let item = edit(ITEM, EXEMPT, ", \"submission_reason\": \"须现场核验原件\"");
        let out = lint_with(&[(I, Some(&item))]);
        assert!(hits(&out, "material-exemption").is_empty());
        let item = edit(ITEM, EXEMPT, ", \"submission_reason\": \"\"");
        let out = lint_with(&[(I, Some(&item))]);
        // {"material": "id_card", "necessity": "必要", "originals": 0, "copies": 0, "form": "电子", "submission_reason": ""
        assert_eq!(hits(&out, "material-exemption"), [(I.to_string(), 12, 112)]);
    }

    #[test]
    fn not_applicant_facing_is_skipped() {
        let item = edit(ITEM, EXEMPT, "");
        let meta = edit(
            META,
            "\"name\": \"行政许可\", \"applicant_facing\": true",
            "\"name\": \"行政许可\", \"applicant_facing\": false",
        );
        let out = lint_with(&[(I, Some(&item)), ("catalog.json", Some(&meta))]);
        assert!(hits(&out, "material-exemption").is_empty());
    }
}
