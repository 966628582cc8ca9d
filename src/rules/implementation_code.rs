//! implementation-code: the 31-character 实施编码 of a local file.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::Level;
use crate::codes::credit_code_problem;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "implementation-code",
    category: Category::Code,
    severity: Severity::Error,
    summary: "实施编码结构错误，或与实施主体、层级、基本编码不一致",
    doc: super::Doc {
        what: "实施编码为 31 位 = 实施主体的统一社会信用代码 18 位（含 GB 32100 校验码）+ 行使层级 1 位（1 国家级 … 4 县级 … 6 村级）+ 基本编码 12 位；并核对三段分别与实施主体登记的信用代码、实施主体层级和本清单的基本编码一致。",
        why: "实施编码是办件编号的前缀，申请人和监管据此追溯到具体机关和具体事项；任何一段错误都会让办件归错机关或归错事项。",
        basis: "全国一体化政务服务平台实施清单编码规则；GB 32100-2015《法人和其他组织统一社会信用代码编码规则》。",
        bad: "\"implementation_code\": \"11630100MB1234567J2630101001000\"（第 19 位 2 为省级，而实施主体 630100-01 是市级机关）。",
        fix: "按“信用代码 + 层级 + 基本编码”重新拼写；实施主体的信用代码未公开时不填实施编码。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"agency\": \"630100-01\",",
        to: "\"agency\": \"630100-01\",\n  \"implementation_code\": \"11630100MB1234567J2630101001000\",",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    handling_codes(ctx, sink);
    for l in &ctx.catalog.locals {
        let v = &l.value;
        let Some(code) = &v.implementation_code else { continue };
        let chars: Vec<char> = code.chars().collect();
        let mut problems = Vec::new();
        if chars.len() != 31 {
            problems.push(format!("应为 31 位，实为 {} 位", chars.len()));
        } else {
            let credit: String = chars[..18].iter().collect();
            let level = chars[18];
            let base: String = chars[19..].iter().collect();
            if let Some(p) = credit_code_problem(&credit) {
                problems.push(format!("前 18 位信用代码有误：{p}"));
            }
            match Level::from_digit(level) {
                None => problems.push(format!("第 19 位行使层级“{level}”应为 1–6")),
                Some(lv) => {
                    if let Some(a) = ctx.index.agencies.get(v.agency.as_str()) {
                        if lv != a.value.level {
                            problems.push(format!(
                                "第 19 位层级 {level}（{}）与实施主体层级“{}”不符",
                                lv.label(),
                                a.value.level.label()
                            ));
                        }
                    }
                }
            }
            if base != v.item {
                problems.push(format!("后 12 位 {base} 与本清单的基本编码 {} 不符", v.item));
            }
            if let Some(a) = ctx.index.agencies.get(v.agency.as_str()) {
                match &a.value.credit_code {
                    Some(cc) if *cc != credit => {
                        problems.push(format!("前 18 位 {credit} 与实施主体登记的信用代码 {cc} 不符"))
                    }
                    _ => {}
                }
            }
        }
        for p in problems {
            sink.push(
                RULE.at(l.file, "/implementation_code")
                    .message(format!("实施编码 {code} 有误：{p}"))
                    .help("实施编码 = 实施主体统一社会信用代码 18 位 + 行使层级 1 位 + 基本编码 12 位"),
            );
        }
    }
}

/// 业务办理项: each code once per local file (the 33-character code is
/// the 实施编码 followed by it; the two digits are the schema's).
fn handling_codes(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let items = &l.value.handling_items;
        for (i, h) in items.iter().enumerate() {
            if let Some(j) = items[..i].iter().position(|x| x.code == h.code) {
                sink.push(
                    RULE.at(l.file, &format!("/handling_items/{i}/code"))
                        .message(format!(
                            "业务办理项代码 {} 与第 {} 个办理项重复：33 位业务办理项编码将相同",
                            h.code,
                            j + 1
                        ))
                        .help("每个业务办理项用不同的 2 位代码"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    fn with_code(code: &str) -> crate::lint::Outcome {
        let text = edit(
            LOCAL,
            "\"agency\": \"630100-01\",",
            &format!("\"agency\": \"630100-01\",\n  \"implementation_code\": \"{code}\","),
        );
        lint_with(&[("local/630100/630101001000.json", Some(&text))])
    }

    #[test]
    fn a_well_formed_code_passes() {
        let out = with_code("91350100M000100Y433630101001000");
        assert_eq!(hits(&out, "implementation-code"), []);
    }

    #[test]
    fn each_wrong_part_is_named() {
        // Bad check digit, level 2 (省级) for a 市级 agency, other item.
        let out = with_code("91350100M000100Y442630101002000");
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "implementation-code")
            .map(|d| &*d.message)
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(
            hits(&out, "implementation-code")[0],
            ("local/630100/630101001000.json".to_string(), 5, 26)
        );
    }

    #[test]
    fn a_handling_item_code_used_twice_is_reported() {
        let items = r#""handling_items": [{"code": "01", "name": "新设"}, {"code": "01", "name": "变更"}],"#;
        let text = edit(
            LOCAL,
            "\"agency\": \"630100-01\",",
            &format!("\"agency\": \"630100-01\",\n  {items}"),
        );
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.rule == "implementation-code" && d.message.contains("业务办理项代码 01")),
            "{:?}",
            out.diagnostics
        );
    }

    #[test]
    fn wrong_length() {
        let out = with_code("91350100M000100Y43");
        assert!(out.diagnostics.iter().any(|d| d.message.contains("应为 31 位")));
    }
}
