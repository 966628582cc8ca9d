//! promised-deadline: a promised deadline longer than the statutory one.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::{Deadline, DeadlineUnit};
use crate::diag::{Severity, Sink};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "promised-deadline",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "承诺办结时限超过法定办结时限",
    doc: super::Doc {
        what: "实施清单的承诺办结时限、一件事成员事项的承诺办结时限，是否不超过基本目录事项的法定办结时限。两者单位相同（都是工作日或都是自然日）时直接比较数值；单位不同时无法换算比较，报告为警告，请统一单位后再核对。事项不存在、或任一时限缺少单位时不检查（分别由 unknown-item、deadline-unit 报告）。法定办结时限为“无法定时限”（{\"none\": true}）时不检查：法律法规没有规定上限，承诺时限无从超过，只能由各地公开承诺约束。",
        why: "法定办结时限是法律法规给行政机关的上限，承诺时限是各地在法定时限内作出的公开承诺，只能压缩、不能延长；承诺长于法定，等于公开承诺违法超期办理。",
        basis: "{standardization}（压缩办理时限）；{service_government}（限时办结制）；《中华人民共和国行政许可法》（行政许可的办理期限）。",
        bad: "事项 \"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}，实施清单 \"promised_deadline\": {\"value\": 30, \"unit\": \"工作日\"}。",
        fix: "把承诺办结时限修改为不超过法定办结时限的数值（如 10 个工作日）；单位不同时，按法律法规的规定统一为工作日或自然日。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
        to: "\"promised_deadline\": {\"value\": 30, \"unit\": \"工作日\"}",
    },
    check: Check::Catalog(check),
};

fn show(d: &Deadline, unit: DeadlineUnit) -> String {
    format!("{} 个{}", d.value, unit.label())
}

fn check(ctx: &Context, sink: &mut Sink) {
    let mut compare = |file: FileId, pointer: String, promised: &Deadline, code: &str, what: &str| {
        let Some(item) = ctx.index.items.get(code) else { return };
        // 无法定时限: the law sets no upper bound, so there is nothing to
        // exceed (the promise's unit is still checked by deadline-unit).
        let Some(statutory) = item.value.statutory_deadline.days() else {
            return;
        };
        let (Some(pu), Some(su)) = (promised.unit, statutory.unit) else {
            return;
        };
        if promised.value == 0 {
            // 即办 never exceeds any deadline, whatever its unit.
            return;
        }
        if pu != su {
            let mut d = RULE
                .at(file, &pointer)
                .message(format!(
                    "{what} {} 与法定办结时限 {} 单位不同，无法比较",
                    show(promised, pu),
                    show(statutory, su)
                ))
                .help("按法律法规的规定统一时限单位，再核对承诺时限不超过法定时限");
            d.severity = Severity::Warning;
            sink.push(d);
        } else if promised.value > statutory.value {
            sink.push(
                RULE.at(file, &pointer)
                    .message(format!(
                        "{what} {} 超过事项 {} 的法定办结时限 {}",
                        show(promised, pu),
                        code,
                        show(statutory, su)
                    ))
                    .help(format!("把承诺办结时限改为不超过 {} 的数值", show(statutory, su))),
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
        assert!(hits(&lint_with(&[]), "promised-deadline").is_empty());
    }

    #[test]
    fn promised_longer_than_statutory() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 30, \"unit\": \"工作日\"}",
        );
        let bundle = edit(
            BUNDLE,
            "\"promised_deadline\": {\"value\": 10",
            "\"promised_deadline\": {\"value\": 21",
        );
        let out = lint_with(&[(L, Some(&local)), ("bundles/test-bundle.json", Some(&bundle))]);
        assert_eq!(
            hits(&out, "promised-deadline"),
            [("bundles/test-bundle.json".to_string(), 5, 61), (L.to_string(), 5, 24)]
        );
        assert!(out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "promised-deadline")
            .all(|d| d.severity == Severity::Error));
    }

    #[test]
    fn equal_is_allowed() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 20, \"unit\": \"工作日\"}",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "promised-deadline").is_empty());
    }

    #[test]
    fn different_units_are_a_warning() {
        let local = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 10, \"unit\": \"自然日\"}",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "promised-deadline"), [(L.to_string(), 5, 24)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "promised-deadline").unwrap();
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn unknown_item_or_missing_unit_is_skipped() {
        let unknown = edit(
            LOCAL,
            "{\"value\": 10, \"unit\": \"工作日\"}",
            "{\"value\": 30, \"unit\": \"工作日\"}",
        );
        let unknown = edit(&unknown, "\"item\": \"630101001000\"", "\"item\": \"630101009000\"");
        let out = lint_with(&[(L, Some(&unknown))]);
        assert!(hits(&out, "promised-deadline").is_empty());
        let no_unit = edit(LOCAL, "{\"value\": 10, \"unit\": \"工作日\"}", "{\"value\": 30}");
        let out = lint_with(&[(L, Some(&no_unit))]);
        assert!(hits(&out, "promised-deadline").is_empty());
    }
}
