//! Findings as JUnit XML, for CI test-report views (GitLab's `junit`
//! artifact, Jenkins, Azure Pipelines): one `<testsuite>` per rule that
//! has findings (a rule reads like a test; its suite lists where it
//! failed), one `<testcase>` with a `<failure>` per finding, named by its
//! place (`file:line:column`); the failure's `type` is the severity.
//! A run without findings gives one passing test case, so the report is
//! never empty. Written with `quick-xml`, which escapes every attribute
//! and text; characters XML 1.0 cannot hold are dropped first.

use std::collections::BTreeMap;
use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use crate::diag::Diagnostic;
use crate::lint::Outcome;

pub(crate) fn junit(out: &Outcome) -> String {
    let mut by_rule: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &out.diagnostics {
        by_rule.entry(d.rule).or_default().push(d);
    }
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to a Vec cannot fail.
    let _ = document(&mut w, out, &by_rule);
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}

fn document(w: &mut Writer<Vec<u8>>, out: &Outcome, by_rule: &BTreeMap<&str, Vec<&Diagnostic>>) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let total = out.diagnostics.len().max(1).to_string();
    let failures = out.diagnostics.len().to_string();
    w.create_element("testsuites")
        .with_attributes([
            ("name", "tongbiao lint"),
            ("tests", total.as_str()),
            ("failures", failures.as_str()),
        ])
        .write_inner_content(|w| {
            if by_rule.is_empty() {
                clean(w)?;
            }
            for (rule, found) in by_rule {
                suite(w, out, rule, found)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn clean(w: &mut Writer<Vec<u8>>) -> io::Result<()> {
    w.create_element("testsuite")
        .with_attributes([("name", "tongbiao"), ("tests", "1"), ("failures", "0")])
        .write_inner_content(|w| {
            w.create_element("testcase")
                .with_attributes([("name", "目录检查"), ("classname", "tongbiao")])
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

fn suite(w: &mut Writer<Vec<u8>>, out: &Outcome, rule: &str, found: &[&Diagnostic]) -> io::Result<()> {
    let n = found.len().to_string();
    w.create_element("testsuite")
        .with_attributes([("name", rule), ("tests", &n), ("failures", &n)])
        .write_inner_content(|w| {
            for d in found {
                case(w, out, d)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn case(w: &mut Writer<Vec<u8>>, out: &Outcome, d: &Diagnostic) -> io::Result<()> {
    let file = out.sources.get(d.file).shown();
    let place = format!("{file}:{}:{}", d.line, d.column);
    let line = d.line.to_string();
    let mut body = format!("{place}\n{}\n", d.message);
    if let Some(h) = &d.help {
        body.push_str(&format!("建议：{h}\n"));
    }
    w.create_element("testcase")
        .with_attributes([
            ("name", clean_xml(&place).as_str()),
            ("classname", d.rule),
            ("file", clean_xml(&file).as_str()),
            ("line", line.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("failure")
                .with_attributes([
                    ("type", format!("{:?}", d.severity).to_lowercase().as_str()),
                    ("message", clean_xml(&d.message).as_str()),
                ])
                .write_text_content(BytesText::new(&clean_xml(&body)))?;
            Ok(())
        })?;
    Ok(())
}

/// `s` without the characters XML 1.0 cannot contain (control characters
/// other than tab and line breaks, U+FFFE, U+FFFF).
fn clean_xml(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(clean_xml("a\u{0}b\tc\u{FFFF}"), "ab\tc");
        let mut out = crate::testing::lint_with(&[]);
        if let Some(d) = out.diagnostics.first_mut() {
            d.message = "<x a=\"1\">&</x>\u{1}".into();
        }
        let xml = junit(&out);
        assert!(!xml.contains("<x a"), "{xml}");
        assert!(xml.contains("&lt;x a=&quot;1&quot;&gt;&amp;&lt;/x&gt;"), "{xml}");
        assert!(!xml.contains('\u{1}'));
    }
}
