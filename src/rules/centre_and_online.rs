//! centre-and-online: not in the service centre, or not online, without a
//! reason.

use super::{blank, blank_opt, Category, Check, Context, Edit, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "centre-and-online",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "未进驻政务服务中心或不能网上办理，却未说明原因",
    doc: super::Doc {
        what: "实施清单中：
- 未进驻政务服务中心（in_service_centre 为 false）的，是否在 not_in_centre_reason 中写明了原因；
- 没有网上办理深度（online.depth 不填，即不能网办）的，是否在 online.not_online_reason 中写明了原因。
原因说明不得为空白。",
        why: "政务服务事项“应进必进”、网上办理为主是原则；不进驻、不网办是例外，例外必须公开理由（如涉及国家秘密、须现场勘验），否则申请人要在部门之间来回跑，改革要求也无从检查。",
        basis: "{one_thing}（应进必进；网上办理为主，一网办理）；{standardization}（政务服务事项标准化）；国发〔2024〕3号（高效办成一件事）。",
        bad: "\"in_service_centre\": false（没有 not_in_centre_reason）；\"online\": {}（没有 depth，也没有 not_online_reason）。",
        fix: "能进驻、能网办的，修改为 \"in_service_centre\": true、填写实际的网上办理深度和网办地址；确实不能的，写明具体原因及依据，如 \"not_in_centre_reason\": \"涉及国家秘密，依据《……》在本机关内部办理\"。",
    },
    example: Example::Edits(&[
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"in_service_centre\": true",
            to: "\"in_service_centre\": false",
        },
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"online\": {\"depth\": \"Ⅳ级\", \"address\": \"青海政务服务网\"}",
            to: "\"online\": {}",
        },
    ]),
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let v = &l.value;
        if v.in_service_centre == Some(false) {
            let pointer = match v.not_in_centre_reason.as_deref() {
                None => Some("/in_service_centre"),
                Some(r) if blank(r) => Some("/not_in_centre_reason"),
                Some(_) => None,
            };
            if let Some(p) = pointer {
                sink.push(
                    RULE.at(l.file, p)
                        .message("未进驻政务服务中心，但没有说明原因")
                        .help("能进驻的改为 true；不能进驻的，在 not_in_centre_reason 中写明具体原因及依据"),
                );
            }
        }
        if v.online.depth.is_none() && blank_opt(v.online.not_online_reason.as_deref()) {
            // A missing reason falls back to the online object.
            sink.push(
                RULE.at(l.file, "/online/not_online_reason")
                    .message("不能网上办理（没有网上办理深度），但没有说明原因")
                    .help("能网办的，填写 online.depth 和网办地址；不能网办的，在 online.not_online_reason 中写明原因"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";
    const CENTRE: &str = "\"in_service_centre\": true,";
    const ONLINE: &str = "\"online\": {\"depth\": \"Ⅳ级\", \"address\": \"青海政务服务网\"}";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "centre-and-online").is_empty());
    }

    #[test]
    fn not_in_centre_without_reason() {
        let local = edit(LOCAL, CENTRE, "\"in_service_centre\": false,");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "centre-and-online"), [(L.to_string(), 8, 24)]);
        let local = edit(
            LOCAL,
            CENTRE,
            "\"in_service_centre\": false,\n  \"not_in_centre_reason\": \" \",",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "centre-and-online"), [(L.to_string(), 9, 27)]);
        let local = edit(
            LOCAL,
            CENTRE,
            "\"in_service_centre\": false,\n  \"not_in_centre_reason\": \"涉及国家秘密\",",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "centre-and-online").is_empty());
    }

    #[test]
    fn not_online_without_reason() {
        let local = edit(LOCAL, ONLINE, "\"online\": {\"address\": \"青海政务服务网\"}");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "centre-and-online"), [(L.to_string(), 7, 13)]);
        let local = edit(LOCAL, ONLINE, "\"online\": {\"not_online_reason\": \"\"}");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "centre-and-online"), [(L.to_string(), 7, 35)]);
    }
}
