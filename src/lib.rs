//! tongbiao (同标): the catalog and compliance linter for Qinghai's
//! government service items.
//!
//! Architecture, edges to core:
//! - `cli` parses arguments and prints; `load::read_tree` reads files. These
//!   are the only places with side effects.
//! - `load::parse` turns bytes into a typed [`catalog::Catalog`] (one set of
//!   types that lint, diff and guides all walk), validating every file
//!   against the JSON Schemas generated from those types (`schema`).
//! - Every value is addressed by (file, JSON pointer); `spans` maps a
//!   pointer back to its byte range, lazily, only for files with findings.
//! - `config` reads `rules/` (the office's policy as data) through the same
//!   pipeline and compiles it before any rule runs; `text` normalises free
//!   text and matches the lexicon (used by the vague-language rules and
//!   `check_text`).
//! - `rules` holds one rule per file in one flat registry; rules push
//!   [`diag::Diagnostic`] values into a sink and never print. Severities,
//!   overrides and exemptions from `rules/` are applied afterwards in `lint`.
//! - `lint` runs the pipeline and sorts findings deterministically;
//!   `report` renders them (human with code frames, JSON).
//! - `uniformity` compares the implementations of one item across regions
//!   (standard vs deviations, may-differ elements vs the majority): shared
//!   by the `spread-outlier` rule and `tongbiao uniformity`.

pub mod analysis;
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
pub mod rules;
pub mod schema;
pub mod source;
pub mod spans;
pub mod text;

#[cfg(test)]
mod testing;

#[cfg(test)]
mod robustness;
