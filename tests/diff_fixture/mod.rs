//! The diff fixture repository (built with git in a temporary directory)
//! and helpers shared by `tests/diff.rs` and `tests/diff_checks.rs`.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test
#![allow(dead_code)] // each test crate uses only some of these helpers

use super::common::{copy_dir, git};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Edit a JSON file as a maintainer does: an item's or local file's
/// `version` goes up by one and `updated` forward (version-not-bumped).
pub fn edit(file: &Path, f: impl FnOnce(&mut Value)) {
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
pub fn raw_edit(file: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(file, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

/// Replace a region code everywhere under `catalog` (file contents and the
/// local/agencies paths).
pub fn recode(cat: &Path, from: &str, to: &str, name: &str) {
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

pub struct Repo {
    pub _tmp: tempfile::TempDir,
    pub dir: PathBuf,
}

impl Repo {
    pub fn cat(&self) -> PathBuf {
        self.dir.join("catalog")
    }
    pub fn commit(&self, msg: &str) {
        git(&self.dir, &["add", "-A"]);
        git(&self.dir, &["commit", "-qm", msg]);
        git(&self.dir, &["tag", msg]);
    }
    pub fn diff(&self, args: &[&str]) -> (i32, String) {
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
    pub fn json(&self, base: &str, head: &str) -> Value {
        let (code, text) = self.diff(&[base, head, "--format", "json"]);
        assert!(code == 0 || code == 1, "{text}");
        serde_json::from_str(&text).unwrap()
    }
}

/// The item `from` becomes the items `to` (its file and every region's
/// local file copied under each new code, each new item naming `olds` in
/// `former_codes`); the files of every code in `olds` are deleted.
pub fn descend(cat: &Path, olds: &[&str], from: &str, to: &[(&str, &str)]) {
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
pub fn fixture() -> Repo {
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
pub fn descended() -> Repo {
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

pub fn kinds(v: &Value) -> Vec<(String, String, usize)> {
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

pub fn k(class: &str, kind: &str, regions: usize) -> (String, String, usize) {
    (class.into(), kind.into(), regions)
}

pub fn findings(v: &Value) -> Vec<(String, String)> {
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

/// Standard output of `git ARGS` in `dir`.
pub fn git_out(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The findings of `tongbiao lint ARGS` in `dir` (JSON).
pub fn lint_findings(dir: &Path, args: &[&str]) -> Value {
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
