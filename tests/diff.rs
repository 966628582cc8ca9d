//! `tongbiao diff` on a fixture git repository built here
//! (`diff_fixture`): a base commit of the uniformity case's catalog (with
//! 湟中 still 630122 湟中县), then one commit per kind of change; each
//! diff's classes and region counts are asserted, and the outputs of some
//! diffs are snapshots.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;
mod diff_fixture;
use common::copy_dir;
use diff_fixture::*;

use serde_json::Value;

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
