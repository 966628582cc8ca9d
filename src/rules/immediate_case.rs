//! immediate-case: 即办件 ⇔ promised deadline 0.

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::catalog::item::CaseType;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "immediate-case",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "办件类型与承诺办结时限不一致（即办件的承诺时限应为 0）",
    doc: super::Doc {
        what: "基本目录事项的办件类型与各实施清单的承诺办结时限是否一致：办件类型为“即办件”的，每个实施清单的承诺办结时限都应为 0（当场办结）；承诺办结时限为 0 的，事项的办件类型应为“即办件”而不是“承诺件”。",
        why: "即办件向申请人承诺当场办结，承诺件在承诺时限内办结；两个要素互相矛盾时，申请人不知道能否当场拿到结果，限时办结也无法考核。",
        basis: "{standardization}（科学细化量化办事服务标准，消除模糊条款）；{service_government}（限时办结制）；《中华人民共和国行政许可法》（行政许可的办理期限）。",
        bad: "事项 \"case_type\": \"即办件\"，实施清单 \"promised_deadline\": {\"value\": 5, \"unit\": \"工作日\"}。",
        fix: "能当场办结的，把承诺办结时限修改为 {\"value\": 0, \"unit\": \"工作日\"}；不能当场办结的，把事项的办件类型修改为“承诺件”（办件类型是全省统一标准，应在基本目录中修改）。",
    },
    example: Example::Edits(&[
        Edit {
            file: "items/630101001000.json",
            from: "\"case_type\": \"承诺件\"",
            to: "\"case_type\": \"即办件\"",
        },
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
            to: "\"promised_deadline\": {\"value\": 5, \"unit\": \"工作日\"}",
        },
    ]),
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let Some(item) = ctx.index.items.get(l.value.item.as_str()) else {
            continue;
        };
        let d = &l.value.promised_deadline;
        let unit = d.unit.map_or("", |u| u.label());
        match item.value.case_type {
            CaseType::Immediate if d.value != 0 => sink.push(
                RULE.at(l.file, "/promised_deadline")
                    .message(format!(
                        "事项 {} 为即办件，但承诺办结时限为 {} 个{unit}",
                        item.value.code, d.value
                    ))
                    .help("即办件的承诺办结时限应为 0；不能当场办结的，应在基本目录中把办件类型改为承诺件"),
            ),
            CaseType::Promised if d.value == 0 => sink.push(
                RULE.at(l.file, "/promised_deadline")
                    .message(format!(
                        "承诺办结时限为 0（当场办结），但事项 {} 的办件类型为承诺件",
                        item.value.code
                    ))
                    .help("填写实际的承诺办结时限；确能当场办结的，应在基本目录中把办件类型改为即办件"),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "immediate-case").is_empty());
    }

    #[test]
    fn immediate_item_with_a_deadline() {
        let item = edit(ITEM, "\"case_type\": \"承诺件\"", "\"case_type\": \"即办件\"");
        let out = lint_with(&[("items/630101001000.json", Some(&item))]);
        assert_eq!(hits(&out, "immediate-case"), [(L.to_string(), 5, 24)]);
    }

    #[test]
    fn promised_item_with_zero_deadline() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 0, \"unit\": \"工作日\"}",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "immediate-case"), [(L.to_string(), 5, 24)]);
    }

    #[test]
    fn immediate_item_with_zero_deadline_is_consistent() {
        let item = edit(ITEM, "\"case_type\": \"承诺件\"", "\"case_type\": \"即办件\"");
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 0, \"unit\": \"工作日\"}",
        );
        let out = lint_with(&[("items/630101001000.json", Some(&item)), (L, Some(&local))]);
        assert!(hits(&out, "immediate-case").is_empty());
    }
}
