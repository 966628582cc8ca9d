//! A catalog of another province from nothing: `tongbiao init --province
//! 440000`, then an import of the synthetic Guangdong export
//! (tests/import/gd), then lint; and the agency-id counter past 300
//! agencies of one department in one region.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::tongbiao(dir, args)
}

fn export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/gd/export.csv")
}

/// The numbers of “记录 N 条：导入 M 条”.
fn counts(report: &str) -> (usize, usize) {
    let line = report.lines().find(|l| l.starts_with("记录 ")).unwrap();
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (nums[0], nums[1])
}

#[test]
fn init_import_and_lint_a_guangdong_catalog() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = run(tmp.path(), &["init", "--province", "440000", "gd"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("广东省（440000）"), "{out}");
    let regions = std::fs::read_to_string(tmp.path().join("gd/regions.json")).unwrap();
    assert!(regions.contains("\"440100\"") && regions.contains("广州市"));
    assert!(tmp.path().join("rules/rules.json").is_file());
    // A second init does not overwrite the catalog.
    let (code, _, err) = run(tmp.path(), &["init", "--province", "440000", "gd"]);
    assert_eq!(code, 2);
    assert!(err.contains("不覆盖"), "{err}");

    let input = export();
    let (code, report, err) = run(
        tmp.path(),
        &["import", input.to_str().unwrap(), "--out", "gd", "--date", "2026-12-06"],
    );
    assert_eq!(code, 1, "two broken records fail: {report}{err}");
    let (records, imported) = counts(&report);
    assert_eq!((records, imported), (455, 453), "{report}");
    assert!(imported * 100 >= records * 99);
    // The only failures are the records without a region or a 基本编码.
    assert!(
        report.contains("第 455 行：缺少区划") && report.contains("第 456 行：缺少基本编码"),
        "{report}"
    );
    // 无 deadlines are 无法定时限; handling items are kept; departments got codes.
    let item = std::fs::read_to_string(tmp.path().join("gd/items/442102050000.json")).unwrap();
    assert!(item.contains("\"none\": true"), "{item}");
    let local = std::fs::read_to_string(tmp.path().join("gd/local/440000/000101001000.json")).unwrap();
    assert!(
        local.contains("\"handling_items\"") && local.contains("\"code\": \"04\""),
        "{local}"
    );
    let deps = std::fs::read_to_string(tmp.path().join("gd/departments.json")).unwrap();
    assert!(deps.contains("广东省市场监督管理局"), "{deps}");
    assert!(
        report.contains("catalog.json 的代码表中为 20"),
        "type codes reported: {report}"
    );

    let (code, out, err) = run(tmp.path(), &["lint", "gd", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // What import wrote is well-formed and its references hold.
    for bad in [
        "schema",
        "unknown-field",
        "unknown-material",
        "unknown-agency",
        "unknown-department",
        "unknown-region",
        "format-canonical",
    ] {
        assert!(!rules.contains(&bad), "{bad} in {rules:?}");
    }
    assert!(rules.contains(&"value-pending"));

    no_qinghai_text(tmp.path(), &report);
}

/// Nothing Qinghai-specific in what the tool says about the Guangdong
/// catalog at `dir`/gd, given the import report.
fn no_qinghai_text(dir: &Path, report: &str) {
    // The import report, the lint report, the uniformity report.
    let (_, lint_text, _) = run(dir, &["lint", "gd", "--show-info"]);
    let (code, uni, err) = run(dir, &["uniformity", "gd"]);
    assert_eq!(code, 0, "{err}");
    assert!(uni.contains("依据："), "{uni}");
    // The rule explanations too: `explain` with this catalog's rules/,
    // `rules`, and the SARIF log (whose rule help is the explanation).
    let (code, sarif, err) = run(dir, &["lint", "gd", "--format", "sarif"]);
    assert_eq!(code, 1, "{err}");
    assert!(sarif.contains("依据"), "the SARIF rule help carries the basis");
    let (code, list, _) = run(dir, &["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let ids: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&list)
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut explained = String::new();
    for id in &ids {
        let (code, text, err) = run(dir, &["explain", id, "--rules", "rules"]);
        assert_eq!(code, 0, "{id}: {err}");
        explained.push_str(&text);
    }
    for text in [report, &lint_text, &uni, &sarif, &list, &explained] {
        for qinghai in QINGHAI {
            assert!(!text.contains(qinghai), "“{qinghai}” in:\n{text}");
        }
    }
    // The same explanations with Qinghai's shipped rules/ cite its
    // documents (the check above can fail).
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (_, text, _) = run(
        dir,
        &["explain", "vague-catch-all", "--rules", shipped.to_str().unwrap()],
    );
    assert!(text.contains("青政办函〔2021〕44号"), "{text}");
}

/// Texts only a Qinghai catalog may produce: the province, its capital,
/// its area code (as a phone number; a fingerprint may hold the digits)
/// and app, and its policy documents.
const QINGHAI: [&str; 7] = ["青海", "青政", "西宁", "0971-", "青松办", "44号", "服务政府建设"];

/// 301 new agencies of one department in one region: every id distinct
/// and within the schema's alphabet; the run ends.
#[test]
fn agency_ids_past_three_hundred_stay_valid() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "--province", "440000", "gd"]).0, 0);
    let mut lines = String::new();
    for i in 0..301 {
        let rec = serde_json::json!({
            "基本编码": format!("44010100{:04}", i % 1000),
            "事项名称": format!("测试事项{i}"),
            "事项类型": "行政许可",
            "行政区划代码": "440100",
            "实施主体": format!("广州市测试机构{i}"),
            "设定依据": "《中华人民共和国行政许可法》",
            "服务对象": "自然人",
            "受理条件": "申请人具有完全民事行为能力",
            "申请材料": "居民身份证",
            "法定办结时限": "20个工作日",
            "承诺办结时限": "10个工作日",
            "办件类型": "承诺件",
            "是否收费": "否",
            "到办事现场次数": "0",
            "是否进驻政务服务中心": "是",
            "主管部门": "广东省测试厅"
        });
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    std::fs::write(tmp.path().join("many.jsonl"), lines).unwrap();
    let (code, report, err) = run(
        tmp.path(),
        &["import", "many.jsonl", "--out", "gd", "--date", "2026-12-06"],
    );
    assert_eq!(code, 0, "{report}{err}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("gd/agencies/440100.json")).unwrap()).unwrap();
    let ids: Vec<&str> = file["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 301);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 301);
    let re = regex::Regex::new(r"^[0-9]{6}-[0-9A-Za-z]{1,8}$").unwrap();
    assert!(ids.iter().all(|id| re.is_match(id)), "{ids:?}");
    let (_, out, _) = run(tmp.path(), &["lint", "gd", "--format", "json"]);
    assert!(
        !out.contains("\"rule\": \"schema\"") && !out.contains("\"rule\":\"schema\""),
        "{out}"
    );
}

/// A run killed between writes leaves `.tmpXXXXXX` files (the atomic
/// writes' temporaries): the next import removes them, and nothing else.
#[test]
fn temporaries_of_an_interrupted_import_are_cleaned_on_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "--province", "440000", "gd"]).0, 0);
    std::fs::create_dir_all(tmp.path().join("gd/items")).unwrap();
    let stale = tmp.path().join("gd/items/.tmpAb12Cd");
    let other = tmp.path().join("gd/items/.tmp-notes.txt");
    std::fs::write(&stale, "{\"half\": ").unwrap();
    std::fs::write(&other, "mine").unwrap();
    let input = export();
    let (_, report, err) = run(
        tmp.path(),
        &["import", input.to_str().unwrap(), "--out", "gd", "--date", "2026-12-06"],
    );
    assert!(report.contains("临时文件 1 个"), "{report}{err}");
    assert!(!stale.exists());
    assert!(other.exists());
}

/// A FIFO where a registry file would be is refused, never opened: the
/// run ends (it used to block forever) with the reason; a FIFO where an
/// item file would be is neither read nor replaced.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_target_does_not_block_the_import() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "--province", "440000", "gd"]).0, 0);
    std::fs::create_dir_all(tmp.path().join("gd/agencies")).unwrap();
    let fifo = tmp.path().join("gd/agencies/440100.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let input = export();
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(tmp.path())
        .args(["import", input.to_str().unwrap(), "--out", "gd", "--dry-run"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some(), "killed by the timeout: {text}");
    assert!(text.contains("不是普通文件"), "{text}");

    std::fs::remove_file(&fifo).unwrap();
    std::fs::create_dir_all(tmp.path().join("gd/items")).unwrap();
    let item = tmp.path().join("gd/items/000101001000.json");
    assert!(std::process::Command::new("mkfifo")
        .arg(&item)
        .status()
        .unwrap()
        .success());
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(tmp.path())
        .args(["import", input.to_str().unwrap(), "--out", "gd"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    // The FIFO is reported and left alone; the rest of the run goes on.
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("不是普通文件"), "{text}");
    let kind = std::fs::symlink_metadata(&item).unwrap().file_type();
    assert!(!kind.is_file(), "the FIFO was replaced");
}

/// Every file under `dir`, with its bytes (directories as empty).
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = if p.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p.strip_prefix(dir).unwrap().display().to_string(), bytes)
        })
        .collect();
    all.sort();
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// A file the import must write (`--force`) whose path is taken by a
/// directory: the run fails before anything is written (registries
/// included), and leaves no staging directory.
#[test]
fn an_import_that_cannot_write_one_file_writes_none() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "--province", "440000", "gd"]).0, 0);
    std::fs::create_dir_all(tmp.path().join("gd/local/440000/000101001000.json")).unwrap();
    let before = tree(tmp.path());
    let input = export();
    let (code, _, err) = run(
        tmp.path(),
        &[
            "import",
            input.to_str().unwrap(),
            "--out",
            "gd",
            "--date",
            "2026-12-06",
            "--force",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("000101001000.json") && err.contains("未写入任何文件"),
        "{err}"
    );
    assert_eq!(tree(tmp.path()), before, "nothing changed");
}
