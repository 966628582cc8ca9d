//! Deadlines and their units: numbers, "20(工作日)", "20个工作日", 即办,
//! objects {value, unit, note}; 天 and 日 are ambiguous unless declared.

use std::collections::BTreeMap;

use serde_json::Value;

use super::list::number;
use super::{brief_json, required_text, text, Warnings};
use crate::catalog::{Deadline, DeadlineUnit};
use crate::import::mapping::fold_width;

/// A deadline as read: the value, whether it was written as 即办, and a
/// warning (e.g. an ambiguous 天).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadDeadline {
    pub(crate) deadline: Deadline,
    pub(crate) immediate: bool,
}

const IMMEDIATE: [&str; 6] = ["即办", "当场办结", "即时办结", "立即办结", "当场办理", "即来即办"];

/// What a unit word means.
enum UnitWord {
    Known(DeadlineUnit),
    /// 天, 日: working or calendar days? Not said.
    Ambiguous,
}

fn unit_prefix(s: &str, units: &BTreeMap<String, DeadlineUnit>) -> Option<(UnitWord, usize)> {
    let s = s.strip_prefix('个').map_or((s, 0), |r| (r, '个'.len_utf8()));
    let (rest, skip) = s;
    // The user's words first, longest first, so 天 can be declared.
    let mut user: Vec<(&String, &DeadlineUnit)> = units.iter().collect();
    user.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    for (w, u) in user {
        if !w.is_empty() && rest.starts_with(w.as_str()) {
            return Some((UnitWord::Known(*u), skip + w.len()));
        }
    }
    for (w, u) in [
        ("工作日", Some(DeadlineUnit::WorkingDays)),
        ("自然日", Some(DeadlineUnit::CalendarDays)),
        ("日历日", Some(DeadlineUnit::CalendarDays)),
        ("天", None),
        ("日", None),
    ] {
        if rest.starts_with(w) {
            let word = u.map_or(UnitWord::Ambiguous, UnitWord::Known);
            return Some((word, skip + w.len()));
        }
    }
    None
}

const AMBIGUOUS: &str = "单位“天”或“日”未说明是工作日还是自然日，未填写单位（lint 将报告 deadline-unit）；确知时在映射文件 units 中声明，如 {\"天\": \"工作日\"}";

/// Words an export writes for “the law sets no deadline”.
const NO_DEADLINE: [&str; 8] = [
    "无",
    "无法定时限",
    "无法定办结时限",
    "无时限",
    "无期限",
    "不限",
    "法律法规未规定",
    "法律法规无规定",
];

/// 无法定时限: `Some(note)` when the value says the law sets no deadline
/// (“无”, “无法定时限（…）”); the note keeps any words beyond the bare 无.
pub(crate) fn no_deadline(v: &Value) -> Option<Option<String>> {
    let original = text(v)?;
    let s = fold_width(&original);
    let t = s.trim();
    let head = t.split(['(', '，', ',', '；', ';']).next().unwrap_or(t).trim();
    if !NO_DEADLINE.contains(&head) {
        return None;
    }
    Some((t != "无" && t != head).then(|| original.trim().to_string()))
}

/// A unit given in its own field.
pub(crate) fn deadline_unit(
    v: &Value,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<Option<DeadlineUnit>, String> {
    let s = fold_width(&required_text(v)?);
    let t = s.trim().trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    match unit_prefix(t, units) {
        Some((UnitWord::Known(u), n)) if n == t.len() => Ok(Some(u)),
        Some((UnitWord::Ambiguous, n)) if n == t.len() => {
            warn.push(AMBIGUOUS.into());
            Ok(None)
        }
        _ => Err(format!("无法识别时限单位“{s}”；应为工作日或自然日")),
    }
}

/// A deadline: a number (with the unit from its own field), text such as
/// "20(工作日)" "20个工作日" "即办", or an object {value, unit, note}.
pub(crate) fn deadline(
    v: &Value,
    unit: Option<DeadlineUnit>,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<ReadDeadline, String> {
    match v {
        Value::Number(n) => {
            let value = n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| format!("时限“{n}”应为非负整数"))?;
            Ok(ReadDeadline {
                deadline: Deadline {
                    value,
                    unit,
                    note: None,
                },
                immediate: false,
            })
        }
        Value::String(s) => {
            let mut d = deadline_text(s, units, warn)?;
            if d.deadline.unit.is_none() {
                d.deadline.unit = unit;
            }
            Ok(d)
        }
        Value::Object(o) => {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
            let inner_unit = match get(&["unit", "单位", "时限单位"]) {
                Some(u) => deadline_unit(u, units, warn)?,
                None => unit,
            };
            let value = get(&["value", "时限", "数值", "期限"]).ok_or("时限对象缺少 value（时限数值）")?;
            let mut d = deadline(value, inner_unit, units, warn)?;
            if let Some(note) = get(&["note", "说明", "时限说明"]).and_then(text) {
                d.deadline.note = Some(note);
            }
            Ok(d)
        }
        other => Err(format!("无法识别的时限 {}", brief_json(other))),
    }
}

fn deadline_text(s: &str, units: &BTreeMap<String, DeadlineUnit>, warn: &mut Warnings) -> Result<ReadDeadline, String> {
    let t = fold_width(s);
    let t = t.trim();
    if IMMEDIATE.iter().any(|w| t.starts_with(w)) {
        return Ok(ReadDeadline {
            deadline: Deadline {
                value: 0,
                unit: None,
                note: None,
            },
            immediate: true,
        });
    }
    let (value, used) = number(t).ok_or_else(|| format!("无法识别的时限“{s}”"))?;
    let rest = t[used..].trim_start();
    let bracket = rest.starts_with(['(', '[']);
    let rest = rest.trim_start_matches(['(', '[']).trim_start();
    let mut unit = None;
    let mut after = rest;
    if let Some((word, n)) = unit_prefix(rest, units) {
        match word {
            UnitWord::Known(u) => unit = Some(u),
            UnitWord::Ambiguous => warn.push(AMBIGUOUS.into()),
        }
        after = &rest[n..];
    } else if !rest.is_empty() && !bracket {
        let word: String = rest.chars().take_while(|c| !c.is_ascii_punctuation()).collect();
        return Err(format!("时限“{s}”的单位“{word}”不是工作日或自然日，无法换算"));
    }
    let note = after
        .trim_start_matches([')', ']'])
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '。' | '，' | '；'));
    let note = note
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .unwrap_or(note)
        .trim();
    Ok(ReadDeadline {
        deadline: Deadline {
            value,
            unit,
            note: (!note.is_empty()).then(|| note.to_string()),
        },
        immediate: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> Result<(ReadDeadline, Warnings), String> {
        let mut w = Vec::new();
        deadline(&json!(s), None, &BTreeMap::new(), &mut w).map(|d| (d, w))
    }

    fn dl(value: u32, unit: Option<DeadlineUnit>, note: Option<&str>) -> Deadline {
        Deadline {
            value,
            unit,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn deadlines_in_the_forms_portals_write() {
        use DeadlineUnit::*;
        for (s, want) in [
            ("20(工作日)", dl(20, Some(WorkingDays), None)),
            ("20（工作日）", dl(20, Some(WorkingDays), None)),
            ("20个工作日", dl(20, Some(WorkingDays), None)),
            ("15 自然日", dl(15, Some(CalendarDays), None)),
            ("二十个工作日", dl(20, Some(WorkingDays), None)),
            (
                "20个工作日（不含现场核查时间）",
                dl(20, Some(WorkingDays), Some("不含现场核查时间")),
            ),
        ] {
            assert_eq!(d(s).unwrap().0.deadline, want, "{s}");
        }
        let (imm, _) = d("即办").unwrap();
        assert!(imm.immediate);
        assert_eq!(imm.deadline.value, 0);
        let (amb, w) = d("30天").unwrap();
        assert_eq!(amb.deadline, dl(30, None, None));
        assert_eq!(w.len(), 1, "ambiguous 天 is reported");
        assert!(d("3个月").unwrap_err().contains("月"));
        assert!(d("尽快").is_err());
    }

    #[test]
    fn deadline_numbers_objects_and_declared_units() {
        let mut w = Vec::new();
        let units = BTreeMap::from([("天".to_string(), DeadlineUnit::WorkingDays)]);
        let r = deadline(&json!(20), Some(DeadlineUnit::WorkingDays), &units, &mut w).unwrap();
        assert_eq!(r.deadline, dl(20, Some(DeadlineUnit::WorkingDays), None));
        let r = deadline(&json!("10天"), None, &units, &mut w).unwrap();
        assert_eq!(r.deadline.unit, Some(DeadlineUnit::WorkingDays));
        let r = deadline(&json!({"value": "5", "unit": "工作日"}), None, &units, &mut w).unwrap();
        assert_eq!(r.deadline, dl(5, Some(DeadlineUnit::WorkingDays), None));
        assert!(w.is_empty());
    }
}
