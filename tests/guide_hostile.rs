//! `tongbiao guide` on the hostile-content fixture (tests/guide/hostile/):
//! every text field carries `<script>alert(1)</script>`,
//! `"><img src=x onerror=alert(1)>` and U+202E, some carry 5,000 characters,
//! and the URL-like fields carry `javascript:` and `data:` URLs. The
//! generated HTML must show the payload as text (escaped) and contain no
//! markup or link made from it (no `<script>alert`, no tag with `onerror=`,
//! no `href="javascript:`). The same site is opened in Chromium by
//! scripts/browser_check.sh (scripts run, dialogs, DOM attributes); this
//! test needs no browser.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guide/hostile")
}

/// Builds the hostile site into a temp dir; returns (dir guard, site path, pages).
fn build() -> (tempfile::TempDir, PathBuf, Vec<(PathBuf, String)>) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = Command::cargo_bin("tongbiao")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("guide")
        .arg(fixture())
        .arg("--out")
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tongbiao guide on the hostile fixture failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages = Vec::new();
    for e in walkdir::WalkDir::new(&site).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            // The layout's empty icon (no /favicon.ico request) is the one
            // data: URL a page may hold; it is not catalog content.
            let text = std::fs::read_to_string(e.path())
                .unwrap()
                .replace("<link rel=\"icon\" href=\"data:,\">", "");
            pages.push((e.path().to_path_buf(), text));
        }
    }
    (tmp, site, pages)
}

/// Byte offsets of `needle` in `hay`, ASCII case-insensitive.
fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    let hay = hay.to_ascii_lowercase();
    hay.match_indices(&needle.to_ascii_lowercase())
        .map(|(i, _)| i)
        .collect()
}

fn context(text: &str, at: usize) -> String {
    let start = text.floor_char_boundary(at.saturating_sub(60));
    let end = text.ceil_char_boundary((at + 60).min(text.len()));
    text[start..end].to_string()
}

#[test]
fn payloads_are_text_never_markup() {
    let (_tmp, site, pages) = build();
    assert!(!pages.is_empty(), "no HTML page generated in {site:?}");
    let forbidden = [
        "<script>alert",
        "<img src=x",
        "href=\"javascript:",
        "href='javascript:",
        "href=javascript:",
        "src=\"javascript:",
        "href=\"data:",
        "action=\"javascript:",
    ];
    // `onerror=` as text (after an escaped `&#60;img`) is fine; inside a tag it is not.
    let handler = regex::Regex::new(r"(?i)<[^<>]*\sonerror\s*=").unwrap();
    let mut problems = Vec::new();
    for (path, text) in &pages {
        for m in handler.find_iter(text) {
            problems.push(format!(
                "{}: a tag with onerror= …{}…",
                path.display(),
                context(text, m.start())
            ));
        }
        for needle in forbidden {
            for at in find_all(text, needle) {
                problems.push(format!("{}: `{needle}` in …{}…", path.display(), context(text, at)));
            }
        }
    }
    assert!(problems.is_empty(), "unescaped payloads:\n{}", problems.join("\n"));
}

#[test]
fn payloads_reach_the_pages_escaped() {
    // Without this the test above would pass on a site that dropped the fields.
    let (_tmp, _site, pages) = build();
    let escaped = pages
        .iter()
        .filter(|(_, t)| {
            t.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                || t.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
        })
        .count();
    assert!(
        escaped * 2 >= pages.len(),
        "the escaped payload shows on only {escaped} of {} pages",
        pages.len()
    );
    let long = pages.iter().filter(|(_, t)| t.contains(&"长".repeat(5000))).count();
    assert!(long > 0, "no page shows the 5,000-character strings");
}

#[test]
fn every_page_has_a_csp_and_no_inline_handlers() {
    let (_tmp, _site, pages) = build();
    for (path, text) in &pages {
        assert!(
            text.contains("http-equiv=\"Content-Security-Policy\""),
            "{}: no Content-Security-Policy meta",
            path.display()
        );
        // Any ` on…=` attribute on a tag is an inline handler, hostile or not.
        let lower = text.to_ascii_lowercase();
        for tag in lower.split('<').skip(1) {
            let head = tag.split('>').next().unwrap_or("");
            let inline = head
                .split_ascii_whitespace()
                .skip(1)
                .any(|a| a.starts_with("on") && a.contains('='));
            assert!(!inline, "{}: inline event handler in <{head}>", path.display());
        }
    }
}
