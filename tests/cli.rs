//! CLI cases as data folders: `tests/cases/<case>/args` holds the
//! arguments (one line, split on spaces), the folder is the working
//! directory (usually with a `catalog/` inside; an optional `stdin` file is
//! piped to the command), and the exit code, stdout
//! and stderr are snapshot-tested with insta (`tests/snapshots/`).
//! After an intended change: `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test cli`) and review the diff.

#![allow(clippy::unwrap_used, clippy::too_many_lines)] // test code: a failed unwrap is a failed test

use std::path::Path;

use assert_cmd::Command;

#[test]
fn cli_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("args").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "expected the CLI cases under {}", root.display());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let args = std::fs::read_to_string(case.join("args")).unwrap();
        let mut cmd = Command::cargo_bin("tongbiao").unwrap();
        cmd.current_dir(&case)
            .env("NO_COLOR", "1")
            // Run in GitHub Actions, the github format would write the
            // job summary of the test step.
            .env_remove("GITHUB_STEP_SUMMARY")
            .args(args.split_whitespace());
        if let Ok(input) = std::fs::read(case.join("stdin")) {
            cmd.write_stdin(input);
        }
        let out = cmd.output().unwrap();
        let text = format!(
            "args: {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            args.trim(),
            out.status.code().unwrap_or(-1),
            redact_timing(&String::from_utf8_lossy(&out.stdout)),
            String::from_utf8_lossy(&out.stderr)
        );
        insta::assert_snapshot!(name, text);
    }
}

/// The human summary ends with the elapsed time; everything else is
/// deterministic.
fn redact_timing(s: &str) -> String {
    s.lines()
        .map(|l| match (l.find("用时 "), l.rfind(" 秒")) {
            (Some(a), Some(b)) if b > a => format!("{}用时 [秒数]{}", &l[..a], &l[b..]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if s.ends_with('\n') { "\n" } else { "" }
}
