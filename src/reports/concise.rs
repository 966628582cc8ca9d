//! Findings one per line, `file:line:col: 级别 rule message`, then the
//! summary line: for terminals, editors' problem matchers and grep. Infos
//! are counted but only listed with `show_info`, as in the human report.

use super::terminal::safe_line;
use super::{summary_line, tally};
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

pub(crate) fn concise(out: &Outcome, show_info: bool) -> String {
    let mut s = String::new();
    for d in &out.diagnostics {
        if d.severity == Severity::Info && !show_info {
            continue;
        }
        s.push_str(&line(out, d));
    }
    let c = tally(out);
    if c.info > 0 && !show_info {
        s.push_str(&format!("（另有 {} 条提示未显示；加 --show-info 查看）\n", c.info));
    }
    s.push_str(&summary_line(out));
    s.push('\n');
    s
}

/// One finding as one line (also the human report's fallback when a code
/// frame cannot be drawn). File name and message are escaped for the
/// terminal; a line break in either is shown as `\n`.
pub(crate) fn line(out: &Outcome, d: &Diagnostic) -> String {
    let f = out.sources.get(d.file);
    format!(
        "{}:{}:{}: {} {} {}\n",
        safe_line(&f.shown()),
        d.line,
        d.column,
        d.severity.label(),
        d.rule,
        safe_line(&d.message.replace("\r\n", " ").replace('\n', " "))
    )
}
