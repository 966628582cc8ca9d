//! unknown-field: a key the format does not define (usually a typo).

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "unknown-field",
    category: Category::Format,
    severity: Severity::Error,
    summary: "格式中没有定义的字段（多为拼写错误）",
    doc: super::Doc {
        what: "每个对象中的字段名是否都在格式（catalog/schema）中定义。",
        why: "拼错的字段名不会报错就会被忽略：例如把 promised_deadline 写成 promise_deadline，承诺时限就等于没有填写，却不易察觉。tongbiao 指向字段名本身，并提示最接近的正确写法。",
        basis: "本目录格式约定（catalog/README.md、catalog/schema/）；{standardization}（科学细化量化办事服务标准）。",
        bad: "  \"promise_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
        fix: "改为格式中定义的字段名（报告的帮助行给出最接近的写法），或删除该字段。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
        to: "\"promise_deadline\": {\"value\": 10, \"unit\": \"工作日\"}",
    },
    check: Check::Load,
};

/// The finding on a key (at `pointer`) that a `label` file does not allow.
pub(crate) fn finding(file: FileId, pointer: &str, key: &str, label: &str, help: &str) -> Diagnostic {
    RULE.at_key(file, pointer)
        .message(format!("未知字段“{key}”：{label}不允许此字段"))
        .help(help.to_string())
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    #[test]
    fn points_at_the_key_and_suggests_the_right_name() {
        let text = edit(LOCAL, "\"promised_deadline\"", "\"promise_deadline\"");
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-field"),
            [("local/630100/630101001000.json".to_string(), 5, 3)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "unknown-field").unwrap();
        assert!(d.help.as_deref().unwrap().contains("promised_deadline"), "{:?}", d.help);
    }

    #[test]
    fn nested_unknown_field_is_found() {
        let text = edit(
            LOCAL,
            "\"address\": \"青海政务服务网\"",
            "\"adress\": \"青海政务服务网\"",
        );
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-field"),
            [("local/630100/630101001000.json".to_string(), 7, 29)]
        );
        let d = out.diagnostics.iter().find(|d| d.rule == "unknown-field").unwrap();
        assert_eq!(d.pointer(), "/online/adress");
        assert!(d.help.as_deref().unwrap().contains("“address”"), "{:?}", d.help);
    }
}
