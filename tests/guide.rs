//! `tongbiao guide` on the shipped catalog: the site has every page the
//! catalog calls for (counts derived from the catalog's files, not
//! written down), the same catalog gives the same bytes, a previous site is
//! replaced, a directory that is not a site is refused, and the pages keep
//! the safety rules (no event handlers, no script but JSON-LD, which
//! parses).

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::tree;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(out: &Path) -> std::process::Output {
    Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(root())
        .args(["guide", "catalog", "--out"])
        .arg(out)
        .output()
        .unwrap()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The catalog's own counts: local files by region, items, bundles,
/// regions, departments, item types.
struct Expected {
    locals: Vec<String>,
    items: usize,
    bundles: usize,
    regions: usize,
    departments: usize,
    types: usize,
}

fn expected() -> Expected {
    let cat = root().join("catalog");
    let names = |d: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(cat.join(d))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        v.sort();
        v
    };
    let mut locals = Vec::new();
    for region in std::fs::read_dir(cat.join("local")).unwrap() {
        let region = region.unwrap().file_name().to_string_lossy().into_owned();
        for f in names(&format!("local/{region}")) {
            locals.push(format!("guide/{region}/{}", f.trim_end_matches(".json")));
        }
    }
    locals.sort();
    let list = |file: &str, key: &str| json(&cat.join(file))[key].as_array().unwrap().len();
    Expected {
        locals,
        items: names("items").len(),
        bundles: names("bundles").len(),
        regions: list("regions.json", "regions"),
        departments: list("departments.json", "departments"),
        types: list("catalog.json", "item_types"),
    }
}

#[test]
fn the_shipped_catalog_builds_a_complete_deterministic_site() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let out = build(&a);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let site = tree(&a);
    let want = expected();
    assert!(want.locals.len() > 1000, "the shipped catalog has its implementations");
    // One guide (its 一次告知单 a section of it) and one JSON file per
    // implementation.
    for stem in &want.locals {
        for ext in ["html", "json"] {
            assert!(site.contains_key(&format!("{stem}.{ext}")), "{stem}.{ext} missing");
        }
        let page = String::from_utf8_lossy(&site[&format!("{stem}.html")]);
        assert!(page.contains("<section id=\"notice\""), "{stem}.html has no 一次告知单");
        assistance(&page, stem);
    }
    let count = |prefix: &str, ext: &str| {
        site.keys()
            .filter(|k| k.starts_with(prefix) && k.ends_with(ext))
            .count()
    };
    assert_eq!(count("guide/", ".json"), want.locals.len());
    assert_eq!(count("guide/", ".html"), want.locals.len());
    assert_eq!(count("item/", ".html"), want.items);
    assert_eq!(count("bundle/", ".html"), want.bundles);
    assert_eq!(count("region/", ".html"), want.regions);
    assert_eq!(count("department/", ".html"), want.departments);
    assert_eq!(count("type/", ".html"), want.types);
    for f in [
        "index.html",
        "search.html",
        "assets/search.js",
        "assets/guide.css",
        "sitemap.xml",
        "schema/guide.schema.json",
        ".tongbiao-site",
    ] {
        assert!(site.contains_key(f), "{f} missing");
    }
    let files = 2 * want.locals.len() + want.items + want.bundles + want.regions + want.departments + want.types + 7;
    assert_eq!(site.len(), files);
    let sitemap = String::from_utf8(site["sitemap.xml"].clone()).unwrap();
    let urls = want.locals.len() + want.items + want.bundles + want.regions + want.departments + want.types + 1;
    assert_eq!(sitemap.matches("<loc>").count(), urls);

    // Same catalog, same bytes.
    let out = build(&b);
    assert_eq!(out.status.code(), Some(0));
    let again = tree(&b);
    assert_eq!(site.keys().collect::<Vec<_>>(), again.keys().collect::<Vec<_>>());
    for (k, v) in &site {
        assert!(again[k] == *v, "{k} differs between two builds");
    }

    // A previous site is replaced as a whole (a stray file goes), nothing
    // is left beside it.
    std::fs::write(a.join("stray.html"), "old").unwrap();
    assert_eq!(build(&a).status.code(), Some(0));
    assert!(!a.join("stray.html").exists());
    let beside: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 2, "{beside:?}");

    safety(&site);
    guide_json(&a, &want.locals[0]);
}

/// Every guide says 帮办代办 and 绿色通道 are there for older and disabled
/// applicants, citing the provincial document that rules/rules.json names,
/// and where to ask about the local arrangement.
fn assistance(page: &str, stem: &str) {
    let rules = json(&root().join("rules/rules.json"));
    let cited = &rules["province_documents"]["assisted_service"];
    let (document, quote) = (cited["document"].as_str().unwrap(), cited["quote"].as_str().unwrap());
    assert!(quote.contains("老年人、残疾人") && quote.contains("绿色通道") && quote.contains("帮办代办"));
    let start = page
        .find("<section id=\"assistance\"")
        .unwrap_or_else(|| panic!("{stem}.html: no 帮办代办"));
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    assert!(section.contains(&format!("{document}规定：")), "{stem}.html: {section}");
    assert!(
        section.contains(&format!("<blockquote>{quote}</blockquote>")),
        "{stem}.html"
    );
    assert!(section.contains("12345") && section.contains("待核实"), "{stem}.html");
}

/// No inline event handler, no script but the JSON-LD data block, which
/// parses and is a GovernmentService; every page is zh-CN with a CSP.
fn safety(site: &BTreeMap<String, Vec<u8>>) {
    let handler = regex::Regex::new(r#"(?i)<[^>]*\son[a-z]+\s*="#).unwrap();
    let script = regex::Regex::new(r#"(?s)<script([^>]*)>(.*?)</script>"#).unwrap();
    let mut ld = 0;
    for (path, bytes) in site.iter().filter(|(k, _)| k.ends_with(".html")) {
        let page = std::str::from_utf8(bytes).unwrap();
        assert!(page.contains("<html lang=\"zh-CN\">"), "{path}");
        assert!(page.contains("Content-Security-Policy"), "{path}");
        assert!(!handler.is_match(page), "{path}: an event handler");
        assert!(!page.contains("javascript:"), "{path}");
        for c in script.captures_iter(page) {
            if path == "search.html" {
                assert_eq!(&c[1], " type=\"module\" src=\"assets/search.js\"", "{path}: a script");
                assert_eq!(&c[2], "", "{path}: an inline script");
                continue;
            }
            assert_eq!(&c[1], " type=\"application/ld+json\"", "{path}: a script");
            let v: serde_json::Value = serde_json::from_str(&c[2]).unwrap();
            assert_eq!(v["@type"], "GovernmentService");
            ld += 1;
        }
    }
    assert_eq!(
        ld,
        site.keys()
            .filter(|k| k.starts_with("guide/") && k.ends_with(".html"))
            .count()
    );
}

/// A guide's JSON carries the standard, the local facts and the names.
fn guide_json(site: &Path, stem: &str) {
    let v = json(&site.join(format!("{stem}.json")));
    assert_eq!(v["format"], 1);
    assert_eq!(v["page"], format!("{stem}.html"));
    assert!(v["item"]["name"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(
        v["item"]["materials"].as_array().unwrap().len(),
        v["material_names"].as_array().unwrap().len()
    );
    assert!(v["agency"]["name"].as_str().is_some_and(|s| !s.is_empty()));
    let rules = json(&root().join("rules/rules.json"));
    assert_eq!(
        v["assistance"]["basis"],
        rules["province_documents"]["assisted_service"]
    );
}

#[test]
fn a_directory_that_is_not_a_site_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep").unwrap();
    let out = build(&mine);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是 tongbiao 生成的网站"));
    assert_eq!(tree(&mine).len(), 1);
    let file = tmp.path().join("file.txt");
    std::fs::write(&file, "keep").unwrap();
    assert_eq!(build(&file).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);
}
