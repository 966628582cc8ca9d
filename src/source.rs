//! Source files: the original text of every file read, and the mapping from
//! byte offsets to the line and column a person sees.

use std::hash::Hasher as _;
use std::path::{Component, Path};
use std::sync::Arc;

pub(crate) use crate::catalog::FileId;

/// One file as read from disk (or given in memory by a test).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to its root ('/'-separated): the catalog root for
    /// catalog files (what rules, overrides and exemptions match), `rules/`
    /// for its files.
    pub path: String,
    /// Where the root is, relative to the one base every report uses (the
    /// working directory), '/'-terminated or empty: `catalog/`.
    pub(crate) base: Arc<str>,
    /// The text, when the bytes were UTF-8 (a leading BOM is kept so byte
    /// offsets stay those of the file on disk).
    pub(crate) text: Arc<str>,
    /// serde_json accepted the text (after any BOM) when it was loaded:
    /// spans can be found without checking it again.
    pub(crate) json: bool,
    /// Set when the text was dropped after loading (a `lint` of a catalog
    /// on disk, issue 14): the length and hash of the text that was
    /// checked, to tell whether the file read again to locate findings is
    /// still that text. `None` while the text is held.
    pub(crate) stamp: Option<Stamp>,
    /// Where each line starts, as `u32` (files are read up to 64 MiB) and
    /// sized exactly, built on the first position asked for: only files
    /// with findings need one, and not while the rules run (issue 14).
    line_starts: std::sync::OnceLock<Box<[u32]>>,
    /// Characters before every [`CHAR_STEP`]-th byte, built on the first
    /// column asked for on a long line (so columns on a 10 MB line cost
    /// O(CHAR_STEP) each, not O(line)).
    char_index: std::sync::OnceLock<Vec<usize>>,
}

/// A text's length and a cheap hash of it (not cryptographic: it tells a
/// file edited during a run from the one checked, not an attack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: usize,
    hash: u64,
}

impl Stamp {
    pub(crate) fn of(text: &str) -> Stamp {
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(text.as_bytes());
        let hash = hasher.finish();
        Stamp { len: text.len(), hash }
    }
}

/// Bytes between two entries of `SourceFile::char_index`.
const CHAR_STEP: usize = 4096;

/// Characters in `bytes` (a slice of UTF-8 cut anywhere): the bytes that
/// do not continue a character.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub(crate) fn new(path: String, text: Arc<str>) -> SourceFile {
        SourceFile {
            path,
            base: Arc::from(""),
            text,
            json: false,
            stamp: None,
            line_starts: std::sync::OnceLock::new(),
            char_index: std::sync::OnceLock::new(),
        }
    }

    /// This file without its text, keeping its length and hash
    /// ([`SourceFile::stamp`]), its path and whether it was JSON.
    pub(crate) fn dropped(self) -> SourceFile {
        let stamp = Stamp::of(&self.text);
        SourceFile {
            stamp: Some(stamp),
            json: self.json,
            base: self.base,
            ..SourceFile::new(self.path, Arc::from(""))
        }
    }

    /// Put back the text dropped by [`SourceFile::dropped`], when it is the
    /// same text (length and hash); `false` (nothing changed) otherwise.
    pub(crate) fn restore(&mut self, text: Arc<str>) -> bool {
        if self.stamp != Some(Stamp::of(&text)) {
            return false;
        }
        self.text = text;
        self.stamp = None;
        true
    }

    /// Where each line starts (built on first use).
    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let text = &self.text;
            let newlines = text.bytes().filter(|&b| b == b'\n').count();
            let mut starts = Vec::with_capacity(newlines + 1);
            starts.push(0);
            // Past 4 GiB (never read from disk) later lines share the last start.
            let at = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
            starts.extend(text.match_indices('\n').map(|(i, _)| at(i)));
            starts.into_boxed_slice()
        })
    }

    /// The path shown to users and CI: relative to the working directory
    /// (`catalog/items/630101001000.json`), the same base for catalog and
    /// `rules/` files, so annotations land on the right file.
    pub(crate) fn shown(&self) -> String {
        format!("{}{}", self.base, self.path)
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets
    /// past the end or inside a character are clamped, never panic.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s as usize <= offset) - 1;
        let start = self.line_starts()[line] as usize;
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let bytes = self.text.as_bytes();
        if end - start <= CHAR_STEP {
            return (line + 1, chars_in(&bytes[start..end]) + 1);
        }
        // Entry k: characters in bytes[..k * CHAR_STEP], up to the end.
        let index = self.char_index.get_or_init(|| {
            let mut n = 0;
            std::iter::once(0)
                .chain(bytes.chunks(CHAR_STEP).map(|c| {
                    n += chars_in(c);
                    n
                }))
                .collect()
        });
        let before = |at: usize| index[at / CHAR_STEP] + chars_in(&bytes[at - at % CHAR_STEP..at]);
        (line + 1, before(end) - before(start) + 1)
    }

    /// Byte offset of a 1-based line and byte column (as serde_json reports).
    pub(crate) fn offset_of(&self, line: usize, byte_col: usize) -> usize {
        let Some(start) = self.line_starts().get(line.saturating_sub(1)).map(|&s| s as usize) else {
            return self.text.len();
        };
        (start + byte_col.saturating_sub(1)).min(self.text.len())
    }

    /// The 0-based line holding byte `offset` (clamped to the text).
    pub(crate) fn line_index(&self, offset: usize) -> usize {
        self.line_starts()
            .partition_point(|&s| s as usize <= offset.min(self.text.len()))
            - 1
    }

    /// The byte range of 0-based line `line`, its `\n` left out; `None`
    /// past the last line.
    pub(crate) fn line_range(&self, line: usize) -> Option<(usize, usize)> {
        let start = *self.line_starts().get(line)? as usize;
        let end = self
            .line_starts()
            .get(line + 1)
            .map_or(self.text.len(), |&n| n as usize - 1);
        Some((start, end))
    }
}

/// The base to show a directory's files under, '/'-terminated: the
/// directory as the user named it, relative to the working directory and
/// cleaned lexically (`catalog/../rules` is `rules/`, `../x/catalog` stays);
/// an absolute path inside the working directory is made relative.
pub(crate) fn display_base(dir: &Path) -> Arc<str> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = match dir.strip_prefix(&cwd) {
        Ok(r) => r,
        Err(_) => dir,
    };
    let mut parts: Vec<String> = Vec::new();
    for c in rel.components() {
        match c {
            Component::ParentDir if parts.last().is_some_and(|p| p != ".." && p != "/") => {
                parts.pop();
            }
            Component::CurDir => {}
            Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    match parts.join("/") {
        s if s.is_empty() => Arc::from(""),
        s if s == "/" || parts == [""] => Arc::from("/"),
        s => Arc::from(format!("{}/", s.trim_end_matches('/'))),
    }
}

/// All files of a run, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    /// Files of `rules/` first, then the catalog's.
    pub(crate) files: Vec<SourceFile>,
}

impl Sources {
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_relative_to_the_working_directory() {
        assert_eq!(&*display_base(Path::new("catalog")), "catalog/");
        assert_eq!(&*display_base(Path::new("catalog/../rules")), "rules/");
        assert_eq!(&*display_base(Path::new("./a/./b/")), "a/b/");
        assert_eq!(&*display_base(Path::new(".")), "");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(&*display_base(&cwd.join("x")), "x/");
        assert_eq!(
            &*display_base(Path::new("../uniformity/catalog")),
            "../uniformity/catalog/"
        );
        assert_eq!(&*display_base(Path::new("/nonexistent-root/c")), "/nonexistent-root/c/");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a.json".into(), Arc::from("{\n  \"名称\": 1\n}"));
        // `  "名称": 1`: the 1 is the 9th character but the 13th byte.
        let off = f.text.find('1').unwrap();
        assert_eq!(f.line_col(off), (2, 9));
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(10_000), (3, 2));
    }

    #[test]
    fn line_col_on_a_long_line_counts_like_chars() {
        // Long lines use the character index; every offset (including the
        // end, a multiple of the index step) must agree with a plain count.
        let line: String = "ab名称x\u{1F600}".repeat(CHAR_STEP);
        let text = format!("{{\n{line}\n{line}");
        let f = SourceFile::new("a.json".into(), Arc::from(text.as_str()));
        for off in (0..=text.len())
            .step_by(997)
            .chain([text.len(), 2 + CHAR_STEP, 2 + 2 * CHAR_STEP])
        {
            let off = off.min(text.len());
            let mut end = off;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let line_no = text[..end].matches('\n').count() + 1;
            assert_eq!(
                f.line_col(off),
                (line_no, text[start..end].chars().count() + 1),
                "offset {off}"
            );
        }
        let exact = SourceFile::new("b.json".into(), Arc::from("x".repeat(3 * CHAR_STEP).as_str()));
        assert_eq!(exact.line_col(3 * CHAR_STEP), (1, 3 * CHAR_STEP + 1));
    }
}
