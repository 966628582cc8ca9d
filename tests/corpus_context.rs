//! The context rules of the shipped lexicon (`/context` of
//! `rules/lexicon.json`) against the two corpora: each must veto at least
//! one hit, or it is dead or untested.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use tongbiao::text::matcher::Usage;

/// Every context rule of the shipped lexicon (`/context` of
/// `rules/lexicon.json`) vetoes at least one hit in the two corpora
/// (`vague.jsonl`, `real.jsonl`): a rule that never fires is either dead
/// or untested. Only the rule's place is printed, never a clause.
#[test]
fn every_context_rule_fires_on_the_corpora() {
    let Ok(config) = tongbiao::config::load(None, &tongbiao::rules::known).config else {
        panic!("the shipped rules/ must compile")
    };
    let m = &config.matcher;
    let mut used = Usage::new(m, config.allow_count);
    let corpora = [include_str!("corpus/vague.jsonl"), include_str!("corpus/real.jsonl")];
    for line in corpora.iter().flat_map(|c| c.lines()).filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut u = Usage::new(m, config.allow_count);
        m.find(v["text"].as_str().unwrap(), &mut u);
        used.merge(&u);
    }
    let rules = used.context_used();
    assert!(
        rules.len() >= 8,
        "the shipped lexicon has {} context rules",
        rules.len()
    );
    let unused: Vec<String> = (0..rules.len())
        .filter(|&k| !rules[k])
        .map(|k| format!("/context/{k}"))
        .collect();
    assert!(
        unused.is_empty(),
        "context rules that veto nothing in the corpora: {unused:?}"
    );
    let allow = used.allow_used();
    let idle: Vec<String> = (0..allow.len())
        .filter(|&k| !allow[k])
        .map(|k| format!("/allow/{k}"))
        .collect();
    println!("allow terms that cover no hit in the corpora: {idle:?}");
}
