//! `tongbiao lint --base REV` on fixture git repositories built here (the
//! uniformity case's catalog committed, then a change in the work tree):
//! on the affected files it agrees with a full lint restricted to them.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

mod common;
use common::{copy_dir, git};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn edit(file: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(file, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Repo {
    /// The uniformity case's catalog, committed and tagged `base`.
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        git(&dir, &["init", "-q"]);
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/uniformity/catalog"),
            &dir.join("catalog"),
        );
        git(&dir, &["add", "-A"]);
        git(&dir, &["commit", "-qm", "base"]);
        git(&dir, &["tag", "base"]);
        Repo { _tmp: tmp, dir }
    }

    fn file(&self, rel: &str) -> PathBuf {
        self.dir.join("catalog").join(rel)
    }

    /// Exit code, standard output and standard error of `tongbiao lint ARGS`.
    fn lint(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::cargo_bin("tongbiao")
            .unwrap()
            .current_dir(&self.dir)
            .arg("lint")
            .args(args)
            .args(["--format", "json", "--today", "2026-12-01"])
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn findings(&self, args: &[&str]) -> Vec<Value> {
        let (code, out, err) = self.lint(args);
        assert!(code == 0 || code == 1, "{args:?}: {code} {err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        v["findings"].as_array().unwrap().clone()
    }

    /// `lint --base base` and a full lint of `affected`, which must agree;
    /// then the change is committed and `lint --base base --head HEAD`
    /// (the commit mode, read from the object store) must agree too, also
    /// after a further edit of the work tree, which it does not see.
    fn agree(&self, affected: &[String]) -> Vec<Value> {
        let since = self.findings(&["catalog", "--base", "base"]);
        let paths: Vec<String> = affected.iter().map(|p| format!("catalog/{p}")).collect();
        let mut args: Vec<&str> = paths.iter().map(String::as_str).collect();
        args.push("--color");
        args.push("never");
        let full = self.findings(&args);
        assert_eq!(since, full);
        git(&self.dir, &["add", "-A"]);
        git(&self.dir, &["commit", "-qm", "change"]);
        let committed = ["catalog", "--base", "base", "--head", "HEAD"];
        let (code, _, err) = self.lint(&committed);
        assert!(err.contains("--base base --head HEAD："), "{code} {err}");
        assert_eq!(self.findings(&committed), full);
        edit(&self.file("items/630101002000.json"), |v| {
            v["statutory_deadline"]["value"] = 1.into();
        });
        std::fs::remove_file(self.file("local/630102/630101001000.json")).unwrap();
        assert_eq!(self.findings(&committed), full);
        since
    }
}

const REGIONS: [&str; 7] = ["630102", "630103", "630104", "630105", "630106", "630121", "630123"];

/// The item's group: its base file and every region's local file.
fn group(code: &str) -> Vec<String> {
    let mut g = vec![format!("items/{code}.json")];
    g.extend(REGIONS.iter().map(|r| format!("local/{r}/{code}.json")));
    g
}

fn files_and_rules(found: &[Value]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_changed_local_file_reports_its_group_as_a_full_lint_does() {
    let repo = Repo::new();
    edit(&repo.file("local/630105/630101001000.json"), |v| {
        v["promised_deadline"]["value"] = 18.into();
    });
    let found = repo.agree(&group("630101001000"));
    let hits = files_and_rules(&found);
    // The changed file became an outlier; an unchanged one of the same item
    // is still one (its distribution changed with the edit).
    for f in ["local/630105/630101001000.json", "local/630102/630101001000.json"] {
        assert!(
            hits.contains(&(format!("catalog/{f}"), "spread-outlier".into())),
            "{hits:?}"
        );
    }
    assert!(hits.iter().all(|(f, _)| f.contains("630101001000")), "{hits:?}");
}

#[test]
fn a_changed_base_item_reports_its_regions() {
    let repo = Repo::new();
    edit(&repo.file("items/630101001000.json"), |v| {
        v["statutory_deadline"]["value"] = 4.into();
    });
    let found = repo.agree(&group("630101001000"));
    let locals: Vec<String> = files_and_rules(&found)
        .into_iter()
        .filter(|(f, r)| f.starts_with("catalog/local/") && r == "promised-deadline")
        .map(|(f, _)| f)
        .collect();
    assert!(locals.len() >= 2, "{found:?}");
}

#[test]
fn an_unchanged_tree_reports_nothing() {
    let repo = Repo::new();
    let (code, out, err) = repo.lint(&["catalog", "--base", "base"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"], Value::Array(vec![]));
    assert!(err.contains("0 个文件有变更"), "{err}");
}

#[test]
fn a_deleted_local_file_reports_its_item() {
    let repo = Repo::new();
    std::fs::remove_file(repo.file("local/630104/630101002000.json")).unwrap();
    let mut g = group("630101002000");
    g.retain(|p| p != "local/630104/630101002000.json");
    repo.agree(&g);
}

#[test]
fn a_changed_registry_lints_everything() {
    let repo = Repo::new();
    edit(&repo.file("materials.json"), |v| {
        v["materials"][0]["name"] = "申请书（新）".into();
    });
    let (code, _, err) = repo.lint(&["catalog", "--base", "base"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        err.contains("登记表 materials.json 有变更，已检查并报告整个目录"),
        "{err}"
    );
    assert_eq!(
        repo.findings(&["catalog", "--base", "base"]),
        repo.findings(&["catalog"])
    );
}

#[test]
fn a_bad_revision_is_named() {
    let repo = Repo::new();
    let (code, _, err) = repo.lint(&["catalog", "--base", "no-such-rev"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-rev") && err.contains("找不到修订版本"), "{err}");
}

#[test]
fn a_baseline_suppresses_and_reports_no_stale_entries_for_unread_files() {
    let repo = Repo::new();
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(&repo.dir)
        .args(["baseline", "catalog", "--out", "b.json", "--today", "2026-12-01"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    edit(&repo.file("local/630105/630101001000.json"), |v| {
        v["promised_deadline"]["value"] = 18.into();
    });
    let found = repo.findings(&["catalog", "--base", "base", "--baseline", "b.json"]);
    let hits = files_and_rules(&found);
    // The new outlier is reported; what the baseline holds is not, and the
    // entries of files this run did not read are not called stale.
    assert!(
        hits.contains(&("catalog/local/630105/630101001000.json".into(), "spread-outlier".into())),
        "{hits:?}"
    );
    assert!(hits.iter().all(|(_, r)| r != "baseline-stale"), "{hits:?}");
}

#[test]
fn the_commit_mode_reads_rules_at_the_head_commit() {
    let repo = Repo::new();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    copy_dir(&rules, &repo.dir.join("rules"));
    git(&repo.dir, &["add", "-A"]);
    git(&repo.dir, &["commit", "-qm", "rules"]);
    let rules_json = repo.dir.join("rules/rules.json");
    edit(&rules_json, |v| {
        v["severity"]["spread-outlier"] = "off".into();
    });
    git(&repo.dir, &["commit", "-qam", "rules changed"]);
    let (code, _, err) = repo.lint(&["catalog", "--base", "base", "--head", "HEAD"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        err.contains("规则配置") && err.contains("已检查并报告整个目录"),
        "{err}"
    );
    let full = repo.findings(&["catalog"]);
    assert_eq!(repo.findings(&["catalog", "--base", "base", "--head", "HEAD"]), full);
    // The work tree's rules/ is not what the commit mode reads.
    std::fs::write(&rules_json, "{ broken").unwrap();
    assert_eq!(repo.findings(&["catalog", "--base", "base", "--head", "HEAD"]), full);
}

#[test]
fn the_commit_mode_names_a_missing_head_or_catalog() {
    let repo = Repo::new();
    let (code, _, err) = repo.lint(&["catalog", "--base", "base", "--head", "no-such-head"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-head") && err.contains("找不到修订版本"), "{err}");
    git(&repo.dir, &["rm", "-rqf", "catalog"]);
    git(&repo.dir, &["commit", "-qm", "catalog removed"]);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/uniformity/catalog"),
        &repo.dir.join("catalog"),
    );
    let (code, _, err) = repo.lint(&["catalog", "--base", "base", "--head", "HEAD"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("修订版本 HEAD 中没有目录 catalog"), "{err}");
}

#[test]
fn the_commit_mode_with_the_catalog_absent_at_the_base_lints_everything() {
    let repo = Repo::new();
    git(&repo.dir, &["checkout", "-q", "--orphan", "fresh"]);
    git(&repo.dir, &["rm", "-rqf", "--cached", "catalog"]);
    std::fs::write(repo.dir.join("README"), "x\n").unwrap();
    git(&repo.dir, &["add", "README"]);
    git(&repo.dir, &["commit", "-qm", "no catalog"]);
    git(&repo.dir, &["tag", "empty"]);
    git(&repo.dir, &["checkout", "-qf", "base"]);
    let (code, _, err) = repo.lint(&["catalog", "--base", "empty", "--head", "HEAD"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(err.contains("登记表") && err.contains("已检查并报告整个目录"), "{err}");
    assert_eq!(
        repo.findings(&["catalog", "--base", "empty", "--head", "HEAD"]),
        repo.findings(&["catalog"])
    );
}
