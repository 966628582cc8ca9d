//! deviation-conflict: one local file registering the same element as a
//! deviation twice — with different values (which one is in force?) or
//! with the same value again (counted once).

use std::collections::HashMap;

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "deviation-conflict",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "同一要素登记了多个偏离",
    doc: super::Doc {
        what: "实施清单 deviations 中，同一要素（element）是否登记了不止一次：取值不同时无从知道哪一个生效；取值相同时是重复登记（只计一次）。",
        why: "偏离登记是审核处逐项核对的清单；同一要素两个取值，申请人和窗口人员各按各的理解办理，正是“同标准办理”要消除的差别。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；本目录格式约定（catalog/README.md 第十节）。",
        bad: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 15, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"省人民政府\"}, {\"element\": \"/statutory_deadline\", \"value\": {\"value\": 10, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"省人民政府\"}]（同一要素两个取值）",
        fix: "每个要素只保留一条偏离，取值以批准文件为准；重复的一条删除。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": []",
        to: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 15, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"省人民政府\"}, {\"element\": \"/statutory_deadline\", \"value\": {\"value\": 10, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"省人民政府\"}]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let mut first: HashMap<&str, (usize, &serde_json::Value)> = HashMap::new();
        for (i, d) in l.value.deviations.iter().enumerate() {
            let Some(&(j, value)) = first.get(d.element.as_str()) else {
                first.insert(d.element.as_str(), (i, &d.value));
                continue;
            };
            let message = if *value == d.value {
                format!("要素 {} 的偏离与第 {} 条重复登记（只计一次）", d.element, j + 1)
            } else {
                format!("要素 {} 已在第 {} 条登记了不同的偏离取值", d.element, j + 1)
            };
            sink.push(
                RULE.at(l.file, &format!("/deviations/{i}"))
                    .message(message)
                    .help("每个要素只保留一条偏离，删除其余的"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn dev(value: u32) -> String {
        format!("{{\"element\": \"/statutory_deadline\", \"value\": {{\"value\": {value}, \"unit\": \"工作日\"}}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"青海省人民政府\"}}")
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "deviation-conflict").is_empty());
    }

    #[test]
    fn two_values_for_one_element_are_reported_at_the_second() {
        let local = edit(
            LOCAL,
            "\"deviations\": []",
            &format!("\"deviations\": [{}, {}]", dev(15), dev(10)),
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "deviation-conflict").len(), 1);
    }

    #[test]
    fn identical_duplicates_are_reported_and_counted_in_force_once() {
        let many = vec![dev(15); 50].join(", ");
        let local = edit(LOCAL, "\"deviations\": []", &format!("\"deviations\": [{many}]"));
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "deviation-conflict").len(), 49);
        let one = edit(LOCAL, "\"deviations\": []", &format!("\"deviations\": [{}]", dev(15)));
        let single = lint_with(&[(L, Some(&one))]).stats.deviations;
        assert_eq!(single, 1);
        assert_eq!(out.stats.deviations, single);
    }
}
