//! Deviations of a region's value from the provincial standard: which
//! pointers differ, and how, in a line of Chinese for the report.

use std::collections::HashSet;

use serde_json::Value;

use super::standard::{ELEMENTS, N};
use super::summary::DeviationNote;
use super::{is_uniform, Ctx};
use crate::catalog::local::Deviation;
use crate::import::parse;

/// The deviations of a record's values from the standard, for its local
/// file at `path`. Differences on elements that are not uniform are only
/// reported.
pub(super) fn deviations(
    ctx: &mut Ctx,
    path: &str,
    standard: &[Option<Value>; N],
    vals: &[Option<Value>; N],
) -> Vec<Deviation> {
    let mut out = Vec::new();
    for (i, (key, label)) in ELEMENTS.iter().enumerate() {
        let (Some(std), Some(mine)) = (&standard[i], &vals[i]) else {
            continue;
        };
        for (element, value) in diff(key, std, mine) {
            let materials = &ctx.materials;
            let note = DeviationNote {
                path: path.to_string(),
                element: element.clone(),
                label,
                text: describe(element_of(key, std, &element), &value, &|id| materials.name_of(id)),
            };
            if !is_uniform(&ctx.opts.uniform, &element) {
                ctx.sum.differences.push(note);
                continue;
            }
            ctx.sum.deviations.push(note);
            ctx.materials.mark_used(&value);
            out.push(Deviation {
                element,
                value,
                basis: String::new(),
                approved_by: String::new(),
                approved_on: None,
            });
        }
    }
    out
}

/// The deviations of one value from the standard: per entry where both
/// are lists of the same length, else the whole element.
fn diff(key: &str, standard: &Value, mine: &Value) -> Vec<(String, Value)> {
    if standard == mine {
        return Vec::new();
    }
    match (standard, mine) {
        (Value::Array(s), Value::Array(m)) if s.len() == m.len() => s
            .iter()
            .zip(m)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (_, b))| (format!("/{key}/{i}"), b.clone()))
            .collect(),
        _ => vec![(format!("/{key}"), mine.clone())],
    }
}

/// Chinese names of the fields of element values, for the summary.
fn field_label(key: &str) -> &str {
    match key {
        "material" => "材料",
        "necessity" => "必要性",
        "originals" => "原件份数",
        "copies" => "复印件份数",
        "form" => "材料形式",
        "paper_size" => "纸质规格",
        "filling_notes" => "填报须知",
        "blank_form" => "空白表格",
        "sample" => "样本",
        "basis" => "依据",
        "situation" => "适用情形",
        "exemption" => "免提交",
        "name" => "名称",
        "kind" => "类型",
        "document" => "文件名称",
        "article" => "条款",
        "text" => "条款原文",
        "value" => "数值",
        "unit" => "单位",
        "note" => "说明",
        "charged" => "是否收费",
        "charges" => "收费项目",
        "standard" => "标准",
        "actor" => "办理人员",
        "deadline" => "时限",
        other => other,
    }
}

/// How a region's value differs from the standard, in a line of Chinese.
fn describe(standard: Option<&Value>, mine: &Value, names: &dyn Fn(&str) -> Option<String>) -> String {
    let brief = |v: &Value| brief(v, names);
    let Some(std) = standard else {
        return format!("本地 {}，全省标准中没有此项", brief(mine));
    };
    match (std, mine) {
        (Value::Object(a), Value::Object(b)) if !(a.contains_key("value") && b.contains_key("value")) => {
            let keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            let mut seen = HashSet::new();
            let parts: Vec<String> = keys
                .into_iter()
                .filter(|k| seen.insert(k.as_str()) && a.get(*k) != b.get(*k))
                .map(|k| {
                    let show = |v: Option<&Value>| v.map_or("（无）".to_string(), &brief);
                    format!(
                        "{} 本地 {}，全省标准 {}",
                        field_label(k),
                        show(b.get(k)),
                        show(a.get(k))
                    )
                })
                .collect();
            format!("{}：{}", brief(mine), parts.join("；"))
        }
        (Value::Array(a), Value::Array(b)) => {
            let added: Vec<String> = b.iter().filter(|x| !a.contains(x)).map(&brief).collect();
            let lacking: Vec<String> = a.iter().filter(|x| !b.contains(x)).map(&brief).collect();
            let mut parts = vec![format!("本地 {} 项，全省标准 {} 项", b.len(), a.len())];
            if !added.is_empty() {
                parts.push(format!("多出 {}", added.join("、")));
            }
            if !lacking.is_empty() {
                parts.push(format!("缺少 {}", lacking.join("、")));
            }
            if added.is_empty() && lacking.is_empty() {
                parts.push("顺序不同".into());
            }
            parts.join("；")
        }
        _ => format!("本地 {}，全省标准 {}", brief(mine), brief(std)),
    }
}

/// A value in a few words, for the summary; `names` gives a material's
/// name from its id.
fn brief(v: &Value, names: &dyn Fn(&str) -> Option<String>) -> String {
    match v {
        Value::Object(o) if o.contains_key("value") && o.len() <= 3 => {
            let n = o.get("value").map(Value::to_string).unwrap_or_default();
            let u = o.get("unit").and_then(Value::as_str).unwrap_or("（无单位）");
            format!("{n} {u}")
        }
        Value::String(s) => {
            let short: String = s.chars().take(30).collect();
            if s.chars().count() > 30 {
                format!("“{short}…”")
            } else {
                format!("“{short}”")
            }
        }
        Value::Array(a) => format!("{} 项", a.len()),
        Value::Object(o) => match (o.get("name"), o.get("material")) {
            (Some(Value::String(n)), _) => format!("“{n}”"),
            (_, Some(Value::String(id))) => format!("“{}”", names(id).unwrap_or_else(|| id.clone())),
            _ => parse::brief_json(v),
        },
        other => parse::brief_json(other),
    }
}

/// The part of an element's value a deviation pointer names.
fn element_of<'a>(key: &str, value: &'a Value, pointer: &str) -> Option<&'a Value> {
    pointer
        .strip_prefix('/')?
        .strip_prefix(key)
        .and_then(|rest| value.pointer(rest))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use serde_json::json;

    #[test]
    fn lists_of_equal_length_deviate_per_entry() {
        let recs = [
            record(1, "630100", json!({})),
            record(
                2,
                "630200",
                json!({"受理条件": "1.申请人已依法登记。2.有两处固定经营场所。"}),
            ),
            record(3, "632200", json!({})),
        ];
        let p = run(&recs, &registry(), &opts());
        let l = local(&p, "630200");
        assert_eq!(elements(&l), ["/conditions/1"]);
        assert_eq!(l.deviations[0].value, json!("有两处固定经营场所。"));
    }

    #[test]
    fn differences_on_elements_that_are_not_uniform_are_reported_not_written() {
        let recs = [
            record(1, "630100", json!({})),
            record(
                2,
                "630200",
                json!({"办理流程": [{"环节名称": "受理", "办理人员": "综合窗口", "环节时限": "1个工作日"}]}),
            ),
            record(3, "632200", json!({})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(local(&p, "630200").deviations.is_empty());
        assert_eq!(p.summary.differences.len(), 1);
        assert_eq!(p.summary.differences[0].element, "/process/0");
    }
}
