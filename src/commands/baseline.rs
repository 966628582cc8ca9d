//! `tongbiao baseline`: write the catalog's current findings as a baseline
//! file; and `lint --baseline`'s reading of one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Outcome, Step};
use crate::lint::baseline::{self, Baseline};
use crate::lint::{self, Failure};
use crate::source::{display_base, SourceFile};
use crate::{config, reports};

/// Arguments of `tongbiao baseline`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 目录路径（默认 catalog）
    #[arg(default_value = "catalog")]
    path: PathBuf,
    /// 基线文件（默认：目录旁的 tongbiao-baseline.json，即 catalog/../tongbiao-baseline.json）
    #[arg(long)]
    out: Option<PathBuf>,
    /// 规则配置目录（默认：目录旁的 rules/；其中缺少的文件使用内置默认）
    #[arg(long)]
    rules: Option<PathBuf>,
    /// 判断豁免是否到期所用的日期 YYYY-MM-DD（默认今天）
    #[arg(long)]
    today: Option<String>,
}

pub(super) fn run(args: &Args) -> Outcome {
    let today = match &args.today {
        Some(t) if config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => config::today(),
    };
    let rules = args.rules.clone().unwrap_or_else(|| args.path.join("..").join("rules"));
    let rules_dir = rules.is_dir().then_some(rules.as_path());
    let out = match lint::lint_dir(&args.path, rules_dir, &today) {
        Ok(out) => out,
        Err(Failure::Io(e)) => return Outcome::failed(format!("无法检查目录：{e}")),
        Err(Failure::Config(out)) => {
            let mut o = Outcome::failed("rules/ 中的配置有误，未写基线；请先修正上面列出的问题");
            o.steps.insert(0, Step::Err(reports::human::frames(&out, true, false)));
            return o;
        }
    };
    let file = args.out.clone().unwrap_or_else(|| default_file(&args.path));
    let b = Baseline::of(&out);
    let held: Vec<_> = out.diagnostics.iter().filter(|d| baseline::held(d)).cloned().collect();
    let counts = reports::counts(&held);
    let mut o = Outcome::default();
    o.write(file.clone(), b.text(), false);
    o.out(format!(
        "已写入基线 {}：{} 条问题（错误 {}，警告 {}，提示 {}）\n此后 tongbiao lint {} --baseline {} 只报告基线之外的问题\n",
        file.display(),
        b.len(),
        counts.error,
        counts.warning,
        counts.info,
        args.path.display(),
        file.display(),
    ));
    o
}

/// `catalog/../tongbiao-baseline.json`, cleaned for display
/// (`tongbiao-baseline.json` for `catalog`).
fn default_file(catalog: &Path) -> PathBuf {
    PathBuf::from(format!("{}{}", display_base(&catalog.join("..")), baseline::FILE_NAME))
}

/// Apply the baseline file at `path`, if any, to a lint run's outcome.
/// A missing, unreadable or malformed file stops the run (exit 2).
pub(super) fn apply(path: Option<&Path>, out: &mut lint::Outcome) -> Result<(), Outcome> {
    let Some(path) = path else { return Ok(()) };
    let text = std::fs::read_to_string(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在；请先运行 tongbiao baseline 生成".to_string(),
            std::io::ErrorKind::InvalidData => "不是 UTF-8 文本".to_string(),
            _ => e.to_string(),
        };
        Outcome::failed(format!("无法读取基线文件 {}：{why}", path.display()))
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut file = SourceFile::new(name, Arc::from(text));
    file.base = display_base(path.parent().unwrap_or(Path::new("")));
    baseline::apply(out, file)
        .map(|_| ())
        .map_err(|e| Outcome::failed(format!("基线文件 {} 无法使用：{e}", path.display())))
}
