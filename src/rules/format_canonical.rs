//! format-canonical: a catalog file not in the canonical form `tongbiao
//! fmt` writes (the definition is `canonical`, shared with fmt).

use super::{Category, Check, Context, Example, Rule};
use crate::analysis::limits_file::CanonicalDiff;
use crate::diag::{Diagnostic, Severity, Sink};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "format-canonical",
    category: Category::Format,
    severity: Severity::Warning,
    summary: "文件不是规范格式（可用 tongbiao fmt 自动改写）",
    doc: super::Doc {
        what: "目录数据文件是否为规范格式：2 个空格缩进、每个字段和数组元素各占一行、字段按 Schema 顺序排列（未知字段排在最后）、中文等字符不写成 \\u 转义、文件以换行结尾——即 tongbiao fmt 写出的样子。只比较排版，不比较取值；BOM 由 bom 规则报告，无法解析的文件由 invalid-json 报告。",
        why: "全部文件排版一致，合并请求的差异才只显示实际改动的字段；手工编辑或其他工具保存后缩进、字段顺序和转义各不相同，审核时难以看出改了什么。排版不影响取值，所以报告为警告而不是错误。",
        basis: "本目录格式约定（catalog/README.md 第一节：UTF-8 无 BOM、缩进 2 个空格、第一个字段为 $schema）。",
        bad: "新建的 agencies/630102.json 写成一行、字段顺序与 Schema 不同：{\"agencies\": [], \"region\": \"630102\"}",
        fix: "运行 tongbiao fmt catalog 改写为规范格式（只改排版，不改取值）；tongbiao fmt --check catalog 列出不规范的文件而不修改。",
    },
    example: Example::Edit {
        file: "agencies/630102.json",
        from: "",
        to: "{\"agencies\": [], \"region\": \"630102\"}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    // The loader compared each file with its canonical form while it held
    // the text (`analysis::limits_file`).
    for (id, checks) in ctx.file_checks.iter().enumerate() {
        if let Some(diff) = &checks.canonical {
            sink.push(finding(id, diff));
        }
    }
}

/// The finding on a catalog data file that is not canonical: at the
/// first line that differs, with what the canonical text has there.
fn finding(id: FileId, diff: &CanonicalDiff) -> Diagnostic {
    let help = if diff.line.is_empty() {
        "运行 tongbiao fmt 改写为规范格式（只改排版，不改取值）".to_string()
    } else {
        format!(
            "规范格式此处为 `{}`；运行 tongbiao fmt 改写（只改排版，不改取值）",
            diff.line
        )
    };
    RULE.at_bytes(id, diff.start, diff.end)
        .message("文件不是规范格式（自此行起与 tongbiao fmt 的输出不同）")
        .help(help)
}

#[cfg(test)]
mod tests {
    use crate::testing::{hits, lint_with};

    const AGENCIES: &str = "agencies/630102.json";

    #[test]
    fn a_file_out_of_order_is_reported_at_the_first_differing_line() {
        let text = "{\n  \"agencies\": [],\n  \"region\": \"630102\"\n}\n";
        let out = lint_with(&[(AGENCIES, Some(text))]);
        let found: Vec<_> = hits(&out, "format-canonical")
            .into_iter()
            .filter(|(p, ..)| p == AGENCIES)
            .collect();
        assert_eq!(found, [(AGENCIES.to_string(), 2, 3)]);
        let d = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "format-canonical" && out.sources.get(d.file).path == AGENCIES)
            .unwrap();
        assert!(
            d.help.as_deref().unwrap_or("").contains("`\"region\": \"630102\",`"),
            "{:?}",
            d.help
        );
    }

    #[test]
    fn a_canonical_file_is_not_reported() {
        let text = "{\n  \"region\": \"630102\",\n  \"agencies\": []\n}\n";
        let out = lint_with(&[(AGENCIES, Some(text))]);
        assert!(hits(&out, "format-canonical").iter().all(|(p, ..)| p != AGENCIES));
        // A missing final newline is enough to differ.
        let out = lint_with(&[(AGENCIES, Some(text.trim_end()))]);
        assert!(hits(&out, "format-canonical").iter().any(|(p, ..)| p == AGENCIES));
    }
}
