//! Readers for the values of an export. Tolerant of the forms portals use
//! (numbers or text, "20(工作日)", 是/否, numbered lists, materials with
//! their attributes or as bare names), strict about what they cannot read:
//! a value they cannot read is an error, never a guess.
//!
//! - `list`: text split into entries, small numerals.
//! - `deadline`: deadlines and units.
//! - `scalar`: 是/否, counts, levels, case types, online depth, objects.
//! - `legal`: 设定依据.
//! - `material`: 申请材料.
//! - `process`: 办理流程 and 收费.
//! - `results`: 办理结果 and contact channels.

mod deadline;
mod legal;
mod list;
mod material;
mod process;
mod results;
mod scalar;

use serde_json::Value;

pub(crate) use deadline::{deadline, deadline_unit, no_deadline, ReadDeadline};
pub(crate) use legal::legal_basis;
pub(crate) use list::{list, split_list};
pub(crate) use material::{materials, RawMaterial};
pub(crate) use process::{fees, process};
pub(crate) use results::{channels, results};
pub(crate) use scalar::{boolean, case_type, level, online_depth, service_objects, visits};

/// Non-fatal remarks made while reading one record (shown in the summary).
pub(crate) type Warnings = Vec<String>;

/// A value as one line of text: strings trimmed, numbers written out.
pub(crate) fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "是" } else { "否" }.to_string()),
        _ => None,
    }
}

/// Like [`text`], but an error naming what was expected.
pub(crate) fn required_text(v: &Value) -> Result<String, String> {
    text(v).ok_or_else(|| format!("应为文字，实为 {}", brief_json(v)))
}

/// A JSON value, shortened for messages.
pub(crate) fn brief_json(v: &Value) -> String {
    let s = v.to_string();
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A CSV cell may hold JSON for a structured field (a material list with
/// attributes): decode it when it plainly is JSON.
pub(super) fn structured(v: &Value) -> Value {
    if let Value::String(s) = v {
        let t = s.trim();
        if t.starts_with('[') || t.starts_with('{') {
            if let Ok(j) = serde_json::from_str::<Value>(t) {
                return j;
            }
        }
    }
    v.clone()
}
