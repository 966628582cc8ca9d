//! A directory compared between two commits, for `lint --base REV --head
//! REV2` (the PR check in CI, where the work tree is the checkout): the
//! two trees are compared level by level and a subtree whose id is equal
//! on both sides is skipped unread, so finding 5 changed files among
//! 100,000 reads a handful of tree objects. Files at the head commit are
//! then found by path (one tree per directory asked about) and read from
//! the object store; nothing in the work tree is looked at.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use gix::ObjectId;

use super::{blobs, locate, tree_at};
use crate::load::{is_data_candidate, RawFile};

/// A directory of a repository at two commits.
pub struct Commits {
    repo: gix::Repository,
    /// The directory's name for messages ("." for the root).
    shown: String,
    /// The directory's tree at the base and at the head (`None`: absent).
    base: Option<ObjectId>,
    head: Option<ObjectId>,
    head_rev: String,
}

/// Open the repository holding `dir` and find the directory at revisions
/// `base` and `head`. A revision that does not exist is an error naming it.
pub fn open_commits(dir: &Path, base: &str, head: &str) -> Result<Commits, String> {
    let (repo, rel) = locate(dir)?;
    let (base_tree, shown) = tree_at(&repo, &rel, base)?;
    let (head_tree, _) = tree_at(&repo, &rel, head)?;
    Ok(Commits {
        repo,
        shown,
        base: base_tree,
        head: head_tree,
        head_rev: head.to_string(),
    })
}

/// One entry of a tree: name, whether it is a tree, its id.
type Entry = (String, bool, ObjectId);

/// An entry's kind (tree or not) and id on the base and the head side.
type Sides = (Option<(bool, ObjectId)>, Option<(bool, ObjectId)>);

impl Commits {
    /// Whether the directory exists at the head commit.
    pub fn at_head(&self) -> bool {
        self.head.is_some()
    }

    /// The directory's name for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The data files (paths relative to the directory, sorted) that differ
    /// between the two commits: changed, added or deleted.
    pub fn changed(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        self.diff(self.base, self.head, "", &mut out)?;
        out.sort();
        Ok(out)
    }

    fn diff(
        &self,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
        prefix: &str,
        out: &mut Vec<String>,
    ) -> Result<(), String> {
        if a == b {
            return Ok(());
        }
        let mut both: BTreeMap<String, Sides> = BTreeMap::new();
        for (name, tree, id) in self.entries(a)? {
            both.entry(name).or_default().0 = Some((tree, id));
        }
        for (name, tree, id) in self.entries(b)? {
            both.entry(name).or_default().1 = Some((tree, id));
        }
        for (name, (x, y)) in both {
            if x == y {
                continue;
            }
            let path = format!("{prefix}{name}");
            let sub = |e: Option<(bool, ObjectId)>| e.filter(|e| e.0).map(|e| e.1);
            let file = |e: Option<(bool, ObjectId)>| e.is_some_and(|e| !e.0);
            if sub(x).is_some() || sub(y).is_some() {
                self.diff(sub(x), sub(y), &format!("{path}/"), out)?;
            }
            if (file(x) || file(y)) && is_data_candidate(&path) {
                out.push(path);
            }
        }
        Ok(())
    }

    /// The entries of a tree (none for `None`).
    fn entries(&self, tree: Option<ObjectId>) -> Result<Vec<Entry>, String> {
        let Some(id) = tree else { return Ok(Vec::new()) };
        let failed = |e: &dyn std::fmt::Display| format!("无法读取 {} 的目录树 {id}（{e}）", self.shown);
        let tree = self.repo.find_tree(id).map_err(|e| failed(&e))?;
        let decoded = tree.decode().map_err(|e| failed(&e))?;
        Ok(decoded
            .entries
            .iter()
            .filter(|e| e.mode.is_tree() || e.mode.is_blob())
            .map(|e| (e.filename.to_string(), e.mode.is_tree(), e.oid.to_owned()))
            .collect())
    }

    /// The head tree of the subdirectory `rel` ("" = the directory itself).
    fn head_subtree(&self, rel: &str) -> Option<ObjectId> {
        let mut cur = self.head?;
        for part in rel.split('/').filter(|p| !p.is_empty()) {
            let entries = self.entries(Some(cur)).ok()?;
            cur = entries.into_iter().find(|(n, t, _)| *t && n == part)?.2;
        }
        Some(cur)
    }

    /// The names of the entries of the subdirectory `rel` at the head
    /// commit, sorted, with whether each is a directory.
    pub fn list(&self, rel: &str) -> Vec<(String, bool)> {
        let entries = self.entries(self.head_subtree(rel)).unwrap_or_default();
        let mut out: Vec<(String, bool)> = entries.into_iter().map(|(n, t, _)| (n, t)).collect();
        out.sort();
        out
    }

    /// The blob ids at the head commit of those `paths` that are files
    /// there (each directory's tree read once).
    fn blob_ids(&self, paths: &[String]) -> HashMap<String, ObjectId> {
        let mut by_dir: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for p in paths {
            let (dir, name) = p.rsplit_once('/').unwrap_or(("", p));
            by_dir.entry(dir).or_default().push(name);
        }
        let mut out = HashMap::new();
        for (dir, names) in by_dir {
            let entries = self.entries(self.head_subtree(dir)).unwrap_or_default();
            let files: HashMap<&str, ObjectId> = entries
                .iter()
                .filter(|(_, t, _)| !t)
                .map(|(n, _, id)| (n.as_str(), *id))
                .collect();
            for name in names {
                if let Some(id) = files.get(name) {
                    let path = if dir.is_empty() {
                        name.to_string()
                    } else {
                        format!("{dir}/{name}")
                    };
                    out.insert(path, *id);
                }
            }
        }
        out
    }

    /// Which of `paths` are files at the head commit.
    pub fn existing(&self, paths: &[String]) -> Vec<String> {
        let mut out: Vec<String> = self.blob_ids(paths).into_keys().collect();
        out.sort();
        out
    }

    /// The files `paths` as they are at the head commit (those that are
    /// files there), sorted by path. A blob that cannot be read becomes
    /// that file's error.
    pub fn read(&self, paths: &[String]) -> Vec<RawFile> {
        let mut out: Vec<RawFile> = self
            .blob_ids(paths)
            .into_iter()
            .map(|(path, id)| self.raw(path, id))
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// Every data file of the directory at the head commit, sorted.
    pub fn read_all(&self) -> Result<Vec<RawFile>, String> {
        let rev = &self.head_rev;
        let tree = self
            .head
            .as_ref()
            .ok_or_else(|| format!("修订版本 {rev} 中没有目录 {}", self.shown))?;
        let mut out: Vec<RawFile> = blobs(&self.repo, tree, rev, &self.shown)?
            .into_iter()
            .map(|(path, id)| self.raw(path, id))
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn raw(&self, path: String, id: ObjectId) -> RawFile {
        let bytes = self
            .repo
            .find_object(id)
            .map(|o| o.data.clone())
            .map_err(|e| format!("修订版本 {} 中的 {}/{path} 无法读取（{e}）", self.head_rev, self.shown));
        RawFile { path, bytes }
    }
}
