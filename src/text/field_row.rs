//! A field row flattened into one text: `名称:值` or `名称 值` (a guide's
//! table row kept as one line, e.g. `委托部门:无`, `收费依据 无`). The text
//! after the label is the field's value, so a whole-field entry (占位 `无`,
//! `/`, `-`) also matches when it is the whole value of such a row. The
//! label is a few Chinese characters, then a colon or a space in the text
//! the author wrote (spaces are gone from the normalised copy, so the gap
//! is looked up in the original); without either, a symbol value (`收费依据/`)
//! or a label ending in a field's head noun (`申请条件无`) makes a row too,
//! and so do values printed without names (`无 无`, `无 暂无`). The values
//! are the lexicon's whole-field phrases and the heads its `field_heads`
//! ([`FieldRows`]). Used by `check-text` and `lint` alike: both run
//! [`super::matcher::Matcher::find`].

use super::normalize::Normalized;

/// Longest field label, in characters (`必须到现场原因`, `法定时限办结说明`).
const LABEL_MAX: usize = 12;

/// What tells a row from running words, as the lexicon gives it: the
/// whole-field values (`无`, `暂无`, `(无)`, normalised) and the head nouns
/// that end a field's name (`条件`, `依据`). Both are data so that a value
/// or head added to `rules/lexicon.json` counts everywhere a built-in one
/// does, with no second list to keep in step.
#[derive(Debug, Clone)]
pub(crate) struct FieldRows {
    /// Phrase whole-field patterns, normalised. Pattern (`regex`) entries
    /// are left out: a regex is matched at the row's end like any hit, but
    /// cannot say where one value of an unnamed row (`无 无`) ends.
    values: Vec<String>,
    /// Field heads (lexicon.json `field_heads`).
    heads: Vec<String>,
}

impl FieldRows {
    /// Rows made of these values and labels ending in these heads. Empty
    /// strings are dropped: they would match everywhere.
    pub(crate) fn new(values: Vec<String>, heads: &[String]) -> FieldRows {
        let keep = |v: &String| !v.is_empty();
        FieldRows {
            values: values.into_iter().filter(keep).collect(),
            heads: heads.iter().filter(|h| keep(h)).cloned().collect(),
        }
    }

    /// Whether normalised byte `s` of `n` (the normalised copy of
    /// `original`) starts the value of a `名称:值` / `名称 值` row:
    /// everything before it is a label of 2 to [`LABEL_MAX`] Chinese
    /// characters, followed by a colon or by whitespace in the original.
    pub(crate) fn value_starts_at(&self, n: &Normalized, original: &str, s: usize) -> bool {
        // A label is short: a long prefix is no row (and is not walked).
        let Some(prefix) = n.text.get(..s).filter(|p| p.len() <= 4 * LABEL_MAX + 1) else {
            return false;
        };
        let (label, colon) = match prefix.strip_suffix(':') {
            Some(l) => (l, true),
            None => (prefix, false),
        };
        // Values printed without field names (`无 无`): the row is all values.
        if !colon && self.values_only(label) {
            return spaced(n, original, s);
        }
        if !label_shape(label, colon) {
            return false;
        }
        colon || spaced(n, original, s) || self.cannot_run_into(label, &n.text[s..])
    }

    /// Whether a value written straight after `label` is still a value:
    /// one that is no Chinese character (`/`, `-`, `—`) cannot run into the
    /// label's words (`收费依据/`), nor can one after a label that ends in
    /// a field's head noun (`申请条件无`, unlike `有无`, `并无`).
    fn cannot_run_into(&self, label: &str, value: &str) -> bool {
        value.chars().next().is_some_and(|c| !han(c)) || self.heads.iter().any(|h| label.ends_with(h.as_str()))
    }

    /// Whether `text` is one or more whole-field values one after another
    /// (`无`, `无/`, `暂无(无)`: spaces are gone from the normalised copy).
    /// A walk over the byte positions reachable by whole values, so a value
    /// that is the start of another (`—` and `——`) costs no backtracking.
    fn values_only(&self, text: &str) -> bool {
        if text.is_empty() {
            return false;
        }
        let mut reach = vec![false; text.len() + 1];
        reach[0] = true;
        for i in 0..text.len() {
            if !reach[i] {
                continue;
            }
            for v in self.values.iter().filter(|v| text[i..].starts_with(v.as_str())) {
                reach[i + v.len()] = true;
            }
        }
        reach[text.len()]
    }
}

/// Whether `label` has a label's shape: 2 to [`LABEL_MAX`] Chinese
/// characters, starting with one. Before a colon it may carry a bracketed
/// note (`收费标准（元）:无`) or name two fields (`收费项目名称、标准:无`).
fn label_shape(label: &str, colon: bool) -> bool {
    let count = label.chars().filter(|&c| han(c)).count();
    let bracket = |c: char| colon && matches!(c, '(' | ')' | '（' | '）' | '、');
    (2..=LABEL_MAX).contains(&count)
        && label.chars().next().is_some_and(han)
        && label.chars().all(|c| han(c) || bracket(c))
        && !label.ends_with('、')
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
pub(crate) fn han(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// The rows of a lexicon with the placeholders `values` and the field
    /// heads `heads`.
    fn rows(values: &[&str], heads: &[&str]) -> FieldRows {
        FieldRows::new(strings(values), &strings(heads))
    }

    /// Rows as the tests below assume them: the symbol and 无 placeholders,
    /// a few field heads.
    fn usual() -> FieldRows {
        rows(&["无", "/", "-", "—"], &["条件", "标准", "依据", "名称"])
    }

    /// Whether the last `value` in `text` starts a row value under `r`.
    fn value_in(r: &FieldRows, text: &str, value: &str) -> bool {
        let n = normalize(text);
        let s = n.text.rfind(value).expect("value in normalised text");
        r.value_starts_at(&n, text, s)
    }

    /// [`value_in`] with the [`usual`] rows.
    fn value_at(text: &str, value: &str) -> bool {
        value_in(&usual(), text, value)
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
        assert!(!usual().value_starts_at(&n, "无", 0));
        assert!(!usual().value_starts_at(&n, "无", 99));
    }

    #[test]
    fn an_unnamed_row_is_made_of_the_lexicon_s_whole_field_values() {
        let with = rows(&["无", "暂无", "(无)"], &[]);
        let without = rows(&["/"], &[]);
        assert!(value_in(&with, "无 暂无", "暂无"));
        assert!(value_in(&with, "（无） 无", "无"));
        assert!(value_in(&with, "无 （无） 暂无", "暂无"));
        assert!(!value_in(&without, "无 暂无", "暂无"));
        assert!(!value_in(&without, "（无） 无", "无"));
        // Values run together are one value, not a row.
        assert!(!value_in(&with, "（无）无", "无"));
        // 暂无 is two Chinese characters: before a space it is a label
        // (`名称 值`), whether or not it is also a value.
        assert!(value_in(&with, "暂无 暂无", "暂无"));
        assert!(value_in(&without, "暂无 暂无", "暂无"));
    }

    #[test]
    fn a_value_that_starts_another_does_not_stop_the_walk() {
        let r = rows(&["—", "——", "暂无"], &[]);
        assert!(value_in(&r, "——— —", "—"));
        assert!(value_in(&r, "———暂无 —", "—"));
        assert!(!value_in(&r, "——暂 —", "—"));
    }

    #[test]
    fn the_field_heads_are_those_of_the_data() {
        let fee = rows(&["无"], &["依据", "收费标准"]);
        assert!(value_in(&fee, "收费依据无", "无"));
        assert!(value_in(&fee, "收费标准无", "无"));
        assert!(!value_in(&fee, "申请条件无", "无"));
        assert!(!value_in(&rows(&["无"], &[]), "收费依据无", "无"));
        // A separator needs no head.
        assert!(value_in(&fee, "申请条件 无", "无"));
    }

    #[test]
    fn empty_values_and_heads_are_dropped() {
        // An empty head would end every label.
        let r = rows(&["", "无"], &[""]);
        assert!(!value_in(&r, "材料有无", "无"));
        assert!(value_in(&r, "无 无", "无"));
    }
}
