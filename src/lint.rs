//! The lint pipeline: rules/ → load → rules → severities and exemptions →
//! locate → sort. Pure over its inputs, so tests run it on in-memory
//! catalogs; only `lint_dir` touches disk.

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::catalog::{FileKind, Index};
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Place, Severity};
use crate::load::{self, RawFile};
use crate::rules::{self, Context};
use crate::source::Sources;
use crate::spans::Tree;

/// Counts for the summary line.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    pub files: usize,
    pub items: usize,
    pub locals: usize,
    pub bundles: usize,
    pub agencies: usize,
    pub regions: usize,
    pub materials: usize,
    /// Exemptions in force: not expired, and matched a finding.
    pub exemptions: usize,
    /// Deviations from the standard in force: a uniform element, with a
    /// legal basis and an approving authority.
    pub deviations: usize,
}

pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file, position, rule: the same input gives the same output.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
    pub elapsed: Duration,
}

/// Why a run could not happen (exit 2).
pub enum Failure {
    /// No catalog to read.
    Io(String),
    /// `rules/` is broken; the outcome holds the findings about it.
    Config(Box<Outcome>),
}

/// Lint the catalog at `root` with `rules/` from `rules_dir` (shipped
/// defaults for files not there), on the given date (YYYY-MM-DD).
pub fn lint_dir(root: &Path, rules_dir: Option<&Path>, today: &str) -> Result<Outcome, Failure> {
    let start = Instant::now();
    let cfg = config::load(rules_dir, &rules::known);
    let files = load::read_tree(root).map_err(Failure::Io)?;
    if files.is_empty() {
        return Err(Failure::Io(format!(
            "{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
            root.display()
        )));
    }
    let mut out = lint(files, &cfg, today)?;
    let base = crate::source::display_base(root);
    for f in &mut out.sources.files[cfg.sources.len()..] {
        f.base = base.clone();
    }
    out.elapsed = start.elapsed();
    Ok(out)
}

/// Lint files given in memory (paths relative to the catalog root).
pub fn lint(files: Vec<RawFile>, cfg: &config::Loaded, today: &str) -> Result<Outcome, Failure> {
    let start = Instant::now();
    let first_id = cfg.sources.len();
    let config = match &cfg.config {
        Ok(c) => c,
        Err(invalid) => {
            let sources = Sources {
                files: cfg.sources.clone(),
            };
            return Err(Failure::Config(Box::new(finish(
                sources,
                rules::config_findings(invalid),
                Stats::default(),
                start,
            ))));
        }
    };
    let loaded = load::parse(files, first_id);
    let mut sources = Sources {
        files: cfg.sources.clone(),
    };
    sources.files.extend(loaded.sources.files);
    let index = Index::build(&loaded.catalog);
    let ctx = Context {
        catalog: &loaded.catalog,
        index: &index,
        sources: &sources,
        config,
        text_hits: std::sync::OnceLock::new(),
    };
    let mut found: Vec<Diagnostic> = loaded
        .problems
        .iter()
        .map(|(f, p)| rules::load_finding(*f, p))
        .collect();
    found.extend(rules::run(&ctx));

    let c = &loaded.catalog;
    let of_kind = |k: FileKind| {
        sources.files[first_id..]
            .iter()
            .filter(|f| FileKind::of_path(&f.path) == Some(k))
            .count()
    };
    let mut stats = Stats {
        files: sources.files.len() - first_id,
        items: of_kind(FileKind::Item),
        locals: of_kind(FileKind::Local),
        bundles: of_kind(FileKind::Bundle),
        agencies: c.agencies.len(),
        regions: c.regions.len(),
        materials: c.materials.len(),
        exemptions: 0,
        deviations: crate::analysis::deviation::count_in_force(c, config),
    };
    let usage = ctx.text_hits.get().map(|(_, u)| u.clone());
    drop(ctx);
    let diagnostics = apply_config(config, &sources, found, usage.as_ref(), today, &mut stats);
    drop(index);
    Ok(finish(sources, diagnostics, stats, start))
}

/// Severities from `rules/`, exemptions, and findings about `rules/`
/// itself (stale overrides, expired or unused exemptions, unused lexicon
/// entries).
fn apply_config(
    config: &Config,
    sources: &Sources,
    found: Vec<Diagnostic>,
    usage: Option<&crate::text::matcher::Usage>,
    today: &str,
    stats: &mut Stats,
) -> Vec<Diagnostic> {
    let mut used_override = vec![false; config.overrides.len()];
    let mut used_exemption = vec![false; config.exemptions.len()];
    let expired: Vec<bool> = config
        .exemptions
        .iter()
        .map(|e| e.entry.expires.as_str() < today)
        .collect();
    let mut kept = Vec::with_capacity(found.len());
    for mut d in found {
        let path = &sources.get(d.file).path;
        let Some(sev) = config.severity(d.rule, d.severity, path, d.pointer(), &mut used_override) else {
            continue;
        };
        d.severity = sev;
        let key = exemption_key(path);
        let hit = config.exemptions.iter().position(|e| {
            let e = &e.entry;
            key.is_some_and(|(item, region)| e.item == item && e.region.as_deref() == region)
                && e.rule == d.rule
                && (d.pointer() == e.pointer
                    || d.pointer().starts_with(&format!("{}/", e.pointer))
                    || e.pointer.is_empty())
        });
        if let Some(i) = hit {
            used_exemption[i] = true;
            if !expired[i] {
                continue;
            }
        }
        kept.push(d);
    }
    let mut extra = Vec::new();
    for (i, o) in config.overrides.iter().enumerate() {
        if !used_override[i] {
            extra.push(
                rules::stale_override::RULE
                    .at(o.at.file, &o.at.pointer)
                    .message("此覆盖在本次检查中没有改变任何问题的级别")
                    .help("删除这条覆盖，或修改 files/pointer 使其匹配需要覆盖的问题"),
            );
        }
    }
    for (i, e) in config.exemptions.iter().enumerate() {
        let at = &e.at;
        if expired[i] {
            extra.push(
                rules::exemption_expired::RULE
                    .at(at.file, &format!("{}/expires", at.pointer))
                    .message(format!(
                        "对事项 {} 的 {} 豁免已于 {} 到期，不再生效",
                        e.entry.item, e.entry.rule, e.entry.expires
                    ))
                    .help("修改目录使问题消失后删除此豁免；确需延续的，经批准后更新到期日"),
            );
        } else if !used_exemption[i] {
            extra.push(
                rules::exemption_unused::RULE
                    .at(at.file, &at.pointer)
                    .message(format!(
                        "对事项 {}{} {} 处的 {} 豁免没有匹配任何问题",
                        e.entry.item,
                        e.entry
                            .region
                            .as_deref()
                            .map(|r| format!("（区划 {r}）"))
                            .unwrap_or_default(),
                        e.entry.pointer,
                        e.entry.rule
                    ))
                    .help("删除此豁免，或修正其基本编码、区划、指针或规则标识"),
            );
        } else {
            stats.exemptions += 1;
        }
    }
    if let Some(u) = usage {
        for (i, used) in u.entries.iter().enumerate() {
            if !used {
                let e = config.matcher.entry(i);
                let at = &config.lexicon_at[i];
                extra.push(
                    rules::unused_lexicon_entry::RULE
                        .at(at.file, &format!("{}/pattern", at.pointer))
                        .message(format!("用语“{}”（{}）在目录中没有出现", e.pattern, e.class.label()))
                        .help("目录干净时这是正常的；确认不再需要时可删除"),
                );
            }
        }
        for (i, used) in u.allow.iter().enumerate() {
            if !used {
                let at = &config.allow_at[i];
                extra.push(
                    rules::unused_lexicon_entry::RULE
                        .at(at.file, &format!("{}/term", at.pointer))
                        .message("此允许用语在目录中没有出现")
                        .help("确认不再需要时可删除"),
                );
            }
        }
    }
    for mut d in extra {
        let path = &sources.get(d.file).path;
        if let Some(sev) = config.severity(d.rule, d.severity, path, d.pointer(), &mut []) {
            d.severity = sev;
            kept.push(d);
        }
    }
    kept
}

/// (基本编码, 区划) of an item or local file, for exemption matching.
fn exemption_key(path: &str) -> Option<(&str, Option<&str>)> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["items", f] => Some((f.strip_suffix(".json")?, None)),
        ["local", r, f] => Some((f.strip_suffix(".json")?, Some(r))),
        _ => None,
    }
}

/// Findings about files outside a lint run (an import mapping file…),
/// located and sorted like a run's, ready for the same renderers.
pub fn located(sources: Sources, diagnostics: Vec<Diagnostic>) -> Outcome {
    finish(sources, diagnostics, Stats::default(), Instant::now())
}

fn finish(sources: Sources, mut diagnostics: Vec<Diagnostic>, stats: Stats, start: Instant) -> Outcome {
    locate(&sources, &mut diagnostics);
    // By the path as shown (catalog and rules/ files interleave by it).
    diagnostics.sort_by(|a, b| {
        let (fa, fb) = (sources.get(a.file), sources.get(b.file));
        (&*fa.base, &fa.path, a.span.map(|s| s.0), a.rule, &a.message).cmp(&(
            &*fb.base,
            &fb.path,
            b.span.map(|s| s.0),
            b.rule,
            &b.message,
        ))
    });
    Outcome {
        sources,
        diagnostics,
        stats,
        elapsed: start.elapsed(),
    }
}

/// Whether any finding is an error (exit status 1).
pub fn has_errors(out: &Outcome) -> bool {
    out.diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Give every finding a byte span and line/column. Each file with findings
/// that point by JSON pointer is parsed once more, in parallel; files
/// without findings are never re-parsed.
fn locate(sources: &Sources, diags: &mut [Diagnostic]) {
    let mut by_file: Vec<(usize, Vec<&mut Diagnostic>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for d in diags.iter_mut() {
        let i = *slot.entry(d.file).or_insert_with(|| {
            by_file.push((d.file, Vec::new()));
            by_file.len() - 1
        });
        by_file[i].1.push(d);
    }
    by_file.par_iter_mut().for_each(|(file, ds)| {
        let src = sources.get(*file);
        let base = if src.text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut tree = None;
        for d in ds.iter_mut() {
            if d.span.is_none() {
                d.span = match &d.place {
                    Place::Bytes { start, end } => Some((*start, *end)),
                    Place::Pointer { pointer, target } => {
                        let t = tree.get_or_insert_with(|| Tree::parse(&src.text, base));
                        t.as_ref().and_then(|t| t.find(pointer, *target))
                    }
                };
                if let (Some((s, e)), Some((a, b))) = (d.span, d.sub) {
                    let literal = &src.text[s..e];
                    if literal.starts_with('"') {
                        d.span = Some((s + literal_offset(literal, a), s + literal_offset(literal, b)));
                    }
                }
            }
            let (line, column) = src.line_col(d.span.map_or(0, |s| s.0));
            d.line = line;
            d.column = column;
        }
    });
}

/// Byte offset in a JSON string literal (with its quotes) of the byte
/// offset `decoded` in the string it decodes to, walking escapes.
fn literal_offset(literal: &str, decoded: usize) -> usize {
    let raw = literal.as_bytes();
    let mut i = 1; // after the opening quote
    let mut d = 0;
    while i < raw.len() - 1 && d < decoded {
        if raw[i] == b'\\' {
            let (adv, len) = match raw.get(i + 1) {
                Some(b'u') => {
                    let code = u32::from_str_radix(literal.get(i + 2..i + 6).unwrap_or("0"), 16).unwrap_or(0);
                    if (0xD800..0xDC00).contains(&code) {
                        (12, 4) // a surrogate pair: one 4-byte character
                    } else {
                        (6, char::from_u32(code).map_or(1, char::len_utf8))
                    }
                }
                _ => (2, 1),
            };
            i += adv;
            d += len;
        } else {
            let ch = literal[i..].chars().next().map_or(1, char::len_utf8);
            i += ch;
            d += ch;
        }
    }
    i.min(literal.len())
}

#[cfg(test)]
mod tests {
    use super::literal_offset;

    #[test]
    fn offsets_inside_string_literals_skip_escapes() {
        let lit = r#""a\"b\u4e2d文""#;
        // decoded: a " b 中 文 → bytes 0,1,2,3(中:3 bytes),6(文)
        assert_eq!(&lit[literal_offset(lit, 3)..literal_offset(lit, 6)], "\\u4e2d");
        assert_eq!(&lit[literal_offset(lit, 6)..literal_offset(lit, 9)], "文");
    }
}

#[cfg(test)]
mod config_tests {
    use super::*;
    use crate::config::{load_texts, ConfigFile};
    use crate::testing::{base, edit, files_with, ITEM, TODAY};

    fn run(rules: &[(ConfigFile, &str)], item: &str) -> Outcome {
        let files = files_with("items/630101001000.json", item);
        match lint(files, &load_texts(rules), TODAY) {
            Ok(o) => o,
            Err(_) => panic!("config must compile"),
        }
    }

    fn rules_of(out: &Outcome) -> Vec<(&str, Severity)> {
        out.diagnostics
            .iter()
            .filter(|d| !["credit-code-missing", "unused-lexicon-entry"].contains(&d.rule))
            .map(|d| (d.rule, d.severity))
            .collect()
    }

    const VAGUE: &str = "\"conditions\": [\"原则上不受理委托办理\"]";

    fn vague_item() -> String {
        edit(ITEM, "\"conditions\": [\"申请人已依法登记\"]", VAGUE)
    }

    fn exemption(expires: &str, pointer: &str) -> String {
        format!(
            "{{\"exemptions\": [{{\"item\": \"630101001000\", \"pointer\": \"{pointer}\", \"rule\": \"vague-discretion\", \
             \"reason\": \"法律原文如此\", \"basis\": \"《中华人民共和国行政许可法》\", \"approver\": \"审核处\", \"expires\": \"{expires}\"}}]}}"
        )
    }

    #[test]
    fn an_exemption_in_force_suppresses_and_is_counted() {
        let out = run(
            &[(ConfigFile::Exemptions, &exemption("2027-06-30", "/conditions/0"))],
            &vague_item(),
        );
        assert_eq!(rules_of(&out), []);
        assert_eq!(out.stats.exemptions, 1);
    }

    #[test]
    fn an_expired_exemption_is_a_finding_and_suppresses_nothing() {
        let out = run(
            &[(ConfigFile::Exemptions, &exemption("2025-12-31", "/conditions/0"))],
            &vague_item(),
        );
        assert_eq!(
            rules_of(&out),
            [
                ("vague-discretion", Severity::Error),
                ("exemption-expired", Severity::Error)
            ]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "exemption-expired").unwrap();
        assert_eq!(out.sources.get(d.file).shown(), "rules/exemptions.json");
        assert_eq!(d.pointer(), "/exemptions/0/expires");
        assert_eq!(out.stats.exemptions, 0);
    }

    #[test]
    fn an_exemption_that_matches_nothing_is_reported() {
        let out = run(
            &[(ConfigFile::Exemptions, &exemption("2027-06-30", "/conditions/5"))],
            &vague_item(),
        );
        assert_eq!(
            rules_of(&out),
            [
                ("vague-discretion", Severity::Error),
                ("exemption-unused", Severity::Warning)
            ]
        );
    }

    #[test]
    fn severity_and_overrides_apply_and_stale_overrides_are_reported() {
        let rules = r#"{
  "severity": {"vague-discretion": "warning"},
  "overrides": [
    {"files": "items/**", "pointer": "/conditions", "severity": {"vague-discretion": "info"}, "reason": "试行期"},
    {"files": "local/630199/**", "severity": {"visit-reason": "off"}, "reason": "已撤销的区划"}
  ]
}
"#;
        let out = run(&[(ConfigFile::Rules, rules)], &vague_item());
        assert_eq!(
            rules_of(&out),
            [
                ("vague-discretion", Severity::Info),
                ("stale-override", Severity::Warning)
            ]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "stale-override").unwrap();
        assert_eq!((d.line, d.column), (5, 5));
    }

    #[test]
    fn a_rule_turned_off_reports_nothing() {
        let rules = "{\"severity\": {\"vague-discretion\": \"off\"}}";
        let out = run(&[(ConfigFile::Rules, rules)], &vague_item());
        assert_eq!(rules_of(&out), []);
    }

    #[test]
    fn a_broken_rules_file_stops_the_run_with_a_finding_in_rules() {
        let files = base()
            .into_iter()
            .map(|(path, text)| RawFile {
                path,
                bytes: Ok(text.into_bytes()),
            })
            .collect();
        let bad = "{\n  \"entries\": [{\"pattern\": \"其他 材料\", \"class\": \"兜底\", \"message\": \"m\", \"rewrite\": \"r\", \"policy\": \"p\"}],\n  \"alow\": []\n}\n";
        match lint(files, &load_texts(&[(ConfigFile::Lexicon, bad)]), TODAY) {
            Err(Failure::Config(out)) => {
                let found: Vec<(&str, String, usize, usize)> = out
                    .diagnostics
                    .iter()
                    .map(|d| (d.rule, out.sources.get(d.file).shown(), d.line, d.column))
                    .collect();
                assert_eq!(found, [("unknown-field", "rules/lexicon.json".to_string(), 3, 3)]);
            }
            _ => panic!("a broken rules/ must stop the run"),
        }
    }
}
