//! What a lint run reads, and the texts it reads twice. A catalog on disk
//! is read and parsed in one parallel pass; the checks that need a file's
//! text (`format-canonical`, `input-limit`) run then, and the text is
//! dropped. Locating findings, fingerprints and code frames need the texts
//! of the files with findings: those files are read again after the rules
//! (in parallel, one file per task), each checked to be the text that was
//! checked (length and hash). A file changed or gone in between gets a
//! finding saying so, and its findings no position (issue 14).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::limits_file::{self, FileChecks, Wanted};
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::load::{self, Loaded, Problem, RawFile};
use crate::source::{FileId, Sources};

/// The catalog files of a run.
pub(crate) enum Files {
    /// Given in memory (tests, a revision's blobs): texts are kept.
    Memory(Vec<RawFile>),
    /// The files [`load::list_tree`] listed under a root, read as they are
    /// parsed; their texts are dropped after loading.
    Disk(PathBuf, Vec<load::Listed>),
}

impl Files {
    /// Where the files can be read again, for a run that dropped texts.
    pub(crate) fn root(&self) -> Option<PathBuf> {
        match self {
            Files::Memory(_) => None,
            Files::Disk(root, _) => Some(root.clone()),
        }
    }
}

/// Read and parse the files, running the text checks `config` wants on
/// each; the checks come back by file id (`first_id` empty records for
/// the files of `rules/` first).
pub(crate) fn load(files: Files, first_id: FileId, config: &Config) -> (Loaded, Vec<FileChecks>) {
    let wanted = Wanted {
        canonical: !config.skips("format-canonical", Severity::Warning),
        limits: (!config.skips("input-limit", Severity::Error)).then_some(&config.limits),
    };
    let each = |src: &crate::source::SourceFile| limits_file::check(src, &wanted);
    let (loaded, found) = match files {
        Files::Memory(files) => load::parse_each(files, first_id, &each, false),
        Files::Disk(root, paths) => load::read_each(&root, paths, first_id, &each, true),
    };
    let checks = (0..first_id).map(|_| FileChecks::default()).chain(found).collect();
    (loaded, checks)
}

/// Read again, under `root`, the files whose texts were dropped and that
/// have findings, and put their texts back; the findings for files that
/// changed or vanished in between (their own findings keep no position:
/// `locate` leaves a file without its text unlocated).
pub(crate) fn restore(sources: &mut Sources, diagnostics: &[Diagnostic], root: &Path) -> Vec<Diagnostic> {
    let mut wanted: Vec<FileId> = (diagnostics.iter())
        .map(|d| d.file)
        .filter(|&f| sources.files.get(f).is_some_and(|s| s.stamp.is_some()))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let read: Vec<(FileId, Result<Arc<str>, String>)> = wanted
        .into_par_iter()
        .map(|id| (id, read_text(root, &sources.files[id].path)))
        .collect();
    let mut changed = Vec::new();
    for (id, text) in read {
        let why = match text {
            Ok(text) => match sources.files[id].restore(text) {
                true => continue,
                false => None,
            },
            Err(e) => Some(e),
        };
        changed.push(crate::rules::load_finding(id, &Problem::Changed(why)));
    }
    changed
}

/// A file's text as the loader makes it: exact when UTF-8, otherwise
/// lossy (the same text, so the same hash, when the file is unchanged).
fn read_text(root: &Path, rel: &str) -> Result<Arc<str>, String> {
    let bytes = load::read_regular(Some(root), &root.join(rel))?;
    Ok(match String::from_utf8(bytes) {
        Ok(t) => Arc::from(t),
        Err(e) => Arc::from(String::from_utf8_lossy(e.as_bytes()).as_ref()),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{check_model, Keep, Outcome};
    use super::*;
    use crate::testing::{base, edit, ITEM, TODAY};

    const FILE: &str = "items/630101001000.json";

    /// The base catalog, with a vague condition in the item (an error on
    /// line 2 or later), written under a temporary directory.
    fn catalog() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("catalog");
        let vague = edit(ITEM, "\"conditions\": [", "\"conditions\": [\"原则上不受理委托办理\", ");
        for (path, text) in base() {
            let text = if path == FILE { vague.clone() } else { text };
            let p = root.join(&path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        (dir, root)
    }

    /// Lint the catalog at `root` from disk, running `between` after the
    /// rules and before the files with findings are read again.
    fn lint_disk(root: &Path, keep: Keep, between: impl FnOnce()) -> Outcome {
        let cfg = crate::config::load_texts(&[]);
        let files = Files::Disk(root.to_path_buf(), load::list_tree(root).unwrap());
        let Ok((checked, _)) = check_model(files, &cfg, TODAY, keep) else {
            panic!("shipped rules/ must compile");
        };
        between();
        checked.finish()
    }

    /// A finding as (path, rule, line, column, span, message).
    type Shown = (String, &'static str, usize, usize, Option<(usize, usize)>, String);

    fn shown(out: &Outcome) -> Vec<Shown> {
        (out.diagnostics.iter())
            .map(|d| {
                let path = out.sources.get(d.file).path.clone();
                (path, d.rule, d.line, d.column, d.span(), d.message.to_string())
            })
            .collect()
    }

    #[test]
    fn texts_read_again_give_the_findings_of_texts_kept() {
        let (_dir, root) = catalog();
        let from_disk = lint_disk(&root, Keep::All, || {});
        let files = load::read_tree(&root).unwrap();
        let Ok(in_memory) = super::super::lint(files, &crate::config::load_texts(&[]), TODAY) else {
            panic!("shipped rules/ must compile");
        };
        let found = shown(&from_disk);
        assert!(
            found
                .iter()
                .any(|f| f.0 == FILE && f.1 == "vague-discretion" && f.2 > 1),
            "{found:?}"
        );
        assert_eq!(found, shown(&in_memory));
        // Reports that name regions read the names from the model, not
        // from regions.json's text (dropped: it has no finding).
        let markdown = |o: &Outcome| crate::reports::markdown(o, true);
        assert!(markdown(&from_disk).contains("630100 西宁市"));
        assert_eq!(markdown(&from_disk), markdown(&in_memory));
        // Only files with findings are read again (keeping errors only,
        // the item alone has any); the others hold no text.
        let errors = lint_disk(&root, Keep::Errors, || {});
        let read: Vec<&str> = (errors.sources.files.iter())
            .filter(|f| f.stamp.is_none() && !f.text.is_empty() && f.path.contains('/'))
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(read, [FILE]);
        assert!(errors
            .sources
            .files
            .iter()
            .filter(|f| f.stamp.is_some())
            .all(|f| f.text.is_empty()));
        assert!(errors.sources.files.iter().filter(|f| f.stamp.is_some()).count() > 5);
    }

    #[test]
    fn a_file_changed_or_removed_before_it_is_read_again_is_reported_without_positions() {
        let (_dir, root) = catalog();
        let clean = shown(&lint_disk(&root, Keep::All, || {}));
        let others = |f: &[Shown]| f.iter().filter(|f| f.0 != FILE).cloned().collect::<Vec<_>>();
        for removed in [false, true] {
            let (_dir, root) = catalog();
            let out = lint_disk(&root, Keep::All, || match removed {
                true => std::fs::remove_file(root.join(FILE)).unwrap(),
                // Lines added above the finding: its old position would be wrong.
                false => std::fs::write(
                    root.join(FILE),
                    format!("\n\n\n{}", std::fs::read_to_string(root.join(FILE)).unwrap()),
                )
                .unwrap(),
            });
            let found = shown(&out);
            let on_file: Vec<_> = found.iter().filter(|f| f.0 == FILE).collect();
            let notice = on_file
                .iter()
                .find(|f| f.1 == "unreadable-file")
                .expect("a finding says so");
            let why = if removed { "无法再次读取" } else { "被修改" };
            assert!(
                notice.5.contains(why) && notice.5.contains("不标出行列位置"),
                "{notice:?}"
            );
            // Every finding on the file is kept, none with a span.
            assert!(on_file.iter().any(|f| f.1 == "vague-discretion"), "{on_file:?}");
            assert!(
                on_file.iter().all(|f| f.4.is_none() && (f.2, f.3) == (1, 1)),
                "{on_file:?}"
            );
            // Other files are located as usual.
            assert_eq!(others(&found), others(&clean));
        }
    }
}
