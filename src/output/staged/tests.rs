use std::collections::BTreeMap;

use super::*;

/// Every entry under `dir` (directories as `None`), and the names beside
/// it, so a test sees a stray staging directory too.
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let parent = dir.parent().unwrap();
    walkdir::WalkDir::new(parent)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e.path().strip_prefix(parent).unwrap().to_string_lossy().into_owned();
            let bytes = e.file_type().is_file().then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect()
}

/// A catalog with two registries, an item and a local file.
fn old_catalog() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("gd");
    for (rel, text) in [
        ("catalog.json", "old catalog"),
        ("materials.json", "old materials"),
        ("items/A.json", "old item"),
        ("local/440100/A.json", "old local"),
    ] {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    (tmp, root)
}

/// An import that replaces three files and adds three (one in a new
/// directory), registries first.
fn import(root: &Path) -> Staged {
    let files = [
        ("materials.json", "new materials"),
        ("agencies/440300.json", "new agencies"),
        ("items/A.json", "new item"),
        ("items/B.json", "new item B"),
        ("local/440100/A.json", "new local"),
        ("local/440300/B.json", "new local B"),
    ];
    Staged {
        root: root.to_path_buf(),
        files: files.iter().map(|(r, t)| (PathBuf::from(r), t.to_string())).collect(),
    }
}

#[test]
fn a_complete_write_puts_every_file_in_place_and_leaves_no_staging() {
    let (_tmp, root) = old_catalog();
    let s = import(&root);
    let done = write(&s, FailAt::Never).unwrap();
    assert_eq!(done.files, 6);
    for (rel, text) in &s.files {
        assert_eq!(&std::fs::read_to_string(root.join(rel)).unwrap(), text);
    }
    assert_eq!(
        std::fs::read_to_string(root.join("catalog.json")).unwrap(),
        "old catalog"
    );
    let names: Vec<_> = std::fs::read_dir(root.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["gd"], "only the catalog beside it");
}

#[test]
fn a_failure_while_staging_leaves_the_old_catalog_untouched() {
    let (_tmp, root) = old_catalog();
    let before = snapshot(&root);
    for n in 0..6 {
        let e = write(&import(&root), FailAt::Staging(n)).unwrap_err();
        assert!(e.contains("测试注入") && e.contains("目录未改动"), "{e}");
        assert_eq!(snapshot(&root), before, "after a failure at file {n}");
    }
}

#[test]
fn a_failure_while_moving_puts_every_replaced_file_back() {
    let (_tmp, root) = old_catalog();
    let before = snapshot(&root);
    for n in 0..6 {
        let e = write(&import(&root), FailAt::Moving(n)).unwrap_err();
        assert!(e.contains(&format!("已撤销已移入的 {n} 个文件")), "{e}");
        assert_eq!(snapshot(&root), before, "after a failure at file {n}");
    }
}

#[test]
fn a_run_killed_while_moving_is_rolled_back_by_the_next_run_and_reported() {
    let (_tmp, root) = old_catalog();
    let before = snapshot(&root);
    write(&import(&root), FailAt::Killed(4)).unwrap_err();
    // Killed after four moves: registries and items are new, locals old.
    assert_eq!(std::fs::read_to_string(root.join("items/A.json")).unwrap(), "new item");
    assert_eq!(
        std::fs::read_to_string(root.join("local/440100/A.json")).unwrap(),
        "old local"
    );
    // The next run (here an import of one file that fails while staging,
    // so only the recovery shows) puts the old catalog back and says so.
    let one = Staged {
        root: root.clone(),
        files: vec![(PathBuf::from("materials.json"), "x".into())],
    };
    let notes = remove_stale(root.parent().unwrap(), "gd");
    assert!(notes.contains("已恢复为导入前的内容（撤销 4 个文件）"), "{notes}");
    assert_eq!(snapshot(&root), before);
    write(&one, FailAt::Never).unwrap();
    assert_eq!(std::fs::read_to_string(root.join("materials.json")).unwrap(), "x");
}

#[test]
fn a_staging_directory_of_a_run_killed_before_moving_is_removed_and_reported() {
    let (_tmp, root) = old_catalog();
    let stale = root.parent().unwrap().join(".gd.import-AbC123");
    std::fs::create_dir_all(stale.join("items")).unwrap();
    std::fs::write(stale.join("items/A.json"), "half").unwrap();
    let before = snapshot(&root);
    let done = write(&import(&root), FailAt::Never).unwrap();
    assert!(
        done.notes.contains(".gd.import-AbC123") && done.notes.contains("未改动目录"),
        "{}",
        done.notes
    );
    assert!(!stale.exists());
    assert_ne!(snapshot(&root), before);
}

#[cfg(unix)]
#[test]
fn a_target_that_is_not_a_regular_file_is_refused_before_anything_is_written() {
    let (_tmp, root) = old_catalog();
    std::os::unix::fs::symlink(root.join("catalog.json"), root.join("items/B.json")).unwrap();
    let before = snapshot(&root);
    let e = write(&import(&root), FailAt::Never).unwrap_err();
    assert!(e.contains("items/B.json") && e.contains("不是普通文件"), "{e}");
    assert_eq!(snapshot(&root), before);
}

#[cfg(unix)]
#[test]
fn replaced_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_tmp, root) = old_catalog();
    let item = root.join("items/A.json");
    std::fs::set_permissions(&item, std::fs::Permissions::from_mode(0o640)).unwrap();
    write(&import(&root), FailAt::Never).unwrap();
    assert_eq!(std::fs::metadata(&item).unwrap().permissions().mode() & 0o777, 0o640);
}
