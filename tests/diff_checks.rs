//! `tongbiao diff` and `lint --base` on the diff fixture (`diff_fixture`):
//! exemptions on the diff rules, bad input (a shallow clone, a non-UTF-8
//! blob, the catalog absent at a revision), and `lint --base` agreeing with
//! a full lint on every fixture commit.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;
mod diff_fixture;
use common::git;
use diff_fixture::*;

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn exemptions_apply_to_the_diff_rules() {
    let r = fixture();
    let local = r.cat().join("local/630102/630101001000.json");
    raw_edit(&local, |v| v["windows"][0]["hours"] = "工作日 9:00-17:00".into());
    let l = "local/630102/630101001000.json".to_string();
    let v = r.json("HEAD", "catalog");
    assert_eq!(findings(&v), vec![("version-not-bumped".into(), l.clone())], "{v:#}");
    let rules = r.dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("exemptions.json"),
        r#"{"exemptions": [{"item": "630101001000", "region": "630102", "pointer": "/version", "rule": "version-not-bumped", "reason": "测试", "basis": "测试依据", "approver": "测试处", "expires": "2099-12-31"}]}"#,
    )
    .unwrap();
    let (code, text) = r.diff(&["HEAD", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(findings(&v).is_empty(), "{v:#}");
    // Expired: it exempts nothing.
    let (code, text) = r.diff(&["HEAD", "--format", "json", "--today", "2100-01-01"]);
    assert_eq!(code, 1, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(findings(&v), vec![("version-not-bumped".into(), l)], "{v:#}");
    // lint, which does not run the diff rules, does not call it unused.
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(&r.dir)
        .args(["lint", "catalog", "--format", "json", "--show-info"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"findings\""), "{text}");
    assert!(!text.contains("exemption-unused"), "{text}");
}

#[test]
fn bad_input_names_the_revision_and_the_path() {
    let r = fixture();
    // A shallow clone without the base commit: exit 2, the commit named.
    let sha = git_out(&r.dir, &["rev-parse", "base"]);
    let url = format!("file://{}", r.dir.display());
    git(&r.dir, &["clone", "-q", "--depth", "1", &url, "shallow"]);
    let shallow = r.dir.join("shallow");
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("tongbiao")
            .unwrap()
            .current_dir(&shallow)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for args in [
        vec!["diff", sha.as_str(), "HEAD"],
        vec!["lint", "catalog", "--base", sha.as_str()],
        vec!["lint", "catalog", "--base", sha.as_str(), "--head", "HEAD"],
    ] {
        let (code, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("找不到修订版本 {sha}")) && err.contains("浅克隆"),
            "{args:?}: {err}"
        );
    }
    // A blob that is not UTF-8 in one revision: a note naming the
    // revision and the file; the rest is diffed.
    std::fs::write(r.cat().join("items/630101001000.json"), b"\xff\xfe\x00{").unwrap();
    edit(&r.cat().join("local/630102/630101001000.json"), |v| {
        v["visits"] = 2.into()
    });
    r.commit("binary");
    let (code, text) = r.diff(&["removed", "binary", "--format", "json"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("注意：binary 中的 items/630101001000.json 未能读取，未参与比较：不是 UTF-8 文本"),
        "{text}"
    );
    assert!(text.contains("visits-more") && !text.contains("item-removed"), "{text}");
    // The catalog directory absent at one revision.
    git(&r.dir, &["rm", "-rq", "catalog"]);
    git(&r.dir, &["commit", "-qm", "gone"]);
    let (code, text) = r.diff(&["binary", "HEAD"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("无法读取新版本 HEAD：修订版本 HEAD 中没有目录 catalog"),
        "{text}"
    );
}

#[test]
fn lint_base_agrees_with_a_full_lint_on_each_fixture_commit() {
    let r = descended();
    let tags = [
        "base",
        "material",
        "deadlines",
        "reword-setup",
        "reworded",
        "recoded",
        "removed",
        "split",
        "merged",
        "item-recoded",
    ];
    for pair in tags.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        git(&r.dir, &["checkout", "-qf", to]);
        let diff = git_out(&r.dir, &["diff", "--name-only", from, to, "--", "catalog"]);
        let changed: Vec<&str> = diff.lines().collect();
        let grouped = |p: &&str| ["catalog/items/", "catalog/local/"].iter().any(|d| p.starts_with(d));
        let full = if changed.iter().all(grouped) {
            // The changed files and their item groups, as they exist now.
            let mut affected: Vec<String> = Vec::new();
            for p in &changed {
                let code = p.rsplit('/').next().unwrap().trim_end_matches(".json");
                affected.push(format!("catalog/items/{code}.json"));
                for e in std::fs::read_dir(r.cat().join("local")).unwrap() {
                    let region = e.unwrap().file_name().to_string_lossy().into_owned();
                    affected.push(format!("catalog/local/{region}/{code}.json"));
                }
            }
            affected.retain(|p| r.dir.join(p).is_file());
            affected.sort();
            affected.dedup();
            let args: Vec<&str> = affected.iter().map(String::as_str).collect();
            if args.is_empty() {
                // A whole item group deleted: nothing left to report.
                Value::Array(Vec::new())
            } else {
                lint_findings(&r.dir, &args)
            }
        } else {
            lint_findings(&r.dir, &["catalog"])
        };
        for head in [None, Some(to)] {
            let mut args = vec!["catalog", "--base", from];
            args.extend(head.iter().flat_map(|h| ["--head", *h]));
            assert_eq!(lint_findings(&r.dir, &args), full, "{args:?}");
        }
    }
}
