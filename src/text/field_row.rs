//! A field row flattened into one text: `名称:值` or `名称 值` (a guide's
//! table row kept as one line, e.g. `委托部门:无`, `收费依据 无`). The text
//! after the label is the field's value, so a whole-field entry (占位 `无`,
//! `/`, `-`) also matches when it is the whole value of such a row. The
//! label is a few Chinese characters, then a colon or a space in the text
//! the author wrote (spaces are gone from the normalised copy, so the gap
//! is looked up in the original); without either, a symbol value (`收费依据/`)
//! or a label ending in a field's head noun (`申请条件无`) makes a row too,
//! and so do placeholder values printed without names (`无 无`). Used by
//! `check-text` and `lint` alike:
//! both run [`super::matcher::Matcher::find`].

use super::normalize::Normalized;

/// Longest field label, in characters (`必须到现场原因`, `法定时限办结说明`).
const LABEL_MAX: usize = 12;

/// Whether normalised byte `s` of `n` (the normalised copy of `original`)
/// starts the value of a `名称:值` / `名称 值` row: everything before it is
/// a label of 2 to [`LABEL_MAX`] Chinese characters, followed by a colon or
/// by whitespace in the original.
pub(crate) fn value_starts_at(n: &Normalized, original: &str, s: usize) -> bool {
    // A label is short: a long prefix is no row (and is not walked).
    let Some(prefix) = n.text.get(..s).filter(|p| p.len() <= 4 * LABEL_MAX + 1) else {
        return false;
    };
    let (label, colon) = match prefix.strip_suffix(':') {
        Some(l) => (l, true),
        None => (prefix, false),
    };
    // Values printed without field names (`无 无`): the row is all values.
    if !colon && placeholders_only(label) {
        return spaced(n, original, s);
    }
    // Before a colon the label may carry a bracketed note (`收费标准（元）:无`)
    // or name two fields (`收费项目名称、标准:无`).
    let count = label.chars().filter(|&c| han(c)).count();
    let bracket = |c: char| colon && matches!(c, '(' | ')' | '（' | '）' | '、');
    if !(2..=LABEL_MAX).contains(&count)
        || !label.chars().next().is_some_and(han)
        || !label.chars().all(|c| han(c) || bracket(c))
        || label.ends_with('、')
    {
        return false;
    }
    colon || spaced(n, original, s) || cannot_run_into(label, &n.text[s..])
}

/// Whether a value written straight after `label` is still a value: one
/// that is no Chinese character (`/`, `-`, `—`) cannot run into the label's
/// words (`收费依据/`), nor can one after a label that ends in a field's head
/// noun (`申请条件无`).
fn cannot_run_into(label: &str, value: &str) -> bool {
    value.chars().next().is_some_and(|c| !han(c)) || field_head(label)
}

/// Head nouns that end a field's name in a guide's table (`申请条件`,
/// `收费标准`, `收费依据`, `委托部门`): a value run into such a label cannot
/// be part of its words (unlike `有无`, `并无`).
const FIELD_HEADS: &[&str] = &[
    "条件", "标准", "依据", "名称", "项目", "部门", "单位", "机构", "材料", "方式", "地点", "时限", "范围", "对象",
    "环节", "情形", "说明", "原因", "程序", "流程", "结果", "窗口", "电话", "地址",
];

/// Whether `label` ends in one of [`FIELD_HEADS`].
fn field_head(label: &str) -> bool {
    FIELD_HEADS.iter().any(|h| label.ends_with(h))
}

/// Whether `text` is made only of placeholder values (`无`, `/`, `-`, `—`).
fn placeholders_only(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '无' | '/' | '-' | '—'))
}

/// Whether the original has whitespace between the character before
/// normalised byte `s` and the character at it.
fn spaced(n: &Normalized, original: &str, s: usize) -> bool {
    let text = &n.text;
    let (Some(prev), Some(next)) = (text[..s].chars().next_back(), text[s..].chars().next()) else {
        return false;
    };
    let prev_end = n.original_range(s - prev.len_utf8(), s).1;
    let next_start = n.original_range(s, s + next.len_utf8()).0;
    original
        .get(prev_end..next_start)
        .is_some_and(|gap| gap.chars().any(char::is_whitespace))
}

/// A Chinese character (CJK unified ideographs and their extensions, the
/// compatibility block).
fn han(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    /// Whether the last character of `text` (after trailing 。) starts a row value.
    fn value_at(text: &str, value: &str) -> bool {
        let n = normalize(text);
        let s = n.text.rfind(value).expect("value in normalised text");
        value_starts_at(&n, text, s)
    }

    #[test]
    fn a_label_with_a_colon_or_a_space_makes_a_row() {
        assert!(value_at("委托部门:无", "无"));
        assert!(value_at("计划生效日期：无", "无"));
        assert!(value_at("收费依据 无", "无"));
        assert!(value_at("收费标准\u{3000}\u{3000}/", "/"));
        assert!(value_at("必须到现场原因: -", "-"));
    }

    #[test]
    fn words_run_together_or_a_long_or_mixed_prefix_make_no_row() {
        // No separator: 无 is part of the words (有无, 并无).
        assert!(!value_at("材料有无", "无"));
        assert!(!value_at("申请人并无", "无"));
        // A one-character label, a label with other characters, a sentence.
        assert!(!value_at("甲:无", "无"));
        assert!(!value_at("第1项:无", "无"));
        assert!(!value_at("申请人应当提交的材料清单及其他说明事项:无", "无"));
        // A zero-width character is not a space.
        assert!(!value_at("收费\u{200b}无", "无"));
    }

    #[test]
    fn a_symbol_value_run_into_its_label_makes_a_row() {
        assert!(value_at("收费依据/", "/"));
        assert!(value_at("特殊环节-", "-"));
        assert!(!value_at("材料有无", "无"));
    }

    #[test]
    fn a_label_before_a_colon_may_carry_a_bracketed_note() {
        assert!(value_at("收费标准（元）:无", "无"));
        assert!(value_at("办理时限(工作日)：-", "-"));
        assert!(!value_at("收费标准（元） 无", "无"));
        assert!(!value_at("（元）:无", "无"));
    }

    #[test]
    fn a_value_run_into_a_field_head_makes_a_row() {
        assert!(value_at("申请条件无", "无"));
        assert!(value_at("收费标准无", "无"));
        assert!(value_at("收费项目名称、标准:无", "无"));
        assert!(!value_at("收费项目名称、:无", "无"));
        assert!(!value_at("申请人并无", "无"));
        assert!(!value_at("有无", "无"));
    }

    #[test]
    fn values_printed_without_field_names_make_a_row() {
        assert!(value_at("无 无", "无"));
        assert!(value_at("无 / 无", "无"));
        assert!(!value_at("无无", "无"));
    }

    #[test]
    fn the_start_of_the_text_is_no_row_value() {
        let n = normalize("无");
        assert!(!value_starts_at(&n, "无", 0));
        assert!(!value_starts_at(&n, "无", 99));
    }
}
