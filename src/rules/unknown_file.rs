//! unknown-file: a JSON file in a place the catalog layout does not define.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "unknown-file",
    category: Category::Format,
    severity: Severity::Warning,
    summary: "JSON 文件不在目录约定的位置，不会被读取",
    doc: super::Doc {
        what: "catalog/ 下的每个 .json 文件是否位于约定的位置（items/、local/<区划代码>/、bundles/、agencies/ 及根目录的 catalog.json、regions.json、departments.json、materials.json）。",
        why: "放错位置的事项文件不会被检查，也不会发布到门户，提交者却以为它已生效。",
        basis: "本目录格式约定（catalog/README.md）。",
        bad: "catalog/item/630101001000.json（目录名少了 s）。",
        fix: "把文件移到约定的位置，或删除它。",
    },
    example: Example::Move { file: "items/630101001000.json", to: "item/630101001000.json" },
    check: Check::Load,
};

/// The finding on a JSON file outside the catalog's layout.
pub(crate) fn finding(file: FileId) -> Diagnostic {
    RULE.at(file, "")
        .message("此文件不在目录约定的位置，tongbiao 不会读取它")
        .help("事项放在 items/，实施清单放在 local/<区划代码>/，一件事放在 bundles/，实施主体放在 agencies/；见 catalog/README.md")
}

#[cfg(test)]
mod tests {
    use crate::testing::{hits, lint_with, ITEM};

    #[test]
    fn misplaced_item_is_reported() {
        let out = lint_with(&[("item/630101001000.json", Some(ITEM))]);
        assert_eq!(
            hits(&out, "unknown-file"),
            [("item/630101001000.json".to_string(), 1, 1)]
        );
    }
}
