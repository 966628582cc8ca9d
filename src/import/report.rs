//! The import summary, in Chinese: counts, records that failed (by line),
//! deviations written, what was not mapped, what to check, and the
//! existing files left alone.

use super::build::{Action, FileOut, Summary};

/// "第 2、3、5 行", shortened after ten lines.
fn lines(list: &[usize]) -> String {
    let mut l: Vec<usize> = list.iter().copied().filter(|n| *n > 0).collect();
    l.sort_unstable();
    l.dedup();
    let shown: Vec<String> = l.iter().take(10).map(usize::to_string).collect();
    if l.len() > 10 {
        format!("第 {} 等 {} 行", shown.join("、"), l.len())
    } else {
        format!("第 {} 行", shown.join("、"))
    }
}

/// The whole summary. `written` are the files written (or, in a dry run,
/// that would be).
pub fn render(sum: &Summary, files: &[FileOut], input: &str, out: &str, dry_run: bool) -> String {
    let mut s = String::new();
    let push = |s: &mut String, line: String| {
        s.push_str(&line);
        s.push('\n');
    };
    push(
        &mut s,
        format!(
            "导入 {input} → {out}{}",
            if dry_run {
                "（试运行：只报告，未写入任何文件）"
            } else {
                ""
            }
        ),
    );
    push(
        &mut s,
        format!(
            "记录 {} 条：导入 {} 条，无法导入 {} 条",
            sum.records,
            sum.imported,
            sum.records - sum.imported
        ),
    );
    let count = |a: Option<Action>| sum.items.iter().filter(|i| i.action == a).count();
    push(
        &mut s,
        format!(
            "基本目录事项 {} 个：新建 {}，覆盖 {}，保留已有文件 {}",
            sum.items.len(),
            count(Some(Action::Create)),
            count(Some(Action::Overwrite)),
            count(None)
        ),
    );
    let local_skipped = sum.skipped.iter().filter(|p| p.starts_with("local/")).count();
    push(
        &mut s,
        format!(
            "实施清单 {} 份：写入 {}，已存在未覆盖 {}",
            sum.locals_written + local_skipped,
            sum.locals_written,
            local_skipped
        ),
    );
    push(
        &mut s,
        format!(
            "偏离全省标准 {} 项，非统一要素的差异 {} 处；新增实施主体 {} 个，新增材料 {} 种",
            sum.deviations.len(),
            sum.differences.len(),
            sum.new_agencies.len(),
            sum.new_materials.len()
        ),
    );

    if !sum.failed.is_empty() {
        push(
            &mut s,
            format!("\n无法导入的记录（{} 处问题，其余记录已导入）：", sum.failed.len()),
        );
        for p in &sum.failed {
            push(&mut s, format!("  第 {} 行：{}", p.line, p.message));
        }
    }
    if !sum.items.is_empty() {
        push(&mut s, "\n基本目录事项（全省标准）：".into());
        for i in &sum.items {
            let what = match i.action {
                Some(Action::Create) => "新建",
                Some(Action::Overwrite) => "覆盖",
                Some(Action::Append) => "追加",
                None => "保留已有文件，以其为全省标准",
            };
            push(&mut s, format!("  {} {}：{} 条记录，{what}", i.code, i.name, i.records));
        }
    }
    if !sum.deviations.is_empty() {
        push(
            &mut s,
            "\n偏离全省标准（已登记在实施清单的 deviations 中，法律依据和批准机关留空，lint 将报告待审核）：".into(),
        );
        for d in &sum.deviations {
            push(&mut s, format!("  {} {}（{}）：{}", d.path, d.element, d.label, d.text));
        }
    }
    if !sum.differences.is_empty() {
        push(
            &mut s,
            "\n与全省标准不同、但不是全省统一要素的（rules/rules.json 的 uniform_elements 未列入，实施清单无处登记，未导入）：".into(),
        );
        for d in &sum.differences {
            push(&mut s, format!("  {} {}（{}）：{}", d.path, d.element, d.label, d.text));
        }
    }
    if !sum.unmapped.is_empty() {
        push(
            &mut s,
            "\n未映射的字段（未导入；可在映射文件 fields 中指定，或列入 ignore）：".into(),
        );
        for (name, l) in &sum.unmapped {
            push(&mut s, format!("  {name}：{}", lines(l)));
        }
    }
    if !sum.unmapped_material.is_empty() {
        push(
            &mut s,
            "\n申请材料中未映射的属性（未导入；可在映射文件 material_fields 中指定）：".into(),
        );
        for (name, l) in &sum.unmapped_material {
            push(&mut s, format!("  {name}：{}", lines(l)));
        }
    }
    if !sum.new_agencies.is_empty() {
        push(&mut s, "\n新增实施主体（写入 agencies/<区划代码>.json）：".into());
        for (id, name) in &sum.new_agencies {
            push(&mut s, format!("  {id} {name}"));
        }
    }
    if !sum.new_materials.is_empty() {
        push(
            &mut s,
            "\n新增材料（写入 materials.json，请补充类型、来源渠道等属性）：".into(),
        );
        for (id, name) in &sum.new_materials {
            push(&mut s, format!("  {id} {name}"));
        }
    }
    if !sum.notices.is_empty() {
        push(&mut s, "\n请核对：".into());
        let mut notes: Vec<(&String, &Vec<usize>)> = sum.notices.iter().collect();
        notes.sort_by_key(|(m, l)| (l.iter().copied().filter(|n| *n > 0).min().unwrap_or(0), (*m).clone()));
        for (msg, l) in notes {
            if l.iter().any(|n| *n > 0) {
                push(&mut s, format!("  {}：{msg}", lines(l)));
            } else {
                push(&mut s, format!("  {msg}"));
            }
        }
    }
    if !sum.skipped.is_empty() {
        push(
            &mut s,
            "\n已存在、未覆盖的文件（其中的实施清单未重新比较、未登记偏离；使用 --force 覆盖）：".into(),
        );
        for p in &sum.skipped {
            push(&mut s, format!("  {p}"));
        }
    }
    let verb = if dry_run { "将写入" } else { "已写入" };
    if files.is_empty() {
        push(&mut s, format!("\n{verb}文件 0 个。"));
        return s;
    }
    push(&mut s, format!("\n{verb}文件 {} 个：", files.len()));
    for f in files {
        let what = match f.action {
            Action::Create => "新建",
            Action::Overwrite => "覆盖",
            Action::Append => "追加条目",
        };
        push(&mut s, format!("  {what} {}", f.path));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_lists_are_short() {
        assert_eq!(lines(&[5, 2, 2, 0]), "第 2、5 行");
        let many: Vec<usize> = (1..=12).collect();
        assert_eq!(lines(&many), "第 1、2、3、4、5、6、7、8、9、10 等 12 行");
    }
}
