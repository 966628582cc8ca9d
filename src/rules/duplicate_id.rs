//! duplicate-id: two definitions with the same code or id.

use std::collections::HashMap;

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::At;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "duplicate-id",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "同一编码或标识被定义了两次",
    doc: super::Doc {
        what: "区划代码、部门代码、材料标识、实施主体标识和基本编码在整个目录中是否唯一。",
        why: "重复定义时，引用它的实施清单和事项究竟指向哪一个无法确定，同一事项就可能出现两套标准。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；本目录格式约定（catalog/README.md）。",
        bad: "materials.json 中两个材料都写 \"id\": \"id_card\"。",
        fix: "删除重复的定义，或给其中一个改用新的编码（并同步修改引用它的文件）。",
    },
    example: Example::Edit {
        file: "materials.json",
        from: "\"id\": \"application_form\"",
        to: "\"id\": \"id_card\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let c = ctx.catalog;
    dups(ctx, sink, &c.regions, |r| &r.code, "/code", "区划代码");
    dups(ctx, sink, &c.departments, |d| &d.code, "/code", "部门代码");
    dups(ctx, sink, &c.materials, |m| &m.id, "/id", "材料标识");
    dups(ctx, sink, &c.agencies, |a| &a.id, "/id", "实施主体标识");
    dups(ctx, sink, &c.items, |i| &i.code, "/code", "基本编码");
    dups(ctx, sink, &c.bundles, |b| &b.id, "/id", "一件事标识");
    let mut seen = HashMap::new();
    for l in &c.locals {
        let key = (l.value.region.as_str(), l.value.item.as_str());
        if let Some(first) = seen.insert(key, l.file) {
            sink.push(
                RULE.at(l.file, "/item")
                    .message(format!(
                        "区划 {} 对事项 {} 已有实施清单 {}",
                        key.0,
                        key.1,
                        ctx.path(first)
                    ))
                    .help("一个区划对一个事项只保留一份实施清单"),
            );
        }
    }
}

fn dups<T>(ctx: &Context, sink: &mut Sink, list: &[At<T>], key: impl Fn(&T) -> &String, field: &str, what: &str) {
    let mut seen: HashMap<&str, &At<T>> = HashMap::with_capacity(list.len());
    for e in list {
        let k = key(&e.value).as_str();
        match seen.get(k) {
            Some(first) => sink.push(
                RULE.at(e.file, &format!("{}{field}", e.pointer))
                    .message(format!(
                        "{what}“{k}”重复：{}{} 处已有定义",
                        ctx.path(first.file),
                        if first.pointer.is_empty() {
                            String::new()
                        } else {
                            format!("#{}", first.pointer)
                        }
                    ))
                    .help("删除重复的定义，或改用新的编码（并同步修改引用它的文件）"),
            ),
            None => {
                seen.insert(k, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, MATERIALS};

    #[test]
    fn second_definition_is_reported() {
        let text = edit(MATERIALS, "\"id\": \"application_form\"", "\"id\": \"id_card\"");
        let out = lint_with(&[("materials.json", Some(&text))]);
        assert_eq!(hits(&out, "duplicate-id"), [("materials.json".to_string(), 4, 12)]);
    }
}
