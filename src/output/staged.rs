//! Writing many files into a directory as one change (`import`).
//!
//! 1. Check: every target is a regular file or absent, every existing
//!    ancestor a directory; otherwise nothing is touched.
//! 2. Stage: every file is written into a staging directory beside the
//!    target, `.NAME.import-XXXXXX`, and synced (one `syncfs` on Linux). A failure here (disk full,
//!    an unwritable directory) removes the staging directory: the target
//!    was never touched.
//! 3. Move: a marker file says the staging is complete, then each file is
//!    renamed into place in the given order (registries before items
//!    before local files, so every reference already in place stays
//!    valid); a replaced file is first hard-linked (or copied) into the
//!    staging directory. A failure puts every replaced file back, removes
//!    the new ones and the directories made for them.
//! 4. The staging directory is removed.
//!
//! A staging directory left by a run that was killed is removed by the next
//! run (and reported); if it carries the marker, the kill came while files
//! were being moved, which the report says.

use std::path::{Path, PathBuf};

use crate::commands::Staged;

/// Marks a staging directory whose files were all written: moving began.
const MOVING: &str = ".moving";
/// Replaced files are kept under this directory of the staging directory.
const KEPT: &str = ".kept";

/// What the staged write did.
#[derive(Debug)]
pub(crate) struct Done {
    pub(crate) files: usize,
    /// Notes for standard error (stale staging directories removed).
    pub(crate) notes: String,
}

/// A test hook: fail with an injected error after this many files of the
/// given phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailAt {
    Never,
    #[cfg_attr(not(test), allow(dead_code))]
    Staging(usize),
    #[cfg_attr(not(test), allow(dead_code))]
    Moving(usize),
    /// The process dies after this many files were moved: no undo, the
    /// staging directory stays (for the next run to deal with).
    #[cfg_attr(not(test), allow(dead_code))]
    Killed(usize),
}

/// Write `s.files` into `s.root` all or nothing. An `Err` is a Chinese
/// message; the target is then as it was before.
pub(crate) fn write(s: &Staged, fail: FailAt) -> Result<Done, String> {
    check_targets(s)?;
    let (parent, name) = parent_and_name(&s.root);
    std::fs::create_dir_all(&parent).map_err(|e| format!("无法创建目录 {}：{}", parent.display(), os(&e)))?;
    let notes = remove_stale(&parent, &name);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.import-"))
        .tempdir_in(&parent)
        .map_err(|e| format!("无法在 {} 中创建暂存目录：{}", parent.display(), os(&e)))?;
    stage(s, staging.path(), fail)?;
    std::fs::write(staging.path().join(MOVING), manifest(s))
        .map_err(|e| format!("无法写入暂存目录 {}：{}", staging.path().display(), os(&e)))?;
    if let FailAt::Killed(n) = fail {
        let left = staging.keep();
        for (rel, _) in s.files.iter().take(n) {
            move_one(&s.root, &left, rel, &mut Vec::new()).map_err(|e| os(&e))?;
        }
        return Err("测试注入：进程在移入文件时终止".into());
    }
    move_into_place(s, staging.path(), fail)?;
    staging
        .close()
        .map_err(|e| format!("文件已全部写入，但无法删除暂存目录：{}", os(&e)))?;
    Ok(Done {
        files: s.files.len(),
        notes,
    })
}

/// The marker's contents: the files to move, in order (JSON), so the next
/// run can tell which were moved and put the replaced ones back.
fn manifest(s: &Staged) -> String {
    let rels: Vec<String> = s.files.iter().map(|(r, _)| r.to_string_lossy().into_owned()).collect();
    serde_json::to_string(&rels).unwrap_or_default()
}

fn os(e: &std::io::Error) -> String {
    crate::text::os_error(e)
}

fn parent_and_name(root: &Path) -> (PathBuf, String) {
    let parent = match root.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalog".into());
    (parent, name)
}

/// Every target a regular file or absent; every existing ancestor (up to
/// the root) a directory.
fn check_targets(s: &Staged) -> Result<(), String> {
    if std::fs::metadata(&s.root).is_ok_and(|m| !m.is_dir()) {
        return Err(format!("{} 已存在且不是目录，未写入任何文件", s.root.display()));
    }
    for (rel, _) in &s.files {
        let target = s.root.join(rel);
        if std::fs::symlink_metadata(&target).is_ok_and(|m| !m.file_type().is_file()) {
            return Err(format!(
                "{} 已存在且不是普通文件（符号链接、目录、FIFO 或设备），拒绝覆盖；未写入任何文件",
                target.display()
            ));
        }
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(&s.root) && *d != s.root.as_path()) {
            if std::fs::metadata(d).is_ok_and(|m| !m.is_dir()) {
                return Err(format!("{} 已存在且不是目录，未写入任何文件", d.display()));
            }
            dir = d.parent();
        }
    }
    Ok(())
}

/// Write every file into the staging directory, synced, with the mode of
/// the file it replaces (a new file gets the usual 0666 less the umask).
/// Files are written in parallel: creating a file is mostly waiting for
/// the file system, and nothing is in place yet, so order does not matter.
fn stage(s: &Staged, staging: &Path, fail: FailAt) -> Result<(), String> {
    use rayon::prelude::*;
    use std::io::Write as _;
    s.files.par_iter().enumerate().try_for_each(|(i, (rel, text))| {
        let err = |e: std::io::Error| format!("无法写入 {}：{}；目录未改动", s.root.join(rel).display(), os(&e));
        if fail == FailAt::Staging(i) {
            return Err(err(std::io::Error::other("测试注入的写入错误")));
        }
        let path = staging.join(rel);
        if let Some(d) = path.parent() {
            std::fs::create_dir_all(d).map_err(err)?;
        }
        let mut f = std::fs::File::create(&path).map_err(err)?;
        f.write_all(text.as_bytes()).map_err(err)?;
        if let Ok(m) = std::fs::metadata(s.root.join(rel)) {
            f.set_permissions(m.permissions()).map_err(err)?;
        }
        if !cfg!(target_os = "linux") {
            f.sync_all().map_err(err)?;
        }
        Ok(())
    })?;
    sync_staged(staging).map_err(|e| format!("无法写入暂存目录 {}：{}；目录未改动", staging.display(), os(&e)))
}

/// Make the staged files durable before any is moved: on Linux one
/// `syncfs` of the staging directory's file system (one call instead of
/// one `fsync` per file); elsewhere each file was synced as written.
#[cfg(target_os = "linux")]
fn sync_staged(staging: &Path) -> std::io::Result<()> {
    let dir = std::fs::File::open(staging)?;
    rustix::fs::syncfs(&dir).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn sync_staged(_staging: &Path) -> std::io::Result<()> {
    Ok(())
}

/// One file moved into place: where, and whether a replaced file was
/// kept (under `.kept/` of the staging directory).
struct Moved {
    rel: PathBuf,
    kept: bool,
}

/// Rename every staged file into place in order; on a failure, undo.
fn move_into_place(s: &Staged, staging: &Path, fail: FailAt) -> Result<(), String> {
    let mut moved: Vec<Moved> = Vec::with_capacity(s.files.len());
    let mut made: Vec<PathBuf> = Vec::new();
    for (i, (rel, _)) in s.files.iter().enumerate() {
        let step = if fail == FailAt::Moving(i) {
            Err(std::io::Error::other("测试注入的写入错误"))
        } else {
            move_one(&s.root, staging, rel, &mut made)
        };
        match step {
            Ok(kept) => moved.push(Moved { rel: rel.clone(), kept }),
            Err(e) => {
                let undone = undo(&s.root, staging, &moved, &made);
                return Err(format!("无法写入 {}：{}；{undone}", s.root.join(rel).display(), os(&e)));
            }
        }
    }
    Ok(())
}

/// Keep the file being replaced (a hard link, else a copy), then rename
/// the staged file over it. Directories created are added to `made`.
fn move_one(root: &Path, staging: &Path, rel: &Path, made: &mut Vec<PathBuf>) -> std::io::Result<bool> {
    let target = root.join(rel);
    if let Some(d) = target.parent() {
        make_dirs(d, made)?;
    }
    let exists = std::fs::symlink_metadata(&target).is_ok();
    if exists {
        let keep = staging.join(KEPT).join(rel);
        if let Some(d) = keep.parent() {
            std::fs::create_dir_all(d)?;
        }
        if std::fs::hard_link(&target, &keep).is_err() {
            std::fs::copy(&target, &keep)?;
        }
    }
    std::fs::rename(staging.join(rel), &target)?;
    Ok(exists)
}

/// `create_dir_all`, remembering each directory it made (parents first).
fn make_dirs(d: &Path, made: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if d.is_dir() {
        return Ok(());
    }
    if let Some(p) = d.parent().filter(|p| !p.as_os_str().is_empty()) {
        make_dirs(p, made)?;
    }
    match std::fs::create_dir(d) {
        Ok(()) => {
            made.push(d.to_path_buf());
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && d.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Put back what was moved: replaced files from `.kept/`, new files
/// removed, directories made removed (children first). Says how it went.
fn undo(root: &Path, staging: &Path, moved: &[Moved], made: &[PathBuf]) -> String {
    let mut failed = Vec::new();
    for m in moved.iter().rev() {
        let target = root.join(&m.rel);
        let r = if m.kept {
            std::fs::rename(staging.join(KEPT).join(&m.rel), &target)
        } else {
            std::fs::remove_file(&target)
        };
        if r.is_err() {
            failed.push(target.display().to_string());
        }
    }
    for d in made.iter().rev() {
        let _ = std::fs::remove_dir(d);
    }
    if failed.is_empty() {
        format!("已撤销已移入的 {} 个文件，目录保持导入前的内容", moved.len())
    } else {
        format!(
            "撤销时有 {} 个文件未能恢复（如 {}）；原文件保存在暂存目录 {} 的 {KEPT}/ 下",
            failed.len(),
            failed[0],
            staging.display()
        )
    }
}

/// Remove the directories above a removed new file that are now empty,
/// up to (not including) the root: the run that was undone made them.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| d.starts_with(root) && *d != root) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Remove staging directories an interrupted run left beside the target
/// (only real directories named `.NAME.import-XXXXXX`); say what was
/// removed.
fn remove_stale(parent: &Path, name: &str) -> String {
    let prefix = format!(".{name}.import-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return String::new();
    };
    let mut notes = String::new();
    for e in entries.filter_map(Result::ok) {
        let fname = e.file_name();
        let Some(suffix) = fname.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let real_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if suffix.len() != 6 || !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) || !real_dir {
            continue;
        }
        let path = e.path();
        let restored = match std::fs::read_to_string(path.join(MOVING)) {
            Ok(m) => match roll_back(&parent.join(name), &path, &m) {
                Ok(n) => format!("那次导入在移入文件时被中断，已恢复为导入前的内容（撤销 {n} 个文件）"),
                Err(e) => {
                    notes.push_str(&format!("注意：暂存目录 {} 未删除：{e}\n", path.display()));
                    continue;
                }
            },
            Err(_) => "那次导入未改动目录".to_string(),
        };
        notes.push_str(&match std::fs::remove_dir_all(&path) {
            Ok(()) => format!("已删除上次中断的导入留下的暂存目录 {}；{restored}\n", path.display()),
            Err(e) => format!("注意：无法删除暂存目录 {}：{}\n", path.display(), os(&e)),
        });
    }
    notes
}

/// Undo the moves of a run killed while moving: a file of the manifest
/// no longer in the staging directory was moved; the file it replaced
/// (kept under `.kept/`) is put back, or the new one removed (only a
/// regular file). Returns how many were undone.
fn roll_back(root: &Path, staging: &Path, manifest: &str) -> Result<usize, String> {
    let rels: Vec<String> =
        serde_json::from_str(manifest).map_err(|_| format!("其中的 {MOVING} 无法读取，请手工检查"))?;
    let mut undone = 0;
    for rel in rels.iter().rev() {
        if std::fs::symlink_metadata(staging.join(rel)).is_ok() {
            continue;
        }
        let target = root.join(rel);
        let kept = staging.join(KEPT).join(rel);
        let r = if kept.is_file() {
            std::fs::rename(&kept, &target)
        } else if std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_file()) {
            std::fs::remove_file(&target).inspect(|()| remove_empty_parents(root, &target))
        } else {
            continue;
        };
        r.map_err(|e| format!("无法恢复 {}：{}", target.display(), os(&e)))?;
        undone += 1;
    }
    Ok(undone)
}

#[cfg(test)]
mod tests;
