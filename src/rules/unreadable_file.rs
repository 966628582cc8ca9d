//! unreadable-file: a file that exists but cannot be read.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "unreadable-file",
    category: Category::Format,
    severity: Severity::Error,
    summary: "文件无法读取",
    doc: super::Doc {
        what: "目录中的每个文件能否被读取（权限、损坏的链接等）。",
        why: "读不到的文件无法检查，也无法发布。其余文件照常检查。",
        basis: "本目录格式约定（catalog/README.md）。",
        bad: "权限为 000 的 items/630101001000.json。",
        fix: "修改文件权限，或修复、删除损坏的链接。",
    },
    example: Example::Unreadable {
        file: "items/630101001000.json",
    },
    check: Check::Load,
};

/// The finding for a file that could not be read (`error`: the system's
/// reason).
pub(crate) fn finding(file: FileId, error: &str) -> Diagnostic {
    RULE.at_bytes(file, 0, 0)
        .message(format!("无法读取文件：{error}"))
        .help("检查文件权限，或该路径是否为损坏的链接")
}

#[cfg(test)]
mod tests {
    use crate::load::RawFile;

    #[test]
    fn unreadable_file_is_a_finding_not_a_crash() {
        let out = crate::testing::lint_files(vec![RawFile {
            path: "items/630101001000.json".into(),
            bytes: Err("permission denied".into()),
        }]);
        assert_eq!(crate::testing::hits(&out, "unreadable-file").len(), 1);
    }
}
