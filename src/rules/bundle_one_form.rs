//! bundle-one-form: a 一件事 without its one form, one material set, one
//! window or one online entry.

use super::{blank, Category, Check, Context, Edit, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "bundle-one-form",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "一件事缺少一张表、一套材料、一个受理窗口或一网办理入口",
    doc: super::Doc {
        what: "每个一件事（bundles/）是否：
- 有合并后的申请表，表格名称（form.name）不是空白（一表申请）；
- 有合并去重后的材料清单（materials 不为空，且同一材料不重复列出）（一套材料）；
- 有综合受理窗口（window 不是空白）（一窗受理）；
- 有一网办理入口（online_entry 不是空白）（一网办理）。",
        why: "一件事的意义在于把多个事项的表、材料、窗口合而为一；仍要申请人分别填表、重复交材料、跑多个窗口，就只是把几个事项列在一起，没有“一件事”。",
        basis: "{one_thing}（一次告知、一表申请、一套材料、一窗（端）受理、一网办理）；国发〔2024〕3号（高效办成一件事）；国发〔2016〕55号（凡是能通过网络共享复用的材料，不得要求重复提交）。",
        bad: "\"form\": {\"name\": \"\"}, \"materials\": [], \"window\": \"\"",
        fix: "修改为合并后的申请表名称（如“开办餐饮店一件事申请表”）、合并去重后的材料标识列表、综合受理窗口名称和一网办理入口；重复列出的材料只保留一次。",
    },
    example: Example::Edits(&[
        Edit {
            file: "bundles/test-bundle.json",
            from: "\"form\": {\"name\": \"测试一件事申请表\"}",
            to: "\"form\": {\"name\": \"\"}",
        },
        Edit {
            file: "bundles/test-bundle.json",
            from: "\"materials\": [\"application_form\"]",
            to: "\"materials\": []",
        },
        Edit {
            file: "bundles/test-bundle.json",
            from: "\"window\": \"西宁市政务服务中心综合受理窗口\"",
            to: "\"window\": \"\"",
        },
    ]),
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for b in &ctx.catalog.bundles {
        let v = &b.value;
        let mut need = |pointer: &str, empty: bool, message: &str, help: &str| {
            if empty {
                sink.push(RULE.at(b.file, pointer).message(message).help(help.to_string()));
            }
        };
        need(
            "/form/name",
            blank(&v.form.name),
            "一件事没有合并后的申请表名称（一表申请）",
            "在 form.name 中填写合并后的申请表名称",
        );
        need(
            "/materials",
            v.materials.is_empty(),
            "一件事没有材料清单（一套材料）",
            "在 materials 中列出合并去重后的材料标识",
        );
        need(
            "/window",
            blank(&v.window),
            "一件事没有综合受理窗口（一窗受理）",
            "在 window 中填写综合受理窗口的名称",
        );
        need(
            "/online_entry",
            blank(&v.online_entry),
            "一件事没有一网办理入口（一网办理）",
            "在 online_entry 中填写网上办理入口",
        );
        for (j, m) in v.materials.iter().enumerate() {
            if v.materials[..j].contains(m) {
                sink.push(
                    RULE.at(b.file, &format!("/materials/{j}"))
                        .message(format!("材料“{m}”在一件事材料清单中重复列出"))
                        .help("一套材料应合并去重：删除重复的材料"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, BUNDLE};

    const B: &str = "bundles/test-bundle.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "bundle-one-form").is_empty());
    }

    #[test]
    fn blank_form_empty_materials_blank_window_and_entry() {
        let bundle = edit(BUNDLE, "{\"name\": \"测试一件事申请表\"}", "{\"name\": \" \"}");
        let bundle = edit(&bundle, "\"materials\": [\"application_form\"]", "\"materials\": []");
        let bundle = edit(
            &bundle,
            "\"online_entry\": \"青海政务服务网\"",
            "\"online_entry\": \"\"",
        );
        let bundle = edit(
            &bundle,
            "\"window\": \"西宁市政务服务中心综合受理窗口\"",
            "\"window\": \"\"",
        );
        let out = lint_with(&[(B, Some(&bundle))]);
        assert_eq!(
            hits(&out, "bundle-one-form"),
            [
                (B.to_string(), 6, 20),
                (B.to_string(), 7, 16),
                (B.to_string(), 9, 19),
                (B.to_string(), 10, 13),
            ]
        );
    }

    #[test]
    fn repeated_material() {
        let bundle = edit(
            BUNDLE,
            "\"materials\": [\"application_form\"]",
            "\"materials\": [\"application_form\", \"application_form\"]",
        );
        let out = lint_with(&[(B, Some(&bundle))]);
        assert_eq!(hits(&out, "bundle-one-form"), [(B.to_string(), 7, 37)]);
    }
}
