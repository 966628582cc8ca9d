//! value-pending: a value the source did not give, recorded as 待补充.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::item::CaseType;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "value-pending",
    category: Category::Element,
    severity: Severity::Info,
    summary: "要素待补充：来源清单没有给出",
    doc: super::Doc {
        what: "导入时来源清单没有给出、因而记为“待补充”的要素：基本目录事项的办件类型（\"case_type\": \"待补充\"）和是否收费（fees 中没有 charged），实施清单的是否进驻政务服务中心（没有 in_service_centre），业务办理项的名称（\"待补充\"）。",
        why: "缺少的事实既不能猜（猜错的“是”比空白更有害），也不应让整条记录无法导入；记为待补充，记录照常进入目录，办事机构能看到缺口并补齐。",
        basis: "{service_government}（一次告知制、办事公开）；本目录格式约定（catalog/README.md“来源与待核实”：办事要素应完整公开，未核实的事实不得编造）。",
        bad: "实施清单没有 \"in_service_centre\"（导出文件没有“是否进驻政务服务中心”）。",
        fix: "向实施机关核实后填写实际取值，如 \"in_service_centre\": true；确知全部记录的取值时，也可在导入的映射文件 defaults 中指定后重新导入。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "  \"in_service_centre\": true,\n",
        to: "",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let v = &it.value;
        if v.case_type == CaseType::Pending {
            sink.push(
                RULE.at(it.file, "/case_type")
                    .message(format!("事项 {} 的办件类型待补充", v.code))
                    .help("核实后填写“即办件”或“承诺件”"),
            );
        }
        if v.fees.charged.is_none() {
            sink.push(
                RULE.at(it.file, "/fees")
                    .message(format!("事项 {} 是否收费待补充", v.code))
                    .help("核实后填写 \"charged\": true 或 false；收费的列明收费项目、标准和依据"),
            );
        }
    }
    for l in &ctx.catalog.locals {
        let v = &l.value;
        if v.in_service_centre.is_none() {
            sink.push(
                RULE.at(l.file, "")
                    .message(format!(
                        "区划 {} 的事项 {} 是否进驻政务服务中心待补充",
                        v.region, v.item
                    ))
                    .help("核实后填写 \"in_service_centre\": true 或 false（未进驻的写明 not_in_centre_reason）"),
            );
        }
        for (i, h) in v.handling_items.iter().enumerate() {
            if h.name.trim() == "待补充" {
                sink.push(
                    RULE.at(l.file, &format!("/handling_items/{i}/name"))
                        .message(format!("业务办理项 {} 的名称待补充", h.code))
                        .help("核实后填写办理项名称，如“新设”“变更”“延续”“注销”"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, ITEM, LOCAL};

    #[test]
    fn pending_values_are_infos_at_their_place() {
        assert_eq!(hits(&lint_with(&[]), "value-pending"), []);
        let local = edit(LOCAL, "  \"in_service_centre\": true,\n", "");
        let item = edit(ITEM, "\"case_type\": \"承诺件\"", "\"case_type\": \"待补充\"");
        let out = lint_with(&[
            ("local/630100/630101001000.json", Some(&local)),
            ("items/630101001000.json", Some(&item)),
        ]);
        let found = hits(&out, "value-pending");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "value-pending")
            .all(|d| d.severity == Severity::Info));
    }
}
