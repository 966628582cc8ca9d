//! deviation-element: a registered deviation names something that is not a
//! uniform element of the standard, or that the standard does not have.

use super::{Category, Check, Context, Example, Rule};
use crate::analysis::uniform_element;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "deviation-element",
    category: Category::Policy,
    severity: Severity::Warning,
    summary: "偏离登记的要素不是全省统一要素，或在标准中不存在",
    doc: super::Doc {
        what: "实施清单 deviations 中每一项的 element（偏离的要素，基本目录事项中的 JSON 指针）：
- 是否属于全省统一要素（rules/rules.json 的 uniform_elements，如 /statutory_deadline、/materials）。承诺办结时限、到办事现场次数、网上办理深度等本来就允许各地不同，直接写在实施清单的对应字段中，不需要也不应登记为偏离；
- 是否指向基本目录事项中确实存在的值（如事项只有 2 项材料时，/materials/5 不存在）。",
        why: "偏离登记是审核处逐项核对的清单；登记了不需要登记的内容，或指向不存在的要素，审核时无从核对，也掩盖了真正的偏离。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；{one_thing}第15项（要素信息全省统一）；本目录格式约定（catalog/README.md 第十节）。",
        bad: "\"deviations\": [{\"element\": \"/promised_deadline\", \"value\": {\"value\": 5, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"市人民政府\"}]（承诺时限是本地信息，不是统一要素）；事项只有 2 项材料，却登记 \"element\": \"/materials/5\"。",
        fix: "承诺办结时限等本地信息直接修改实施清单中的对应字段，并删除该偏离；指向不存在要素的，修改 element 为标准中实际的要素路径。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": []",
        to: "\"deviations\": [{\"element\": \"/promised_deadline\", \"value\": {\"value\": 5, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"市人民政府\"}]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        if l.value.deviations.is_empty() {
            continue;
        }
        // Serialised once per local file that has deviations (rare).
        let standard = ctx
            .index
            .items
            .get(l.value.item.as_str())
            .and_then(|i| serde_json::to_value(&i.value).ok());
        for (i, d) in l.value.deviations.iter().enumerate() {
            let at = format!("/deviations/{i}/element");
            if uniform_element(ctx.config, &d.element).is_none() {
                sink.push(
                    RULE.at(l.file, &at)
                        .message(format!("“{}”不是全省统一要素，不需要登记偏离", d.element))
                        .help(format!(
                            "统一要素为 {}；本地信息直接写在实施清单的对应字段中，删除此偏离",
                            ctx.config.uniform_elements.join("、")
                        )),
                );
            } else if standard.as_ref().is_some_and(|s| s.pointer(&d.element).is_none()) {
                sink.push(
                    RULE.at(l.file, &at)
                        .message(format!("事项 {} 的标准中没有要素“{}”", l.value.item, d.element))
                        .help("把 element 改为标准中实际存在的要素路径，如 /statutory_deadline、/materials/0"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn with_element(element: &str) -> String {
        edit(
            LOCAL,
            "\"deviations\": [],",
            &format!(
                "\"deviations\": [{{\"element\": \"{element}\", \"value\": 1, \"basis\": \"《某条例》第十条\", \"approved_by\": \"西宁市人民政府\"}}],"
            ),
        )
    }

    #[test]
    fn uniform_elements_and_their_parts_are_accepted() {
        for e in ["/statutory_deadline", "/materials/1/copies"] {
            let out = lint_with(&[(L, Some(&with_element(e)))]);
            assert!(hits(&out, "deviation-element").is_empty(), "{e}");
            assert_eq!(out.stats.deviations, 1, "{e}");
        }
    }

    #[test]
    fn not_a_uniform_element() {
        let out = lint_with(&[(L, Some(&with_element("/promised_deadline")))]);
        assert_eq!(hits(&out, "deviation-element"), [(L.to_string(), 13, 30)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "deviation-element").unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(out.stats.deviations, 0);
    }

    #[test]
    fn element_missing_from_the_standard() {
        let out = lint_with(&[(L, Some(&with_element("/materials/5")))]);
        assert_eq!(hits(&out, "deviation-element"), [(L.to_string(), 13, 30)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "deviation-element").unwrap();
        assert!(d.message.contains("/materials/5"), "{}", d.message);
    }
}
