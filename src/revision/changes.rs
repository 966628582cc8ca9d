//! Which data files of a directory differ between a git revision and the
//! working tree (content changed, added, deleted; a rename is a deletion
//! and an addition), for `lint --base`. Like `git status`, a file whose
//! size and modification time match its index entry is taken to hold the
//! index's blob (no read); any other file is read and hashed as a blob and
//! compared with the revision's blob id. No blob of the revision is read.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::{blobs, open, Opened};
use crate::load::list_tree;

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

/// Compare the directory `dir` (opened at `rev`) with the work tree.
pub(super) fn against_worktree(opened: &Opened, dir: &Path, rev: &str) -> Result<WorkTree, String> {
    let repo = &opened.repo;
    let old: HashMap<String, gix::ObjectId> = match &opened.tree {
        Some(t) => blobs(repo, t, rev, &opened.shown)?.into_iter().collect(),
        None => HashMap::new(),
    };
    let index = repo.index_or_empty().map_err(|e| format!("无法读取 git 索引（{e}）"))?;
    let prefix = if opened.rel.is_empty() {
        String::new()
    } else {
        format!("{}/", opened.rel)
    };
    let staged: HashMap<&[u8], &gix::index::Entry> = index
        .entries()
        .iter()
        .filter_map(|e| {
            let p: &[u8] = e.path(&index).as_ref();
            p.strip_prefix(prefix.as_bytes()).map(|rel| (rel, e))
        })
        .collect();
    let racy = index.timestamp().unix_seconds();
    let kind = repo.object_hash();
    let files = list_tree(dir)?;
    let mut changed: Vec<String> = files
        .par_iter()
        .filter(|(rel, path)| {
            let Some(want) = old.get(rel) else { return true };
            if let Some(e) = staged.get(rel.as_bytes()) {
                if e.id == *want && stat_matches(path, e, racy) {
                    return false;
                }
            }
            match std::fs::read(path) {
                Ok(bytes) => gix::objs::compute_hash(kind, gix::objs::Kind::Blob, &bytes).ok() != Some(*want),
                Err(_) => true,
            }
        })
        .map(|(rel, _)| rel.clone())
        .collect();
    let present: HashSet<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
    changed.extend(old.keys().filter(|p| !present.contains(p.as_str())).cloned());
    changed.sort();
    Ok(WorkTree { old, files, changed })
}

/// Whether the file's size and modification time are those recorded in
/// its index entry, and the entry is not racy (written in the same second
/// as the index, when a later edit could keep the same time).
fn stat_matches(path: &Path, e: &gix::index::Entry, racy: i64) -> bool {
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return false;
    };
    let Some(t) = m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()) else {
        return false;
    };
    m.len() == u64::from(e.stat.size)
        && t.as_secs() == u64::from(e.stat.mtime.secs)
        && t.subsec_nanos() == e.stat.mtime.nsecs
        && i64::from(e.stat.mtime.secs) < racy
}
