//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz, a separate
//! crate): each takes arbitrary bytes and runs one input path end to end,
//! rendering every terminal and machine format, so a panic anywhere on the
//! way is a crash the fuzzer reports. Not part of the command line.

use crate::config::{self, ConfigFile};
use crate::load::RawFile;
use crate::rules;

/// Where the fuzzed file sits, by its first byte: each path has its own
/// schema and rules.
const PATHS: [&str; 8] = [
    "catalog.json",
    "regions.json",
    "departments.json",
    "materials.json",
    "items/630101001000.json",
    "local/630100/630101001000.json",
    "bundles/b.json",
    "agencies/630100.json",
];

/// The shipped `rules/`, compiled once per process.
fn shipped() -> &'static config::Loaded {
    static CFG: std::sync::OnceLock<config::Loaded> = std::sync::OnceLock::new();
    CFG.get_or_init(|| config::load(None, &rules::known))
}

/// Lint a catalog of one file (its kind picked by the first byte) with the
/// shipped rules, and render the findings in every format.
pub fn lint_one_file(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let cfg = shipped();
    let file = RawFile {
        path: PATHS[usize::from(kind) % PATHS.len()].to_string(),
        bytes: Ok(bytes.to_vec()),
    };
    let Ok(out) = crate::lint::lint(vec![file], cfg, "2026-06-01") else {
        return;
    };
    let _ = crate::reports::human(&out, true, false);
    let _ = crate::reports::concise(&out, true);
    let _ = crate::reports::json(&out, true);
    let _ = crate::reports::sarif(&out, &crate::config::raw::ProvinceDocuments::default());
}

/// `check-text` on arbitrary text, both outputs.
pub fn check_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(cfg) = &shipped().config else {
        return;
    };
    let _ = super::check_text::check(&text, cfg, "/conditions/0", false);
    let _ = super::check_text::check(&text, cfg, "/conditions/0", true);
}

/// Compile `rules/` with one of its files (by the first byte) replaced by
/// the bytes, and render a refusal as `lint` would.
pub fn compile_rules(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let which = ConfigFile::ALL[usize::from(which) % ConfigFile::ALL.len()];
    let files = ConfigFile::ALL.map(|f| RawFile {
        path: f.name().to_string(),
        bytes: Ok(if f == which {
            bytes.to_vec()
        } else {
            f.default_text().as_bytes().to_vec()
        }),
    });
    let loaded = config::compile_files(files, &rules::known);
    if let Err(invalid) = &loaded.config {
        let _ = crate::rules::config_findings(invalid);
    }
}
