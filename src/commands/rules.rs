//! `tongbiao rules` and `tongbiao explain`: the registry, in Chinese.

use super::Outcome;
use crate::rules;

/// Every rule: id, category, default severity, summary.
pub(super) fn list() -> Outcome {
    let mut s = String::new();
    for r in rules::RULES {
        s.push_str(&format!(
            "{:<24} {:<6} {:<4} {}\n",
            r.id,
            r.category.label(),
            r.severity.label(),
            r.summary
        ));
    }
    let mut o = Outcome::default();
    o.out(s);
    o
}

/// One rule's full explanation.
pub(super) fn explain(id: &str) -> Outcome {
    let Some(r) = rules::find(id) else {
        return Outcome::failed(format!("没有标识为“{id}”的规则；运行 tongbiao rules 查看全部规则"));
    };
    let mut o = Outcome::default();
    o.out(format!(
        "{}（{}，默认级别：{}）\n{}\n\n{}\n",
        r.id,
        r.category.label(),
        r.severity.label(),
        r.summary,
        r.explanation()
    ));
    o
}
