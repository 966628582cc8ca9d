//! Findings as GitHub Actions workflow commands: one `::error`,
//! `::warning` or `::notice` line per finding (info → notice), which
//! GitHub shows as annotations on the pull request's files, then the
//! summary line.
//!
//! GitHub shows at most 10 annotations of each type per step; the lines
//! past the cap stay in the log. The command adds a Markdown job summary
//! (`GITHUB_STEP_SUMMARY`) with every finding, and this report says so
//! when a type went over the cap.

use super::{summary_line, tally};
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

/// Annotations GitHub shows per type and step.
pub(crate) const CAP: usize = 10;

/// The workflow commands, then a note when a type exceeds the cap, then
/// the summary line. `summary` says whether a job summary is written.
pub(crate) fn github(out: &Outcome, summary: bool) -> String {
    let mut s = String::new();
    for d in &out.diagnostics {
        s.push_str(&command(out, d));
        s.push('\n');
    }
    let c = tally(out);
    if c.error > CAP || c.warning > CAP || c.info > CAP {
        let whole = if summary {
            "全部问题见本步骤的作业摘要（job summary）"
        } else {
            "全部问题见上面的日志"
        };
        s.push_str(&format!(
            "GitHub 每个步骤每类最多显示 {CAP} 条注释（错误 {}，警告 {}，提示 {}）；{whole}\n",
            c.error, c.warning, c.info
        ));
    }
    s.push_str(&summary_line(out));
    s.push('\n');
    s
}

fn command(out: &Outcome, d: &Diagnostic) -> String {
    let f = out.sources.get(d.file);
    let (end_line, end_column) = f.line_col(d.span().map_or(0, |s| s.1));
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut message = d.message.to_string();
    if let Some(h) = &d.help {
        message.push_str(&format!("\n建议：{h}"));
    }
    format!(
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&f.shown()),
        d.line,
        d.column,
        end_line.max(d.line),
        end_column,
        property(&format!("{}（{}）", d.rule, d.severity.label())),
        data(&message)
    )
}

/// GitHub's escaping of a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping of a command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50%\r\n下一行: a,b"), "50%25%0D%0A下一行: a,b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
