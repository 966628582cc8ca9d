//! unknown-member: a bundle member that is not a base item.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-member",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "一件事的成员事项在基本目录中不存在",
    doc: super::Doc {
        what: "bundles/ 中每个一件事的成员事项基本编码是否在 items/ 中存在。",
        why: "一件事是多个事项的集成办理；成员事项不存在，合并的材料、时限和申请表就缺了一块，申请人拿到的告知是不完整的。",
        basis: "{one_thing}（一次告知、一表申请、一套材料）；国发〔2024〕3号。",
        bad: "\"members\": [{\"item\": \"630101999000\", …}]，而该事项不存在。",
        fix: "改为正确的基本编码，或先在基本目录中建立该事项。",
    },
    example: Example::Edit {
        file: "bundles/test-bundle.json",
        from: "\"members\": [{\"item\": \"630101001000\"",
        to: "\"members\": [{\"item\": \"630101999000\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for b in &ctx.catalog.bundles {
        for (i, m) in b.value.members.iter().enumerate() {
            let code = m.item.as_str();
            if !ctx.index.items.contains_key(code) && !ctx.index.broken_file(FileKind::Item, code) {
                sink.push(
                    RULE.at(b.file, &format!("/members/{i}/item"))
                        .message(format!("成员事项 {} 在基本目录中不存在", m.item))
                        .help("改为 items/ 中已有的基本编码"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, BUNDLE};

    #[test]
    fn missing_member_is_reported() {
        let text = edit(BUNDLE, "[{\"item\": \"630101001000\"", "[{\"item\": \"630101999000\"");
        let out = lint_with(&[("bundles/test-bundle.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-member"),
            [("bundles/test-bundle.json".to_string(), 5, 24)]
        );
    }

    #[test]
    fn a_member_whose_file_is_broken_is_not_reported_twice() {
        let out = lint_with(&[("items/630101001000.json", Some("{\"code\": "))]);
        assert_eq!(hits(&out, "invalid-json").len(), 1);
        assert_eq!(hits(&out, "unknown-member"), []);
        assert_eq!(hits(&out, "unknown-item"), []);
    }
}
