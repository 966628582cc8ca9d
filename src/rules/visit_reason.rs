//! visit-reason: an on-site visit required without saying why.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "visit-reason",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "到办事现场次数不为 0，但未说明必须现场办理的原因",
    doc: super::Doc {
        what: "实施清单的到办事现场次数（visits）不为 0 时，是否填写了必须现场办理原因说明（visit_reason），且不是空白。",
        why: "网上办理为主、“最多跑一次”是改革方向；要求申请人到现场，必须有法律法规规定或核验原件、现场勘验等确实的理由，并向社会公开，否则就是把本可网办的事项推到窗口。",
        basis: "{one_thing}（网上办理为主）；{standardization}（精减办事环节）；{service_government}（一次告知制）；国发〔2024〕3号（高效办成一件事）。",
        bad: "\"visits\": 1，而没有 \"visit_reason\"。",
        fix: "在 visit_reason 中写明必须到现场的具体原因及其依据，如“依据《……》第……条须现场核验原件”；没有必须到现场的理由的，把 visits 修改为 0 并开通网上办理或邮寄送达。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"visits\": 0",
        to: "\"visits\": 1",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let v = &l.value;
        if v.visits == 0 {
            continue;
        }
        let pointer = match v.visit_reason.as_deref() {
            None => "/visits",
            Some(r) if blank(r) => "/visit_reason",
            Some(_) => continue,
        };
        sink.push(
            RULE.at(l.file, pointer)
                .message(format!("到办事现场次数为 {}，但未说明必须现场办理的原因", v.visits))
                .help("在 visit_reason 中写明必须到现场的具体原因及依据；没有理由的，改为 0 次"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "visit-reason").is_empty());
    }

    #[test]
    fn visits_without_reason() {
        let local = edit(LOCAL, "\"visits\": 0,", "\"visits\": 1,");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "visit-reason"), [(L.to_string(), 6, 13)]);
    }

    #[test]
    fn blank_reason_is_reported_at_the_reason() {
        let local = edit(
            LOCAL,
            "\"visits\": 0,",
            "\"visits\": 1,\n  \"visit_reason\": \" \u{3000}\",",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "visit-reason"), [(L.to_string(), 7, 19)]);
    }

    #[test]
    fn a_reason_satisfies_the_rule() {
        let local = edit(
            LOCAL,
            "\"visits\": 0,",
            "\"visits\": 1,\n  \"visit_reason\": \"须现场核验原件\",",
        );
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "visit-reason").is_empty());
    }
}
