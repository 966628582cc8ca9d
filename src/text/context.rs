//! Context rules: vetoes that look at the text around a hit the lexicon
//! already found — right before it, right after it, or anywhere in its
//! clause or field. `regex` has no look-around, so an allow pattern has to
//! spell out the hit and its context in one expression and vetoes every
//! class; a context rule names the classes it applies to and says only
//! what the context must look like (a parenthesis naming the referent, a
//! colon and the list that follows, a closed category after 等).
//!
//! Rules run only on hits (after the phrase automaton and the pattern
//! sets have found them), on windows of at most `WINDOW_CHARS` characters
//! either side; a `within` check is done once per rule and clause (or
//! field), so the cost does not grow with the length of the text.

use std::collections::HashMap;

use regex::Regex;

use super::lexicon::{ContextEntry, ContextScope, VagueClass};
use super::matcher::BuildError;

/// How far `before` and `after` look, in characters.
pub(crate) const WINDOW_CHARS: usize = 60;

/// A compiled context rule.
#[derive(Debug)]
pub(crate) struct ContextRule {
    classes: Vec<VagueClass>,
    hit: Option<Regex>,
    before: Option<Regex>,
    after: Option<Regex>,
    within: Option<Regex>,
    field: bool,
}

/// Compile every rule; problems are pushed to `errs` with their pointer
/// into lexicon.json.
pub(crate) fn compile(list: &[ContextEntry], errs: &mut Vec<BuildError>) -> Vec<ContextRule> {
    let mut out = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let n = errs.len();
        if c.classes.is_empty() {
            errs.push(BuildError {
                pointer: format!("/context/{i}/classes"),
                message: "上下文规则没有写适用的类别".into(),
                help: "在 classes 中写出至少一个类别，如 [\"开放列举\"]",
            });
        }
        if c.before.is_none() && c.after.is_none() && c.within.is_none() {
            errs.push(BuildError {
                pointer: format!("/context/{i}"),
                message: "上下文规则没有写任何上下文条件".into(),
                help: "至少写 before、after、within 之一；只看命中文字本身的，写成允许的用语（allow）",
            });
        }
        let mut part = |field: &str, src: &Option<String>, wrap: fn(&str) -> String| {
            src.as_deref().and_then(|s| {
                let r = super::patterns::compile_regex(s, format!("/context/{i}/{field}"), errs)?;
                // Anchored copy of a regex that compiled on its own.
                Regex::new(&wrap(r.as_str())).ok()
            })
        };
        let hit = part("hit", &c.hit, |s| format!("^(?:{s})$"));
        let before = part("before", &c.before, |s| format!("(?:{s})$"));
        let after = part("after", &c.after, |s| format!("^(?:{s})"));
        let within = part("within", &c.within, |s| s.to_string());
        if errs.len() == n {
            out.push(ContextRule {
                classes: c.classes.clone(),
                hit,
                before,
                after,
                within,
                field: c.scope == ContextScope::Field,
            });
        }
    }
    out
}

/// A hit to check: its class, the normalised text, the hit's byte range
/// and the range of its clause.
pub(crate) struct Probe<'t> {
    pub(crate) class: VagueClass,
    pub(crate) text: &'t str,
    pub(crate) hit: (usize, usize),
    pub(crate) clause: (usize, usize),
}

impl ContextRule {
    /// Whether this rule vetoes the hit of `p`, within `scope` (the clause
    /// or the field, per `self.field`). `within` answers the `within` check
    /// for that scope (cached by the caller).
    fn vetoes(&self, p: &Probe<'_>, scope: (usize, usize), within: &mut dyn FnMut(&Regex) -> bool) -> bool {
        let (s, e) = p.hit;
        let text = p.text;
        if !self.classes.contains(&p.class) || self.hit.as_ref().is_some_and(|r| !r.is_match(&text[s..e])) {
            return false;
        }
        if let Some(r) = &self.before {
            let from = back(text, scope.0, s);
            if !r.is_match(&text[from..s]) {
                return false;
            }
        }
        if let Some(r) = &self.after {
            let to = forward(text, e, scope.1);
            if !r.is_match(&text[e..to]) {
                return false;
            }
        }
        self.within.as_ref().is_none_or(within)
    }
}

/// Whether any rule vetoes the hit of `p`; marks the first such rule in
/// `used`. `cache` holds the `within` answers per (rule, scope start).
pub(crate) fn veto(
    rules: &[ContextRule],
    p: &Probe<'_>,
    cache: &mut HashMap<(usize, usize), bool>,
    used: &mut [bool],
) -> bool {
    for (k, r) in rules.iter().enumerate() {
        let scope = if r.field { (0, p.text.len()) } else { p.clause };
        let mut within = |re: &Regex| {
            *cache
                .entry((k, scope.0))
                .or_insert_with(|| re.is_match(&p.text[scope.0..scope.1]))
        };
        if r.vetoes(p, scope, &mut within) {
            used[k] = true;
            return true;
        }
    }
    false
}

/// Start of the window of `WINDOW_CHARS` characters ending at `s`, not
/// before `floor` (empty when the hit starts before its scope).
fn back(text: &str, floor: usize, s: usize) -> usize {
    if s <= floor {
        return s;
    }
    text[floor..s]
        .char_indices()
        .rev()
        .nth(WINDOW_CHARS - 1)
        .map_or(floor, |(k, _)| floor + k)
}

/// End of the window of `WINDOW_CHARS` characters starting at `e`, not
/// past `ceil` (empty when the hit runs past its clause: a pattern may
/// match across a clause's end, found by fuzzing).
fn forward(text: &str, e: usize, ceil: usize) -> usize {
    if e >= ceil {
        return e;
    }
    text[e..ceil]
        .char_indices()
        .nth(WINDOW_CHARS)
        .map_or(ceil, |(k, _)| e + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stop_at_the_scope_and_at_sixty_characters() {
        let t = "甲".repeat(100);
        assert_eq!(back(&t, 0, 3 * 100), 3 * 40);
        assert_eq!(back(&t, 3 * 90, 3 * 100), 3 * 90);
        assert_eq!(forward(&t, 0, t.len()), 3 * 60);
        assert_eq!(forward(&t, 3 * 95, t.len()), t.len());
    }

    #[test]
    fn a_hit_past_its_scope_gets_an_empty_window() {
        let t = "甲".repeat(20);
        assert_eq!(forward(&t, 3 * 14, 3 * 11), 3 * 14);
        assert_eq!(back(&t, 3 * 11, 3 * 11), 3 * 11);
    }
}
