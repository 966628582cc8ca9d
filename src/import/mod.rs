//! `tongbiao import`: bring an existing, denormalised list (one full record
//! per implementation, as provincial platforms export it) into the catalog.
//!
//! - `read`: JSON Lines or CSV into raw records, bad lines reported.
//! - `mapping`: which export field feeds which element (a default table
//!   plus the user's mapping file), and parsers for text values.
//! - `parse`: tolerant readers for deadlines, lists, materials, fees….
//! - `resolve`: regions, agencies, materials and departments against the
//!   target catalog's registries.
//! - `build`: read each record, choose the standard per item and element
//!   (majority, a reference region, or the existing item), write
//!   deviations, plan the files. Pure.
//! - `report`: the Chinese summary.
//!
//! This file does the I/O: read the input, the mapping file and the target
//! catalog's registries, write the planned files atomically, print.

pub mod build;
pub mod mapping;
pub mod parse;
pub mod read;
mod registry;
pub mod report;
pub mod resolve;

use std::path::PathBuf;

pub use build::{plan, Action, FileOut, Options, Plan, Registry, Summary};
pub use mapping::Mapping;
pub use read::InputFormat;

/// Arguments of `tongbiao import`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 导出文件：JSON Lines（每行一条记录）或 CSV（第一行为字段名）
    pub input: PathBuf,
    /// 目标目录（默认 catalog）；从中读取区划、部门、材料库和实施主体，并写入导入结果
    #[arg(long, default_value = "catalog")]
    pub out: PathBuf,
    /// 输入格式（默认按扩展名：.csv 为 CSV，.jsonl/.ndjson 为 JSON Lines）
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// 字段映射文件（JSON）：字段改名、文字解析格式、默认值；格式见 README
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// 参照区划代码：以该区划的记录为全省标准（默认取多数区划的取值）
    #[arg(long)]
    pub reference: Option<String>,
    /// 目标目录缺少 catalog.json、regions.json、departments.json、materials.json 或实施主体表时，从此目录复制
    #[arg(long)]
    pub registry: Option<PathBuf>,
    /// 覆盖已有的基本目录事项和实施清单文件（默认不覆盖，只报告）
    #[arg(long)]
    pub force: bool,
    /// 规则配置目录（默认：目标目录旁的 rules/）；其中的 uniform_elements 决定哪些差异登记为偏离
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// 只报告，不写入任何文件
    #[arg(long)]
    pub dry_run: bool,
    /// 所写文件的更新日期 YYYY-MM-DD（默认今天）
    #[arg(long)]
    pub date: Option<String>,
}

/// Run the import; the exit code (0 all records imported, 1 some could
/// not be, 2 the run could not happen).
pub fn run(args: &Args) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e}");
            2
        }
    }
}

fn run_inner(args: &Args) -> Result<i32, String> {
    let date = match &args.date {
        Some(d) if crate::config::parse_date(d).is_some() => d.clone(),
        Some(d) => return Err(format!("--date 的值“{d}”不是 YYYY-MM-DD 格式的有效日期")),
        None => crate::config::today(),
    };
    let mapping = match &args.mapping {
        None => Mapping::default(),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("无法读取映射文件 {}：{e}", p.display()))?;
            match mapping::read(&p.display().to_string(), bytes) {
                Ok(m) => m,
                Err(out) => {
                    crate::cli::print(&crate::report::human(&out, true, false));
                    return Err("映射文件有误".into());
                }
            }
        }
    };
    let bytes = std::fs::read(&args.input).map_err(|e| format!("无法读取导出文件 {}：{e}", args.input.display()))?;
    let format = args.format.unwrap_or_else(|| read::guess_format(&args.input, &bytes));
    let (reg, copies) = registry::load(&args.out, args.registry.as_deref())?;
    if let Some(r) = &args.reference {
        if !reg.regions.iter().any(|x| &x.code == r) {
            return Err(format!("--reference 的区划代码“{r}”不在 regions.json 中"));
        }
    }
    let rules = args.rules.clone().unwrap_or_else(|| args.out.join("..").join("rules"));
    let config = match crate::config::load(rules.is_dir().then_some(rules.as_path()), &crate::rules::known).config {
        Ok(c) => c,
        Err(_) => {
            return Err(format!(
                "{} 中的规则配置有误；请先运行 tongbiao lint 查看并修正",
                rules.display()
            ))
        }
    };
    let (records, problems) = read::read(&bytes, format, mapping.delimiter);
    let opts = Options {
        reference: args.reference.clone(),
        force: args.force,
        date,
        uniform: config.uniform_elements.clone(),
    };
    let Plan { mut files, summary } = plan(&records, problems, &mapping, &reg, &opts);
    registry::add_copies(&mut files, copies);

    let text = report::render(
        &summary,
        &files,
        &args.input.display().to_string(),
        &args.out.display().to_string(),
        args.dry_run,
    );
    if !args.dry_run {
        for f in &files {
            let path = args.out.join(&f.path);
            if let Err(e) = crate::cli::write_atomically(&path, &f.text) {
                crate::cli::print(&text);
                return Err(format!(
                    "无法写入 {}：{e}（此前列出的文件可能已部分写入）",
                    path.display()
                ));
            }
        }
    }
    crate::cli::print(&text);
    Ok(i32::from(!summary.failed.is_empty()))
}
