//! `tongbiao diff [BASE] [HEAD]`: what changed for applicants between two
//! versions of the catalog, each a directory or a git revision.

use std::path::{Path, PathBuf};

use super::{Outcome, Status};
use crate::analysis::diff::{Class, Side};
use crate::config::{self, Config};
use crate::diag::Severity;
use crate::lint::changes;
use crate::load::{self, RawFile};
use crate::reports::{diff_human, diff_json, diff_markdown};
use crate::revision::Which;

/// Arguments of `tongbiao diff`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 旧版本：git 修订版本（如 HEAD、main、提交号）或目录；默认 HEAD
    #[arg(default_value = "HEAD")]
    pub(crate) base: String,
    /// 新版本：git 修订版本或目录；默认为工作区中的目录（--catalog）
    pub(crate) head: Option<String>,
    /// 目录在仓库中的路径（默认 catalog），修订版本从此路径读取
    #[arg(long, default_value = "catalog")]
    pub(crate) catalog: PathBuf,
    /// 输出格式：human 中文报告，markdown（PR 评论），json
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// 有此类变更时退出码为 1（增负，也可写 burden）
    #[arg(long, value_parser = parse_class)]
    pub(crate) fail_on: Option<Class>,
    /// 规则配置目录（默认：目录旁的 rules/；其中缺少的文件使用内置默认）：变更类别覆盖与规则级别
    #[arg(long)]
    pub(crate) rules: Option<PathBuf>,
    /// 判断豁免是否到期所用的日期 YYYY-MM-DD（默认今天）
    #[arg(long)]
    pub(crate) today: Option<String>,
}

/// Output format of the diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Human,
    Markdown,
    Json,
}

fn parse_class(s: &str) -> Result<Class, String> {
    match s {
        "增负" | "burden" | "burden-up" => Ok(Class::Up),
        "减负" | "burden-down" => Ok(Class::Down),
        "结构" | "structural" => Ok(Class::Structural),
        "中性" | "neutral" => Ok(Class::Neutral),
        _ => Err("应为 增负（burden）、减负、结构 或 中性".into()),
    }
}

/// Read one side: an existing directory as it is, otherwise a revision
/// of the repository holding `catalog`.
fn read_side(spec: Option<&str>, catalog: &Path) -> Result<Vec<RawFile>, String> {
    match spec {
        None => load::read_tree(catalog).map_err(|e| format!("无法读取工作区目录：{e}")),
        Some(s) if Path::new(s).is_dir() => load::read_tree(Path::new(s)),
        Some(rev) => crate::revision::read_revision(catalog, rev),
    }
}

/// The checked `rules/` (beside the catalog unless `--rules`), or the
/// outcome that stops the run (exit 2) with its problems located.
fn load_rules(args: &Args) -> Result<Config, Outcome> {
    let dir = args
        .rules
        .clone()
        .unwrap_or_else(|| args.catalog.join("..").join("rules"));
    if args.rules.is_some() && !dir.is_dir() {
        return Err(Outcome::failed(format!(
            "--rules 指定的规则配置目录不存在或不是目录：{}",
            dir.display()
        )));
    }
    let loaded = config::load(dir.is_dir().then_some(dir.as_path()), &crate::rules::known);
    match loaded.config {
        Ok(c) => Ok(c),
        Err(invalid) => Err(super::broken_rules(&loaded.sources, &invalid, "未进行比较")),
    }
}

/// Both sides: when BASE is a revision and HEAD a revision or the work
/// tree, only the changed files and what their diff needs
/// (`revision::read_changed`); otherwise each side in full.
fn read_sides(args: &Args) -> Result<(Vec<RawFile>, Vec<RawFile>), (Which, String)> {
    let is_dir = |s: &str| Path::new(s).is_dir();
    if !is_dir(&args.base) && !args.head.as_deref().is_some_and(is_dir) {
        return crate::revision::read_changed(&args.catalog, &args.base, args.head.as_deref());
    }
    let base = read_side(Some(&args.base), &args.catalog).map_err(|e| (Which::Base, e))?;
    let head = read_side(args.head.as_deref(), &args.catalog).map_err(|e| (Which::Head, e))?;
    Ok((base, head))
}

pub(super) fn run(args: &Args) -> Outcome {
    let today = match &args.today {
        Some(t) if config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => config::today(),
    };
    let config = match load_rules(args) {
        Ok(c) => c,
        Err(o) => return o,
    };
    let base_label = args.base.clone();
    let head_label = args
        .head
        .clone()
        .unwrap_or_else(|| format!("工作区 {}", args.catalog.display()));
    let (base, head) = match read_sides(args) {
        Ok((b, h)) => (load::parse(b, 0), load::parse(h, 0)),
        Err((Which::Base, e)) => return Outcome::failed(format!("无法读取旧版本 {base_label}：{e}")),
        Err((Which::Head, e)) => return Outcome::failed(format!("无法读取新版本 {head_label}：{e}")),
    };
    let checked = changes::check(
        &Side {
            label: &base_label,
            loaded: &base,
        },
        &Side {
            label: &head_label,
            loaded: &head,
        },
        &config,
        &today,
    );
    let (d, findings) = (&checked.diff, &checked.findings);
    let text = match args.format {
        Format::Human => diff_human::render(d, findings, &base_label, &head_label),
        Format::Markdown => diff_markdown::render(d, findings, &base_label, &head_label),
        Format::Json => diff_json::render(d, findings, &base_label, &head_label),
    };
    let mut o = Outcome::default();
    for n in &d.notes {
        o.err(format!(
            "注意：{} 中的 {} 未能读取，未参与比较：{}\n",
            n.side, n.file, n.message
        ));
    }
    o.out(text);
    let error = findings.diagnostics.iter().any(|f| f.severity == Severity::Error);
    if error || args.fail_on.is_some_and(|c| d.count(c) > 0) {
        o.status = Status::Findings;
    }
    o
}
