//! deadline-unit: a deadline without its unit.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::Deadline;
use crate::diag::{Severity, Sink};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "deadline-unit",
    category: Category::Element,
    severity: Severity::Error,
    summary: "时限缺少单位（工作日或自然日）",
    doc: super::Doc {
        what: "法定办结时限、承诺办结时限、办理环节时限和一件事时限，是否都写明单位“工作日”或“自然日”。法定办结时限为“无法定时限”（{\"none\": true}）时没有数值，也就没有单位，不检查。",
        why: "“20”或“20天”既可能是 20 个工作日，也可能是 20 个自然日，两者相差近一倍；时限不清，限时办结制就无从考核，各地也会按不同理解执行。",
        basis: "{standardization}（科学细化量化办事服务标准，压缩办理时限）；{service_government}（限时办结制）；《中华人民共和国行政许可法》（行政许可期限以工作日计算，不含法定节假日）。",
        bad: "\"statutory_deadline\": {\"value\": 20}",
        fix: "补充 \"unit\": \"工作日\" 或 \"unit\": \"自然日\"，与法律法规的规定一致。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
        to: "\"statutory_deadline\": {\"value\": 20}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let mut need = |file: FileId, pointer: String, d: &Deadline, what: &str| {
        if d.unit.is_none() {
            sink.push(
                RULE.at(file, &pointer)
                    .message(format!("{what} {} 缺少单位", d.value))
                    .help("补充 \"unit\": \"工作日\" 或 \"unit\": \"自然日\""),
            );
        }
    };
    for it in &ctx.catalog.items {
        // 无法定时限 has no value, hence no unit to state.
        if let Some(d) = it.value.statutory_deadline.days() {
            need(it.file, "/statutory_deadline".into(), d, "法定办结时限");
        }
        for (i, s) in it.value.process.iter().enumerate() {
            if let Some(d) = &s.deadline {
                need(it.file, format!("/process/{i}/deadline"), d, "环节时限");
            }
        }
    }
    for l in &ctx.catalog.locals {
        need(
            l.file,
            "/promised_deadline".into(),
            &l.value.promised_deadline,
            "承诺办结时限",
        );
    }
    for b in &ctx.catalog.bundles {
        need(
            b.file,
            "/promised_deadline".into(),
            &b.value.promised_deadline,
            "整体承诺办结时限",
        );
        for (i, m) in b.value.members.iter().enumerate() {
            need(
                b.file,
                format!("/members/{i}/promised_deadline"),
                &m.promised_deadline,
                "成员承诺办结时限",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    #[test]
    fn promised_deadline_without_unit() {
        let text = edit(LOCAL, "{\"value\": 10, \"unit\": \"工作日\"}", "{\"value\": 10}");
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "deadline-unit"),
            [("local/630100/630101001000.json".to_string(), 5, 24)]
        );
    }
}
