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
pub mod report;
pub mod resolve;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{AgenciesFile, CatalogMeta, DepartmentsFile, MaterialsFile, RegionsFile};
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
            let text = std::fs::read_to_string(p).map_err(|e| format!("无法读取映射文件 {}：{e}", p.display()))?;
            Mapping::from_json(&text).map_err(|e| format!("映射文件 {} 有误：{e}", p.display()))?
        }
    };
    let bytes = std::fs::read(&args.input).map_err(|e| format!("无法读取导出文件 {}：{e}", args.input.display()))?;
    let format = args.format.unwrap_or_else(|| guess_format(&args.input, &bytes));
    let (reg, copies) = load_registry(&args.out, args.registry.as_deref())?;
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
    add_copies(&mut files, copies);

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
            if let Err(e) = crate::output::write_file(&path, &f.text, true) {
                print!("{text}");
                return Err(format!(
                    "无法写入 {}：{e}（此前列出的文件可能已部分写入）",
                    path.display()
                ));
            }
        }
    }
    print!("{text}");
    Ok(i32::from(!summary.failed.is_empty()))
}

fn guess_format(path: &Path, bytes: &[u8]) -> InputFormat {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") | Some("tsv") => InputFormat::Csv,
        Some("jsonl") | Some("ndjson") | Some("json") => InputFormat::Jsonl,
        _ => {
            let first = bytes
                .strip_prefix(b"\xef\xbb\xbf")
                .unwrap_or(bytes)
                .iter()
                .find(|b| !b.is_ascii_whitespace());
            if first == Some(&b'{') {
                InputFormat::Jsonl
            } else {
                InputFormat::Csv
            }
        }
    }
}

/// Registry files copied from `--registry`: written only where the target
/// has none.
struct Copies {
    /// Registry files the target lacked, copied verbatim.
    files: Vec<(String, String)>,
    /// agencies/<region>.json from `--registry` the target lacks, by region.
    agencies: BTreeMap<String, String>,
}

/// Copy `--registry` agency files of the regions the import writes local
/// files in (their agencies are referenced), and the core registry files.
fn add_copies(files: &mut Vec<FileOut>, copies: Copies) {
    let mut regions: BTreeSet<String> = BTreeSet::new();
    for f in files.iter() {
        if let Some(rest) = f.path.strip_prefix("local/") {
            if let Some((r, _)) = rest.split_once('/') {
                regions.insert(r.to_string());
            }
        }
    }
    for (region, text) in copies.agencies {
        let path = format!("agencies/{region}.json");
        if regions.contains(&region) && !files.iter().any(|f| f.path == path) {
            files.push(FileOut {
                path,
                text,
                action: Action::Create,
            });
        }
    }
    for (path, text) in copies.files {
        if files.iter().any(|f| f.path == path) {
            // Entries were appended to the copy: written as one file.
            continue;
        }
        files.push(FileOut {
            path,
            text,
            action: Action::Create,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}

fn parse_file<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "无法读取 {}：{e}；请先用 tongbiao lint 检查并修正该文件",
            path.display()
        )
    })
}

/// Read the target's registries (from `--registry` where the target has
/// none), its items and the list of its existing data files.
fn load_registry(out: &Path, fallback: Option<&Path>) -> Result<(Registry, Copies), String> {
    let mut copies = Copies {
        files: Vec::new(),
        agencies: BTreeMap::new(),
    };
    let mut missing = Vec::new();
    let mut read = |name: &str, required: bool| -> Result<Option<(PathBuf, String)>, String> {
        let p = out.join(name);
        if p.is_file() {
            let t = std::fs::read_to_string(&p).map_err(|e| format!("无法读取 {}：{e}", p.display()))?;
            return Ok(Some((p, t)));
        }
        if let Some(dir) = fallback {
            let q = dir.join(name);
            if q.is_file() {
                let t = std::fs::read_to_string(&q).map_err(|e| format!("无法读取 {}：{e}", q.display()))?;
                copies.files.push((name.to_string(), t.clone()));
                return Ok(Some((q, t)));
            }
        }
        if required {
            missing.push(name.to_string());
        }
        Ok(None)
    };
    let meta = read("catalog.json", true)?;
    let regions = read("regions.json", true)?;
    let departments = read("departments.json", true)?;
    let materials = read("materials.json", false)?;
    let (Some(meta), Some(regions), Some(departments)) = (meta, regions, departments) else {
        return Err(format!(
            "目标目录 {} 缺少 {}；导入需要目标目录的目录信息、区划表和部门表：用 --registry 指定从哪个目录复制（如 --registry catalog），或先将这些文件复制到目标目录",
            out.display(),
            missing.join("、")
        ));
    };
    let strip = |t: &str| t.strip_prefix('\u{feff}').unwrap_or(t).to_string();
    let meta: CatalogMeta = parse_file(&meta.0, &strip(&meta.1))?;
    let regions: RegionsFile = parse_file(&regions.0, &strip(&regions.1))?;
    let departments: DepartmentsFile = parse_file(&departments.0, &strip(&departments.1))?;
    let (materials_file, materials) = match materials {
        Some((p, t)) => {
            let t = strip(&t);
            let typed: MaterialsFile = parse_file(&p, &t)?;
            let raw: Value = parse_file(&p, &t)?;
            // A copied file is new in the target: entries are appended to the copy.
            (Some(raw), typed.materials)
        }
        None => (None, Vec::new()),
    };

    let mut agencies_files = BTreeMap::new();
    let mut agencies = BTreeMap::new();
    let mut read_agencies = |dir: &Path, from_fallback: bool| -> Result<(), String> {
        let Ok(entries) = std::fs::read_dir(dir.join("agencies")) else {
            return Ok(());
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let t = std::fs::read_to_string(&p).map_err(|e| format!("无法读取 {}：{e}", p.display()))?;
            let t = strip(&t);
            let typed: AgenciesFile = parse_file(&p, &t)?;
            if agencies.contains_key(&typed.region) {
                continue;
            }
            let raw: Value = parse_file(&p, &t)?;
            if from_fallback {
                copies.agencies.insert(typed.region.clone(), t.clone());
            }
            agencies_files.insert(typed.region.clone(), raw);
            agencies.insert(typed.region.clone(), typed.agencies);
        }
        Ok(())
    };
    read_agencies(out, false)?;
    if let Some(dir) = fallback {
        read_agencies(dir, true)?;
    }

    let mut items = BTreeMap::new();
    let mut existing = BTreeSet::new();
    if out.is_dir() {
        for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
            let entry = entry.map_err(|e| format!("无法遍历目录 {}：{e}", out.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(out)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if let Some(name) = rel.strip_prefix("items/").and_then(|n| n.strip_suffix(".json")) {
                let item = std::fs::read_to_string(entry.path())
                    .map_err(|e| e.to_string())
                    .and_then(|t| serde_json::from_str(&strip(&t)).map_err(|e| e.to_string()));
                items.insert(name.to_string(), item);
            }
            existing.insert(rel);
        }
    }
    // An agencies file copied from --registry gets new entries appended in
    // the target: it is then written as a whole (with the copy's entries).
    let reg = Registry {
        meta,
        regions: regions.regions,
        departments: departments.departments,
        materials,
        materials_file,
        agencies_files,
        agencies,
        items,
        existing,
    };
    Ok((reg, copies))
}
