//! The lint pipeline: rules/ → load → rules → severities and exemptions →
//! locate → sort. Pure over its inputs, so tests run it on in-memory
//! catalogs; only `lint_dir` touches disk.

mod apply;
pub mod fingerprint;
mod locate;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::catalog::{FileKind, Index};
use crate::config;
use crate::diag::{Diagnostic, Severity};
use crate::load::{self, RawFile};
use crate::rules::{self, Context};
use crate::source::Sources;

/// Counts for the summary line.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    pub(crate) files: usize,
    pub items: usize,
    pub locals: usize,
    pub bundles: usize,
    pub(crate) agencies: usize,
    pub(crate) regions: usize,
    pub(crate) materials: usize,
    /// Exemptions in force: not expired, and matched a finding.
    pub(crate) exemptions: usize,
    /// Deviations from the standard in force: a uniform element, with a
    /// legal basis and an approving authority.
    pub(crate) deviations: usize,
}

pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file, position, rule: the same input gives the same output.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
    pub(crate) elapsed: Duration,
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
pub(crate) fn lint(files: Vec<RawFile>, cfg: &config::Loaded, today: &str) -> Result<Outcome, Failure> {
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
    let (diagnostics, exemptions) = apply::apply(config, &sources, found, usage.as_ref(), today);
    stats.exemptions = exemptions;
    drop(index);
    Ok(finish(sources, diagnostics, stats, start))
}

/// Findings about files outside a lint run (an import mapping file…),
/// located and sorted like a run's, ready for the same renderers.
pub(crate) fn located(sources: Sources, diagnostics: Vec<Diagnostic>) -> Outcome {
    finish(sources, diagnostics, Stats::default(), Instant::now())
}

fn finish(sources: Sources, mut diagnostics: Vec<Diagnostic>, stats: Stats, start: Instant) -> Outcome {
    locate::locate(&sources, &mut diagnostics);
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
pub(crate) fn has_errors(out: &Outcome) -> bool {
    out.diagnostics.iter().any(|d| d.severity == Severity::Error)
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
            // (format-canonical: the test files are written compactly.)
            .filter(|d| !["credit-code-missing", "unused-lexicon-entry", "format-canonical"].contains(&d.rule))
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
