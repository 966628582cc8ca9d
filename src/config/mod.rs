//! `rules/`: the review office's policy as data. Raw files are read with
//! the same pipeline as the catalog (spans, duplicate keys, schema), then
//! compiled into a checked [`Config`] before any rule runs. A broken
//! `rules/` stops the run (exit 2) with findings that point into `rules/`.

pub mod classes;
mod compile;
mod date;
mod field_heads;
mod pointer;
pub(crate) mod raw;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use globset::GlobMatcher;

use crate::diag::Severity;
use crate::load::{self, RawFile};
use crate::schema::Schema;
use crate::source::{FileId, SourceFile};
use crate::text::matcher::Matcher;
pub(crate) use date::{parse_date, today};
pub(crate) use pointer::{PointerPattern, Scope};
use raw::{ExemptionEntry, ExemptionsFile, Level, LexiconFile, RulesFile};

/// The files of `rules/`, in the order they are read (their file ids) and
/// their schemas are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConfigFile {
    Rules,
    Lexicon,
    Exemptions,
}

impl ConfigFile {
    pub(crate) const ALL: [ConfigFile; 3] = [ConfigFile::Rules, ConfigFile::Lexicon, ConfigFile::Exemptions];

    /// File name inside `rules/`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ConfigFile::Rules => "rules.json",
            ConfigFile::Lexicon => "lexicon.json",
            ConfigFile::Exemptions => "exemptions.json",
        }
    }

    /// The shipped default, compiled into the binary.
    pub(crate) fn default_text(self) -> &'static str {
        match self {
            ConfigFile::Rules => include_str!("../../rules/rules.json"),
            ConfigFile::Lexicon => include_str!("../../rules/lexicon.json"),
            ConfigFile::Exemptions => include_str!("../../rules/exemptions.json"),
        }
    }

    /// The file id this file gets in every run (`rules/` is read first).
    pub(crate) fn id(self) -> FileId {
        self as FileId
    }

    /// The compiled schema of this file.
    pub(crate) fn schema(self) -> &'static Schema {
        &schemas()[self as usize]
    }
}

/// The schemas of the `rules/` files, generated from the raw types.
fn schemas() -> &'static [Schema; 3] {
    static S: OnceLock<[Schema; 3]> = OnceLock::new();
    S.get_or_init(|| {
        let make = |v: schemars::Schema, file: &'static str| {
            let mut v = v.to_value();
            crate::catalog::strip_null(&mut v);
            Schema::new(v, file, "rules/schema")
        };
        [
            make(schemars::schema_for!(RulesFile), "rules.schema.json"),
            make(schemars::schema_for!(LexiconFile), "lexicon.schema.json"),
            make(schemars::schema_for!(raw::ExemptionsFile), "exemptions.schema.json"),
        ]
    })
}

/// The text of every `rules/` schema file, keyed by file name: what
/// `tongbiao schema` writes to `rules/schema/`.
pub(crate) fn rendered_schemas() -> Vec<(&'static str, String)> {
    schemas().iter().map(|s| (s.file_name, s.text())).collect()
}

/// One problem in the content of `rules/` (the files read, but an entry is
/// wrong): where, and what to do, in Chinese.
#[derive(Debug, Clone)]
pub struct Problem {
    pub(crate) file: FileId,
    pub(crate) pointer: String,
    pub(crate) message: String,
    pub(crate) help: String,
}

/// Why `rules/` could not be used. Every such problem is fatal: a policy
/// that did not read as written must not silently lint with something else.
#[derive(Debug, Clone)]
pub enum Invalid {
    /// A file did not read (syntax, schema…).
    Load(FileId, load::Problem),
    /// An entry is wrong.
    Entry(Problem),
}

/// Where an entry of `rules/` is, for findings about the entry itself.
#[derive(Debug, Clone)]
pub(crate) struct EntryAt {
    pub(crate) file: FileId,
    pub(crate) pointer: String,
}

pub(crate) struct CompiledOverride {
    files: GlobMatcher,
    pointer: Option<String>,
    severity: Vec<(String, Level)>,
    pub(crate) at: EntryAt,
}

pub(crate) struct Exemption {
    pub(crate) entry: ExemptionEntry,
    pub(crate) at: EntryAt,
}

/// The checked configuration every run uses.
pub struct Config {
    severity: HashMap<String, Level>,
    pub(crate) overrides: Vec<CompiledOverride>,
    text_scope: Scope,
    rule_scope: HashMap<String, Scope>,
    pub(crate) uniform_elements: Vec<String>,
    /// The documents the uniformity report cites (rules.json
    /// `uniformity_basis`: a province's own; else national ones).
    pub(crate) uniformity_basis: String,
    /// The province's documents the rule explanations cite (rules.json
    /// `province_documents`; none: national documents only).
    pub(crate) province_documents: raw::ProvinceDocuments,
    /// Numeric thresholds (name similarity…), from rules.json `thresholds`.
    pub(crate) thresholds: raw::Thresholds,
    /// Input limits (rules.json `limits`), checked by `input-limit`.
    pub(crate) limits: raw::Limits,
    /// Name synonyms (rules.json `synonyms`), each word's name key with the
    /// group it stands for, longest first (see
    /// [`rules::material_near_duplicate::name_key`]).
    pub(crate) synonyms: Vec<(String, usize)>,
    pub matcher: Matcher,
    pub(crate) lexicon_at: Vec<EntryAt>,
    pub(crate) allow_at: Vec<EntryAt>,
    pub allow_count: usize,
    pub(crate) exemptions: Vec<Exemption>,
    /// The diff's classes: the defaults with rules.json `diff.classes`.
    pub diff_classes: classes::Classes,
    /// Superseded documents (rules.json `superseded`).
    pub(crate) superseded: Vec<raw::Superseded>,
    /// Set by a command that keeps only error findings (`guide`): catalog
    /// rules that cannot give one are not run (see [`Config::skips`]).
    pub(crate) errors_only: bool,
    /// Set by a run whose reports list no info one by one (they are only
    /// counted): see [`Config::counts`].
    pub(crate) count_infos: bool,
}

/// The result of loading `rules/`: its sources (ids 0..n) and either the
/// compiled config or the findings that stop the run.
pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub config: Result<Config, Vec<Invalid>>,
}

impl Config {
    /// How many entries of `rules/` a run may report as doing nothing
    /// (overrides, exemptions, lexicon and allow entries): room to leave
    /// for those findings (issue 14).
    pub(crate) fn entry_count(&self) -> usize {
        self.overrides.len() + self.exemptions.len() + self.lexicon_at.len() + self.allow_at.len()
    }

    /// Effective severity of a finding of `rule` at (file, pointer), or
    /// `None` when turned off. Marks the overrides that applied.
    pub(crate) fn severity(
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
                if !at_or_under(pointer, p) {
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

    /// Whether a run that keeps only errors skips `rule` (of default
    /// severity `default`): it is an info or warning rule that rules/
    /// leaves below error (or off), and no override or exemption names it,
    /// so none of its findings could be kept, nor mark an entry of rules/
    /// as used. Such a rule would only cost time and memory:
    /// `unverified-fact` makes five to seven infos per local file,
    /// `format-canonical` formats every file again to compare (about 1.4 s
    /// of CPU at 100,000 files). A catalog rule's findings never rise
    /// above its default severity except through rules/ (tested in
    /// `rules::tests`).
    pub(crate) fn skips(&self, rule: &str, default: Severity) -> bool {
        self.errors_only
            && default != Severity::Error
            && matches!(
                self.severity.get(rule),
                None | Some(Level::Info | Level::Warning | Level::Off)
            )
            && !self.entry_names(rule)
    }

    /// Whether a run that lists no info counts the info findings of
    /// `rule` (of default severity `default`) instead of keeping them as
    /// values: an info rule that nothing in rules/ names (no severity, no
    /// override, no exemption), so its findings stay infos and mark no
    /// entry of rules/ as used. A 100,000-file catalog's 700,000
    /// `unverified-fact` infos took 96 MB as values (issue 14).
    pub(crate) fn counts(&self, rule: &str, default: Severity) -> bool {
        self.count_infos && default == Severity::Info && !self.severity.contains_key(rule) && !self.entry_names(rule)
    }

    /// Whether an override or an exemption names `rule`.
    fn entry_names(&self, rule: &str) -> bool {
        (self.overrides.iter()).any(|o| o.severity.iter().any(|(r, _)| r == rule))
            || self.exemptions.iter().any(|e| e.entry.rule == rule)
    }

    /// Whether a text rule looks at the field at `pointer`.
    pub(crate) fn in_scope(&self, rule: &str, pointer: &str) -> bool {
        self.text_scope.allows(pointer) && self.rule_scope.get(rule).is_none_or(|s| s.allows(pointer))
    }

    /// The shipped defaults, for tests.
    #[cfg(test)]
    pub(crate) fn defaults() -> Config {
        match load(None, &|_| true).config {
            Ok(c) => c,
            Err(d) => panic!("shipped rules/ does not compile: {d:?}"),
        }
    }
}

/// `pointer` is `base` or lies under it (`/a/b` is under `/a`, `/ab` is
/// not), without building `base/`.
pub(crate) fn at_or_under(pointer: &str, base: &str) -> bool {
    pointer
        .strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// rules.json `province_documents` of the `rules/` at `dir` (the shipped
/// defaults where absent): the province's documents the rule explanations
/// cite. A broken `rules/` cites none (national documents only).
pub(crate) fn province_documents(dir: Option<&Path>) -> raw::ProvinceDocuments {
    load(dir, &|_| true)
        .config
        .map(|c| c.province_documents)
        .unwrap_or_default()
}

/// Read `rules/` from `dir` (each missing file falls back to the shipped
/// default) and compile it. `known_rule` says whether a rule id exists:
/// the registry sits above this layer and is asked, not imported.
pub fn load(dir: Option<&Path>, known_rule: &dyn Fn(&str) -> bool) -> Loaded {
    // Anything at a file's path (a directory, a FIFO, a dangling link…) is
    // that file, refused with a finding: only an absent file falls back.
    let found = ConfigFile::ALL.map(|f| {
        dir.map(|d| d.join(f.name()))
            .filter(|p| std::fs::symlink_metadata(p).is_ok())
            .map(|p| RawFile {
                path: f.name().to_string(),
                bytes: load::read_regular(dir, &p),
            })
    });
    load_found(dir, found, known_rule)
}

/// Compile `rules/` from the files found (in [`ConfigFile::ALL`] order,
/// e.g. read at a git revision; `None` = the shipped default), shown
/// under `dir`.
pub fn load_found(dir: Option<&Path>, mut found: [Option<RawFile>; 3], known_rule: &dyn Fn(&str) -> bool) -> Loaded {
    let present = found.each_ref().map(Option::is_some);
    let texts = ConfigFile::ALL.map(|f| {
        found[f as usize].take().unwrap_or_else(|| RawFile {
            path: f.name().to_string(),
            bytes: Ok(f.default_text().as_bytes().to_vec()),
        })
    });
    let mut loaded = compile_files(texts, known_rule);
    // Files found are shown where they are; shipped defaults as
    // rules/<name>.
    let disk_base = dir.map(crate::source::display_base);
    for (src, found) in loaded.sources.iter_mut().zip(present) {
        src.base = match (found, &disk_base) {
            (true, Some(b)) => b.clone(),
            _ => std::sync::Arc::from("rules/"),
        };
    }
    loaded
}

/// Parse and compile the three files (in [`ConfigFile::ALL`] order).
pub(crate) fn compile_files(files: [RawFile; 3], known_rule: &dyn Fn(&str) -> bool) -> Loaded {
    let [r, l, e] = files;
    let mut sources = Vec::new();
    let mut invalid = Vec::new();
    let rules_file: Option<RulesFile> = read(r, ConfigFile::Rules, &mut sources, &mut invalid);
    let lexicon: Option<LexiconFile> = read(l, ConfigFile::Lexicon, &mut sources, &mut invalid);
    let exemptions: Option<ExemptionsFile> = read(e, ConfigFile::Exemptions, &mut sources, &mut invalid);
    let config = match (rules_file, lexicon, exemptions) {
        (Some(r), Some(l), Some(e)) if invalid.is_empty() => {
            compile::compile(r, l, e, known_rule).map_err(|p| p.into_iter().map(Invalid::Entry).collect())
        }
        _ => Err(invalid),
    };
    Loaded { sources, config }
}

fn read<T: serde::de::DeserializeOwned>(
    raw: RawFile,
    f: ConfigFile,
    sources: &mut Vec<SourceFile>,
    invalid: &mut Vec<Invalid>,
) -> Option<T> {
    let (src, problems, parsed) = load::parse_document(raw, f.schema());
    sources.push(src);
    invalid.extend(problems.into_iter().map(|p| Invalid::Load(f.id(), p)));
    parsed
}

/// An in-memory `rules/` for tests: the shipped files with some replaced.
#[cfg(test)]
pub(crate) fn load_texts(texts: &[(ConfigFile, &str)]) -> Loaded {
    let files = ConfigFile::ALL.map(|f| {
        let text = texts.iter().find(|(k, _)| *k == f).map_or(f.default_text(), |(_, t)| t);
        RawFile {
            path: f.name().to_string(),
            bytes: Ok(text.as_bytes().to_vec()),
        }
    });
    let mut loaded = compile_files(files, &|id| crate::rules::find(id).is_some());
    for src in &mut loaded.sources {
        src.base = std::sync::Arc::from("rules/");
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_errors_only_run_skips_info_and_warning_rules_that_nothing_raises() {
        let mut c = Config::defaults();
        assert!(
            !c.skips("unverified-fact", Severity::Info),
            "a normal run skips nothing"
        );
        c.errors_only = true;
        assert!(c.skips("unverified-fact", Severity::Info));
        assert!(!c.skips("duplicate-id", Severity::Error));
        assert!(c.skips("format-canonical", Severity::Warning));
        let raised = r#"{"severity": {"format-canonical": "error"}}"#;
        let mut w = load_texts(&[(ConfigFile::Rules, raised)]).config.unwrap();
        w.errors_only = true;
        assert!(
            !w.skips("format-canonical", Severity::Warning),
            "a warning raised to error"
        );
        let raised = r#"{"severity": {"unverified-fact": "error"}}"#;
        let mut c = load_texts(&[(ConfigFile::Rules, raised)]).config.unwrap();
        c.errors_only = true;
        assert!(!c.skips("unverified-fact", Severity::Info), "raised to error");
        let overridden =
            r#"{"overrides": [{"files": "local/**", "severity": {"unverified-fact": "error"}, "reason": "试点"}]}"#;
        let mut c = load_texts(&[(ConfigFile::Rules, overridden)]).config.unwrap();
        c.errors_only = true;
        assert!(!c.skips("unverified-fact", Severity::Info), "an override names it");
    }

    #[test]
    fn only_a_run_that_lists_no_info_counts_info_rules_that_nothing_names() {
        let mut c = Config::defaults();
        assert!(!c.counts("unverified-fact", Severity::Info), "a normal run keeps");
        c.count_infos = true;
        assert!(c.counts("unverified-fact", Severity::Info));
        assert!(!c.counts("format-canonical", Severity::Warning));
        for named in [
            r#"{"severity": {"unverified-fact": "info"}}"#,
            r#"{"overrides": [{"files": "local/**", "severity": {"unverified-fact": "error"}, "reason": "试点"}]}"#,
        ] {
            let mut c = load_texts(&[(ConfigFile::Rules, named)]).config.unwrap();
            c.count_infos = true;
            assert!(!c.counts("unverified-fact", Severity::Info), "{named}");
        }
    }

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
    fn unknown_rule_id_points_into_rules() {
        let l = load_texts(&[(ConfigFile::Rules, "{\n  \"severity\": {\"no-such-rule\": \"off\"}\n}\n")]);
        let errs = l.config.err().expect("config must fail");
        assert_eq!(errs.len(), 1);
        let Invalid::Entry(p) = &errs[0] else {
            panic!("expected an entry problem, got {errs:?}")
        };
        assert_eq!((p.file, p.pointer.as_str()), (0, "/severity/no-such-rule"));
    }

    /// Issue 15: a 16,384-character pattern is refused with a finding at
    /// its entry (the automaton builder is superlinear in one pattern's
    /// length), and a bad pattern is a finding, not a panic.
    #[test]
    fn an_overlong_or_broken_pattern_is_a_finding_at_its_entry() {
        let entry = |pattern: &str, regex: bool| {
            serde_json::json!({"pattern": pattern, "regex": regex, "class": "兜底",
                "message": "m", "rewrite": "r", "policy": "p"})
        };
        let lexicon = serde_json::json!({"entries": [entry(&"其".repeat(16_384), false), entry("其他(材料", true)]});
        let l = load_texts(&[(ConfigFile::Lexicon, &lexicon.to_string())]);
        let errs = l.config.err().expect("config must fail");
        let found: Vec<(String, bool)> = errs
            .iter()
            .filter_map(|e| match e {
                Invalid::Entry(p) => Some((
                    p.pointer.clone(),
                    p.message.contains("用语过长") || p.message.contains("正则"),
                )),
                Invalid::Load(..) => None,
            })
            .collect();
        assert_eq!(
            found,
            [
                ("/entries/0/pattern".to_string(), true),
                ("/entries/1/pattern".to_string(), true)
            ],
            "{errs:?}"
        );
    }
}
