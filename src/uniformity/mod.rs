//! Uniformity across regions (同一事项、同标准办理): for one 基本编码, which
//! regions follow the provincial standard and which depart from it.
//!
//! Policy: 青政办函〔2021〕44号 (同一政务服务事项“无差别受理、同标准办理”);
//! 青海省“高效办成一件事”实施方案 item 15 (受理条件、服务对象、办理流程、
//! 申请材料、法定办结时限、办理结果等要素信息全省统一).
//!
//! Two kinds of element (domain brief §7):
//! - uniform elements (rules.json `uniform_elements`): a region may depart
//!   only by an approved deviation in its local file;
//! - elements that may differ but are reported ([`Aspect`]): promised
//!   deadline, visits, online depth, presence in the service centre. Here
//!   the yardstick is the most common value among the implementing regions
//!   (the mode), and the best value is the province's best practice.
//!
//! Pure analysis over the typed catalog, shared by the `spread-outlier`
//! rule and the `tongbiao uniformity` report ([`report`], [`render`]).
//! Everything is linear in the number of local files: locals are grouped
//! by item once.

pub mod render;

use std::path::{Path, PathBuf};

use crate::catalog::Index;
use crate::config;

use crate::analysis::analyse;

/// Arguments of `tongbiao uniformity`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 目录路径（默认 catalog）
    #[arg(default_value = "catalog")]
    pub path: PathBuf,
    /// 输出格式：text 终端表格，markdown，html（单个自包含网页，含热力图）
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// 写入此文件（先写临时文件再改名）；不填时输出到标准输出
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// 规则配置目录（默认：目录旁的 rules/）；其中的 uniform_elements 决定哪些是全省统一要素
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

/// Output format of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// 终端表格
    Text,
    /// Markdown
    Markdown,
    /// 自包含的 HTML 网页
    Html,
}

/// Run `tongbiao uniformity`; returns the exit code (0 written, 2 could
/// not run). Files that do not parse are left out and counted on stderr:
/// `tongbiao lint` explains them.
pub fn run(args: &Args) -> i32 {
    let rules_dir = args.rules.clone().unwrap_or_else(|| args.path.join("..").join("rules"));
    let cfg = config::load(rules_dir.is_dir().then_some(rules_dir.as_path()), &crate::rules::known);
    let config = match &cfg.config {
        Ok(c) => c,
        Err(d) => {
            eprintln!(
                "错误：rules/ 中的配置有误（{} 处），未生成报告；运行 tongbiao lint 查看",
                d.len()
            );
            return 2;
        }
    };
    let files = match crate::load::read_tree(&args.path) {
        Ok(f) if !f.is_empty() => f,
        Ok(_) => {
            eprintln!(
                "错误：{} 中没有任何目录数据文件（*.json）；请确认路径指向 catalog 目录",
                args.path.display()
            );
            return 2;
        }
        Err(e) => {
            eprintln!("错误：无法读取目录：{e}");
            return 2;
        }
    };
    let loaded = crate::load::parse(files, cfg.sources.len());
    let index = Index::build(&loaded.catalog);
    let report = analyse(&loaded.catalog, &index, config);
    let text = match args.format {
        Format::Text => render::text(&report),
        Format::Markdown => render::markdown(&report),
        Format::Html => render::html(&report),
    };
    if !loaded.catalog.failed.is_empty() {
        eprintln!(
            "注意：{} 个文件未能解析，未计入报告；运行 tongbiao lint 查看",
            loaded.catalog.failed.len()
        );
    }
    match &args.out {
        None => {
            crate::cli::print(&text);
            0
        }
        Some(out) => match write_atomically(out, &text) {
            Ok(()) => {
                eprintln!("已写入 {}", out.display());
                0
            }
            Err(e) => {
                eprintln!("错误：无法写入 {}：{e}", out.display());
                2
            }
        },
    }
}

/// Write beside the target and rename, so a reader never sees half a file.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(d) = dir {
        std::fs::create_dir_all(d)?;
    }
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.unwrap_or(Path::new(".")).join(format!(".{name}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
