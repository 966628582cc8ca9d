//! The HTML page: one self-contained page (inline CSS, no external
//! resources) with two heat maps (regions × elements, regions × items) and
//! the per-item detail, worst first.
//!
//! The markup is all in the askama template `templates/uniformity.html`,
//! which escapes every value it prints. This side only prepares plain view
//! structs: text, numbers, and CSS class names from a fixed set.

use askama::Template;

use super::{
    divergence_label, element_line, notable, notable_element, offenders, region_label, status_text, summary,
    uniform_items, LEGEND, TITLE,
};
use crate::analysis::uniformity::{Divergence, ElementReport, ItemReport, RegionRow, Report, Status};

/// One self-contained HTML page: two heat maps (regions × elements,
/// regions × items) and the per-item detail, worst first.
pub fn html(r: &Report) -> String {
    Page::new(r)
        .render()
        .expect("the page's values are plain strings and numbers, which always format")
}

#[derive(Template)]
#[template(path = "uniformity.html")]
struct Page<'a> {
    title: &'static str,
    basis: &'a str,
    legend: &'static str,
    summary: String,
    /// Items and regions in the report.
    items: usize,
    regions: usize,
    /// Heat map one: every region × every element column.
    columns: &'a [String],
    by_element: Vec<HeatRow<'a>>,
    /// Heat map two: only regions and items with divergences.
    by_item: ItemMap<'a>,
    details: Vec<Detail<'a>>,
    uniform: Vec<Uniform<'a>>,
}

/// One region's row of a heat map.
struct HeatRow<'a> {
    /// "name code".
    region: String,
    name: &'a str,
    total: usize,
    heat: &'static str,
    cells: Vec<HeatCell<'a>>,
}

/// One cell of a heat map: the count and the column it counts.
struct HeatCell<'a> {
    label: &'a str,
    count: usize,
    heat: &'static str,
}

/// The regions × items heat map, reduced to what diverges.
struct ItemMap<'a> {
    items: Vec<ItemColumn<'a>>,
    rows: Vec<HeatRow<'a>>,
    /// Regions and items left out because nothing diverges there.
    other_regions: usize,
    other_items: usize,
}

struct ItemColumn<'a> {
    code: &'a str,
    name: &'a str,
}

/// A notable item: its divergences side by side, and one line per notable
/// element.
struct Detail<'a> {
    code: &'a str,
    name: &'a str,
    regions: usize,
    score: usize,
    rows: Vec<DetailRow<'a>>,
    lines: Vec<String>,
}

struct DetailRow<'a> {
    element: String,
    region: String,
    standard: &'a str,
    value: &'a str,
    status: String,
    status_class: &'static str,
}

/// An item every region handles by the standard.
struct Uniform<'a> {
    code: &'a str,
    name: &'a str,
    regions: usize,
}

impl<'a> Page<'a> {
    fn new(r: &'a Report) -> Self {
        Page {
            title: TITLE,
            basis: &r.basis,
            legend: LEGEND,
            summary: summary(r),
            items: r.items.len(),
            regions: r.regions.len(),
            columns: &r.columns,
            by_element: r
                .regions
                .iter()
                .map(|g| {
                    HeatRow::new(
                        g,
                        g.by_element.iter().copied().zip(r.columns.iter().map(String::as_str)),
                    )
                })
                .collect(),
            by_item: ItemMap::new(r),
            details: r.items.iter().filter(|i| notable(i)).map(Detail::new).collect(),
            uniform: uniform_items(r)
                .into_iter()
                .map(|i| Uniform {
                    code: &i.code,
                    name: &i.name,
                    regions: i.regions,
                })
                .collect(),
        }
    }
}

impl<'a> HeatRow<'a> {
    /// A row from a region and its (count, column label) cells.
    fn new(g: &'a RegionRow, cells: impl Iterator<Item = (usize, &'a str)>) -> Self {
        HeatRow {
            region: format!("{} {}", g.name, g.code),
            name: &g.name,
            total: g.score,
            heat: heat(g.score),
            cells: cells
                .map(|(count, label)| HeatCell {
                    label,
                    count,
                    heat: heat(count),
                })
                .collect(),
        }
    }
}

impl<'a> ItemMap<'a> {
    fn new(r: &'a Report) -> Self {
        let items: Vec<usize> = (0..r.items.len()).filter(|&i| r.items[i].score() > 0).collect();
        let offenders = offenders(r);
        let rows = offenders
            .iter()
            .map(|g| HeatRow::new(g, items.iter().map(|&i| (g.by_item[i], r.items[i].name.as_str()))))
            .collect();
        ItemMap {
            items: items
                .iter()
                .map(|&i| ItemColumn {
                    code: &r.items[i].code,
                    name: &r.items[i].name,
                })
                .collect(),
            rows,
            other_regions: r.regions.len() - offenders.len(),
            other_items: r.items.len() - items.len(),
        }
    }
}

impl<'a> Detail<'a> {
    fn new(i: &'a ItemReport) -> Self {
        Detail {
            code: &i.code,
            name: &i.name,
            regions: i.regions,
            score: i.score(),
            rows: i
                .elements
                .iter()
                .flat_map(|e| e.divergences.iter().map(move |d| DetailRow::new(e, d)))
                .collect(),
            lines: i
                .elements
                .iter()
                .filter(|e| notable_element(e))
                .map(element_line)
                .collect(),
        }
    }
}

impl<'a> DetailRow<'a> {
    fn new(e: &ElementReport, d: &'a Divergence) -> Self {
        DetailRow {
            element: divergence_label(e, d),
            region: region_label(d),
            standard: &d.standard,
            value: &d.value,
            status: status_text(d),
            status_class: status_class(d.status),
        }
    }
}

/// Heat class for a count: 0 green … 4 red.
fn heat(n: usize) -> &'static str {
    match n {
        0 => "h0",
        1 => "h1",
        2 => "h2",
        3..=4 => "h3",
        _ => "h4",
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Unapproved | Status::NotUniform => "s-Unapproved",
        Status::Worse => "s-Worse",
        Status::Incomparable => "s-Incomparable",
        Status::Approved => "s-Approved",
        Status::Better => "s-Better",
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{hostile, EVIL};
    use super::*;

    /// [`EVIL`] as askama's HTML escaper writes it.
    const EVIL_ESCAPED: &str = "&#60;script&#62;alert(1)&#60;/script&#62;&#34; onmouseover=&#34;x";

    #[test]
    fn catalog_text_never_reaches_html_unescaped() {
        let page = html(&hostile());
        assert!(!page.contains("<script"), "unescaped script in page");
        assert!(!page.contains("\" onmouseover"), "attribute injection in page");
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("<link"));
    }

    #[test]
    fn script_and_attribute_breakouts_come_out_escaped() {
        let page = html(&hostile());
        assert!(!page.contains(EVIL));
        // In element content and in attribute values alike.
        for (context, want) in [
            ("heat-map column", format!("<th class=\"v\">{EVIL_ESCAPED}</th>")),
            ("cell title", format!("title=\"{EVIL_ESCAPED} · {EVIL_ESCAPED}：1 处\"")),
            (
                "item link",
                format!("<a href=\"#item-630101001000\">{EVIL_ESCAPED}</a>"),
            ),
            ("region", format!("<tr><th>{EVIL_ESCAPED} 630100</th>")),
            (
                "value",
                format!("<td class=\"val\">{EVIL_ESCAPED}</td><td class=\"val\">{EVIL_ESCAPED}</td>"),
            ),
            (
                "status",
                format!("<td class=\"s-Worse\">劣于多数区划（{EVIL_ESCAPED}）</td>"),
            ),
        ] {
            assert!(page.contains(&want), "{context} not escaped as {want}");
        }
        assert_eq!(page.matches("onmouseover").count(), page.matches(EVIL_ESCAPED).count());
    }

    #[test]
    fn heat_classes_grow_with_the_count() {
        let classes: Vec<_> = [0, 1, 2, 3, 4, 5, 50].map(heat).into();
        assert_eq!(classes, ["h0", "h1", "h2", "h3", "h3", "h4", "h4"]);
    }
}
