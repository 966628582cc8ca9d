//! The regex side of the matcher: compiling one pattern with its size
//! budget and a Chinese diagnostic, the `RegexSet` prefilter, and the
//! spans a pattern reports.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::matcher::BuildError;

/// Longest pattern (`regex`) source, in characters.
pub(crate) const MAX_REGEX_CHARS: usize = 500;
/// Longest text (bytes) that is first checked with the pattern sets; see
/// `Matcher::sets`. Measured (release, stop 20): 118,000 short clauses
/// 0.95 s → 0.52 s CPU with the sets; one 10 MB line 0.27 s without them,
/// 2.07 s with them.
pub(crate) const SET_MAX_BYTES: usize = 4096;
/// Compiled-size budget of one pattern (bytes), so a pathological
/// repetition is refused at load rather than blowing up memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Cache of the set's lazy DFA. The default (2 MiB) is exhausted by the
/// lexicon's ~40 pattern entries on ordinary clauses, and the set then
/// falls back to a far slower engine: one more pattern entry doubled the
/// matcher's time (batch-11 development pass, `docs/benchmarks.md`).
const SET_DFA_CACHE: usize = 16 << 20;

/// Compile one pattern of lexicon.json (at `pointer`), or push why not.
pub(crate) fn compile_regex(src: &str, pointer: String, errs: &mut Vec<BuildError>) -> Option<Regex> {
    if src.chars().count() > MAX_REGEX_CHARS {
        errs.push(BuildError {
            pointer,
            message: format!(
                "正则表达式过长（{} 字），上限 {MAX_REGEX_CHARS} 字",
                src.chars().count()
            ),
            help: "拆成几条较短的用语",
        });
        return None;
    }
    match RegexBuilder::new(src).size_limit(REGEX_SIZE_LIMIT).build() {
        Ok(r) => Some(r),
        Err(e) => {
            errs.push(BuildError {
                pointer,
                message: format!("不是可用的正则表达式：{}", last_line(&e.to_string())),
                help: "按 Rust regex 语法书写，如 其他.{0,6}(材料|证明)；编译后超出大小上限的重复也会被拒绝",
            });
            None
        }
    }
}

/// The last non-blank line of a multi-line error (regex puts the reason
/// there, after a caret diagram).
fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(s).trim()
}

/// One set of all `patterns`, or `None` if it cannot be built within the
/// size budget (each pattern compiled on its own already).
pub(crate) fn regex_set(patterns: &[(usize, Regex)]) -> Option<RegexSet> {
    RegexSetBuilder::new(patterns.iter().map(|(_, r)| r.as_str()))
        .size_limit(REGEX_SIZE_LIMIT.saturating_mul(patterns.len().max(1)))
        .dfa_size_limit(SET_DFA_CACHE)
        .build()
        .ok()
}

/// The patterns that match somewhere in `text`: those the set reports, or
/// all of them without a set.
pub(crate) fn live<'a>(
    patterns: &'a [(usize, Regex)],
    set: Option<&RegexSet>,
    text: &str,
) -> Box<dyn Iterator<Item = &'a (usize, Regex)> + 'a> {
    match set {
        Some(set) if text.len() <= SET_MAX_BYTES => Box::new(set.matches(text).into_iter().map(move |k| &patterns[k])),
        _ => Box::new(patterns.iter()),
    }
}

/// Non-empty spans of `r` in `text`: the group named `hit` when the
/// pattern has one (the words reported, e.g. the 等 of `(?P<hit>等)材料`),
/// else the whole match.
pub(crate) fn regex_spans<'t>(r: &'t Regex, text: &'t str) -> Box<dyn Iterator<Item = (usize, usize)> + 't> {
    if r.capture_names().any(|n| n == Some("hit")) {
        Box::new(
            r.captures_iter(text)
                .filter_map(|c| c.name("hit"))
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end())),
        )
    } else {
        Box::new(
            r.find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end())),
        )
    }
}
