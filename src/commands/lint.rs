//! `tongbiao lint`: check the catalog and report every finding.

mod report;
mod since;

use std::path::{Path, PathBuf};

use super::{Color, Outcome};
use crate::lint::partial::{Disk, Scope, Snapshot};
use crate::lint::{self, select::Selection, Failure};
use crate::{config, load};
use report::View;

/// Arguments of `tongbiao lint`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 要检查的目录、其中的子目录或文件，可给多个；向上查找含 catalog.json 或 regions.json
    /// 的目录作为目录根，检查整个目录，只报告这些路径下文件中的问题
    #[arg(default_value = "catalog")]
    paths: Vec<PathBuf>,
    /// 输出格式、输出文件、规则选择和失败阈值（见 report.rs）
    #[command(flatten)]
    report: report::Options,
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
    /// 只报告自该 git 修订版本（如 origin/main）以来有变更的文件及其影响到的文件中的问题
    /// （同一事项的基本目录与各地实施清单）；登记表或 rules/ 有变更时检查整个目录
    #[arg(long, value_name = "修订版本")]
    base: Option<String>,
    /// 与 --base 同用：把 --base 的提交与该提交（如 HEAD）直接比较，从 git 对象库读取该提交中的目录
    /// 和规则配置，不扫描工作区（CI 中检出的就是该提交时用，最快）
    #[arg(long, value_name = "修订版本", requires = "base")]
    head: Option<String>,
}

pub(super) fn run(args: &Args) -> Outcome {
    let selection = match args.report.selection() {
        Ok(s) => s,
        Err(o) => return o,
    };
    let today = match &args.today {
        Some(t) if config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => config::today(),
    };
    let target = match load::find_catalog(&args.paths) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(e),
    };
    let rules = args
        .rules
        .clone()
        .unwrap_or_else(|| target.root.join("..").join("rules"));
    if args.rules.is_some() && !rules.is_dir() {
        return Outcome::failed(format!(
            "--rules 指定的规则配置目录不存在或不是目录：{}",
            rules.display()
        ));
    }
    let rules_dir = rules.is_dir().then_some(rules.as_path());
    let mut note = None;
    let result = match &args.base {
        Some(rev) => match lint_since(
            &target,
            (&rules, args.rules.is_some()),
            &today,
            rev,
            args.head.as_deref(),
        ) {
            Ok(Ok(since)) => {
                note = Some((since.note, since.partial));
                Ok(since.out)
            }
            Ok(Err(f)) => Err(f),
            Err(message) => return Outcome::failed(message),
        },
        None => {
            // Infos nothing shows are counted, not kept; a baseline
            // matches findings one by one.
            let count_infos = args.baseline.is_none() && args.report.lists_no_info(args.show_info);
            lint::lint_paths(&target, rules_dir, &today, count_infos)
        }
    };
    match result {
        Ok(mut out) => {
            if let Err(failed) = super::baseline::apply(args.baseline.as_deref(), &mut out) {
                return failed;
            }
            if note.as_ref().is_some_and(|n| n.1) {
                // Baseline entries in files a partial run did not read
                // would all look stale: only a full lint reports them.
                out.diagnostics.retain(|d| d.rule != "baseline-stale");
            }
            let mut view = View::new(args.show_info, args.color);
            view.rules_dir = rules_dir.map(Path::to_path_buf);
            let mut o = args.report.outcome(out, &selection, &view);
            if let Some((n, _)) = note {
                o.err(n);
            }
            o
        }
        Err(Failure::Io(e)) => Outcome::failed(format!("无法检查目录：{e}")),
        Err(Failure::Config(out)) => {
            let mut view = View::new(true, args.color);
            view.rules_dir = rules_dir.map(Path::to_path_buf);
            let mut o = args.report.outcome(*out, &Selection::all(), &view);
            let failed = Outcome::failed("rules/ 中的配置有误，未检查目录；请先修正上面列出的问题");
            o.steps.extend(failed.steps);
            o.status = failed.status;
            o
        }
    }
}

/// `lint --base REV [--head REV2]`: the files changed since `rev` (in the
/// work tree, or at commit `head`; a bad revision is an `Err` message),
/// then the pipeline on what they can affect, and a note for standard
/// error saying what was read and reported. `rules`: the configuration
/// directory and whether the user named it.
fn lint_since(
    target: &load::Target,
    rules: (&Path, bool),
    today: &str,
    rev: &str,
    head: Option<&str>,
) -> Result<Result<Since, Failure>, String> {
    let side = match head {
        Some(h) => since::commits(&target.root, rules, rev, h)?,
        None => since::work_tree(&target.root, rules.0, rev)?,
    };
    let snap: &dyn Snapshot = match &side.catalog {
        since::Catalog::Disk => &Disk(&target.root),
        since::Catalog::Commit(c) => c.as_ref(),
    };
    let found = lint::partial::lint_changed(snap, &target.root, &side.cfg, today, &side.changed, side.rules_changed);
    let (out, scope) = match found {
        Ok(r) => r,
        Err(f) => return Ok(Err(f)),
    };
    let out = lint::select_paths(out, &target.selected);
    let partial = matches!(scope, Scope::Partial { .. });
    let against = head.map_or(String::new(), |h| format!(" --head {h}"));
    let note = match scope {
        Scope::Full(reason) => format!("--base {rev}{against}：{reason}，已检查并报告整个目录\n"),
        Scope::Partial { read, affected } => format!(
            "--base {rev}{against}：{} 个文件有变更（含删除），读取 {read} 个文件，报告受影响的 {} 个文件\n",
            side.changed.len(),
            affected.len()
        ),
    };
    Ok(Ok(Since { out, note, partial }))
}

/// A `--base` run: its outcome, the note for standard error, and whether
/// only part of the catalog was read.
struct Since {
    out: lint::Outcome,
    note: String,
    partial: bool,
}
