//! Rendering the uniformity report: terminal text ([`text()`]), Markdown
//! ([`markdown()`]) and one self-contained HTML page ([`html()`]). This
//! module holds only what more than one format shares: the fixed wording,
//! the summary, and the wording of one divergence or element.

mod html;
mod markdown;
mod text;

pub use html::html;
pub use markdown::markdown;
pub use text::text;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::analysis::uniformity::{Divergence, ElementReport, ItemReport, RegionRow, Report, Status};

const TITLE: &str = "同一事项、同标准办理：各区划执行全省标准情况";
const LEGEND: &str = "全省统一要素只能经批准偏离（实施清单 deviations 写明法律依据和批准机关）；承诺办结时限、到办事现场次数、网上办理深度、进驻政务服务中心可以不同，与多数区划的取值（众数）比较。";

fn summary(r: &Report) -> String {
    // Deviations of non-uniform elements are rare: named only when present.
    let not_uniform = match r.count(Status::NotUniform) {
        0 => String::new(),
        n => format!("，{} {n}", Status::NotUniform.label()),
    };
    format!(
        "事项 {} 项，实施清单 {} 份，区划 {} 个；偏离和离群共 {} 处（偏离未经批准 {}{not_uniform}，劣于多数区划 {}，单位不同无法比较 {}，经批准的偏离 {}）；另有优于多数区划 {} 处。",
        r.items.len(),
        r.locals,
        r.regions.len(),
        r.divergences(),
        r.count(Status::Unapproved),
        r.count(Status::Worse),
        r.count(Status::Incomparable),
        r.count(Status::Approved),
        r.count(Status::Better),
    )
}

/// Whether an item has anything to show beyond "uniform".
fn notable(i: &ItemReport) -> bool {
    i.elements.iter().any(notable_element)
}

fn notable_element(e: &ElementReport) -> bool {
    !e.divergences.is_empty() || !e.spread.is_empty()
}

/// Regions with any counted divergence, in report order (worst first).
fn offenders(r: &Report) -> Vec<&RegionRow> {
    r.regions.iter().filter(|g| g.score > 0).collect()
}

/// Items where every region follows the standard, in report order.
fn uniform_items(r: &Report) -> Vec<&ItemReport> {
    r.items.iter().filter(|i| !notable(i)).collect()
}

/// Columns of the region × element table that have any count.
fn used_columns(r: &Report) -> Vec<usize> {
    (0..r.columns.len())
        .filter(|&c| r.regions.iter().any(|g| g.by_element[c] > 0))
        .collect()
}

fn spread_text(e: &ElementReport) -> String {
    e.spread
        .iter()
        .map(|(v, n)| format!("{v} ×{n}"))
        .collect::<Vec<_>>()
        .join("；")
}

fn region_label(d: &Divergence) -> String {
    if d.region_name.is_empty() {
        d.region.clone()
    } else {
        format!("{} {}", d.region_name, d.region)
    }
}

/// Cut a value to `width` display columns, marking the cut with "…".
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The status, with the deviation's basis and approval when written.
fn status_text(d: &Divergence) -> String {
    if d.note.is_empty() {
        d.status.label().to_string()
    } else {
        format!("{}（{}）", d.status.label(), d.note)
    }
}

/// What one element row says below the table.
fn element_line(e: &ElementReport) -> String {
    if !e.spread.is_empty() {
        format!(
            "{}：多数取值 {}，按多数 {} 个区划；取值分布 {}",
            e.label,
            e.standard,
            e.following,
            spread_text(e)
        )
    } else {
        let regions: std::collections::BTreeSet<&str> = e.divergences.iter().map(|d| d.region.as_str()).collect();
        format!(
            "{}：按标准 {} 个区划，偏离 {} 个区划",
            e.label,
            e.following,
            regions.len()
        )
    }
}

/// The element a divergence is about: the row's label, with the exact
/// pointer when the divergence names a part of the element.
fn divergence_label(e: &ElementReport, d: &Divergence) -> String {
    if d.element == e.pointer {
        e.label.clone()
    } else {
        format!("{}（{}）", e.label, d.element)
    }
}

/// Rows of the per-item divergence table (text and Markdown): values cut
/// to `width` columns, a label repeated on consecutive rows shown once.
fn divergence_rows(e: &ElementReport, width: usize) -> Vec<Vec<String>> {
    let mut prev = String::new();
    e.divergences
        .iter()
        .map(|d| {
            let label = divergence_label(e, d);
            let shown = if label == prev { String::new() } else { label.clone() };
            prev = label;
            vec![
                shown,
                region_label(d),
                truncate(&d.standard, width),
                truncate(&d.value, width),
                status_text(d),
            ]
        })
        .collect()
}

/// The regions × elements table shared by the text and Markdown
/// renderers: a header and one row per region with divergences.
fn region_table(r: &Report, offenders: &[&RegionRow], cols: &[usize]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["区划".to_string(), "合计".to_string()];
    header.extend(cols.iter().map(|&c| r.columns[c].clone()));
    let rows = offenders
        .iter()
        .map(|g| {
            let mut row = vec![format!("{} {}", g.name, g.code), g.score.to_string()];
            row.extend(cols.iter().map(|&c| g.by_element[c].to_string()));
            row
        })
        .collect();
    (header, rows)
}

/// Columns of the per-item divergence table (text and Markdown).
fn item_header() -> Vec<String> {
    ["要素", "区划", "标准或多数取值", "本地取值", "情况"]
        .map(String::from)
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::uniformity::ElementKind;

    /// A catalog value that tries to break out of HTML element content and
    /// attribute values.
    pub(super) const EVIL: &str = "<script>alert(1)</script>\" onmouseover=\"x";

    /// A report with [`EVIL`] in every catalog value a renderer shows.
    pub(super) fn hostile() -> Report {
        Report {
            items: vec![ItemReport {
                code: "630101001000".into(),
                name: EVIL.into(),
                regions: 1,
                elements: vec![ElementReport {
                    label: "承诺办结时限".into(),
                    pointer: "/promised_deadline".into(),
                    kind: ElementKind::MayDiffer,
                    standard: EVIL.into(),
                    following: 0,
                    divergences: vec![Divergence {
                        region: "630100".into(),
                        region_name: EVIL.into(),
                        element: "/promised_deadline".into(),
                        standard: EVIL.into(),
                        value: EVIL.into(),
                        status: Status::Worse,
                        note: EVIL.into(),
                    }],
                    spread: vec![(EVIL.into(), 1)],
                }],
            }],
            regions: vec![RegionRow {
                code: "630100".into(),
                name: EVIL.into(),
                score: 1,
                by_element: vec![1],
                by_item: vec![1],
                items: 1,
            }],
            columns: vec![EVIL.into()],
            locals: 1,
            basis: EVIL.into(),
        }
    }

    #[test]
    fn truncate_cuts_by_display_width() {
        assert_eq!(truncate("一二三四五", 6), "一二…");
        assert_eq!(truncate("一二三", 6), "一二三");
    }
}
