//! The field mapping: which field of an export feeds which catalog element,
//! and how its text is parsed. A built-in table covers the field names
//! provincial platforms export; a small JSON mapping file written by the
//! user adds renames, parsers, declared defaults and unit words for a
//! portal whose export differs (format documented in README.md and in
//! docs/schema/mapping.schema.json).
//!
//! - `target`: the elements and material attributes, with their default
//!   field names.
//! - `parser`: the parsers a mapping file can name.
//! - `raw`, `compile`, `file`: the mapping file read like a `rules/` file
//!   (schema, every problem at its place), then checked entry by entry.

mod compile;
pub(crate) mod file;
mod parser;
pub(crate) mod raw;
mod target;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use crate::catalog::item::{MaterialForm, Necessity};
use crate::catalog::material::{MaterialKind, MaterialSource};
use crate::catalog::DeadlineUnit;
#[cfg(test)]
pub(crate) use file::from_json;
pub(crate) use file::read;
pub(crate) use parser::apply;
pub(crate) use target::{MaterialAttr, Target};

/// How a field's raw value is turned into what its target reads, before
/// the target's own (tolerant) reader runs.
#[derive(Debug, Clone)]
pub(crate) enum Parser {
    /// The cell holds JSON (e.g. a CSV cell with a material list).
    Json,
    /// Split the text into a list at any of these separators.
    Split(Vec<String>),
    /// A template such as "{value}({unit})": the placeholders become the
    /// fields of an object (value, unit, note for a deadline).
    Pattern(regex::Regex),
    /// A regular expression whose named groups become the fields of an object.
    Regex(regex::Regex),
    /// A lookup table from source values to catalog values.
    Map(Map<String, Value>),
}

/// One field of the export: where it goes (None: known, deliberately not
/// imported) and an optional parser.
#[derive(Debug, Clone)]
pub(crate) struct FieldRule {
    pub(crate) target: Option<Target>,
    pub(crate) parser: Option<Parser>,
}

/// Values used for 申请材料 given as bare names, without attributes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MaterialDefaults {
    pub(crate) necessity: Necessity,
    pub(crate) originals: u32,
    pub(crate) copies: u32,
    pub(crate) form: MaterialForm,
    pub(crate) kind: MaterialKind,
    pub(crate) source: MaterialSource,
}

impl Default for MaterialDefaults {
    fn default() -> Self {
        MaterialDefaults {
            necessity: Necessity::Required,
            originals: 1,
            copies: 0,
            form: MaterialForm::PaperOrElectronic,
            kind: MaterialKind::Other,
            source: MaterialSource::Other,
        }
    }
}

/// The effective mapping: the defaults with the user's file on top.
#[derive(Debug, Clone)]
pub(crate) struct Mapping {
    fields: HashMap<String, FieldRule>,
    material_fields: HashMap<String, Option<MaterialAttr>>,
    /// Values the user declared for records that lack the field.
    pub(crate) defaults: BTreeMap<Target, Value>,
    /// Extra unit words (e.g. 天 → 工作日), on top of the built-in ones.
    pub(crate) units: BTreeMap<String, DeadlineUnit>,
    pub(crate) material_defaults: MaterialDefaults,
    /// CSV field delimiter.
    pub(crate) delimiter: u8,
}

impl Default for Mapping {
    fn default() -> Self {
        let mut fields = HashMap::new();
        for t in Target::ALL {
            for s in t.default_sources().iter().chain([&t.id()]) {
                fields.insert(
                    field_key(s),
                    FieldRule {
                        target: Some(t),
                        parser: None,
                    },
                );
            }
        }
        let mut material_fields = HashMap::new();
        for a in MaterialAttr::ALL {
            for s in a.default_sources().iter().chain([&a.id()]) {
                material_fields.insert(field_key(s), Some(a));
            }
        }
        Mapping {
            fields,
            material_fields,
            defaults: BTreeMap::new(),
            units: BTreeMap::new(),
            material_defaults: MaterialDefaults::default(),
            delimiter: b',',
        }
    }
}

/// Field names are compared without surrounding or inner white space (CSV
/// headers often carry stray spaces or a BOM).
pub(crate) fn field_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !crate::text::normalize::invisible(*c))
        .collect()
}

impl Mapping {
    /// The rule for a source field, if it is mapped or ignored.
    pub(crate) fn rule(&self, source: &str) -> Option<&FieldRule> {
        self.fields.get(&field_key(source))
    }

    /// The field names that feed a target: the user's first, then the
    /// defaults (for messages).
    pub(crate) fn sources_of(&self, t: Target) -> Vec<String> {
        let mut user: Vec<String> = self
            .fields
            .iter()
            .filter(|(k, r)| {
                r.target == Some(t) && k.as_str() != t.id() && !t.default_sources().iter().any(|s| field_key(s) == **k)
            })
            .map(|(k, _)| k.clone())
            .collect();
        user.sort();
        user.extend(
            t.default_sources()
                .iter()
                .filter(|s| self.rule(s).is_some_and(|r| r.target == Some(t)))
                .map(|s| s.to_string()),
        );
        user
    }

    /// The attribute a key of a material object stands for; `Some(None)`:
    /// deliberately ignored.
    pub(crate) fn material_attr(&self, key: &str) -> Option<Option<MaterialAttr>> {
        self.material_fields.get(&field_key(key)).copied()
    }
}

/// Full-width ASCII variants (（）：０-９ …) and the ideographic space to
/// their ASCII forms, so templates and text match either way. Deliberately
/// narrower than the NFKC of `text::normalize`: pattern captures go into
/// the catalog, and NFKC would also rewrite ① to 1, ㎡ to m2, … to ...
/// and compatibility ideographs there.
pub(crate) fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_sources_resolve_to_their_targets() {
        let m = Mapping::default();
        assert_eq!(m.rule("法定办结时限").unwrap().target, Some(Target::StatutoryDeadline));
        assert_eq!(m.rule(" 承诺 时限 ").unwrap().target, Some(Target::PromisedDeadline));
        assert_eq!(
            m.rule("statutory_deadline").unwrap().target,
            Some(Target::StatutoryDeadline)
        );
        assert!(m.rule("备注").is_none());
        assert_eq!(m.material_attr("材料名称"), Some(Some(MaterialAttr::Name)));
    }
}
