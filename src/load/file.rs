//! Opening one file of the catalog or of `rules/` safely. Policy:
//! - only regular files are read: a FIFO, a device, a socket or a
//!   directory where a data file is expected is refused with a reason (a
//!   finding at that path), never opened, so nothing blocks or streams
//!   endlessly (`/dev/zero`);
//! - a symbolic link is followed only when it resolves to a regular file
//!   inside the directory being read (the catalog, or `rules/`); a link
//!   leading outside, a dangling link and a loop are refused with a reason;
//! - a file larger than the limit is refused before it is read.
//!
//! The file is opened non-blocking and checked again once open, so a FIFO
//! swapped in after the first check cannot block the run either.

use std::io::Read as _;
use std::path::Path;

/// Files larger than this are not read (a catalog file is kilobytes; the
/// largest registry well under a megabyte).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

// Findings and line indexes keep byte offsets as u32 (`diag::Range`,
// `source::SourceFile`): the size limit is what makes that safe.
const _: () = assert!(MAX_FILE_BYTES <= u32::MAX as u64);

/// The bytes of the file at `path`, under `root` (where links may lead),
/// or why it is not read (Chinese).
pub fn read_regular(root: Option<&Path>, path: &Path) -> Result<Vec<u8>, String> {
    let link = std::fs::symlink_metadata(path).map_err(|e| crate::text::os_error(&e))?;
    if link.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)
            .map_err(|e| format!("符号链接无效（目标不存在或链接成环）：{}", crate::text::os_error(&e)))?;
        let inside = root
            .and_then(|r| std::fs::canonicalize(r).ok())
            .is_some_and(|r| target.starts_with(r));
        if !inside {
            return Err(format!(
                "符号链接指向目录之外的 {}，不跟随（只跟随指向目录之内普通文件的链接）",
                target.display()
            ));
        }
    }
    // The link's target was checked above; a plain entry is checked by
    // its own kind (no second stat of the path: issue 14).
    let meta = match link.file_type().is_symlink() {
        true => std::fs::metadata(path).map_err(|e| crate::text::os_error(&e))?,
        false => link,
    };
    kind_ok(&meta)?;
    read_open(path)
}

/// Open `path` non-blocking, check what was opened, read it. Called
/// directly for a file the directory walk saw as a regular file, not a
/// link (`load::Listed`): no stat of its path first (one fewer system call
/// per file: issue 14); the check once open refuses a FIFO or device
/// swapped in since the walk.
pub(crate) fn read_open(path: &Path) -> Result<Vec<u8>, String> {
    let file = open_nonblocking(path).map_err(|e| crate::text::os_error(&e))?;
    let meta = file.metadata().map_err(|e| crate::text::os_error(&e))?;
    kind_ok(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::text::os_error(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A regular file within the size limit, or why not.
fn kind_ok(meta: &std::fs::Metadata) -> Result<(), String> {
    let t = meta.file_type();
    if t.is_dir() {
        return Err("是目录（或指向目录的链接），不是数据文件".into());
    }
    if !t.is_file() {
        return Err("不是普通文件（是 FIFO、设备或套接字），不读取".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    Ok(())
}

fn too_large(len: u64) -> String {
    format!("文件过大（{len} 字节，上限 {MAX_FILE_BYTES} 字节），不读取")
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK: opening a FIFO with no writer returns at once.
    std::fs::OpenOptions::new().read(true).custom_flags(0o4000).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn a_link_inside_the_directory_is_followed_and_one_outside_refused() {
        let d = tempfile::tempdir().unwrap();
        let (root, outside) = (d.path().join("catalog"), d.path().join("secret.json"));
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("a.json"), "{}").unwrap();
        std::fs::write(&outside, "{}").unwrap();
        symlink(root.join("a.json"), root.join("b.json")).unwrap();
        symlink(&outside, root.join("c.json")).unwrap();
        assert_eq!(read_regular(Some(&root), &root.join("b.json")).unwrap(), b"{}");
        let e = read_regular(Some(&root), &root.join("c.json")).unwrap_err();
        assert!(e.contains("目录之外"), "{e}");
    }

    #[test]
    fn dangling_and_looping_links_fifos_devices_and_directories_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        symlink(root.join("nowhere.json"), root.join("dangling.json")).unwrap();
        symlink(root.join("loop.json"), root.join("loop.json")).unwrap();
        symlink("/dev/zero", root.join("zero.json")).unwrap();
        std::fs::create_dir(root.join("dir.json")).unwrap();
        let fifo = root.join("fifo.json");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        for (name, why) in [
            ("dangling.json", "无效"),
            ("loop.json", "无效"),
            ("zero.json", "目录之外"),
            ("dir.json", "是目录"),
            ("fifo.json", "不是普通文件"),
        ] {
            let e = read_regular(Some(root), &root.join(name)).unwrap_err();
            assert!(e.contains(why), "{name}: {e}");
        }
        let e = read_regular(None, Path::new("/dev/zero")).unwrap_err();
        assert!(e.contains("不是普通文件"), "{e}");
    }

    #[test]
    fn the_walk_lists_special_files_so_reading_refuses_them_by_name() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir(root.join("items")).unwrap();
        std::fs::write(root.join("items/a.json"), "{}").unwrap();
        assert!(std::process::Command::new("mkfifo")
            .arg(root.join("items/b.json"))
            .status()
            .unwrap()
            .success());
        symlink("nowhere", root.join("items/c.json")).unwrap();
        let files = crate::load::read_tree(root).unwrap();
        let got: Vec<(&str, bool)> = files.iter().map(|f| (f.path.as_str(), f.bytes.is_ok())).collect();
        assert_eq!(
            got,
            [("items/a.json", true), ("items/b.json", false), ("items/c.json", false)]
        );
    }
}
