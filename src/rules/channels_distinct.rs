//! channels-distinct: complaints routed to the consultation channel, or a
//! channel list left empty.

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::catalog::common::{Channel, ChannelKind};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "channels-distinct",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "咨询方式与投诉方式相同，或未填写",
    doc: super::Doc {
        what: "实施清单的咨询方式（consultation）和投诉方式（complaint）是否都至少有一个渠道，且投诉渠道中没有与某个咨询渠道完全相同的（渠道类型相同、内容去掉空格后相同；电话号码还忽略连字符）。",
        why: "投诉是对办事机关的监督，投诉渠道与咨询渠道是同一部电话、同一个窗口，就等于向被投诉的人投诉；没有投诉渠道，办事公开和监督就落空。",
        basis: "{service_government}（一次告知制，办事公开）；{standardization}（政务服务事项标准化，办事指南要素完整）；《中华人民共和国行政许可法》（公示行政许可的依据、条件、程序、期限和需要提交的全部材料目录）。",
        bad: "\"consultation\": [{\"kind\": \"电话\", \"value\": \"12345\"}], \"complaint\": [{\"kind\": \"电话\", \"value\": \"12345\"}]",
        fix: "把投诉方式修改为独立的监督渠道，如本级政务服务管理部门的投诉电话或 12345 政务服务便民热线；咨询方式写办理窗口或业务科室的电话。未公开的电话号码不得编造。",
    },
    example: Example::Edits(&[
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"consultation\": [{\"kind\": \"窗口\", \"value\": \"西宁市政务服务中心市场监管窗口\"}]",
            to: "\"consultation\": [{\"kind\": \"电话\", \"value\": \"12345\"}]",
        },
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"complaint\": [{\"kind\": \"电话\", \"value\": \"12345\"}]",
            to: "\"complaint\": [{\"kind\": \"电话\", \"value\": \"12345\"}]",
        },
    ]),
    check: Check::Catalog(check),
};

/// A channel's value for comparison: whitespace dropped, and for phones
/// the separators people write between area code and number.
fn key(c: &Channel) -> (ChannelKind, String) {
    let v = c
        .value
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .filter(|ch| c.kind != ChannelKind::Phone || !matches!(ch, '-' | '－' | '—' | '–'))
        .collect();
    (c.kind, v)
}

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let v = &l.value;
        for (field, label, list) in [
            ("consultation", "咨询方式", &v.consultation),
            ("complaint", "投诉方式", &v.complaint),
        ] {
            if list.is_empty() {
                sink.push(
                    RULE.at(l.file, &format!("/{field}"))
                        .message(format!("没有填写{label}"))
                        .help(format!(
                            "在 {field} 中至少填写一个渠道；电话未公开的，写政务服务中心窗口或 12345"
                        )),
                );
            }
        }
        let consult: Vec<_> = v.consultation.iter().map(key).collect();
        for (j, c) in v.complaint.iter().enumerate() {
            if consult.contains(&key(c)) {
                sink.push(
                    RULE.at(l.file, &format!("/complaint/{j}"))
                        .message(format!("投诉渠道“{}”与咨询渠道相同", c.value.trim()))
                        .help("投诉方式应是独立于办理机关咨询渠道的监督渠道"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";
    const CONSULT: &str = "[{\"kind\": \"窗口\", \"value\": \"西宁市政务服务中心市场监管窗口\"}]";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "channels-distinct").is_empty());
    }

    #[test]
    fn complaint_same_as_consultation() {
        let local = edit(LOCAL, CONSULT, "[{\"kind\": \"电话\", \"value\": \" 123 45\"}]");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "channels-distinct"), [(L.to_string(), 12, 17)]);
    }

    #[test]
    fn phone_separators_are_ignored_but_kinds_are_not() {
        let local = edit(LOCAL, CONSULT, "[{\"kind\": \"电话\", \"value\": \"0971-1234567\"}]");
        let local = edit(
            &local,
            "{\"kind\": \"电话\", \"value\": \"12345\"}",
            "{\"kind\": \"电话\", \"value\": \"09711234567\"}",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "channels-distinct"), [(L.to_string(), 12, 17)]);
        let local = edit(LOCAL, CONSULT, "[{\"kind\": \"网站\", \"value\": \"12345\"}]");
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "channels-distinct").is_empty());
    }

    #[test]
    fn empty_lists() {
        let local = edit(LOCAL, CONSULT, "[]");
        let local = edit(
            &local,
            "\"complaint\": [{\"kind\": \"电话\", \"value\": \"12345\"}]",
            "\"complaint\": []",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(
            hits(&out, "channels-distinct"),
            [(L.to_string(), 11, 19), (L.to_string(), 12, 16)]
        );
    }
}
