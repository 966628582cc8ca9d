//! The HTML page: one self-contained page (inline CSS, no external
//! assets). All catalog text goes through [`escape_html`].

use std::fmt::Write as _;

use super::super::report::{Report, Status};
use super::{
    divergence_label, element_line, notable, notable_element, region_label, status_text, summary, BASIS, LEGEND, TITLE,
};

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
    use super::super::tests::hostile;
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape_html("公司设立登记"), "公司设立登记");
    }

    #[test]
    fn catalog_text_never_reaches_html_unescaped() {
        let page = html(&hostile());
        assert!(!page.contains("<script"), "unescaped script in page");
        assert!(!page.contains("\" onmouseover"), "attribute injection in page");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("<link"));
    }
}
