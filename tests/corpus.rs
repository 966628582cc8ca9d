//! Precision and recall of the vague-language matcher (with the shipped
//! `rules/lexicon.json`) on the labelled corpus `tests/corpus/vague.jsonl`:
//! realistic clauses of every class, tricky negatives (其他组织, 等级,
//! 《》 titles, 无犯罪记录…), Traditional, spacing and zero-width variants.
//! A predicted finding counts as correct when both its class and the exact
//! original text it covers equal a labelled one. Both must reach 0.95.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

use std::collections::BTreeSet;

use tongbiao::text::matcher::Usage;

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    expect: Vec<Expect>,
}

#[derive(serde::Deserialize)]
struct Expect {
    class: String,
    #[serde(rename = "match")]
    matched: String,
}

#[test]
fn precision_and_recall_reach_095() {
    let corpus = include_str!("corpus/vague.jsonl");
    let Ok(config) = tongbiao::config::load(None, &tongbiao::rules::known).config else {
        panic!("the shipped rules/ must compile")
    };
    let m = &config.matcher;
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut lines = 0;
    for (n, line) in corpus.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        lines += 1;
        let case: Case = serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let mut usage = Usage::new(m, config.allow_count);
        let predicted: BTreeSet<(String, String)> = m
            .find(&case.text, &mut usage)
            .into_iter()
            .map(|h| {
                (
                    m.entry(h.entry).class.label().to_string(),
                    case.text[h.start..h.end].to_string(),
                )
            })
            .collect();
        let expected: BTreeSet<(String, String)> = case.expect.into_iter().map(|e| (e.class, e.matched)).collect();
        tp += predicted.intersection(&expected).count();
        let extra: Vec<_> = predicted.difference(&expected).collect();
        let missed: Vec<_> = expected.difference(&predicted).collect();
        fp += extra.len();
        fn_ += missed.len();
        if !extra.is_empty() || !missed.is_empty() {
            misses.push(format!(
                "line {}: {:?}\n  false positives {extra:?}\n  missed {missed:?}",
                n + 1,
                case.text
            ));
        }
    }
    assert!(lines >= 300, "the corpus must hold at least 300 clauses, has {lines}");
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("corpus: {lines} clauses, tp {tp}, fp {fp}, fn {fn_}, precision {precision:.3}, recall {recall:.3}");
    for m in &misses {
        println!("{m}");
    }
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3}, recall {recall:.3} (see misses above)"
    );
}
