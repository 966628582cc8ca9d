//! `tongbiao init --province CODE DIR`: a new, empty catalog for any
//! province: catalog.json (the item-type code list to check and adapt),
//! regions.json from the GB/T 2260 table shipped with the tool (with former
//! codes), empty departments and materials, and the default `rules/` beside
//! the catalog where there is none yet. Nothing existing is overwritten.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{FileWrite, Outcome, Step};

/// Arguments of `tongbiao init`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 省级行政区划代码（6 位 GB/T 2260，如 440000 广东省、630000 青海省）
    #[arg(long, value_name = "区划代码")]
    pub(crate) province: String,
    /// 新目录的路径（默认 catalog）；规则配置写在其旁的 rules/（已有则不动）
    #[arg(default_value = "catalog", value_name = "目录")]
    pub(crate) dir: PathBuf,
    /// 更新日期（YYYY-MM-DD，默认今天）
    #[arg(long)]
    pub(crate) today: Option<String>,
    /// 本省的事项类型代码表（JSON：item_types 数组，或含 item_types 的 catalog.json）；不给时写入全国通用列表
    #[arg(long, value_name = "文件")]
    pub(crate) item_types: Option<PathBuf>,
    /// 只报告将写入的文件，不写入
    #[arg(long)]
    pub(crate) dry_run: bool,
}

/// The item types of the national base catalog (domain notes, §3): the
/// list a province starts from unless `--item-types` gives its own;
/// provinces that code them otherwise edit catalog.json (import and lint
/// read the codes from there).
const ITEM_TYPES: [(&str, &str, bool); 11] = [
    ("01", "行政许可", true),
    ("02", "行政处罚", false),
    ("03", "行政强制", false),
    ("04", "行政征收", false),
    ("05", "行政给付", true),
    ("06", "行政检查", false),
    ("07", "行政确认", true),
    ("08", "行政奖励", true),
    ("09", "行政裁决", true),
    ("10", "其他行政权力", true),
    ("20", "公共服务", true),
];

pub(super) fn run(args: &Args) -> Outcome {
    let today = match &args.today {
        Some(t) if crate::config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => crate::config::today(),
    };
    let code = args.province.trim();
    let Some(name) = crate::catalog::divisions::province_name(code) else {
        return Outcome::failed(format!(
            "“{code}”不是省级行政区划代码（应为 6 位、后 4 位为 0，如 440000 广东省；见 data/divisions.csv）"
        ));
    };
    let regions = crate::catalog::divisions::province_regions(code).unwrap_or_default();
    if args.dir.join("catalog.json").exists() {
        return Outcome::failed(format!(
            "{} 已有 catalog.json，不覆盖已有目录；请换一个目录",
            args.dir.display()
        ));
    }
    let (types, types_note) = match item_types(args.item_types.as_deref()) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(e),
    };
    let formers: usize = regions.iter().map(|r| r.former_codes.len()).sum();
    let mut files: Vec<(PathBuf, String)> = vec![
        (
            args.dir.join("catalog.json"),
            pretty(&catalog_json(code, name, &today, types)),
        ),
        (
            args.dir.join("regions.json"),
            pretty(&json!({"$schema": "schema/regions.schema.json", "regions": regions})),
        ),
        (
            args.dir.join("departments.json"),
            pretty(&json!({"$schema": "schema/departments.schema.json", "departments": []})),
        ),
        (
            args.dir.join("materials.json"),
            pretty(&json!({"$schema": "schema/materials.schema.json", "materials": []})),
        ),
    ];
    let schema_dir = args.dir.join(crate::schema::SCHEMA_DIR);
    files.extend(
        crate::schema::rendered()
            .into_iter()
            .map(|(n, t)| (schema_dir.join(n), t)),
    );
    let kept = rules_files(&args.dir, &mut files);
    let mut report = format!(
        "新建{name}（{code}）目录 {}：区划 {} 个（含曾用代码 {formers} 个，来自 data/divisions.csv），部门、材料、实施主体为空。\n",
        args.dir.display(),
        regions.len()
    );
    report.push_str(&types_note);
    if !kept.is_empty() {
        report.push_str(&format!("已有规则配置，未覆盖：{}\n", kept.join("、")));
    }
    let mut o = Outcome::default();
    if args.dry_run {
        report.push_str(&format!("试运行：未写入任何文件（将写入 {} 个）。\n", files.len()));
        o.out(report);
        return o;
    }
    o.out(report);
    o.steps.extend(files.into_iter().map(|(path, contents)| {
        Step::Write(FileWrite {
            path,
            contents,
            create_dirs: true,
            on_failure: "（目录可能已部分写入）".into(),
        })
    }));
    o
}

/// The default `rules/` beside the catalog (and its schemas) where absent;
/// the files already there, kept.
fn rules_files(dir: &Path, files: &mut Vec<(PathBuf, String)>) -> Vec<String> {
    let rules_dir = dir.join("..").join("rules");
    let mut kept = Vec::new();
    for f in crate::config::ConfigFile::ALL {
        let p = rules_dir.join(f.name());
        if p.exists() {
            kept.push(display(&p));
        } else {
            files.push((p, default_rules_text(f)));
        }
    }
    if kept.len() < crate::config::ConfigFile::ALL.len() {
        let dir = rules_dir.join(crate::schema::SCHEMA_DIR);
        for (n, t) in crate::config::rendered_schemas() {
            let p = dir.join(n);
            if !p.exists() {
                files.push((p, t));
            }
        }
    }
    kept
}

/// What the report says of the national list: where it comes from, that
/// it is not checked against the standard's text, and how to replace it.
const NATIONAL_NOTE: &str = "catalog.json 的事项类型代码表为全国通用列表（01 行政许可……10 其他行政权力、20 公共服务；编码规则见 GB/T 39554.1-2020《全国一体化政务服务平台 政务服务事项基本目录及实施清单 第1部分：编码要求》，本列表未与标准原文逐条核对，待核实），不是本省公布的代码表：本省代码不同的（如公共服务写作 21），请用 --item-types 给出本省代码表，或直接改 catalog.json；导入和 lint 都按它读取基本编码第 3–4 位。\n";

/// The item types to write and what the report says of them.
fn item_types(file: Option<&Path>) -> Result<(Vec<Value>, String), String> {
    let Some(p) = file else {
        return Ok((national_types(), NATIONAL_NOTE.to_string()));
    };
    let types = read_item_types(p)?;
    let note = format!(
        "catalog.json 的事项类型代码表取自 {}（{} 类）。\n",
        p.display(),
        types.len()
    );
    Ok((types, note))
}

fn national_types() -> Vec<Value> {
    ITEM_TYPES
        .iter()
        .map(|(c, n, a)| json!({"code": c, "name": n, "applicant_facing": a}))
        .collect()
}

/// `--item-types`: an array of item types, or an object (a catalog.json)
/// holding one as `item_types`; codes two digits and distinct, names
/// given.
fn read_item_types(p: &Path) -> Result<Vec<Value>, String> {
    let bad = |why: String| format!("--item-types 文件 {} {why}", p.display());
    let text = std::fs::read_to_string(p).map_err(|e| bad(format!("无法读取：{}", crate::text::os_error(&e))))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| {
        bad(format!(
            "不是有效的 JSON（第 {} 行第 {} 列）：{e}",
            e.line(),
            e.column()
        ))
    })?;
    let list = v.get("item_types").cloned().unwrap_or(v);
    let types: Vec<crate::catalog::meta::ItemTypeCode> = serde_json::from_value(list).map_err(|e| {
        bad(format!(
            "应为事项类型数组，每项含 code（2 位数字）、name 和 applicant_facing：{e}"
        ))
    })?;
    let mut seen = std::collections::BTreeSet::new();
    for t in &types {
        if t.code.len() != 2 || !t.code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(format!("中的类型代码“{}”不是 2 位数字", t.code)));
        }
        if !seen.insert(t.code.clone()) {
            return Err(bad(format!("中类型代码“{}”出现了不止一次", t.code)));
        }
        if crate::text::blank(&t.name) {
            return Err(bad(format!("中类型代码“{}”没有名称", t.code)));
        }
    }
    if types.is_empty() {
        return Err(bad("中没有任何事项类型".into()));
    }
    Ok(types
        .iter()
        .map(|t| serde_json::to_value(t).unwrap_or_default())
        .collect())
}

fn catalog_json(code: &str, name: &str, today: &str, types: Vec<Value>) -> Value {
    json!({
        "$schema": "schema/catalog.schema.json",
        "province": code,
        "title": format!("{name}政务服务事项基本目录和实施清单"),
        "format_version": 1,
        "item_types": types,
        "updated": today,
    })
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values serialise");
    s.push('\n');
    s
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// A default `rules/` file for a new catalog. The shipped rules.json names
/// Qinghai's documents (the uniformity report's basis, the documents the
/// rule explanations cite); a new province's copy leaves them out (the
/// national documents apply until the province names its own in
/// `uniformity_basis` and `province_documents`).
fn default_rules_text(f: crate::config::ConfigFile) -> String {
    let text = f.default_text();
    if f != crate::config::ConfigFile::Rules {
        return text.to_string();
    }
    let mut v: Value = serde_json::from_str(text).expect("the shipped rules.json is valid JSON");
    if let Some(o) = v.as_object_mut() {
        o.remove("uniformity_basis");
        o.remove("province_documents");
    }
    pretty(&v)
}
