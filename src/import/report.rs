//! The import summary, in Chinese: counts, records that failed (by line),
//! deviations written, what was not mapped, what to check, and the
//! existing files left alone.

use std::collections::BTreeMap;

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
    section(&mut s, failed_heading(sum), failures(sum));
    section(
        &mut s,
        "基本目录事项（全省标准）：",
        capped(sum.items.iter().map(item_line), sum.items.len(), "个事项"),
    );
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
        capped(
            sum.new_agencies.iter().map(|(id, name)| format!("  {id} {name}")),
            sum.new_agencies.len(),
            "个实施主体",
        ),
    );
    section(
        &mut s,
        "新增材料（写入 materials.json，请补充类型、来源渠道等属性）：",
        sum.new_materials.iter().map(|(id, name)| format!("  {id} {name}")),
    );
    section(&mut s, "请核对：", item_notices(sum).chain(notices(sum)));
    section(
        &mut s,
        "已存在、未覆盖的文件（其中的实施清单未重新比较、未登记偏离；使用 --force 覆盖）：",
        sum.skipped.iter().map(|p| format!("  {p}")),
    );
    written(&mut s, files, dry_run);
    s
}

/// The heading of the failures: what the counts really are, never
/// “其余记录已导入” when none was.
fn failed_heading(sum: &Summary) -> String {
    let rest = match sum.imported {
        0 => "没有记录导入".to_string(),
        n if n + failed_records(sum) == sum.records => "其余记录已导入".to_string(),
        n => format!("已导入 {n} 条"),
    };
    format!(
        "无法导入的记录（{} 条记录，{} 处问题；{rest}；同一问题只列一次，附行号）：",
        failed_records(sum),
        sum.failed.len()
    )
}

/// Records with at least one failure.
fn failed_records(sum: &Summary) -> usize {
    let mut l: Vec<usize> = sum.failed.iter().map(|p| p.line).collect();
    l.sort_unstable();
    l.dedup();
    l.len()
}

/// The failures grouped by message: one line per problem, with its count
/// and first lines, in the order of each problem's first line.
fn failures(sum: &Summary) -> impl Iterator<Item = String> + '_ {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for p in &sum.failed {
        groups.entry(p.message.as_str()).or_default().push(p.line);
    }
    let mut groups: Vec<(&str, Vec<usize>)> = groups.into_iter().collect();
    groups.sort_by_key(|(m, l)| (l.iter().copied().min().unwrap_or(0), *m));
    groups.into_iter().map(|(msg, l)| match l.as_slice() {
        [one] => format!("  第 {one} 行：{msg}"),
        _ => format!("  {}（{} 条）：{msg}", lines(&l), l.len()),
    })
}

/// Add a line, control characters from the export escaped so that no value
/// can drive the terminal.
fn line(s: &mut String, text: String) {
    for c in text.chars() {
        if (c.is_control() && c != '\n') || is_format_control(c) {
            s.push_str(&c.escape_unicode().to_string());
        } else {
            s.push(c);
        }
    }
    s.push('\n');
}

/// Invisible format characters that reorder or hide text (bidi controls,
/// zero-width characters).
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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

/// Remarks about items: the remark, then its items (the first ten).
fn item_notices(sum: &Summary) -> impl Iterator<Item = String> + '_ {
    sum.item_notices.iter().map(|(msg, codes)| {
        let shown: Vec<&str> = codes.iter().take(10).map(String::as_str).collect();
        let more = if codes.len() > 10 {
            format!(" 等 {} 个", codes.len())
        } else {
            String::new()
        };
        format!("  {msg}：事项 {}{more}", shown.join("、"))
    })
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

/// The first lines of a long list and its last few, then how many there
/// are in all.
const SHOWN: usize = 30;

fn capped<'a>(
    lines: impl Iterator<Item = String> + 'a,
    total: usize,
    what: &'a str,
) -> impl Iterator<Item = String> + 'a {
    // The first ones and the last few (where a counter would go wrong).
    const LAST: usize = 5;
    let mut all: Vec<String> = lines.collect();
    if total > SHOWN && all.len() > SHOWN {
        let tail = all.split_off(all.len() - LAST);
        let skipped = all.len() - (SHOWN - LAST);
        all.truncate(SHOWN - LAST);
        all.push(format!("  ……（中间 {skipped} 个略）"));
        all.extend(tail);
        all.push(format!(
            "  共 {total} {what}，以上列出前 {} 个和最后 {LAST} 个",
            SHOWN - LAST
        ));
    }
    all.into_iter()
}

/// The files written (or to be written): registry files one by one, base
/// items and local files counted by what is done to them.
fn written(s: &mut String, files: &[FileOut], dry_run: bool) {
    let verb = if dry_run { "将写入" } else { "已写入" };
    if files.is_empty() {
        line(s, format!("\n{verb}文件 0 个。"));
        return;
    }
    line(s, format!("\n{verb}文件 {} 个：", files.len()));
    let what = |a: Action| match a {
        Action::Create => "新建",
        Action::Overwrite => "覆盖",
        Action::Append => "追加条目",
    };
    let mut counted: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in files {
        match ["items/", "local/"].into_iter().find(|d| f.path.starts_with(*d)) {
            Some(dir) => *counted.entry((dir, what(f.action))).or_default() += 1,
            None => line(s, format!("  {} {}", what(f.action), f.path)),
        }
    }
    for ((dir, verb), n) in counted {
        line(s, format!("  {verb} {dir} 下 {n} 个文件"));
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

    fn failing(records: usize, imported: usize, failed: &[(usize, &str)]) -> Summary {
        Summary {
            records,
            imported,
            failed: failed
                .iter()
                .map(|(line, m)| crate::import::read::Problem {
                    line: *line,
                    message: (*m).to_string(),
                })
                .collect(),
            ..Summary::default()
        }
    }

    #[test]
    fn the_summary_never_says_the_rest_was_imported_when_none_was() {
        let none = failing(2, 0, &[(2, "甲"), (3, "乙")]);
        let text = render(&none, &[], "in.csv", "out", true);
        assert!(text.contains("没有记录导入"), "{text}");
        assert!(!text.contains("其余记录已导入"), "{text}");
        let some = failing(3, 2, &[(4, "甲")]);
        assert!(render(&some, &[], "in.csv", "out", true).contains("其余记录已导入"));
    }

    #[test]
    fn repeated_failures_are_one_line_with_a_count() {
        let msgs: Vec<(usize, &str)> = (2..=741).map(|l| (l, "法定办结时限写作“无”")).collect();
        let sum = failing(800, 60, &msgs);
        let text = render(&sum, &[], "in.csv", "out", true);
        let hits: Vec<&str> = text.lines().filter(|l| l.contains("法定办结时限")).collect();
        assert_eq!(hits.len(), 1, "{text}");
        assert!(
            hits[0].contains("（740 条）") && hits[0].contains("第 2、3、4"),
            "{}",
            hits[0]
        );
    }

    #[test]
    fn control_characters_from_the_export_are_escaped() {
        let sum = failing(1, 0, &[(2, "名称“\u{1b}[31m红\u{7}\u{202e}”")]);
        let text = render(&sum, &[], "in\u{1b}.csv", "out", true);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert!(text.contains("\\u{1b}[31m红\\u{7}\\u{202e}"), "{text}");
    }
}
