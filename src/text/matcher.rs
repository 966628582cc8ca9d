//! Phrase matching over normalised text with one Aho-Corasick automaton
//! (leftmost-longest) holding both the vague phrases and the allow-list:
//! an allowed term such as 其他组织 or 等级 wins by being longer or by
//! starting earlier. Text inside 《》 is a document title and is skipped.
//! No word boundaries: they do not exist in Chinese.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::lexicon::{AllowEntry, LexiconEntry};
use super::normalize::normalize;

/// What a pattern in the automaton stands for.
#[derive(Debug, Clone, Copy)]
enum Pat {
    Entry(usize),
    Allow(usize),
}

pub struct Matcher {
    ac: AhoCorasick,
    pats: Vec<Pat>,
    entries: Vec<LexiconEntry>,
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
}

impl Usage {
    pub fn new(m: &Matcher, allow: usize) -> Usage {
        Usage {
            entries: vec![false; m.entries.len()],
            allow: vec![false; allow],
        }
    }

    pub(crate) fn merge(&mut self, other: &Usage) {
        for (a, b) in self.entries.iter_mut().zip(&other.entries) {
            *a |= b;
        }
        for (a, b) in self.allow.iter_mut().zip(&other.allow) {
            *a |= b;
        }
    }
}

/// Characters that end a clause, for `after_list` entries.
fn clause_end(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n')
}

impl Matcher {
    /// Build from lexicon entries and allow terms (already checked by
    /// config compilation: non-empty, normalised).
    pub(crate) fn new(entries: &[LexiconEntry], allow: &[AllowEntry]) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut pats = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            patterns.push(normalize(&e.pattern).text);
            pats.push(Pat::Entry(i));
        }
        for (i, a) in allow.iter().enumerate() {
            patterns.push(normalize(&a.term).text);
            pats.push(Pat::Allow(i));
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon patterns build an automaton");
        Matcher {
            ac,
            pats,
            entries: entries.to_vec(),
        }
    }

    pub fn entry(&self, i: usize) -> &LexiconEntry {
        &self.entries[i]
    }

    #[cfg(test)]
    pub(crate) fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    /// Find vague phrases in `original`; records which entries and allow
    /// terms matched in `usage`.
    pub fn find(&self, original: &str, usage: &mut Usage) -> Vec<Hit> {
        let n = normalize(original);
        let text = n.text.as_str();
        let titles = title_ranges(text);
        let in_title = |s: usize, e: usize| titles.iter().any(|&(a, b)| s >= a && e <= b);
        let mut hits = Vec::new();
        for m in self.ac.find_iter(text) {
            if in_title(m.start(), m.end()) {
                continue;
            }
            match self.pats[m.pattern().as_usize()] {
                Pat::Allow(i) => usage.allow[i] = true,
                Pat::Entry(i) => {
                    let e = &self.entries[i];
                    if e.whole_field {
                        let trimmed = text.trim_end_matches(['。', '.', '；', ';']);
                        if m.start() != 0 || m.end() != trimmed.len() {
                            continue;
                        }
                    }
                    if e.after_list {
                        let clause_start = text[..m.start()]
                            .char_indices()
                            .rev()
                            .find(|(_, c)| clause_end(*c))
                            .map_or(0, |(p, c)| p + c.len_utf8());
                        if !text[clause_start..m.start()].contains('、') {
                            continue;
                        }
                    }
                    usage.entries[i] = true;
                    let (start, end) = n.original_range(m.start(), m.end());
                    hits.push(Hit { entry: i, start, end });
                }
            }
        }
        hits
    }
}

/// Byte ranges of 《…》 titles (nesting-aware) in normalised text.
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
mod tests {
    use super::*;
    use crate::config::raw::VagueClass;

    fn entry(pattern: &str, class: VagueClass) -> LexiconEntry {
        LexiconEntry {
            pattern: pattern.into(),
            class,
            message: String::new(),
            rewrite: String::new(),
            policy: String::new(),
            after_list: false,
            whole_field: false,
        }
    }

    fn matcher() -> Matcher {
        let mut deng = entry("等", VagueClass::OpenList);
        deng.after_list = true;
        let mut wu = entry("无", VagueClass::Placeholder);
        wu.whole_field = true;
        let allow = ["其他组织", "等级", "一等奖"].map(|t| AllowEntry {
            term: t.into(),
            note: String::new(),
        });
        Matcher::new(
            &[
                entry("其他相关材料", VagueClass::CatchAll),
                entry("有关规定", VagueClass::VagueReference),
                deng,
                wu,
            ],
            &allow,
        )
    }

    fn found<'a>(m: &Matcher, text: &'a str) -> Vec<&'a str> {
        let mut u = Usage::new(m, 3);
        m.find(text, &mut u).iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn finds_phrases_and_maps_back_to_original() {
        let m = matcher();
        assert_eq!(found(&m, "提交其他 相關材料"), ["其他 相關材料"]);
        assert_eq!(found(&m, "身份证、户口簿等材料"), ["等"]);
    }

    #[test]
    fn allow_list_and_titles_win() {
        let m = matcher();
        assert_eq!(found(&m, "公民、法人或者其他组织"), Vec::<&str>::new());
        assert_eq!(found(&m, "荣获省级、市级一等奖"), Vec::<&str>::new());
        assert_eq!(found(&m, "资质等级证书"), Vec::<&str>::new());
        assert_eq!(found(&m, "依据《关于执行有关规定的通知》办理"), Vec::<&str>::new());
        assert_eq!(found(&m, "符合有关规定"), ["有关规定"]);
    }

    #[test]
    fn whole_field_and_after_list_conditions() {
        let m = matcher();
        assert_eq!(found(&m, "无"), ["无"]);
        assert_eq!(found(&m, "无犯罪记录证明"), Vec::<&str>::new());
        assert_eq!(found(&m, "等待审核"), Vec::<&str>::new());
        assert_eq!(found(&m, "提交身份证。户口簿等"), Vec::<&str>::new());
    }
}
