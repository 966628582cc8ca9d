//! Operating-system errors in Chinese: the kind in words, the system's own
//! text kept in parentheses (it names details the kind does not).

use std::io::{Error, ErrorKind};

/// `e` in Chinese, e.g. `未找到文件或目录（No such file or directory (os
/// error 2)）`. Errors the program made itself (already Chinese, kind
/// `Other` without an OS code) are returned as they are.
pub(crate) fn os_error(e: &Error) -> String {
    let words = match e.kind() {
        ErrorKind::NotFound => "未找到文件或目录",
        ErrorKind::PermissionDenied => "权限不足",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::NotADirectory => "不是目录",
        ErrorKind::IsADirectory => "是目录而不是文件",
        ErrorKind::DirectoryNotEmpty => "目录不为空",
        ErrorKind::ReadOnlyFilesystem => "文件系统为只读",
        ErrorKind::StorageFull => "磁盘空间已满",
        ErrorKind::QuotaExceeded => "超出磁盘配额",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::InvalidData => "数据无效（如不是 UTF-8 文本）",
        ErrorKind::InvalidFilename => "文件名无效",
        ErrorKind::CrossesDevices => "不能跨文件系统移动",
        ErrorKind::TooManyLinks => "链接过多",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::BrokenPipe => "管道已关闭",
        ErrorKind::UnexpectedEof => "文件意外结束",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::Unsupported => "操作不受支持",
        _ if e.raw_os_error().is_none() && e.kind() == ErrorKind::Other => return e.to_string(),
        _ => "系统错误",
    };
    format!("{words}（{e}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_chinese_with_the_system_text_kept() {
        let e = std::fs::read("/no/such/file/here").unwrap_err();
        let s = os_error(&e);
        assert!(s.starts_with("未找到文件或目录（"), "{s}");
        assert!(s.ends_with('）') && s.contains(&e.to_string()), "{s}");
        assert_eq!(
            os_error(&Error::from(ErrorKind::PermissionDenied)),
            "权限不足（permission denied）"
        );
        assert_eq!(os_error(&Error::other("目录 x 不存在")), "目录 x 不存在");
    }
}
