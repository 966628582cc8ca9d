//! file-name: the file's name or folder disagrees with the code inside.

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "file-name",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "文件名（或所在目录名）与文件内的编码不一致",
    doc: super::Doc {
        what: "items/<基本编码>.json 的文件名与其中的 code、local/<区划代码>/<基本编码>.json 的目录名和文件名与其中的 region 和 item、agencies/<区划代码>.json 与其中的 region、bundles/<标识>.json 与其中的 id 是否一致。",
        why: "文件名是审核人员和版本库定位事项的方式；名实不符时，修改一个事项可能实际改了另一个，比对和门户发布都会出错。",
        basis: "本目录格式约定（catalog/README.md）。",
        bad: "文件 items/630101001000.json 中写 \"code\": \"630101002000\"。",
        fix: "确认正确的编码，修改文件内的编码或重命名文件。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"code\": \"630101001000\"",
        to: "\"code\": \"630101002000\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let mut report = |file, pointer: &str, inside: &str, expected: &str, what: &str| {
        if inside != expected {
            sink.push(
                RULE.at(file, pointer)
                    .message(format!("{what}“{inside}”与文件路径中的“{expected}”不一致"))
                    .help("修改此处的编码，或把文件重命名为与编码一致"),
            );
        }
    };
    for it in &ctx.catalog.items {
        let p = ctx.path(it.file);
        report(it.file, "/code", &it.value.code, stem(p), "基本编码");
    }
    for l in &ctx.catalog.locals {
        let p = ctx.path(l.file);
        let dir = p.split('/').nth(1).unwrap_or("");
        report(l.file, "/region", &l.value.region, dir, "区划代码");
        report(l.file, "/item", &l.value.item, stem(p), "基本编码");
    }
    for a in &ctx.catalog.agency_files {
        report(a.file, "/region", &a.value, stem(ctx.path(a.file)), "区划代码");
    }
    for b in &ctx.catalog.bundles {
        report(b.file, "/id", &b.value.id, stem(ctx.path(b.file)), "一件事标识");
    }
}

/// File name without directory and `.json`.
fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".json").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, LOCAL};

    #[test]
    fn item_code_must_match_file_name() {
        let text = edit(ITEM, "\"code\": \"630101001000\"", "\"code\": \"630101002000\"");
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "file-name"),
            [("items/630101001000.json".to_string(), 2, 11)]
        );
    }

    #[test]
    fn local_file_in_the_wrong_region_folder() {
        let out = lint_with(&[
            ("local/630100/630101001000.json", None),
            ("local/630102/630101001000.json", Some(LOCAL)),
        ]);
        assert_eq!(
            hits(&out, "file-name"),
            [("local/630102/630101001000.json".to_string(), 3, 13)]
        );
    }
}
