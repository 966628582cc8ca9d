//! `tongbiao import` when the run cannot happen: a broken mapping file is
//! reported with code frames at its line and column (stdout), then one
//! line on stderr, exit 2, and nothing is written.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

use std::path::Path;

use assert_cmd::Command;

#[test]
fn a_broken_mapping_file_is_shown_where_it_is_wrong() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let mapping = tmp.path().join("mapping.json");
    std::fs::write(
        &mapping,
        "{\n  \"feilds\": {},\n  \"fields\": {\"x\": \"nonsense\"},\n  \"units\": {\"天\": \"日\"}\n}\n",
    )
    .unwrap();
    let out_dir = tmp.path().join("out");
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .arg("import")
        .arg(root.join("tests/import/export.csv"))
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(&out_dir)
        .arg("--registry")
        .arg(root.join("tests/import/registry"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert_eq!(stderr, "错误：映射文件有误\n");
    let file = mapping.display().to_string();
    for place in [":2:3]", ":3:19]", ":4:18]"] {
        assert!(
            stdout.contains(&format!("{file}{place}")),
            "{place} missing in:\n{stdout}"
        );
    }
    assert!(stdout.contains("是否想写“fields”"), "{stdout}");
    assert!(!out_dir.exists(), "nothing is written");
}
