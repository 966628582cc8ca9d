//! material-requirement: the same registry material is required in
//! different ways (form, original and copy counts, exemption) by
//! different items.

use std::collections::BTreeMap;

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::catalog::item::ItemMaterial;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "material-requirement",
    category: Category::Policy,
    severity: Severity::Warning,
    summary: "同一材料在不同事项中的提交要求（是否免提交、形式、原件和复印件份数）不一致",
    doc: super::Doc {
        what: "材料库中的同一种材料，在引用它的各基本目录事项中，是否都免提交，或都以相同的材料形式、原件份数和复印件份数提交。免提交的方式（电子证照、数据共享核验、部门内部调取）不比较：核发部门调取本部门的记录、其他部门共享核验，对申请人都是免提交。引用同一材料的事项中，要求与多数事项（众数）不同的，报告在该事项的材料引用上，并写明多数事项的要求及其事项编码；没有唯一多数时，报告全部不同的写法。必要性和适用情形不比较：同一材料在不同事项中可以是必要或仅在某种情形下需要。",
        why: "同一材料在一个事项中免提交、在另一个事项中却要原件加复印件，申请人无法形成稳定的预期，一件事合并材料时也无法去重；材料要求全省统一是同标准办理的一部分。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”；精减审批材料）；{one_thing}第15项（申请材料等要素信息全省统一）及“一套材料”；《优化营商环境条例》（无差别受理、同标准办理）。",
        bad: "两个事项都引用 id_card，一个写 {\"material\": \"id_card\", \"necessity\": \"必要\", \"originals\": 0, \"copies\": 0, \"form\": \"电子\", \"exemption\": {\"method\": \"电子证照\"}}，另一个写 \"originals\": 1, \"copies\": 2, \"form\": \"纸质\"。",
        fix: "统一为多数事项的要求；确因法律法规规定而不同的，在该材料的 basis 中写明依据，并经审核处批准豁免（rules/exemptions.json）。",
    },
    example: Example::Copies {
        copies: &[
            ("items/630101001000.json", "items/630101002000.json"),
            ("items/630101001000.json", "items/630101003000.json"),
        ],
        edits: &[
            Edit {
                file: "items/630101003000.json",
                from: "\"originals\": 0, \"copies\": 0, \"form\": \"电子\", \"exemption\": {\"method\": \"电子证照\"}",
                to: "\"originals\": 1, \"copies\": 2, \"form\": \"纸质\"",
            },
        ],
    },
    check: Check::Catalog(check),
};

/// How an item requires a material, as the applicant sees it: exempt
/// (免提交; by which channel is the department's business — the issuing
/// department retrieves its own records internally, others verify by data
/// sharing), or the form and the counts of originals and copies.
fn requirement(m: &ItemMaterial) -> String {
    if m.exemption.is_some() {
        return "免提交".to_string();
    }
    let form = match m.form {
        crate::catalog::item::MaterialForm::Paper => "纸质",
        crate::catalog::item::MaterialForm::Electronic => "电子",
        crate::catalog::item::MaterialForm::PaperOrElectronic => "纸质或电子",
    };
    format!("{form}，原件 {} 份、复印件 {} 份", m.originals, m.copies)
}

fn check(ctx: &Context, sink: &mut Sink) {
    // material id → requirement → [(item code, file, index)], in one pass.
    type Uses<'a> = BTreeMap<String, Vec<(&'a str, usize, usize)>>;
    let mut by_material: BTreeMap<&str, Uses> = BTreeMap::new();
    for it in &ctx.catalog.items {
        for (i, m) in it.value.materials.iter().enumerate() {
            by_material
                .entry(m.material.as_str())
                .or_default()
                .entry(requirement(m))
                .or_default()
                .push((it.value.code.as_str(), it.file, i));
        }
    }
    for (material, uses) in by_material {
        if uses.len() < 2 {
            continue;
        }
        let top = uses.values().map(Vec::len).max().unwrap_or(0);
        let modes: Vec<&String> = uses.iter().filter(|(_, v)| v.len() == top).map(|(k, _)| k).collect();
        let name = ctx
            .index
            .materials
            .get(material)
            .map_or(material, |m| m.value.name.as_str());
        for (req, items) in &uses {
            let unique_mode = modes.len() == 1;
            if unique_mode && modes[0] == req {
                continue;
            }
            let others: Vec<String> = uses
                .iter()
                .filter(|(k, _)| *k != req && (!unique_mode || *k == modes[0]))
                .map(|(k, v)| {
                    let codes: Vec<&str> = v.iter().take(5).map(|(c, _, _)| *c).collect();
                    let more = if v.len() > 5 {
                        format!(" 等 {} 项", v.len())
                    } else {
                        String::new()
                    };
                    format!("{k}（{}{more}）", codes.join("、"))
                })
                .collect();
            let lead = if unique_mode {
                "多数事项要求"
            } else {
                "其他事项要求"
            };
            for (_, file, i) in items {
                sink.push(
                    RULE.at(*file, &format!("/materials/{i}/material"))
                        .message(format!(
                            "材料“{name}”在本事项中要求为 {req}；{lead}：{}",
                            others.join("；")
                        ))
                        .help("统一为多数事项的要求；确因法律法规规定而不同的，写明依据并经批准豁免"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    fn copy(code: &str, name: &str) -> String {
        ITEM.replace("630101001000", code).replace("测试许可事项", name)
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "material-requirement").is_empty());
    }

    #[test]
    fn the_odd_item_is_reported_against_the_majority() {
        let b = copy("630101002000", "测试许可事项乙");
        let c = edit(
            &copy("630101003000", "测试许可事项丙"),
            "\"originals\": 0, \"copies\": 0, \"form\": \"电子\", \"exemption\": {\"method\": \"电子证照\"}",
            "\"originals\": 1, \"copies\": 2, \"form\": \"纸质\"",
        );
        let out = lint_with(&[
            ("items/630101002000.json", Some(&b)),
            ("items/630101003000.json", Some(&c)),
        ]);
        assert_eq!(
            hits(&out, "material-requirement"),
            [("items/630101003000.json".to_string(), 12, 18)]
        );
        let d = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "material-requirement")
            .unwrap();
        assert!(d.message.contains("630101001000、630101002000"), "{}", d.message);
        assert!(
            d.message.contains("纸质，原件 1 份、复印件 2 份；多数事项要求：免提交"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_tie_reports_every_variant() {
        let b = edit(
            &copy("630101002000", "测试许可事项乙"),
            "\"originals\": 0, \"copies\": 0, \"form\": \"电子\", \"exemption\": {\"method\": \"电子证照\"}",
            "\"originals\": 1, \"copies\": 0, \"form\": \"纸质\"",
        );
        let out = lint_with(&[("items/630101002000.json", Some(&b))]);
        assert_eq!(hits(&out, "material-requirement").len(), 2);
    }
}
