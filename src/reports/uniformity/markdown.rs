//! Markdown: catalog text goes through [`md`], so it cannot break a table
//! or inject markup.

use std::fmt::Write as _;

use super::{
    divergence_rows, element_line, item_header, notable, notable_element, offenders, region_table, summary,
    uniform_items, used_columns, LEGEND, TITLE,
};
use crate::analysis::uniformity::{ItemReport, Report};

/// Markdown.
pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {TITLE}\n\n{}\n\n{LEGEND}\n\n{}\n", md(&r.basis), md(&summary(r)));
    regions(&mut s, r);
    let _ = writeln!(s, "\n## 事项（偏离和离群多者在前）");
    if !r.items.iter().any(notable) {
        let _ = writeln!(s, "\n没有偏离或离群。");
    }
    for i in r.items.iter().filter(|i| notable(i)) {
        item(&mut s, i);
    }
    let uniform = uniform_items(r);
    if !uniform.is_empty() {
        let _ = writeln!(s, "\n## 全省各区划一致的事项（{} 项）\n", uniform.len());
        for i in uniform {
            let _ = writeln!(s, "- {} {}（实施区划 {} 个）", i.code, md(&i.name), i.regions);
        }
    }
    s
}

/// The regions section: the regions with divergences, by element.
fn regions(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## 区划（偏离和离群多者在前）\n");
    let offenders = offenders(r);
    if offenders.is_empty() {
        let _ = writeln!(s, "全部 {} 个区划均按全省标准办理。", r.regions.len());
        return;
    }
    let (header, rows) = region_table(r, &offenders, &used_columns(r));
    md_table(s, &header, &rows);
    let _ = writeln!(
        s,
        "\n其余 {} 个区划均按全省标准办理。",
        r.regions.len() - offenders.len()
    );
}

/// One notable item: its divergences side by side, then one bullet per
/// notable element.
fn item(s: &mut String, i: &ItemReport) {
    let _ = writeln!(
        s,
        "\n### {} {}\n\n实施区划 {} 个，偏离和离群 {} 处。\n",
        i.code,
        md(&i.name),
        i.regions,
        i.score()
    );
    let rows: Vec<_> = i
        .elements
        .iter()
        .filter(|e| !e.divergences.is_empty())
        .flat_map(|e| divergence_rows(e, 80))
        .collect();
    if !rows.is_empty() {
        md_table(s, &item_header(), &rows);
        s.push('\n');
    }
    for e in i.elements.iter().filter(|e| notable_element(e)) {
        let _ = writeln!(s, "- {}", md(&element_line(e)));
    }
}

/// A Markdown table cell: no pipes or line breaks.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn md_table(s: &mut String, header: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(
        s,
        "| {} |",
        header.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(s, "|{}", " --- |".repeat(header.len()));
    for r in rows {
        let _ = writeln!(s, "| {} |", r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::hostile;
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_tables() {
        let out = markdown(&hostile());
        assert!(!out.contains("<script"));
        assert_eq!(md("a|b\nc"), "a\\|b c");
    }
}
