//! `tongbiao fmt` and `tongbiao new` write files, so they run on temporary
//! copies of the CLI fixtures (tests/cases/defects, tests/cases/clean).

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

mod common;
use common::copy_dir;

use std::path::Path;

use assert_cmd::Command;

fn fixture(case: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(case)
        .join("catalog")
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap()
}

#[test]
fn fmt_rewrites_what_parses_keeps_values_and_leaves_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("defects"), &dir.path().join("catalog"));
    let local = dir.path().join("catalog/local/630100/630101001000.json");
    let before = json(&local);
    let broken = std::fs::read(dir.path().join("catalog/bundles/notjson.json")).unwrap();

    let (code, out, err) = run(dir.path(), &["fmt"]);
    // Files that do not parse are reported, so the run is not clean.
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("改写 14 个"), "{out}");
    assert!(err.contains("catalog/bundles/notjson.json:4:1："), "{err}");
    assert_eq!(json(&local), before);
    assert_eq!(
        std::fs::read(dir.path().join("catalog/bundles/notjson.json")).unwrap(),
        broken
    );
    let bom = std::fs::read(dir.path().join("catalog/bundles/bom.json")).unwrap();
    assert!(!bom.starts_with(b"\xef\xbb\xbf"));

    // Idempotent: a second run changes nothing, and --check agrees.
    let (_, out, _) = run(dir.path(), &["fmt"]);
    assert!(out.contains("改写 0 个"), "{out}");
    let (_, out, _) = run(dir.path(), &["fmt", "--check", "catalog"]);
    assert!(out.contains("0 个不是规范格式"), "{out}");
    // No temporary file is left beside the rewritten ones.
    assert_eq!(std::fs::read_dir(local.parent().unwrap()).unwrap().count(), 1);
}

#[test]
fn new_files_are_canonical_placeholders_that_lint_reports() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), &dir.path().join("catalog"));
    let day = ["--today", "2026-11-30"];
    for args in [
        &["new", "item", "630101002000"][..],
        &["new", "local", "630102", "630101001000"],
        &["new", "bundle", "kaiye-test"],
    ] {
        let (code, out, err) = run(dir.path(), &[args, &day].concat());
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.starts_with("已新建 catalog/"), "{out}");
    }
    let item = std::fs::read_to_string(dir.path().join("catalog/items/630101002000.json")).unwrap();
    insta::assert_snapshot!("new_item", item);
    let local = std::fs::read_to_string(dir.path().join("catalog/local/630102/630101001000.json")).unwrap();
    insta::assert_snapshot!("new_local", local);

    let (code, out, _) = run(dir.path(), &["fmt", "--check"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(dir.path(), &["lint", "catalog", "--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let placeholders: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "vague-placeholder")
        .map(|f| format!("{}{}", f["file"].as_str().unwrap(), f["pointer"].as_str().unwrap()))
        .collect();
    for want in [
        "catalog/items/630101002000.json/conditions/0",
        "catalog/local/630102/630101001000.json/visit_reason",
        "catalog/bundles/kaiye-test.json/window",
    ] {
        assert!(placeholders.iter().any(|p| p == want), "{want} not in {placeholders:?}");
    }

    // An existing file is never overwritten.
    let (code, _, err) = run(dir.path(), &["new", "item", "630101002000"]);
    assert_eq!(code, 2);
    assert!(err.contains("已存在，未覆盖"), "{err}");
}
