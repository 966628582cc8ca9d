//! `tongbiao import` end to end: the fixture export in `tests/import/`
//! (8 prefectures × 2 items, with six known divergences from the majority,
//! one difference on an element that is not uniform, and three records
//! that cannot be imported) becomes a catalog that loads and whose lint
//! lists exactly those divergences. The CSV export, with other field names
//! and a mapping file, gives the same catalog byte for byte.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::tree;
use tongbiao::catalog::Local;
use tongbiao::diag::Severity;
use tongbiao::lint::{lint_dir, Failure};

/// (local file, deviation element) the fixture was written to contain.
const DIVERGENCES: [(&str, &str); 6] = [
    ("local/630200/630705001000.json", "/statutory_deadline"),
    ("local/632200/630705001000.json", "/conditions"),
    ("local/632500/631013001000.json", "/case_type"),
    ("local/632600/631013001000.json", "/materials"),
    ("local/632700/630705001000.json", "/materials/1"),
    ("local/632800/631013001000.json", "/results/0"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn fixture(name: &str) -> String {
    root().join("tests/import").join(name).display().to_string()
}

/// Run `tongbiao import` with these arguments; (exit code, stdout, stderr).
fn import(args: &[&str]) -> (i32, String, String) {
    let rules = root().join("rules").display().to_string();
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .arg("import")
        .args(args)
        .args(["--rules", &rules, "--date", "2026-11-20"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import_jsonl(out: &Path) -> (i32, String, String) {
    import(&[
        &fixture("export.jsonl"),
        "--out",
        &out.display().to_string(),
        "--registry",
        &fixture("registry"),
    ])
}

fn deviations_on_disk(catalog: &Path) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (rel, bytes) in tree(catalog) {
        if rel.starts_with("local/") {
            let l: Local = serde_json::from_slice(&bytes).unwrap();
            for d in l.deviations {
                assert_eq!((d.basis.as_str(), d.approved_by.as_str()), ("", ""), "{rel}");
                found.insert((rel.clone(), d.element));
            }
        }
    }
    found
}

fn expected() -> BTreeSet<(String, String)> {
    DIVERGENCES
        .iter()
        .map(|(f, e)| (f.to_string(), e.to_string()))
        .collect()
}

#[test]
fn jsonl_import_lints_to_exactly_the_known_divergences() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    let (code, stdout, stderr) = import_jsonl(&catalog);
    assert_eq!(code, 1, "records failed, so exit 1\n{stdout}{stderr}");
    for line in [
        "第 9 行：不是完整的 JSON",
        "第 18 行：字段“区划代码”：区划代码 639900",
        "第 19 行：缺少承诺办结时限",
    ] {
        assert!(stdout.contains(line), "missing “{line}” in:\n{stdout}");
    }
    assert!(stdout.contains("记录 19 条：导入 16 条，无法导入 3 条"), "{stdout}");
    assert!(
        stdout.contains("备注：第 1、10 行"),
        "unmapped fields are reported:\n{stdout}"
    );
    assert!(
        stdout.contains("local/632300/630705001000.json /service_objects"),
        "a difference on an element that is not uniform is reported:\n{stdout}"
    );

    assert_eq!(deviations_on_disk(&catalog), expected());

    let out = match lint_dir(&catalog, Some(&root().join("rules")), "2026-11-22") {
        Ok(o) => o,
        Err(Failure::Io(e)) => panic!("{e}"),
        Err(Failure::Config(_)) => panic!("rules/ does not compile"),
    };
    assert_eq!(out.stats.items, 2);
    assert_eq!(out.stats.locals, 16);
    let mut flagged = BTreeSet::new();
    // The export names blank forms the imported catalog does not ship
    // (form-file-missing): that is the import's input, not a divergence.
    let not_forms = |d: &&tongbiao::diag::Diagnostic| d.rule != "form-file-missing";
    for d in out
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .filter(not_forms)
    {
        let file = out.sources.get(d.file).path.clone();
        let pointer = d.pointer().to_string();
        let index: usize = pointer
            .strip_prefix("/deviations/")
            .and_then(|r| r.split('/').next())
            .and_then(|i| i.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "a finding that is not about a deviation: {} {file} {pointer} {}",
                    d.rule, d.message
                )
            });
        let local: Local = serde_json::from_str(&std::fs::read_to_string(catalog.join(&file)).unwrap()).unwrap();
        flagged.insert((file, local.deviations[index].element.clone()));
    }
    assert_eq!(flagged, expected(), "lint lists exactly the divergences");
}

#[test]
fn csv_with_a_mapping_file_gives_the_same_catalog() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    import_jsonl(&a);
    let (code, stdout, _) = import(&[
        &fixture("export.csv"),
        "--mapping",
        &fixture("mapping.json"),
        "--out",
        &b.display().to_string(),
        "--registry",
        &fixture("registry"),
    ]);
    assert_eq!(code, 1);
    for line in [
        "第 27 行：有 2 列",
        "第 36 行：",
        "第 37 行：缺少承诺办结时限（字段“承诺期限”",
    ] {
        assert!(stdout.contains(line), "missing “{line}” in:\n{stdout}");
    }
    assert!(
        !stdout.contains("未映射的字段"),
        "备注 is ignored by the mapping:\n{stdout}"
    );
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for ((p, x), (_, y)) in ta.iter().zip(&tb) {
        assert!(x == y, "{p} differs between the JSON Lines and the CSV import");
    }
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    import_jsonl(&catalog);
    let first = tree(&catalog);

    // Again: nothing is overwritten, nothing is added twice.
    let (code, stdout, _) = import_jsonl(&catalog);
    assert_eq!(code, 1);
    assert!(stdout.contains("已存在、未覆盖的文件"), "{stdout}");
    assert!(stdout.contains("  local/630100/630705001000.json\n"), "{stdout}");
    assert!(stdout.contains("新增实施主体 0 个，新增材料 0 种"), "{stdout}");
    assert_eq!(tree(&catalog), first);

    // A hand edit survives a plain import and is replaced with --force.
    let edited = catalog.join("local/630100/630705001000.json");
    std::fs::write(&edited, "{}\n").unwrap();
    import_jsonl(&catalog);
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "{}\n");
    let (code, stdout, _) = import(&[
        &fixture("export.jsonl"),
        "--out",
        &catalog.display().to_string(),
        "--force",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("  覆盖 local/ 下 16 个文件"), "{stdout}");
    assert_eq!(tree(&catalog), first, "--force rewrites the same content");
    let leftovers: Vec<String> = tree(&catalog).into_keys().filter(|p| p.ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog");
    let (code, stdout, _) = import(&[
        &fixture("export.jsonl"),
        "--out",
        &catalog.display().to_string(),
        "--registry",
        &fixture("registry"),
        "--dry-run",
    ]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("试运行") && stdout.contains("将写入文件 30 个"),
        "{stdout}"
    );
    assert!(!catalog.exists());
}

#[test]
fn without_registries_the_run_cannot_happen() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = import(&[&fixture("export.jsonl"), "--out", &tmp.path().display().to_string()]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("缺少 catalog.json、regions.json、departments.json"),
        "{stderr}"
    );
    assert!(stderr.contains("--registry"), "{stderr}");
    let (code, _, stderr) = import(&[&fixture("missing.jsonl"), "--out", &tmp.path().display().to_string()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("无法读取导出文件"), "{stderr}");
}

/// The shipped catalog, flattened into one record per local file the way a
/// portal exports it (the catalog's own field names are accepted as field
/// names), comes back as the same items and local files: nothing is lost
/// or changed on the way, at the scale of the real catalog.
#[test]
fn the_shipped_catalog_round_trips() {
    use serde_json::{Map, Value};
    use std::collections::HashMap;

    let shipped = root().join("catalog");
    let read = |rel: &str| -> Value { serde_json::from_slice(&std::fs::read(shipped.join(rel)).unwrap()).unwrap() };
    let materials: HashMap<String, String> = read("materials.json")["materials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_string(),
                m["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let files = tree(&shipped);
    let mut agencies: HashMap<String, String> = HashMap::new();
    for (rel, bytes) in &files {
        if rel.starts_with("agencies/") {
            let v: Value = serde_json::from_slice(bytes).unwrap();
            for a in v["agencies"].as_array().unwrap() {
                agencies.insert(a["id"].as_str().unwrap().into(), a["name"].as_str().unwrap().into());
            }
        }
    }

    let mut export = String::new();
    let mut compared = Vec::new();
    for (rel, bytes) in &files {
        if !rel.starts_with("local/") {
            continue;
        }
        let l: Value = serde_json::from_slice(bytes).unwrap();
        let code = l["item"].as_str().unwrap();
        let item = read(&format!("items/{code}.json"));
        let mut r = Map::new();
        r.insert("item".into(), l["item"].clone());
        r.insert("region".into(), l["region"].clone());
        r.insert("agency".into(), agencies[l["agency"].as_str().unwrap()].clone().into());
        for key in [
            "name",
            "item_type",
            "legal_basis",
            "service_objects",
            "conditions",
            "process",
            "statutory_deadline",
            "case_type",
            "fees",
            "results",
        ] {
            r.insert(key.into(), item[key].clone());
        }
        let mats: Vec<Value> = item["materials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let mut o = m.as_object().unwrap().clone();
                let id = o.remove("material").unwrap();
                o.remove("deferral");
                o.insert("name".into(), materials[id.as_str().unwrap()].clone().into());
                Value::Object(o)
            })
            .collect();
        r.insert("materials".into(), Value::Array(mats));
        for key in [
            "implementation_code",
            "promised_deadline",
            "visits",
            "visit_reason",
            "in_service_centre",
            "not_in_centre_reason",
            "delivery_by_post",
            "consultation",
            "complaint",
        ] {
            if let Some(v) = l.get(key) {
                r.insert(key.into(), v.clone());
            }
        }
        for (from, to) in [
            ("depth", "online_depth"),
            ("address", "online_address"),
            ("not_online_reason", "not_online_reason"),
        ] {
            if let Some(v) = l["online"].get(from) {
                r.insert(to.into(), v.clone());
            }
        }
        if let Some(w) = l["windows"].get(0) {
            r.insert("place".into(), w["place"].clone());
            r.insert("hours".into(), w["hours"].clone());
        }
        export.push_str(&serde_json::to_string(&Value::Object(r)).unwrap());
        export.push('\n');
        compared.push(rel.clone());
        compared.push(format!("items/{code}.json"));
    }
    compared.sort();
    compared.dedup();
    assert!(compared.len() > 1000, "the shipped catalog has its local files");

    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("export.jsonl");
    std::fs::write(&input, export).unwrap();
    let out = tmp.path().join("catalog");
    let (code, stdout, stderr) = import(&[
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--registry",
        &shipped.display().to_string(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("偏离全省标准 0 项，非统一要素的差异 0 处；新增实施主体 0 个，新增材料 0 种"),
        "{stdout}"
    );

    // Not importable (no portal field): 通办, 告知承诺, 容缺后补承诺, 来源记录;
    // and the version and date of each file.
    let strip = |mut v: Value| {
        let o = v.as_object_mut().unwrap();
        for k in ["tongban", "commitment", "provenance", "version", "updated"] {
            o.remove(k);
        }
        if let Some(Value::Array(ms)) = o.get_mut("materials") {
            for m in ms {
                m.as_object_mut().unwrap().remove("deferral");
            }
        }
        v
    };
    let imported: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.starts_with("items/") || p.starts_with("local/"))
        .collect();
    assert_eq!(imported, compared);
    for rel in &compared {
        let a = strip(read(rel));
        let b = strip(serde_json::from_slice(&std::fs::read(out.join(rel)).unwrap()).unwrap());
        assert!(
            a == b,
            "{rel} differs after the round trip:\nshipped  {a}\nimported {b}"
        );
    }
}
