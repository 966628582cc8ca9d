//! `tongbiao new`: a new catalog file at its path, in canonical form, with
//! what the code determines filled in and every other required field a
//! placeholder (`暂无`) that lint reports until it is filled.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::Outcome;
use crate::catalog::FileKind;

/// The placeholder: the lexicon's 占位 class reports it (vague-placeholder)
/// wherever free text is checked.
const TODO: &str = "暂无";

/// Arguments of `tongbiao new`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) what: What,
    /// 目录路径（默认 catalog）
    #[arg(long, global = true, default_value = "catalog")]
    pub(crate) catalog: PathBuf,
    /// 更新日期（YYYY-MM-DD，默认今天）
    #[arg(long, global = true)]
    pub(crate) today: Option<String>,
}

#[derive(clap::Subcommand, Debug)]
pub(crate) enum What {
    /// 新建基本目录事项 items/<基本编码>.json（事项类型、主管部门由编码确定）
    Item {
        /// 12 位基本编码
        code: String,
    },
    /// 新建实施清单 local/<区划代码>/<基本编码>.json（事项须已在基本目录中）
    Local {
        /// 6 位区划代码
        region: String,
        /// 12 位基本编码
        code: String,
    },
    /// 新建一件事 bundles/<一件事标识>.json
    Bundle {
        /// 一件事标识（小写英文字母、数字和连字符）
        id: String,
    },
}

pub(super) fn run(args: &Args) -> Outcome {
    let today = match &args.today {
        Some(t) if crate::config::parse_date(t).is_some() => t.clone(),
        Some(t) => return Outcome::failed(format!("--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期")),
        None => crate::config::today(),
    };
    let made = match &args.what {
        What::Item { code } => item(&args.catalog, code, &today),
        What::Local { region, code } => local(&args.catalog, region, code, &today),
        What::Bundle { id } => bundle(id, &today),
    };
    let (rel, kind, value) = match made {
        Ok(m) => m,
        Err(e) => return Outcome::failed(e),
    };
    let path = args.catalog.join(&rel);
    if path.exists() {
        return Outcome::failed(format!("{} 已存在，未覆盖；请直接编辑该文件", path.display()));
    }
    let schema = crate::schema::catalog(kind).value();
    let text = match crate::canonical::canonical(&value.to_string(), Some(schema)) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(format!("无法生成 {rel}（{e:?}）")),
    };
    let mut o = Outcome::default();
    o.write(path.clone(), text, true);
    o.out(format!(
        "已新建 {}：请把其中的“{TODO}”改为实际内容（未填写的，tongbiao lint 会报告）\n",
        path.display()
    ));
    o
}

type Made = Result<(String, FileKind, Value), String>;

fn digits(s: &str, n: usize, what: &str) -> Result<(), String> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("{what}“{s}”应为 {n} 位数字"))
    }
}

/// A catalog file's JSON, when it is there and parses.
fn read(catalog: &Path, rel: &str) -> Option<Value> {
    let text = std::fs::read_to_string(catalog.join(rel)).ok()?;
    serde_json::from_str(crate::text::strip_bom(&text)).ok()
}

fn item(catalog: &Path, code: &str, today: &str) -> Made {
    digits(code, 12, "基本编码")?;
    // The type's name from catalog.json's code list (digits 3–4).
    let item_type = read(catalog, "catalog.json")
        .and_then(|m| {
            m.get("item_types")?
                .as_array()?
                .iter()
                .find(|t| t.get("code").and_then(Value::as_str) == Some(&code[2..4]))?
                .get("name")?
                .as_str()
                .map(String::from)
        })
        .unwrap_or_else(|| TODO.to_string());
    let value = json!({
        "$schema": "../schema/item.schema.json",
        "code": code,
        "name": TODO,
        "item_type": item_type,
        "department": &code[4..6],
        "levels": [],
        "legal_basis": [{"document": TODO}],
        "service_objects": [],
        "conditions": [TODO],
        "materials": [],
        "process": [],
        "statutory_deadline": {"value": 0, "unit": "工作日", "note": TODO},
        "case_type": "承诺件",
        "fees": {"charged": false, "charges": []},
        "results": [],
        "version": 1,
        "updated": today,
    });
    Ok((format!("items/{code}.json"), FileKind::Item, value))
}

fn local(catalog: &Path, region: &str, code: &str, today: &str) -> Made {
    digits(region, 6, "区划代码")?;
    digits(code, 12, "基本编码")?;
    let base = read(catalog, &format!("items/{code}.json"))
        .ok_or_else(|| format!("基本目录中没有可读取的事项 items/{code}.json；请先新建或修正该事项"))?;
    let department = base.get("department").and_then(Value::as_str).unwrap_or("");
    // The region's agency of the item's department, when there is one.
    let agency = read(catalog, &format!("agencies/{region}.json"))
        .and_then(|a| {
            a.get("agencies")?
                .as_array()?
                .iter()
                .find(|x| x.get("department").and_then(Value::as_str) == Some(department))?
                .get("id")?
                .as_str()
                .map(String::from)
        })
        .unwrap_or_else(|| TODO.to_string());
    // The statutory deadline bounds the promise: its unit, at most its value.
    let statutory = base.get("statutory_deadline");
    let value = statutory.and_then(|d| d.get("value")).cloned().unwrap_or(json!(0));
    let unit = statutory
        .and_then(|d| d.get("unit"))
        .cloned()
        .unwrap_or(json!("工作日"));
    let value = json!({
        "$schema": "../../schema/local.schema.json",
        "item": code,
        "region": region,
        "agency": agency,
        "promised_deadline": {"value": value, "unit": unit, "note": TODO},
        "visits": 3,
        "visit_reason": TODO,
        "online": {"not_online_reason": TODO},
        "in_service_centre": true,
        "delivery_by_post": false,
        "windows": [{"place": TODO, "hours": TODO}],
        "consultation": [{"kind": "窗口", "value": TODO}],
        "complaint": [{"kind": "电话", "value": TODO}],
        "deviations": [],
        "version": 1,
        "updated": today,
    });
    Ok((format!("local/{region}/{code}.json"), FileKind::Local, value))
}

fn bundle(id: &str, today: &str) -> Made {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        return Err(format!("一件事标识“{id}”只能由小写英文字母、数字和连字符组成"));
    }
    let value = json!({
        "$schema": "../schema/bundle.schema.json",
        "id": id,
        "name": TODO,
        "lead_department": TODO,
        "members": [],
        "form": {"name": TODO},
        "materials": [],
        "promised_deadline": {"value": 0, "unit": "工作日", "note": TODO},
        "online_entry": TODO,
        "window": TODO,
        "version": 1,
        "updated": today,
    });
    Ok((format!("bundles/{id}.json"), FileKind::Bundle, value))
}
