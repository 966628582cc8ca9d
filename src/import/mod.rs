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
//! - `registry`: the target catalog's registries, read before the import.
//!
//! This file reads the inputs (the export, the mapping file, the target's
//! registries, `rules/`) and returns the report and the files to write;
//! printing, writing and the exit status are the command line's.

pub(crate) mod build;
mod departments;
pub(crate) mod mapping;
pub(crate) mod parse;
pub(crate) mod read;
mod registry;
pub(crate) mod report;
pub(crate) mod resolve;

use std::path::PathBuf;

pub(crate) use build::{plan, Options, Plan};
pub(crate) use mapping::Mapping;
pub(crate) use read::InputFormat;

/// Arguments of `tongbiao import`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 导出文件：JSON Lines（每行一条记录）或 CSV（第一行为字段名）
    pub(crate) input: PathBuf,
    /// 目标目录（默认 catalog）；从中读取区划、部门、材料库和实施主体，并写入导入结果
    #[arg(long, default_value = "catalog")]
    pub(crate) out: PathBuf,
    /// 输入格式（默认按扩展名：.csv 为 CSV，.jsonl/.ndjson 为 JSON Lines）
    #[arg(long, value_enum)]
    pub(crate) format: Option<InputFormat>,
    /// 字段映射文件（JSON）：字段改名、文字解析格式、默认值；格式见 README 和 docs/schema/mapping.schema.json
    #[arg(long)]
    pub(crate) mapping: Option<PathBuf>,
    /// 参照区划代码：以该区划的记录为全省标准（默认取多数区划的取值）
    #[arg(long)]
    pub(crate) reference: Option<String>,
    /// 目标目录缺少 catalog.json、regions.json、departments.json、materials.json 或实施主体表时，从此目录复制
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// 覆盖已有的基本目录事项和实施清单文件（默认不覆盖，只报告）
    #[arg(long)]
    pub(crate) force: bool,
    /// 规则配置目录（默认：目标目录旁的 rules/）；其中的 uniform_elements 决定哪些差异登记为偏离
    #[arg(long)]
    pub(crate) rules: Option<PathBuf>,
    /// 只报告，不写入任何文件
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// 所写文件的更新日期 YYYY-MM-DD（默认今天）
    #[arg(long)]
    pub(crate) date: Option<String>,
}

/// What an import produced: the report and the files to write. Nothing is
/// printed or written here; the command line does both.
#[derive(Debug)]
pub(crate) struct Imported {
    /// The Chinese report, as printed.
    pub(crate) report: String,
    /// Files to write, relative to the target (its directories are created
    /// as needed); empty for `--dry-run`.
    pub(crate) writes: Vec<(PathBuf, String)>,
    /// `false`: some records could not be imported (exit 1).
    pub(crate) complete: bool,
    /// Temporary files an interrupted import left in the target: removed
    /// before anything is written.
    pub(crate) stale: Vec<PathBuf>,
}

/// Why an import could not happen (exit 2).
pub(crate) enum ImportError {
    /// The reason, in Chinese, without the “错误：” prefix.
    Run(String),
    /// The mapping file's problems, located in it.
    Mapping(Box<crate::lint::Outcome>),
    /// `rules/` is broken: its sources and problems.
    Rules(Box<(Vec<crate::source::SourceFile>, Vec<crate::config::Invalid>)>),
}

impl From<String> for ImportError {
    fn from(msg: String) -> Self {
        ImportError::Run(msg)
    }
}

/// The schema of import mapping files (docs/schema/mapping.schema.json).
pub(crate) fn mapping_schema() -> &'static crate::schema::Schema {
    mapping::file::schema()
}

/// Run the import: read the input, the mapping file, the target's
/// registries and `rules/`, and plan the files.
pub(crate) fn run(args: &Args) -> Result<Imported, ImportError> {
    let date = date(args)?;
    let mapping = read_mapping(args)?;
    let bytes = std::fs::read(&args.input).map_err(|e| {
        format!(
            "无法读取导出文件 {}：{}",
            args.input.display(),
            crate::text::os_error(&e)
        )
    })?;
    let format = args.format.unwrap_or_else(|| read::guess_format(&args.input, &bytes));
    let (reg, copies) = registry::load(&args.out, args.registry.as_deref())?;
    if let Some(r) = &args.reference {
        if !reg.regions.iter().any(|x| &x.code == r) {
            return Err(format!("--reference 的区划代码“{r}”不在 regions.json 中").into());
        }
    }
    let rules = rules_config(args)?;
    let opts = Options {
        reference: args.reference.clone(),
        force: args.force,
        date,
        uniform: rules.uniform_elements,
        synonyms: rules.synonyms,
    };
    let (records, problems) = read::read(&bytes, format, mapping.delimiter);
    let Plan { mut files, summary } = plan(records, problems, &mapping, &reg, &opts);
    registry::add_copies(&mut files, copies);
    let stale = if args.dry_run {
        Vec::new()
    } else {
        registry::stale_temporaries(&args.out)
    };
    let mut report = report::render(
        &summary,
        &files,
        &args.input.display().to_string(),
        &args.out.display().to_string(),
        args.dry_run,
    );
    let writes = if args.dry_run {
        Vec::new()
    } else {
        files.into_iter().map(|f| (PathBuf::from(f.path), f.text)).collect()
    };
    if !stale.is_empty() {
        report.push_str(&format!(
            "已清除上次中断的写入留下的临时文件 {} 个（.tmp 开头）。\n",
            stale.len()
        ));
    }
    Ok(Imported {
        stale,
        report,
        writes,
        // Nothing imported is never a clean run (an empty export, a wrong
        // delimiter that reads no record).
        complete: summary.failed.is_empty() && summary.imported > 0,
    })
}

/// `updated` of the files written: `--date`, or today.
fn date(args: &Args) -> Result<String, String> {
    match &args.date {
        Some(d) if crate::config::parse_date(d).is_some() => Ok(d.clone()),
        Some(d) => Err(format!("--date 的值“{d}”不是 YYYY-MM-DD 格式的有效日期")),
        None => Ok(crate::config::today()),
    }
}

/// The default mapping with `--mapping` on top.
fn read_mapping(args: &Args) -> Result<Mapping, ImportError> {
    let Some(p) = &args.mapping else {
        return Ok(Mapping::default());
    };
    let bytes =
        std::fs::read(p).map_err(|e| format!("无法读取映射文件 {}：{}", p.display(), crate::text::os_error(&e)))?;
    mapping::read(&p.display().to_string(), bytes).map_err(ImportError::Mapping)
}

/// `uniform_elements` of the `rules/` beside the target (or `--rules`).
/// The compiled `rules/` beside the target (or `--rules`): its uniform
/// elements decide what becomes a deviation, its synonyms how material
/// names compare.
fn rules_config(args: &Args) -> Result<crate::config::Config, ImportError> {
    let dir = args.rules.clone().unwrap_or_else(|| args.out.join("..").join("rules"));
    let loaded = crate::config::load(dir.is_dir().then_some(dir.as_path()), &crate::rules::known);
    match loaded.config {
        Ok(c) => Ok(c),
        Err(invalid) => Err(ImportError::Rules(Box::new((loaded.sources, invalid)))),
    }
}
