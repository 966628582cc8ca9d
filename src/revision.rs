//! Reading the catalog as it was at a git revision, straight from the
//! object store (no checkout): the same [`RawFile`]s `load::read_tree`
//! gives for a directory, so `load::parse` reads both alike. Problems with
//! the repository or the revision are Chinese messages (the run cannot
//! happen); a blob that cannot be read becomes that file's error.

use std::path::{Component, Path, PathBuf};

use crate::load::{is_data_candidate, RawFile};

mod changes;
mod commits;
mod pair;

pub use changes::changed_since;
pub use commits::{open_commits, Commits};
pub use pair::{read_changed, Which};

/// The catalog directory `catalog` (a path as the user gave it, relative to
/// the working directory) as it was at revision `rev` of the repository
/// that contains it. Files sorted by path.
pub fn read_revision(catalog: &Path, rev: &str) -> Result<Vec<RawFile>, String> {
    let opened = open(catalog, rev)?;
    let shown = &opened.shown;
    let tree = opened
        .tree
        .as_ref()
        .ok_or_else(|| format!("修订版本 {rev} 中没有目录 {shown}"))?;
    let repo = &opened.repo;
    let mut files: Vec<RawFile> = blobs(repo, tree, rev, shown)?
        .into_iter()
        .map(|(path, oid)| {
            let bytes = repo
                .find_object(oid)
                .map(|o| o.data.clone())
                .map_err(|e| format!("修订版本 {rev} 中的 {shown}/{path} 无法读取（{e}）"));
            RawFile { path, bytes }
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A repository opened for a directory of its work tree at a revision.
struct Opened {
    repo: gix::Repository,
    /// The directory relative to the work tree ('/'-separated; "" = root).
    rel: String,
    /// The same, for messages ("." for the root).
    shown: String,
    /// The directory's tree at the revision; `None` when it is absent there.
    tree: Option<gix::ObjectId>,
}

fn open(catalog: &Path, rev: &str) -> Result<Opened, String> {
    let (repo, rel) = locate(catalog)?;
    let (tree, shown) = tree_at(&repo, &rel, rev)?;
    Ok(Opened { repo, rel, shown, tree })
}

/// The repository holding the directory `catalog` (which need not exist
/// in the work tree) and the directory's path in it ('/'-separated; "" =
/// the root).
fn locate(catalog: &Path) -> Result<(gix::Repository, String), String> {
    let cwd = std::env::current_dir().map_err(|e| format!("无法确定当前目录：{e}"))?;
    let abs = clean(&cwd.join(catalog));
    let start = ancestor_dir(&abs);
    let repo = gix::discover(&start).map_err(|e| format!("{} 不在 git 仓库中（{e}）", start.display()))?;
    let workdir = repo
        .workdir()
        .and_then(|w| w.canonicalize().ok())
        .ok_or_else(|| "git 仓库没有工作区（裸仓库），无法确定目录在仓库中的位置".to_string())?;
    let rel = rel_in_repo(&abs, &workdir)
        .ok_or_else(|| format!("目录 {} 不在仓库 {} 中", catalog.display(), workdir.display()))?;
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Ok((repo, rel))
}

/// The tree of the directory `rel` at revision `rev` (`None` when the
/// directory is absent there), and the directory's name for messages
/// ("." for the root).
fn tree_at(repo: &gix::Repository, rel: &str, rev: &str) -> Result<(Option<gix::ObjectId>, String), String> {
    let id = repo
        .rev_parse_single(rev)
        .map_err(|e| format!("找不到修订版本 {rev}（{e}）；浅克隆时请先取回该提交"))?;
    let root = id
        .object()
        .map_err(|e| e.to_string())
        .and_then(|o| o.peel_to_tree().map_err(|e| e.to_string()))
        .map_err(|e| format!("修订版本 {rev} 无法读取为目录树（{e}）"))?;
    let shown = if rel.is_empty() { ".".into() } else { rel.to_string() };
    if rel.is_empty() {
        return Ok((Some(root.id), shown));
    }
    let entry = root
        .lookup_entry(rel.split('/'))
        .map_err(|e| format!("修订版本 {rev} 中无法查找 {shown}（{e}）"))?;
    let tree = match entry {
        None => None,
        Some(entry) => Some(
            entry
                .object()
                .ok()
                .and_then(|o| o.peel_to_tree().ok())
                .ok_or_else(|| format!("修订版本 {rev} 中的 {shown} 不是目录"))?
                .id,
        ),
    };
    Ok((tree, shown))
}

/// The data files of a tree: path relative to it and blob id.
fn blobs(
    repo: &gix::Repository,
    tree: &gix::ObjectId,
    rev: &str,
    shown: &str,
) -> Result<Vec<(String, gix::ObjectId)>, String> {
    let tree = repo
        .find_tree(*tree)
        .map_err(|e| format!("修订版本 {rev} 中无法读取 {shown}（{e}）"))?;
    let entries = tree
        .traverse()
        .breadthfirst
        .files()
        .map_err(|e| format!("修订版本 {rev} 中无法遍历 {shown}（{e}）"))?;
    Ok(entries
        .into_iter()
        .filter(|e| e.mode.is_blob())
        .map(|e| (String::from_utf8_lossy(&e.filepath).into_owned(), e.oid))
        .filter(|(p, _)| is_data_candidate(p))
        .collect())
}

/// `.` and `..` resolved lexically (the path may not exist in the work tree).
fn clean(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The nearest existing directory at or above `p`, canonicalised.
fn ancestor_dir(p: &Path) -> PathBuf {
    let mut cur = p.to_path_buf();
    loop {
        if let Ok(c) = cur.canonicalize() {
            if c.is_dir() {
                return c;
            }
        }
        if !cur.pop() {
            return PathBuf::from(".");
        }
    }
}

/// `abs` relative to the repository's work tree, following symlinks in
/// the part of the path that exists.
fn rel_in_repo(abs: &Path, workdir: &Path) -> Option<PathBuf> {
    let mut existing = abs.to_path_buf();
    let mut tail = Vec::new();
    while existing.canonicalize().is_err() {
        tail.push(existing.file_name()?.to_os_string());
        existing.pop();
    }
    let mut rel = existing.canonicalize().ok()?.strip_prefix(workdir).ok()?.to_path_buf();
    for t in tail.into_iter().rev() {
        rel.push(t);
    }
    Some(rel)
}
