//! deadline-not-compressed: a promised deadline equal to the statutory one.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::Deadline;
use crate::diag::{Severity, Sink};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "deadline-not-compressed",
    category: Category::Policy,
    severity: Severity::Info,
    summary: "承诺办结时限未压缩，等于法定办结时限",
    doc: super::Doc {
        what: "实施清单的承诺办结时限、一件事成员事项的承诺办结时限，是否与法定办结时限完全相同（单位相同、数值相等且大于 0）。这是提示，不是错误：法律允许按法定时限办结，但应说明为何不能压缩。法定办结时限为“无法定时限”（{\"none\": true}）时不检查：没有法定数值可供比较。",
        why: "承诺时限是在法定时限内对社会作出的服务承诺，各地普遍把法定时限压缩一半以上；原样照抄法定时限，说明没有对办理环节进行梳理和压减。",
        basis: "{standardization}（精减审批材料和办事环节，压缩办理时限）；{service_government}（限时办结制）；《中华人民共和国行政许可法》（行政许可的办理期限）。",
        bad: "事项 \"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}，实施清单 \"promised_deadline\": {\"value\": 20, \"unit\": \"工作日\"}。",
        fix: "梳理办理环节，把承诺办结时限修改为小于法定时限的数值（如 10 个工作日）；确实不能压缩的，在 promised_deadline 的 note 中说明原因。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
        to: "\"promised_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let mut compare = |file: FileId, pointer: String, promised: &Deadline, code: &str, what: &str| {
        let Some(item) = ctx.index.items.get(code) else { return };
        // 无法定时限: no statutory value to compress from.
        let Some(statutory) = item.value.statutory_deadline.days() else {
            return;
        };
        let Some(unit) = statutory.unit else { return };
        if promised.unit == Some(unit) && promised.value == statutory.value && statutory.value > 0 {
            sink.push(
                RULE.at(file, &pointer)
                    .message(format!(
                        "{what}未压缩：与法定办结时限同为 {} 个{}",
                        statutory.value,
                        unit.label()
                    ))
                    .help("梳理办理环节压缩承诺时限；确实不能压缩的，在 note 中说明原因"),
            );
        }
    };
    for p in super::promises(ctx.catalog) {
        compare(p.file, p.pointer, p.deadline, p.item, p.what);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, BUNDLE, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "deadline-not-compressed").is_empty());
    }

    #[test]
    fn promised_equal_to_statutory_is_noted() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 20, \"unit\": \"工作日\"}",
        );
        let bundle = edit(
            BUNDLE,
            "\"promised_deadline\": {\"value\": 10",
            "\"promised_deadline\": {\"value\": 20",
        );
        let out = lint_with(&[(L, Some(&local)), ("bundles/test-bundle.json", Some(&bundle))]);
        assert_eq!(
            hits(&out, "deadline-not-compressed"),
            [("bundles/test-bundle.json".to_string(), 5, 61), (L.to_string(), 5, 24)]
        );
        assert!(out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "deadline-not-compressed")
            .all(|d| d.severity == Severity::Info));
    }

    #[test]
    fn different_unit_is_not_equal() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 20, \"unit\": \"自然日\"}",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "deadline-not-compressed").is_empty());
    }
}
