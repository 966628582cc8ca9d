//! Both sides of `diff` when BASE is a revision and HEAD a revision or the
//! work tree, read as the issue designs it: the two trees' blob ids are
//! compared first, and only what the diff needs is read: the files that
//! differ, the registries, the base item file of every changed local file,
//! and every local file of a changed item (whose regions the diff counts).
//! Unchanged item groups are never read, so time and memory follow the
//! size of the change, not of the catalog.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::changes::against_worktree;
use super::{blobs, open, Opened};
use crate::catalog::FileKind;
use crate::load::{read_files, RawFile};

/// Which side could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Base,
    Head,
}

/// The files of BASE (revision `base`) and HEAD (revision `head`, or the
/// work tree when `None`) under `catalog` that the diff needs, each sorted
/// by path.
pub fn read_changed(
    catalog: &Path,
    base: &str,
    head: Option<&str>,
) -> Result<(Vec<RawFile>, Vec<RawFile>), (Which, String)> {
    let b = open(catalog, base).map_err(|e| (Which::Base, e))?;
    let (mut base_files, mut head_files) = match head {
        Some(h) => {
            let old = tree_blobs(&b, base).map_err(|e| (Which::Base, e))?;
            let hd = open(catalog, h).map_err(|e| (Which::Head, e))?;
            let new = tree_blobs(&hd, h).map_err(|e| (Which::Head, e))?;
            let mut changed: Vec<String> = old
                .iter()
                .filter(|(p, id)| new.get(*p) != Some(id))
                .map(|(p, _)| p.clone())
                .collect();
            changed.extend(new.keys().filter(|p| !old.contains_key(*p)).cloned());
            let keep = Keep::new(&changed);
            (read_blobs(&b, &old, &keep, base), read_blobs(&hd, &new, &keep, h))
        }
        None => {
            if b.tree.is_none() {
                return Err((Which::Base, format!("修订版本 {base} 中没有目录 {}", b.shown)));
            }
            let wt = against_worktree(&b, catalog, base).map_err(|e| (Which::Head, e))?;
            let keep = Keep::new(&wt.changed);
            let files = wt.files.into_iter().filter(|(p, _)| keep.keeps(p)).collect();
            (read_blobs(&b, &wt.old, &keep, base), read_files(catalog, files))
        }
    };
    base_files.sort_by(|x, y| x.path.cmp(&y.path));
    head_files.sort_by(|x, y| x.path.cmp(&y.path));
    Ok((base_files, head_files))
}

fn tree_blobs(o: &Opened, rev: &str) -> Result<HashMap<String, gix::ObjectId>, String> {
    let shown = &o.shown;
    let tree = o
        .tree
        .as_ref()
        .ok_or_else(|| format!("修订版本 {rev} 中没有目录 {shown}"))?;
    Ok(blobs(&o.repo, tree, rev, shown)?.into_iter().collect())
}

fn read_blobs(o: &Opened, ids: &HashMap<String, gix::ObjectId>, keep: &Keep, rev: &str) -> Vec<RawFile> {
    ids.iter()
        .filter(|(p, _)| keep.keeps(p))
        .map(|(path, oid)| RawFile {
            path: path.clone(),
            bytes: o
                .repo
                .find_object(*oid)
                .map(|obj| obj.data.clone())
                .map_err(|e| format!("修订版本 {rev} 中的 {}/{path} 无法读取（{e}）", o.shown)),
        })
        .collect()
}

/// Which files the diff reads, given those that changed.
struct Keep {
    changed: HashSet<String>,
    /// Items whose base file is read: those with a changed file.
    items: HashSet<String>,
    /// Items whose local files are all read: those whose item file changed.
    groups: HashSet<String>,
}

fn stem(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or("").trim_end_matches(".json")
}

impl Keep {
    fn new(changed: &[String]) -> Keep {
        let mut k = Keep {
            changed: changed.iter().cloned().collect(),
            items: HashSet::new(),
            groups: HashSet::new(),
        };
        for p in changed {
            match FileKind::of_path(p) {
                Some(FileKind::Item) => {
                    k.items.insert(stem(p).to_string());
                    k.groups.insert(stem(p).to_string());
                }
                Some(FileKind::Local) => {
                    k.items.insert(stem(p).to_string());
                }
                _ => {}
            }
        }
        k
    }

    fn keeps(&self, p: &str) -> bool {
        self.changed.contains(p)
            || match FileKind::of_path(p) {
                Some(FileKind::Item) => self.items.contains(stem(p)),
                Some(FileKind::Local) => self.groups.contains(stem(p)),
                Some(FileKind::Bundle) | None => false,
                Some(_) => true,
            }
    }
}
