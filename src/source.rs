//! Source files: the original text of every file read, and the mapping from
//! byte offsets to the line and column a person sees.

use std::sync::Arc;

/// Index of a file in [`Sources`]; stable for one run.
pub type FileId = usize;

/// One file as read from disk (or given in memory by a test).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the catalog root, '/'-separated, as shown to users.
    pub path: String,
    /// The text, when the bytes were UTF-8 (a leading BOM is kept so byte
    /// offsets stay those of the file on disk).
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: String, text: Arc<str>) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets
    /// past the end or inside a character are clamped, never panic.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte offset of a 1-based line and byte column (as serde_json reports).
    pub fn offset_of(&self, line: usize, byte_col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        (start + byte_col.saturating_sub(1)).min(self.text.len())
    }
}

/// All files of a run, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    /// Files of `rules/` first, then the catalog's.
    pub files: Vec<SourceFile>,
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
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a.json".into(), Arc::from("{\n  \"名称\": 1\n}"));
        // `  "名称": 1`: the 1 is the 9th character but the 13th byte.
        let off = f.text.find('1').unwrap();
        assert_eq!(f.line_col(off), (2, 9));
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(10_000), (3, 2));
    }
}
