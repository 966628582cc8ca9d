//! license-steps: an administrative licence without the statutory stages.

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "license-steps",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "行政许可事项的办理流程缺少受理、审查、决定或送达环节",
    doc: super::Doc {
        what: "事项类型为“行政许可”的事项，办理流程（process）中是否有名称含“受理”“审查”（或“审核”）“决定”“送达”的环节，四个环节缺一即报告，并列出缺少的环节。",
        why: "行政许可法规定了许可的法定程序：申请与受理、审查与决定、期限与送达。流程中缺少某个法定环节，要么是流程写得不全，申请人不知道结果如何送达、由谁决定；要么是实际程序不合法。",
        basis: "《中华人民共和国行政许可法》（行政许可的实施程序：受理、审查、决定、送达）；{one_thing}（办理流程等要素信息全省统一）。",
        bad: "\"process\": [{\"name\": \"受理\", …}, {\"name\": \"审批\", …}, {\"name\": \"决定\", …}, {\"name\": \"办结\", …}]（没有“审查”“送达”）。",
        fix: "按法定程序修改办理流程，分别列出受理、审查、决定、送达四个环节，写明各环节的办理人员和时限，如 {\"name\": \"送达\", \"actor\": \"受理窗口工作人员\", \"deadline\": {\"value\": 1, \"unit\": \"工作日\"}}。",
    },
    example: Example::Edits(&[
        Edit {
            file: "items/630101001000.json",
            from: "{\"name\": \"审查\"",
            to: "{\"name\": \"审批\"",
        },
        Edit {
            file: "items/630101001000.json",
            from: "{\"name\": \"送达\"",
            to: "{\"name\": \"办结\"",
        },
    ]),
    check: Check::Catalog(check),
};

/// The stages of the Administrative Licensing Law, each with the words a
/// step name may contain to count as that stage.
const STAGES: &[(&str, &[&str])] = &[
    ("受理", &["受理"]),
    ("审查", &["审查", "审核"]),
    ("决定", &["决定"]),
    ("送达", &["送达"]),
];

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let v = &it.value;
        if v.item_type != "行政许可" {
            continue;
        }
        let missing: Vec<&str> = STAGES
            .iter()
            .filter(|(_, words)| !v.process.iter().any(|s| words.iter().any(|w| s.name.contains(w))))
            .map(|(stage, _)| *stage)
            .collect();
        if !missing.is_empty() {
            sink.push(
                RULE.at(it.file, "/process")
                    .message(format!("行政许可事项的办理流程缺少环节：{}", missing.join("、")))
                    .help("按行政许可法的程序列出受理、审查、决定、送达四个环节"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "license-steps").is_empty());
    }

    #[test]
    fn missing_stages_are_reported_once_at_the_process() {
        let item = edit(ITEM, "\"name\": \"审查\"", "\"name\": \"核查\"");
        let item = edit(&item, "\"name\": \"送达\"", "\"name\": \"办结\"");
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "license-steps"), [(I.to_string(), 14, 14)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "license-steps").unwrap();
        assert!(d.message.ends_with("审查、送达"), "{}", d.message);
    }

    #[test]
    fn longer_names_and_synonyms_count() {
        let item = edit(ITEM, "\"name\": \"审查\"", "\"name\": \"材料审核\"");
        let item = edit(&item, "\"name\": \"送达\"", "\"name\": \"证照送达\"");
        let out = lint_with(&[(I, Some(&item))]);
        assert!(hits(&out, "license-steps").is_empty());
    }

    #[test]
    fn other_item_types_are_skipped() {
        let item = edit(ITEM, "\"name\": \"送达\"", "\"name\": \"办结\"");
        let item = edit(&item, "\"item_type\": \"行政许可\"", "\"item_type\": \"公共服务\"");
        let out = lint_with(&[(I, Some(&item))]);
        assert!(hits(&out, "license-steps").is_empty());
    }
}
