//! A small, valid in-memory catalog for rule tests: each rule's test swaps
//! in one defective file and asserts the finding's rule, file and line.

use crate::config::ConfigFile;
use crate::diag::Diagnostic;
use crate::lint::{Failure, Outcome};
use crate::load::RawFile;
use crate::rules::{Edit, Example};

pub(crate) const META: &str = r#"{
  "province": "630000",
  "title": "测试目录",
  "format_version": 1,
  "item_types": [
    {"code": "01", "name": "行政许可", "applicant_facing": true},
    {"code": "20", "name": "公共服务", "applicant_facing": true}
  ],
  "updated": "2026-11-01"
}
"#;

pub(crate) const REGIONS: &str = r#"{
  "regions": [
    {"code": "630000", "name": "青海省", "level": "省级"},
    {"code": "630100", "name": "西宁市", "level": "市级", "parent": "630000"},
    {"code": "630102", "name": "城东区", "level": "县级", "parent": "630100"}
  ]
}
"#;

pub(crate) const DEPARTMENTS: &str = r#"{
  "departments": [
    {"code": "01", "name": "市场监督管理部门", "provincial_name": "青海省市场监督管理局"}
  ]
}
"#;

pub(crate) const MATERIALS: &str = r#"{
  "materials": [
    {"id": "id_card", "name": "居民身份证", "kind": "证件证书证明", "source": "政府部门核发", "issuer": "公安机关", "e_license": true, "shared_verification": true},
    {"id": "application_form", "name": "申请书", "kind": "申请表格文书", "source": "申请人自备"}
  ]
}
"#;

pub(crate) const AGENCIES_630100: &str = r#"{
  "region": "630100",
  "agencies": [
    {"id": "630100-01", "name": "西宁市市场监督管理局", "department": "01", "level": "市级"}
  ]
}
"#;

pub(crate) const ITEM: &str = r#"{
  "code": "630101001000",
  "name": "测试许可事项",
  "item_type": "行政许可",
  "department": "01",
  "levels": ["市级"],
  "legal_basis": [{"document": "《中华人民共和国行政许可法》", "article": "第四十二条"}],
  "service_objects": ["企业法人"],
  "conditions": ["申请人已依法登记"],
  "materials": [
    {"material": "application_form", "necessity": "必要", "originals": 1, "copies": 0, "form": "纸质或电子", "paper_size": "A4"},
    {"material": "id_card", "necessity": "必要", "originals": 0, "copies": 0, "form": "电子", "exemption": {"method": "电子证照"}}
  ],
  "process": [
    {"name": "受理", "actor": "受理窗口工作人员", "deadline": {"value": 1, "unit": "工作日"}},
    {"name": "审查", "actor": "审查人员", "deadline": {"value": 10, "unit": "工作日"}},
    {"name": "决定", "actor": "决定人员", "deadline": {"value": 5, "unit": "工作日"}},
    {"name": "送达", "actor": "受理窗口工作人员", "deadline": {"value": 4, "unit": "工作日"}}
  ],
  "statutory_deadline": {"value": 20, "unit": "工作日"},
  "case_type": "承诺件",
  "fees": {"charged": false, "charges": []},
  "results": [{"name": "测试许可证", "kind": "证照", "sample": "测试许可证（样本）.pdf"}],
  "version": 1,
  "updated": "2026-11-01"
}
"#;

pub(crate) const LOCAL: &str = r#"{
  "item": "630101001000",
  "region": "630100",
  "agency": "630100-01",
  "promised_deadline": {"value": 10, "unit": "工作日"},
  "visits": 0,
  "online": {"depth": "Ⅳ级", "address": "青海政务服务网"},
  "in_service_centre": true,
  "delivery_by_post": true,
  "windows": [{"place": "西宁市政务服务中心", "hours": "法定工作日"}],
  "consultation": [{"kind": "窗口", "value": "西宁市政务服务中心市场监管窗口"}],
  "complaint": [{"kind": "电话", "value": "12345"}],
  "deviations": [],
  "version": 1,
  "updated": "2026-11-01"
}
"#;

pub(crate) const BUNDLE: &str = r#"{
  "id": "test-bundle",
  "name": "测试一件事",
  "lead_department": "01",
  "members": [{"item": "630101001000", "promised_deadline": {"value": 10, "unit": "工作日"}}],
  "form": {"name": "测试一件事申请表"},
  "materials": ["application_form"],
  "promised_deadline": {"value": 10, "unit": "工作日"},
  "online_entry": "青海政务服务网",
  "window": "西宁市政务服务中心综合受理窗口",
  "version": 1,
  "updated": "2026-11-01"
}
"#;

/// The clean base catalog as (path, text) pairs.
pub(crate) fn base() -> Vec<(String, String)> {
    [
        ("catalog.json", META),
        ("regions.json", REGIONS),
        ("departments.json", DEPARTMENTS),
        ("materials.json", MATERIALS),
        ("agencies/630100.json", AGENCIES_630100),
        ("items/630101001000.json", ITEM),
        ("local/630100/630101001000.json", LOCAL),
        ("bundles/test-bundle.json", BUNDLE),
        // The result sample the item names (form-file-missing).
        ("forms/测试许可证（样本）.pdf", "%PDF-1.4\n"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect()
}

/// The one date tests lint on (exemption expiry).
pub(crate) const TODAY: &str = "2026-11-22";

/// Lint in-memory files with the shipped `rules/`.
pub(crate) fn lint_files(files: Vec<RawFile>) -> Outcome {
    // The shipped rules/ compiled once per process: tests lint thousands
    // of small catalogs.
    static DEFAULT: std::sync::OnceLock<crate::config::Loaded> = std::sync::OnceLock::new();
    let rules = DEFAULT.get_or_init(|| crate::config::load_texts(&[]));
    match crate::lint::lint(files, rules, TODAY) {
        Ok(o) => o,
        Err(_) => panic!("shipped rules/ must compile"),
    }
}

/// The base catalog with one file's text replaced, as raw files.
pub(crate) fn files_with(path: &str, text: &str) -> Vec<RawFile> {
    base()
        .into_iter()
        .map(|(p, t)| RawFile {
            bytes: Ok(if p == path { text.to_string() } else { t }.into_bytes()),
            path: p,
        })
        .collect()
}

/// The base catalog's (path, text) with `changes` applied: a file with
/// `Some(text)` is replaced or added, `None` removes it; sorted by path.
fn base_with(changes: &[(&str, Option<&str>)]) -> Vec<(String, String)> {
    let mut files = base();
    for (path, text) in changes {
        files.retain(|(p, _)| p != path);
        if let Some(t) = text {
            files.push((path.to_string(), t.to_string()));
        }
    }
    files.sort();
    files
}

/// Lint the base catalog with `changes` applied: a file with `Some(text)`
/// is replaced or added, `None` removes it.
pub(crate) fn lint_with(changes: &[(&str, Option<&str>)]) -> Outcome {
    let files = base_with(changes);
    lint_files(
        files
            .into_iter()
            .map(|(path, text)| RawFile {
                path,
                bytes: Ok(text.into_bytes()),
            })
            .collect(),
    )
}

/// Replace `from` with `to` in a base file, asserting the text was there.
pub(crate) fn edit(base_text: &str, from: &str, to: &str) -> String {
    assert!(base_text.contains(from), "test edit: {from:?} not in base text");
    base_text.replacen(from, to, 1)
}

/// Findings of one rule as (file, line, column).
pub(crate) fn hits(out: &Outcome, rule: &str) -> Vec<(String, usize, usize)> {
    out.diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d: &Diagnostic| (out.sources.get(d.file).path.clone(), d.line, d.column))
        .collect()
}

#[test]
fn base_catalog_is_clean() {
    let out = lint_with(&[]);
    // The test files are written compactly for reading in tests, so all
    // of them are reported by format-canonical; nothing else may be.
    let all: Vec<String> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity != crate::diag::Severity::Info && d.rule != "format-canonical")
        .map(|d| format!("{} {}:{} {}", d.rule, out.sources.get(d.file).path, d.line, d.message))
        .collect();
    assert!(all.is_empty(), "base catalog has findings: {all:#?}");
    assert_eq!(out.stats.items, 1);
    assert_eq!(out.stats.locals, 1);
}

/// Test catalog files as (path, bytes or why they cannot be read).
type Files = Vec<(String, Result<Vec<u8>, String>)>;

/// `bytes` with the first `from` replaced by `to`, if `from` is there.
fn replace_first(bytes: &[u8], from: &[u8], to: &[u8]) -> Option<Vec<u8>> {
    let at = bytes.windows(from.len()).position(|w| w == from)?;
    Some([&bytes[..at], to, &bytes[at + from.len()..]].concat())
}

/// Apply one edit; an empty `from` makes `to` the whole file, adding it
/// when it is not there.
fn apply_edit(files: &mut Files, e: &Edit) -> Result<(), String> {
    let slot = files.iter_mut().find(|(p, _)| p == e.file);
    match slot {
        None if e.from.is_empty() => files.push((e.file.to_string(), Ok(e.to.into()))),
        None => return Err(format!("{} is not in the test catalog", e.file)),
        Some((_, bytes)) if e.from.is_empty() => *bytes = Ok(e.to.into()),
        Some((_, bytes)) => {
            let old = bytes.as_deref().map_err(Clone::clone)?;
            *bytes = Ok(replace_first(old, e.from.as_bytes(), e.to.as_bytes())
                .ok_or_else(|| format!("{:?} is not in {}", e.from, e.file))?);
        }
    }
    Ok(())
}

/// The test file at `path`, or why an example naming it does not apply.
fn file_mut<'f>(files: &'f mut Files, path: &str) -> Result<&'f mut (String, Result<Vec<u8>, String>), String> {
    let f = files.iter_mut().find(|(p, _)| p == path);
    f.ok_or_else(|| format!("{path} is not in the test catalog"))
}

/// Apply `example` to the test catalog's files. Returns the shipped
/// `rules/` file it changes, if any, with the changed text.
fn apply_example(files: &mut Files, example: &Example) -> Result<Option<(ConfigFile, String)>, String> {
    match *example {
        Example::Edit { file, from, to } => apply_edit(files, &Edit { file, from, to })?,
        Example::Edits(edits) => edits.iter().try_for_each(|e| apply_edit(files, e))?,
        Example::Copies { copies, edits } => {
            for (file, to) in copies {
                let bytes = file_mut(files, file)?.1.clone();
                files.push((to.to_string(), bytes));
            }
            edits.iter().try_for_each(|e| apply_edit(files, e))?;
        }
        Example::Move { file, to } => file_mut(files, file)?.0 = to.to_string(),
        Example::Remove { file } => {
            let n = files.len();
            files.retain(|(p, _)| p != file);
            if files.len() == n {
                return Err(format!("{file} is not in the test catalog"));
            }
        }
        Example::Bytes { file, from, to } => {
            let f = file_mut(files, file)?;
            let old = f.1.as_deref().map_err(Clone::clone)?;
            f.1 = Ok(replace_first(old, from, to).ok_or_else(|| format!("{from:?} is not in {file}"))?);
        }
        Example::Unreadable { file } => file_mut(files, file)?.1 = Err("权限不够".into()),
        // Applied to the lint run's outcome (`with_baseline`).
        Example::Baseline { .. } => {}
        Example::Config {
            kind,
            from,
            to,
            catalog,
        } => {
            let text = edited_rules_file(kind, from, to)?;
            catalog.iter().try_for_each(|e| apply_edit(files, e))?;
            return Ok(Some((kind, text)));
        }
    }
    Ok(None)
}

/// The shipped `rules/` file of `kind` with `from` replaced by `to` (an
/// empty `from`: `to` is the whole file).
fn edited_rules_file(kind: ConfigFile, from: &str, to: &str) -> Result<String, String> {
    let shipped = kind.default_text();
    if from.is_empty() {
        Ok(to.to_string())
    } else if shipped.contains(from) {
        Ok(shipped.replacen(from, to, 1))
    } else {
        Err(format!("{from:?} is not in the shipped rules/ file {kind:?}"))
    }
}

/// Lint the base catalog with a rule's documented example applied, or say
/// why the example does not apply (a `from` text not in its file).
pub(crate) fn lint_example(example: &Example) -> Result<Outcome, String> {
    let mut files: Files = base().into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect();
    let rules = apply_example(&mut files, example)?;
    let loaded = match &rules {
        Some((kind, text)) => crate::config::load_texts(&[(*kind, text)]),
        None => crate::config::load_texts(&[]),
    };
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let files = files.into_iter().map(|(path, bytes)| RawFile { path, bytes }).collect();
    match crate::lint::lint(files, &loaded, TODAY) {
        Ok(out) => with_baseline(out, example),
        Err(Failure::Config(out)) => Ok(*out),
        Err(Failure::Io(e)) => Err(e),
    }
}

/// A lint run's outcome with the baseline of a [`Example::Baseline`]
/// applied (as `lint --baseline` does); other examples' unchanged.
fn with_baseline(mut out: Outcome, example: &Example) -> Result<Outcome, String> {
    if let Example::Baseline { keys } = *example {
        let text = serde_json::json!({"version": crate::lint::baseline::VERSION, "findings": keys}).to_string();
        let file = crate::source::SourceFile::new("tongbiao-baseline.json".into(), text.into());
        crate::lint::baseline::apply(&mut out, file)?;
    }
    Ok(out)
}

/// Test catalog files (the clean base with `changes` applied: `Some(text)`
/// replaces or adds a file, `None` removes it) loaded as one diff side.
pub(crate) fn side_with(changes: &[(&str, Option<&str>)]) -> crate::load::Loaded {
    let files = base_with(changes);
    loaded(files.into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect())
}

fn loaded(mut files: Files) -> crate::load::Loaded {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    crate::load::parse(
        files.into_iter().map(|(path, bytes)| RawFile { path, bytes }).collect(),
        0,
    )
}

/// The diff rules' findings (rule, message) between two loaded sides,
/// with the shipped `rules/`.
fn diff_findings(b: &crate::load::Loaded, h: &crate::load::Loaded) -> Vec<Diagnostic> {
    use crate::analysis::diff::Side;
    let config = crate::config::Config::defaults();
    let base = Side {
        label: "base",
        loaded: b,
    };
    let head = Side {
        label: "head",
        loaded: h,
    };
    crate::lint::changes::check(&base, &head, &config, TODAY)
        .findings
        .diagnostics
}

/// The diff rules' findings (rule id, message) from `base` to `head`,
/// each the clean catalog with changes applied (see [`lint_with`]).
pub(crate) fn diff_pair(base: &[(&str, Option<&str>)], head: &[(&str, Option<&str>)]) -> Vec<(String, String)> {
    diff_findings(&side_with(base), &side_with(head))
        .into_iter()
        .map(|d| (d.rule.to_string(), d.message.to_string()))
        .collect()
}

/// The diff rules' findings from the clean catalog to the clean catalog
/// with `changes` applied.
pub(crate) fn diff_with(changes: &[(&str, Option<&str>)]) -> Vec<(String, String)> {
    diff_pair(&[], changes)
}

/// The diff rules' findings from the clean catalog to the clean catalog
/// with a rule's documented example applied (a diff rule's example is
/// what a pull request does to the clean catalog).
pub(crate) fn diff_example(example: &Example) -> Result<Vec<Diagnostic>, String> {
    let clean: Files = base().into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect();
    let mut files = clean.clone();
    apply_example(&mut files, example)?;
    Ok(diff_findings(&loaded(clean), &loaded(files)))
}
