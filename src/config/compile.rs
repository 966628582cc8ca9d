//! Compile the raw `rules/` files into a checked [`Config`]: every entry
//! checked (rule ids against the registry's list, patterns, required
//! reasons, normalised lexicon phrases), every problem at once, each at its
//! place in `rules/`.

use std::collections::{BTreeMap, HashMap};

use globset::Glob;

use super::classes::{known as known_kind, Class, Classes};
use super::raw::{self, ExemptionEntry, ExemptionsFile, Level, LexiconFile, RulesFile};
use super::{parse_date, CompiledOverride, Config, ConfigFile, EntryAt, Exemption, PointerPattern, Problem, Scope};
use crate::diag::escape;
use crate::source::FileId;
use crate::text::matcher::Matcher;
use crate::text::normalize::normalize;

const RULES_ID: FileId = ConfigFile::Rules as FileId;
const LEXICON_ID: FileId = ConfigFile::Lexicon as FileId;
const EXEMPTIONS_ID: FileId = ConfigFile::Exemptions as FileId;

pub(super) fn bad(file: FileId, pointer: &str, message: String, help: &str) -> Problem {
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

/// Check every entry of the three files, in file order, and build the
/// [`Config`] only when none is wrong: every problem is reported at once.
pub(super) fn compile(
    r: RulesFile,
    lex: LexiconFile,
    ex: ExemptionsFile,
    known: &dyn Fn(&str) -> bool,
) -> Result<Config, Vec<Problem>> {
    let mut errs = Vec::new();
    check_severity(&r.severity, known, &mut errs);
    let overrides = compile_overrides(&r.overrides, known, &mut errs);
    let text_scope = compile_scope(&r.text_scope, "/text_scope", &mut errs);
    let rule_scope = compile_rule_scopes(&r.rule_scope, known, &mut errs);
    check_uniform_elements(&r.uniform_elements, &mut errs);
    let synonyms = compile_synonyms(&r.synonyms, &mut errs);
    let diff_classes = compile_classes(&r.diff.classes, &mut errs);
    check_superseded(&r.superseded, &mut errs);
    let phrases = check_lexicon_entries(&lex.entries, &mut errs);
    check_allow_list(&lex.allow, &phrases, &mut errs);
    super::field_heads::check(&lex.field_heads, &mut errs);
    let exemptions = compile_exemptions(&ex.exemptions, known, &mut errs);
    let matcher = Matcher::build(&lex.entries, &lex.allow, &lex.context, &lex.field_heads).map_err(|e| {
        errs.extend(e.into_iter().map(|b| bad(LEXICON_ID, &b.pointer, b.message, b.help)));
    });
    let (true, Ok(matcher)) = (errs.is_empty(), matcher) else {
        return Err(errs);
    };
    Ok(Config {
        severity: r.severity.into_iter().collect(),
        overrides,
        text_scope,
        rule_scope,
        uniform_elements: r.uniform_elements,
        uniformity_basis: r.uniformity_basis.unwrap_or_else(|| NATIONAL_BASIS.to_string()),
        province_documents: r.province_documents,
        thresholds: r.thresholds,
        limits: r.limits,
        synonyms,
        matcher,
        lexicon_at: entries_at(LEXICON_ID, "/entries", lex.entries.len()),
        allow_at: entries_at(LEXICON_ID, "/allow", lex.allow.len()),
        allow_count: lex.allow.len(),
        exemptions,
        diff_classes,
        superseded: r.superseded,
        errors_only: false,
        count_infos: false,
    })
}

/// The uniformity report's basis when rules.json names no provincial
/// document: national texts only (domain notes §5).
pub(crate) const NATIONAL_BASIS: &str = "依据：《优化营商环境条例》（无差别受理、同标准办理）；《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）。";

/// rules.json `superseded`: each document and its successor a title in
/// 《》, the date (when given) a real date.
fn check_superseded(list: &[super::raw::Superseded], errs: &mut Vec<Problem>) {
    let titled = |t: &str| t.trim().starts_with('《') && t.trim().ends_with('》') && t.trim().chars().count() > 2;
    for (i, e) in list.iter().enumerate() {
        for (field, v) in [("document", &e.document), ("by", &e.by)] {
            if !titled(v) {
                errs.push(bad(
                    RULES_ID,
                    &format!("/superseded/{i}/{field}"),
                    format!("“{v}”不是带书名号的文件名称"),
                    "写文件全称并加书名号，如“《中华人民共和国医师法》”",
                ));
            }
        }
        if let Some(d) = e.since.as_deref().filter(|d| super::parse_date(d).is_none()) {
            errs.push(bad(
                RULES_ID,
                &format!("/superseded/{i}/since"),
                format!("“{d}”不是 YYYY-MM-DD 格式的有效日期"),
                "写成 2022-03-01 这样的日期，或删去",
            ));
        }
    }
}

/// rules.json `diff.classes`: each key a change kind of the built-in
/// table, each value one of the four classes.
fn compile_classes(classes: &BTreeMap<String, String>, errs: &mut Vec<Problem>) -> Classes {
    let mut out = Vec::new();
    for (kind, label) in classes {
        let at = format!("/diff/classes/{}", escape(kind));
        if !known_kind(kind) {
            errs.push(bad(
                RULES_ID,
                &at,
                format!("没有标识为“{kind}”的变更种类"),
                "种类标识见 README 中 tongbiao diff 一节，或 tongbiao diff --format json 输出中的 kind",
            ));
            continue;
        }
        match Class::from_label(label) {
            Some(c) => out.push((kind.clone(), c)),
            None => errs.push(bad(
                RULES_ID,
                &at,
                format!("“{label}”不是变更类别"),
                "写成 增负、减负、结构 或 中性",
            )),
        }
    }
    Classes::new(out)
}

/// Where each of the `n` entries of the list at `list` is.
fn entries_at(file: FileId, list: &str, n: usize) -> Vec<EntryAt> {
    (0..n)
        .map(|i| EntryAt {
            file,
            pointer: format!("{list}/{i}"),
        })
        .collect()
}

/// rules.json `severity`: every key names a rule.
fn check_severity(severity: &BTreeMap<String, Level>, known: &dyn Fn(&str) -> bool, errs: &mut Vec<Problem>) {
    for id in severity.keys() {
        check_rule_id(known, errs, RULES_ID, &format!("/severity/{}", escape(id)), id);
    }
}

/// rules.json `overrides`, each with a valid file glob (an override without
/// one is left out and not checked further), a pointer pattern, known rule
/// ids and a reason.
fn compile_overrides(
    overrides: &[raw::Override],
    known: &dyn Fn(&str) -> bool,
    errs: &mut Vec<Problem>,
) -> Vec<CompiledOverride> {
    let mut out = Vec::new();
    for (i, o) in overrides.iter().enumerate() {
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
        check_override_entries(o, &at, known, errs);
        out.push(CompiledOverride {
            files,
            pointer: o.pointer.clone(),
            severity: o.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            at: EntryAt {
                file: RULES_ID,
                pointer: at,
            },
        });
    }
    out
}

/// One override's pointer pattern, rule ids and reason.
fn check_override_entries(o: &raw::Override, at: &str, known: &dyn Fn(&str) -> bool, errs: &mut Vec<Problem>) {
    if let Some(p) = &o.pointer {
        check_pattern(errs, RULES_ID, &format!("{at}/pointer"), p);
    }
    for id in o.severity.keys() {
        check_rule_id(known, errs, RULES_ID, &format!("{at}/severity/{}", escape(id)), id);
    }
    if o.reason.trim().is_empty() {
        errs.push(bad(
            RULES_ID,
            &format!("{at}/reason"),
            "覆盖缺少理由".into(),
            "写明为何对这些文件改变规则级别",
        ));
    }
}

/// A text scope of rules.json (`text_scope` or one of `rule_scope`), its
/// include then exclude patterns checked.
fn compile_scope(s: &raw::TextScope, at: &str, errs: &mut Vec<Problem>) -> Scope {
    Scope {
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
    }
}

/// rules.json `rule_scope`: each key names a rule, each scope is checked.
fn compile_rule_scopes(
    scopes: &BTreeMap<String, raw::TextScope>,
    known: &dyn Fn(&str) -> bool,
    errs: &mut Vec<Problem>,
) -> HashMap<String, Scope> {
    let mut out = HashMap::new();
    for (id, s) in scopes {
        let at = format!("/rule_scope/{}", escape(id));
        check_rule_id(known, errs, RULES_ID, &at, id);
        out.insert(id.clone(), compile_scope(s, &at, errs));
    }
    out
}

/// rules.json `uniform_elements`: each a pointer pattern.
fn check_uniform_elements(patterns: &[String], errs: &mut Vec<Problem>) {
    for (i, p) in patterns.iter().enumerate() {
        check_pattern(errs, RULES_ID, &format!("/uniform_elements/{i}"), p);
    }
}

/// How to write a phrase or head in its normalised form (the matcher
/// compares normalised text, so a variant spelling could never be found).
pub(super) const NORMALISED_HELP: &str = "用简体、半角、不含空格的形式书写；繁体和全角写法会自动匹配";

/// lexicon.json `entries`: each phrase written normalised, once, with a
/// message, a rewrite and a policy. Returns the normalised phrases with
/// their first entry, for the allow list.
fn check_lexicon_entries(entries: &[raw::LexiconEntry], errs: &mut Vec<Problem>) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let at = format!("/entries/{i}/pattern");
        let n = if e.regex {
            e.pattern.clone()
        } else {
            normalize(&e.pattern).text
        };
        if n.is_empty() {
            errs.push(bad(LEXICON_ID, &at, "用语为空".into(), "填写要查找的用语"));
        } else if n != e.pattern && n.chars().count() <= crate::text::matcher::MAX_PHRASE_CHARS {
            errs.push(bad(
                LEXICON_ID,
                &at,
                format!("用语“{}”应写成归一化形式“{n}”", e.pattern),
                NORMALISED_HELP,
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
        check_lexicon_texts(i, e, errs);
    }
    seen
}

/// One lexicon entry's message, rewrite and policy, none blank.
fn check_lexicon_texts(i: usize, e: &raw::LexiconEntry, errs: &mut Vec<Problem>) {
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

/// lexicon.json `allow`: each term non-blank and not also a phrase.
fn check_allow_list(allow: &[raw::AllowEntry], phrases: &HashMap<String, usize>, errs: &mut Vec<Problem>) {
    for (i, a) in allow.iter().enumerate() {
        let n = if a.regex {
            a.term.clone()
        } else {
            normalize(&a.term).text
        };
        if n.is_empty() {
            errs.push(bad(
                LEXICON_ID,
                &format!("/allow/{i}/term"),
                "允许的用语为空".into(),
                "填写用语",
            ));
        } else if phrases.contains_key(&n) {
            errs.push(bad(
                LEXICON_ID,
                &format!("/allow/{i}/term"),
                format!("“{n}”同时出现在用语和允许的用语中"),
                "二者只能保留其一",
            ));
        }
    }
}

/// exemptions.json: each exemption names a rule, a pointer (or none), a
/// valid expiry date, a reason, a basis and an approver. Every exemption
/// is kept, with where it is.
fn compile_exemptions(
    exemptions: &[ExemptionEntry],
    known: &dyn Fn(&str) -> bool,
    errs: &mut Vec<Problem>,
) -> Vec<Exemption> {
    exemptions
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("/exemptions/{i}");
            check_exemption(e, &at, known, errs);
            Exemption {
                entry: e.clone(),
                at: EntryAt {
                    file: EXEMPTIONS_ID,
                    pointer: at,
                },
            }
        })
        .collect()
}

/// One exemption's rule id, pointer, expiry date and required texts.
fn check_exemption(e: &ExemptionEntry, at: &str, known: &dyn Fn(&str) -> bool, errs: &mut Vec<Problem>) {
    check_rule_id(known, errs, EXEMPTIONS_ID, &format!("{at}/rule"), &e.rule);
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
