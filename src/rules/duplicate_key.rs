//! duplicate-key: the same key twice in one object.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "duplicate-key",
    category: Category::Format,
    severity: Severity::Error,
    summary: "同一对象中出现重复字段",
    doc: super::Doc {
        what: "同一个 JSON 对象中是否有两个同名字段。",
        why: "多数 JSON 解析器只保留最后一个同名字段，前面的值被静默丢弃：审核人员在文件中看到的时限或条件，可能不是门户实际发布的内容。合并冲突处理不当时常出现这种情况。",
        basis: "RFC 8259 第 4 节（对象内名称应当唯一）；{standardization}“消除审批服务中的模糊条款”——同一要素不得有两种写法。",
        bad: "  \"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"},
  \"statutory_deadline\": {\"value\": 15, \"unit\": \"工作日\"}",
        fix: "确认哪一个值正确，删除另一个。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
        to: "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"},\n  \"statutory_deadline\": {\"value\": 15, \"unit\": \"工作日\"}",
    },
    check: Check::Load,
};

/// The finding on the repeated key (`key`: its byte range) of the member
/// at `pointer`, whose first occurrence is on `first_line`.
pub(crate) fn finding(file: FileId, pointer: &str, key: (usize, usize), first_line: usize) -> Diagnostic {
    let name = crate::spans::segments(pointer).last().unwrap_or_default();
    let mut d = RULE
        .at_key(file, pointer)
        .message(format!("重复的字段“{name}”：第 {first_line} 行已有同名字段"))
        .help("删除其中一个；JSON 解析器只保留最后一个，前面的内容会被静默丢弃");
    d.set_span(Some(key));
    d
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    #[test]
    fn points_at_the_repeated_key() {
        let text = edit(LOCAL, "  \"visits\": 0,\n", "  \"visits\": 0,\n  \"visits\": 1,\n");
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "duplicate-key"),
            [("local/630100/630101001000.json".to_string(), 7, 3)]
        );
    }
}
