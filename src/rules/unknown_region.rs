//! unknown-region: a region code that regions.json does not define.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-region",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "区划代码不在 regions.json 中（或已撤销）",
    doc: super::Doc {
        what: "实施清单、实施主体表和区划表中的上级区划所引用的区划代码，是否是 regions.json 中现行的代码。已撤销的曾用代码（如 630122 湟中县、632321 同仁县）会提示对应的现行代码。",
        why: "区划代码错误的实施清单无法归属到任何地区，门户上查不到，覆盖情况统计也会出错。",
        basis: "GB/T 2260《中华人民共和国行政区划代码》；本目录 regions.json。",
        bad: "实施清单中写 \"region\": \"630122\"（湟中县已于 2019 年撤县设区，现为 630106 湟中区）。",
        fix: "改用 regions.json 中的现行代码，并把文件移到对应的 local/<区划代码>/ 目录。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"region\": \"630100\"",
        to: "\"region\": \"630122\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    if ctx.index.broken(FileKind::Regions) {
        return;
    }
    let c = ctx.catalog;
    let former = |code: &str| {
        c.regions.iter().find_map(|r| {
            r.value
                .former_codes
                .iter()
                .find(|f| f.code == code)
                .map(|f| format!("{code} {} 已变更为 {} {}", f.name, r.value.code, r.value.name))
        })
    };
    let mut check_code = |file, pointer: &str, code: &str| {
        if !ctx.index.regions.contains_key(code) {
            let (message, help) = match former(code) {
                Some(m) => (format!("区划代码 {code} 已撤销：{m}"), "改用现行区划代码".to_string()),
                None => (
                    format!("regions.json 中没有区划代码 {code}"),
                    "改用 regions.json 中的区划代码（GB/T 2260）".to_string(),
                ),
            };
            sink.push(RULE.at(file, pointer).message(message).help(help));
        }
    };
    for l in &c.locals {
        check_code(l.file, "/region", &l.value.region);
    }
    for a in &c.agency_files {
        check_code(a.file, &a.pointer, &a.value);
    }
    for r in &c.regions {
        if let Some(p) = &r.value.parent {
            check_code(r.file, &format!("{}/parent", r.pointer), p);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL, REGIONS};

    #[test]
    fn local_file_in_an_unknown_region() {
        let text = edit(LOCAL, "\"region\": \"630100\"", "\"region\": \"630199\"");
        let out = lint_with(&[
            ("local/630100/630101001000.json", None),
            ("local/630199/630101001000.json", Some(&text)),
        ]);
        assert_eq!(
            hits(&out, "unknown-region"),
            [("local/630199/630101001000.json".to_string(), 3, 13)]
        );
    }

    #[test]
    fn former_code_names_the_current_one() {
        let regions = edit(
            REGIONS,
            "\"name\": \"城东区\", \"level\": \"县级\", \"parent\": \"630100\"",
            "\"name\": \"城东区\", \"level\": \"县级\", \"parent\": \"630100\", \"former_codes\": [{\"code\": \"630122\", \"name\": \"湟中县\"}]",
        );
        let local = edit(LOCAL, "\"region\": \"630100\"", "\"region\": \"630122\"");
        let out = lint_with(&[
            ("regions.json", Some(&regions)),
            ("local/630100/630101001000.json", None),
            ("local/630122/630101001000.json", Some(&local)),
        ]);
        let d = out.diagnostics.iter().find(|d| d.rule == "unknown-region").unwrap();
        assert!(
            d.message.contains("已撤销") && d.message.contains("630102"),
            "{}",
            d.message
        );
    }
}
