//! `lint --base`: lint only what changed files can affect. Given the
//! catalog-relative paths that changed since a revision, read the
//! registries, the changed files and the item groups they touch (an item
//! file and every region's local file of that item), lint that subset and
//! report the findings in the affected files: the changed files and their
//! item groups. A changed registry, `catalog.json` or `rules/` can affect
//! every file: then the whole catalog is linted and reported.
//!
//! The catalog is read through a [`Snapshot`]: the work tree, or a commit
//! read from the object store (`--head`), where files are found by path
//! and nothing is listed beyond the directories asked about.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use super::{lint, select_paths, Failure, Outcome};
use crate::catalog::FileKind;
use crate::config;
use crate::load::{self, RawFile};
use crate::revision::Commits;

/// The catalog as one side of the comparison: the work tree or a commit.
pub trait Snapshot {
    /// Which of these catalog-relative paths are files, sorted.
    fn existing(&self, paths: &[String]) -> Vec<String>;
    /// The entries of a directory (catalog-relative; "" = the root),
    /// sorted, with whether each is a directory.
    fn list(&self, dir: &str) -> Vec<(String, bool)>;
    /// These files (those that exist), sorted by path.
    fn read(&self, paths: &[String]) -> Vec<RawFile>;
    /// Every data file, sorted by path.
    fn read_all(&self) -> Result<Vec<RawFile>, String>;
}

/// The catalog in the work tree, at `root`.
pub struct Disk<'a>(pub &'a Path);

impl Snapshot for Disk<'_> {
    fn existing(&self, paths: &[String]) -> Vec<String> {
        let mut out: Vec<String> = paths.iter().filter(|p| self.0.join(p).is_file()).cloned().collect();
        out.sort();
        out.dedup();
        out
    }

    fn list(&self, dir: &str) -> Vec<(String, bool)> {
        let mut names: Vec<(String, bool)> = std::fs::read_dir(self.0.join(dir))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().is_dir()))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    fn read(&self, paths: &[String]) -> Vec<RawFile> {
        let mut out = load::read_files(
            self.0,
            self.existing(paths)
                .into_iter()
                .map(|p| (p.clone(), self.0.join(&p)))
                .collect(),
        );
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    fn read_all(&self) -> Result<Vec<RawFile>, String> {
        load::read_tree(self.0)
    }
}

impl Snapshot for Commits {
    fn existing(&self, paths: &[String]) -> Vec<String> {
        Commits::existing(self, paths)
    }

    fn list(&self, dir: &str) -> Vec<(String, bool)> {
        Commits::list(self, dir)
    }

    fn read(&self, paths: &[String]) -> Vec<RawFile> {
        Commits::read(self, paths)
    }

    fn read_all(&self) -> Result<Vec<RawFile>, String> {
        Commits::read_all(self)
    }
}

/// What a `--base` run read and reported.
pub enum Scope {
    /// The whole catalog, for this reason (Chinese).
    Full(String),
    /// A subset: how many files were read, and the affected files reported.
    Partial { read: usize, affected: Vec<String> },
}

/// Lint the catalog `snap` (shown under `root`) with `cfg` for the
/// `changed` paths (relative to the root; deleted files included).
/// `rules_changed`: why `rules/` may differ too, when it may (then
/// everything is linted).
pub fn lint_changed(
    snap: &dyn Snapshot,
    root: &Path,
    cfg: &config::Loaded,
    today: &str,
    changed: &[String],
    rules_changed: Option<String>,
) -> Result<(Outcome, Scope), Failure> {
    let start = Instant::now();
    let full = rules_changed.or_else(|| {
        changed
            .iter()
            .find(|p| is_registry(p))
            .map(|p| format!("登记表 {p} 有变更"))
    });
    let (files, scope) = match full {
        Some(reason) => {
            let files = snap.read_all().map_err(Failure::Io)?;
            if files.is_empty() {
                return Err(Failure::Io(format!(
                    "{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
                    root.display()
                )));
            }
            (files, Scope::Full(reason))
        }
        None => {
            let (read, affected) = subset(snap, changed);
            let files = snap.read(&read);
            let count = files.len();
            (files, Scope::Partial { read: count, affected })
        }
    };
    let mut out = lint(files, cfg, today)?;
    let base = crate::source::display_base(root);
    for f in &mut out.sources.files[cfg.sources.len()..] {
        f.base = base.clone();
    }
    let mut out = match &scope {
        Scope::Full(_) => out,
        Scope::Partial { affected, .. } if affected.is_empty() => {
            out.diagnostics.clear();
            out.stats = super::Stats::default();
            out
        }
        Scope::Partial { affected, .. } => select_paths(out, affected),
    };
    out.elapsed = start.elapsed();
    Ok((out, scope))
}

/// Files whose change can affect every other: the registries and the
/// catalog's own description.
fn is_registry(p: &str) -> bool {
    matches!(
        FileKind::of_path(p),
        Some(FileKind::Meta | FileKind::Regions | FileKind::Departments | FileKind::Materials | FileKind::Agencies)
    )
}

/// The files to read and the affected files (those of them to report),
/// both sorted. Only the directories `local/` and `agencies/` are listed;
/// every other file is asked for by path.
fn subset(snap: &dyn Snapshot, changed: &[String]) -> (Vec<String>, Vec<String>) {
    if changed.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut codes: BTreeSet<String> = BTreeSet::new();
    let mut bundles: Vec<String> = Vec::new();
    for p in changed {
        let stem = p.rsplit('/').next().unwrap_or("").trim_end_matches(".json");
        match FileKind::of_path(p) {
            Some(FileKind::Item | FileKind::Local) => {
                codes.insert(stem.to_string());
            }
            Some(FileKind::Bundle) => bundles.push(p.clone()),
            _ => {}
        }
    }
    let regions: Vec<String> = (snap.list("local").into_iter())
        .filter_map(|(r, dir)| dir.then_some(r))
        .collect();
    let mut wanted: Vec<String> = changed.to_vec();
    for code in &codes {
        wanted.push(format!("items/{code}.json"));
        wanted.extend(regions.iter().map(|r| format!("local/{r}/{code}.json")));
    }
    let affected = snap.existing(&wanted);
    let members: Vec<String> = snap
        .read(&bundles)
        .iter()
        .flat_map(bundle_members)
        .map(|m| format!("items/{m}.json"))
        .collect();
    let mut read: BTreeSet<String> = affected.iter().cloned().collect();
    read.extend(registries(snap));
    read.extend(forms(snap, crate::catalog::FORMS_DIR.trim_end_matches('/')));
    read.extend(snap.existing(&members));
    (read.into_iter().collect(), affected)
}

/// The shipped forms under `dir` (their names feed form-file-missing;
/// only `forms/` is listed, not the whole catalog).
fn forms(snap: &dyn Snapshot, dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (name, is_dir) in snap.list(dir) {
        let p = format!("{dir}/{name}");
        if is_dir {
            out.extend(forms(snap, &p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The registry files present in the snapshot.
fn registries(snap: &dyn Snapshot) -> Vec<String> {
    let mut out =
        snap.existing(&["catalog.json", "regions.json", "departments.json", "materials.json"].map(String::from));
    out.extend(snap.list("agencies").into_iter().filter_map(|(n, dir)| {
        let p = format!("agencies/{n}");
        (!dir && FileKind::of_path(&p) == Some(FileKind::Agencies)).then_some(p)
    }));
    out
}

/// The member items of a bundle file, read loosely (the lint itself
/// reports a malformed bundle).
fn bundle_members(raw: &RawFile) -> Vec<String> {
    let bytes = raw.bytes.as_deref().unwrap_or_default();
    let text = String::from_utf8_lossy(bytes);
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
