//! The parallel pass over a catalog's files: each file read (when it is
//! on disk), parsed, handed to the caller's per-file check while its text
//! is in hand, and its text dropped when the caller asks (issue 14).

use std::path::Path;

use rayon::prelude::*;

use super::{assemble, list_tree, parse_one, FileResult, Listed, Loaded, RawFile};
use crate::source::{FileId, SourceFile};

/// Parse every file (in parallel) and assemble the catalog. Pure: no I/O.
/// File ids start at `first_id` (the ids before it belong to `rules/`).
pub fn parse(files: Vec<RawFile>, first_id: FileId) -> Loaded {
    parse_each(files, first_id, &|_: &SourceFile| (), false).0
}

/// [`parse`], running `each` on every data file while its text is in
/// hand (in the same parallel pass), its results in file order beside the
/// sources. With `drop_texts`, each file's text is then dropped, its
/// length and hash kept ([`SourceFile::dropped`]), so no text is held
/// while the rules run; the caller re-reads the files it needs (issue 14).
pub(crate) fn parse_each<T: Send>(
    files: Vec<RawFile>,
    first_id: FileId,
    each: &(dyn Fn(&SourceFile) -> T + Sync),
    drop_texts: bool,
) -> (Loaded, Vec<T>) {
    parse_inputs(files, |f| &f.path, &|raw| raw, each, drop_texts, first_id)
}

/// [`parse_each`] on the files of the catalog at `root` as [`list_tree`]
/// lists them, each file read in the parallel pass that parses it: no
/// file's bytes wait in memory for their turn (issue 14).
pub(crate) fn read_each<T: Send>(
    root: &Path,
    paths: Vec<Listed>,
    first_id: FileId,
    each: &(dyn Fn(&SourceFile) -> T + Sync),
    drop_texts: bool,
) -> (Loaded, Vec<T>) {
    parse_inputs(paths, |l| &l.rel, &|l: Listed| l.read(root), each, drop_texts, first_id)
}

/// Read (`read`) and parse every input in parallel, run `each` on it and
/// drop its text if asked, then assemble the catalog. The inputs under
/// `forms/` (by `rel`, the catalog-relative path) are not read: only
/// their names are used.
fn parse_inputs<I: Send, T: Send>(
    inputs: Vec<I>,
    rel: fn(&I) -> &str,
    read: &(dyn Fn(I) -> RawFile + Sync),
    each: &(dyn Fn(&SourceFile) -> T + Sync),
    drop_texts: bool,
    first_id: FileId,
) -> (Loaded, Vec<T>) {
    let (forms, inputs): (Vec<I>, Vec<I>) =
        (inputs.into_iter()).partition(|i| rel(i).starts_with(crate::catalog::FORMS_DIR));
    let forms = forms.iter().map(|i| rel(i).to_owned()).collect();
    let (results, found): (Vec<FileResult>, Vec<T>) = inputs
        .into_par_iter()
        .map(|input| {
            let (src, problems, kind, parsed) = parse_one(read(input));
            let found = each(&src);
            let src = if drop_texts { src.dropped() } else { src };
            ((src, problems, kind, parsed), found)
        })
        .unzip();
    (assemble(forms, results, first_id), found)
}

/// Read and parse the catalog at `root` for a command that reports no
/// finding with a span (`uniformity`): [`read_each`] with no per-file
/// check, each file's text dropped as soon as it is parsed, so neither
/// every file's bytes nor its text is held at once (issue 14). `None`
/// when the tree holds no data file.
pub fn read_model(root: &Path, first_id: FileId) -> Result<Option<Loaded>, String> {
    let listed = list_tree(root)?;
    if listed.is_empty() {
        return Ok(None);
    }
    Ok(Some(read_each(root, listed, first_id, &|_: &SourceFile| (), true).0))
}
