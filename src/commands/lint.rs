//! `tongbiao lint`: check the catalog and report every finding.

use std::io::IsTerminal;
use std::path::Path;

use super::{Color, Format, Outcome, Status};
use crate::lint::{self, Failure};
use crate::{config, reports};

pub(super) fn run(
    path: &Path,
    rules: &Path,
    today: Option<String>,
    format: Format,
    show_info: bool,
    color: Color,
) -> Outcome {
    let today = match today {
        Some(t) if config::parse_date(&t).is_some() => t,
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => config::today(),
    };
    let rules_dir = rules.is_dir().then_some(rules);
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    };
    let render = |out: &lint::Outcome, show_info: bool| match format {
        Format::Human => reports::human(out, show_info, color),
        Format::Json => reports::json(out),
    };
    match lint::lint_dir(path, rules_dir, &today) {
        Ok(out) => {
            let mut o = Outcome::default();
            o.out(render(&out, show_info));
            o.status = if lint::has_errors(&out) {
                Status::Findings
            } else {
                Status::Clean
            };
            o
        }
        Err(Failure::Io(e)) => Outcome::failed(format!("无法检查目录：{e}")),
        Err(Failure::Config(out)) => {
            let mut o = Outcome::failed("rules/ 中的配置有误，未检查目录；请先修正上面列出的问题");
            o.steps.insert(0, super::Step::Out(render(&out, true)));
            o
        }
    }
}
