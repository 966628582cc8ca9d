//! `tongbiao rules` and `tongbiao explain`: the registry, in Chinese.

use unicode_width::UnicodeWidthStr;

use super::Outcome;
use crate::rules;

/// Every rule: id, category, default severity, summary; as aligned
/// columns (by display width: a Chinese character takes two) or as JSON.
pub(super) fn list(json: bool) -> Outcome {
    let mut o = Outcome::default();
    if json {
        let rows: Vec<_> = rules::RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "category": r.category.label(),
                    "severity": r.severity,
                    "summary": r.summary,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        o.out(text + "\n");
        return o;
    }
    let widths = |f: fn(&rules::Rule) -> &str| rules::RULES.iter().map(|r| f(r).width()).max().unwrap_or(0);
    let (w_id, w_cat, w_sev) = (
        widths(|r| r.id),
        widths(|r| r.category.label()),
        widths(|r| r.severity.label()),
    );
    let mut s = String::new();
    for r in rules::RULES {
        for (text, w) in [(r.id, w_id), (r.category.label(), w_cat), (r.severity.label(), w_sev)] {
            s.push_str(text);
            s.push_str(&" ".repeat(w - text.width() + 2));
        }
        s.push_str(r.summary);
        s.push('\n');
    }
    o.out(s);
    o
}

/// One rule's full explanation; an unknown id gets the nearest ids.
/// The basis cites the province documents of `rules/` (`--rules`, else
/// ./rules when it exists, else the shipped defaults).
pub(super) fn explain(id: &str, dir: Option<std::path::PathBuf>) -> Outcome {
    let Some(r) = rules::find(id) else {
        let mut near: Vec<(usize, &str)> = rules::RULES
            .iter()
            .map(|r| (strsim::levenshtein(id, r.id), r.id))
            .filter(|(d, r)| *d <= (r.len().max(id.len()) / 3).max(2))
            .collect();
        near.sort();
        let hint = match near.first() {
            Some((_, best)) => format!("是否想写“{best}”？"),
            None => String::new(),
        };
        return Outcome::failed(format!(
            "没有标识为“{id}”的规则；{hint}运行 tongbiao rules 查看全部规则"
        ));
    };
    let dir = dir.unwrap_or_else(|| "rules".into());
    if !dir.is_dir() && dir.as_os_str() != "rules" {
        return Outcome::failed(format!("--rules 指定的规则配置目录不存在或不是目录：{}", dir.display()));
    }
    let docs = crate::config::province_documents(dir.is_dir().then_some(dir.as_path()));
    let mut o = Outcome::default();
    o.out(format!(
        "{}（{}，默认级别：{}）\n{}\n\n{}\n",
        r.id,
        r.category.label(),
        r.severity.label(),
        r.summary,
        r.explanation(&docs)
    ));
    o
}
