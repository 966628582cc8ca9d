//! Publishing a static site atomically: render and write every page into a
//! sibling temporary directory of the target, then swap it in (the old site
//! renamed away, the new one renamed in, the old one removed). A reader
//! sees the old site or the new one, never half of one. A target that is
//! not a directory, or a directory that is neither empty nor a previous
//! site (it lacks the marker file), is refused and left alone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::commands::Publish;

/// What publishing did: pages written and where the time went.
pub(crate) struct Published {
    pub(crate) pages: usize,
    pub(crate) timings: String,
}

/// Publish the site; an `Err` is a Chinese message (the target is left as
/// it was, the temporary directory removed).
pub(crate) fn publish(p: &Publish) -> Result<Published, String> {
    let target = &p.dir;
    check_target(target, p.marker)?;
    let parent = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(format!("目录 {} 不存在", parent.display()));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .map_err(|e| {
            format!(
                "无法在 {} 中创建临时目录：{}",
                parent.display(),
                crate::text::os_error(&e)
            )
        })?;
    let start = Instant::now();
    let cpu_start = process_cpu();
    for d in &p.dirs {
        std::fs::create_dir_all(tmp.path().join(d))
            .map_err(|e| format!("无法创建目录 {d}：{}", crate::text::os_error(&e)))?;
    }
    let (render_ns, write_ns, files) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    (0..p.count).into_par_iter().try_for_each(|i| {
        let t = Instant::now();
        let unit = (p.page)(i);
        let t2 = Instant::now();
        render_ns.fetch_add(nanos(t2 - t), Ordering::Relaxed);
        files.fetch_add(unit.len() as u64, Ordering::Relaxed);
        let r = unit.into_iter().try_for_each(|(rel, bytes)| {
            std::fs::write(tmp.path().join(&rel), bytes)
                .map_err(|e| format!("无法写入 {rel}：{}", crate::text::os_error(&e)))
        });
        write_ns.fetch_add(nanos(t2.elapsed()), Ordering::Relaxed);
        r
    })?;
    let files = usize::try_from(files.load(Ordering::Relaxed)).unwrap_or(usize::MAX);
    let built = start.elapsed();
    let cpu_built = process_cpu();
    let t = Instant::now();
    swap(tmp, target, &parent, &name)?;
    let cpu = |a: Option<(f64, f64)>, b: Option<(f64, f64)>| match (a, b) {
        (Some((u0, s0)), Some((u1, s1))) => format!("，进程 CPU {:.2} + {:.2} 秒（用户 + 内核）", u1 - u0, s1 - s0),
        _ => String::new(),
    };
    let before = cpu_start.map_or(String::new(), |(u, s)| {
        format!("此前（检查目录、建立索引）进程 CPU {u:.2} + {s:.2} 秒（用户 + 内核）；")
    });
    let timings = format!(
        "{before}生成 {files} 个文件：渲染与写入 {:.2} 秒{}（各线程合计：渲染 {:.2} 秒，写入 {:.2} 秒），替换旧网站 {:.2} 秒{}\n",
        built.as_secs_f64(),
        cpu(cpu_start, cpu_built),
        render_ns.load(Ordering::Relaxed) as f64 / 1e9,
        write_ns.load(Ordering::Relaxed) as f64 / 1e9,
        t.elapsed().as_secs_f64(),
        cpu(cpu_built, process_cpu()),
    );
    Ok(Published { pages: files, timings })
}

/// This process's CPU time so far, user and system, in seconds (Linux:
/// `/proc/self/stat`, in clock ticks of 1/100 s, the kernel's USER_HZ);
/// `None` elsewhere. For `--timings`: the CPU time of a phase does not
/// depend on how loaded the machine is, its wall time does.
fn process_cpu() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces): state is
    // field 3, utime field 14, stime field 15.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut f = rest.split_whitespace().skip(11);
    let user: f64 = f.next()?.parse().ok()?;
    let system: f64 = f.next()?.parse().ok()?;
    Some((user / 100.0, system / 100.0))
}

fn nanos(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// The target may be absent, an empty directory, or a previous site (a
/// directory holding the marker file); anything else is refused.
fn check_target(target: &Path, marker: &str) -> Result<(), String> {
    let meta = match std::fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("无法读取 {}：{}", target.display(), crate::text::os_error(&e))),
    };
    if !meta.file_type().is_dir() {
        return Err(format!(
            "{} 已存在且不是目录（可能是文件或符号链接），拒绝替换",
            target.display()
        ));
    }
    let marked = std::fs::symlink_metadata(target.join(marker)).is_ok_and(|m| m.is_file());
    let empty = std::fs::read_dir(target)
        .map_err(|e| crate::text::os_error(&e))?
        .next()
        .is_none();
    if marked || empty {
        return Ok(());
    }
    Err(format!(
        "{} 已存在，但不是 tongbiao 生成的网站（其中没有 {marker}），拒绝替换；请换一个输出目录或先自行移走它",
        target.display()
    ))
}

/// Rename the old site away, the new one in, then remove the old one.
fn swap(tmp: tempfile::TempDir, target: &Path, parent: &Path, name: &str) -> Result<(), String> {
    let old = if target.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(parent)
            .map_err(|e| format!("无法创建临时目录：{}", crate::text::os_error(&e)))?;
        // The placeholder is replaced by the old site.
        let path = old.keep();
        std::fs::remove_dir(&path).map_err(|e| crate::text::os_error(&e))?;
        std::fs::rename(target, &path)
            .map_err(|e| format!("无法移走旧网站 {}：{}", target.display(), crate::text::os_error(&e)))?;
        Some(path)
    } else {
        None
    };
    let new = tmp.keep();
    if let Err(e) = std::fs::rename(&new, target) {
        // Put the old site back; the new one stays for inspection.
        if let Some(old) = &old {
            let _ = std::fs::rename(old, target);
        }
        return Err(format!(
            "无法把新网站改名为 {}：{}（新网站留在 {}）",
            target.display(),
            crate::text::os_error(&e),
            new.display()
        ));
    }
    if let Some(old) = old {
        remove_parallel(&old);
        std::fs::remove_dir_all(&old).map_err(|e| {
            format!(
                "新网站已就位，但无法删除旧网站 {}：{}",
                old.display(),
                crate::text::os_error(&e)
            )
        })?;
    }
    Ok(())
}

/// Remove the old site's subdirectories two levels down (guide/<区划>/,
/// …) on every core: a site holds up to 100,000s of files, and removing
/// them is file-system work in the kernel. Errors are left for the final
/// `remove_dir_all`, which reports them.
fn remove_parallel(old: &Path) {
    let subdirs = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .map(|r| {
                r.filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut leaves = Vec::new();
    for d in subdirs(old) {
        let below = subdirs(&d);
        if below.is_empty() {
            leaves.push(d);
        } else {
            leaves.extend(below);
        }
    }
    leaves.par_iter().for_each(|d| {
        let _ = std::fs::remove_dir_all(d);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, pages: &[(&'static str, &'static str)]) -> Publish {
        let pages: Vec<(String, Vec<u8>)> = pages
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect();
        Publish {
            dir: dir.to_path_buf(),
            marker: ".site",
            dirs: vec!["a".into()],
            count: pages.len(),
            page: Box::new(move |i| vec![pages[i].clone()]),
            timings: false,
        }
    }

    #[test]
    fn a_previous_site_is_replaced_and_nothing_is_left_beside_it() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("site");
        publish(&site(&dir, &[(".site", ""), ("a/x.html", "one"), ("old.html", "old")])).unwrap();
        publish(&site(&dir, &[(".site", ""), ("a/x.html", "two")])).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("a/x.html")).unwrap(), "two");
        assert!(!dir.join("old.html").exists());
        let names: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
    }

    #[test]
    fn a_directory_that_is_not_a_site_is_refused_and_kept() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("docs");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let e = publish(&site(&dir, &[(".site", "")])).err().unwrap();
        assert!(e.contains("不是 tongbiao 生成的网站"), "{e}");
        assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
        let file = root.path().join("file");
        std::fs::write(&file, "keep").unwrap();
        assert!(publish(&site(&file, &[(".site", "")])).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 2);
    }
}
