//! A lint run up to locating: config, load, rules, severities and
//! exemptions.

use std::time::Instant;

use super::{apply, finish, input, Failure, Keep, Outcome, Stats};
use crate::catalog::{FileKind, Index};
use crate::config;
use crate::diag::Diagnostic;
use crate::rules::{self, Context};
use crate::source::Sources;

/// A run whose rules have run, its findings not yet located.
pub(super) struct Checked {
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
    counted: crate::diag::Counted,
    stats: Stats,
    start: Instant,
    /// Where to read again the files whose texts were dropped.
    root: Option<std::path::PathBuf>,
    /// Region code to name, for reports grouped by region.
    region_names: std::collections::BTreeMap<String, String>,
}

impl Checked {
    pub(super) fn finish(mut self) -> Outcome {
        if let Some(root) = &self.root {
            let changed = input::restore(&mut self.sources, &self.diagnostics, root);
            self.diagnostics.extend(changed);
        }
        let mut out = finish(self.sources, self.diagnostics, self.stats, self.start);
        out.counted = self.counted;
        out.region_names = self.region_names;
        out
    }
}

/// [`lint_model`] up to locating: config, load, rules, severities and
/// exemptions.
pub(super) fn check_model(
    files: input::Files,
    cfg: &config::Loaded,
    today: &str,
    keep: Keep,
) -> Result<(Checked, crate::catalog::Catalog), Failure> {
    let start = Instant::now();
    let first_id = cfg.sources.len();
    let config = match &cfg.config {
        Ok(c) => c,
        Err(invalid) => {
            let sources = Sources {
                files: cfg.sources.clone(),
            };
            return Err(Failure::Config(Box::new(finish(
                sources,
                rules::config_findings(invalid),
                Stats::default(),
                start,
            ))));
        }
    };
    let root = files.root();
    let (loaded, file_checks) = input::load(files, first_id, config);
    let mut sources = Sources {
        files: Vec::with_capacity(cfg.sources.len() + loaded.sources.files.len()),
    };
    sources.files.extend(cfg.sources.iter().cloned());
    sources.files.extend(loaded.sources.files);
    let index = Index::build(&loaded.catalog);
    let ctx = Context {
        catalog: &loaded.catalog,
        index: &index,
        sources: &sources,
        config,
        text_hits: std::sync::OnceLock::new(),
        file_checks: &file_checks,
    };
    let loading = (loaded.problems.iter()).map(|(f, p)| rules::load_finding(*f, p));
    let (found, mut counted) = rules::run(&ctx, loading.collect());

    let mut stats = stats(&sources, first_id, &loaded.catalog, config);
    let usage = ctx.text_hits.get().map(|(_, u)| u.clone());
    drop(ctx);
    drop(file_checks);
    let (mut diagnostics, exemptions) = apply::apply(config, &sources, found, usage.as_ref(), today);
    if keep == Keep::Errors {
        diagnostics.retain(|d| d.severity == crate::diag::Severity::Error);
        counted.clear();
    }
    stats.exemptions = exemptions;
    drop(index);
    let checked = Checked {
        sources,
        diagnostics,
        counted,
        stats,
        start,
        root,
        region_names: region_names(&loaded.catalog),
    };
    Ok((checked, loaded.catalog))
}

/// Region code to name, for the reports grouped by region.
fn region_names(c: &crate::catalog::Catalog) -> std::collections::BTreeMap<String, String> {
    (c.regions.iter())
        .map(|r| (r.value.code.clone(), r.value.name.clone()))
        .collect()
}

/// The counts of a run (its exemptions in force come later).
fn stats(sources: &Sources, first_id: usize, c: &crate::catalog::Catalog, config: &config::Config) -> Stats {
    let of_kind = |k: FileKind| {
        sources.files[first_id..]
            .iter()
            .filter(|f| FileKind::of_path(&f.path) == Some(k))
            .count()
    };
    Stats {
        files: sources.files.len() - first_id,
        items: of_kind(FileKind::Item),
        locals: of_kind(FileKind::Local),
        bundles: of_kind(FileKind::Bundle),
        agencies: c.agencies.len(),
        regions: c.regions.len(),
        materials: c.materials.len(),
        exemptions: 0,
        deviations: crate::analysis::deviation::count_in_force(c, config),
        baseline: None,
    }
}
