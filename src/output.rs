//! The output layer: the only place that prints, writes files and picks the
//! exit code. Commands return an [`Outcome`] (what to say, what to write,
//! how the run went); this carries it out in order.

use std::io::Write as _;
use std::path::Path;

use crate::commands::{self, Outcome, Status, Step};

mod publish;
mod staged;

/// Run the command line; returns the process exit code: 0 no error
/// findings, 1 error findings, 2 the run could not happen.
pub fn run() -> i32 {
    let outcome = match commands::parse() {
        Ok(cli) => commands::execute(cli),
        Err(e) => {
            let text = clap_error_zh(&e);
            if e.use_stderr() {
                eprint(&text);
                return 2;
            }
            print(&text);
            return 0;
        }
    };
    emit(outcome)
}

/// A command-line error (or the help and version clap answers with) in
/// Chinese: clap's own wording is English, so the message is built from
/// the error's kind and context; help text only needs clap's few words
/// replaced.
pub(crate) fn clap_error_zh(e: &clap::Error) -> String {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => return commands::scaffolding(&e.render().to_string()),
        K::DisplayHelpOnMissingArgumentOrSubcommand | K::MissingSubcommand => {
            return format!("错误：缺少子命令\n\n{}", commands::scaffolding(&e.render().to_string()))
        }
        _ => {}
    }
    let mut s = format!("错误：{}\n", clap_message_zh(e));
    if let Some(usage) = context(e, clap::error::ContextKind::Usage) {
        let usage = commands::scaffolding(usage.trim());
        s.push_str(&format!("\n{}\n", usage.trim()));
    }
    s.push_str("\n运行 tongbiao --help（或在子命令后加 --help）查看帮助\n");
    s
}

fn clap_message_zh(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let get = |k: C| context(e, k).unwrap_or_default();
    let arg = get(C::InvalidArg);
    let suggest = |k: C| match context(e, k) {
        Some(v) => format!("；是否想写“{v}”？"),
        None => String::new(),
    };
    match e.kind() {
        K::InvalidSubcommand => format!(
            "未知的子命令“{}”{}",
            get(C::InvalidSubcommand),
            suggest(C::SuggestedSubcommand)
        ),
        K::UnknownArgument => format!("未知的参数“{arg}”{}", suggest(C::SuggestedArg)),
        K::InvalidValue if get(C::InvalidValue).is_empty() => format!("参数 {arg} 缺少取值"),
        K::InvalidValue => {
            let valid = get(C::ValidValue);
            let valid = if valid.is_empty() {
                valid
            } else {
                format!("；可选值：{valid}")
            };
            format!(
                "参数 {arg} 的值“{}”无效{valid}{}",
                get(C::InvalidValue),
                suggest(C::SuggestedValue)
            )
        }
        // The value parser's own (Chinese) reason, when it gave one.
        K::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|r| format!("：{r}"))
                .unwrap_or_default();
            format!("参数 {arg} 的值“{}”无效{reason}", get(C::InvalidValue))
        }
        K::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        K::ArgumentConflict => format!("参数 {arg} 不能与 {} 同时使用", get(C::PriorArg)),
        K::TooManyValues => format!("参数 {arg} 不接受更多的值：多出“{}”", get(C::InvalidValue)),
        K::TooFewValues | K::WrongNumberOfValues => format!(
            "参数 {arg} 的值个数不对：需要 {} 个，给了 {} 个",
            get(C::ExpectedNumValues),
            get(C::ActualNumValues)
        ),
        K::NoEquals => format!("参数 {arg} 的值须用 = 连接，如 {arg}=值"),
        K::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => format!("命令行参数有误（{}）", e.kind()),
    }
}

/// One piece of an error's context as text (lists joined with 、).
fn context(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    match e.get(kind)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) => Some(v.join("、")),
        V::StyledStr(s) => Some(s.to_string()),
        V::StyledStrs(v) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join("、")),
        V::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Carry out an outcome's steps in order; a failed write stops the rest
/// and makes the run a failure.
pub(crate) fn emit(outcome: Outcome) -> i32 {
    for step in outcome.steps {
        match step {
            Step::Out(text) => print(&text),
            Step::Stream(stream) => {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                // A closed pipe (e.g. `| head`) is not an error worth a panic.
                let _ = stream.0(&mut out).and_then(|()| out.flush());
            }
            Step::Err(text) => eprint(&text),
            Step::RemoveStale(p) => {
                let regular = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_file());
                if let Err(e) = if regular { std::fs::remove_file(&p) } else { Ok(()) } {
                    eprint(&format!(
                        "注意：无法删除临时文件 {}：{}\n",
                        p.display(),
                        crate::text::os_error(&e)
                    ));
                }
            }
            Step::Write(w) => {
                if let Err(e) = write_file(&w.path, &w.contents, w.create_dirs) {
                    let e = crate::text::os_error(&e);
                    eprint(&format!("错误：无法写入 {}：{e}{}\n", w.path.display(), w.on_failure));
                    return 2;
                }
            }
            Step::Staged(s) => match staged::write(&s, staged::FailAt::Never) {
                Ok(done) => {
                    eprint(&crate::reports::terminal::safe(&done.notes));
                    eprint(&format!("已写入 {}：{} 个文件\n", s.root.display(), done.files));
                }
                Err(e) => {
                    eprint(&format!("错误：{}\n", crate::reports::terminal::safe(&e)));
                    return 2;
                }
            },
            Step::Publish(p) => match publish::publish(&p) {
                Ok(done) => {
                    if p.timings {
                        eprint(&done.timings);
                    }
                    eprint(&format!("已生成 {}：{} 个文件\n", p.dir.display(), done.pages));
                }
                Err(e) => {
                    eprint(&format!("错误：未能发布网站：{e}\n"));
                    return 2;
                }
            },
        }
    }
    match outcome.status {
        Status::Clean => 0,
        Status::Findings => 1,
        Status::Failed => 2,
    }
}

fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn eprint(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

/// Write `text` to `path` atomically: a temporary file in the same
/// directory, renamed into place, so a reader (or a crash) never sees half
/// a file. The directory must exist unless `create_dirs` says the command
/// lays out a new tree (import). A target that exists and is not a regular
/// file (a symlink, a FIFO, a device) is refused rather than replaced.
pub(crate) fn write_file(path: &Path, text: &str, create_dirs: bool) -> std::io::Result<()> {
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.file_type().is_file()) {
        return Err(std::io::Error::other("目标已存在且不是普通文件，拒绝覆盖"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if create_dirs {
        std::fs::create_dir_all(dir)?;
    } else if !dir.is_dir() {
        return Err(std::io::Error::other(format!("目录 {} 不存在", dir.display())));
    }
    // A replaced file keeps its mode; a new one gets the mode any new
    // file gets (0666 less the umask), not tempfile's private 0600.
    let mode = existing.map_or_else(new_file_mode, |m| Some(m.permissions()));
    let mut builder = tempfile::Builder::new();
    if let Some(mode) = mode {
        builder.permissions(mode);
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The mode of a newly created file (where modes exist).
#[cfg(unix)]
fn new_file_mode() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_mode() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_usual_mode_and_replaced_files_keep_theirs() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("new.json");
        write_file(&fresh, "{}", false).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode & 0o044, 0, "a new file readable only by its owner: {mode:o}");
        let kept = dir.path().join("kept.json");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&kept, "new", false).unwrap();
        assert_eq!(std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn writes_replace_regular_files_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.html");
        std::fs::write(&target, "old").unwrap();
        write_file(&target, "new", false).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.html"]);
    }

    #[test]
    fn a_missing_directory_is_an_error_unless_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/a.json");
        let e = write_file(&target, "{}", false).unwrap_err();
        assert!(e.to_string().contains("不存在"), "{e}");
        write_file(&target, "{}", true).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "{}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_target_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "keep").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(write_file(&link, "x", false).is_err());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_target_is_refused_and_left_alone() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.html");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let e = write_file(&fifo, "x", false).unwrap_err();
        assert!(e.to_string().contains("不是普通文件"), "{e}");
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        let dev = dir.path().join("null");
        let made = std::process::Command::new("mknod")
            .arg(&dev)
            .args(["c", "1", "3"])
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert!(write_file(&dev, "x", false).is_err());
            assert!(std::fs::symlink_metadata(&dev).unwrap().file_type().is_char_device());
        }
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(write_file(&sub, "x", false).is_err());
        assert!(sub.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_target_is_refused_and_nothing_is_created_behind_it() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("report.html");
        std::os::unix::fs::symlink(dir.path().join("elsewhere.html"), &link).unwrap();
        assert!(write_file(&link, "x", false).is_err());
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(!dir.path().join("elsewhere.html").exists());
    }
}
