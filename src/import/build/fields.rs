//! A record's fields by target (after the mapping's renames, parsers and
//! defaults), and how a record's reader takes values from them.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Summary;
use crate::import::mapping::{Mapping, Target};
use crate::import::parse::{self, Warnings};
use crate::import::read::RawRecord;

/// Field values of one record by target, after the mapping's parsers, with
/// the source field name for messages.
fn collect(
    raw: &RawRecord,
    mapping: &Mapping,
    sum: &mut Summary,
    warn: &mut Warnings,
) -> BTreeMap<Target, (String, Value)> {
    let mut out: BTreeMap<Target, (String, Value)> = BTreeMap::new();
    for (name, value) in &raw.fields {
        let Some(rule) = mapping.rule(name) else {
            sum.unmapped.entry(name.clone()).or_default().push(raw.line);
            continue;
        };
        let Some(target) = rule.target else { continue };
        let value = match &rule.parser {
            None => value.clone(),
            Some(p) => match crate::import::mapping::apply(p, value.clone()) {
                Ok(v) => v,
                Err(e) => {
                    warn.push(format!("字段“{name}”：{e}，按原值读取"));
                    value.clone()
                }
            },
        };
        let Some(value) = placeholder(target, name, value, warn) else {
            continue;
        };
        if fee_flag(&mut out, target, name, &value) {
            continue;
        }
        if let Some((first, _)) = out.get(&target) {
            warn.push(format!(
                "字段“{name}”与“{first}”都对应{}，只导入“{first}”",
                target.label()
            ));
            continue;
        }
        out.insert(target, (name.clone(), value));
    }
    for (t, v) in &mapping.defaults {
        out.entry(*t)
            .or_insert_with(|| ("映射文件 defaults".to_string(), v.clone()));
    }
    out
}

/// What portals write for “nothing here”.
const PLACEHOLDERS: [&str; 9] = ["无", "暂无", "/", "-", "—", "空", "无。", "暂无。", "没有"];

/// A placeholder (无, 暂无, /…) is never data: for 受理条件 and 申请材料 it
/// means an empty list (no condition, no material), for a channel, a place
/// or a result nothing to import (`None`). Reported either way. Other
/// targets keep the value (a 无 deadline is 无法定时限, read there).
fn placeholder(target: Target, name: &str, value: Value, warn: &mut Warnings) -> Option<Value> {
    let Some(t) = parse::text(&value) else {
        return Some(value);
    };
    let t = crate::import::mapping::fold_width(t.trim());
    if !PLACEHOLDERS.contains(&t.as_str()) {
        return Some(value);
    }
    let (kept, meaning) = match target {
        Target::Conditions => (Some(Value::Array(Vec::new())), "没有受理条件（空列表）"),
        Target::Materials => (Some(Value::Array(Vec::new())), "没有申请材料（空列表）"),
        Target::Consultation | Target::Complaint => (None, "没有该联系渠道"),
        Target::Place | Target::Hours | Target::OnlineAddress => (None, "未导入（待补充）"),
        Target::Results | Target::ResultSample => (None, "未导入（待补充）"),
        _ => return Some(value),
    };
    warn.push(format!("字段“{name}”为占位文字“{t}”，不作为内容：{meaning}"));
    kept
}

/// 收费 "是" beside 收费项目 […]: the yes/no one is 是否收费. Whether the
/// value was placed (as the flag, or as the charges with the earlier
/// field moved to the flag).
fn fee_flag(out: &mut BTreeMap<Target, (String, Value)>, target: Target, name: &str, value: &Value) -> bool {
    let (Target::Fees, Some((first, old))) = (target, out.get(&Target::Fees)) else {
        return false;
    };
    if out.contains_key(&Target::Charged) {
        return false;
    }
    let flag = |v: &Value| parse::text(v).is_some() && parse::boolean(v).is_ok();
    if flag(value) {
        out.insert(Target::Charged, (name.to_string(), value.clone()));
        return true;
    }
    if flag(old) {
        let moved = (first.clone(), old.clone());
        out.insert(Target::Charged, moved);
        out.insert(Target::Fees, (name.to_string(), value.clone()));
        return true;
    }
    false
}

/// A record's fields while it is read, with the errors (the record cannot
/// be imported) and warnings found so far.
pub(super) struct Fields<'a> {
    pub(super) values: BTreeMap<Target, (String, Value)>,
    pub(super) mapping: &'a Mapping,
    pub(super) errors: Vec<String>,
    pub(super) warn: Warnings,
}

impl<'a> Fields<'a> {
    /// A record's fields by target, unmapped fields noted in the summary.
    pub(super) fn of(raw: &RawRecord, mapping: &'a Mapping, sum: &mut Summary) -> Self {
        let mut warn = Vec::new();
        let values = collect(raw, mapping, sum, &mut warn);
        Fields {
            values,
            mapping,
            errors: Vec::new(),
            warn,
        }
    }

    pub(super) fn get(&self, t: Target) -> Option<&Value> {
        self.values.get(&t).map(|(_, v)| v)
    }

    /// The field name a target's value came from, for messages.
    pub(super) fn src(&self, t: Target) -> String {
        self.values.get(&t).map_or(t.label().to_string(), |(s, _)| s.clone())
    }

    pub(super) fn text(&self, t: Target) -> Option<String> {
        self.get(t).and_then(parse::text)
    }

    /// Read a target's value; an error (naming the field) if it does not
    /// read, `None` if it is absent.
    pub(super) fn read<T>(
        &mut self,
        t: Target,
        f: impl FnOnce(&Value, &mut Warnings) -> Result<T, String>,
    ) -> Option<T> {
        let v = self.values.get(&t).map(|(_, v)| v)?;
        match f(v, &mut self.warn) {
            Ok(x) => Some(x),
            Err(e) => {
                let msg = format!("字段“{}”：{e}", self.src(t));
                self.errors.push(msg);
                None
            }
        }
    }

    /// Read a value the record cannot do without: missing is an error too.
    pub(super) fn require<T>(
        &mut self,
        t: Target,
        f: impl FnOnce(&Value, &mut Warnings) -> Result<T, String>,
    ) -> Option<T> {
        let x = self.read(t, f);
        if self.get(t).is_none() {
            let msg = self.missing(t);
            self.errors.push(msg);
        }
        x
    }

    /// Why a record without this target cannot be imported.
    pub(super) fn missing(&self, t: Target) -> String {
        let names: Vec<String> = self.mapping.sources_of(t).iter().map(|s| format!("“{s}”")).collect();
        format!(
            "缺少{}（字段{}；可在映射文件 fields 中指定字段名，或在 defaults 中统一指定）",
            t.label(),
            names.join("或")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use serde_json::json;

    /// 无, 暂无 and / are recognised per field and reported; none becomes a
    /// condition, a material or a phone channel.
    #[test]
    fn placeholders_are_reported_never_data() {
        let recs = [record(
            3,
            "630100",
            json!({"受理条件": "无", "申请材料": "暂无", "咨询电话": "／", "投诉电话": "无"}),
        )];
        let p = run(&recs, &registry(), &opts());
        assert!(p.summary.failed.is_empty(), "{:?}", p.summary.failed);
        let it = item(&p);
        assert!(it.conditions.is_empty() && it.materials.is_empty());
        let l = local(&p, "630100");
        assert!(l.consultation.is_empty() && l.complaint.is_empty());
        assert!(p.summary.new_materials.is_empty());
        let notes: Vec<&String> = p.summary.notices.keys().filter(|m| m.contains("占位文字")).collect();
        assert_eq!(notes.len(), 4, "{notes:?}");
    }

    #[test]
    fn a_yes_no_fee_field_beside_the_charges_is_the_flag() {
        let charges = json!([{"收费项目名称": "工本费", "收费标准": "10元/本", "收费依据": "《某文件》"}]);
        for (a, b) in [("收费", "收费项目"), ("收费项目", "收费")] {
            let (flag, list) = if a == "收费" {
                (json!("是"), charges.clone())
            } else {
                (charges.clone(), json!("是"))
            };
            let recs = [record(1, "630100", json!({"收费": null, a: flag, b: list}))];
            let p = run(&recs, &registry(), &opts());
            let fees = item(&p).fees;
            assert_eq!(fees.charged, Some(true));
            assert_eq!(fees.charges.len(), 1, "{a} then {b}");
        }
    }
}
