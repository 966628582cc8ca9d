//! 办理流程 and 收费: steps with actors and deadlines, charges with their
//! standard and basis.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::deadline::deadline;
use super::list::{list, split_list};
use super::scalar::boolean;
use super::{structured, text, Warnings};
use crate::catalog::item::{Charge, Fees, ProcessStep};
use crate::catalog::DeadlineUnit;

/// 办理流程: objects {name, actor, deadline, standard} or bare step names.
pub(crate) fn process(
    v: &Value,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<Vec<ProcessStep>, String> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => list(&other, &['、', '→', '>', '＞'])
            .into_iter()
            .map(Value::String)
            .collect(),
    };
    let mut out = Vec::new();
    let mut bare = false;
    for (i, e) in entries.iter().enumerate() {
        match e {
            Value::Object(o) => {
                let step = step(o, i, units, warn)?;
                bare |= step.actor.is_empty();
                out.push(step);
            }
            other => {
                if let Some(name) = text(other) {
                    bare = true;
                    out.push(ProcessStep {
                        name,
                        actor: String::new(),
                        deadline: None,
                        standard: None,
                    });
                }
            }
        }
    }
    if bare {
        warn.push("办理流程有环节未写明办理人员，办理人员留空待补充".into());
    }
    Ok(out)
}

/// The `i`th step, given as an object.
fn step(
    o: &Map<String, Value>,
    i: usize,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<ProcessStep, String> {
    let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
    let name = get(&["name", "环节名称", "环节", "名称"])
        .and_then(text)
        .ok_or_else(|| format!("办理流程第 {} 个环节没有环节名称", i + 1))?;
    let actor = get(&["actor", "办理人员", "承办人", "审批人员", "办理人", "承办岗位"]).and_then(text);
    let deadline = match get(&["deadline", "环节时限", "办理时限", "时限"]) {
        Some(d) => Some(
            deadline(d, None, units, warn)
                .map_err(|e| format!("办理流程“{name}”的{e}"))?
                .deadline,
        ),
        None => None,
    };
    Ok(ProcessStep {
        name,
        actor: actor.unwrap_or_default(),
        deadline,
        standard: get(&["standard", "办理标准", "审查标准"]).and_then(text),
    })
}

/// 收费: from 是否收费 and/or the charges (objects, text, or 不收费).
pub(crate) fn fees(
    charged: Option<&Value>,
    charges: Option<&Value>,
    warn: &mut Warnings,
) -> Result<Option<Fees>, String> {
    let mut flag = charged.map(boolean).transpose().map_err(|e| format!("是否收费：{e}"))?;
    let mut list = Vec::new();
    if let Some(v) = charges {
        let mut v = structured(v);
        // The catalog's own shape: {"charged": …, "charges": […]}.
        if let Value::Object(o) = &v {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).cloned();
            if let Some(c) = get(&["charged", "是否收费"]) {
                flag = Some(boolean(&c).map_err(|e| format!("是否收费：{e}"))?);
                v = get(&["charges", "收费项目"]).unwrap_or(Value::Array(Vec::new()));
            }
        }
        if let (Some(_), Ok(b)) = (text(&v), boolean(&v)) {
            flag = Some(flag.unwrap_or(b));
        } else {
            list = charge_list(v, warn)?;
        }
    }
    if flag.is_none() && list.is_empty() {
        return Ok(None);
    }
    Ok(Some(Fees {
        charged: Some(flag.unwrap_or(!list.is_empty())),
        charges: list,
    }))
}

/// The charges: objects, or text entries (names only, said so).
fn charge_list(v: Value, warn: &mut Warnings) -> Result<Vec<Charge>, String> {
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => text(&other)
            .map(|s| split_list(&s, &[]).into_iter().map(Value::String).collect())
            .unwrap_or_default(),
    };
    let mut list = Vec::new();
    let mut plain = false;
    for e in entries {
        match &e {
            Value::Object(o) => list.push(charge(o)?),
            other => {
                if let Some(s) = text(other) {
                    plain = true;
                    list.push(Charge {
                        name: s,
                        standard: String::new(),
                        basis: String::new(),
                        waiver_allowed: false,
                        waiver_basis: None,
                    });
                }
            }
        }
    }
    if plain {
        warn.push("收费项目只有文字，未拆分出收费标准和收费依据（留空待补充）".into());
    }
    Ok(list)
}

/// One charge given as an object.
fn charge(o: &Map<String, Value>) -> Result<Charge, String> {
    let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
    let name = get(&["name", "收费项目名称", "项目名称", "名称"])
        .and_then(text)
        .ok_or("收费项目没有收费项目名称")?;
    let waiver_allowed = match get(&["waiver_allowed", "是否允许减免", "允许减免"]) {
        Some(w) => boolean(w).map_err(|e| format!("收费项目“{name}”的是否允许减免：{e}"))?,
        None => false,
    };
    Ok(Charge {
        name,
        standard: get(&["standard", "收费标准", "标准"])
            .and_then(text)
            .unwrap_or_default(),
        basis: get(&["basis", "收费依据", "依据"]).and_then(text).unwrap_or_default(),
        waiver_allowed,
        waiver_basis: get(&["waiver_basis", "减免依据"]).and_then(text),
    })
}
