//! The two sides `lint --base REV` compares and the `rules/` it lints
//! with: the work tree (files changed since REV found like `git status`
//! does, `rules/` read from disk), or with `--head REV2` the commit REV2
//! read from the object store (REV's and REV2's trees compared, `rules/`
//! read at REV2), which never looks at the work tree.

use std::path::Path;

use crate::config::{self, ConfigFile};
use crate::revision::{self, Commits};
use crate::rules;

/// Where the catalog's files are read.
pub(super) enum Catalog {
    Disk,
    Commit(Box<Commits>),
}

/// What `lint --base` needs to know before linting.
pub(super) struct Side {
    pub(super) catalog: Catalog,
    /// Catalog-relative paths of the changed data files, sorted.
    pub(super) changed: Vec<String>,
    pub(super) cfg: config::Loaded,
    /// Why `rules/` may have changed too, when it may.
    pub(super) rules_changed: Option<String>,
}

/// The work tree compared with `rev`.
pub(super) fn work_tree(root: &Path, rules: &Path, rev: &str) -> Result<Side, String> {
    let changed = revision::changed_since(root, rev).map_err(|e| format!("--base {rev}：{e}"))?;
    let rules_dir = rules.is_dir().then_some(rules);
    // rules/ that cannot be compared (outside the repository) is taken as changed.
    let rules_changed = rules_dir.and_then(|r| match revision::changed_since(r, rev) {
        Ok(c) if c.is_empty() => None,
        Ok(c) => Some(format!("规则配置 {} 中有 {} 个文件有变更", r.display(), c.len())),
        Err(_) => Some(format!("规则配置目录 {} 无法与 {rev} 比较", r.display())),
    });
    Ok(Side {
        catalog: Catalog::Disk,
        changed,
        cfg: config::load(rules_dir, &rules::known),
        rules_changed,
    })
}

/// Commit `head` compared with commit `rev`. `rules`: the configuration
/// directory and whether the user named it (`--rules`); one outside the
/// repository is read from disk and taken as changed.
pub(super) fn commits(root: &Path, rules: (&Path, bool), rev: &str, head: &str) -> Result<Side, String> {
    let context = format!("--base {rev} --head {head}");
    let commits = revision::open_commits(root, rev, head).map_err(|e| format!("{context}：{e}"))?;
    if !commits.at_head() {
        return Err(format!("{context}：修订版本 {head} 中没有目录 {}", commits.shown()));
    }
    let changed = commits.changed().map_err(|e| format!("{context}：{e}"))?;
    let (dir, named) = rules;
    let (cfg, rules_changed) = match revision::open_commits(dir, rev, head) {
        Ok(at) => {
            let changed = at.changed().map_err(|e| format!("{context}：{e}"))?;
            let why = (!changed.is_empty())
                .then(|| format!("规则配置 {} 中有 {} 个文件有变更", dir.display(), changed.len()));
            (at_commit(&at, dir), why)
        }
        Err(_) if named || dir.is_dir() => {
            let why = format!("规则配置目录 {} 无法与 {rev} 比较", dir.display());
            (config::load(Some(dir).filter(|d| d.is_dir()), &rules::known), Some(why))
        }
        Err(_) => (config::load(None, &rules::known), None),
    };
    Ok(Side {
        catalog: Catalog::Commit(Box::new(commits)),
        changed,
        cfg,
        rules_changed,
    })
}

/// `rules/` as it is at the head commit (files absent there: the shipped
/// defaults), shown under `dir`.
fn at_commit(at: &Commits, dir: &Path) -> config::Loaded {
    let names = ConfigFile::ALL.map(|f| f.name().to_string());
    let mut files = at.read(&names);
    let found = ConfigFile::ALL.map(|f| {
        let i = files.iter().position(|r| r.path == f.name())?;
        Some(files.swap_remove(i))
    });
    config::load_found(Some(dir), found, &rules::known)
}
