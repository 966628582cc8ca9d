//! The uniformity report as data: for each item, element × region, who
//! follows the standard and who departs from it, with both values side by
//! side. Rendering is in `reports::uniformity`. Deterministic: every list is
//! sorted, worst offenders first.

use std::collections::HashMap;

use super::{element_label, locals_by_item, show_json, standing, uniform_element, Aspect, Spread, Standing};
use crate::catalog::{Catalog, Index};
use crate::config::Config;
use crate::text::blank;

/// How one region's value stands against the standard or the majority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A deviation from a uniform element without basis or approval.
    Unapproved,
    /// A deviation registered for an element that is not uniform: never in
    /// force, whatever its basis (lint: deviation-element).
    NotUniform,
    /// Worse for the applicant than most regions.
    Worse,
    /// Not comparable with the majority (another deadline unit).
    Incomparable,
    /// A deviation from a uniform element with basis and approval.
    Approved,
    /// Better for the applicant than most regions (shown, not counted).
    Better,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Unapproved => "偏离未经批准",
            Status::NotUniform => "偏离的不是统一要素",
            Status::Worse => "劣于多数区划",
            Status::Incomparable => "单位不同无法比较",
            Status::Approved => "经批准的偏离",
            Status::Better => "优于多数区划",
        }
    }

    /// Whether it counts against the region in the heat maps.
    pub fn counts(self) -> bool {
        self != Status::Better
    }
}

/// Whether an element must be identical everywhere or may differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    /// 全省统一要素: departs only by approved deviation.
    Uniform,
    /// May differ, compared against the majority.
    MayDiffer,
    /// A deviation registered for something that is not a uniform element.
    Other,
}

#[derive(Debug, Clone)]
pub struct Divergence {
    pub region: String,
    pub region_name: String,
    /// The exact pointer of the value (a deviation may name a part of an
    /// element, such as /materials/2).
    pub element: String,
    /// The standard (uniform elements) or the majority value.
    pub standard: String,
    /// This region's value.
    pub value: String,
    pub status: Status,
    /// For deviations: the basis and the approving authority as written.
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct ElementReport {
    pub label: String,
    pub pointer: String,
    pub kind: ElementKind,
    /// The standard, or the majority value ("无多数取值" when none).
    pub standard: String,
    /// Regions following the standard / the majority.
    pub following: usize,
    pub divergences: Vec<Divergence>,
    /// Values and their counts, best first, when regions differ.
    pub spread: Vec<(String, usize)>,
}

impl ElementReport {
    pub fn score(&self) -> usize {
        self.divergences.iter().filter(|d| d.status.counts()).count()
    }
}

#[derive(Debug, Clone)]
pub struct ItemReport {
    pub code: String,
    pub name: String,
    /// Regions with a local file for the item.
    pub regions: usize,
    pub elements: Vec<ElementReport>,
}

impl ItemReport {
    pub fn score(&self) -> usize {
        self.elements.iter().map(ElementReport::score).sum()
    }
}

#[derive(Debug, Clone)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    /// Counted divergences, in all items.
    pub score: usize,
    /// Counted divergences per column of [`Report::columns`].
    pub by_element: Vec<usize>,
    /// Counted divergences per item, in [`Report::items`] order.
    pub by_item: Vec<usize>,
    /// Items this region implements.
    pub items: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Worst first (most counted divergences), then by code.
    pub items: Vec<ItemReport>,
    /// Regions with at least one local file, worst first, then by code.
    pub regions: Vec<RegionRow>,
    /// Element columns of the region × element heat map.
    pub columns: Vec<String>,
    pub locals: usize,
}

impl Report {
    pub fn divergences(&self) -> usize {
        self.items.iter().map(ItemReport::score).sum()
    }

    pub fn count(&self, status: Status) -> usize {
        self.items
            .iter()
            .flat_map(|i| &i.elements)
            .flat_map(|e| &e.divergences)
            .filter(|d| d.status == status)
            .count()
    }
}

const OTHER: &str = "其他（非统一要素）";

/// Build the report. Linear in local files, plus one serialisation of each
/// item (to show the standard's values).
pub fn analyse(c: &Catalog, index: &Index, config: &Config) -> Report {
    let region_name = |code: &str| {
        index
            .regions
            .get(code)
            .map_or_else(String::new, |r| r.value.name.clone())
    };
    let mut columns: Vec<String> = config.uniform_elements.iter().map(|p| element_label(p)).collect();
    columns.extend(Aspect::ALL.iter().map(|a| a.label().to_string()));
    columns.push(OTHER.to_string());

    let groups = locals_by_item(c);
    let locals: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let mut items = Vec::with_capacity(groups.len());
    for (code, group) in &groups {
        let Some(item) = index.items.get(code) else { continue };
        let mut elements = Vec::new();

        // Uniform elements: departures are deviations in local files.
        let item_json = serde_json::to_value(&item.value).ok();
        let mut rows: Vec<ElementReport> = config
            .uniform_elements
            .iter()
            .map(|p| ElementReport {
                label: element_label(p),
                pointer: p.clone(),
                kind: ElementKind::Uniform,
                standard: String::new(),
                following: 0,
                divergences: Vec::new(),
                spread: Vec::new(),
            })
            .collect();
        let mut other = ElementReport {
            label: OTHER.into(),
            pointer: String::new(),
            kind: ElementKind::Other,
            standard: String::new(),
            following: 0,
            divergences: Vec::new(),
            spread: Vec::new(),
        };
        let mut deviating: Vec<Vec<&str>> = vec![Vec::new(); rows.len()];
        for l in group {
            for dv in &l.value.deviations {
                let standard = item_json
                    .as_ref()
                    .and_then(|j| j.pointer(&dv.element))
                    .map_or_else(|| "（标准中无此要素）".to_string(), show_json);
                let status = match standing(dv, config) {
                    Standing::InForce => Status::Approved,
                    Standing::Unapproved => Status::Unapproved,
                    Standing::NotUniform => Status::NotUniform,
                };
                let under = uniform_element(config, &dv.element);
                let d = Divergence {
                    region: l.value.region.clone(),
                    region_name: region_name(&l.value.region),
                    element: dv.element.clone(),
                    standard,
                    value: show_json(&dv.value),
                    status,
                    note: [
                        dv.basis.trim(),
                        dv.approved_by.trim(),
                        dv.approved_on.as_deref().unwrap_or("").trim(),
                    ]
                    .into_iter()
                    .filter(|x| !blank(x))
                    .collect::<Vec<_>>()
                    .join("；"),
                };
                match under.and_then(|u| config.uniform_elements.iter().position(|p| p == u)) {
                    Some(i) => {
                        if !deviating[i].contains(&l.value.region.as_str()) {
                            deviating[i].push(&l.value.region);
                        }
                        rows[i].divergences.push(d);
                    }
                    None => other.divergences.push(d),
                }
            }
        }
        for (i, row) in rows.iter_mut().enumerate() {
            row.standard = item_json
                .as_ref()
                .and_then(|j| j.pointer(&row.pointer))
                .map_or_else(|| "（未填写）".to_string(), show_json);
            row.following = group.len() - deviating[i].len();
        }
        elements.extend(rows);

        // Elements that may differ: measured against the majority.
        for aspect in Aspect::ALL {
            let s = Spread::new(aspect, group);
            let majority = s.has_majority();
            let mode = s.mode.as_ref().filter(|_| majority).map(|(m, _)| m);
            let mut row = ElementReport {
                label: aspect.label().into(),
                pointer: aspect.pointer().into(),
                kind: ElementKind::MayDiffer,
                standard: mode.map_or_else(
                    || match s.distribution().as_slice() {
                        [(only, _)] => only.show(),
                        _ => "无多数取值".to_string(),
                    },
                    |m| m.show(),
                ),
                following: match mode {
                    Some(m) => s.values.iter().filter(|(_, v)| v == m).count(),
                    None if s.distribution().len() == 1 => group.len(),
                    None => 0,
                },
                divergences: Vec::new(),
                spread: Vec::new(),
            };
            let dist = s.distribution();
            if dist.len() > 1 {
                row.spread = dist.iter().map(|(v, n)| (v.show(), *n)).collect();
            }
            if let Some(m) = mode {
                for (l, v) in &s.values {
                    if v == m {
                        continue;
                    }
                    let status = match v.quality(m) {
                        Some(std::cmp::Ordering::Less) => Status::Worse,
                        Some(_) => Status::Better,
                        None => Status::Incomparable,
                    };
                    row.divergences.push(Divergence {
                        region: l.value.region.clone(),
                        region_name: region_name(&l.value.region),
                        element: aspect.pointer_in(&l.value).into(),
                        standard: m.show(),
                        value: v.show(),
                        status,
                        note: String::new(),
                    });
                }
            }
            elements.push(row);
        }
        if !other.divergences.is_empty() {
            elements.push(other);
        }
        for e in &mut elements {
            e.divergences
                .sort_by(|a, b| (a.status, &a.region, &a.element).cmp(&(b.status, &b.region, &b.element)));
        }
        items.push(ItemReport {
            code: code.to_string(),
            name: item.value.name.clone(),
            regions: group.len(),
            elements,
        });
    }
    items.sort_by(|a, b| b.score().cmp(&a.score()).then_with(|| a.code.cmp(&b.code)));

    // Regions × elements and regions × items.
    let column_of: HashMap<&str, usize> = columns.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    let mut regions: HashMap<String, RegionRow> = HashMap::new();
    for (_, group) in &groups {
        for l in group {
            let code = &l.value.region;
            regions
                .entry(code.clone())
                .or_insert_with(|| RegionRow {
                    code: code.clone(),
                    name: region_name(code),
                    score: 0,
                    by_element: vec![0; columns.len()],
                    by_item: vec![0; items.len()],
                    items: 0,
                })
                .items += 1;
        }
    }
    for (i, item) in items.iter().enumerate() {
        for e in &item.elements {
            let col = column_of.get(e.label.as_str()).copied().unwrap_or(columns.len() - 1);
            for d in e.divergences.iter().filter(|d| d.status.counts()) {
                if let Some(r) = regions.get_mut(&d.region) {
                    r.score += 1;
                    r.by_element[col] += 1;
                    r.by_item[i] += 1;
                }
            }
        }
    }
    let mut regions: Vec<RegionRow> = regions.into_values().collect();
    regions.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
    Report {
        items,
        regions,
        columns,
        locals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use crate::testing::{edit, files_with, LOCAL};

    fn report_with(local: &str) -> Report {
        let files = files_with("local/630100/630101001000.json", local);
        let loaded = parse(files, 0);
        let index = Index::build(&loaded.catalog);
        analyse(&loaded.catalog, &index, &Config::defaults())
    }

    #[test]
    fn deviations_land_under_their_uniform_element_with_the_standard_beside() {
        let local = edit(
            LOCAL,
            "\"deviations\": []",
            "\"deviations\": [{\"element\": \"/materials/1/copies\", \"value\": 1, \"basis\": \"\", \"approved_by\": \"\"}, \
             {\"element\": \"/promised_deadline\", \"value\": {\"value\": 5, \"unit\": \"工作日\"}, \"basis\": \"《某条例》\", \"approved_by\": \"西宁市人民政府\"}]",
        );
        let r = report_with(&local);
        let item = &r.items[0];
        let materials = item.elements.iter().find(|e| e.pointer == "/materials").unwrap();
        let d = &materials.divergences[0];
        assert_eq!(
            (d.element.as_str(), d.standard.as_str(), d.value.as_str(), d.status),
            ("/materials/1/copies", "0", "1", Status::Unapproved)
        );
        assert_eq!(materials.following, 0);
        let other = item.elements.iter().find(|e| e.kind == ElementKind::Other).unwrap();
        let d = &other.divergences[0];
        assert_eq!(
            (d.standard.as_str(), d.value.as_str(), d.status),
            ("（标准中无此要素）", "5 个工作日", Status::NotUniform)
        );
        // The same standing lint gives it: deviation-element, not in force.
        assert_eq!(d.note, "《某条例》；西宁市人民政府");
        // One region, so no majority: the may-differ elements list nobody.
        assert!(item
            .elements
            .iter()
            .filter(|e| e.kind == ElementKind::MayDiffer)
            .all(|e| e.divergences.is_empty() && e.following == 1));
        assert_eq!(r.regions[0].score, 2);
    }
}
