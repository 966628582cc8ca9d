//! tongbiao (同标): the catalog and compliance tool for Qinghai's
//! government service items (同一事项、无差别受理、同标准办理).
//!
//! # Layers
//! Each layer uses only the layers above it in this list; no module imports
//! upward and no two modules import each other. `tests/layers.rs` checks
//! the order (a module without a place there fails the build's tests).
//!
//! 1. **model** — `codes` (基本编码, 实施编码, 统一社会信用代码 checks) and
//!    `catalog` (the serde/schemars types, the only source of the JSON
//!    Schemas and of Chinese field names; `At<T>` says which file and
//!    pointer a value came from). Types only: no files, no policy.
//! 2. **sources and findings** — `source` (the arena of source texts, each
//!    with its path and the one display base, the working directory),
//!    `diag` (findings as values: rule id, severity, file, pointer),
//!    `spans` (JSON pointer ↔ byte range, duplicate keys).
//! 3. **text** — normalisation, the phrase matcher and its lexicon
//!    vocabulary, name keys (one for lint and import), blank/BOM; then
//!    `canonical` (a JSON file's canonical text, keys in schema order:
//!    one definition for `fmt`, `new` and the format-canonical rule).
//! 4. **load and config** — `schema` (compiled schemas, violations as
//!    values), `load` (bytes → typed catalog; problems as values, never
//!    findings), `revision` (the same raw files read from a git revision's
//!    object store, for `diff`), `config` (`rules/` → a checked `Config`; it asks whether a
//!    rule id exists through a function argument, and returns problems).
//! 5. **analysis** — facts rules and reports both need, defined once:
//!    spreads across regions, where a deviation stands, uniform elements,
//!    promised deadlines, the uniformity report's data.
//! 6. **rules** — one rule per file in one flat registry: id, severity,
//!    structured documentation, its example as data, its check, and the
//!    constructors of its findings (loader and config rules included).
//! 7. **pipelines** — `lint` (config → load → rules → severities and
//!    exemptions → locate → sort) and `import` (a provincial export → base
//!    items and local files, as planned writes).
//! 8. **reports** — one renderer per format, returning strings: `human`,
//!    `json`, and the uniformity views (HTML through askama templates, which
//!    escape by construction).
//! 9. **commands** — one module per subcommand: arguments in, an `Outcome`
//!    (text for stdout/stderr, files to write, a status) out.
//! 10. **output** — the only place that prints, writes files (atomically,
//!     with `tempfile`) and picks the exit code (0 / 1 / 2).
//!
//! Reading files happens in `load::read_tree`, `config::load` and the
//! commands that read their inputs; everything else is functions over
//! values, so tests lint in-memory catalogs (`testing`) and CLI cases live
//! as data folders under `tests/cases/`.

pub mod analysis;
pub(crate) mod canonical;
pub mod catalog;
pub mod codes;
pub mod commands;
pub mod config;
pub mod diag;
pub mod import;
pub mod lint;
pub mod load;
pub mod output;
pub mod reports;
pub mod revision;
pub mod rules;
pub mod schema;
pub mod source;
pub mod spans;
pub mod text;

#[cfg(test)]
mod testing;

#[cfg(test)]
mod robustness;
