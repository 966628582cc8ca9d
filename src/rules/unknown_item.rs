//! unknown-item: a local file implements an item the base catalog lacks.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-item",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "实施清单引用的基本编码在基本目录中不存在",
    doc: super::Doc {
        what: "local/ 下每份实施清单的 item 是否是 items/ 中已有的基本编码。",
        why: "实施清单只能实施全省统一的标准；没有对应标准的实施清单，其受理条件、材料和时限都无从谈起，等于地方自设事项。",
        basis: "{one_thing}第15项（要素信息全省统一）；{standardization}（政务服务事项标准化）；本目录格式约定（catalog/README.md）。",
        bad: "实施清单中写 \"item\": \"630101999000\"，而 items/630101999000.json 不存在。",
        fix: "改为正确的基本编码；若确为新事项，先经审核在 items/ 中建立基本目录事项。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"item\": \"630101001000\"",
        to: "\"item\": \"630101999000\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let code = l.value.item.as_str();
        if !ctx.index.items.contains_key(code) && !ctx.index.broken_file(FileKind::Item, code) {
            sink.push(
                RULE.at(l.file, "/item")
                    .message(format!("基本目录中没有基本编码为 {} 的事项", l.value.item))
                    .help("改为 items/ 中已有的基本编码，或先在基本目录中建立该事项"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, LOCAL};

    #[test]
    fn local_file_for_a_missing_item() {
        let text = edit(LOCAL, "\"item\": \"630101001000\"", "\"item\": \"630101999000\"");
        let out = lint_with(&[
            ("local/630100/630101001000.json", None),
            ("local/630100/630101999000.json", Some(&text)),
        ]);
        assert_eq!(
            hits(&out, "unknown-item"),
            [("local/630100/630101999000.json".to_string(), 2, 11)]
        );
    }

    #[test]
    fn an_item_whose_code_fails_the_schema_causes_no_unknown_item_cascade() {
        let item = edit(ITEM, "\"code\": \"630101001000\"", "\"code\": \"63010100100X\"");
        let out = lint_with(&[("items/630101001000.json", Some(&item))]);
        assert!(!hits(&out, "schema").is_empty());
        assert!(hits(&out, "unknown-item").is_empty());
        assert!(hits(&out, "unknown-member").is_empty());
    }
}
