//! The import summary, in Chinese: counts, records that failed (by line),
//! deviations written, what was not mapped, what to check, and the
//! existing files left alone.

use super::build::{Action, DeviationNote, FileOut, ItemNote, Summary};

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

/// The whole summary. `files` are the files written (or, in a dry run,
/// that would be).
pub(crate) fn render(sum: &Summary, files: &[FileOut], input: &str, out: &str, dry_run: bool) -> String {
    let mut s = String::new();
    let dry = if dry_run {
        "（试运行：只报告，未写入任何文件）"
    } else {
        ""
    };
    line(&mut s, format!("导入 {input} → {out}{dry}"));
    counts(&mut s, sum);
    section(
        &mut s,
        format!("无法导入的记录（{} 处问题，其余记录已导入）：", sum.failed.len()),
        sum.failed.iter().map(|p| format!("  第 {} 行：{}", p.line, p.message)),
    );
    section(&mut s, "基本目录事项（全省标准）：", sum.items.iter().map(item_line));
    section(
        &mut s,
        "偏离全省标准（已登记在实施清单的 deviations 中，法律依据和批准机关留空，lint 将报告待审核）：",
        sum.deviations.iter().map(deviation_line),
    );
    section(
        &mut s,
        "与全省标准不同、但不是全省统一要素的（rules/rules.json 的 uniform_elements 未列入，实施清单无处登记，未导入）：",
        sum.differences.iter().map(deviation_line),
    );
    section(
        &mut s,
        "未映射的字段（未导入；可在映射文件 fields 中指定，或列入 ignore）：",
        sum.unmapped.iter().map(|(name, l)| format!("  {name}：{}", lines(l))),
    );
    section(
        &mut s,
        "申请材料中未映射的属性（未导入；可在映射文件 material_fields 中指定）：",
        sum.unmapped_material
            .iter()
            .map(|(name, l)| format!("  {name}：{}", lines(l))),
    );
    section(
        &mut s,
        "新增实施主体（写入 agencies/<区划代码>.json）：",
        sum.new_agencies.iter().map(|(id, name)| format!("  {id} {name}")),
    );
    section(
        &mut s,
        "新增材料（写入 materials.json，请补充类型、来源渠道等属性）：",
        sum.new_materials.iter().map(|(id, name)| format!("  {id} {name}")),
    );
    section(&mut s, "请核对：", notices(sum));
    section(
        &mut s,
        "已存在、未覆盖的文件（其中的实施清单未重新比较、未登记偏离；使用 --force 覆盖）：",
        sum.skipped.iter().map(|p| format!("  {p}")),
    );
    written(&mut s, files, dry_run);
    s
}

fn line(s: &mut String, text: String) {
    s.push_str(&text);
    s.push('\n');
}

/// A heading and its lines, after a blank line; nothing when there are no
/// lines.
fn section(s: &mut String, heading: impl Into<String>, lines: impl Iterator<Item = String>) {
    let mut lines = lines.peekable();
    if lines.peek().is_none() {
        return;
    }
    line(s, format!("\n{}", heading.into()));
    for l in lines {
        line(s, l);
    }
}

/// The counts at the top: records, items, local files, deviations.
fn counts(s: &mut String, sum: &Summary) {
    line(
        s,
        format!(
            "记录 {} 条：导入 {} 条，无法导入 {} 条",
            sum.records,
            sum.imported,
            sum.records - sum.imported
        ),
    );
    let count = |a: Option<Action>| sum.items.iter().filter(|i| i.action == a).count();
    line(
        s,
        format!(
            "基本目录事项 {} 个：新建 {}，覆盖 {}，保留已有文件 {}",
            sum.items.len(),
            count(Some(Action::Create)),
            count(Some(Action::Overwrite)),
            count(None)
        ),
    );
    let local_skipped = sum.skipped.iter().filter(|p| p.starts_with("local/")).count();
    line(
        s,
        format!(
            "实施清单 {} 份：写入 {}，已存在未覆盖 {}",
            sum.locals_written + local_skipped,
            sum.locals_written,
            local_skipped
        ),
    );
    line(
        s,
        format!(
            "偏离全省标准 {} 项，非统一要素的差异 {} 处；新增实施主体 {} 个，新增材料 {} 种",
            sum.deviations.len(),
            sum.differences.len(),
            sum.new_agencies.len(),
            sum.new_materials.len()
        ),
    );
}

fn item_line(i: &ItemNote) -> String {
    let what = match i.action {
        Some(Action::Create) => "新建",
        Some(Action::Overwrite) => "覆盖",
        Some(Action::Append) => "追加",
        None => "保留已有文件，以其为全省标准",
    };
    format!("  {} {}：{} 条记录，{what}", i.code, i.name, i.records)
}

fn deviation_line(d: &DeviationNote) -> String {
    format!("  {} {}（{}）：{}", d.path, d.element, d.label, d.text)
}

/// The remarks, by their first line (remarks about no line first).
fn notices(sum: &Summary) -> impl Iterator<Item = String> + '_ {
    let mut notes: Vec<(&String, &Vec<usize>)> = sum.notices.iter().collect();
    notes.sort_by_key(|(m, l)| (l.iter().copied().filter(|n| *n > 0).min().unwrap_or(0), (*m).clone()));
    notes.into_iter().map(|(msg, l)| {
        if l.iter().any(|n| *n > 0) {
            format!("  {}：{msg}", lines(l))
        } else {
            format!("  {msg}")
        }
    })
}

/// The files written (or to be written), with what is done to each.
fn written(s: &mut String, files: &[FileOut], dry_run: bool) {
    let verb = if dry_run { "将写入" } else { "已写入" };
    if files.is_empty() {
        line(s, format!("\n{verb}文件 0 个。"));
        return;
    }
    line(s, format!("\n{verb}文件 {} 个：", files.len()));
    for f in files {
        let what = match f.action {
            Action::Create => "新建",
            Action::Overwrite => "覆盖",
            Action::Append => "追加条目",
        };
        line(s, format!("  {what} {}", f.path));
    }
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
