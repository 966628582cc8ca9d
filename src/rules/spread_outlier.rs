//! spread-outlier: a region does an item worse than most regions do it
//! (longer promised deadline, more visits, shallower online handling, not
//! in the service centre).

use super::{Category, Check, Context, Edit, Example, Rule};
use crate::analysis::{locals_by_item, Aspect, Spread};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "spread-outlier",
    category: Category::Policy,
    severity: Severity::Warning,
    summary: "同一事项在本区划的办理标准劣于全省多数区划",
    doc: super::Doc {
        what: "同一基本编码在各实施区划之间允许不同、但应当比较的要素：承诺办结时限（只在单位相同时比较）、到办事现场次数、网上办理深度（Ⅰ级<Ⅱ级<Ⅲ级<Ⅳ级，不能网办最低）、是否进驻政务服务中心。对每个事项取各区划最常见的取值（众数）作为全省多数做法；某区划劣于多数做法时报告警告，并给出取值分布、全省最优取值和做到最优的区划（最多列 5 个）。实施区划少于 3 个、或两个取值并列最多（没有多数）时不报告，以免噪声；优于多数的区划不报告。",
        why: "同一事项在一地 5 个工作日办结，在另一地要 15 个工作日，申请人面对的就不是同一个标准。承诺时限、跑动次数和网办深度虽由各地承诺，但明显落后于全省多数做法的，应当向多数和最优看齐。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”；压缩办理时限、精减办事环节）；{one_thing}第15项（受理条件、服务对象、办理流程、申请材料、法定办结时限、办理结果等要素信息全省统一）及“网上办理为主”“应进必进”；《优化营商环境条例》（无差别受理、同标准办理）。",
        bad: "三个区划实施同一事项，630100 与 \"region\": \"630103\" 都承诺 10 个工作日办结，\"region\": \"630102\" 却承诺 \"promised_deadline\": {\"value\": 15, \"unit\": \"工作日\"}。",
        fix: "把本区划的取值修改为不劣于全省多数区划的取值（最好参照全省最优取值），如承诺时限压缩到 5 个工作日、到现场次数减到 0 次、网办深度提升到Ⅳ级、进驻政务服务中心；运行 tongbiao uniformity 查看各区划取值对照。",
    },
    example: Example::Copies {
        copies: &[
            ("local/630100/630101001000.json", "local/630102/630101001000.json"),
            ("local/630100/630101001000.json", "local/630103/630101001000.json"),
        ],
        edits: &[
            Edit {
                file: "local/630102/630101001000.json",
                from: "\"region\": \"630100\"",
                to: "\"region\": \"630102\"",
            },
            Edit {
                file: "local/630102/630101001000.json",
                from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
                to: "\"promised_deadline\": {\"value\": 15, \"unit\": \"工作日\"}",
            },
            Edit {
                file: "local/630103/630101001000.json",
                from: "\"region\": \"630100\"",
                to: "\"region\": \"630103\"",
            },
        ],
    },
    check: Check::Catalog(check),
};

/// How many regions doing best are named in a finding.
const NAMED: usize = 5;

fn check(ctx: &Context, sink: &mut Sink) {
    fn name<'a>(ctx: &'a Context, code: &'a str) -> &'a str {
        ctx.index.regions.get(code).map_or(code, |r| r.value.name.as_str())
    }
    for (_, group) in locals_by_item(ctx.catalog) {
        for aspect in Aspect::ALL {
            let s = Spread::new(aspect, &group);
            let Some((mode, n)) = s.mode.as_ref() else { continue };
            let dist = s
                .distribution()
                .iter()
                .map(|(v, k)| format!("{} ×{k}", v.show()))
                .collect::<Vec<_>>()
                .join("、");
            for (l, v) in s.outliers() {
                let best = match &s.best {
                    Some(b) if b != mode => {
                        let regions = s.regions_with(b);
                        let mut names: Vec<&str> = regions.iter().take(NAMED).map(|c| name(ctx, c)).collect();
                        if regions.len() > NAMED {
                            names.push("等");
                        }
                        format!(
                            "全省最优 {}（{}{}）",
                            b.show(),
                            names.join("、").replace("、等", "等"),
                            if regions.len() > NAMED {
                                format!(" {} 个区划", regions.len())
                            } else {
                                String::new()
                            }
                        )
                    }
                    _ => "多数区划的取值即全省最优".to_string(),
                };
                sink.push(
                    RULE.at(l.file, aspect.pointer_in(&l.value))
                        .message(format!(
                            "{}为 {}，劣于全省多数区划：{}/{} 个区划为 {}；{}；取值分布 {}",
                            aspect.label(),
                            v.show(),
                            n,
                            s.values.len(),
                            mode.show(),
                            best,
                            dist
                        ))
                        .help(format!(
                            "修改为不劣于多数区划的 {}，参照全省最优取值；运行 tongbiao uniformity 查看各区划对照",
                            mode.show()
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100, ITEM, LOCAL, REGIONS};

    /// The base catalog with the item implemented at county level by
    /// five more regions of 西宁市, each with `(promised, visits, depth)`.
    fn five_counties(values: &[(u32, u32, &str); 5]) -> Vec<(String, String)> {
        let codes = ["630102", "630103", "630104", "630105", "630106"];
        let names = ["城东区", "城中区", "城西区", "城北区", "湟中区"];
        let mut regions = String::from(REGIONS);
        let extra: Vec<String> = codes[1..]
            .iter()
            .zip(&names[1..])
            .map(|(c, n)| {
                format!("    {{\"code\": \"{c}\", \"name\": \"{n}\", \"level\": \"县级\", \"parent\": \"630100\"}}")
            })
            .collect();
        regions = edit(
            &regions,
            "\"parent\": \"630100\"}\n",
            &format!("\"parent\": \"630100\"}},\n{}\n", extra.join(",\n")),
        );
        let item = edit(ITEM, "\"levels\": [\"市级\"]", "\"levels\": [\"市级\", \"县级\"]");
        let mut files = vec![
            ("regions.json".to_string(), regions),
            ("items/630101001000.json".to_string(), item),
        ];
        for (i, c) in codes.iter().enumerate() {
            let (p, v, d) = values[i];
            let agencies = edit(AGENCIES_630100, "630100", c);
            let agencies = edit(&agencies, "630100-01", &format!("{c}-01"));
            let agencies = edit(&agencies, "\"市级\"", "\"县级\"");
            let local = edit(LOCAL, "\"region\": \"630100\"", &format!("\"region\": \"{c}\""));
            let local = edit(&local, "630100-01", &format!("{c}-01"));
            let local = edit(
                &local,
                "{\"value\": 10, \"unit\": \"工作日\"}",
                &format!("{{\"value\": {p}, \"unit\": \"工作日\"}}"),
            );
            let local = if v > 0 {
                edit(
                    &local,
                    "\"visits\": 0,",
                    &format!("\"visits\": {v}, \"visit_reason\": \"须核验原件\","),
                )
            } else {
                local
            };
            let local = edit(&local, "\"Ⅳ级\"", &format!("\"{d}\""));
            files.push((format!("agencies/{c}.json"), agencies));
            files.push((format!("local/{c}/630101001000.json"), local));
        }
        files
    }

    fn run(values: &[(u32, u32, &str); 5]) -> crate::lint::Outcome {
        let files = five_counties(values);
        let changes: Vec<(&str, Option<&str>)> = files.iter().map(|(p, t)| (p.as_str(), Some(t.as_str()))).collect();
        lint_with(&changes)
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "spread-outlier").is_empty());
    }

    #[test]
    fn worse_than_the_majority_is_reported_with_the_best() {
        // 630100 promises 10; four counties 5, 5, 5, 3; one 15 with 2 visits.
        let out = run(&[
            (5, 0, "Ⅳ级"),
            (5, 0, "Ⅳ级"),
            (5, 0, "Ⅳ级"),
            (3, 0, "Ⅳ级"),
            (15, 1, "Ⅲ级"),
        ]);
        let found = hits(&out, "spread-outlier");
        assert_eq!(
            found,
            [
                ("local/630100/630101001000.json".to_string(), 5, 24),
                ("local/630106/630101001000.json".to_string(), 5, 24),
                ("local/630106/630101001000.json".to_string(), 6, 13),
                ("local/630106/630101001000.json".to_string(), 7, 23),
            ]
        );
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "spread-outlier")
            .map(|d| &*d.message)
            .collect();
        assert_eq!(
            msgs[1],
            "承诺办结时限为 15 个工作日，劣于全省多数区划：3/6 个区划为 5 个工作日；全省最优 3 个工作日（城北区）；取值分布 3 个工作日 ×1、5 个工作日 ×3、10 个工作日 ×1、15 个工作日 ×1"
        );
        assert!(
            msgs[2].contains("到办事现场次数为 1 次，劣于全省多数区划：5/6 个区划为 0 次"),
            "{}",
            msgs[2]
        );
        assert!(out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "spread-outlier")
            .all(|d| d.severity == Severity::Warning));
    }

    #[test]
    fn no_majority_no_finding() {
        // 10 (630100), 5, 5, 15, 15, 20: 5 and 15 tie.
        let out = run(&[
            (5, 0, "Ⅳ级"),
            (5, 0, "Ⅳ级"),
            (15, 0, "Ⅳ级"),
            (15, 0, "Ⅳ级"),
            (20, 0, "Ⅳ级"),
        ]);
        assert!(hits(&out, "spread-outlier").is_empty());
    }
}
