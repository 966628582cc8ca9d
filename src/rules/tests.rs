//! The registry's own tests: every rule present, ids unique, documented
//! examples firing.

use super::*;
use std::collections::{BTreeSet, HashSet};

#[test]
fn ids_are_unique_and_kebab_case() {
    let mut seen = HashSet::new();
    for r in RULES {
        assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "rule id {} is not kebab-case",
            r.id
        );
        assert!(!r.summary.is_empty(), "{} lacks a summary", r.id);
    }
}

#[test]
fn every_rule_file_is_registered() {
    // Each `src/rules/<name>.rs` (other than mod.rs) must define a rule
    // whose id is the file name in kebab-case, and be in RULES.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let registered: HashSet<&str> = RULES.iter().map(|r| r.id).collect();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".rs") else { continue };
        // Shared helpers, not rules: the vague-phrase scan and the dispatch
        // of loader and config problems to their rules.
        if matches!(stem, "mod" | "vague" | "loading" | "doc" | "tests") {
            continue;
        }
        let id = stem.replace('_', "-");
        assert!(
            registered.contains(id.as_str()),
            "rule file {name} is not in RULES (expected id {id})"
        );
    }
}

#[test]
fn documented_examples_trigger_their_rules() {
    // Each rule's example, applied to the clean test catalog, must make
    // the rule report more than it does on the clean catalog (a few
    // informational rules already report there), and the documented
    // failing example (`doc.bad`) must show the example as applied.
    let clean = crate::testing::lint_with(&[]);
    let count = |out: &crate::lint::Outcome, id: &str| out.diagnostics.iter().filter(|d| d.rule == id).count();
    let mut failures = Vec::new();
    for r in RULES {
        for s in r.example.shown() {
            if !r.doc.bad.contains(s) {
                failures.push(format!("{}: doc.bad does not show the example's {s:?}", r.id));
            }
        }
        if let Check::Diff(_) = r.check {
            // Two revisions: the clean catalog, then the clean catalog
            // with the example applied (the clean pair reports nothing).
            match crate::testing::diff_example(&r.example) {
                Err(e) => failures.push(format!("{}: the example does not apply: {e}", r.id)),
                Ok(found) if !found.iter().any(|d| d.rule == r.id) => {
                    failures.push(format!("{}: the documented example does not trigger it", r.id));
                }
                Ok(_) => {}
            }
            continue;
        }
        match crate::testing::lint_example(&r.example) {
            Err(e) => failures.push(format!("{}: the example does not apply: {e}", r.id)),
            Ok(out) => {
                let (before, after) = (count(&clean, r.id), count(&out, r.id));
                if after <= before {
                    let found: BTreeSet<&str> = out.diagnostics.iter().map(|d| d.rule).collect();
                    failures.push(format!(
                        "{}: the documented example does not trigger it ({after} findings, {before} on the clean catalog; found {found:?})",
                        r.id
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn docs_have_every_part_and_name_a_basis() {
    // What the basis may name: a policy document (title marks, a
    // document number such as 青政办函〔2021〕44号, or a kind of
    // document), a standard, or this project's conventions file.
    const DOCUMENTS: &[&str] = &[
        "《",
        "〔",
        "办法",
        "条例",
        "方案",
        "意见",
        "规则",
        "RFC ",
        "GB",
        "README.md",
    ];
    for r in RULES {
        for (header, text) in r.doc.parts() {
            assert!(!blank(text), "{}: doc lacks {header}", r.id);
            assert!(
                !text.starts_with('\n') && text.trim_end() == text,
                "{}: {header} starts with a line break or ends with whitespace",
                r.id
            );
            assert!(
                !text.starts_with(&format!("{header}：")),
                "{}: {header} repeats its header",
                r.id
            );
        }
        assert!(
            DOCUMENTS.iter().any(|d| r.doc.basis.contains(d)),
            "{}: basis names no document: {:?}",
            r.id,
            r.doc.basis
        );
    }
}

#[test]
fn explanation_joins_the_parts_under_their_headers() {
    let doc = Doc {
        what: "甲",
        why: "乙：\n- 一\n- 二",
        basis: "丙",
        bad: "  \"a\": 1,\n  \"a\": 2",
        fix: "- 戊",
    };
    let rule = Rule { doc, ..*RULES[0] };
    assert_eq!(
        rule.explanation(),
        "检查内容：甲\n\n原因：乙：\n- 一\n- 二\n\n依据：丙\n\n错误示例：\n  \"a\": 1,\n  \"a\": 2\n\n修改方法：\n- 戊"
    );
}
