//! schema: a value that breaks the file's JSON Schema (type, code list,
//! pattern, required field).

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "schema",
    category: Category::Format,
    severity: Severity::Error,
    summary: "字段缺失、类型错误或取值不在代码表中",
    doc: super::Doc {
        what: "按 catalog/schema/ 中由 tongbiao 生成的 JSON Schema 校验每个文件，报告全部违规（不只第一处）：缺少必填字段、类型不符（如数字写成字符串）、取值不在代码表中（如时限单位写“天”）、格式不符（如区划代码不是 6 位数字）。",
        why: "事项要素是门户、比对和办事指南共同使用的数据，缺一项或写法不一，就无法做到同一事项同一标准。",
        basis: "本目录格式约定（catalog/README.md、catalog/schema/）；{one_thing}第15项（要素信息全省统一）。",
        bad: "  \"statutory_deadline\": {\"value\": \"20\", \"unit\": \"天\"}",
        fix: "按报告的帮助行填写正确的类型或代码表中的取值；在编辑器中引用 $schema 可获得中文提示。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
        to: "\"statutory_deadline\": {\"value\": \"20\", \"unit\": \"天\"}",
    },
    check: Check::Load,
};

/// The finding for a schema violation at `pointer`.
pub(crate) fn finding(file: FileId, pointer: &str, message: &str, help: &str) -> Diagnostic {
    RULE.at(file, pointer).message(message).help(help.to_string())
}

/// The finding for a file the schema accepted but the types refused: a
/// disagreement to report rather than hide.
pub(crate) fn typed_finding(file: FileId, label: &str, error: &str) -> Diagnostic {
    RULE.at(file, "")
        .message(format!("无法按{label}读取：{error}"))
        .help("对照 catalog/schema 修改")
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    #[test]
    fn reports_every_violation_at_its_value() {
        let text = edit(
            ITEM,
            "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
            "\"statutory_deadline\": {\"value\": \"20\", \"unit\": \"天\"}",
        );
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        let h = hits(&out, "schema");
        assert_eq!(
            h,
            [
                ("items/630101001000.json".to_string(), 20, 35),
                ("items/630101001000.json".to_string(), 20, 49),
            ]
        );
    }

    #[test]
    fn missing_required_field_points_at_its_object() {
        let text = edit(ITEM, "  \"case_type\": \"承诺件\",\n", "");
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        assert_eq!(hits(&out, "schema"), [("items/630101001000.json".to_string(), 1, 1)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "schema").unwrap();
        assert!(d.message.contains("case_type"), "{}", d.message);
    }
}
