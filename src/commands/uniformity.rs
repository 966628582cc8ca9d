//! `tongbiao uniformity`: the same-standard report, region by region.

use std::path::PathBuf;

use super::Outcome;
use crate::analysis::analyse;
use crate::catalog::Index;
use crate::reports::uniformity as render;
use crate::{config, load, rules};

/// Arguments of `tongbiao uniformity`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 目录路径（默认 catalog）
    #[arg(default_value = "catalog")]
    pub(crate) path: PathBuf,
    /// 输出格式：text 终端表格，markdown，html（单个自包含网页，含热力图）
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// 写入此文件（先写临时文件再改名；所在目录须已存在）；不填时输出到标准输出
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// 规则配置目录（默认：目录旁的 rules/）；其中的 uniform_elements 决定哪些是全省统一要素
    #[arg(long)]
    pub(crate) rules: Option<PathBuf>,
}

/// Output format of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// 终端表格
    Text,
    /// Markdown
    Markdown,
    /// 自包含的 HTML 网页
    Html,
}

/// Files that do not parse are left out and counted on stderr: `tongbiao
/// lint` explains them.
pub(super) fn run(args: &Args) -> Outcome {
    let rules_dir = args.rules.clone().unwrap_or_else(|| args.path.join("..").join("rules"));
    let cfg = config::load(rules_dir.is_dir().then_some(rules_dir.as_path()), &rules::known);
    let config = match &cfg.config {
        Ok(c) => c,
        Err(invalid) => return super::broken_rules(&cfg.sources, invalid, "未生成报告"),
    };
    // No finding is shown: the files' texts are not kept.
    let loaded = match load::read_model(&args.path, cfg.sources.len()) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => {
            return Outcome::failed(format!(
                "{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
                args.path.display()
            ))
        }
        Err(e) => return Outcome::failed(format!("无法读取目录：{e}")),
    };
    let index = Index::build(&loaded.catalog);
    let report = analyse(&loaded.catalog, &index, config);
    let text = match args.format {
        Format::Text => render::text(&report),
        Format::Markdown => render::markdown(&report),
        Format::Html => render::html(&report),
    };
    let mut o = Outcome::default();
    if !loaded.catalog.failed.is_empty() {
        o.err(format!(
            "注意：{} 个文件未能解析，未计入报告；运行 tongbiao lint 查看\n",
            loaded.catalog.failed.len()
        ));
    }
    match &args.out {
        None => o.out(text),
        Some(out) => o
            .write(out.clone(), text, false)
            .err(format!("已写入 {}\n", out.display())),
    };
    o
}
