//! What the import found, for the report: counts, failed records, notes,
//! deviations and differences, new registry entries, files left alone.

use std::collections::BTreeMap;

use super::Action;
use crate::import::read::Problem;

/// One deviation written (or difference found), for the summary.
#[derive(Debug, Clone)]
pub(crate) struct DeviationNote {
    pub(crate) path: String,
    pub(crate) element: String,
    pub(crate) label: &'static str,
    /// What differs, in Chinese.
    pub(crate) text: String,
}

/// What happened to one item.
#[derive(Debug, Clone)]
pub(crate) struct ItemNote {
    pub(crate) code: String,
    pub(crate) name: String,
    /// None: an existing file was kept.
    pub(crate) action: Option<Action>,
    pub(crate) records: usize,
}

/// Everything the summary reports.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summary {
    /// Records in the export (read or not).
    pub(crate) records: usize,
    /// Records that became a local file (written, or kept because one existed).
    pub(crate) imported: usize,
    pub(crate) failed: Vec<Problem>,
    /// Fields of the export not mapped to any element: name → lines.
    pub(crate) unmapped: BTreeMap<String, Vec<usize>>,
    /// Keys of material objects not mapped: name → lines.
    pub(crate) unmapped_material: BTreeMap<String, Vec<usize>>,
    /// Remarks: message → lines (0: not about one line).
    pub(crate) notices: BTreeMap<String, Vec<usize>>,
    /// Remarks about items: message → item codes (one line per message).
    pub(crate) item_notices: BTreeMap<String, Vec<String>>,
    pub(crate) items: Vec<ItemNote>,
    pub(crate) locals_written: usize,
    pub(crate) deviations: Vec<DeviationNote>,
    /// Differences on elements that are not uniform: reported, not written.
    pub(crate) differences: Vec<DeviationNote>,
    pub(crate) new_agencies: Vec<(String, String)>,
    pub(crate) new_materials: Vec<(String, String)>,
    /// Existing files not overwritten (no --force).
    pub(crate) skipped: Vec<String>,
}

impl Summary {
    pub(in crate::import) fn note(&mut self, line: usize, msg: impl Into<String>) {
        // Lines arrive in record order: comparing with the last one keeps
        // this constant-time (the report sorts and deduplicates anyway).
        let lines = self.notices.entry(msg.into()).or_default();
        if lines.last() != Some(&line) {
            lines.push(line);
        }
    }

    /// A remark about an item: the same remark for many items is one line.
    pub(in crate::import) fn note_item(&mut self, code: &str, msg: impl Into<String>) {
        let codes = self.item_notices.entry(msg.into()).or_default();
        if codes.last().map(String::as_str) != Some(code) {
            codes.push(code.to_string());
        }
    }

    pub(in crate::import) fn fail(&mut self, line: usize, msg: impl Into<String>) {
        self.failed.push(Problem {
            line,
            message: msg.into(),
        });
    }

    /// Sort what is listed, so the report does not depend on the order
    /// items were processed in.
    pub(super) fn sort(&mut self) {
        self.failed.sort();
        self.skipped.sort();
        self.deviations
            .sort_by(|a, b| (&a.path, &a.element).cmp(&(&b.path, &b.element)));
        self.differences
            .sort_by(|a, b| (&a.path, &a.element).cmp(&(&b.path, &b.element)));
    }
}
