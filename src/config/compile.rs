//! Compile the raw `rules/` files into a checked [`Config`]: every entry
//! checked (rule ids against the registry's list, patterns, required
//! reasons, normalised lexicon phrases), every problem at once, each at its
//! place in `rules/`.

use std::collections::HashMap;

use globset::Glob;

use super::raw::{self, ExemptionsFile, LexiconFile, RulesFile};
use super::{parse_date, CompiledOverride, Config, ConfigFile, EntryAt, Exemption, PointerPattern, Problem, Scope};
use crate::diag::escape;
use crate::source::FileId;
use crate::text::matcher::Matcher;
use crate::text::normalize::normalize;

const RULES_ID: FileId = ConfigFile::Rules as FileId;
const LEXICON_ID: FileId = ConfigFile::Lexicon as FileId;
const EXEMPTIONS_ID: FileId = ConfigFile::Exemptions as FileId;

fn bad(file: FileId, pointer: &str, message: String, help: &str) -> Problem {
    Problem {
        file,
        pointer: pointer.to_string(),
        message,
        help: help.to_string(),
    }
}

fn check_rule_id(known: &dyn Fn(&str) -> bool, out: &mut Vec<Problem>, file: FileId, pointer: &str, id: &str) {
    if !known(id) {
        out.push(bad(
            file,
            pointer,
            format!("没有标识为“{id}”的规则"),
            "运行 tongbiao rules 查看全部规则标识",
        ));
    }
}

fn check_pattern(out: &mut Vec<Problem>, file: FileId, pointer: &str, p: &str) -> PointerPattern {
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

pub(super) fn compile(
    r: RulesFile,
    lex: LexiconFile,
    ex: ExemptionsFile,
    known: &dyn Fn(&str) -> bool,
) -> Result<Config, Vec<Problem>> {
    let mut errs = Vec::new();
    for id in r.severity.keys() {
        check_rule_id(known, &mut errs, RULES_ID, &format!("/severity/{}", escape(id)), id);
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
            check_rule_id(known, &mut errs, RULES_ID, &format!("{at}/severity/{}", escape(id)), id);
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
    let scope = |s: &raw::TextScope, at: &str, errs: &mut Vec<Problem>| Scope {
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
        check_rule_id(known, &mut errs, RULES_ID, &at, id);
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
        check_rule_id(known, &mut errs, EXEMPTIONS_ID, &format!("{at}/rule"), &e.rule);
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
fn compile_synonyms(groups: &[Vec<String>], errs: &mut Vec<Problem>) -> Vec<(String, usize)> {
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
