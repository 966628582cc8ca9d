//! base-code: the structure of a 12-digit 基本编码.

use super::{Category, Check, Context, Example, Rule};
use crate::codes::split_base_code;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "base-code",
    category: Category::Code,
    severity: Severity::Error,
    summary: "基本编码结构错误（省份位、事项类型位或部门位不符）",
    doc: super::Doc {
        what: "基本编码为 12 位数字：第 1–2 位为 00（国家基本目录事项）或本省代码 63（本省自设事项）；第 3–4 位等于事项类型在 catalog.json 代码表中的代码；本省自设事项的第 5–6 位等于其主管部门代码。",
        why: "基本编码是同一事项在全省乃至全国的唯一标识，各地实施清单、办件编号都由它派生；编码与类型、部门不符，统计和比对都会归错类。",
        basis: "全国一体化政务服务平台政务服务事项基本目录编码规则（基本编码 = 省份 2 位 + 类型 2 位 + 部门 2 位 + 主项 3 位 + 子项 3 位）；本目录 catalog.json、departments.json。",
        bad: "基本编码为 630101001000 的事项写 \"item_type\": \"公共服务\"（第 3–4 位 01 是行政许可的代码，公共服务应为 20）。",
        fix: "按事项类型和主管部门重新编码（并重命名文件、同步修改实施清单和一件事中的引用）。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"item_type\": \"行政许可\"",
        to: "\"item_type\": \"公共服务\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let Some(meta) = &ctx.catalog.meta else { return };
    let province = meta.value.province.get(0..2).unwrap_or("63");
    for it in &ctx.catalog.items {
        let v = &it.value;
        let Some(code) = split_base_code(&v.code) else {
            continue; // the schema pattern already reports it
        };
        let mut problems = Vec::new();
        if code.area != "00" && code.area != province {
            problems.push(format!(
                "第 1–2 位“{}”应为 00（国家基本目录）或 {province}（本省自设）",
                code.area
            ));
        }
        if let Some(t) = ctx.index.item_types.get(v.item_type.as_str()) {
            if t.code != code.item_type {
                problems.push(format!(
                    "第 3–4 位“{}”与事项类型“{}”的代码 {} 不符",
                    code.item_type, v.item_type, t.code
                ));
            }
        }
        if code.area == province && code.department != v.department {
            problems.push(format!(
                "第 5–6 位“{}”与主管部门代码 {} 不符",
                code.department, v.department
            ));
        }
        for p in problems {
            sink.push(
                RULE.at(it.file, "/code")
                    .message(format!("基本编码 {} 结构错误：{p}", v.code))
                    .help("按 省份 2 位 + 事项类型 2 位 + 部门 2 位 + 主项 3 位 + 子项 3 位 重新编码"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    #[test]
    fn type_digits_must_match_the_item_type() {
        let text = edit(ITEM, "\"item_type\": \"行政许可\"", "\"item_type\": \"公共服务\"");
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "base-code"),
            [("items/630101001000.json".to_string(), 2, 11)]
        );
        assert!(out.diagnostics.iter().any(|d| d.message.contains("第 3–4 位")));
    }

    #[test]
    fn area_must_be_00_or_the_province() {
        let text = ITEM.replace("630101001000", "440101001000");
        let out = lint_with(&[
            ("items/630101001000.json", None),
            ("items/440101001000.json", Some(&text)),
        ]);
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "base-code")
            .map(|d| &*d.message)
            .collect();
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(msgs[0].contains("第 1–2 位"));
    }
}
