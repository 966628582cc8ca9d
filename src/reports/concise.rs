//! Findings one per line, `file:line:col: 级别 rule message`, then the
//! summary line: for terminals, editors' problem matchers and grep. Infos
//! are counted but only listed with `show_info`, as in the human report.

use super::{counts, summary_line};
use crate::diag::Severity;
use crate::lint::Outcome;

pub(crate) fn concise(out: &Outcome, show_info: bool) -> String {
    let mut s = String::new();
    for d in &out.diagnostics {
        if d.severity == Severity::Info && !show_info {
            continue;
        }
        let f = out.sources.get(d.file);
        s.push_str(&format!(
            "{}:{}:{}: {} {} {}\n",
            f.shown(),
            d.line,
            d.column,
            d.severity.label(),
            d.rule,
            d.message.replace(['\r', '\n'], " ")
        ));
    }
    let c = counts(&out.diagnostics);
    if c.info > 0 && !show_info {
        s.push_str(&format!("（另有 {} 条提示未显示；加 --show-info 查看）\n", c.info));
    }
    s.push_str(&summary_line(out));
    s.push('\n');
    s
}
