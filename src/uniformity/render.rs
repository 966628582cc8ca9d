//! Rendering the uniformity report: terminal text, Markdown and one
//! self-contained HTML page (inline CSS, no external assets). All catalog
//! text in HTML goes through [`escape_html`].

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::analysis::uniformity::{Divergence, ElementReport, ItemReport, RegionRow, Report, Status};

const TITLE: &str = "同一事项、同标准办理：各区划执行全省标准情况";
const BASIS: &str = "依据：青政办函〔2021〕44号（同一政务服务事项“无差别受理、同标准办理”）；青海省“高效办成一件事”实施方案第15项（受理条件、服务对象、办理流程、申请材料、法定办结时限、办理结果等要素信息全省统一）。";
const LEGEND: &str = "全省统一要素只能经批准偏离（实施清单 deviations 写明法律依据和批准机关）；承诺办结时限、到办事现场次数、网上办理深度、进驻政务服务中心可以不同，与多数区划的取值（众数）比较。";

fn summary(r: &Report) -> String {
    format!(
        "事项 {} 项，实施清单 {} 份，区划 {} 个；偏离和离群共 {} 处（偏离未经批准 {}，劣于多数区划 {}，单位不同无法比较 {}，经批准的偏离 {}）；另有优于多数区划 {} 处。",
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
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
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

/// Terminal text.
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

/// Columns of the per-item divergence table.
fn item_header() -> Vec<String> {
    ["要素", "区划", "标准或多数取值", "本地取值", "情况"]
        .map(String::from)
        .to_vec()
}

pub fn text(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{TITLE}\n{BASIS}\n{LEGEND}\n\n{}\n", summary(r));
    let cols = used_columns(r);
    let offenders: Vec<_> = r.regions.iter().filter(|g| g.score > 0).collect();
    let _ = writeln!(s, "一、区划（偏离和离群多者在前）");
    if offenders.is_empty() {
        let _ = writeln!(s, "  全部 {} 个区划均按全省标准办理。", r.regions.len());
    } else {
        let (header, rows) = region_table(r, &offenders, &cols);
        s.push_str(&table(&header, &rows, "  "));
        let _ = writeln!(
            s,
            "  其余 {} 个区划均按全省标准办理。",
            r.regions.len() - offenders.len()
        );
    }
    let _ = writeln!(s, "\n二、事项（偏离和离群多者在前）");
    if !r.items.iter().any(notable) {
        let _ = writeln!(s, "  没有偏离或离群。");
    }
    let header = item_header();
    for i in r.items.iter().filter(|i| notable(i)) {
        let _ = writeln!(
            s,
            "\n{} {}（实施区划 {} 个，偏离和离群 {} 处）",
            i.code,
            i.name,
            i.regions,
            i.score()
        );
        let mut rows = Vec::new();
        for e in i.elements.iter().filter(|e| !e.divergences.is_empty()) {
            rows.extend(divergence_rows(e, 40));
        }
        if !rows.is_empty() {
            s.push_str(&table(&header, &rows, "  "));
        }
        for e in i.elements.iter().filter(|e| notable_element(e)) {
            let _ = writeln!(s, "  {}", element_line(e));
        }
    }
    let uniform: Vec<_> = r.items.iter().filter(|i| !notable(i)).collect();
    if !uniform.is_empty() {
        let _ = writeln!(s, "\n三、全省各区划一致的事项（{} 项）", uniform.len());
        for i in uniform {
            let _ = writeln!(s, "  {} {}（实施区划 {} 个）", i.code, i.name, i.regions);
        }
    }
    s
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

/// Markdown.
pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {TITLE}\n\n{BASIS}\n\n{LEGEND}\n\n{}\n", md(&summary(r)));
    let cols = used_columns(r);
    let _ = writeln!(s, "## 区划（偏离和离群多者在前）\n");
    let offenders: Vec<_> = r.regions.iter().filter(|g| g.score > 0).collect();
    if offenders.is_empty() {
        let _ = writeln!(s, "全部 {} 个区划均按全省标准办理。", r.regions.len());
    } else {
        let (header, rows) = region_table(r, &offenders, &cols);
        md_table(&mut s, &header, &rows);
        let _ = writeln!(
            s,
            "\n其余 {} 个区划均按全省标准办理。",
            r.regions.len() - offenders.len()
        );
    }
    let _ = writeln!(s, "\n## 事项（偏离和离群多者在前）");
    if !r.items.iter().any(notable) {
        let _ = writeln!(s, "\n没有偏离或离群。");
    }
    let header = item_header();
    for i in r.items.iter().filter(|i| notable(i)) {
        let _ = writeln!(
            s,
            "\n### {} {}\n\n实施区划 {} 个，偏离和离群 {} 处。\n",
            i.code,
            md(&i.name),
            i.regions,
            i.score()
        );
        let mut rows = Vec::new();
        for e in i.elements.iter().filter(|e| !e.divergences.is_empty()) {
            rows.extend(divergence_rows(e, 80));
        }
        if !rows.is_empty() {
            md_table(&mut s, &header, &rows);
            s.push('\n');
        }
        for e in i.elements.iter().filter(|e| notable_element(e)) {
            let _ = writeln!(s, "- {}", md(&element_line(e)));
        }
    }
    let uniform: Vec<_> = r.items.iter().filter(|i| !notable(i)).collect();
    if !uniform.is_empty() {
        let _ = writeln!(s, "\n## 全省各区划一致的事项（{} 项）\n", uniform.len());
        for i in uniform {
            let _ = writeln!(s, "- {} {}（实施区划 {} 个）", i.code, md(&i.name), i.regions);
        }
    }
    s
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A heat-map cell's text: empty for 0, so the offenders stand out.
fn shown(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

/// Heat class for a count: 0 green … 4 red.
fn heat(n: usize) -> usize {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        _ => 4,
    }
}

const CSS: &str = "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.heat td.c{text-align:center;min-width:2.2em}.heat th.v{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal}
.h0{background:#e3f2e1;color:#4a6b47}.h1{background:#fff1b8}.h2{background:#ffc97a}.h3{background:#ff8a65}.h4{background:#c62828;color:#fff}
.legend span{display:inline-block;padding:0 .6em;margin-right:.3em;border:1px solid #ccc}
.s-Unapproved{color:#b71c1c;font-weight:bold}.s-Worse{color:#d84315;font-weight:bold}.s-Incomparable{color:#6d4c41}.s-Approved{color:#1565c0}.s-Better{color:#2e7d32}
.note{color:#555}td.val{max-width:28em;word-break:break-all}";

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Unapproved => "s-Unapproved",
        Status::NotUniform => "s-Unapproved",
        Status::Worse => "s-Worse",
        Status::Incomparable => "s-Incomparable",
        Status::Approved => "s-Approved",
        Status::Better => "s-Better",
    }
}

/// One self-contained HTML page: two heat maps (regions × elements,
/// regions × items) and the per-item detail, worst first.
pub fn html(r: &Report) -> String {
    let e = escape_html;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"note\">{}</p>\n<p class=\"note\">{}</p>\n<p>{}</p>\n",
        e(TITLE),
        e(TITLE),
        e(BASIS),
        e(LEGEND),
        e(&summary(r))
    );
    s.push_str("<p class=\"legend\">颜色：<span class=\"h0\">0</span><span class=\"h1\">1</span><span class=\"h2\">2</span><span class=\"h3\">3–4</span><span class=\"h4\">5 及以上</span>（偏离和离群处数；优于多数区划不计）</p>\n");

    // Heat map 1: regions × elements (every implementing region).
    let _ = writeln!(s, "<h2>区划 × 要素（偏离和离群多者在前）</h2>");
    s.push_str("<table class=\"heat\">\n<tr><th>区划</th><th>合计</th>");
    for c in &r.columns {
        let _ = write!(s, "<th class=\"v\">{}</th>", e(c));
    }
    s.push_str("</tr>\n");
    for g in &r.regions {
        let _ = write!(
            s,
            "<tr><th>{} {}</th><td class=\"c h{}\">{}</td>",
            e(&g.name),
            e(&g.code),
            heat(g.score),
            g.score
        );
        for (c, n) in g.by_element.iter().enumerate() {
            let _ = write!(
                s,
                "<td class=\"c h{}\" title=\"{} · {}：{} 处\">{}</td>",
                heat(*n),
                e(&g.name),
                e(&r.columns[c]),
                n,
                shown(*n)
            );
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</table>\n");

    // Heat map 2: regions × items, only where anything diverges.
    let items: Vec<usize> = (0..r.items.len()).filter(|&i| r.items[i].score() > 0).collect();
    let offenders: Vec<_> = r.regions.iter().filter(|g| g.score > 0).collect();
    let _ = writeln!(s, "<h2>区划 × 事项</h2>");
    if items.is_empty() {
        let _ = writeln!(
            s,
            "<p>全部 {} 个事项在 {} 个区划均按全省标准办理。</p>",
            r.items.len(),
            r.regions.len()
        );
    } else {
        s.push_str("<table class=\"heat\">\n<tr><th>区划</th><th>合计</th>");
        for &i in &items {
            let it = &r.items[i];
            let _ = write!(
                s,
                "<th class=\"v\" title=\"{}\"><a href=\"#item-{}\">{}</a></th>",
                e(&it.code),
                e(&it.code),
                e(&it.name)
            );
        }
        s.push_str("</tr>\n");
        for g in &offenders {
            let _ = write!(
                s,
                "<tr><th>{} {}</th><td class=\"c h{}\">{}</td>",
                e(&g.name),
                e(&g.code),
                heat(g.score),
                g.score
            );
            for &i in &items {
                let n = g.by_item[i];
                let _ = write!(
                    s,
                    "<td class=\"c h{}\" title=\"{} · {}：{} 处\">{}</td>",
                    heat(n),
                    e(&g.name),
                    e(&r.items[i].name),
                    n,
                    shown(n)
                );
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
        let _ = writeln!(
            s,
            "<p class=\"note\">其余 {} 个区划、{} 个事项均按全省标准办理，未列出。</p>",
            r.regions.len() - offenders.len(),
            r.items.len() - items.len()
        );
    }

    // Detail per item.
    let _ = writeln!(s, "<h2>事项明细（偏离和离群多者在前）</h2>");
    for it in r.items.iter().filter(|i| notable(i)) {
        let _ = writeln!(
            s,
            "<h3 id=\"item-{}\">{} {}</h3>\n<p>实施区划 {} 个，偏离和离群 {} 处。</p>",
            e(&it.code),
            e(&it.code),
            e(&it.name),
            it.regions,
            it.score()
        );
        let divergent: Vec<_> = it.elements.iter().filter(|x| !x.divergences.is_empty()).collect();
        if !divergent.is_empty() {
            s.push_str(
                "<table>\n<tr><th>要素</th><th>区划</th><th>标准或多数取值</th><th>本地取值</th><th>情况</th></tr>\n",
            );
            for el in divergent {
                for d in &el.divergences {
                    let label = divergence_label(el, d);
                    let _ = writeln!(
                        s,
                        "<tr><td>{}</td><td>{}</td><td class=\"val\">{}</td><td class=\"val\">{}</td><td class=\"{}\">{}</td></tr>",
                        e(&label),
                        e(&region_label(d)),
                        e(&d.standard),
                        e(&d.value),
                        status_class(d.status),
                        e(&status_text(d))
                    );
                }
            }
            s.push_str("</table>\n");
        }
        s.push_str("<ul>\n");
        for el in it.elements.iter().filter(|x| notable_element(x)) {
            let _ = writeln!(s, "<li>{}</li>", e(&element_line(el)));
        }
        s.push_str("</ul>\n");
    }
    let uniform: Vec<_> = r.items.iter().filter(|i| !notable(i)).collect();
    if !uniform.is_empty() {
        let _ = writeln!(s, "<h2>全省各区划一致的事项（{} 项）</h2>\n<ul>", uniform.len());
        for i in uniform {
            let _ = writeln!(s, "<li>{} {}（实施区划 {} 个）</li>", e(&i.code), e(&i.name), i.regions);
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::uniformity::{ElementKind, ItemReport, RegionRow};

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape_html("公司设立登记"), "公司设立登记");
    }

    fn hostile() -> Report {
        let evil = "<script>alert(1)</script>\"onmouseover=\"x";
        Report {
            items: vec![ItemReport {
                code: "630101001000".into(),
                name: evil.into(),
                regions: 1,
                elements: vec![ElementReport {
                    label: "承诺办结时限".into(),
                    pointer: "/promised_deadline".into(),
                    kind: ElementKind::MayDiffer,
                    standard: evil.into(),
                    following: 0,
                    divergences: vec![Divergence {
                        region: "630100".into(),
                        region_name: evil.into(),
                        element: "/promised_deadline".into(),
                        standard: evil.into(),
                        value: evil.into(),
                        status: Status::Worse,
                        note: evil.into(),
                    }],
                    spread: vec![(evil.into(), 1)],
                }],
            }],
            regions: vec![RegionRow {
                code: "630100".into(),
                name: evil.into(),
                score: 1,
                by_element: vec![1],
                by_item: vec![1],
                items: 1,
            }],
            columns: vec![evil.into()],
            locals: 1,
        }
    }

    #[test]
    fn catalog_text_never_reaches_html_unescaped() {
        let page = html(&hostile());
        assert!(!page.contains("<script"), "unescaped script in page");
        assert!(!page.contains("\"onmouseover"), "attribute injection in page");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("<link"));
    }

    #[test]
    fn markdown_cells_cannot_break_tables() {
        let out = markdown(&hostile());
        assert!(!out.contains("<script"));
        assert_eq!(md("a|b\nc"), "a\\|b c");
    }

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
        assert_eq!(truncate("一二三四五", 6), "一二…");
    }
}
