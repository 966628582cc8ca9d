//! The uniformity report as data: for each item, element × region, who
//! follows the standard and who departs from it, with both values side by
//! side. Rendering is in `reports::uniformity`. Deterministic: every list is
//! sorted, worst offenders first. The types are in `report.rs`; this module
//! builds them.

mod report;

use std::collections::HashMap;

use super::{element_label, locals_by_item, show_json, standing, uniform_element, Aspect, Spread, Standing, Value};
use crate::catalog::local::{Deviation, Local};
use crate::catalog::{At, Catalog, Index, Item};
use crate::config::Config;
use crate::text::blank;
pub use report::{Divergence, ElementKind, ElementReport, ItemReport, RegionRow, Report, Status};

const OTHER: &str = "其他（非统一要素）";

/// What every step reads: region names from the index, uniform elements
/// and deviation standing from the config.
struct Inputs<'r, 'c> {
    index: &'r Index<'c>,
    config: &'r Config,
}

impl Inputs<'_, '_> {
    /// The region's name, empty when the region is not in the catalog.
    fn region_name(&self, code: &str) -> String {
        self.index
            .regions
            .get(code)
            .map_or_else(String::new, |r| r.value.name.clone())
    }
}

/// Build the report. Linear in local files, plus one serialisation of each
/// item (to show the standard's values).
pub fn analyse(c: &Catalog, index: &Index, config: &Config) -> Report {
    let inputs = Inputs { index, config };
    let columns = heat_map_columns(config);
    let groups = locals_by_item(c);
    let locals: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let mut items: Vec<ItemReport> = groups
        .iter()
        .filter_map(|(code, group)| {
            let item = index.items.get(code)?;
            Some(item_report(&inputs, code, &item.value, group))
        })
        .collect();
    items.sort_by(|a, b| b.score().cmp(&a.score()).then_with(|| a.code.cmp(&b.code)));
    let regions = region_rows(&inputs, &groups, &items, &columns);
    Report {
        items,
        regions,
        columns,
        locals,
        basis: config.uniformity_basis.clone(),
    }
}

/// The heat map's element columns: the uniform elements, the elements that
/// may differ, then one column for deviations under no uniform element.
fn heat_map_columns(config: &Config) -> Vec<String> {
    let mut columns: Vec<String> = config.uniform_elements.iter().map(|p| element_label(p)).collect();
    columns.extend(Aspect::ALL.iter().map(|a| a.label().to_string()));
    columns.push(OTHER.to_string());
    columns
}

/// One item's rows: its uniform elements, the elements that may differ,
/// then (when any) the deviations under no uniform element; each row's
/// divergences sorted.
fn item_report(inputs: &Inputs, code: &str, item: &Item, group: &[&At<Box<Local>>]) -> ItemReport {
    let (mut elements, other) = uniform_rows(inputs, item, group);
    elements.extend(
        Aspect::ALL
            .into_iter()
            .map(|aspect| may_differ_row(inputs, aspect, group)),
    );
    if !other.divergences.is_empty() {
        elements.push(other);
    }
    for e in &mut elements {
        sort_divergences(&mut e.divergences);
    }
    ItemReport {
        code: code.to_string(),
        name: item.name.clone(),
        regions: group.len(),
        elements,
    }
}

/// A row with no standard, followers, divergences or spread yet.
fn empty_row(label: String, pointer: String, kind: ElementKind) -> ElementReport {
    ElementReport {
        label,
        pointer,
        kind,
        standard: String::new(),
        following: 0,
        divergences: Vec::new(),
        spread: Vec::new(),
    }
}

/// The uniform elements' rows, from the deviations in local files (the
/// only way a region may depart from a uniform element), and the row of
/// deviations under no uniform element.
fn uniform_rows(inputs: &Inputs, item: &Item, group: &[&At<Box<Local>>]) -> (Vec<ElementReport>, ElementReport) {
    let item_json = serde_json::to_value(item).ok();
    let mut rows: Vec<ElementReport> = inputs
        .config
        .uniform_elements
        .iter()
        .map(|p| empty_row(element_label(p), p.clone(), ElementKind::Uniform))
        .collect();
    let mut other = empty_row(OTHER.into(), String::new(), ElementKind::Other);
    // Distinct deviating regions per row, for the count of followers.
    let mut deviating: Vec<Vec<&str>> = vec![Vec::new(); rows.len()];
    for l in group {
        let region = l.value.region.as_str();
        for dv in &l.value.deviations {
            let d = deviation_divergence(inputs, item_json.as_ref(), region, dv);
            match uniform_row_of(inputs.config, &dv.element) {
                Some(i) => {
                    if !deviating[i].contains(&region) {
                        deviating[i].push(region);
                    }
                    rows[i].divergences.push(d);
                }
                None => other.divergences.push(d),
            }
        }
    }
    for (row, regions) in rows.iter_mut().zip(&deviating) {
        row.standard = standard_value(item_json.as_ref(), &row.pointer, "（未填写）");
        row.following = group.len() - regions.len();
    }
    (rows, other)
}

/// The position in `uniform_elements` of the uniform element `element`
/// falls under, if any.
fn uniform_row_of(config: &Config, element: &str) -> Option<usize> {
    let under = uniform_element(config, element)?;
    config.uniform_elements.iter().position(|p| p == under)
}

/// The standard's value at `pointer`, shown, or `missing` when the
/// standard has no such element.
fn standard_value(item_json: Option<&serde_json::Value>, pointer: &str, missing: &str) -> String {
    item_json
        .and_then(|j| j.pointer(pointer))
        .map_or_else(|| missing.to_string(), show_json)
}

/// A deviation as a divergence: the standard's value beside the region's,
/// with the standing lint gives it.
fn deviation_divergence(
    inputs: &Inputs,
    item_json: Option<&serde_json::Value>,
    region: &str,
    dv: &Deviation,
) -> Divergence {
    Divergence {
        region: region.to_string(),
        region_name: inputs.region_name(region),
        element: dv.element.clone(),
        standard: standard_value(item_json, &dv.element, "（标准中无此要素）"),
        value: show_json(&dv.value),
        status: deviation_status(standing(dv, inputs.config)),
        note: deviation_note(dv),
    }
}

fn deviation_status(standing: Standing) -> Status {
    match standing {
        Standing::InForce => Status::Approved,
        Standing::Unapproved => Status::Unapproved,
        Standing::NotUniform => Status::NotUniform,
    }
}

/// The basis, the approving authority and the approval date as written,
/// blank ones left out.
fn deviation_note(dv: &Deviation) -> String {
    [
        dv.basis.trim(),
        dv.approved_by.trim(),
        dv.approved_on.as_deref().unwrap_or("").trim(),
    ]
    .into_iter()
    .filter(|x| !blank(x))
    .collect::<Vec<_>>()
    .join("；")
}

/// The row of an element that may differ, measured against the majority
/// value: the regions departing from it are listed only when there is one.
fn may_differ_row(inputs: &Inputs, aspect: Aspect, group: &[&At<Box<Local>>]) -> ElementReport {
    let s = Spread::new(aspect, group);
    let mode = s.mode.as_ref().filter(|_| s.has_majority()).map(|(m, _)| m);
    let dist = s.distribution();
    let mut row = empty_row(aspect.label().into(), aspect.pointer().into(), ElementKind::MayDiffer);
    row.standard = majority_standard(mode, &dist);
    row.following = match mode {
        Some(m) => s.values.iter().filter(|(_, v)| v == m).count(),
        None if dist.len() == 1 => group.len(),
        None => 0,
    };
    if dist.len() > 1 {
        row.spread = dist.iter().map(|(v, n)| (v.show(), *n)).collect();
    }
    if let Some(m) = mode {
        row.divergences = majority_divergences(inputs, &s, m);
    }
    row
}

/// The majority value; without one, the value every region shares, or
/// 无多数取值 when they differ.
fn majority_standard(mode: Option<&Value>, dist: &[(Value, usize)]) -> String {
    match (mode, dist) {
        (Some(m), _) => m.show(),
        (None, [(only, _)]) => only.show(),
        (None, _) => "无多数取值".to_string(),
    }
}

/// Every region whose value is not the majority's, worse, better or not
/// comparable.
fn majority_divergences(inputs: &Inputs, s: &Spread, majority: &Value) -> Vec<Divergence> {
    s.values
        .iter()
        .filter(|(_, v)| v != majority)
        .map(|(l, v)| Divergence {
            region: l.value.region.to_string(),
            region_name: inputs.region_name(&l.value.region),
            element: s.aspect.pointer_in(&l.value).into(),
            standard: majority.show(),
            value: v.show(),
            status: match v.quality(majority) {
                Some(std::cmp::Ordering::Less) => Status::Worse,
                Some(_) => Status::Better,
                None => Status::Incomparable,
            },
            note: String::new(),
        })
        .collect()
}

/// Worst status first, then by region and element.
fn sort_divergences(divergences: &mut [Divergence]) {
    divergences.sort_by(|a, b| (a.status, &a.region, &a.element).cmp(&(b.status, &b.region, &b.element)));
}

/// Regions × elements and regions × items: one row per region with a
/// local file, worst first, then by code.
fn region_rows(
    inputs: &Inputs,
    groups: &[(&str, Vec<&At<Box<Local>>>)],
    items: &[ItemReport],
    columns: &[String],
) -> Vec<RegionRow> {
    let mut regions = empty_region_rows(inputs, groups, columns.len(), items.len());
    count_divergences(&mut regions, items, columns);
    let mut regions: Vec<RegionRow> = regions.into_values().collect();
    regions.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
    regions
}

/// A zeroed row for every region with a local file, with the number of
/// items it implements.
fn empty_region_rows(
    inputs: &Inputs,
    groups: &[(&str, Vec<&At<Box<Local>>>)],
    columns: usize,
    items: usize,
) -> HashMap<String, RegionRow> {
    let mut regions: HashMap<String, RegionRow> = HashMap::new();
    for l in groups.iter().flat_map(|(_, group)| group) {
        let code = &l.value.region;
        regions
            .entry(code.to_string())
            .or_insert_with(|| RegionRow {
                code: code.to_string(),
                name: inputs.region_name(code),
                score: 0,
                by_element: vec![0; columns],
                by_item: vec![0; items],
                items: 0,
            })
            .items += 1;
    }
    regions
}

/// Add each counted divergence to its region's score, element column and
/// item. A row whose label is no column (deviations under no uniform
/// element) counts in the last column.
fn count_divergences(regions: &mut HashMap<String, RegionRow>, items: &[ItemReport], columns: &[String]) {
    let column_of: HashMap<&str, usize> = columns.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
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
