//! delivery-by-post: no visit, not fully online, and no postal delivery.

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::catalog::local::OnlineDepth;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "delivery-by-post",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "零跑动但不是全程网办，却不支持结果邮寄送达",
    doc: super::Doc {
        what: "实施清单的到办事现场次数为 0、而网上办理深度不是“Ⅳ级”（全程网办）时，是否支持结果邮寄送达（delivery_by_post 为 true）。",
        why: "不到现场又不能全程网办，办理结果（证照、批文）只能通过邮寄送到申请人手中；不提供邮寄，申请人实际上仍要跑一趟窗口领取，“零跑动”就是虚报。",
        basis: "{one_thing}（网上办理为主）；《中华人民共和国行政许可法》（行政许可决定的送达）；{standardization}（科学细化量化办事服务标准）。",
        bad: "\"visits\": 0, \"online\": {\"depth\": \"Ⅲ级\"}, \"delivery_by_post\": false。",
        fix: "提供结果邮寄送达，把 delivery_by_post 修改为 true；做不到的，如实填写到现场次数（领取结果须到现场 1 次）并写明 visit_reason，或开通全程网办（Ⅳ级）。",
    },
    example: Example::Edits(&[
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"depth\": \"Ⅳ级\"",
            to: "\"depth\": \"Ⅲ级\"",
        },
        Edit {
            file: "local/630100/630101001000.json",
            from: "\"delivery_by_post\": true",
            to: "\"delivery_by_post\": false",
        },
    ]),
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let v = &l.value;
        if v.visits == 0 && v.online.depth != Some(OnlineDepth::IV) && !v.delivery_by_post {
            let depth = match v.online.depth {
                Some(OnlineDepth::I) => "Ⅰ级",
                Some(OnlineDepth::II) => "Ⅱ级",
                Some(OnlineDepth::III) => "Ⅲ级",
                Some(OnlineDepth::IV) | None => "不能网办",
            };
            sink.push(
                RULE.at(l.file, "/delivery_by_post")
                    .message(format!(
                        "到办事现场次数为 0、网上办理深度为{depth}，但不支持结果邮寄送达"
                    ))
                    .help("把 delivery_by_post 改为 true；不能邮寄的，如实填写到现场次数和原因"),
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
        assert!(hits(&lint_with(&[]), "delivery-by-post").is_empty());
    }

    #[test]
    fn zero_visits_not_online_without_post() {
        let local = edit(LOCAL, "\"depth\": \"Ⅳ级\"", "\"depth\": \"Ⅲ级\"");
        let local = edit(&local, "\"delivery_by_post\": true", "\"delivery_by_post\": false");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "delivery-by-post"), [(L.to_string(), 9, 23)]);
    }

    #[test]
    fn absent_flag_is_reported_at_the_file() {
        let local = edit(LOCAL, "\"depth\": \"Ⅳ级\"", "\"depth\": \"Ⅱ级\"");
        let local = edit(&local, "  \"delivery_by_post\": true,\n", "");
        let out = lint_with(&[(L, Some(&local))]);
        assert_eq!(hits(&out, "delivery-by-post"), [(L.to_string(), 1, 1)]);
    }

    #[test]
    fn fully_online_needs_no_post() {
        let local = edit(LOCAL, "\"delivery_by_post\": true", "\"delivery_by_post\": false");
        let out = lint_with(&[(L, Some(&local))]);
        assert!(hits(&out, "delivery-by-post").is_empty());
    }
}
