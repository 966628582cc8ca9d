//! `tongbiao check-text`: the text rules over plain text, one clause per
//! line, so a reviewer can check a draft clause before it enters the
//! catalog. Uses the same lexicon, matcher and scope as `lint`: the lines
//! are checked as the text of one field (`--field`, a JSON pointer), and
//! `Config::in_scope` decides which rules look at it, as in `lint`.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::{Outcome, Status};
use crate::config;
use crate::diag::Severity;
use crate::rules;
use crate::text::matcher::Usage;

#[derive(Serialize)]
struct Line<'a> {
    /// 1-based line number.
    line: usize,
    text: &'a str,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Finding<'a> {
    /// Character (Unicode scalar value) offsets in the original line,
    /// 0-based, end exclusive.
    start: usize,
    end: usize,
    text: &'a str,
    class: &'static str,
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    rewrite: &'a str,
    policy: &'a str,
}

/// Run over `file` ("-" = stdin).
pub(super) fn run(file: &str, rules_dir: &Path, field: &str, json: bool) -> Outcome {
    let input = if file == "-" {
        let mut s = String::new();
        match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => s,
            Err(e) => return Outcome::failed(format!("无法读取标准输入：{e}")),
        }
    } else {
        match std::fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => return Outcome::failed(format!("无法读取 {file}：{e}")),
        }
    };
    let loaded = config::load(rules_dir.is_dir().then_some(rules_dir), &rules::known);
    let cfg = match &loaded.config {
        Ok(c) => c,
        Err(invalid) => return super::broken_rules(&loaded.sources, invalid, "未检查文字"),
    };
    if !field.starts_with('/') {
        return Outcome::failed(format!("--field “{field}”不是 JSON 指针：以 / 开头，如 /conditions/0"));
    }
    let (text, errors) = check(&input, cfg, field, json);
    let mut o = Outcome::default();
    o.out(text);
    if errors {
        o.status = Status::Findings;
    }
    o
}

/// Character offsets of byte positions in one line, counted forward from
/// the last position asked (hits come in order), so a line with many
/// findings is counted once, not once per finding.
#[derive(Default)]
struct CharOffsets {
    byte: usize,
    chars: usize,
}

impl CharOffsets {
    fn at(&mut self, line: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharOffsets::default();
        }
        self.chars += line[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The report for `input` and whether it holds an error-level finding.
pub(crate) fn check(input: &str, cfg: &config::Config, field: &str, json: bool) -> (String, bool) {
    let mut usage = Usage::new(&cfg.matcher, cfg.allow_count);
    let mut lines = Vec::new();
    let mut errors = false;
    for (i, raw) in input.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let mut findings = Vec::new();
        let mut chars = CharOffsets::default();
        for h in cfg.matcher.find(line, &mut usage) {
            let e = cfg.matcher.entry(h.entry);
            let rule = e.class.rule_id();
            if !cfg.in_scope(rule, field) {
                continue;
            }
            let default = rules::find(rule).map_or(Severity::Error, |r| r.severity);
            let Some(severity) = cfg.severity(rule, default, "-", field, &mut []) else {
                continue;
            };
            errors |= severity == Severity::Error;
            findings.push(Finding {
                start: chars.at(line, h.start),
                end: chars.at(line, h.end),
                text: &line[h.start..h.end],
                class: e.class.label(),
                rule,
                severity,
                message: &e.message,
                rewrite: &e.rewrite,
                policy: &e.policy,
            });
        }
        lines.push(Line {
            line: i + 1,
            text: line,
            findings,
        });
    }
    if json {
        let mut s = serde_json::to_string_pretty(&lines).expect("report serialises");
        s.push('\n');
        return (s, errors);
    }
    let mut s = String::new();
    let mut total = 0;
    for l in &lines {
        if l.findings.is_empty() {
            continue;
        }
        s.push_str(&format!("第 {} 行：{}\n", l.line, l.text));
        for f in &l.findings {
            total += 1;
            let at = if f.end - f.start <= 1 {
                format!("第 {} 字", f.start + 1)
            } else {
                format!("第 {}–{} 字", f.start + 1, f.end)
            };
            s.push_str(&format!(
                "  {at}「{}」{}（{}，{}）：{}\n    建议：{}（依据：{}）\n",
                f.text,
                f.class,
                f.rule,
                f.severity.label(),
                f.message,
                f.rewrite,
                f.policy
            ));
        }
    }
    s.push_str(&format!("检查 {} 行，发现 {} 处模糊用语\n", lines.len(), total));
    (crate::reports::terminal::safe(&s).into_owned(), errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_the_catch_all_with_character_offsets() {
        let cfg = config::Config::defaults();
        let (out, errors) = check(
            "申请人需提交其他相关材料\n申请人为公民、法人或者其他组织\n",
            &cfg,
            "/conditions/0",
            true,
        );
        assert!(errors);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let f = &v[0]["findings"][0];
        assert_eq!((f["start"].as_u64(), f["end"].as_u64()), (Some(6), Some(12)));
        assert_eq!(f["text"], "其他相关材料");
        assert_eq!(f["class"], "兜底");
        assert_eq!(f["rule"], "vague-catch-all");
        assert_eq!(v[1]["findings"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn control_characters_in_checked_text_are_shown_escaped() {
        let cfg = config::Config::defaults();
        let (out, _) = check(
            "\u{1b}[2J申请人需提交其他相关材料\u{202e}\n",
            &cfg,
            "/conditions/0",
            false,
        );
        assert!(out.contains("\\u{1b}[2J申请人"), "{out}");
        assert!(!out.chars().any(crate::reports::terminal::is_unsafe), "{out}");
    }

    /// Found by the `check_text` fuzz target: a pattern hit running past
    /// the end of its clause (the `?`) once sliced the context window
    /// backwards and panicked.
    #[test]
    fn a_hit_across_a_clause_end_is_reported_not_a_panic() {
        let cfg = config::Config::defaults();
        let (out, errors) = check("本县户籍\u{fffd}c其他\u{0}?gP材料需提\n", &cfg, "/conditions/0", true);
        assert!(errors);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let texts: Vec<&str> = (v[0]["findings"].as_array().unwrap().iter())
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert!(texts.contains(&"其他\u{0}?gP材料"), "{texts:?}");
    }

    #[test]
    fn the_field_decides_the_scope_as_in_lint() {
        let cfg = config::Config::defaults();
        let line = "申请人应为本地户籍居民\n";
        for (field, expected) in [
            ("/conditions/0", true),
            ("/deviations/0/value", true),
            // A registry material's name is scanned, but not by this rule.
            ("/materials/0/name", false),
            // Verbatim law text is out of scope for every text rule.
            ("/legal_basis/0/text", false),
            // The discriminatory rule looks only at conditions and the like.
            ("/windows/0/hours", false),
        ] {
            let (out, errors) = check(line, &cfg, field, false);
            assert_eq!(errors, expected, "{field}: {out}");
        }
    }
}
