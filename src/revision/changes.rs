//! Which data files of a directory differ between a git revision and the
//! working tree (content changed, added, deleted; a rename is a deletion
//! and an addition), for `lint --base`. Like `git status`, a file whose
//! size and modification time match its index entry is taken to hold the
//! index's blob (no read); any other file is read and hashed as a blob and
//! compared with the revision's blob id. No blob of the revision is read.

use std::collections::{HashMap, HashSet};
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::{blobs, open, Opened};
use crate::load::is_data_candidate;

/// Catalog-relative paths of the data files under `dir` that differ
/// between revision `rev` and the working tree, sorted. A directory absent
/// at the revision: every file is new.
pub fn changed_since(dir: &Path, rev: &str) -> Result<Vec<String>, String> {
    Ok(against_worktree(&open(dir, rev)?, dir, rev)?.changed)
}

/// The revision's blobs, the work tree's files and which of them differ.
pub(super) struct WorkTree {
    pub(super) old: HashMap<String, gix::ObjectId>,
    pub(super) files: Vec<(String, PathBuf)>,
    pub(super) changed: Vec<String>,
}

/// Compare the directory `dir` (opened at `rev`) with the work tree. The
/// work tree is walked and stat'ed in parallel while the revision's tree
/// and the index are read.
pub(super) fn against_worktree(opened: &Opened, dir: &Path, rev: &str) -> Result<WorkTree, String> {
    if !dir.is_dir() {
        return Err(format!("目录不存在或不是目录：{}", dir.display()));
    }
    let index_path = opened.repo.index_path();
    let kind = opened.repo.object_hash();
    let (found, index, old) = std::thread::scope(|s| {
        let walking = s.spawn(|| walk(dir, ""));
        // The index's checksum is not verified (as `git status` with
        // index.skipHash): only stat data and blob ids are used.
        let indexing = s.spawn(move || match index_path.is_file() {
            true => gix::index::File::at(&index_path, kind, true, Default::default())
                .map(Some)
                .map_err(|e| format!("无法读取 git 索引 {}（{e}）", index_path.display())),
            false => Ok(None),
        });
        let old = revision_blobs(opened, rev);
        let failed = || format!("无法遍历目录 {}", dir.display());
        let found = walking.join().unwrap_or_else(|_| Err(failed()));
        let index = indexing.join().unwrap_or_else(|_| Err(failed()));
        (found, index, old)
    });
    let (found, index, old) = (found?, index?, old?);
    let prefix = if opened.rel.is_empty() {
        String::new()
    } else {
        format!("{}/", opened.rel)
    };
    let staged: HashMap<&[u8], &gix::index::Entry> = index
        .iter()
        .flat_map(|index| {
            index.entries().iter().filter_map(|e| {
                let p: &[u8] = e.path(index).as_ref();
                p.strip_prefix(prefix.as_bytes()).map(|rel| (rel, e))
            })
        })
        .collect();
    let racy = index.as_ref().map_or(0, |i| i.timestamp().unix_seconds());
    let mut changed: Vec<String> = found
        .par_iter()
        .filter(|(rel, path, meta)| {
            let Some(want) = old.get(rel) else { return true };
            if let (Some(e), Some(m)) = (staged.get(rel.as_bytes()), meta) {
                if e.id == *want && stat_matches(m, e, racy) {
                    return false;
                }
            }
            match std::fs::read(path) {
                Ok(bytes) => gix::objs::compute_hash(kind, gix::objs::Kind::Blob, &bytes).ok() != Some(*want),
                Err(_) => true,
            }
        })
        .map(|(rel, _, _)| rel.clone())
        .collect();
    let present: HashSet<&str> = found.iter().map(|(rel, _, _)| rel.as_str()).collect();
    changed.extend(old.keys().filter(|p| !present.contains(p.as_str())).cloned());
    changed.sort();
    let files = found.into_iter().map(|(rel, path, _)| (rel, path)).collect();
    Ok(WorkTree { old, files, changed })
}

fn revision_blobs(opened: &Opened, rev: &str) -> Result<HashMap<String, gix::ObjectId>, String> {
    Ok(match &opened.tree {
        Some(t) => blobs(&opened.repo, t, rev, &opened.shown)?.into_iter().collect(),
        None => HashMap::new(),
    })
}

/// A data file found in the work tree: catalog-relative path, path on
/// disk, and its metadata (not following links).
type Found = (String, PathBuf, Option<Metadata>);

/// The data files under `dir`, directories read in parallel (the same
/// files `load::list_tree` lists, unsorted).
fn walk(dir: &Path, rel: &str) -> Result<Vec<Found>, String> {
    let failed = |e: std::io::Error| format!("无法遍历目录 {}：{}", dir.display(), crate::text::os_error(&e));
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
        .map_err(failed)?
        .collect::<Result<_, _>>()
        .map_err(failed)?;
    let parts: Vec<Result<Vec<Found>, String>> = entries
        .into_par_iter()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let r = if rel.is_empty() { name } else { format!("{rel}/{name}") };
            let ft = e.file_type().map_err(failed)?;
            if ft.is_dir() {
                walk(&e.path(), &r)
            } else if ft.is_file() && is_data_candidate(&r) {
                Ok(vec![(r, e.path(), e.metadata().ok())])
            } else {
                Ok(Vec::new())
            }
        })
        .collect();
    let mut out = Vec::new();
    for p in parts {
        out.extend(p?);
    }
    Ok(out)
}

/// Whether the file's size and modification time are those recorded in
/// its index entry, and the entry is not racy (written in the same second
/// as the index, when a later edit could keep the same time).
fn stat_matches(m: &Metadata, e: &gix::index::Entry, racy: i64) -> bool {
    let Some(t) = m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()) else {
        return false;
    };
    m.len() == u64::from(e.stat.size)
        && t.as_secs() == u64::from(e.stat.mtime.secs)
        && t.subsec_nanos() == e.stat.mtime.nsecs
        && i64::from(e.stat.mtime.secs) < racy
}
