//! Matching the lexicon over normalised text. Phrase entries and phrase
//! allow terms share one Aho-Corasick automaton (leftmost-longest: an
//! allowed term such as 其他组织 or 等级 wins by being longer or by
//! starting earlier); pattern entries (`regex`) and pattern allow terms are
//! `regex` searches over the same normalised copy. Text inside 《》 is a
//! document title and is skipped. No word boundaries: they do not exist in
//! Chinese.
//!
//! Every step is linear in the text: hits are sorted once and the context
//! checks (title, clause, list) walk forward with cursors, so a string with
//! 100,000 phrases costs what 100,000 short strings cost.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};

use super::context::{self, ContextRule};
use super::field_row::FieldRows;
use super::lexicon::{AllowEntry, ContextEntry, LexiconEntry};
use super::normalize::normalize;
use super::patterns::{compile_regex, live, regex_set, regex_spans};

/// Longest phrase or allow term, in characters of its normalised form.
/// The automaton builder is superlinear in one pattern's length; no
/// vague phrase is anywhere near this long.
pub(crate) const MAX_PHRASE_CHARS: usize = 200;

/// What a pattern in the automaton stands for.
#[derive(Debug, Clone, Copy)]
enum Pat {
    Entry(usize),
    Allow(usize),
}

pub struct Matcher {
    ac: AhoCorasick,
    pats: Vec<Pat>,
    /// Pattern entries: (entry index, regex).
    regexes: Vec<(usize, Regex)>,
    /// Pattern allow terms: (allow index, regex).
    allow_regexes: Vec<(usize, Regex)>,
    /// `regexes` and `allow_regexes` as one set each: on a short text (up
    /// to `SET_MAX_BYTES`) the set says in one pass which patterns match
    /// at all, so most texts, which match none, cost one pass instead of
    /// one per pattern. A long text is searched pattern by pattern, where
    /// each pattern's literal prefilter skips ahead faster than the set's
    /// automaton walks. `None` when a set would exceed its size budget
    /// (then every pattern runs on its own).
    sets: (Option<RegexSet>, Option<RegexSet>),
    /// Per entry: the same-clause veto, if any.
    unless: Vec<Option<Regex>>,
    /// Context rules, checked on hits only.
    contexts: Vec<ContextRule>,
    /// What makes a field row, for whole-field entries.
    rows: FieldRows,
    entries: Vec<LexiconEntry>,
}

/// A byte range of the normalised text.
type Span = (usize, usize);
/// An entry's raw match: (start, end, entry index).
type RawHit = (usize, usize, usize);

/// Why the lexicon could not be built: which list, which entry, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BuildError {
    /// JSON pointer into lexicon.json, e.g. `/entries/3/pattern`.
    pub(crate) pointer: String,
    pub(crate) message: String,
    pub(crate) help: &'static str,
}

/// One vague phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the lexicon entry.
    pub entry: usize,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

/// Which entries and allow terms matched, for stale-config reporting.
#[derive(Debug, Default, Clone)]
pub struct Usage {
    pub(crate) entries: Vec<bool>,
    pub(crate) allow: Vec<bool>,
    pub(crate) context: Vec<bool>,
}

impl Usage {
    pub fn new(m: &Matcher, allow: usize) -> Usage {
        Usage {
            entries: vec![false; m.entries.len()],
            allow: vec![false; allow],
            context: vec![false; m.contexts.len()],
        }
    }

    /// Per allow term: whether it covered a hit.
    pub fn allow_used(&self) -> &[bool] {
        &self.allow
    }

    /// Per context rule: whether it vetoed a hit.
    pub fn context_used(&self) -> &[bool] {
        &self.context
    }

    pub fn merge(&mut self, other: &Usage) {
        for (a, b) in self.entries.iter_mut().zip(&other.entries) {
            *a |= b;
        }
        for (a, b) in self.allow.iter_mut().zip(&other.allow) {
            *a |= b;
        }
        for (a, b) in self.context.iter_mut().zip(&other.context) {
            *a |= b;
        }
    }
}

/// Characters that end a clause, for `after_list` and `unless`.
fn clause_end(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n')
}

fn phrase(text: &str, pointer: String, errs: &mut Vec<BuildError>) -> Option<String> {
    let n = normalize(text).text;
    let len = n.chars().count();
    if len > MAX_PHRASE_CHARS {
        errs.push(BuildError {
            pointer,
            message: format!("用语过长（{len} 字），上限 {MAX_PHRASE_CHARS} 字"),
            help: "模糊用语是短语，不是整句；写出其中的关键短语",
        });
        return None;
    }
    Some(n)
}

/// One leftmost-longest automaton over the phrase entries and allow terms.
fn automaton(patterns: &[String]) -> Result<AhoCorasick, BuildError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .map_err(|e| BuildError {
            pointer: "/entries".into(),
            message: format!("用语无法组成匹配自动机：{e}"),
            help: "减少或缩短用语",
        })
}

/// The phrase whole-field entries, normalised as the automaton holds them:
/// the values a row printed without names (`无 暂无`) is made of.
fn whole_field_values(entries: &[LexiconEntry]) -> Vec<String> {
    (entries.iter())
        .filter(|e| e.whole_field && !e.regex)
        .map(|e| normalize(&e.pattern).text)
        .collect()
}

impl Matcher {
    /// Build from lexicon entries and allow terms. Every problem is
    /// returned at once, each with its place in lexicon.json.
    #[cfg(test)]
    pub(crate) fn new(entries: &[LexiconEntry], allow: &[AllowEntry]) -> Result<Matcher, Vec<BuildError>> {
        Matcher::build(entries, allow, &[], &[])
    }

    /// [`Matcher::new`] with context rules (`/context` of lexicon.json)
    /// and the field heads (`/field_heads`, already checked by `config`).
    pub(crate) fn build(
        entries: &[LexiconEntry],
        allow: &[AllowEntry],
        context: &[ContextEntry],
        field_heads: &[String],
    ) -> Result<Matcher, Vec<BuildError>> {
        let mut errs = Vec::new();
        let contexts = context::compile(context, &mut errs);
        let (mut patterns, mut pats) = (Vec::new(), Vec::new());
        let (mut regexes, mut allow_regexes, mut unless) = (Vec::new(), Vec::new(), Vec::new());
        for (i, e) in entries.iter().enumerate() {
            let at = format!("/entries/{i}/pattern");
            if e.regex {
                if let Some(r) = compile_regex(&e.pattern, at, &mut errs) {
                    regexes.push((i, r));
                }
            } else if let Some(p) = phrase(&e.pattern, at, &mut errs) {
                patterns.push(p);
                pats.push(Pat::Entry(i));
            }
            unless.push(
                e.unless
                    .as_deref()
                    .and_then(|u| compile_regex(u, format!("/entries/{i}/unless"), &mut errs)),
            );
        }
        for (i, a) in allow.iter().enumerate() {
            let at = format!("/allow/{i}/term");
            if a.regex {
                if let Some(r) = compile_regex(&a.term, at, &mut errs) {
                    allow_regexes.push((i, r));
                }
            } else if let Some(p) = phrase(&a.term, at, &mut errs) {
                patterns.push(p);
                pats.push(Pat::Allow(i));
            }
        }
        match automaton(&patterns) {
            Ok(ac) if errs.is_empty() => Ok(Matcher {
                ac,
                pats,
                sets: (regex_set(&regexes), regex_set(&allow_regexes)),
                regexes,
                allow_regexes,
                unless,
                contexts,
                rows: FieldRows::new(whole_field_values(entries), field_heads),
                entries: entries.to_vec(),
            }),
            Ok(_) => Err(errs),
            Err(e) => {
                errs.push(e);
                Err(errs)
            }
        }
    }

    pub fn entry(&self, i: usize) -> &LexiconEntry {
        &self.entries[i]
    }

    #[cfg(test)]
    pub(crate) fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    /// Raw matches over normalised `text`: entry hits (start, end, entry)
    /// and allowed spans, both sorted by start.
    fn raw(&self, text: &str, usage: &mut Usage) -> (Vec<RawHit>, Vec<Span>) {
        let mut hits = Vec::new();
        let mut allowed = Vec::new();
        for m in self.ac.find_iter(text) {
            match self.pats[m.pattern().as_usize()] {
                Pat::Allow(i) => {
                    usage.allow[i] = true;
                    allowed.push((m.start(), m.end()));
                }
                Pat::Entry(i) => hits.push((m.start(), m.end(), i)),
            }
        }
        for (i, r) in live(&self.regexes, self.sets.0.as_ref(), text) {
            hits.extend(regex_spans(r, text).map(|(s, e)| (s, e, *i)));
        }
        for (i, r) in live(&self.allow_regexes, self.sets.1.as_ref(), text) {
            for span in regex_spans(r, text) {
                usage.allow[*i] = true;
                allowed.push(span);
            }
        }
        hits.sort_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
        allowed.sort_unstable();
        (hits, allowed)
    }

    /// Find vague phrases in `original`; records which entries and allow
    /// terms matched in `usage`.
    pub fn find(&self, original: &str, usage: &mut Usage) -> Vec<Hit> {
        let n = normalize(original);
        let text = n.text.as_str();
        let (raw, allowed) = self.raw(text, usage);
        let ctx = Context::new(text);
        let mut cursors = Cursors::default();
        let mut vetoes: HashMap<(usize, usize), bool> = HashMap::new();
        let mut within: HashMap<(usize, usize), bool> = HashMap::new();
        let mut out: Vec<Hit> = Vec::new();
        let mut kept_end = 0;
        for (s, e, i) in raw {
            if cursors.allowed(&allowed, s) || cursors.in_title(&ctx.titles, s, e) {
                continue;
            }
            let entry = &self.entries[i];
            let clause = cursors.clause(&ctx.clauses, s);
            // A whole-field entry is the whole text, or the whole value of a
            // `名称:值` / `名称 值` row (`委托部门:无`).
            if entry.whole_field && !(e == ctx.trimmed_len && (s == 0 || self.rows.value_starts_at(&n, original, s))) {
                continue;
            }
            if entry.after_list && !ctx.clauses[clause].list_before(s) {
                continue;
            }
            if let Some(u) = &self.unless[i] {
                let (a, b) = ctx.clauses[clause].range;
                if *vetoes.entry((i, clause)).or_insert_with(|| u.is_match(&text[a..b])) {
                    continue;
                }
            }
            let probe = context::Probe {
                class: entry.class,
                text,
                hit: (s, e),
                clause: ctx.clauses[clause].range,
            };
            if context::veto(&self.contexts, &probe, &mut within, &mut usage.context) {
                continue;
            }
            usage.entries[i] = true;
            // Sorted by start, longer first: a hit inside a kept one (相关材料
            // inside 其他相关材料) is the same words, reported once.
            if !out.is_empty() && e <= kept_end {
                continue;
            }
            // Overlapping hits of one class (具备相应 and 相应条件 in
            // 具备相应条件) are one finding over both.
            if let Some(last) = out
                .last_mut()
                .filter(|h| s < kept_end && self.entries[h.entry].class == entry.class)
            {
                last.end = n.original_range(s, e).1;
                kept_end = e;
                continue;
            }
            kept_end = kept_end.max(e);
            let (start, end) = n.original_range(s, e);
            out.push(Hit { entry: i, start, end });
        }
        out
    }
}

/// One clause of the normalised text and the first 、 in it.
struct Clause {
    range: (usize, usize),
    first_list_mark: Option<usize>,
}

impl Clause {
    /// Whether an enumeration (、) precedes byte `pos` in this clause.
    fn list_before(&self, pos: usize) -> bool {
        self.first_list_mark.is_some_and(|p| p < pos)
    }
}

/// What the context checks need, computed in one pass over the text.
struct Context {
    titles: Vec<(usize, usize)>,
    clauses: Vec<Clause>,
    /// Length without trailing 。.；; (for whole-field entries).
    trimmed_len: usize,
}

impl Context {
    fn new(text: &str) -> Context {
        let mut clauses = Vec::new();
        let mut cur = Clause {
            range: (0, 0),
            first_list_mark: None,
        };
        for (i, c) in text.char_indices() {
            if c == '、' && cur.first_list_mark.is_none() {
                cur.first_list_mark = Some(i);
            }
            if clause_end(c) {
                cur.range.1 = i + c.len_utf8();
                let next = cur.range.1;
                clauses.push(std::mem::replace(
                    &mut cur,
                    Clause {
                        range: (next, next),
                        first_list_mark: None,
                    },
                ));
            }
        }
        cur.range.1 = text.len();
        clauses.push(cur);
        Context {
            titles: title_ranges(text),
            clauses,
            trimmed_len: text.trim_end_matches(['。', '.', '；', ';']).len(),
        }
    }
}

/// Forward-only positions in the sorted context lists; hits arrive sorted
/// by start, so each list is walked once per text.
#[derive(Default)]
struct Cursors {
    allowed: usize,
    title: usize,
    clause: usize,
}

impl Cursors {
    /// Whether an allowed span covers byte `s` (the hit's first character).
    fn allowed(&mut self, spans: &[(usize, usize)], s: usize) -> bool {
        // Spans are sorted by start but may nest: skip only those ending
        // before `s`, and look at the few that start at or before it.
        while self.allowed < spans.len() && spans[self.allowed].1 <= s && spans[self.allowed].0 <= s {
            self.allowed += 1;
        }
        spans[self.allowed..]
            .iter()
            .take_while(|&&(a, _)| a <= s)
            .any(|&(_, b)| b > s)
    }

    fn in_title(&mut self, titles: &[(usize, usize)], s: usize, e: usize) -> bool {
        while self.title < titles.len() && titles[self.title].1 <= s {
            self.title += 1;
        }
        titles.get(self.title).is_some_and(|&(a, b)| s >= a && e <= b)
    }

    fn clause(&mut self, clauses: &[Clause], s: usize) -> usize {
        while self.clause + 1 < clauses.len() && clauses[self.clause].range.1 <= s {
            self.clause += 1;
        }
        self.clause
    }
}

/// Byte ranges of 《…》 titles (nesting-aware) in normalised text, sorted.
fn title_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((start, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        // An unclosed title: treat the rest as title rather than guess.
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
