//! The lint pipeline: rules/ → load → rules → severities and exemptions →
//! locate → sort. Pure over its inputs, so tests run it on in-memory
//! catalogs; only `lint_dir` touches disk.

mod apply;
mod check;
use check::check_model;
pub(crate) mod baseline;
pub(crate) mod changes;
pub mod fingerprint;
pub(crate) mod input;
mod locate;
mod order;
pub mod partial;
pub(crate) mod select;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::catalog::FileKind;
use crate::config;
use crate::diag::Diagnostic;
use crate::load::{self, RawFile};
use crate::rules;
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
    /// Findings left out because the baseline (`lint --baseline`) holds
    /// them; absent without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) baseline: Option<usize>,
}

pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file, position, rule: the same input gives the same output.
    pub diagnostics: Vec<Diagnostic>,
    /// Infos counted instead of kept, per rule: a run whose reports list
    /// no info ([`lint_paths`] with `count_infos`) (issue 14).
    pub(crate) counted: crate::diag::Counted,
    pub stats: Stats,
    pub(crate) elapsed: Duration,
    /// Region code to name, from the catalog's regions.json (empty when
    /// the run read none), for the reports grouped by region.
    pub(crate) region_names: std::collections::BTreeMap<String, String>,
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
    lint_dir_with(root, rules_dir, today, false)
}

/// [`lint_dir`], counting infos instead of keeping them when
/// `count_infos` (see [`config::Config::counts`]).
fn lint_dir_with(root: &Path, rules_dir: Option<&Path>, today: &str, count_infos: bool) -> Result<Outcome, Failure> {
    let start = Instant::now();
    let mut cfg = config::load(rules_dir, &rules::known);
    if let Ok(c) = &mut cfg.config {
        c.count_infos = count_infos;
    }
    let files = on_disk(root)?;
    let (checked, catalog) = check_model(files, &cfg, today, Keep::All)?;
    // (See `lint`: the catalog is freed on its own thread.)
    let _ = std::thread::Builder::new().spawn(move || drop(catalog));
    let mut out = checked.finish();
    let base = crate::source::display_base(root);
    for f in &mut out.sources.files[cfg.sources.len()..] {
        f.base = base.clone();
    }
    out.elapsed = start.elapsed();
    Ok(out)
}

/// Lint the catalog the target's paths belong to (cross-file checks need
/// all of it) and keep the findings in files under those paths. A path
/// that names no catalog data file is an error, not an empty report.
/// `count_infos`: the reports list no info, so infos nothing in `rules/`
/// names may be counted, not kept (only when the whole catalog is
/// reported: counts are not per file).
pub fn lint_paths(
    target: &load::Target,
    rules_dir: Option<&Path>,
    today: &str,
    count_infos: bool,
) -> Result<Outcome, Failure> {
    if !target.whole() {
        let files = load::read_tree(&target.root).map_err(Failure::Io)?;
        if let Some(sel) = target
            .selected
            .iter()
            .find(|sel| !files.iter().any(|f| load::is_under(&f.path, sel)))
        {
            let shown = target.root.join(sel);
            return Err(Failure::Io(format!(
                "{} 下没有任何目录数据文件（schema/ 以外的 *.json）",
                shown.display()
            )));
        }
    }
    let out = lint_dir_with(&target.root, rules_dir, today, count_infos && target.whole())?;
    Ok(select_paths(out, &target.selected))
}

/// Keep only the findings in catalog files under one of `selected`
/// (paths relative to the catalog root; none means everything, `rules/`
/// included), and count only those files in the summary. Findings in
/// `rules/` are dropped for a partial selection: they are about the
/// whole catalog.
pub fn select_paths(mut out: Outcome, selected: &[String]) -> Outcome {
    if selected.is_empty() {
        return out;
    }
    // The catalog's files come after those of `rules/`.
    let first = out.sources.files.len().saturating_sub(out.stats.files);
    let keep: Vec<bool> = (out.sources.files.iter().enumerate())
        .map(|(i, f)| i >= first && selected.iter().any(|s| load::is_under(&f.path, s)))
        .collect();
    out.diagnostics.retain(|d| keep.get(d.file).copied().unwrap_or(false));
    let count = |k: Option<FileKind>| {
        out.sources
            .files
            .iter()
            .zip(&keep)
            .filter(|(f, kept)| **kept && (k.is_none() || FileKind::of_path(&f.path) == k))
            .count()
    };
    out.stats.files = count(None);
    out.stats.items = count(Some(FileKind::Item));
    out.stats.locals = count(Some(FileKind::Local));
    out.stats.bundles = count(Some(FileKind::Bundle));
    out
}

/// Lint files given in memory (paths relative to the catalog root).
pub(crate) fn lint(files: Vec<RawFile>, cfg: &config::Loaded, today: &str) -> Result<Outcome, Failure> {
    let (checked, catalog) = check_model(input::Files::Memory(files), cfg, today, Keep::All)?;
    // The typed catalog is not needed to locate and render the findings:
    // it is freed on its own thread while they are located, not serially
    // and not held beside the line indexes locating builds (issue 14).
    // (When no thread can be started, the catalog is dropped here.)
    let _ = std::thread::Builder::new().spawn(move || drop(catalog));
    Ok(checked.finish())
}

/// Which findings a run keeps (and so locates: spans cost time and memory
/// when a large catalog has hundreds of thousands of infos).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    All,
    /// Only error findings (a command that only asks "any errors?").
    Errors,
}

/// Lint the catalog at `root` like [`lint_dir`] with an already loaded
/// `rules/`, and keep the typed catalog the rules checked, so a command
/// that goes on to render it (`guide`) reads and parses every file once.
pub(crate) fn lint_dir_model(
    root: &Path,
    cfg: &config::Loaded,
    today: &str,
    keep: Keep,
) -> Result<(Outcome, crate::catalog::Catalog), Failure> {
    let (checked, catalog) = check_model(on_disk(root)?, cfg, today, keep)?;
    let mut out = checked.finish();
    let base = crate::source::display_base(root);
    for f in &mut out.sources.files[cfg.sources.len()..] {
        f.base = base.clone();
    }
    Ok((out, catalog))
}

/// The catalog files under `root`, to be read as they are parsed; an
/// error when there are none.
fn on_disk(root: &Path) -> Result<input::Files, Failure> {
    let paths = load::list_tree(root).map_err(Failure::Io)?;
    if paths.is_empty() {
        return Err(Failure::Io(format!(
            "{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
            root.display()
        )));
    }
    Ok(input::Files::Disk(root.to_path_buf(), paths))
}

/// [`lint`], returning the typed catalog beside the outcome.
pub(crate) fn lint_model(
    files: Vec<RawFile>,
    cfg: &config::Loaded,
    today: &str,
    keep: Keep,
) -> Result<(Outcome, crate::catalog::Catalog), Failure> {
    let (checked, catalog) = check_model(input::Files::Memory(files), cfg, today, keep)?;
    Ok((checked.finish(), catalog))
}

/// Findings about files outside a lint run (an import mapping file…),
/// located and sorted like a run's, ready for the same renderers.
pub(crate) fn located(sources: Sources, diagnostics: Vec<Diagnostic>) -> Outcome {
    finish(sources, diagnostics, Stats::default(), Instant::now())
}

fn finish(sources: Sources, mut diagnostics: Vec<Diagnostic>, stats: Stats, start: Instant) -> Outcome {
    locate::locate(&sources, &mut diagnostics);
    order::sort(&sources, &mut diagnostics);
    Outcome {
        sources,
        diagnostics,
        counted: Vec::new(),
        stats,
        elapsed: start.elapsed(),
        region_names: std::collections::BTreeMap::new(),
    }
}

#[cfg(test)]
mod config_tests {
    use super::*;
    use crate::config::{load_texts, ConfigFile};
    use crate::diag::Severity;
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

#[cfg(test)]
mod select_tests {
    use super::*;
    use crate::testing::{lint_with, LOCAL};

    #[test]
    fn a_selection_keeps_findings_and_counts_files_under_it() {
        // A finding in items/ (a stray file) and one in local/ (an unknown field).
        let local = LOCAL.replacen('{', "{\"delivery_by_posts\": 1,", 1);
        let out = || {
            lint_with(&[
                ("items/stray.txt.json", Some("{}")),
                ("local/630100/630101001000.json", Some(&local)),
            ])
        };
        let files = |o: &Outcome| -> Vec<String> {
            o.diagnostics
                .iter()
                .filter(|d| d.severity != crate::diag::Severity::Info)
                .map(|d| o.sources.get(d.file).path.clone())
                .collect()
        };
        let all = out();
        assert!(files(&all).iter().any(|p| p.starts_with("items/")), "{:?}", files(&all));
        let local_only = select_paths(out(), &["local".to_string()]);
        let kept = files(&local_only);
        assert!(
            !kept.is_empty() && kept.iter().all(|p| p.starts_with("local/")),
            "{kept:?}"
        );
        assert_eq!(
            (local_only.stats.files, local_only.stats.locals, local_only.stats.items),
            (1, 1, 0)
        );
        assert_eq!(select_paths(out(), &[]).diagnostics.len(), all.diagnostics.len());
    }
}
