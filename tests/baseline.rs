//! `tongbiao baseline` then `tongbiao lint --baseline` on a copy of the
//! defects fixture (tests/cases/defects/, over a hundred findings): the
//! gate stays green after unrelated edits that shift lines, turns red on a
//! new finding, and reports a fixed finding's entry as baseline-stale.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;
use common::copy_dir;

use std::path::{Path, PathBuf};

use serde_json::Value;

const ITEM: &str = "catalog/items/630101001000.json";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/defects/catalog")
}

fn tongbiao(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::tongbiao(dir, args)
}

/// `lint --baseline` as JSON: exit code, (rule, file) of each error and
/// warning, and the summary's baseline count. (Infos about rules/ itself,
/// the lexicon entries this catalog does not use, are not held by a
/// baseline and fail nothing.)
fn gate(dir: &Path) -> (i32, Vec<(String, String)>, u64) {
    let (code, stdout, stderr) = tongbiao(
        dir,
        &[
            "lint",
            "catalog",
            "--baseline",
            "tongbiao-baseline.json",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    let found = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (code, found, v["summary"]["baseline"].as_u64().unwrap())
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_baseline_lets_only_what_gets_worse_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(&fixture(), &root.join("catalog"));
    // Layout is fixed by `tongbiao fmt`, never carried in a baseline.
    let (_, fmt_out, fmt_err) = tongbiao(root, &["fmt", "catalog"]);
    assert!(fmt_out.contains("已改写"), "{fmt_out}{fmt_err}");

    // Without a baseline the legacy catalog fails.
    assert_eq!(tongbiao(root, &["lint", "catalog"]).0, 1);

    // Written beside the catalog, deterministic.
    let (code, stdout, stderr) = tongbiao(root, &["baseline"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("已写入基线 tongbiao-baseline.json："), "{stdout}");
    let file = root.join("tongbiao-baseline.json");
    let first = std::fs::read_to_string(&file).unwrap();
    tongbiao(root, &["baseline"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    let held = serde_json::from_str::<Value>(&first).unwrap()["findings"]
        .as_array()
        .unwrap()
        .len();
    assert!(held > 20, "{first}");

    // Green, with every finding counted as held.
    let (code, found, n) = gate(root);
    assert_eq!((code, found.len(), n), (0, 0, held as u64), "{found:?}");
    let (_, stdout, _) = tongbiao(root, &["lint", "catalog", "--baseline", "tongbiao-baseline.json"]);
    assert!(stdout.contains(&format!("基线中已有 {held} 条未列出")), "{stdout}");

    // Unrelated edits: lines shift above every finding of the item.
    edit(root, ITEM, "{\n", "{\n\n\n\n");
    edit(root, ITEM, "\"levels\": [", "\"levels\":\n    [");
    let (code, found, _) = gate(root);
    // Only the new layout is reported (a warning: exit 0); every held
    // finding stays held.
    let layout = vec![("format-canonical".to_string(), ITEM.to_string())];
    assert_eq!((code, found), (0, layout.clone()));

    // A new finding: red, and only it is reported.
    edit(
        root,
        ITEM,
        "\"conditions\": [",
        "\"conditions\": [\"原则上不受理委托办理\", ",
    );
    let (code, found, _) = gate(root);
    assert_eq!(code, 1);
    assert!(found.iter().all(|(r, _)| r != "baseline-stale"), "{found:?}");
    assert!(
        found.iter().any(|(r, f)| r == "vague-discretion" && f == ITEM),
        "{found:?}"
    );
    edit(root, ITEM, "\"原则上不受理委托办理\", ", "");
    assert_eq!(gate(root).0, 0);

    // A fixed finding: its entry is stale (a warning, at the baseline file).
    // (The typo 'sampel' was an unknown-field error in the baseline.)
    edit(root, "catalog/items/632001004000.json", "\"sampel\"", "\"sample\"");
    let (code, found, _) = gate(root);
    assert_eq!(code, 0);
    // (The layout warning of the unrelated edit above is still there.)
    let mut expected = vec![("baseline-stale".to_string(), "tongbiao-baseline.json".to_string())];
    expected.extend(layout);
    assert_eq!(found, expected);
}

#[test]
fn a_missing_or_malformed_baseline_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(&fixture(), &root.join("catalog"));
    let (code, _, stderr) = tongbiao(root, &["lint", "catalog", "--baseline", "nope.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("无法读取基线文件 nope.json：文件不存在"), "{stderr}");
    std::fs::write(root.join("b.json"), "{\"version\": 1, \"entries\": []}").unwrap();
    let (code, _, stderr) = tongbiao(root, &["lint", "catalog", "--baseline", "b.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("基线文件 b.json 无法使用：第 1 行"), "{stderr}");
}
