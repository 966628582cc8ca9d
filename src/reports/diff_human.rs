//! `tongbiao diff` for a reviewer in a terminal: 增负 first, then per item
//! (the standard, then each region), old and new side by side with the
//! changed characters marked (`[-删去-]`, `{+新增+}`).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::analysis::diff::{Change, Class, Diff};
use crate::lint::Outcome;

/// The diff, then the findings of the diff rules (one section).
pub(crate) fn render(d: &Diff, findings: &Outcome, base: &str, head: &str) -> String {
    let mut s = changes(d, base, head);
    findings_section(&mut s, findings);
    super::terminal::safe(&s).into_owned()
}

/// The findings of the diff rules, one line each.
fn findings_section(s: &mut String, findings: &Outcome) {
    if !findings.diagnostics.is_empty() {
        let _ = writeln!(s, "\n== 变更审核（{} 条）==", findings.diagnostics.len());
        for f in &findings.diagnostics {
            let src = findings.sources.get(f.file);
            let _ = writeln!(
                s,
                "  {}[{}] {}:{}:{} {}",
                f.severity.label(),
                f.rule,
                src.path,
                f.line,
                f.column,
                f.message
            );
            if let Some(h) = &f.help {
                let _ = writeln!(s, "      修改：{h}");
            }
        }
    }
}

fn changes(d: &Diff, base: &str, head: &str) -> String {
    let mut s = format!("比较 {base} → {head}\n");
    if d.changes.is_empty() {
        s.push_str("没有变更。\n");
        return s;
    }
    for class in Class::ALL {
        let of: Vec<&Change> = d.changes.iter().filter(|c| c.class == class).collect();
        if of.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n== {}（{} 处）==", class.label(), of.len());
        let mut by_item: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
        for c in of {
            by_item.entry(c.item.as_deref().unwrap_or("")).or_default().push(c);
        }
        for (item, mut changes) in by_item {
            let title = if item.is_empty() {
                "目录级".to_string()
            } else {
                format!("事项 {item}")
            };
            let _ = writeln!(s, "{title}");
            changes.sort_by_key(|c| (c.region.is_some(), c.region.clone(), c.file.clone(), c.pointer.clone()));
            for c in changes {
                line(&mut s, c);
            }
        }
    }
    let _ = writeln!(
        s,
        "\n共 {} 处变更：增负 {}，减负 {}，结构 {}，中性 {}",
        d.changes.len(),
        d.count(Class::Up),
        d.count(Class::Down),
        d.count(Class::Structural),
        d.count(Class::Neutral)
    );
    s
}

fn line(s: &mut String, c: &Change) {
    let whom = match &c.region {
        Some(r) => format!("区划 {r}"),
        None if !c.regions.is_empty() => format!("全省标准，影响 {} 个区划", c.regions.len()),
        None => "全省".to_string(),
    };
    let _ = writeln!(
        s,
        "  [{}] {}  {}  {}{}",
        c.class.label(),
        c.label,
        whom,
        c.file,
        ptr(&c.pointer)
    );
    let (old, new) = match &c.marked {
        Some((o, n)) => (Some(o.as_str()), Some(n.as_str())),
        None => (c.old.as_deref(), c.new.as_deref()),
    };
    match (old, new) {
        (Some(o), Some(n)) => {
            let _ = writeln!(s, "      旧：{o}\n      新：{n}");
        }
        (Some(o), None) => {
            let _ = writeln!(s, "      旧：{o}\n      新：（无）");
        }
        (None, Some(n)) => {
            let _ = writeln!(s, "      旧：（无）\n      新：{n}");
        }
        (None, None) => {}
    }
}

fn ptr(p: &str) -> String {
    if p.is_empty() {
        String::new()
    } else {
        format!(" {p}")
    }
}
