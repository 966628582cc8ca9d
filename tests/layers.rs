//! The crate's layers, checked: each top-level module of `src/` may use
//! only the modules before it in [`LAYERS`] (read from `crate::…` paths in
//! its non-test code, as `../shared/hooks/layers.py` reads them). A strict
//! order means no module imports upward and no two modules import each
//! other. Adding a module means placing it here, on purpose.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom to top; `lib.rs` describes each layer.
const LAYERS: &[&str] = &[
    // model
    "codes",
    "catalog", // sources and findings
    "source",
    "diag",
    "spans", // text
    "text",
    "canonical", // load and config
    "schema",
    "load",
    "revision",
    "config",   // analysis
    "analysis", // rules
    "rules",    // pipelines
    "lint",
    "import",  // reports
    "reports", // commands and output
    "commands",
    "output",
];

/// Test-only modules, outside the layers.
const TEST_ONLY: &[&str] = &["testing", "robustness"];

fn uses(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let body = text.split("\n#[cfg(test)]").next().unwrap_or("");
    let body: String = body
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    for (i, _) in body.match_indices("crate::") {
        let rest = &body[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if modules.contains(&name) {
            out.insert(name);
        }
        if rest.starts_with('{') {
            let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
            for part in group.split(',') {
                let head = part.trim().split("::").next().unwrap_or("").trim();
                if modules.contains(head) {
                    out.insert(head.to_string());
                }
            }
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ is readable") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules: BTreeSet<String> = std::fs::read_dir(&src)
        .expect("src/")
        .map(|e| e.expect("entry").path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            (p.is_dir() || p.extension().is_some_and(|x| x == "rs")).then_some(name)
        })
        .filter(|n| n != "lib" && n != "main")
        .collect();
    for m in &modules {
        assert!(
            LAYERS.contains(&m.as_str()) || TEST_ONLY.contains(&m.as_str()),
            "module {m} has no layer: place it in LAYERS (tests/layers.rs) and describe it in lib.rs"
        );
    }
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).expect("under src");
        let top = rel
            .iter()
            .next()
            .expect("a component")
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let Some(rank) = LAYERS.iter().position(|l| *l == top) else {
            continue;
        };
        // A module's tests in their own file (`#[cfg(test)] mod tests;`) are
        // test code, like the part of a file after `#[cfg(test)]`.
        if path.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        for used in uses(&text, &modules) {
            let ok = LAYERS.iter().position(|l| *l == used).is_some_and(|r| r < rank);
            if !ok && used != top {
                wrong.push(format!("{} uses {used}", rel.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

/// Files stay small enough to read in one sitting (functions are kept
/// under 80 lines by clippy's `too_many_lines`, see Cargo.toml).
#[test]
fn no_source_file_is_over_500_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let long: Vec<String> = all
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).ok()?.lines().count();
            (n > 500).then(|| format!("{} ({n} lines)", p.strip_prefix(&src).unwrap_or(p).display()))
        })
        .collect();
    assert!(long.is_empty(), "files over 500 lines:\n{}", long.join("\n"));
}
