//! 业务办理项: an implementation split into handling items (新设, 变更,
//! 延续, 注销…), each exported as its own record with a 33-character code
//! (the 31-character 实施编码 + 2 digits). The first record of a region and
//! item is the implementation; each record is one handling item of it,
//! holding only the elements in which it differs.

use serde_json::Value;

use super::fields::Fields;
use super::record::Rec;
use super::Ctx;
use crate::catalog::local::HandlingItem;
use crate::import::mapping::{fold_width, Target};

/// The handling item a record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::import) struct Handling {
    /// The two digits after the 31-character 实施编码.
    pub(in crate::import) code: String,
    pub(in crate::import) name: Option<String>,
}

/// The handling item of a record, from a 33-character 实施编码 or a
/// 业务办理项编码 field (33 characters, or the 2 digits alone). A
/// 33-character code leaves its first 31 characters as the record's
/// 实施编码. A malformed code is an error of the record.
pub(super) fn read(fs: &mut Fields) -> Option<Handling> {
    let from_impl = split33(fs, Target::ImplementationCode);
    let given = fs
        .text(Target::HandlingCode)
        .map(|s| fold_width(&s).trim().to_uppercase());
    let code = match given {
        None => from_impl?,
        Some(c) if c.len() == 2 => c,
        Some(_) => split33(fs, Target::HandlingCode)?,
    };
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        let msg = format!(
            "字段“{}”：业务办理项代码“{code}”应为 2 位数字（33 位业务办理项编码 = 31 位实施编码 + 2 位数字）",
            fs.src(Target::HandlingCode)
        );
        fs.errors.push(msg);
        return None;
    }
    Some(Handling {
        code,
        name: fs.text(Target::HandlingName).map(|s| s.trim().to_string()),
    })
}

/// A 33-character code in `t`: its last two characters; its first 31
/// become the record's 实施编码 (where the record gives none, or gives the
/// 33-character one). Another length: `None` (the 31-character code is
/// read, and checked, as the 实施编码).
fn split33(fs: &mut Fields, t: Target) -> Option<String> {
    let c = fs.text(t).map(|s| fold_width(&s).trim().to_uppercase())?;
    if c.chars().count() != 33 || !c.is_ascii() {
        if t == Target::HandlingCode {
            let msg = format!(
                "字段“{}”：业务办理项编码“{c}”应为 33 位（31 位实施编码 + 2 位数字）或单独的 2 位数字，实为 {} 位",
                fs.src(t),
                c.chars().count()
            );
            fs.errors.push(msg);
        }
        return None;
    }
    let (head, tail) = c.split_at(31);
    let src = fs.src(Target::ImplementationCode);
    match fs
        .text(Target::ImplementationCode)
        .map(|s| fold_width(&s).trim().to_uppercase())
    {
        Some(ic) if ic != c && ic != head => {
            let msg = format!("业务办理项编码 {c} 的前 31 位与实施编码 {ic} 不同，按实施编码导入");
            fs.warn.push(msg);
        }
        _ => {
            fs.values
                .insert(Target::ImplementationCode, (src, Value::String(head.to_string())));
        }
    }
    Some(tail.to_string())
}

/// The handling items of a local file: the record's own and those of the
/// further records of the same region and item, each with the elements
/// in which it differs from the first record. Two records naming the same
/// handling-item code: the later one is reported and left out.
pub(super) fn items(ctx: &mut Ctx, r: &Rec) -> Vec<HandlingItem> {
    let Some(own) = &r.handling else {
        return Vec::new();
    };
    let mut out = vec![HandlingItem {
        code: own.code.clone(),
        name: name_of(ctx, r, own),
        conditions: None,
        materials: None,
        promised_deadline: None,
    }];
    for m in &r.more {
        let Some(h) = &m.handling else { continue };
        if out.iter().any(|x| x.code == h.code) {
            ctx.sum.note(
                m.line,
                format!(
                    "业务办理项代码 {} 在区划 {} 的事项 {} 中重复，只导入第 {} 行起的第一条",
                    h.code, r.region, r.code, r.line
                ),
            );
            continue;
        }
        let materials = match (&m.materials, &r.materials) {
            (Some(mine), Some(first)) if names(mine) != names(first) => {
                Some(super::item::materials_of(ctx, m.line, mine))
            }
            (Some(mine), None) => Some(super::item::materials_of(ctx, m.line, mine)),
            _ => None,
        };
        if let Some(list) = &materials {
            ctx.materials.mark_used(&super::to_value(list));
        }
        out.push(HandlingItem {
            code: h.code.clone(),
            name: name_of(ctx, m, h),
            conditions: m.conditions.clone().filter(|c| Some(c) != r.conditions.as_ref()),
            materials,
            promised_deadline: Some(m.local.promised.deadline.clone()).filter(|d| *d != r.local.promised.deadline),
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

fn names(list: &[crate::import::parse::RawMaterial]) -> Vec<&str> {
    list.iter().map(|m| m.name.trim()).collect()
}

/// A handling item's name, or 待补充 (reported) when the export has none.
fn name_of(ctx: &mut Ctx, r: &Rec, h: &Handling) -> String {
    h.name.clone().unwrap_or_else(|| {
        ctx.sum.note(
            r.line,
            "业务办理项没有名称（字段“业务办理项名称”），记为“待补充”".to_string(),
        );
        "待补充".into()
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use serde_json::json;

    /// Four records of one region and item with 33-character codes (新设,
    /// 变更, 延续, 注销): one local file with four handling items, each
    /// holding only what differs; nothing fails.
    #[test]
    fn thirty_three_character_codes_become_handling_items() {
        let ic = "11630100MB1234567J3630101001000";
        let recs = [
            record(
                1,
                "630100",
                json!({"实施编码": format!("{ic}01"), "业务办理项名称": "新设"}),
            ),
            record(
                2,
                "630100",
                json!({"实施编码": format!("{ic}02"), "业务办理项名称": "变更", "承诺办结时限": "5个工作日"}),
            ),
            record(
                3,
                "630100",
                json!({"实施编码": format!("{ic}03"), "业务办理项名称": "延续"}),
            ),
            record(4, "630100", json!({"实施编码": format!("{ic}04")})),
            record(5, "630200", json!({})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(p.summary.failed.is_empty(), "{:?}", p.summary.failed);
        assert_eq!(p.summary.imported, 5);
        let l = local(&p, "630100");
        assert_eq!(l.implementation_code.as_deref(), Some(ic));
        let codes: Vec<(&str, &str)> = l
            .handling_items
            .iter()
            .map(|h| (h.code.as_str(), h.name.as_str()))
            .collect();
        assert_eq!(
            codes,
            [("01", "新设"), ("02", "变更"), ("03", "延续"), ("04", "待补充")]
        );
        assert_eq!(l.handling_items[1].promised_deadline.as_ref().map(|d| d.value), Some(5));
        assert!(l.handling_items[0].promised_deadline.is_none());
        assert!(local(&p, "630200").handling_items.is_empty());
        assert!(p.summary.notices.keys().any(|m| m.contains("待补充")));
    }

    #[test]
    fn a_malformed_handling_code_fails_the_record_at_its_line() {
        let recs = [record(6, "630100", json!({"业务办理项编码": "0X"}))];
        let p = run(&recs, &registry(), &opts());
        assert_eq!(p.summary.failed.len(), 1, "{:?}", p.summary.failed);
        assert_eq!(p.summary.failed[0].line, 6);
        assert!(p.summary.failed[0].message.contains("2 位数字"));
    }
}
