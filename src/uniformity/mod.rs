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
pub mod report;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::catalog::local::OnlineDepth;
use crate::catalog::{At, Catalog, DeadlineUnit, Index, Local};
use crate::config::{self, Config};

pub use report::{analyse, Report};

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

/// Fewer implementing regions than this and a "majority" means nothing:
/// spreads are still shown, but nobody is called an outlier.
pub const MIN_REGIONS: usize = 3;

/// An element of an implementation that may differ between regions, but
/// is compared across them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Aspect {
    PromisedDeadline,
    Visits,
    OnlineDepth,
    InServiceCentre,
}

impl Aspect {
    pub const ALL: [Aspect; 4] = [
        Aspect::PromisedDeadline,
        Aspect::Visits,
        Aspect::OnlineDepth,
        Aspect::InServiceCentre,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Aspect::PromisedDeadline => "承诺办结时限",
            Aspect::Visits => "到办事现场次数",
            Aspect::OnlineDepth => "网上办理深度",
            Aspect::InServiceCentre => "进驻政务服务中心",
        }
    }

    /// Where the value is in a local file.
    pub fn pointer(self) -> &'static str {
        match self {
            Aspect::PromisedDeadline => "/promised_deadline",
            Aspect::Visits => "/visits",
            Aspect::OnlineDepth => "/online/depth",
            Aspect::InServiceCentre => "/in_service_centre",
        }
    }

    /// The pointer a finding should use for this local: an absent online
    /// depth points at `/online`.
    pub fn pointer_in(self, l: &Local) -> &'static str {
        match self {
            Aspect::OnlineDepth if l.online.depth.is_none() => "/online",
            _ => self.pointer(),
        }
    }

    pub fn of(self, l: &Local) -> Value {
        match self {
            Aspect::PromisedDeadline => Value::Deadline(l.promised_deadline.value, l.promised_deadline.unit),
            Aspect::Visits => Value::Visits(l.visits),
            Aspect::OnlineDepth => Value::Depth(l.online.depth),
            Aspect::InServiceCentre => Value::Centre(l.in_service_centre),
        }
    }
}

/// One region's value of an [`Aspect`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Deadline(u32, Option<DeadlineUnit>),
    Visits(u32),
    Depth(Option<OnlineDepth>),
    Centre(bool),
}

impl Value {
    /// How this value compares with `other` for the applicant:
    /// `Greater` = better. `None` when they cannot be compared (deadlines
    /// in different or missing units; 即办 beats any deadline).
    pub fn quality(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Deadline(a, u), Value::Deadline(b, v)) => {
                if *a == 0 || *b == 0 || (u.is_some() && u == v) {
                    Some(b.cmp(a))
                } else {
                    None
                }
            }
            (Value::Visits(a), Value::Visits(b)) => Some(b.cmp(a)),
            // Not online at all (None) is below Ⅰ级.
            (Value::Depth(a), Value::Depth(b)) => Some(a.cmp(b)),
            (Value::Centre(a), Value::Centre(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// The value in Chinese, as a reviewer reads it.
    pub fn show(&self) -> String {
        match self {
            Value::Deadline(0, _) => "即办（0）".into(),
            Value::Deadline(v, Some(u)) => format!("{v} 个{}", u.label()),
            Value::Deadline(v, None) => format!("{v}（未写单位）"),
            Value::Visits(3) => "多次".into(),
            Value::Visits(n) => format!("{n} 次"),
            Value::Depth(Some(d)) => match d {
                OnlineDepth::I => "Ⅰ级".into(),
                OnlineDepth::II => "Ⅱ级".into(),
                OnlineDepth::III => "Ⅲ级".into(),
                OnlineDepth::IV => "Ⅳ级（全程网办）".into(),
            },
            Value::Depth(None) => "不能网办".into(),
            Value::Centre(true) => "已进驻".into(),
            Value::Centre(false) => "未进驻".into(),
        }
    }
}

/// The spread of one aspect over the regions implementing one item.
#[derive(Debug)]
pub struct Spread<'a> {
    pub aspect: Aspect,
    /// Each implementing region's value, in region-code order.
    pub values: Vec<(&'a At<Local>, Value)>,
    /// The strictly most common value and how many regions have it; `None`
    /// when two values tie (there is no majority to measure against).
    pub mode: Option<(Value, usize)>,
    /// The best value that can be compared with the mode.
    pub best: Option<Value>,
}

impl<'a> Spread<'a> {
    pub fn new(aspect: Aspect, locals: &[&'a At<Local>]) -> Spread<'a> {
        let values: Vec<(&At<Local>, Value)> = locals.iter().map(|l| (*l, aspect.of(&l.value))).collect();
        let mut counts: HashMap<&Value, usize> = HashMap::new();
        for (_, v) in &values {
            *counts.entry(v).or_default() += 1;
        }
        let top = counts.values().copied().max().unwrap_or(0);
        let mut at_top: Vec<&Value> = counts.iter().filter(|(_, n)| **n == top).map(|(v, _)| *v).collect();
        at_top.sort();
        let mode = match at_top.as_slice() {
            [only] => Some(((*only).clone(), top)),
            _ => None,
        };
        let best = mode.as_ref().and_then(|(m, _)| {
            values
                .iter()
                .map(|(_, v)| v)
                .filter(|v| v.quality(m).is_some())
                .max_by(|a, b| a.quality(b).unwrap_or(Ordering::Equal).then_with(|| b.cmp(a)))
                .cloned()
        });
        Spread {
            aspect,
            values,
            mode,
            best,
        }
    }

    /// Whether there is a majority to measure against.
    pub fn has_majority(&self) -> bool {
        self.values.len() >= MIN_REGIONS && self.mode.as_ref().is_some_and(|(_, n)| *n >= 2)
    }

    /// Regions worse than the mode (comparable values only).
    pub fn outliers(&self) -> impl Iterator<Item = &(&'a At<Local>, Value)> + '_ {
        let mode = self.mode.as_ref().filter(|_| self.has_majority()).map(|(m, _)| m);
        self.values
            .iter()
            .filter(move |(_, v)| mode.is_some_and(|m| v.quality(m) == Some(Ordering::Less)))
    }

    /// Region codes having exactly this value, in code order.
    pub fn regions_with(&self, v: &Value) -> Vec<&'a str> {
        self.values
            .iter()
            .filter(|(_, x)| x == v)
            .map(|(l, _)| l.value.region.as_str())
            .collect()
    }

    /// The distinct values, best first (incomparable ones last, by value),
    /// each with how many regions have it.
    pub fn distribution(&self) -> Vec<(Value, usize)> {
        let mut counts: HashMap<&Value, usize> = HashMap::new();
        for (_, v) in &self.values {
            *counts.entry(v).or_default() += 1;
        }
        let mut d: Vec<(Value, usize)> = counts.into_iter().map(|(v, n)| (v.clone(), n)).collect();
        d.sort_by(|(a, _), (b, _)| match b.quality(a) {
            Some(o) if o != Ordering::Equal => o,
            _ => a.cmp(b),
        });
        d
    }
}

/// Local files grouped by item once (linear), each group sorted by region
/// code with one file per region (a second file for the same region and
/// item is the duplicate-id rule's business). Groups in item-code order.
pub fn locals_by_item(c: &Catalog) -> Vec<(&str, Vec<&At<Local>>)> {
    let mut by: HashMap<&str, Vec<&At<Local>>> = HashMap::new();
    for l in &c.locals {
        by.entry(l.value.item.as_str()).or_default().push(l);
    }
    let mut out: Vec<(&str, Vec<&At<Local>>)> = by.into_iter().collect();
    out.sort_by_key(|(k, _)| *k);
    for (_, ls) in &mut out {
        ls.sort_by(|a, b| a.value.region.cmp(&b.value.region));
        ls.dedup_by(|a, b| a.value.region == b.value.region);
    }
    out
}

/// The uniform element (an entry of rules.json `uniform_elements`) that a
/// pointer into an item falls under, if any: `/materials/2/copies` is under
/// `/materials`. Patterns may use `*` for one segment and `**` for any.
pub fn uniform_element<'c>(config: &'c Config, element: &str) -> Option<&'c str> {
    config
        .uniform_elements
        .iter()
        .find(|p| crate::config::PointerPattern::parse(p).covers(element))
        .map(String::as_str)
}

/// Chinese name of an element of the standard, by its pointer; unknown
/// pointers are shown as they are.
pub fn element_label(pointer: &str) -> String {
    let mut segs = crate::spans::segments(pointer);
    let first = segs.next().unwrap_or_default();
    let rest: Vec<String> = segs.collect();
    let name = match first.as_str() {
        "name" => "事项名称",
        "item_type" => "事项类型",
        "department" => "主管部门",
        "levels" => "行使层级",
        "legal_basis" => "设定依据",
        "service_objects" => "服务对象",
        "conditions" => "受理条件",
        "materials" => "申请材料",
        "process" => "办理流程",
        "statutory_deadline" => "法定办结时限",
        "case_type" => "办件类型",
        "fees" => "收费",
        "results" => "办理结果",
        "tongban" => "通办",
        "commitment" => "告知承诺",
        "promised_deadline" => "承诺办结时限",
        "visits" => "到办事现场次数",
        "online" => "网上办理",
        "in_service_centre" => "进驻政务服务中心",
        _ => return pointer.to_string(),
    };
    match rest.first() {
        None => name.to_string(),
        Some(i) if i.chars().all(|c| c.is_ascii_digit()) && rest.len() == 1 => {
            format!("{name}第 {} 项", i.parse::<usize>().map_or(0, |n| n + 1))
        }
        Some(_) => format!("{name}（{pointer}）"),
    }
}

/// A JSON value of the standard shown compactly: a deadline object as
/// "20 个工作日", a string as itself, anything else as compact JSON.
pub fn show_json(v: &serde_json::Value) -> String {
    use serde_json::Value as J;
    match v {
        J::String(s) => s.clone(),
        J::Object(o)
            if o.get("value").is_some_and(J::is_u64)
                && o.keys().all(|k| ["value", "unit", "note"].contains(&k.as_str())) =>
        {
            let n = o["value"].as_u64().unwrap_or(0);
            match o.get("unit").and_then(J::as_str) {
                Some(u) => format!("{n} 个{u}"),
                None => format!("{n}（未写单位）"),
            }
        }
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: u32) -> Value {
        Value::Deadline(v, Some(DeadlineUnit::WorkingDays))
    }

    #[test]
    fn quality_orders_for_the_applicant() {
        assert_eq!(d(5).quality(&d(10)), Some(Ordering::Greater));
        assert_eq!(
            d(5).quality(&Value::Deadline(5, Some(DeadlineUnit::CalendarDays))),
            None
        );
        assert_eq!(
            Value::Deadline(0, None).quality(&Value::Deadline(3, Some(DeadlineUnit::CalendarDays))),
            Some(Ordering::Greater)
        );
        assert_eq!(Value::Visits(0).quality(&Value::Visits(1)), Some(Ordering::Greater));
        assert_eq!(
            Value::Depth(None).quality(&Value::Depth(Some(OnlineDepth::I))),
            Some(Ordering::Less)
        );
        assert_eq!(
            Value::Depth(Some(OnlineDepth::IV)).quality(&Value::Depth(Some(OnlineDepth::III))),
            Some(Ordering::Greater)
        );
        assert_eq!(Value::Centre(false).quality(&Value::Centre(true)), Some(Ordering::Less));
    }

    #[test]
    fn element_labels() {
        assert_eq!(element_label("/statutory_deadline"), "法定办结时限");
        assert_eq!(element_label("/materials/2"), "申请材料第 3 项");
        assert_eq!(element_label("/materials/2/copies"), "申请材料（/materials/2/copies）");
        assert_eq!(element_label("/nope"), "/nope");
    }

    #[test]
    fn pattern_prefixes() {
        assert!(crate::config::PointerPattern::parse("/materials").covers("/materials/2/copies"));
        assert!(crate::config::PointerPattern::parse("/materials").covers("/materials"));
        assert!(!crate::config::PointerPattern::parse("/materials").covers("/materialsx"));
        assert!(crate::config::PointerPattern::parse("/fees/*/basis").covers("/fees/charges/basis"));
        assert!(!crate::config::PointerPattern::parse("/name").covers(""));
    }

    #[test]
    fn json_values_show_compactly() {
        let v: serde_json::Value = serde_json::json!({"value": 20, "unit": "工作日"});
        assert_eq!(show_json(&v), "20 个工作日");
        assert_eq!(show_json(&serde_json::json!("承诺件")), "承诺件");
        assert_eq!(show_json(&serde_json::json!([1, 2])), "[1,2]");
    }
}
