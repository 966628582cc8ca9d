//! region-level: levels of regions, agencies and implementations agree.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::Level;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "region-level",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "区划、实施主体和实施清单的层级不一致",
    doc: super::Doc {
        what: "- 区划表：省级区划没有上级；市级区划的上级是省级；县级区划的上级是市级；
- 实施主体的层级等于其所在区划的层级；
- 实施清单所在区划的层级，是该事项 levels 中列明的行使层级。",
        why: "行使层级决定哪一级机关有权受理；在不行使该事项的层级设立实施清单，申请人会被引导到无权办理的机关。",
        basis: "全国一体化政务服务平台行使层级代码（1 国家级 · 2 省级 · 3 市级 · 4 县级 · 5 乡镇级 · 6 村级）；GB/T 2260 行政区划层级。",
        bad: "事项写 \"levels\": [\"省级\"]，却有 local/630100/ 下的市级实施清单。",
        fix: "删除不应存在的实施清单，或经审核在基本目录事项的 levels 中增加该层级；修正实施主体或区划的 level。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"levels\": [\"市级\"]",
        to: "\"levels\": [\"省级\"]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    check_region_parents(ctx, sink);
    check_agency_levels(ctx, sink);
    check_implementation_levels(ctx, sink);
}

/// The level a region's parent must have; `None` for a region that has no
/// parent (province, nation).
fn parent_level(level: Level) -> Option<Level> {
    match level {
        Level::Province | Level::National => None,
        Level::Prefecture => Some(Level::Province),
        Level::County => Some(Level::Prefecture),
        Level::Township => Some(Level::County),
        Level::Village => Some(Level::Township),
    }
}

/// The region table: a parent exactly when the level has one, one level
/// up. An unknown parent is left to unknown-region.
fn check_region_parents(ctx: &Context, sink: &mut Sink) {
    for r in &ctx.catalog.regions {
        let v = &r.value;
        let parent = v.parent.as_deref().and_then(|p| ctx.index.regions.get(p));
        match (parent_level(v.level), &v.parent, parent) {
            (None, Some(_), _) => sink.push(
                RULE.at(r.file, &format!("{}/parent", r.pointer))
                    .message(format!("{}级区划 {} 不应有上级区划", v.level.label(), v.name))
                    .help("删除 parent"),
            ),
            (Some(lv), None, _) => sink.push(
                RULE.at(r.file, &r.pointer)
                    .message(format!("{} 是{}区划，缺少上级区划", v.name, v.level.label()))
                    .help(format!("填写上级（{}）区划代码", lv.label())),
            ),
            (Some(lv), Some(_), Some(p)) if p.value.level != lv => sink.push(
                RULE.at(r.file, &format!("{}/parent", r.pointer))
                    .message(format!(
                        "{}（{}）的上级 {} 是{}，应为{}",
                        v.name,
                        v.level.label(),
                        p.value.name,
                        p.value.level.label(),
                        lv.label()
                    ))
                    .help("核对 parent 和 level"),
            ),
            _ => {}
        }
    }
}

/// Each agency's level is the level of the region its agencies file declares.
fn check_agency_levels(ctx: &Context, sink: &mut Sink) {
    // The region each agencies file declares, by file: one pass over the
    // agencies rather than one per file.
    let file_region: std::collections::HashMap<_, _> = ctx
        .catalog
        .agency_files
        .iter()
        .filter_map(|a| ctx.index.regions.get(a.value.as_str()).map(|r| (a.file, *r)))
        .collect();
    for ag in &ctx.catalog.agencies {
        let Some(region) = file_region.get(&ag.file) else {
            continue;
        };
        if ag.value.level != region.value.level {
            sink.push(
                RULE.at(ag.file, &format!("{}/level", ag.pointer))
                    .message(format!(
                        "{} 的层级“{}”与所在区划 {}（{}）不符",
                        ag.value.name,
                        ag.value.level.label(),
                        region.value.name,
                        region.value.level.label()
                    ))
                    .help("实施主体的层级应等于其所在区划的层级"),
            );
        }
    }
}

/// Each local file's region is at a level the item lists in `levels`.
fn check_implementation_levels(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let (Some(region), Some(item)) = (
            ctx.index.regions.get(l.value.region.as_str()),
            ctx.index.items.get(l.value.item.as_str()),
        ) else {
            continue;
        };
        if !item.value.levels.contains(&region.value.level) {
            let levels: Vec<&str> = item.value.levels.iter().map(|l| l.label()).collect();
            sink.push(
                RULE.at(l.file, "/region")
                    .message(format!(
                        "{}（{}）不行使事项“{}”：该事项的行使层级为 {}",
                        region.value.name,
                        region.value.level.label(),
                        item.value.name,
                        levels.join("、")
                    ))
                    .help("删除此实施清单，或经审核在基本目录事项的 levels 中增加该层级"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100, LOCAL};

    #[test]
    fn implementation_at_a_level_that_does_not_handle_the_item() {
        let local = edit(LOCAL, "\"region\": \"630100\"", "\"region\": \"630102\"");
        let local = edit(&local, "\"agency\": \"630100-01\"", "\"agency\": \"630102-01\"");
        let agencies = AGENCIES_630100
            .replace("630100", "630102")
            .replace("西宁市市场", "城东区市场")
            .replace("市级", "县级");
        let out = lint_with(&[
            ("local/630100/630101001000.json", None),
            ("local/630102/630101001000.json", Some(&local)),
            ("agencies/630102.json", Some(&agencies)),
        ]);
        assert_eq!(
            hits(&out, "region-level"),
            [("local/630102/630101001000.json".to_string(), 3, 13)]
        );
    }

    #[test]
    fn agency_level_must_match_its_region() {
        let text = edit(AGENCIES_630100, "\"level\": \"市级\"", "\"level\": \"县级\"");
        let out = lint_with(&[("agencies/630100.json", Some(&text))]);
        assert_eq!(
            hits(&out, "region-level"),
            [("agencies/630100.json", 4, 76)].map(|(a, b, c)| (a.to_string(), b, c))
        );
    }
}
