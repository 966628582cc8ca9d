//! `tongbiao diff --format markdown`: a pull-request comment: counts by
//! class, the 增负 list, a region × class table.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::analysis::diff::{Class, Diff};
use crate::lint::Outcome;

/// The diff's comment, then the findings of the diff rules (one section).
pub(crate) fn render(d: &Diff, findings: &Outcome, base: &str, head: &str) -> String {
    let mut s = changes(d, base, head);
    if !findings.diagnostics.is_empty() {
        s.push_str("\n#### 变更审核\n\n| 级别 | 规则 | 位置 | 问题 |\n|---|---|---|---|\n");
        for f in &findings.diagnostics {
            let _ = writeln!(
                s,
                "| {} | `{}` | `{}:{}` | {} |",
                f.severity.label(),
                f.rule,
                findings.sources.get(f.file).path,
                f.line,
                cell(&f.message)
            );
        }
    }
    s
}

fn changes(d: &Diff, base: &str, head: &str) -> String {
    let mut s = format!("### 目录变更：`{}` → `{}`\n\n", cell(base), cell(head));
    s.push_str("| 增负 | 减负 | 结构 | 中性 |\n|---:|---:|---:|---:|\n");
    let counts: Vec<String> = Class::ALL.iter().map(|c| d.count(*c).to_string()).collect();
    let _ = writeln!(s, "| {} |\n", counts.join(" | "));
    let up: Vec<_> = d.changes.iter().filter(|c| c.class == Class::Up).collect();
    if up.is_empty() {
        s.push_str("没有增加申请人负担的变更。\n");
    } else {
        s.push_str("#### 增负（需审核）\n\n| 事项 | 区划 | 变更 | 旧 | 新 | 文件 |\n|---|---|---|---|---|---|\n");
        for c in up {
            let region = c
                .region
                .clone()
                .unwrap_or_else(|| format!("全省标准（{} 个区划）", c.regions.len()));
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | `{}{}` |",
                c.item.as_deref().unwrap_or(""),
                region,
                c.label,
                cell(c.old.as_deref().unwrap_or("")),
                cell(c.new.as_deref().unwrap_or("")),
                c.file,
                if c.pointer.is_empty() {
                    String::new()
                } else {
                    format!("#{}", c.pointer)
                }
            );
        }
    }
    let mut table: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for c in &d.changes {
        let i = Class::ALL.iter().position(|x| *x == c.class).unwrap_or(0);
        for r in &c.regions {
            table.entry(r.as_str()).or_default()[i] += 1;
        }
    }
    if !table.is_empty() {
        s.push_str("\n#### 各区划受影响的变更\n\n| 区划 | 增负 | 减负 | 结构 | 中性 |\n|---|---:|---:|---:|---:|\n");
        for (r, n) in table {
            let _ = writeln!(s, "| {r} | {} | {} | {} | {} |", n[0], n[1], n[2], n[3]);
        }
    }
    for n in &d.notes {
        let _ = writeln!(
            s,
            "\n> 注意：{} 中的 `{}` 未能读取，未参与比较：{}",
            n.side, n.file, n.message
        );
    }
    s
}

/// Text safe inside a table cell.
fn cell(t: &str) -> String {
    t.replace('|', "\\|").replace('\n', " ").replace('`', "'")
}
