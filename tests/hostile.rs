//! The hostile-input suite: classes of bad input as data folders under
//! `tests/hostile/<class>/spec.json`. Each class plants its input (a file's
//! text, an edit of a fixture file, a FIFO, a link, a directory) in a copy
//! of `tests/cases/clean/catalog` beside a planted finding
//! (`catalog/misplaced.json`, an unknown-file), once per variant, runs the
//! command and checks: the exit code, the rule ids expected, that the
//! planted finding is still reported, that no output carries a control or
//! bidi character to the terminal, and (when asked) that the JSON output
//! and the human report agree on every line and column.
//!
//! Spec fields: `plant` (`path`, and `text` or `edit: {from, to}` or
//! `kind`: fifo | symlink | dir with `target`), `variants` (strings or
//! objects merged into `plant`) or `generate` (controls | bidi |
//! repeat with `unit`/`close`/`counts` | keys: `"k0": 0, …` with `counts`), `args`, `exit`, `rules`, `at`,
//! `planted`, `same_lines`. In texts, `{v}` is the variant raw, `{j}` as
//! a JSON `\u` escape, `{w}` the closing repeat.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::{json, Value};

const PLANTED: &str = "catalog/misplaced.json";

/// What a terminal must never get as itself.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The variants of a class, each a plant (path, text, …) with `{v}`
/// substituted.
fn variants(spec: &Value) -> Vec<(String, Value)> {
    let values: Vec<(String, Value)> = match spec["generate"].as_str() {
        Some("controls") => (0u32..0x20)
            .chain(std::iter::once(0x7f))
            .chain(0x80..0xa0)
            .map(|c| (format!("U+{c:04X}"), json!(char::from_u32(c).unwrap().to_string())))
            .collect(),
        Some("bidi") => [
            0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
        ]
        .into_iter()
        .map(|c| (format!("U+{c:04X}"), json!(char::from_u32(c).unwrap().to_string())))
        .collect(),
        Some("repeat") => spec["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                let n = usize::try_from(n.as_u64().unwrap()).unwrap();
                let v = spec["unit"].as_str().unwrap().repeat(n);
                let w = spec["close"].as_str().unwrap_or("").repeat(n);
                (format!("×{n}"), json!({ "v": v, "w": w }))
            })
            .collect(),
        Some("keys") => spec["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                let n = n.as_u64().unwrap();
                let v: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
                (format!("{n} keys"), json!(v.join(", ")))
            })
            .collect(),
        _ => spec["variants"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("#{i}"), v.clone()))
            .collect(),
    };
    values
        .into_iter()
        .map(|(name, v)| {
            let mut plant = spec["plant"].clone();
            let (raw, close) = match &v {
                Value::String(s) => (s.clone(), String::new()),
                Value::Object(o) if o.contains_key("v") => (
                    o["v"].as_str().unwrap().to_string(),
                    o["w"].as_str().unwrap().to_string(),
                ),
                Value::Object(o) => {
                    for (k, x) in o {
                        plant[k] = x.clone();
                    }
                    (String::new(), String::new())
                }
                _ => panic!("variant {v}"),
            };
            let escaped: String = raw.chars().map(|c| format!("\\u{:04x}", u32::from(c))).collect();
            let fill = |s: &str| s.replace("{v}", &raw).replace("{j}", &escaped).replace("{w}", &close);
            fill_strings(&mut plant, &fill);
            if plant.get("at").is_none() {
                plant["at"] = json!(fill(spec["at"].as_str().unwrap_or("")));
            }
            (name, plant)
        })
        .collect()
}

fn fill_strings(v: &mut Value, fill: &dyn Fn(&str) -> String) {
    match v {
        Value::String(s) => *s = fill(s),
        Value::Object(o) => o.values_mut().for_each(|x| fill_strings(x, fill)),
        Value::Array(a) => a.iter_mut().for_each(|x| fill_strings(x, fill)),
        _ => {}
    }
}

/// Plant one input in the working directory `dir`.
fn plant(dir: &Path, p: &Value) {
    let path = dir.join(p["path"].as_str().unwrap());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    match p["kind"].as_str().unwrap_or("text") {
        "text" if p.get("edit").is_some() => {
            let old = std::fs::read_to_string(&path).unwrap();
            let (from, to) = (p["edit"]["from"].as_str().unwrap(), p["edit"]["to"].as_str().unwrap());
            assert!(old.contains(from), "edit: {from:?} not in {}", path.display());
            std::fs::write(&path, old.replacen(from, to, 1)).unwrap();
        }
        "text" if p.get("truncate").is_some() => {
            let old = std::fs::read_to_string(&path).unwrap();
            let mut n = usize::try_from(p["truncate"].as_u64().unwrap()).unwrap().min(old.len());
            while !old.is_char_boundary(n) {
                n -= 1;
            }
            std::fs::write(&path, &old[..n]).unwrap();
        }
        "text" => {
            let _ = std::fs::remove_file(&path);
            std::fs::write(&path, p["text"].as_str().unwrap()).unwrap();
        }
        "fifo" => {
            let _ = std::fs::remove_file(&path);
            let ok = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
            assert!(ok.success());
        }
        "symlink" => {
            let _ = std::fs::remove_file(&path);
            std::os::unix::fs::symlink(p["target"].as_str().unwrap(), &path).unwrap();
        }
        "dir" => {
            let _ = std::fs::remove_file(&path);
            std::fs::create_dir_all(&path).unwrap();
        }
        k => panic!("plant kind {k}"),
    }
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// The start of a long output, for a failure message.
fn head(s: &str) -> String {
    s.chars().take(1500).collect()
}

/// (file, line, column) of the human report's findings: its frame headers,
/// and past the frame limit its one-line findings (`file:line:col: …`).
fn human_places(text: &str) -> Vec<(String, u64, u64)> {
    let mut v = Vec::new();
    let mut listed = false;
    for l in text.lines() {
        if l.contains("条逐行列出") {
            listed = true;
            continue;
        }
        let place = if listed {
            one_line_place(l)
        } else {
            l.trim_start().strip_prefix("╭─[").and_then(|r| r.strip_suffix(']'))
        };
        let Some(inner) = place else { continue };
        let mut parts = inner.rsplitn(3, ':');
        let (c, line, file) = (parts.next(), parts.next(), parts.next());
        if let (Some(c), Some(line), Some(file)) = (c, line, file) {
            v.push((file.to_string(), line.parse().unwrap(), c.parse().unwrap()));
        }
    }
    v.sort();
    v
}

/// `file:line:col` of a one-line finding `file:line:col: 级别 rule …`: the
/// first `: ` preceded by two numbers.
fn one_line_place(l: &str) -> Option<&str> {
    l.match_indices(": ").map(|(i, _)| &l[..i]).find(|head| {
        let mut parts = head.rsplitn(3, ':');
        let nums = [parts.next(), parts.next()];
        parts.next().is_some()
            && nums
                .iter()
                .all(|n| n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    })
}

fn check_variant(class: &str, name: &str, spec: &Value, p: &Value) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&root.join("tests/cases/clean/catalog"), &dir.join("catalog"));
    common::copy_dir(&root.join("rules"), &dir.join("rules"));
    std::fs::write(dir.join(PLANTED), "{}").unwrap();
    plant(dir, p);
    let args: Vec<String> = spec["args"].as_array().map_or_else(
        || vec!["lint".into(), "catalog".into(), "--rules".into(), "rules".into()],
        |a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let want_exit = spec["exit"].as_i64().unwrap();
    let want_rules: Vec<&str> = spec["rules"]
        .as_array()
        .map_or(vec![], |a| a.iter().map(|r| r.as_str().unwrap()).collect());
    let at = p["at"].as_str().unwrap_or("");
    let planted = spec["planted"].as_bool().unwrap_or(true);
    let why = |m: String| format!("{class} {name}: {m}");
    // Every terminal format: the exit code, no unsafe character, the rule ids.
    let mut human = String::new();
    for fmt in ["human", "concise"] {
        let mut a = args.clone();
        if args[0] == "lint" {
            a.extend(["--format", fmt]);
        }
        let (code, text) = run(dir, &a);
        if i64::from(code) != want_exit {
            return Err(why(format!("{fmt}: exit {code}, want {want_exit}\n{}", head(&text))));
        }
        if let Some(c) = text.chars().find(|c| unsafe_char(*c)) {
            return Err(why(format!("{fmt}: U+{:04X} reached the terminal", u32::from(c))));
        }
        for r in &want_rules {
            if !text.contains(r) {
                return Err(why(format!("{fmt}: rule {r} not reported\n{}", head(&text))));
            }
        }
        if planted && args[0] == "lint" && !text.contains("misplaced.json") {
            return Err(why(format!("{fmt}: the planted finding was lost")));
        }
        if fmt == "human" {
            human = text;
        }
        if args[0] != "lint" {
            break;
        }
    }
    if args[0] != "lint" {
        return Ok(());
    }
    // JSON: the rules at their file, the planted finding, the same places
    // as the human report.
    let mut a = args.clone();
    a.extend(["--format", "json", "--show-info"]);
    let (_, text) = run(dir, &a);
    let Ok(j) = serde_json::from_str::<Value>(&text) else {
        return if want_exit == 2 {
            Ok(())
        } else {
            Err(why(format!("json output: {}", head(&text))))
        };
    };
    let findings = j["findings"].as_array().cloned().unwrap_or_default();
    let has = |rule: &str, file: &str| {
        findings
            .iter()
            .any(|f| f["rule"] == rule && (file.is_empty() || f["file"].as_str().unwrap_or("") == file))
    };
    for r in &want_rules {
        if !has(r, at) {
            return Err(why(format!("json: rule {r} not at {at:?}")));
        }
    }
    if planted && !has("unknown-file", PLANTED) {
        return Err(why("json: the planted unknown-file was lost".into()));
    }
    if spec["same_lines"].as_bool().unwrap_or(false) {
        let mut places: Vec<(String, u64, u64)> = findings
            .iter()
            .filter(|f| f["severity"] != "info")
            .map(|f| {
                (
                    f["file"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                )
            })
            .collect();
        places.sort();
        let shown = human_places(&human);
        if places != shown {
            return Err(why(format!("json places {places:?} ≠ human {shown:?}")));
        }
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn hostile_inputs_are_reported_never_crash_hang_or_reach_the_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut classes: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("spec.json").is_file())
        .collect();
    classes.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    for class in &classes {
        let name = class.file_name().unwrap().to_string_lossy().to_string();
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(class.join("spec.json")).unwrap()).unwrap();
        for (variant, plant) in variants(&spec) {
            total += 1;
            if let Err(e) = check_variant(&name, &variant, &spec, &plant) {
                failures.push(e);
            }
        }
    }
    assert!(total >= 150, "only {total} hostile cases");
    assert!(
        failures.is_empty(),
        "{} of {total} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
