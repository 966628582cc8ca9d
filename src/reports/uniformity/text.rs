//! Terminal text: tables padded by display width.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{
    divergence_rows, element_line, item_header, notable, notable_element, offenders, region_table, summary,
    uniform_items, used_columns, LEGEND, TITLE,
};
use crate::analysis::uniformity::{ItemReport, Report};

/// Terminal text (catalog names escaped for the terminal).
pub fn text(r: &Report) -> String {
    crate::reports::terminal::safe(&body(r)).into_owned()
}

fn body(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{TITLE}\n{}\n{LEGEND}\n\n{}\n", r.basis, summary(r));
    regions(&mut s, r);
    let _ = writeln!(s, "\n二、事项（偏离和离群多者在前）");
    if !r.items.iter().any(notable) {
        let _ = writeln!(s, "  没有偏离或离群。");
    }
    for i in r.items.iter().filter(|i| notable(i)) {
        item(&mut s, i);
    }
    let uniform = uniform_items(r);
    if !uniform.is_empty() {
        let _ = writeln!(s, "\n三、全省各区划一致的事项（{} 项）", uniform.len());
        for i in uniform {
            let _ = writeln!(s, "  {} {}（实施区划 {} 个）", i.code, i.name, i.regions);
        }
    }
    s
}

/// Section one: the regions with divergences, by element.
fn regions(s: &mut String, r: &Report) {
    let _ = writeln!(s, "一、区划（偏离和离群多者在前）");
    let offenders = offenders(r);
    if offenders.is_empty() {
        let _ = writeln!(s, "  全部 {} 个区划均按全省标准办理。", r.regions.len());
        return;
    }
    let (header, rows) = region_table(r, &offenders, &used_columns(r));
    s.push_str(&table(&header, &rows, "  "));
    let _ = writeln!(
        s,
        "  其余 {} 个区划均按全省标准办理。",
        r.regions.len() - offenders.len()
    );
}

/// One notable item: its divergences side by side, then one line per
/// notable element.
fn item(s: &mut String, i: &ItemReport) {
    let _ = writeln!(
        s,
        "\n{} {}（实施区划 {} 个，偏离和离群 {} 处）",
        i.code,
        i.name,
        i.regions,
        i.score()
    );
    let rows: Vec<_> = i
        .elements
        .iter()
        .filter(|e| !e.divergences.is_empty())
        .flat_map(|e| divergence_rows(e, 40))
        .collect();
    if !rows.is_empty() {
        s.push_str(&table(&item_header(), &rows, "  "));
    }
    for e in i.elements.iter().filter(|e| notable_element(e)) {
        let _ = writeln!(s, "  {}", element_line(e));
    }
}

/// A table padded by display width (CJK characters are two columns).
fn table(header: &[String], rows: &[Vec<String>], indent: &str) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut s = String::new();
    let line = |s: &mut String, cells: &[String]| {
        s.push_str(indent);
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i] - c.width() + 2));
            }
        }
        s.push('\n');
    };
    line(&mut s, header);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(&mut s, &rule);
    for r in rows {
        line(&mut s, r);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tables_align_by_display_width() {
        let t = table(
            &["要素".to_string(), "x".to_string()],
            &[vec!["承诺办结时限".to_string(), "1".to_string()]],
            "",
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0].find('x').map(|i| lines[0][..i].width()), Some(14));
        assert_eq!(lines[2].find('1').map(|i| lines[2][..i].width()), Some(14));
    }

    #[test]
    fn item_and_region_names_cannot_drive_the_terminal() {
        let mut r = super::super::tests::hostile();
        r.items[0].name = "\u{1b}]0;标题\u{7}\u{1b}[2J事项\u{202e}".into();
        r.regions[0].name = "\u{9b}31m西宁市".into();
        let t = text(&r);
        assert!(!t.chars().any(crate::reports::terminal::is_unsafe), "{t}");
        assert!(t.contains("\\u{1b}]0;标题\\u{7}\\u{1b}[2J事项\\u{202e}"), "{t}");
    }
}
