//! lexicon.json `field_heads`: the head nouns that end a field's name in a
//! guide's table (`条件`, `依据`), which let a whole-field value run into its
//! label (`申请条件无`) still count as the value of a row. Data, not code, so
//! the office can add a head its guides use; checked here before any rule
//! runs, like every other lexicon entry.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::compile::{bad, NORMALISED_HELP};
use super::{ConfigFile, Problem};
use crate::text::field_row::han;
use crate::text::normalize::normalize;

/// The shipped lexicon's field heads: what a lexicon.json without the key
/// (one written before it existed) gets, so that such a file keeps finding
/// what it found. An explicit `[]` turns them off.
pub(crate) fn shipped() -> Vec<String> {
    static HEADS: OnceLock<Vec<String>> = OnceLock::new();
    HEADS.get_or_init(read_shipped).clone()
}

/// Only the `field_heads` of the shipped lexicon (other keys are skipped,
/// so this does not recurse into [`super::raw::LexiconFile`]'s default).
fn read_shipped() -> Vec<String> {
    #[derive(Deserialize)]
    struct Heads {
        field_heads: Vec<String>,
    }
    // The shipped file is compiled in and parsed by the tests: it cannot
    // fail at run time; if it ever did, no heads is the safe side (fewer
    // rows, no false 占位 findings).
    serde_json::from_str::<Heads>(ConfigFile::Lexicon.default_text())
        .map(|h| h.field_heads)
        .unwrap_or_default()
}

/// Every field head: its own shape ([`shape_problem`]), and listed once.
pub(super) fn check(heads: &[String], errs: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in heads.iter().enumerate() {
        let problem = shape_problem(h).or_else(|| {
            let first = seen.insert(h, i)?;
            Some((format!("字段名称中心词“{h}”与第 {} 项重复", first + 1), "删除重复的项"))
        });
        if let Some((message, help)) = problem {
            errs.push(bad(
                ConfigFile::Lexicon.id(),
                &format!("/field_heads/{i}"),
                message,
                help,
            ));
        }
    }
}

/// What is wrong with one head, if anything: it must be non-empty, in its
/// normalised (simplified, half-width) form, since labels are matched in
/// that form, and two or more Chinese characters: a one-character head
/// (费, 无) would end ordinary words too and make them rows.
fn shape_problem(h: &str) -> Option<(String, &'static str)> {
    if h.is_empty() {
        return Some((
            "字段名称中心词为空".into(),
            "填写字段名称结尾的名词，如“条件”“依据”；不需要时删除该项",
        ));
    }
    let n = normalize(h).text;
    if n != h {
        return Some((format!("字段名称中心词“{h}”应写成归一化形式“{n}”"), NORMALISED_HELP));
    }
    if h.chars().count() < 2 || !h.chars().all(han) {
        return Some((
            format!("“{h}”不是两个以上汉字的字段名称中心词"),
            "写字段名称结尾的汉字名词，如“条件”“依据”“部门”；单字会把普通词语（“有无”）也当作字段名称",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{load_texts, Invalid};
    use super::*;

    /// A lexicon of one whole-field 无 with `heads` as its field_heads
    /// (`None`: the key left out).
    fn lexicon(heads: Option<&str>) -> String {
        let entry =
            r#"{"pattern": "无", "class": "占位", "message": "m", "rewrite": "r", "policy": "p", "whole_field": true}"#;
        let heads = heads.map_or(String::new(), |h| format!(r#", "field_heads": {h}"#));
        format!(r#"{{"entries": [{entry}]{heads}}}"#)
    }

    /// What `check-text` finds in `text` under that lexicon.
    fn hits(heads: Option<&str>, text: &str) -> usize {
        let config = load_texts(&[(ConfigFile::Lexicon, &lexicon(heads))]).config.unwrap();
        let mut usage = crate::text::matcher::Usage::new(&config.matcher, 0);
        config.matcher.find(text, &mut usage).len()
    }

    #[test]
    fn the_shipped_lexicon_lists_its_heads() {
        assert!(shipped().iter().any(|h| h == "条件"), "{:?}", shipped());
    }

    #[test]
    fn a_head_in_the_data_makes_a_row_and_one_left_out_does_not() {
        assert_eq!(hits(Some(r#"["条件"]"#), "申请条件无"), 1);
        assert_eq!(hits(Some(r#"["条件"]"#), "收费依据无"), 0);
        assert_eq!(hits(Some("[]"), "申请条件无"), 0);
        // A lexicon written before the key keeps the shipped heads.
        assert_eq!(hits(None, "收费依据无"), 1);
        assert_eq!(hits(None, "材料有无"), 0);
    }

    #[test]
    fn a_bad_head_is_a_finding_at_its_place() {
        let heads = r#"["", "條件", "费", "条件a", "依据", "依据"]"#;
        let errs = load_texts(&[(ConfigFile::Lexicon, &lexicon(Some(heads)))])
            .config
            .err()
            .expect("bad heads must not compile");
        let at: Vec<(&str, &str)> = errs
            .iter()
            .map(|e| match e {
                Invalid::Entry(p) => (p.pointer.as_str(), p.message.as_str()),
                Invalid::Load(..) => panic!("a load problem: {e:?}"),
            })
            .collect();
        assert_eq!(
            at,
            [
                ("/field_heads/0", "字段名称中心词为空"),
                ("/field_heads/1", "字段名称中心词“條件”应写成归一化形式“条件”"),
                ("/field_heads/2", "“费”不是两个以上汉字的字段名称中心词"),
                ("/field_heads/3", "“条件a”不是两个以上汉字的字段名称中心词"),
                ("/field_heads/5", "字段名称中心词“依据”与第 5 项重复"),
            ]
        );
    }
}
