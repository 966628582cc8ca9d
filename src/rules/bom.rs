//! bom: a file that starts with a UTF-8 byte-order mark.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "bom",
    category: Category::Format,
    severity: Severity::Error,
    summary: "文件以字节顺序标记（BOM）开头",
    doc: super::Doc {
        what: "文件开头是否有 UTF-8 字节顺序标记（EF BB BF）。",
        why: "RFC 8259 规定 JSON 文本不得添加 BOM；许多 JSON 解析器遇到 BOM 直接报错，门户和比对工具会读不出该文件。tongbiao 跳过 BOM 后继续检查其余内容，但仍报告此错误。",
        basis: "RFC 8259 第 8.1 节；本目录格式约定（catalog/README.md）。",
        bad: "Windows 记事本以“UTF-8 with BOM”保存的 items/630101001000.json（文件开头多了 EF BB BF 三个字节）。",
        fix: "以“UTF-8（无 BOM）”重新保存该文件。",
    },
    example: Example::Bytes { file: "items/630101001000.json", from: b"{", to: b"\xef\xbb\xbf{" },
    check: Check::Load,
};

/// The finding on a byte-order mark of `len` bytes.
pub(crate) fn finding(file: FileId, len: usize) -> Diagnostic {
    RULE.at_bytes(file, 0, len)
        .message("文件以字节顺序标记（BOM）开头")
        .help("以 UTF-8（无 BOM）重新保存此文件")
}

#[cfg(test)]
mod tests {
    use crate::testing::{hits, lint_with, LOCAL};

    #[test]
    fn reports_the_bom_and_still_checks_the_rest() {
        let text = format!("\u{feff}{}", LOCAL.replacen("\"visits\"", "\"visitz\"", 1));
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "bom"),
            [("local/630100/630101001000.json".to_string(), 1, 1)]
        );
        // The file is still validated after the BOM: the typo is found.
        assert_eq!(hits(&out, "unknown-field").len(), 1);
    }
}
