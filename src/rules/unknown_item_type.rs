//! unknown-item-type: an item type that the catalog's code list lacks.

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-item-type",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "事项类型不在 catalog.json 的事项类型代码表中",
    doc: super::Doc {
        what: "每个基本目录事项的 item_type 是否是 catalog.json 中 item_types 代码表列出的类型名称。",
        why: "事项类型决定基本编码第 3–4 位，也决定事项是否面向申请人、须有哪些要素。各省代码表不尽相同，因此代码表作为数据维护。",
        basis: "本目录 catalog.json（事项类型代码表）；{standardization}（政务服务事项标准化）；本目录格式约定（catalog/README.md）。",
        bad: "\"item_type\": \"许可\"（代码表中的名称是“行政许可”）。",
        fix: "改用代码表中的类型名称。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"item_type\": \"行政许可\"",
        to: "\"item_type\": \"许可\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    if ctx.catalog.meta.is_none() {
        return; // missing-file or a parse finding already says why.
    }
    let known: Vec<&str> = ctx
        .catalog
        .meta
        .iter()
        .flat_map(|m| m.value.item_types.iter())
        .map(|t| t.name.as_str())
        .collect();
    for it in &ctx.catalog.items {
        if !ctx.index.item_types.contains_key(it.value.item_type.as_str()) {
            sink.push(
                RULE.at(it.file, "/item_type")
                    .message(format!("事项类型“{}”不在代码表中", it.value.item_type))
                    .help(format!("可选值：{}", known.join("、"))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    #[test]
    fn short_type_name_is_not_in_the_code_list() {
        let text = edit(ITEM, "\"item_type\": \"行政许可\"", "\"item_type\": \"许可\"");
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-item-type"),
            [("items/630101001000.json".to_string(), 4, 16)]
        );
    }
}
