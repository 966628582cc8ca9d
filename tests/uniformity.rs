//! `tongbiao uniformity` on the fixture in tests/cases/uniformity/, where
//! three regions depart from the standard: 城东区 promises 15 工作日 where
//! most promise 5, 城中区 asks for a visit and handles online only to Ⅲ级,
//! 城西区 has an approved shorter statutory deadline. (湟源县 does better
//! than most, which is shown but not counted.)

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;
use common::copy_dir;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tongbiao::analysis::uniformity::Status;
use tongbiao::analysis::{analyse, Report};
use tongbiao::catalog::Index;
use tongbiao::reports::uniformity as render;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/uniformity/catalog")
}

fn report() -> Report {
    let files = tongbiao::load::read_tree(&fixture()).unwrap();
    let cfg = tongbiao::config::load(None, &tongbiao::rules::known);
    let Ok(config) = &cfg.config else {
        panic!("shipped rules/ must compile")
    };
    let loaded = tongbiao::load::parse(files, cfg.sources.len());
    let index = Index::build(&loaded.catalog);
    analyse(&loaded.catalog, &index, config)
}

#[test]
fn each_divergence_has_both_values_side_by_side() {
    let r = report();
    let mut found: Vec<(String, String, String, String, Status)> = r
        .items
        .iter()
        .flat_map(|i| &i.elements)
        .flat_map(|e| e.divergences.iter().map(move |d| (e, d)))
        .map(|(e, d)| {
            (
                d.region.clone(),
                e.label.clone(),
                d.standard.clone(),
                d.value.clone(),
                d.status,
            )
        })
        .collect();
    found.sort();
    let want = [
        ("630102", "承诺办结时限", "5 个工作日", "15 个工作日", Status::Worse),
        ("630103", "到办事现场次数", "0 次", "1 次", Status::Worse),
        ("630103", "网上办理深度", "Ⅳ级（全程网办）", "Ⅲ级", Status::Worse),
        ("630104", "法定办结时限", "20 个工作日", "15 个工作日", Status::Approved),
        ("630123", "承诺办结时限", "5 个工作日", "3 个工作日", Status::Better),
    ];
    let want: Vec<(String, String, String, String, Status)> = want
        .iter()
        .map(|(a, b, c, d, s)| (a.to_string(), b.to_string(), c.to_string(), d.to_string(), *s))
        .collect();
    assert_eq!(found, want);
    assert_eq!(r.divergences(), 4);

    // Worst offenders first: 城中区 (2), then 城东区 and 城西区 (1 each).
    let order: Vec<(&str, usize)> = r.regions.iter().map(|g| (g.code.as_str(), g.score)).collect();
    assert_eq!(&order[..3], [("630103", 2), ("630102", 1), ("630104", 1)]);
    assert_eq!(r.items[0].code, "630101001000");

    // Every rendering puts the standard and the local value on one row.
    let text = render::text(&r);
    let markdown = render::markdown(&r);
    let html = render::html(&r);
    for (_, _, standard, value, _) in &want {
        assert!(
            text.lines().any(|l| l
                .find(standard.as_str())
                .is_some_and(|a| l[a + standard.len()..].contains(value.as_str()))),
            "text lacks a row with {standard} then {value}"
        );
        assert!(
            markdown
                .lines()
                .any(|l| l.contains(&format!("| {standard} | {value} |"))),
            "markdown lacks {standard} | {value}"
        );
        assert!(
            html.contains(&format!(
                "<td class=\"val\">{standard}</td><td class=\"val\">{value}</td>"
            )),
            "html lacks {standard} / {value}"
        );
    }
    // Deterministic.
    assert_eq!(render::html(&report()), html);
}

#[test]
fn html_goes_to_a_file_and_escapes_catalog_text() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalog");
    copy_dir(&fixture(), &cat);
    let item = cat.join("items/630101001000.json");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(
        &item,
        text.replacen("测试许可事项", "测试<script>alert(1)</script>事项", 1),
    )
    .unwrap();
    let out = dir.path().join("report/uniformity.html");
    let run = || {
        Command::cargo_bin("tongbiao")
            .unwrap()
            .args([
                "uniformity",
                cat.to_str().unwrap(),
                "--format",
                "html",
                "--out",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };
    // A directory that does not exist is a mistake to report, not to create.
    let missing = run();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("不存在"));
    assert!(!out.parent().unwrap().exists());
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    let run = run();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty());
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    // askama's HTML escaper writes numeric character references.
    assert!(page.contains("测试&#60;script&#62;alert(1)&#60;/script&#62;事项"));
    assert!(!page.contains("<script"));
    // No temporary file is left beside the output.
    let left: Vec<_> = std::fs::read_dir(out.parent().unwrap()).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn no_catalog_is_exit_2() {
    let run = Command::cargo_bin("tongbiao")
        .unwrap()
        .args(["uniformity", "/nonexistent/catalog"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
}
