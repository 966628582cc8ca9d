//! coverage: every region at a level that handles an item has a local file
//! (an implementation) for it.

use std::collections::{HashMap, HashSet};

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::{FileKind, Level, Region};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "coverage",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "事项的行使层级中有区划没有实施清单",
    doc: super::Doc {
        what: "基本目录事项 levels（行使层级）中列出的每个层级，该层级的每个区划（regions.json）是否都有这个事项的实施清单 local/<区划代码>/<基本编码>.json。缺少的区划按所属市（州）分组列出，报告在事项文件的 levels 上。在事项未列明的层级设立的实施清单由 region-level 报告。",
        why: "行使层级表示这一级的每个区划都办理该事项；某个区划没有实施清单，当地申请人就查不到在哪里办、怎么办，全省“同一事项”就缺了一块。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；{one_thing}第15项（要素信息全省统一）及“应进必进”；本目录格式约定（catalog/README.md：所列层级的每个区划都须有实施清单）。",
        bad: "事项 \"levels\": [\"市级\", \"县级\"]，而县级区划城东区 630102 没有 local/630102/<基本编码>.json（全省每个县级区划都应有）。",
        fix: "为缺少的区划补充实施清单；该层级确实不办理此事项的，经审核修改事项的 levels。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"levels\": [\"市级\"]",
        to: "\"levels\": [\"市级\", \"县级\"]",
    },
    check: Check::Catalog(check),
};

/// Missing regions named in one finding, at most.
const NAMED: usize = 30;

fn check(ctx: &Context, sink: &mut Sink) {
    if ctx.index.broken(FileKind::Regions) {
        return;
    }
    let mut by_level: HashMap<Level, Vec<&Region>> = HashMap::new();
    for r in &ctx.catalog.regions {
        by_level.entry(r.value.level).or_default().push(&r.value);
    }
    for rs in by_level.values_mut() {
        rs.sort_by(|a, b| a.code.cmp(&b.code));
        rs.dedup_by(|a, b| a.code == b.code);
    }
    let have: HashSet<(&str, &str)> = ctx
        .catalog
        .locals
        .iter()
        .map(|l| (l.value.region.as_str(), l.value.item.as_str()))
        .collect();
    for item in &ctx.catalog.items {
        let code = item.value.code.as_str();
        if ctx.index.broken_file(FileKind::Local, code) {
            // A local file of this item did not parse: which region it
            // belongs to is unknown, and its parse finding comes first.
            continue;
        }
        let mut levels = item.value.levels.clone();
        levels.sort();
        levels.dedup();
        let missing: Vec<&Region> = levels
            .iter()
            .filter_map(|lv| by_level.get(lv))
            .flatten()
            .filter(|r| !have.contains(&(r.code.as_str(), code)))
            .copied()
            .collect();
        if missing.is_empty() {
            continue;
        }
        let expected: usize = levels.iter().filter_map(|lv| by_level.get(lv)).map(Vec::len).sum();
        sink.push(
            RULE.at(item.file, &format!("{}/levels", item.pointer))
                .message(format!(
                    "行使层级 {} 共 {} 个区划，其中 {} 个没有本事项的实施清单：{}",
                    levels.iter().map(|l| l.label()).collect::<Vec<_>>().join("、"),
                    expected,
                    missing.len(),
                    grouped(ctx, &missing)
                ))
                .help(format!(
                    "为这些区划补充 local/<区划代码>/{code}.json；该层级确不办理的，经审核修改 levels"
                )),
        );
    }
}

/// "西宁市：城东区 630102、城中区 630103；海东市：…", by parent, at most
/// [`NAMED`] regions named.
fn grouped(ctx: &Context, missing: &[&Region]) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for r in missing.iter().take(NAMED) {
        let parent = match r.parent.as_deref() {
            Some(p) => ctx.index.regions.get(p).map_or(p.to_string(), |x| x.value.name.clone()),
            None => String::new(),
        };
        let entry = format!("{} {}", r.name, r.code);
        match groups.iter_mut().find(|(p, _)| *p == parent) {
            Some((_, list)) => list.push(entry),
            None => groups.push((parent, vec![entry])),
        }
    }
    let mut s = groups
        .into_iter()
        .map(|(p, list)| {
            if p.is_empty() {
                list.join("、")
            } else {
                format!("{p}：{}", list.join("、"))
            }
        })
        .collect::<Vec<_>>()
        .join("；");
    if missing.len() > NAMED {
        s.push_str(&format!("；等共 {} 个", missing.len()));
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, REGIONS};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "coverage").is_empty());
    }

    #[test]
    fn missing_regions_are_named_grouped_by_parent() {
        let item = edit(ITEM, "\"levels\": [\"市级\"]", "\"levels\": [\"市级\", \"县级\"]");
        let regions = edit(
            REGIONS,
            "\"parent\": \"630100\"}\n",
            "\"parent\": \"630100\"},\n    {\"code\": \"630200\", \"name\": \"海东市\", \"level\": \"市级\", \"parent\": \"630000\"},\n    {\"code\": \"630202\", \"name\": \"乐都区\", \"level\": \"县级\", \"parent\": \"630200\"}\n",
        );
        let out = lint_with(&[(I, Some(&item)), ("regions.json", Some(&regions))]);
        assert_eq!(hits(&out, "coverage"), [(I.to_string(), 6, 13)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "coverage").unwrap();
        assert_eq!(
            &*d.message,
            "行使层级 市级、县级 共 4 个区划，其中 3 个没有本事项的实施清单：青海省：海东市 630200；西宁市：城东区 630102；海东市：乐都区 630202"
        );
    }

    #[test]
    fn a_local_file_that_failed_to_parse_silences_the_item() {
        let item = edit(ITEM, "\"levels\": [\"市级\"]", "\"levels\": [\"市级\", \"县级\"]");
        let out = lint_with(&[(I, Some(&item)), ("local/630102/630101001000.json", Some("{"))]);
        assert!(hits(&out, "coverage").is_empty());
    }
}
