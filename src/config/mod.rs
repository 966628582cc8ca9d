//! `rules/`: the review office's policy as data. Raw files are read with
//! the same pipeline as the catalog (spans, duplicate keys, schema), then
//! compiled into a checked [`Config`] before any rule runs. A broken
//! `rules/` stops the run (exit 2) with findings that point into `rules/`.

pub mod raw;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use globset::{Glob, GlobMatcher};

use crate::catalog::FileKind;
use crate::diag::{escape, Diagnostic, Severity};
use crate::load::{parse_typed, Parsed, RawFile};
use crate::rules;
use crate::source::{FileId, SourceFile};
use crate::text::matcher::Matcher;
use crate::text::normalize::normalize;
use raw::{ExemptionEntry, ExemptionsFile, Level, LexiconFile, RulesFile};

/// The shipped `rules/`, used when a catalog has no `rules/` beside it.
const DEFAULTS: [(FileKind, &str, &str); 3] = [
    (
        FileKind::RulesConfig,
        "rules.json",
        include_str!("../../rules/rules.json"),
    ),
    (
        FileKind::Lexicon,
        "lexicon.json",
        include_str!("../../rules/lexicon.json"),
    ),
    (
        FileKind::Exemptions,
        "exemptions.json",
        include_str!("../../rules/exemptions.json"),
    ),
];

/// A JSON-pointer pattern: `*` matches one segment, `**` any number.
#[derive(Debug, Clone)]
pub struct PointerPattern(Vec<String>);

impl PointerPattern {
    pub fn parse(p: &str) -> PointerPattern {
        PointerPattern(crate::spans::segments(p).collect())
    }

    /// The whole pointer matches the pattern.
    pub fn matches(&self, pointer: &str) -> bool {
        self.go(pointer, false)
    }

    /// The pointer is the pattern's value or lies under it (a part of a
    /// uniform element is covered by the element). The root never is.
    pub fn covers(&self, pointer: &str) -> bool {
        !pointer.is_empty() && self.go(pointer, true)
    }

    fn go(&self, pointer: &str, prefix: bool) -> bool {
        let segs: Vec<String> = crate::spans::segments(pointer).collect();
        fn go(p: &[String], s: &[String], prefix: bool) -> bool {
            match p.split_first() {
                None => prefix || s.is_empty(),
                Some((h, rest)) if h == "**" => (0..=s.len()).any(|i| go(rest, &s[i..], prefix)),
                Some((h, rest)) => match s.split_first() {
                    Some((x, srest)) => (h == "*" || h == x) && go(rest, srest, prefix),
                    None => false,
                },
            }
        }
        go(&self.0, &segs, prefix)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Scope {
    include: Vec<PointerPattern>,
    exclude: Vec<PointerPattern>,
}

impl Scope {
    fn allows(&self, pointer: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| p.matches(pointer)))
            && !self.exclude.iter().any(|p| p.matches(pointer))
    }
}

/// Where an entry of `rules/` is, for findings about the entry itself.
#[derive(Debug, Clone)]
pub struct EntryAt {
    pub file: FileId,
    pub pointer: String,
}

pub struct CompiledOverride {
    files: GlobMatcher,
    pointer: Option<String>,
    severity: Vec<(String, Level)>,
    pub at: EntryAt,
}

pub struct Exemption {
    pub entry: ExemptionEntry,
    pub at: EntryAt,
}

/// The checked configuration every run uses.
pub struct Config {
    severity: HashMap<String, Level>,
    pub overrides: Vec<CompiledOverride>,
    text_scope: Scope,
    rule_scope: HashMap<String, Scope>,
    pub uniform_elements: Vec<String>,
    /// Numeric thresholds (name similarity…), from rules.json `thresholds`.
    pub thresholds: raw::Thresholds,
    /// Name synonyms (rules.json `synonyms`), each word's name key with the
    /// group it stands for, longest first (see
    /// [`rules::material_near_duplicate::name_key`]).
    pub synonyms: Vec<(String, usize)>,
    pub matcher: Matcher,
    pub lexicon_at: Vec<EntryAt>,
    pub allow_at: Vec<EntryAt>,
    pub allow_count: usize,
    pub exemptions: Vec<Exemption>,
}

/// The result of loading `rules/`: its sources (ids 0..n) and either the
/// compiled config or the findings that stop the run.
pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub config: Result<Config, Vec<Diagnostic>>,
}

impl Config {
    /// Effective severity of a finding of `rule` at (file, pointer), or
    /// `None` when turned off. Marks the overrides that applied.
    pub fn severity(
        &self,
        rule: &str,
        default: Severity,
        path: &str,
        pointer: &str,
        used: &mut [bool],
    ) -> Option<Severity> {
        let mut level = self.severity.get(rule).copied();
        for (i, o) in self.overrides.iter().enumerate() {
            if !o.files.is_match(path) {
                continue;
            }
            if let Some(p) = &o.pointer {
                if !(pointer == p || pointer.starts_with(&format!("{p}/"))) {
                    continue;
                }
            }
            if let Some((_, l)) = o.severity.iter().find(|(r, _)| r == rule) {
                level = Some(*l);
                used[i] = true;
            }
        }
        match level {
            None => Some(default),
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
        }
    }

    /// Whether a text rule looks at the field at `pointer`.
    pub fn in_scope(&self, rule: &str, pointer: &str) -> bool {
        self.text_scope.allows(pointer) && self.rule_scope.get(rule).is_none_or(|s| s.allows(pointer))
    }

    /// The shipped defaults (for tests and catalogs without `rules/`).
    pub fn defaults() -> Config {
        match load(None).config {
            Ok(c) => c,
            Err(d) => panic!(
                "shipped rules/ does not compile: {:?}",
                d.iter().map(|d| &d.message).collect::<Vec<_>>()
            ),
        }
    }
}

/// Read `rules/` from `dir` (each missing file falls back to the shipped
/// default) and compile it.
pub fn load(dir: Option<&Path>) -> Loaded {
    let mut sources = Vec::new();
    let mut diags = Vec::new();
    let mut rules_file = RulesFile::default();
    let mut lexicon = LexiconFile::default();
    let mut exemptions = ExemptionsFile::default();
    for (id, (kind, name, default)) in DEFAULTS.iter().enumerate() {
        let on_disk = dir.map(|d| d.join(name)).filter(|p| p.is_file());
        let (path, bytes) = match &on_disk {
            Some(p) => (p.display().to_string(), std::fs::read(p).map_err(|e| e.to_string())),
            None => (format!("rules/{name}"), Ok(default.as_bytes().to_vec())),
        };
        let (src, d, parsed) = parse_typed(id, RawFile { path, bytes }, Some(*kind));
        sources.push(src);
        diags.extend(d);
        match parsed {
            Some(Parsed::RulesConfig(r)) => rules_file = r,
            Some(Parsed::Lexicon(l)) => lexicon = l,
            Some(Parsed::Exemptions(e)) => exemptions = e,
            _ => {}
        }
    }
    // Findings from reading rules/ are all fatal: a policy that did not
    // read as written must not silently lint with something else.
    for d in &mut diags {
        d.severity = Severity::Error;
    }
    if !diags.is_empty() {
        return Loaded {
            sources,
            config: Err(diags),
        };
    }
    let config = compile(rules_file, lexicon, exemptions);
    Loaded { sources, config }
}

const RULES_ID: FileId = 0;
const LEXICON_ID: FileId = 1;
const EXEMPTIONS_ID: FileId = 2;

fn bad(file: FileId, pointer: &str, message: String, help: &str) -> Diagnostic {
    rules::config_invalid::RULE
        .at(file, pointer)
        .message(message)
        .help(help)
}

fn check_rule_id(out: &mut Vec<Diagnostic>, file: FileId, pointer: &str, id: &str) {
    if rules::find(id).is_none() {
        out.push(bad(
            file,
            pointer,
            format!("没有标识为“{id}”的规则"),
            "运行 tongbiao rules 查看全部规则标识",
        ));
    }
}

fn check_pattern(out: &mut Vec<Diagnostic>, file: FileId, pointer: &str, p: &str) -> PointerPattern {
    if !p.starts_with('/') {
        out.push(bad(
            file,
            pointer,
            format!("“{p}”不是 JSON 指针模式"),
            "以 / 开头，如 /conditions/* 或 /legal_basis/*/text",
        ));
    }
    PointerPattern::parse(p)
}

fn compile(r: RulesFile, lex: LexiconFile, ex: ExemptionsFile) -> Result<Config, Vec<Diagnostic>> {
    let mut errs = Vec::new();
    for id in r.severity.keys() {
        check_rule_id(&mut errs, RULES_ID, &format!("/severity/{}", escape(id)), id);
    }
    let mut overrides = Vec::new();
    for (i, o) in r.overrides.iter().enumerate() {
        let at = format!("/overrides/{i}");
        let files = match Glob::new(&o.files) {
            Ok(g) => g.compile_matcher(),
            Err(e) => {
                errs.push(bad(
                    RULES_ID,
                    &format!("{at}/files"),
                    format!("文件模式“{}”无效：{e}", o.files),
                    "使用 glob，如 local/6328*/**",
                ));
                continue;
            }
        };
        if let Some(p) = &o.pointer {
            check_pattern(&mut errs, RULES_ID, &format!("{at}/pointer"), p);
        }
        for id in o.severity.keys() {
            check_rule_id(&mut errs, RULES_ID, &format!("{at}/severity/{}", escape(id)), id);
        }
        if o.reason.trim().is_empty() {
            errs.push(bad(
                RULES_ID,
                &format!("{at}/reason"),
                "覆盖缺少理由".into(),
                "写明为何对这些文件改变规则级别",
            ));
        }
        overrides.push(CompiledOverride {
            files,
            pointer: o.pointer.clone(),
            severity: o.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            at: EntryAt {
                file: RULES_ID,
                pointer: at,
            },
        });
    }
    let scope = |s: &raw::TextScope, at: &str, errs: &mut Vec<Diagnostic>| Scope {
        include: s
            .include
            .iter()
            .enumerate()
            .map(|(i, p)| check_pattern(errs, RULES_ID, &format!("{at}/include/{i}"), p))
            .collect(),
        exclude: s
            .exclude
            .iter()
            .enumerate()
            .map(|(i, p)| check_pattern(errs, RULES_ID, &format!("{at}/exclude/{i}"), p))
            .collect(),
    };
    let text_scope = scope(&r.text_scope, "/text_scope", &mut errs);
    let mut rule_scope = HashMap::new();
    for (id, s) in &r.rule_scope {
        let at = format!("/rule_scope/{}", escape(id));
        check_rule_id(&mut errs, RULES_ID, &at, id);
        rule_scope.insert(id.clone(), scope(s, &at, &mut errs));
    }
    for (i, p) in r.uniform_elements.iter().enumerate() {
        check_pattern(&mut errs, RULES_ID, &format!("/uniform_elements/{i}"), p);
    }
    let synonyms = compile_synonyms(&r.synonyms, &mut errs);

    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, e) in lex.entries.iter().enumerate() {
        let at = format!("/entries/{i}/pattern");
        let n = normalize(&e.pattern).text;
        if n.is_empty() {
            errs.push(bad(LEXICON_ID, &at, "用语为空".into(), "填写要查找的用语"));
        } else if n != e.pattern {
            errs.push(bad(
                LEXICON_ID,
                &at,
                format!("用语“{}”应写成归一化形式“{n}”", e.pattern),
                "用简体、半角、不含空格的形式书写；繁体和全角写法会自动匹配",
            ));
        }
        if let Some(first) = seen.insert(n.clone(), i) {
            errs.push(bad(
                LEXICON_ID,
                &at,
                format!("用语“{n}”与第 {} 条重复", first + 1),
                "删除重复的条目",
            ));
        }
        for (field, v) in [("message", &e.message), ("rewrite", &e.rewrite), ("policy", &e.policy)] {
            if v.trim().is_empty() {
                errs.push(bad(
                    LEXICON_ID,
                    &format!("/entries/{i}/{field}"),
                    format!("用语“{}”缺少 {field}", e.pattern),
                    "每条用语都要写明提示、改写建议和政策依据",
                ));
            }
        }
    }
    for (i, a) in lex.allow.iter().enumerate() {
        let n = normalize(&a.term).text;
        if n.is_empty() {
            errs.push(bad(
                LEXICON_ID,
                &format!("/allow/{i}/term"),
                "允许的用语为空".into(),
                "填写用语",
            ));
        } else if seen.contains_key(&n) {
            errs.push(bad(
                LEXICON_ID,
                &format!("/allow/{i}/term"),
                format!("“{n}”同时出现在用语和允许的用语中"),
                "二者只能保留其一",
            ));
        }
    }

    let mut exemptions = Vec::new();
    for (i, e) in ex.exemptions.iter().enumerate() {
        let at = format!("/exemptions/{i}");
        check_rule_id(&mut errs, EXEMPTIONS_ID, &format!("{at}/rule"), &e.rule);
        if !e.pointer.is_empty() && !e.pointer.starts_with('/') {
            errs.push(bad(
                EXEMPTIONS_ID,
                &format!("{at}/pointer"),
                format!("“{}”不是 JSON 指针", e.pointer),
                "以 / 开头，如 /conditions/2",
            ));
        }
        if parse_date(&e.expires).is_none() {
            errs.push(bad(
                EXEMPTIONS_ID,
                &format!("{at}/expires"),
                format!("到期日“{}”不是有效日期", e.expires),
                "写成 YYYY-MM-DD",
            ));
        }
        for (field, v) in [("reason", &e.reason), ("basis", &e.basis), ("approver", &e.approver)] {
            if v.trim().is_empty() {
                errs.push(bad(
                    EXEMPTIONS_ID,
                    &format!("{at}/{field}"),
                    format!("豁免缺少 {field}"),
                    "豁免必须写明理由、法律依据和批准人",
                ));
            }
        }
        exemptions.push(Exemption {
            entry: e.clone(),
            at: EntryAt {
                file: EXEMPTIONS_ID,
                pointer: at,
            },
        });
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let matcher = Matcher::new(&lex.entries, &lex.allow);
    Ok(Config {
        severity: r.severity.into_iter().collect(),
        overrides,
        text_scope,
        rule_scope,
        uniform_elements: r.uniform_elements,
        thresholds: r.thresholds,
        synonyms,
        matcher,
        lexicon_at: (0..lex.entries.len())
            .map(|i| EntryAt {
                file: LEXICON_ID,
                pointer: format!("/entries/{i}"),
            })
            .collect(),
        allow_at: (0..lex.allow.len())
            .map(|i| EntryAt {
                file: LEXICON_ID,
                pointer: format!("/allow/{i}"),
            })
            .collect(),
        allow_count: lex.allow.len(),
        exemptions,
    })
}

/// Name synonyms as (word's name key, group), longest word first, so that
/// 居民身份证 is taken whole before 身份证. Every group has two or more
/// words, each written as its own name key and in one group only.
fn compile_synonyms(groups: &[Vec<String>], errs: &mut Vec<Diagnostic>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (g, words) in groups.iter().enumerate() {
        if words.len() < 2 {
            errs.push(bad(
                RULES_ID,
                &format!("/synonyms/{g}"),
                "同义词组至少要有两个词".into(),
                "写成 [\"复印件\", \"影印件\"] 这样的一组；不需要时删除该组",
            ));
        }
        for (i, w) in words.iter().enumerate() {
            let at = format!("/synonyms/{g}/{i}");
            let key = crate::text::names::plain_key(w);
            if key.is_empty() {
                errs.push(bad(RULES_ID, &at, "同义词为空".into(), "填写词语"));
                continue;
            }
            if key != *w {
                errs.push(bad(
                    RULES_ID,
                    &at,
                    format!("同义词“{w}”应写成“{key}”"),
                    "用简体、半角、不含空格和标点的形式书写；繁体和全角写法会自动匹配",
                ));
            }
            if let Some((_, other)) = out.iter().find(|(k, _)| *k == key) {
                errs.push(bad(
                    RULES_ID,
                    &at,
                    format!("“{key}”已在第 {} 组同义词中", other + 1),
                    "一个词只能属于一组同义词",
                ));
                continue;
            }
            out.push((key, g));
        }
    }
    out.sort_by_key(|(k, _)| (std::cmp::Reverse(k.chars().count()), k.clone()));
    out
}

/// (year, month, day) of a YYYY-MM-DD date, checked.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m).then_some(())?;
    (1..=days[m as usize - 1]).contains(&d).then_some((y, m, d))
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Convenience for tests: the text of a shipped default file.
pub fn default_text(kind: FileKind) -> &'static str {
    DEFAULTS.iter().find(|(k, _, _)| *k == kind).map_or("", |(_, _, t)| t)
}

/// Build an in-memory `rules/` for tests from replacement texts.
pub fn load_texts(texts: &[(FileKind, &str)]) -> Loaded {
    let dir = std::env::temp_dir().join(format!(
        "tongbiao-rules-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::create_dir_all(&dir);
    for (kind, name, default) in DEFAULTS.iter() {
        let text = texts.iter().find(|(k, _)| k == kind).map_or(*default, |(_, t)| t);
        let _ = std::fs::write(dir.join(name), text);
    }
    let mut loaded = load(Some(&dir));
    for s in &mut loaded.sources {
        let name = s.path.rsplit('/').next().unwrap_or("").to_string();
        *s = SourceFile::new(format!("rules/{name}"), Arc::clone(&s.text));
    }
    let _ = std::fs::remove_dir_all(&dir);
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_compile() {
        let c = Config::defaults();
        assert!(!c.matcher.entries().is_empty());
    }

    #[test]
    fn pointer_patterns() {
        let p = PointerPattern::parse("/legal_basis/*/text");
        assert!(p.matches("/legal_basis/0/text"));
        assert!(!p.matches("/legal_basis/0/document"));
        assert!(PointerPattern::parse("/materials/**").matches("/materials/1/deferral/commitment"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_414), (2025, 11, 22));
    }

    #[test]
    fn unknown_rule_id_points_into_rules() {
        let l = load_texts(&[(
            FileKind::RulesConfig,
            "{\n  \"severity\": {\"no-such-rule\": \"off\"}\n}\n",
        )]);
        let errs = l.config.err().expect("config must fail");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].rule, "config-invalid");
        assert_eq!(errs[0].file, 0);
        assert_eq!(errs[0].pointer(), "/severity/no-such-rule");
    }
}
