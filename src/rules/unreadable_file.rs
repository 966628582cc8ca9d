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

/// The finding for a file that changed, or could no longer be read,
/// between the read that checked it and the read that locates its
/// findings (`why`: the system's reason when it could not be read). Its
/// other findings are reported without a position: the file on disk is
/// no longer the text they were found in.
pub(crate) fn changed(file: FileId, why: Option<&str>) -> Diagnostic {
    let what = match why {
        Some(e) => format!("本次检查期间文件无法再次读取（{e}）"),
        None => "本次检查期间文件被修改（内容与检查时读取的不同）".to_string(),
    };
    RULE.at_bytes(file, 0, 0)
        .message(format!("{what}，此文件的检查结果不标出行列位置"))
        .help("文件在检查过程中被改动或删除；待文件不再变动后重新运行检查")
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
