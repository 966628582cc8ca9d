//! `tongbiao diff` on a fixture git repository built here: a base commit
//! of the uniformity case's catalog (with 湟中 still 630122 湟中县), then
//! one commit per kind of change; each diff's classes and region counts
//! are asserted, and one diff's three outputs are snapshots.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;
use common::{copy_dir, git};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Edit a JSON file as a maintainer does: an item's or local file's
/// `version` goes up by one and `updated` forward (version-not-bumped).
fn edit(file: &Path, f: impl FnOnce(&mut Value)) {
    let versioned = ["items", "local"]
        .iter()
        .any(|d| file.components().any(|c| c.as_os_str() == *d));
    raw_edit(file, |v| {
        f(v);
        if versioned {
            let n = v["version"].as_u64().unwrap() + 1;
            v["version"] = n.into();
            v["updated"] = format!("2027-01-{n:02}").into();
        }
    });
}

/// Edit a JSON file, nothing else.
fn raw_edit(file: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(file, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

/// Replace a region code everywhere under `catalog` (file contents and the
/// local/agencies paths).
fn recode(cat: &Path, from: &str, to: &str, name: &str) {
    std::fs::rename(cat.join(format!("local/{from}")), cat.join(format!("local/{to}"))).unwrap();
    std::fs::rename(
        cat.join(format!("agencies/{from}.json")),
        cat.join(format!("agencies/{to}.json")),
    )
    .unwrap();
    let mut files = vec![cat.join(format!("agencies/{to}.json"))];
    for e in std::fs::read_dir(cat.join(format!("local/{to}"))).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in files {
        let t = std::fs::read_to_string(&f).unwrap().replace(from, to);
        std::fs::write(&f, t).unwrap();
    }
    edit(&cat.join("regions.json"), |v| {
        for r in v["regions"].as_array_mut().unwrap() {
            if r["code"] == from {
                r["code"] = to.into();
                r["name"] = name.into();
            }
        }
    });
}

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Repo {
    fn cat(&self) -> PathBuf {
        self.dir.join("catalog")
    }
    fn commit(&self, msg: &str) {
        git(&self.dir, &["add", "-A"]);
        git(&self.dir, &["commit", "-qm", msg]);
        git(&self.dir, &["tag", msg]);
    }
    fn diff(&self, args: &[&str]) -> (i32, String) {
        let out = Command::cargo_bin("tongbiao")
            .unwrap()
            .current_dir(&self.dir)
            .arg("diff")
            .args(args)
            .output()
            .unwrap();
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        (out.status.code().unwrap_or(-1), text)
    }
    /// The JSON diff (exit 0, or 1 for the findings of the diff rules:
    /// the fixture's 增负 commits state no basis).
    fn json(&self, base: &str, head: &str) -> Value {
        let (code, text) = self.diff(&[base, head, "--format", "json"]);
        assert!(code == 0 || code == 1, "{text}");
        serde_json::from_str(&text).unwrap()
    }
}

/// The item `from` becomes the items `to` (its file and every region's
/// local file copied under each new code, each new item naming `olds` in
/// `former_codes`); the files of every code in `olds` are deleted.
fn descend(cat: &Path, olds: &[&str], from: &str, to: &[(&str, &str)]) {
    let formers: Vec<Value> = olds
        .iter()
        .map(|c| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(cat.join(format!("items/{c}.json"))).unwrap()).unwrap();
            serde_json::json!({"code": c, "name": v["name"]})
        })
        .collect();
    let regions: Vec<PathBuf> = std::fs::read_dir(cat.join("local"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for (code, name) in to {
        let item = cat.join(format!("items/{code}.json"));
        std::fs::copy(cat.join(format!("items/{from}.json")), &item).unwrap();
        raw_edit(&item, |v| {
            v["code"] = (*code).into();
            v["name"] = (*name).into();
            v["former_codes"] = Value::Array(formers.clone());
            v["version"] = 1.into();
        });
        for r in &regions {
            let local = r.join(format!("{code}.json"));
            std::fs::copy(r.join(format!("{from}.json")), &local).unwrap();
            raw_edit(&local, |v| {
                v["item"] = (*code).into();
                v["version"] = 1.into();
            });
        }
    }
    for c in olds {
        std::fs::remove_file(cat.join(format!("items/{c}.json"))).unwrap();
        for r in &regions {
            std::fs::remove_file(r.join(format!("{c}.json"))).unwrap();
        }
    }
}

/// base → material → deadlines → reworded → recoded → removed.
fn fixture() -> Repo {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    git(&dir, &["init", "-q"]);
    let cat = dir.join("catalog");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/uniformity/catalog"),
        &cat,
    );
    recode(&cat, "630106", "630122", "湟中县");
    edit(&cat.join("materials.json"), |v| {
        let m = serde_json::json!({"id": "business_license", "name": "营业执照", "kind": "证件证书证明", "source": "政府部门核发"});
        v["materials"].as_array_mut().unwrap().push(m);
    });
    let repo = Repo { _tmp: tmp, dir };
    repo.commit("base");
    let item = cat.join("items/630101001000.json");
    edit(&item, |v| {
        let m = serde_json::json!({"material": "business_license", "necessity": "必要", "originals": 1, "copies": 1, "form": "纸质"});
        v["materials"].as_array_mut().unwrap().insert(1, m);
    });
    repo.commit("material");
    for r in ["630102", "630103", "630104"] {
        edit(&cat.join(format!("local/{r}/630101001000.json")), |v| {
            v["promised_deadline"]["value"] = 19.into();
        });
    }
    repo.commit("deadlines");
    edit(&item, |v| v["conditions"][0] = "申请人已依法 登记（含分支机构）".into());
    repo.commit("reword-setup");
    edit(&item, |v| v["conditions"][0] = "申请人已依法登记 (含分支机构)".into());
    repo.commit("reworded");
    recode(&cat, "630122", "630106", "湟中区");
    edit(&cat.join("regions.json"), |v| {
        for r in v["regions"].as_array_mut().unwrap() {
            if r["code"] == "630106" {
                r["former_codes"] = serde_json::json!([{"code": "630122", "name": "湟中县"}]);
            }
        }
    });
    repo.commit("recoded");
    std::fs::remove_file(cat.join("items/630101002000.json")).unwrap();
    for e in std::fs::read_dir(cat.join("local")).unwrap() {
        std::fs::remove_file(e.unwrap().path().join("630101002000.json")).unwrap();
    }
    repo.commit("removed");
    repo
}

/// The fixture, then → split → merged → item-recoded.
fn descended() -> Repo {
    let repo = fixture();
    let cat = repo.cat();
    let split = [
        ("630101003000", "测试许可事项（首次申请）"),
        ("630101004000", "测试许可事项（变更）"),
    ];
    descend(&cat, &["630101001000"], "630101001000", &split);
    repo.commit("split");
    let merged = [("630101005000", "测试许可事项（申请与变更）")];
    descend(&cat, &["630101003000", "630101004000"], "630101003000", &merged);
    repo.commit("merged");
    // A re-code keeps the versions going (the file continues its predecessor).
    descend(
        &cat,
        &["630101005000"],
        "630101005000",
        &[("630101006000", "测试许可事项（申请与变更）")],
    );
    for f in [cat.join("items/630101006000.json")].into_iter().chain(
        std::fs::read_dir(cat.join("local"))
            .unwrap()
            .map(|e| e.unwrap().path().join("630101006000.json")),
    ) {
        raw_edit(&f, |v| {
            v["version"] = 2.into();
            v["updated"] = "2027-02-01".into();
        });
    }
    repo.commit("item-recoded");
    repo
}

fn kinds(v: &Value) -> Vec<(String, String, usize)> {
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["class"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
                c["regions"].as_array().unwrap().len(),
            )
        })
        .collect()
}

fn k(class: &str, kind: &str, regions: usize) -> (String, String, usize) {
    (class.into(), kind.into(), regions)
}

#[test]
fn each_commit_gets_its_class_and_region_count() {
    let r = fixture();
    assert_eq!(kinds(&r.json("base", "material")), vec![k("增负", "material-added", 7)]);
    let v = r.json("material", "deadlines");
    assert_eq!(kinds(&v), vec![k("增负", "deadline-longer", 1); 3]);
    assert_eq!(v["counts"]["增负"], 3);
    assert_eq!(
        kinds(&r.json("reword-setup", "reworded")),
        vec![k("中性", "reworded", 7)]
    );
    let v = r.json("reworded", "recoded");
    let mut got = kinds(&v);
    got.sort();
    let mut want = vec![
        k("结构", "local-recoded", 1),
        k("结构", "local-recoded", 1),
        k("结构", "region-recoded", 1),
        k("结构", "agency-added", 0),
        k("结构", "agency-removed", 0),
    ];
    want.sort();
    assert_eq!(got, want, "{v:#}");
    assert_eq!(kinds(&r.json("recoded", "removed")), vec![k("结构", "item-removed", 7)]);
    // No change: nothing, exit 0; the working tree is the default HEAD.
    let (code, text) = r.diff(&[]);
    assert_eq!((code, text.contains("没有变更")), (0, true), "{text}");
}

#[test]
fn splits_merges_and_recodes_of_items() {
    let r = descended();
    // One item split in two: two structural changes, 7 regions each; the
    // old item and its local files are not reported removed, nor the new
    // ones added.
    let v = r.json("removed", "split");
    assert_eq!(kinds(&v), vec![k("结构", "item-split", 7); 2], "{v:#}");
    assert_eq!(v["counts"]["结构"], 2);
    assert_eq!(kinds(&r.json("split", "merged")), vec![k("结构", "item-merged", 7)]);
    // A re-code: the item and its 7 local files paired with their
    // predecessors; the name is unchanged, so nothing else changed.
    let v = r.json("merged", "item-recoded");
    assert!(findings(&v).is_empty(), "{v:#}");
    let mut got = kinds(&v);
    got.sort();
    let mut want = vec![k("结构", "local-item-recoded", 1); 7];
    want.push(k("结构", "item-recoded", 7));
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn fail_on_burden_and_unreadable_sides() {
    let r = fixture();
    assert_eq!(r.diff(&["base", "material", "--fail-on", "增负"]).0, 1);
    assert_eq!(r.diff(&["base", "material", "--fail-on", "burden"]).0, 1);
    assert_eq!(r.diff(&["reword-setup", "reworded", "--fail-on", "burden"]).0, 0);
    let (code, text) = r.diff(&["no-such-rev"]);
    assert_eq!(code, 2);
    assert!(text.contains("找不到修订版本 no-such-rev"), "{text}");
    let (code, text) = r.diff(&["base", "HEAD", "--catalog", "nowhere"]);
    assert_eq!(code, 2);
    assert!(text.contains("修订版本 base 中没有目录 nowhere"), "{text}");
    // A file that is not UTF-8 on one side: a note; the rest is diffed.
    std::fs::write(r.cat().join("items/630101001000.json"), b"\xff\xfe{").unwrap();
    edit(&r.cat().join("local/630102/630101001000.json"), |v| {
        v["visits"] = 2.into()
    });
    let (code, text) = r.diff(&["HEAD", "--format", "json"]);
    // 1: more visits (增负) with no basis stated.
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("items/630101001000.json 未能读取"), "{text}");
    assert!(text.contains("visits-more"), "{text}");
    assert!(!text.contains("item-removed"), "{text}");
}

#[test]
fn outputs_of_one_diff() {
    let r = fixture();
    for (name, format) in [("human", "human"), ("markdown", "markdown"), ("json", "json")] {
        let (code, text) = r.diff(&["material", "deadlines", "--format", format]);
        // 1: three longer deadlines without a basis (burden-without-basis).
        assert_eq!(code, 1);
        insta::assert_snapshot!(format!("diff_deadlines_{name}"), text);
    }
}

#[test]
fn outputs_of_a_split_and_a_merge() {
    let r = descended();
    for (name, from, to) in [("split", "removed", "split"), ("merged", "split", "merged")] {
        for format in ["human", "markdown", "json"] {
            let (code, text) = r.diff(&[from, to, "--format", format]);
            assert_eq!(code, 0, "{text}");
            insta::assert_snapshot!(format!("diff_{name}_{format}"), text);
        }
    }
}

#[test]
fn directory_against_directory() {
    let r = fixture();
    let old = r.dir.join("old");
    copy_dir(&r.cat(), &old);
    edit(&r.cat().join("local/630105/630101001000.json"), |v| {
        v["in_service_centre"] = false.into();
        v["online"]["depth"] = "Ⅲ级".into();
    });
    edit(&r.cat().join("items/630101001000.json"), |v| {
        v["conditions"].as_array_mut().unwrap().push("无违法记录".into());
    });
    let v = r.json("old", "catalog");
    let mut got = kinds(&v);
    got.sort();
    assert_eq!(
        got,
        vec![
            k("增负", "condition-added", 7),
            k("增负", "left-service-centre", 1),
            k("增负", "online-depth-lower", 1),
        ]
    );
}

fn findings(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn enforcement_on_what_changed() {
    let r = fixture();
    let local = r.cat().join("local/630102/630101001000.json");
    let l = "local/630102/630101001000.json".to_string();
    // A content change with the version left alone.
    raw_edit(&local, |v| v["windows"][0]["hours"] = "工作日 9:00-17:00".into());
    let v = r.json("HEAD", "catalog");
    assert_eq!(findings(&v), vec![("version-not-bumped".into(), l.clone())], "{v:#}");
    // A longer deadline (增负), version bumped, no basis.
    edit(&local, |v| v["promised_deadline"]["value"] = 25.into());
    let (code, text) = r.diff(&["HEAD", "--format", "json"]);
    assert_eq!(code, 1, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(findings(&v), vec![("burden-without-basis".into(), l.clone())], "{v:#}");
    // Both present: quiet, exit 0.
    raw_edit(&local, |v| {
        let n = v["version"].clone();
        v["change_notes"] =
            serde_json::json!([{"version": n, "pointer": "/promised_deadline", "basis": "《某条例》第十条"}]);
    });
    let (code, text) = r.diff(&["HEAD", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(findings(&v).is_empty(), "{v:#}");
}

#[test]
fn classes_are_overridden_by_rules_json() {
    let r = fixture();
    let rules = r.dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("rules.json"),
        "{\n  \"diff\": {\"classes\": {\"deadline-longer\": \"结构\"}}\n}\n",
    )
    .unwrap();
    let v = r.json("material", "deadlines");
    assert_eq!(kinds(&v), vec![k("结构", "deadline-longer", 1); 3]);
    // Not 增负 any more: no basis required.
    assert!(findings(&v).is_empty(), "{v:#}");
    // A bad entry: exit 2, reported at its line in rules.json.
    std::fs::write(
        rules.join("rules.json"),
        "{\n  \"diff\": {\n    \"classes\": {\n      \"deadline-longer\": \"更难\",\n      \"no-such-kind\": \"增负\"\n    }\n  }\n}\n",
    )
    .unwrap();
    let (code, text) = r.diff(&["material", "deadlines"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("rules.json:4:"), "{text}");
    assert!(text.contains("“更难”不是变更类别"), "{text}");
    assert!(text.contains("rules.json:5:"), "{text}");
    assert!(text.contains("没有标识为“no-such-kind”的变更种类"), "{text}");
}

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

/// Standard output of `git ARGS` in `dir`.
fn git_out(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
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

/// The findings of `tongbiao lint ARGS` in `dir` (JSON).
fn lint_findings(dir: &Path, args: &[&str]) -> Value {
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(dir)
        .arg("lint")
        .args(args)
        .args(["--format", "json", "--today", "2026-12-01"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {err}");
    serde_json::from_slice::<Value>(&out.stdout).unwrap()["findings"].clone()
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
