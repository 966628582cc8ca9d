//! duplicate-item: the same item twice in the base catalog under different
//! codes.

use std::collections::{BTreeSet, HashMap};

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::catalog::{At, Item};
use crate::diag::{Severity, Sink};
use crate::text::names::{name_key, plain_key, same_numbers, similarity};
use crate::text::normalize::normalize;

pub(crate) const RULE: Rule = Rule {
    id: "duplicate-item",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "同一事项以不同基本编码登记了两次",
    doc: super::Doc {
        what: "基本目录中两个编码不同的事项是否实为同一事项：
- 事项名称归一化（全角转半角、去除空格和零宽字符、繁体转简体、去除标点，rules/rules.json 的 synonyms 中同一组的写法视为相同）后相同；或
- 属于不同主项（基本编码前 9 位不同），设定依据完全相同（同一组文件和条款），名称中的数字相同，且名称相似度达到阈值（rules/rules.json 的 thresholds.name_similarity，默认 0.92）。同一主项下的子项（如“设立”“变更”）依据相同、名称相近是正常的；名称只差数字的（如“一级”“二级”）是不同事项。
报告在基本编码较后的事项的 name 上，并指出与之重复的事项。编码相同的重复定义由 duplicate-id 报告。",
        why: "同一事项有两个基本编码，各地就可能分别实施两套标准，申请人在不同地方按不同的条件和材料办理同一件事，统计和考核也会分裂。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；{one_thing}第15项（要素信息全省统一）；《优化营商环境条例》（无差别受理、同标准办理）。",
        bad: "items/630101001000.json 中 \"name\": \"公司设立登记\"，items/630101002000.json 中 \"code\": \"630101002000\", \"name\": \"公司设立登记 \"（名称只多了一个空格）。",
        fix: "保留一个基本编码，删除另一个事项，并把它的实施清单和一件事成员改为引用保留的编码；确为不同事项的，修改名称使区别明确（如写明子项“设立”“变更”）。",
    },
    example: Example::Copies {
        copies: &[
            ("items/630101001000.json", "items/630101002000.json"),
        ],
        edits: &[
            Edit {
                file: "items/630101002000.json",
                from: "\"code\": \"630101001000\"",
                to: "\"code\": \"630101002000\"",
            },
            Edit {
                file: "items/630101002000.json",
                from: "\"name\": \"测试许可事项\"",
                to: "\"name\": \"公司设立登记 \"",
            },
            Edit {
                file: "items/630101001000.json",
                from: "\"name\": \"测试许可事项\"",
                to: "\"name\": \"公司设立登记\"",
            },
        ],
    },
    check: Check::Catalog(check),
};

/// The legal basis as a set of (document, article), normalised.
fn basis_set(item: &Item) -> BTreeSet<(String, String)> {
    item.legal_basis
        .iter()
        .map(|b| {
            (
                plain_key(&b.document),
                b.article.as_deref().map(|a| normalize(a).text).unwrap_or_default(),
            )
        })
        .collect()
}

fn check(ctx: &Context, sink: &mut Sink) {
    let mut items: Vec<&At<Box<Item>>> = ctx.catalog.items.iter().collect();
    items.sort_by(|a, b| a.value.code.cmp(&b.value.code));
    let keys: Vec<String> = items
        .iter()
        .map(|i| name_key(&i.value.name, &ctx.config.synonyms))
        .collect();
    let mut reported = vec![false; items.len()];

    // Same normalised name: bucket once.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (j, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        match first.get(key.as_str()) {
            Some(&i) if items[i].value.code != items[j].value.code => {
                reported[j] = true;
                push(sink, items[j], items[i], "名称相同".into());
            }
            Some(_) => {}
            None => {
                first.insert(key, j);
            }
        }
    }

    // Same legal basis and a similar name: compare within each basis set
    // only (items sharing one exact basis set are few).
    let threshold = ctx.config.thresholds.name_similarity;
    let mut by_basis: HashMap<BTreeSet<(String, String)>, Vec<usize>> = HashMap::new();
    for (j, it) in items.iter().enumerate() {
        let set = basis_set(&it.value);
        if !set.is_empty() {
            by_basis.entry(set).or_default().push(j);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_basis.into_values().collect();
    groups.sort();
    for g in groups {
        for (n, &j) in g.iter().enumerate() {
            if reported[j] {
                continue;
            }
            let (a, b) = (&items[j].value.code, &keys[j]);
            let hit = g[..n].iter().find_map(|&i| {
                let other = &items[i].value.code;
                // Sub-items of one main item share a basis by design.
                if other.get(..9) == a.get(..9) || !same_numbers(&keys[i], b) {
                    return None;
                }
                let s = similarity(&keys[i], b);
                (s >= threshold).then_some((i, s))
            });
            if let Some((i, s)) = hit {
                reported[j] = true;
                push(
                    sink,
                    items[j],
                    items[i],
                    format!("设定依据相同、名称相似（相似度 {s:.2}，阈值 {threshold:.2}）"),
                );
            }
        }
    }
}

fn push(sink: &mut Sink, dup: &At<Box<Item>>, first: &At<Box<Item>>, why: String) {
    sink.push(
        RULE.at(dup.file, &format!("{}/name", dup.pointer))
            .message(format!(
                "事项 {}“{}”与事项 {}“{}”{}，应为同一事项",
                dup.value.code, dup.value.name, first.value.code, first.value.name, why
            ))
            .help(format!(
                "保留 {}，删除 {} 并把其实施清单和一件事成员改为引用 {}；确为不同事项的，修改名称使区别明确",
                first.value.code, dup.value.code, first.value.code
            )),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I2: &str = "items/630101002000.json";

    fn second(name: &str, basis: Option<&str>) -> String {
        let t = edit(ITEM, "\"code\": \"630101001000\"", "\"code\": \"630101002000\"");
        let t = edit(&t, "\"name\": \"测试许可事项\"", &format!("\"name\": \"{name}\""));
        match basis {
            Some(b) => edit(&t, "\"article\": \"第四十二条\"", &format!("\"article\": \"{b}\"")),
            None => t,
        }
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "duplicate-item").is_empty());
    }

    #[test]
    fn same_name_after_normalising() {
        let out = lint_with(&[(I2, Some(&second("测试许可事项（ ）", Some("第一条"))))]);
        assert_eq!(hits(&out, "duplicate-item"), [(I2.to_string(), 3, 11)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "duplicate-item").unwrap();
        assert!(d.message.contains("630101001000"), "{}", d.message);
    }

    #[test]
    fn same_basis_and_similar_name() {
        // 测试许可事项变更 vs 测试许可事项: 6/8 = 0.75, not similar.
        let out = lint_with(&[(I2, Some(&second("测试许可事项变更", None)))]);
        assert!(hits(&out, "duplicate-item").is_empty());
        let out = lint_with(&[(I2, Some(&second("关于测试许可事项的一项审批", None)))]);
        assert!(hits(&out, "duplicate-item").is_empty());
        // One character in fourteen differs, same basis: 0.93.
        let base = edit(
            ITEM,
            "\"name\": \"测试许可事项\"",
            "\"name\": \"关于测试用的许可审批事项办理\"",
        );
        let out = lint_with(&[
            ("items/630101001000.json", Some(&base)),
            (I2, Some(&second("关于测试用的许可审查事项办理", None))),
        ]);
        assert_eq!(hits(&out, "duplicate-item"), [(I2.to_string(), 3, 11)]);
        // A sub-item of the same main item (630101001…): not reported.
        let sub = edit(
            &second("关于测试用的许可审查事项办理", None),
            "630101002000",
            "630101001001",
        );
        let out = lint_with(&[
            ("items/630101001000.json", Some(&base)),
            ("items/630101001001.json", Some(&sub)),
        ]);
        assert!(hits(&out, "duplicate-item").is_empty());
        // Names that differ in a number: not reported.
        let one = edit(
            ITEM,
            "\"name\": \"测试许可事项\"",
            "\"name\": \"关于测试用的许可审批事项一级\"",
        );
        let out = lint_with(&[
            ("items/630101001000.json", Some(&one)),
            (I2, Some(&second("关于测试用的许可审批事项二级", None))),
        ]);
        assert!(hits(&out, "duplicate-item").is_empty());
        // Different basis: not reported.
        let out = lint_with(&[
            ("items/630101001000.json", Some(&base)),
            (I2, Some(&second("关于测试用的许可审查事项办理", Some("第一条")))),
        ]);
        assert!(hits(&out, "duplicate-item").is_empty());
    }
}
