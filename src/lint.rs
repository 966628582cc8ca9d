//! The lint pipeline: load → rules → locate → sort. Pure over its inputs,
//! so tests run it on in-memory catalogs; only `lint_dir` touches disk.

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::catalog::{FileKind, Index};
use crate::diag::{Diagnostic, Place};
use crate::load::{self, RawFile};
use crate::rules::{self, Context};
use crate::source::Sources;
use crate::spans::Tree;

/// Counts for the summary line.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    pub files: usize,
    pub items: usize,
    pub locals: usize,
    pub bundles: usize,
    pub agencies: usize,
    pub regions: usize,
    pub materials: usize,
}

pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file, position, rule: the same input gives the same output.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
    pub elapsed: Duration,
}

/// Lint the catalog at `root`. `Err` means the run could not happen.
pub fn lint_dir(root: &Path) -> Result<Outcome, String> {
    let start = Instant::now();
    let files = load::read_tree(root)?;
    if files.is_empty() {
        return Err(format!(
            "{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
            root.display()
        ));
    }
    let mut out = lint_files(files);
    out.elapsed = start.elapsed();
    Ok(out)
}

/// Lint files given in memory (paths relative to the catalog root).
pub fn lint_files(files: Vec<RawFile>) -> Outcome {
    let start = Instant::now();
    let loaded = load::parse(files);
    let index = Index::build(&loaded.catalog);
    let ctx = Context {
        catalog: &loaded.catalog,
        index: &index,
        sources: &loaded.sources,
    };
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(rules::run(&ctx));
    let c = &loaded.catalog;
    // Files are counted by path, so a file that failed to parse still counts.
    let of_kind = |k: FileKind| {
        loaded
            .sources
            .files
            .iter()
            .filter(|f| FileKind::of_path(&f.path) == Some(k))
            .count()
    };
    let stats = Stats {
        files: loaded.sources.files.len(),
        items: of_kind(FileKind::Item),
        locals: of_kind(FileKind::Local),
        bundles: of_kind(FileKind::Bundle),
        agencies: c.agencies.len(),
        regions: c.regions.len(),
        materials: c.materials.len(),
    };
    drop(index);
    let sources = loaded.sources;
    locate(&sources, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (&sources.get(a.file).path, a.span.map(|s| s.0), a.rule, &a.message).cmp(&(
            &sources.get(b.file).path,
            b.span.map(|s| s.0),
            b.rule,
            &b.message,
        ))
    });
    Outcome {
        sources,
        diagnostics,
        stats,
        elapsed: start.elapsed(),
    }
}

/// Give every finding a byte span and line/column. Each file with findings
/// that point by JSON pointer is parsed once more, in parallel; files
/// without findings are never re-parsed.
fn locate(sources: &Sources, diags: &mut [Diagnostic]) {
    let mut by_file: Vec<(usize, Vec<&mut Diagnostic>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for d in diags.iter_mut() {
        let i = *slot.entry(d.file).or_insert_with(|| {
            by_file.push((d.file, Vec::new()));
            by_file.len() - 1
        });
        by_file[i].1.push(d);
    }
    by_file.par_iter_mut().for_each(|(file, ds)| {
        let src = sources.get(*file);
        let base = if src.text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut tree = None;
        for d in ds.iter_mut() {
            if d.span.is_none() {
                d.span = match &d.place {
                    Place::Bytes { start, end } => Some((*start, *end)),
                    Place::Pointer { pointer, target } => {
                        let t = tree.get_or_insert_with(|| Tree::parse(&src.text, base));
                        t.as_ref().and_then(|t| t.find(pointer, *target))
                    }
                };
            }
            let (line, column) = src.line_col(d.span.map_or(0, |s| s.0));
            d.line = line;
            d.column = column;
        }
    });
}
