//! material-near-duplicate: the material registry holds the same material
//! twice under slightly different names (营业执照副本复印件 vs
//! 营业执照（副本）复印件).

use std::collections::HashMap;

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};
use crate::text::names::{name_key, same_numbers, similarity};

pub(crate) const RULE: Rule = Rule {
    id: "material-near-duplicate",
    category: Category::Reference,
    severity: Severity::Warning,
    summary: "材料库中有名称近似重复的材料",
    doc: super::Doc {
        what: "材料库（materials.json）中两种材料的名称是否实为同一材料。名称先归一化（全角转半角、去除空格和零宽字符、繁体转简体、去除括号顿号等标点，rules/rules.json 的 synonyms 中同一组的写法视为相同，如“复印件”与“影印件”）后比较：归一化后相同的，报告为重复；不同的，再计算字符级编辑距离相似度（1 − 编辑距离 ÷ 较长名称的字数），达到阈值（rules/rules.json 的 thresholds.name_similarity，默认 0.92）、且名称中的数字相同的，报告为近似重复（数字不同的如“一寸照片”与“二寸照片”是不同材料）。报告在后出现的材料的 name 上，并指出与之近似的材料。",
        why: "材料库让同一种材料在全省各事项中只有一个名称；同一材料登记两次，各事项就会引用不同的名称，申请人看到的是两种材料，一件事的“一套材料”也无法去重。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”；精减审批材料）；{one_thing}第15项（申请材料等要素信息全省统一）及“一套材料”；国发〔2016〕55号（不得要求重复提交）。",
        bad: "{\"id\": \"license_copy\", \"name\": \"营业执照副本复印件\", \"kind\": \"证件证书证明\", \"source\": \"申请人自备\"}, {\"id\": \"license_copy2\", \"name\": \"营业执照（副本）复印件\", \"kind\": \"证件证书证明\", \"source\": \"申请人自备\"}（两个名称归一化后相同）。",
        fix: "确为同一材料的，保留一个材料标识，删除另一个，并把引用被删标识的事项和一件事改为引用保留的标识；确为不同材料的（如“检测报告”与“预测报告”），修改名称使区别明确，或在 rules/rules.json 中调整阈值。",
    },
    example: Example::Edit {
        file: "materials.json",
        from: "\"source\": \"申请人自备\"}",
        to: "\"source\": \"申请人自备\"}, {\"id\": \"license_copy\", \"name\": \"营业执照副本复印件\", \"kind\": \"证件证书证明\", \"source\": \"申请人自备\"}, {\"id\": \"license_copy2\", \"name\": \"营业执照（副本）复印件\", \"kind\": \"证件证书证明\", \"source\": \"申请人自备\"}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let threshold = ctx.config.thresholds.name_similarity;
    let mats = &ctx.catalog.materials;
    // Bucket by key first: equal keys are duplicates outright, and each
    // distinct key is compared with the others only once.
    let mut first_of: HashMap<String, usize> = HashMap::with_capacity(mats.len());
    let mut distinct: Vec<(String, usize)> = Vec::new();
    for (i, m) in mats.iter().enumerate() {
        let key = name_key(&m.value.name, &ctx.config.synonyms);
        if key.is_empty() {
            continue;
        }
        match first_of.get(&key) {
            Some(&j) => {
                let first = &mats[j].value;
                sink.push(
                    RULE.at(m.file, &format!("{}/name", m.pointer))
                        .message(format!(
                            "材料“{}”（{}）与材料“{}”（{}）归一化后名称相同，应为同一材料",
                            m.value.name, m.value.id, first.name, first.id
                        ))
                        .help(format!(
                            "保留 {}，删除 {}，并把引用 {} 的事项和一件事改为引用 {}",
                            first.id, m.value.id, m.value.id, first.id
                        )),
                );
            }
            None => {
                first_of.insert(key.clone(), i);
                distinct.push((key, i));
            }
        }
    }
    // O(n²) over distinct names: the registry holds hundreds of materials
    // (about 100 in the shipped catalog), so this is a few thousand cheap
    // comparisons. A length filter skips pairs that cannot reach the
    // threshold: similarity ≤ shorter ÷ longer.
    let lens: Vec<usize> = distinct.iter().map(|(k, _)| k.chars().count()).collect();
    for b in 0..distinct.len() {
        for a in 0..b {
            let (short, long) = (lens[a].min(lens[b]), lens[a].max(lens[b]));
            if (short as f64) < threshold * long as f64 {
                continue;
            }
            let sim = similarity(&distinct[a].0, &distinct[b].0);
            if sim < threshold || !same_numbers(&distinct[a].0, &distinct[b].0) {
                continue;
            }
            let (first, m) = (&mats[distinct[a].1], &mats[distinct[b].1]);
            sink.push(
                RULE.at(m.file, &format!("{}/name", m.pointer))
                    .message(format!(
                        "材料“{}”（{}）与材料“{}”（{}）名称近似（相似度 {:.2}，阈值 {:.2}），可能是同一材料",
                        m.value.name, m.value.id, first.value.name, first.value.id, sim, threshold
                    ))
                    .help(format!(
                        "确为同一材料的，保留 {} 并删除 {}（同步修改引用）；确为不同材料的，修改名称使区别明确",
                        first.value.id, m.value.id
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, MATERIALS};
    use crate::text::names::{name_key, plain_key, similarity};

    const M: &str = "materials.json";

    fn with(extra: &[(&str, &str)]) -> String {
        let rows: Vec<String> = extra
            .iter()
            .map(|(id, name)| {
                format!("    {{\"id\": \"{id}\", \"name\": \"{name}\", \"kind\": \"证件证书证明\", \"source\": \"申请人自备\"}}")
            })
            .collect();
        edit(
            MATERIALS,
            "\"source\": \"申请人自备\"}\n",
            &format!("\"source\": \"申请人自备\"}},\n{}\n", rows.join(",\n")),
        )
    }

    #[test]
    fn keys_ignore_width_spaces_punctuation_and_traditional() {
        assert_eq!(plain_key("营业执照（副本）复印件"), "营业执照副本复印件");
        assert_eq!(plain_key("營業執照 (副本)\u{200b}複印件"), "营业执照副本复印件");
        assert!((similarity("排水水质水量检测报告", "排水水质水量预测报告") - 0.9).abs() < 1e-9);
    }

    #[test]
    fn synonyms_compare_equal_and_are_taken_longest_first() {
        let c = Config::defaults();
        assert_eq!(
            name_key("营业执照影印件", &c.synonyms),
            name_key("营业执照复印件", &c.synonyms)
        );
        assert_eq!(
            name_key("受托人身份证", &c.synonyms),
            name_key("受托人居民身份证", &c.synonyms)
        );
        assert_ne!(name_key("居民身份证", &c.synonyms), name_key("居民户口簿", &c.synonyms));
    }

    #[test]
    fn bad_synonym_groups_are_config_errors() {
        let l = crate::config::load_texts(&[(
            crate::config::ConfigFile::Rules,
            "{\n  \"synonyms\": [[\"复印件\"], [\"影 印件\", \"复制件\", \"复印件\"]]\n}\n",
        )]);
        let Err(invalid) = l.config else {
            panic!("config must fail")
        };
        let errs = crate::rules::config_findings(&invalid);
        let at: Vec<&str> = errs.iter().map(|d| d.pointer()).collect();
        assert_eq!(at, ["/synonyms/0", "/synonyms/1/0", "/synonyms/1/2"]);
        assert!(errs.iter().all(|d| d.rule == "config-invalid"));
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "material-near-duplicate").is_empty());
    }

    #[test]
    fn same_after_normalising() {
        let text = with(&[
            ("license_copy", "营业执照副本复印件"),
            ("license_copy2", "營業執照（副本）复印件"),
        ]);
        let out = lint_with(&[(M, Some(&text))]);
        assert_eq!(hits(&out, "material-near-duplicate"), [(M.to_string(), 6, 37)]);
        let d = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "material-near-duplicate")
            .unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("license_copy）"), "{}", d.message);
    }

    #[test]
    fn similar_names() {
        let text = with(&[
            ("a", "中华人民共和国居民身份证复印件"),
            ("b", "中华人民共和国居民身份证影印件"),
            ("c", "营业执照正本"),
            ("d", "营业执照副本"),
            ("e", "排水水质、水量检测报告"),
            ("f", "排水水质、水量预测报告"),
            ("g", "近6个月内1寸白底免冠正面半身照片"),
            ("h", "近6个月内2寸白底免冠正面半身照片"),
        ]);
        let out = lint_with(&[(M, Some(&text))]);
        // 14 of 15 characters agree (0.93); 正本/副本 (0.83) and 检测/预测
        // (0.90, below the default 0.92) are real differences, and so are
        // names that differ in a number (1寸/2寸, 0.94).
        assert_eq!(hits(&out, "material-near-duplicate"), [(M.to_string(), 6, 25)]);
    }
}
