//! `tongbiao lint`: check the catalog and report every finding.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::{Color, Format, Outcome, Status, Step};
use crate::lint::{self, Failure};
use crate::{config, reports};

/// Arguments of `tongbiao lint`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 目录路径（默认 catalog）
    #[arg(default_value = "catalog")]
    path: PathBuf,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// 同时显示提示级别的问题（如待补充的统一社会信用代码）
    #[arg(long)]
    show_info: bool,
    /// 彩色输出
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// 规则配置目录（默认：目录旁的 rules/；其中缺少的文件使用内置默认）
    #[arg(long)]
    rules: Option<PathBuf>,
    /// 判断豁免是否到期所用的日期 YYYY-MM-DD（默认今天）
    #[arg(long)]
    today: Option<String>,
    /// 基线文件（由 tongbiao baseline 写出）：其中已有的问题不再报告，只报告新增的问题；已不存在的条目报告为 baseline-stale
    #[arg(long)]
    baseline: Option<PathBuf>,
}

pub(super) fn run(args: &Args) -> Outcome {
    let today = match &args.today {
        Some(t) if config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => config::today(),
    };
    let rules = args.rules.clone().unwrap_or_else(|| args.path.join("..").join("rules"));
    let rules_dir = rules.is_dir().then_some(rules.as_path());
    match lint::lint_dir(&args.path, rules_dir, &today) {
        Ok(mut out) => {
            if let Err(failed) = super::baseline::apply(args.baseline.as_deref(), &mut out) {
                return failed;
            }
            let mut o = Outcome::default();
            o.out(render(args, &out, args.show_info));
            o.err(super::baseline::note(&out));
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
            o.steps.insert(0, Step::Out(render(args, &out, true)));
            o
        }
    }
}

/// The report in the chosen format.
fn render(args: &Args, out: &lint::Outcome, show_info: bool) -> String {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    };
    match args.format {
        Format::Human => reports::human(out, show_info, color),
        Format::Json => reports::json(out),
    }
}
