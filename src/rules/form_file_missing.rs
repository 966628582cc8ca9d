//! form-file-missing: a blank form, sample or result sample named by file
//! that the catalog does not ship under `forms/`.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileId;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "form-file-missing",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "空白表格、示例样表或结果样本引用的文件不在 catalog/forms/ 中",
    doc: super::Doc {
        what: "申请材料的空白表格（blank_form）和示例样表（sample）、办理结果的结果样本（sample）、一件事一表申请的空白表格（form.blank_form）写的是文件名时，catalog/forms/ 下是否有这个文件。以 http:// 或 https:// 开头的网址不检查。",
        why: "办事指南把这些文件名当作下载链接发给群众；文件不存在，群众点开就是空链接，等于没有公开表格和样本。没有文件时宁可不填，也不得写一个不存在的文件名。",
        basis: "{service_government}（一次告知制；办事公开）；{one_thing}（一表申请，指南、表格依统一模板）；catalog/README.md（forms/ 目录）。",
        bad: "\"blank_form\": \"测试申请书（空白）.pdf\"，而 catalog/forms/ 中没有这个文件。",
        fix: "把文件放入 catalog/forms/（文件名与所填一致），或删去这个字段；不得编造文件。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"form\": \"纸质或电子\", \"paper_size\": \"A4\"",
        to: "\"form\": \"纸质或电子\", \"paper_size\": \"A4\", \"blank_form\": \"测试申请书（空白）.pdf\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        for (i, m) in it.value.materials.iter().enumerate() {
            let what = "空白表格";
            check_one(
                ctx,
                sink,
                it.file,
                &format!("/materials/{i}/blank_form"),
                m.blank_form.as_deref(),
                what,
            );
            check_one(
                ctx,
                sink,
                it.file,
                &format!("/materials/{i}/sample"),
                m.sample.as_deref(),
                "示例样表",
            );
        }
        for (i, r) in it.value.results.iter().enumerate() {
            check_one(
                ctx,
                sink,
                it.file,
                &format!("/results/{i}/sample"),
                r.sample.as_deref(),
                "结果样本",
            );
        }
    }
    for b in &ctx.catalog.bundles {
        let name = b.value.form.blank_form.as_deref();
        check_one(ctx, sink, b.file, "/form/blank_form", name, "一表申请的空白表格");
    }
}

fn check_one(ctx: &Context, sink: &mut Sink, file: FileId, pointer: &str, name: Option<&str>, what: &str) {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return;
    };
    if name.starts_with("http://") || name.starts_with("https://") {
        return;
    }
    let rel = name.strip_prefix(crate::catalog::FORMS_DIR).unwrap_or(name);
    if ctx.catalog.forms.contains(rel) {
        return;
    }
    sink.push(
        RULE.at(file, pointer)
            .message(format!("{what}“{name}”不在 catalog/forms/ 中"))
            .help("把文件放入 catalog/forms/，或删去这个字段；不得编造文件"),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, BUNDLE, ITEM};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        // The base item's result sample is shipped under forms/.
        assert!(hits(&lint_with(&[]), "form-file-missing").is_empty());
    }

    #[test]
    fn a_missing_blank_form_is_reported_at_the_name() {
        let item = edit(
            ITEM,
            "\"paper_size\": \"A4\"",
            "\"paper_size\": \"A4\", \"blank_form\": \"无此文件.pdf\"",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "form-file-missing"), [(I.to_string(), 11, 137)]);
    }

    #[test]
    fn a_shipped_file_a_forms_prefix_and_a_url_pass() {
        let item = edit(
            ITEM,
            "\"paper_size\": \"A4\"",
            "\"paper_size\": \"A4\", \"blank_form\": \"forms/申请书（空白）.pdf\", \"sample\": \"https://www.qhzwfw.gov.cn/x.pdf\"",
        );
        let out = lint_with(&[(I, Some(&item)), ("forms/申请书（空白）.pdf", Some("%PDF-1.4"))]);
        assert_eq!(hits(&out, "form-file-missing"), []);
    }

    #[test]
    fn result_samples_and_bundle_forms_are_checked() {
        let out = lint_with(&[("forms/测试许可证（样本）.pdf", None)]);
        assert_eq!(hits(&out, "form-file-missing").len(), 1);
        let bundle = edit(
            BUNDLE,
            "\"name\": \"测试一件事申请表\"",
            "\"name\": \"测试一件事申请表\", \"blank_form\": \"表.pdf\"",
        );
        let out = lint_with(&[("bundles/test-bundle.json", Some(&bundle))]);
        assert_eq!(
            hits(&out, "form-file-missing"),
            [("bundles/test-bundle.json".to_string(), 6, 46)]
        );
    }
}
