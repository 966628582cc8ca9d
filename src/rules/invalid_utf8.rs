//! invalid-utf8: a catalog file that is not UTF-8.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "invalid-utf8",
    category: Category::Format,
    severity: Severity::Error,
    summary: "文件不是合法的 UTF-8 编码",
    doc: super::Doc {
        what: "目录文件的字节是否为合法的 UTF-8。",
        why: "JSON 标准（RFC 8259）要求在系统之间交换的 JSON 文本使用 UTF-8。以 GBK、GB18030 等编码保存的文件，在门户、比对和其他工具中会出现乱码，事项要素无法被正确读取。",
        basis: "RFC 8259 第 8.1 节；本目录格式约定（catalog/README.md）。",
        bad: "用记事本以 ANSI（GBK）编码保存 items/630101001000.json，其中“测试许可事项”存成了 GBK 字节 B2 E2 CA D4 D0 ED BF C9 CA C2 CF EE。",
        fix: "用编辑器以“UTF-8（无 BOM）”重新保存该文件；tongbiao 报告的行列号指向第一个非法字节。",
    },
    example: Example::Bytes { file: "items/630101001000.json", from: "测试许可事项".as_bytes(), to: b"\xb2\xe2\xca\xd4\xd0\xed\xbf\xc9\xca\xc2\xcf\xee" },
    check: Check::Load,
};

/// The finding at the first byte that is not UTF-8.
pub(crate) fn finding(file: FileId, at: usize) -> Diagnostic {
    RULE.at_bytes(file, at, at + 1)
        .message("文件不是合法的 UTF-8 编码")
        .help("以 UTF-8（无 BOM）重新保存此文件；GBK/GB18030 编码的文件须先转换")
}

#[cfg(test)]
mod tests {
    use crate::load::RawFile;

    #[test]
    fn points_at_the_first_bad_byte() {
        // "名称" in GBK is not UTF-8; the bad byte is on line 2, column 4.
        let mut bytes = b"{\n  \"".to_vec();
        bytes.extend([0xC3, 0xFB, 0xB3, 0xC6]);
        bytes.extend(b"\": 1\n}\n");
        let out = crate::testing::lint_files(vec![RawFile {
            path: "items/630101001000.json".into(),
            bytes: Ok(bytes),
        }]);
        let h = crate::testing::hits(&out, "invalid-utf8");
        assert_eq!(h, [("items/630101001000.json".to_string(), 2, 4)]);
    }
}
