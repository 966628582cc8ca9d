//! The rule registry: one rule per file, one flat list. Every finding the
//! linter can produce has a rule here with a stable id, a default severity
//! and a Chinese explanation (`tongbiao explain ID`).
//!
//! Three kinds of check exist: `Load` rules are emitted while reading and
//! parsing files (a file that is not JSON cannot reach typed rules),
//! `Catalog` rules run over the typed catalog with its lookup index, and
//! `Diff` rules run over two revisions and the diff between them
//! (`tongbiao diff`).

pub(crate) use crate::analysis::promises::promises;
use crate::catalog::{Catalog, Index};
use crate::config::{raw::ProvinceDocuments, Config};
use crate::diag::{Diagnostic, Severity, Sink};
use crate::source::{FileId, Sources};
use crate::text::matcher::Usage;
pub(crate) use crate::text::{blank, blank_opt};
pub(crate) use doc::{Category, Doc, Edit, Example};
pub(crate) use loading::{config_findings, load_finding};
pub(crate) use run::{run, run_diff};
pub(crate) use vague::TextHit;

pub(crate) mod base_code;
pub(crate) mod baseline_stale;
pub(crate) mod bom;
pub(crate) mod bundle_one_form;
pub(crate) mod bundle_uniformity;
pub(crate) mod burden_without_basis;
pub(crate) mod centre_and_online;
pub(crate) mod channels_distinct;
pub(crate) mod commitment_complete;
pub(crate) mod conditional_material;
pub(crate) mod config_invalid;
pub(crate) mod coverage;
pub(crate) mod credit_code;
pub(crate) mod credit_code_missing;
pub(crate) mod deadline_not_compressed;
pub(crate) mod deadline_unit;
pub(crate) mod deferral;
pub(crate) mod delivery_by_post;
pub(crate) mod deviation_conflict;
pub(crate) mod deviation_element;
pub(crate) mod deviation_unapproved;
pub(crate) mod deviation_widened;
pub(crate) mod discriminatory_condition;
mod doc;
pub(crate) mod duplicate_id;
pub(crate) mod duplicate_item;
pub(crate) mod duplicate_key;
pub(crate) mod exemption_expired;
pub(crate) mod exemption_unused;
pub(crate) mod fee_basis;
pub(crate) mod fee_none_with_charges;
pub(crate) mod file_name;
pub(crate) mod form_file_missing;
pub(crate) mod format_canonical;
pub(crate) mod immediate_case;
pub(crate) mod implementation_code;
pub(crate) mod input_limit;
pub(crate) mod invalid_json;
pub(crate) mod invalid_utf8;
pub(crate) mod legal_basis_superseded;
pub(crate) mod license_steps;
mod loading;
pub(crate) mod material_exemption;
pub(crate) mod material_near_duplicate;
pub(crate) mod material_requirement;
pub(crate) mod missing_file;
pub(crate) mod online_depth_visits;
pub(crate) mod promised_deadline;
pub(crate) mod provenance_invalid;
pub(crate) mod region_level;
pub(crate) mod required_content;
pub(crate) mod result_sample;
mod run;
pub(crate) mod schema;
pub(crate) mod spread_outlier;
pub(crate) mod stale_override;
pub(crate) mod unknown_agency;
pub(crate) mod unknown_department;
pub(crate) mod unknown_field;
pub(crate) mod unknown_file;
pub(crate) mod unknown_item;
pub(crate) mod unknown_item_type;
pub(crate) mod unknown_material;
pub(crate) mod unknown_member;
pub(crate) mod unknown_region;
pub(crate) mod unreadable_file;
pub(crate) mod unused_lexicon_entry;
pub(crate) mod unverified_fact;
pub(crate) mod vague;
pub(crate) mod vague_catch_all;
pub(crate) mod vague_discretion;
pub(crate) mod vague_open_list;
pub(crate) mod vague_placeholder;
pub(crate) mod vague_reference;
pub(crate) mod vague_unmeasurable;
pub(crate) mod value_pending;
pub(crate) mod version_not_bumped;
pub(crate) mod visit_reason;

/// What a rule looks at.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// Emitted by the loader itself.
    Load,
    /// Runs over the typed catalog.
    Catalog(fn(&Context, &mut Sink)),
    /// Runs over two revisions of the catalog and the classified diff
    /// between them (`tongbiao diff`); findings are in HEAD's files.
    Diff(fn(&DiffContext, &mut Sink)),
    /// Emitted by the lint pipeline about `rules/` itself (config errors,
    /// stale entries, exemptions), after the catalog rules ran.
    Pipeline,
}

/// A rule: its identity, documentation and check.
pub(crate) struct Rule {
    /// Stable kebab-case id, used in output, config and exemptions.
    pub(crate) id: &'static str,
    pub(crate) category: Category,
    pub(crate) severity: Severity,
    /// One line in Chinese.
    pub(crate) summary: &'static str,
    /// Chinese documentation, part by part; [`Rule::explanation`] joins it.
    pub(crate) doc: Doc,
    /// The failing example the explanation documents, as data a test
    /// applies to the clean test catalog.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) example: Example,
    pub(crate) check: Check,
}

impl Rule {
    /// The full Chinese explanation `tongbiao explain` prints: each part of
    /// [`Rule::doc`] after its header, parts separated by a blank line; the
    /// basis cites the province's documents of `docs` (rules.json
    /// `province_documents`) and leaves out those it does not name.
    pub(crate) fn explanation(&self, docs: &ProvinceDocuments) -> String {
        let parts: Vec<String> = self
            .doc
            .parts_for(docs)
            .iter()
            .map(|(header, text)| {
                let block = text.starts_with("- ") || text.starts_with("  ");
                format!("{header}：{}{text}", if block { "\n" } else { "" })
            })
            .collect();
        parts.join("\n\n")
    }

    pub(crate) fn at(&self, file: FileId, pointer: &str) -> Diagnostic {
        Diagnostic::at(self.id, self.severity, file, pointer)
    }

    pub(crate) fn at_key(&self, file: FileId, pointer: &str) -> Diagnostic {
        Diagnostic::at_key(self.id, self.severity, file, pointer)
    }

    pub(crate) fn at_bytes(&self, file: FileId, start: usize, end: usize) -> Diagnostic {
        Diagnostic::at_bytes(self.id, self.severity, file, start, end)
    }
}

/// What catalog rules see.
pub(crate) struct Context<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) index: &'a Index<'a>,
    pub(crate) sources: &'a Sources,
    pub(crate) config: &'a Config,
    /// Vague phrases in all free text, found once and shared by the
    /// per-class rules.
    pub(crate) text_hits: std::sync::OnceLock<(Vec<TextHit>, Usage)>,
    /// What the checks run at load time found in each file, by file id
    /// (`analysis::limits_file`; empty records for `rules/`).
    pub(crate) file_checks: &'a [crate::analysis::limits_file::FileChecks],
}

impl Context<'_> {
    /// Catalog-relative path of a file.
    pub(crate) fn path(&self, file: FileId) -> &str {
        &self.sources.get(file).path
    }

    /// Whether an item's type has applicants, so that materials, fees and
    /// a service guide apply (catalog.json item_types). A type missing
    /// from the code list counts as applicant-facing: unknown-item-type
    /// reports it, and skipping here would hide findings.
    pub(crate) fn applicant_facing(&self, item: &crate::catalog::Item) -> bool {
        self.index
            .item_types
            .get(item.item_type.as_str())
            .is_none_or(|t| t.applicant_facing)
    }
}

/// What diff rules see: both revisions as loaded (findings point into
/// HEAD's files, by HEAD's file ids) and their diff, classified with the
/// configured classes.
pub(crate) struct DiffContext<'a> {
    pub(crate) base: &'a crate::load::Loaded,
    pub(crate) head: &'a crate::load::Loaded,
    pub(crate) diff: &'a crate::analysis::diff::Diff,
}

impl DiffContext<'_> {
    /// HEAD's file id of a catalog-relative path.
    pub(crate) fn head_file(&self, path: &str) -> Option<FileId> {
        self.head.sources.files.iter().position(|f| f.path == path)
    }
}

/// Every rule, in the order `tongbiao rules` lists them.
pub(crate) static RULES: &[&Rule] = &[
    &invalid_utf8::RULE,
    &bom::RULE,
    &invalid_json::RULE,
    &format_canonical::RULE,
    &duplicate_key::RULE,
    &unknown_field::RULE,
    &schema::RULE,
    &unknown_file::RULE,
    &input_limit::RULE,
    &missing_file::RULE,
    &form_file_missing::RULE,
    &file_name::RULE,
    &duplicate_id::RULE,
    &duplicate_item::RULE,
    &unknown_item::RULE,
    &unknown_region::RULE,
    &unknown_agency::RULE,
    &unknown_material::RULE,
    &unknown_member::RULE,
    &unknown_department::RULE,
    &unknown_item_type::RULE,
    &material_near_duplicate::RULE,
    &material_requirement::RULE,
    &base_code::RULE,
    &implementation_code::RULE,
    &credit_code::RULE,
    &credit_code_missing::RULE,
    &value_pending::RULE,
    &unverified_fact::RULE,
    &provenance_invalid::RULE,
    &region_level::RULE,
    &coverage::RULE,
    &deadline_unit::RULE,
    &promised_deadline::RULE,
    &deadline_not_compressed::RULE,
    &immediate_case::RULE,
    &visit_reason::RULE,
    &online_depth_visits::RULE,
    &delivery_by_post::RULE,
    &legal_basis_superseded::RULE,
    &fee_basis::RULE,
    &fee_none_with_charges::RULE,
    &material_exemption::RULE,
    &deferral::RULE,
    &commitment_complete::RULE,
    &required_content::RULE,
    &result_sample::RULE,
    &license_steps::RULE,
    &channels_distinct::RULE,
    &centre_and_online::RULE,
    &conditional_material::RULE,
    &bundle_one_form::RULE,
    &bundle_uniformity::RULE,
    &deviation_unapproved::RULE,
    &deviation_conflict::RULE,
    &deviation_element::RULE,
    &spread_outlier::RULE,
    &unreadable_file::RULE,
    &vague_catch_all::RULE,
    &vague_open_list::RULE,
    &vague_reference::RULE,
    &vague_discretion::RULE,
    &vague_unmeasurable::RULE,
    &vague_placeholder::RULE,
    &discriminatory_condition::RULE,
    &config_invalid::RULE,
    &stale_override::RULE,
    &unused_lexicon_entry::RULE,
    &exemption_expired::RULE,
    &exemption_unused::RULE,
    &baseline_stale::RULE,
    &version_not_bumped::RULE,
    &burden_without_basis::RULE,
    &deviation_widened::RULE,
];

pub(crate) fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Whether a rule id exists: what `config` asks of the registry.
pub fn known(id: &str) -> bool {
    find(id).is_some()
}

/// Whether `id` is a diff rule (run by `tongbiao diff`, never by lint).
pub(crate) fn is_diff(id: &str) -> bool {
    find(id).is_some_and(|r| matches!(r.check, Check::Diff(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "rule id {} is not kebab-case",
                r.id
            );
            assert!(!r.summary.is_empty(), "{} lacks a summary", r.id);
        }
    }

    #[test]
    fn every_rule_file_is_registered() {
        // Each `src/rules/<name>.rs` (other than mod.rs) must define a rule
        // whose id is the file name in kebab-case, and be in RULES.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let registered: HashSet<&str> = RULES.iter().map(|r| r.id).collect();
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let Some(stem) = name.strip_suffix(".rs") else { continue };
            // Shared helpers, not rules: the vague-phrase scan and the dispatch
            // of loader and config problems to their rules.
            if matches!(stem, "mod" | "vague" | "loading" | "doc" | "run") {
                continue;
            }
            let id = stem.replace('_', "-");
            assert!(
                registered.contains(id.as_str()),
                "rule file {name} is not in RULES (expected id {id})"
            );
        }
    }

    #[test]
    fn documented_examples_trigger_their_rules() {
        // Each rule's example, applied to the clean test catalog, must make
        // the rule report more than it does on the clean catalog (a few
        // informational rules already report there), and the documented
        // failing example (`doc.bad`) must show the example as applied.
        let clean = crate::testing::lint_with(&[]);
        let count = |out: &crate::lint::Outcome, id: &str| out.diagnostics.iter().filter(|d| d.rule == id).count();
        let mut failures = Vec::new();
        for r in RULES {
            for s in r.example.shown() {
                if !r.doc.bad.contains(s) {
                    failures.push(format!("{}: doc.bad does not show the example's {s:?}", r.id));
                }
            }
            if let Check::Diff(_) = r.check {
                // Two revisions: the clean catalog, then the clean catalog
                // with the example applied (the clean pair reports nothing).
                match crate::testing::diff_example(&r.example) {
                    Err(e) => failures.push(format!("{}: the example does not apply: {e}", r.id)),
                    Ok(found) if !found.iter().any(|d| d.rule == r.id) => {
                        failures.push(format!("{}: the documented example does not trigger it", r.id));
                    }
                    Ok(_) => {}
                }
                continue;
            }
            match crate::testing::lint_example(&r.example) {
                Err(e) => failures.push(format!("{}: the example does not apply: {e}", r.id)),
                Ok(out) => {
                    let (before, after) = (count(&clean, r.id), count(&out, r.id));
                    if after <= before {
                        let found: BTreeSet<&str> = out.diagnostics.iter().map(|d| d.rule).collect();
                        failures.push(format!(
                            "{}: the documented example does not trigger it ({after} findings, {before} on the clean catalog; found {found:?})",
                            r.id
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn docs_have_every_part_and_name_a_basis() {
        // What the basis may name: a policy document (title marks, a
        // document number such as 青政办函〔2021〕44号, or a kind of
        // document), a standard, or this project's conventions file.
        const DOCUMENTS: &[&str] = &[
            "《",
            "〔",
            "办法",
            "条例",
            "方案",
            "意见",
            "规则",
            "RFC ",
            "GB",
            "README.md",
        ];
        let qinghai = crate::config::Config::defaults().province_documents;
        assert!(
            qinghai.standardization.is_some(),
            "the shipped rules.json names Qinghai's documents"
        );
        for (r, docs) in RULES
            .iter()
            .flat_map(|r| [(r, qinghai.clone()), (r, ProvinceDocuments::default())])
        {
            let basis = r.doc.basis_for(&docs);
            assert!(!basis.contains(['{', '}']), "{}: a placeholder left: {basis}", r.id);
            assert!(
                DOCUMENTS.iter().any(|d| basis.contains(d)),
                "{}: basis names no document ({docs:?}): {basis:?}",
                r.id
            );
            for (header, text) in r.doc.parts_for(&docs) {
                let text: &str = &text;
                assert!(!blank(text), "{}: doc lacks {header}", r.id);
                assert!(
                    !text.starts_with('\n') && text.trim_end() == text,
                    "{}: {header} starts with a line break or ends with whitespace",
                    r.id
                );
                assert!(
                    !text.starts_with(&format!("{header}：")),
                    "{}: {header} repeats its header",
                    r.id
                );
            }
        }
    }

    #[test]
    fn explanation_joins_the_parts_under_their_headers() {
        let doc = Doc {
            what: "甲",
            why: "乙：\n- 一\n- 二",
            basis: "丙",
            bad: "  \"a\": 1,\n  \"a\": 2",
            fix: "- 戊",
        };
        let rule = Rule { doc, ..*RULES[0] };
        assert_eq!(
            rule.explanation(&ProvinceDocuments::default()),
            "检查内容：甲\n\n原因：乙：\n- 一\n- 二\n\n依据：丙\n\n错误示例：\n  \"a\": 1,\n  \"a\": 2\n\n修改方法：\n- 戊"
        );
    }
}
