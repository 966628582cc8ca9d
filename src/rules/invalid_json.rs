//! invalid-json: a file that is not JSON, or is truncated.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "invalid-json",
    category: Category::Format,
    severity: Severity::Error,
    summary: "文件不是合法的 JSON，或内容被截断",
    doc: super::Doc {
        what: "文件能否按严格的 JSON 语法解析（不允许注释、末尾逗号、单引号、裸控制字符和超出范围的数字）。文件在中途结束（如传输或合并时被截断）也在此报告。",
        why: "无法解析的文件，其全部事项要素都无法被检查、比对或发布；一个坏文件不会中断检查，其余文件照常检查。",
        basis: "RFC 8259；本目录格式约定（catalog/README.md）。",
        bad: "  \"updated\": \"2026-11-01\",
}    ← 最后一个字段后多了逗号",
        fix: "按报告的行列号修正括号、引号或逗号；被截断的文件从版本库恢复后重新修改。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"updated\": \"2026-11-01\"\n}",
        to: "\"updated\": \"2026-11-01\",\n}",
    },
    check: Check::Load,
};

/// The finding where the JSON stops being JSON (`reason` in Chinese).
pub(crate) fn finding(file: FileId, at: usize, truncated: bool, reason: &str) -> Diagnostic {
    let (message, help) = if truncated {
        (
            "JSON 不完整：文件在此处意外结束（文件可能被截断）".to_string(),
            "补全缺失的括号或内容；若文件在传输中被截断，请从版本库恢复",
        )
    } else {
        (
            format!("不是合法的 JSON：{reason}"),
            "检查此处的引号、逗号和括号；JSON 不允许注释和末尾逗号",
        )
    };
    RULE.at_bytes(file, at, at).message(message).help(help)
}

#[cfg(test)]
mod tests {
    use crate::testing::{hits, lint_with};

    #[test]
    fn trailing_comma_is_reported_where_it_is() {
        let out = lint_with(&[("bundles/x.json", Some("{\n  \"id\": \"x\",\n}\n"))]);
        assert_eq!(hits(&out, "invalid-json"), [("bundles/x.json".to_string(), 2, 12)]);
    }

    #[test]
    fn truncated_file_is_reported_at_its_end() {
        let out = lint_with(&[("bundles/x.json", Some("{\n  \"id\": \"x"))]);
        let h = hits(&out, "invalid-json");
        assert_eq!(h, [("bundles/x.json".to_string(), 2, 11)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "invalid-json").unwrap();
        assert!(d.message.contains("截断"), "{}", d.message);
    }

    #[test]
    fn numbers_out_of_range_are_not_json_we_accept() {
        let out = lint_with(&[("bundles/x.json", Some("{\"id\": 1e400}"))]);
        assert_eq!(hits(&out, "invalid-json").len(), 1);
    }
}
