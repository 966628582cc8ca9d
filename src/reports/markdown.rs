//! Findings as Markdown, for a pull-request comment or a CI job summary:
//! the counts, a table by rule and one by region (errors first), then the
//! findings themselves inside collapsed `<details>` blocks, one per
//! severity. Infos are counted, and listed only with `show_info`.
//!
//! Catalog text (messages quote it) is escaped: HTML's `& < >`, Markdown's
//! punctuation, and `@`/`#` so a quoted text cannot mention a person or
//! link an issue. Deterministic: no timing in it.

use std::collections::BTreeMap;

use super::{by_rule, tally, Counts};
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

pub(crate) fn markdown(out: &Outcome, show_info: bool) -> String {
    let c = tally(out);
    let s = &out.stats;
    let mut md = format!(
        "## 同标检查结果\n\n**错误 {}** · 警告 {} · 提示 {}（检查 {} 个文件：基本目录事项 {} 项，实施清单 {} 份，一件事 {} 个）\n",
        c.error, c.warning, c.info, s.files, s.items, s.locals, s.bundles
    );
    if out.diagnostics.is_empty() {
        md.push_str("\n没有发现问题。\n");
        return md;
    }
    md.push_str("\n### 按规则\n\n| 规则 | 说明 | 错误 | 警告 | 提示 |\n|---|---|--:|--:|--:|\n");
    for r in by_rule(out) {
        let n = r.counts;
        md.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.rule,
            escape(r.summary),
            n.error,
            n.warning,
            n.info
        ));
    }
    md.push_str("\n### 按区划\n\n| 区划 | 错误 | 警告 | 提示 |\n|---|--:|--:|--:|\n");
    for (region, n) in by_region(out) {
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            escape(&region),
            n.error,
            n.warning,
            n.info
        ));
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        md.push_str(&details(out, severity, show_info));
    }
    md
}

/// One collapsed list of the findings of a severity.
fn details(out: &Outcome, severity: Severity, show_info: bool) -> String {
    let found: Vec<&Diagnostic> = out.diagnostics.iter().filter(|d| d.severity == severity).collect();
    if found.is_empty() {
        return String::new();
    }
    if severity == Severity::Info && !show_info {
        return format!("\n另有 {} 条提示未列出（加 --show-info 列出）。\n", found.len());
    }
    let mut md = format!(
        "\n<details><summary>{}（{} 条）</summary>\n\n",
        severity.label(),
        found.len()
    );
    for d in found {
        let f = out.sources.get(d.file);
        md.push_str(&format!(
            "- {}:{}:{} `{}` {}",
            escape(&f.shown()),
            d.line,
            d.column,
            d.rule,
            escape(&d.message)
        ));
        if let Some(h) = &d.help {
            md.push_str(&format!("<br>建议：{}", escape(h)));
        }
        md.push('\n');
    }
    md.push_str("\n</details>\n");
    md
}

/// Counts by region, errors first: a local file or an agency file belongs
/// to its region (named from regions.json when the run read it); the
/// other files to the province-wide groups they are.
fn by_region(out: &Outcome) -> Vec<(String, Counts)> {
    let names = &out.region_names;
    let mut map: BTreeMap<String, Counts> = BTreeMap::new();
    for d in &out.diagnostics {
        let file = out.sources.get(d.file);
        let path = &file.path;
        let region = match region_code(path) {
            Some(code) => match names.get(code) {
                Some(name) => format!("{code} {name}"),
                None => code.to_string(),
            },
            None if path.starts_with("items/") || path.starts_with("item/") => "全省标准（items/）".into(),
            None if path.starts_with("bundles/") => "一件事（bundles/）".into(),
            None if file.base.ends_with("rules/") => "规则配置（rules/）".into(),
            None => "其他文件".into(),
        };
        map.entry(region).or_default().add(d.severity);
    }
    let mut rows: Vec<(String, Counts)> = map.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1.error, b.1.warning, b.1.info)
            .cmp(&(a.1.error, a.1.warning, a.1.info))
            .then_with(|| a.0.cmp(&b.0))
    });
    rows
}

fn region_code(path: &str) -> Option<&str> {
    if let Some(rest) = path.strip_prefix("local/") {
        return rest.split('/').next().filter(|c| rest.len() > c.len());
    }
    path.strip_prefix("agencies/")?.strip_suffix(".json")
}

/// Text as literal Markdown: no markup, no HTML, no mentions, one line.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '#' => out.push_str("&#35;"),
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '{' | '}' | '|' | '~' | '!' | '$' | ':' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_text_cannot_make_markup() {
        assert_eq!(
            escape("<img src=x> **粗** [链接](u) @user #1 a|b\n"),
            "&lt;img src=x&gt; \\*\\*粗\\*\\* \\[链接\\]\\(u\\) &#64;user &#35;1 a\\|b "
        );
        assert_eq!(region_code("local/630100/630101001000.json"), Some("630100"));
        assert_eq!(region_code("agencies/630100.json"), Some("630100"));
        assert_eq!(region_code("items/630101001000.json"), None);
    }
}
