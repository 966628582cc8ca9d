//! `lint --base`: lint only what changed files can affect. Given the
//! catalog-relative paths that changed since a revision, read the
//! registries, the changed files and the item groups they touch (an item
//! file and every region's local file of that item), lint that subset and
//! report the findings in the affected files: the changed files and their
//! item groups. A changed registry, `catalog.json` or `rules/` can affect
//! every file: then the whole catalog is linted and reported.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use super::{lint, lint_dir, select_paths, Failure, Outcome};
use crate::catalog::FileKind;
use crate::config;
use crate::load;
use crate::rules;

/// What a `--base` run read and reported.
pub enum Scope {
    /// The whole catalog, for this reason (Chinese).
    Full(String),
    /// A subset: how many files were read, and the affected files reported.
    Partial { read: usize, affected: Vec<String> },
}

/// Lint the catalog at `root` for the `changed` paths (relative to the
/// root; deleted files included). `rules_changed`: why `rules/` may
/// differ too, when it may (then everything is linted).
pub fn lint_changed(
    root: &Path,
    rules_dir: Option<&Path>,
    today: &str,
    changed: &[String],
    rules_changed: Option<String>,
) -> Result<(Outcome, Scope), Failure> {
    let full = rules_changed.or_else(|| {
        changed
            .iter()
            .find(|p| is_registry(p))
            .map(|p| format!("登记表 {p} 有变更"))
    });
    if let Some(reason) = full {
        return Ok((lint_dir(root, rules_dir, today)?, Scope::Full(reason)));
    }
    let start = Instant::now();
    let cfg = config::load(rules_dir, &rules::known);
    let (read, affected) = subset(root, changed);
    let count = read.len();
    let mut out = lint(load::read_files(read), &cfg, today)?;
    let base = crate::source::display_base(root);
    for f in &mut out.sources.files[cfg.sources.len()..] {
        f.base = base.clone();
    }
    let mut out = if affected.is_empty() {
        out.diagnostics.clear();
        out.stats = super::Stats::default();
        out
    } else {
        select_paths(out, &affected)
    };
    out.elapsed = start.elapsed();
    Ok((out, Scope::Partial { read: count, affected }))
}

/// Files whose change can affect every other: the registries and the
/// catalog's own description.
fn is_registry(p: &str) -> bool {
    matches!(
        FileKind::of_path(p),
        Some(FileKind::Meta | FileKind::Regions | FileKind::Departments | FileKind::Materials | FileKind::Agencies)
    )
}

/// The files to read (path, path on disk) and the affected files (those
/// of them to report), both sorted.
fn subset(root: &Path, changed: &[String]) -> (Vec<(String, std::path::PathBuf)>, Vec<String>) {
    let exists = |rel: &str| root.join(rel).is_file();
    let mut codes: BTreeSet<String> = BTreeSet::new();
    let mut affected: BTreeSet<String> = BTreeSet::new();
    let mut members: BTreeSet<String> = BTreeSet::new();
    for p in changed {
        let stem = p.rsplit('/').next().unwrap_or("").trim_end_matches(".json");
        match FileKind::of_path(p) {
            Some(FileKind::Item | FileKind::Local) => {
                codes.insert(stem.to_string());
            }
            Some(FileKind::Bundle) => members.extend(bundle_members(&root.join(p))),
            _ => {}
        }
        if exists(p) {
            affected.insert(p.clone());
        }
    }
    let regions = local_regions(root);
    for code in &codes {
        let item = format!("items/{code}.json");
        if exists(&item) {
            affected.insert(item);
        }
        for r in &regions {
            let local = format!("local/{r}/{code}.json");
            if exists(&local) {
                affected.insert(local);
            }
        }
    }
    let mut read: BTreeSet<String> = affected.clone();
    read.extend(registries(root));
    read.extend(forms(root));
    read.extend(members.iter().map(|m| format!("items/{m}.json")).filter(|p| exists(p)));
    let read = read.into_iter().map(|p| (p.clone(), root.join(&p))).collect();
    (read, affected.into_iter().collect())
}

/// The shipped forms under `root` (their names feed form-file-missing;
/// only `forms/` is walked, not the whole catalog).
fn forms(root: &Path) -> Vec<String> {
    let dir = crate::catalog::FORMS_DIR;
    walkdir::WalkDir::new(root.join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(root).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        })
        .collect()
}

/// The registry files present under `root`.
fn registries(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = ["catalog.json", "regions.json", "departments.json", "materials.json"]
        .iter()
        .filter(|p| root.join(p).is_file())
        .map(|p| p.to_string())
        .collect();
    out.extend(dir_names(&root.join("agencies")).into_iter().filter_map(|n| {
        let p = format!("agencies/{n}");
        (FileKind::of_path(&p) == Some(FileKind::Agencies)).then_some(p)
    }));
    out
}

/// The region directories under `local/`.
fn local_regions(root: &Path) -> Vec<String> {
    dir_names(&root.join("local"))
        .into_iter()
        .filter(|r| root.join("local").join(r).is_dir())
        .collect()
}

fn dir_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The member items of a bundle file, read loosely (the lint itself
/// reports a malformed bundle).
fn bundle_members(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(crate::text::strip_bom(&text)).unwrap_or_default();
    v.get("members")
        .and_then(|m| m.as_array())
        .map(|ms| {
            ms.iter()
                .filter_map(|m| m.get("item").and_then(|i| i.as_str()).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
