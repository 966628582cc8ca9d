//! online-depth-visits: 全程网办 (Ⅳ级) but the applicant must still visit.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::local::OnlineDepth;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "online-depth-visits",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "网上办理深度为Ⅳ级（全程网办），但到办事现场次数不为 0",
    doc: super::Doc {
        what: "实施清单的网上办理深度为“Ⅳ级”时，到办事现场次数（visits）是否为 0。",
        why: "Ⅳ级即全程网办，申请、受理、审查、决定、送达全部在网上完成，申请人不需要到现场；同时写Ⅳ级和到现场 1 次，必有一个是错的，会误导申请人，也会虚报网办深度。",
        basis: "{one_thing}（网上办理为主，一网办理）；{standardization}（科学细化量化办事服务标准）；国发〔2024〕3号（高效办成一件事）。",
        bad: "\"visits\": 1, \"online\": {\"depth\": \"Ⅳ级\", …}。",
        fix: "确实全程网办的，把 visits 修改为 0；仍须到现场的，把网上办理深度修改为实际的级别（如“Ⅲ级”），并写明 visit_reason。",
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
        if v.online.depth == Some(OnlineDepth::IV) && v.visits != 0 {
            sink.push(
                RULE.at(l.file, "/visits")
                    .message(format!(
                        "网上办理深度为Ⅳ级（全程网办），但到办事现场次数为 {}",
                        v.visits
                    ))
                    .help("全程网办的到现场次数应为 0；仍须到现场的，把网办深度改为实际级别"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "online-depth-visits").is_empty());
    }

    #[test]
    fn fully_online_with_a_visit() {
        let local = edit(LOCAL, "\"visits\": 0,", "\"visits\": 2,");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "online-depth-visits"), [(L.to_string(), 6, 13)]);
    }

    #[test]
    fn lower_depth_may_need_a_visit() {
        let local = edit(LOCAL, "\"visits\": 0,", "\"visits\": 1,");
        let local = edit(&local, "\"depth\": \"Ⅳ级\"", "\"depth\": \"Ⅲ级\"");
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "online-depth-visits").is_empty());
    }
}
