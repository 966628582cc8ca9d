//! deviation-unapproved: a local file departs from the provincial standard
//! without a legal basis or an approving authority.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "deviation-unapproved",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "实施清单偏离全省标准，但没有写明法律依据或批准机关",
    doc: super::Doc {
        what: "实施清单 deviations（偏离全省标准）中的每一项，是否写明了法律依据（basis）和批准机关（approved_by），两者都不能为空白。写明了依据和批准机关、且偏离的是全省统一要素的偏离，计入汇总行的“生效偏离”。偏离的要素不是全省统一要素、或在标准中不存在的，由 deviation-element 报告。",
        why: "基本目录事项是全省统一标准，同一事项在各地应当无差别受理、同标准办理。某地确需不同（如地方性法规规定了更短的时限），只能有法律依据、经批准后登记；没有依据或未经批准的偏离，就是各地自行改动标准，申请人在不同地方办同一件事会遇到不同的条件、材料和时限。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；{one_thing}第15项（受理条件、服务对象、办理流程、申请材料、法定办结时限、办理结果等要素信息全省统一）；《优化营商环境条例》（不得在法律法规之外增设条件）。",
        bad: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 15, \"unit\": \"工作日\"}, \"basis\": \"\", \"approved_by\": \"\"}]",
        fix: "在 basis 中写明允许偏离的法律、法规或规章名称（确知时写明条款），在 approved_by 中写明批准机关全称；没有依据或未获批准的，删除该偏离，按全省标准办理。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": []",
        to: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 15, \"unit\": \"工作日\"}, \"basis\": \"\", \"approved_by\": \"\"}]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        for (i, d) in l.value.deviations.iter().enumerate() {
            let missing: Vec<&str> = [("法律依据", &d.basis), ("批准机关", &d.approved_by)]
                .into_iter()
                .filter(|(_, v)| blank(v))
                .map(|(what, _)| what)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let field = if blank(&d.basis) { "basis" } else { "approved_by" };
            sink.push(
                RULE.at(l.file, &format!("/deviations/{i}/{field}"))
                    .message(format!(
                        "对要素 {} 的偏离没有写明{}，不能偏离全省标准",
                        d.element,
                        missing.join("和")
                    ))
                    .help("写明允许偏离的法律依据（basis）和批准机关（approved_by）；没有依据或未获批准的，删除该偏离，按全省标准办理"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn with_deviation(basis: &str, approved_by: &str) -> String {
        edit(
            LOCAL,
            "\"deviations\": [],",
            &format!(
                "\"deviations\": [{{\"element\": \"/statutory_deadline\", \"value\": {{\"value\": 15, \"unit\": \"工作日\"}}, \"basis\": \"{basis}\", \"approved_by\": \"{approved_by}\"}}],"
            ),
        )
    }

    #[test]
    fn clean_base_is_not_reported() {
        let out = lint_with(&[]);
        assert!(hits(&out, "deviation-unapproved").is_empty());
        assert_eq!(out.stats.deviations, 0);
    }

    #[test]
    fn missing_basis_or_approval() {
        let out = lint_with(&[(L, Some(&with_deviation(" ", "")))]);
        assert_eq!(hits(&out, "deviation-unapproved"), [(L.to_string(), 13, 101)]);
        let d = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "deviation-unapproved")
            .unwrap();
        assert!(d.message.contains("法律依据和批准机关"), "{}", d.message);
        assert_eq!(out.stats.deviations, 0);

        let out = lint_with(&[(L, Some(&with_deviation("《某条例》第十条", "")))]);
        assert_eq!(hits(&out, "deviation-unapproved"), [(L.to_string(), 13, 128)]);
    }

    #[test]
    fn approved_deviation_is_counted_not_reported() {
        let out = lint_with(&[(L, Some(&with_deviation("《某条例》第十条", "西宁市人民政府")))]);
        assert!(hits(&out, "deviation-unapproved").is_empty());
        assert_eq!(out.stats.deviations, 1);
    }
}
