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
