//! The provincial standard of an item: each record's value of each
//! uniform element, and the value chosen as the standard (the existing
//! item's, the reference region's, or the majority's).

use serde_json::Value;

use super::item::type_name;
use super::record::Rec;
use super::{to_value, Ctx};
use crate::catalog::item::{Exemption, ItemMaterial};
use crate::catalog::{DeadlineUnit, Statutory};
use crate::import::mapping::Mapping;
use crate::import::parse::RawMaterial;

/// The uniform elements of an item, in file order, with Chinese labels.
pub(crate) const ELEMENTS: [(&str, &str); 11] = [
    ("name", "事项名称"),
    ("item_type", "事项类型"),
    ("legal_basis", "设定依据"),
    ("service_objects", "服务对象"),
    ("conditions", "受理条件"),
    ("materials", "申请材料"),
    ("process", "办理流程"),
    ("statutory_deadline", "法定办结时限"),
    ("case_type", "办件类型"),
    ("fees", "收费"),
    ("results", "办理结果"),
];
pub(super) const N: usize = ELEMENTS.len();
pub(super) const NAME: usize = 0;
pub(super) const ITEM_TYPE: usize = 1;
pub(super) const STATUTORY: usize = 7;
/// Elements an item cannot be written without.
pub(super) const REQUIRED: [usize; 4] = [0, 7, 8, 9];
const CASE_TYPE: usize = 8;
const FEES: usize = 9;

/// A record's value for each element; `None` where it gave none.
///
/// A deadline of 0 (即办) written without a unit gets the unit of the
/// statutory deadline (工作日 if that has none either): zero is zero in
/// either unit, and a unit-less deadline would be a finding.
pub(super) fn element_values(
    r: &Rec,
    item_type: Option<String>,
    materials: Option<Vec<ItemMaterial>>,
) -> [Option<Value>; N] {
    let mut statutory = r.statutory.clone();
    if let Some(Statutory::Days(d)) = statutory.as_mut() {
        if d.value == 0 && d.unit.is_none() {
            d.unit = Some(DeadlineUnit::WorkingDays);
        }
    }
    let unit = statutory
        .as_ref()
        .and_then(Statutory::days)
        .and_then(|d| d.unit)
        .unwrap_or(DeadlineUnit::WorkingDays);
    let mut process = r.process.clone();
    for step in process.iter_mut().flatten() {
        if let Some(d) = step.deadline.as_mut() {
            if d.value == 0 && d.unit.is_none() {
                d.unit = Some(unit);
            }
        }
    }
    [
        r.name.as_ref().map(to_value),
        item_type.as_ref().map(to_value),
        r.legal_basis.as_ref().map(to_value),
        r.service_objects.as_ref().map(to_value),
        r.conditions.as_ref().map(to_value),
        materials.as_ref().map(to_value),
        process.as_ref().map(to_value),
        statutory.as_ref().map(to_value),
        r.case_type.as_ref().map(to_value),
        r.fees.as_ref().map(to_value),
        r.results.as_ref().map(to_value),
    ]
}

pub(super) fn item_material(id: String, m: &RawMaterial, mapping: &Mapping) -> ItemMaterial {
    let d = &mapping.material_defaults;
    ItemMaterial {
        material: id,
        necessity: m.necessity.unwrap_or(d.necessity),
        originals: m.originals.unwrap_or(d.originals),
        copies: m.copies.unwrap_or(d.copies),
        form: m.form.unwrap_or(d.form),
        paper_size: m.paper_size.clone(),
        filling_notes: m.filling_notes.clone(),
        blank_form: m.blank_form.clone(),
        sample: m.sample.clone(),
        basis: m.basis.clone(),
        situation: m.situation.clone(),
        exemption: m.exemption.map(|method| Exemption {
            method,
            note: m.exemption_note.clone(),
        }),
        submission_reason: m.submission_reason.clone(),
        core: m.core,
        deferral: None,
    }
}

/// The standard value of one element: the reference region's, or the
/// most common one (ties: the value of the highest-level record, then
/// the smallest region code). The string explains a tie.
pub(super) fn choose(values: &[(&Rec, &Value)], reference: Option<&str>) -> Option<(Value, Option<String>)> {
    if let Some(rv) = reference.and_then(|r| values.iter().find(|(rec, _)| rec.region == r)) {
        return Some((rv.1.clone(), None));
    }
    let mut groups: Vec<(&Value, Vec<&Rec>)> = Vec::new();
    for (rec, v) in values {
        match groups.iter_mut().find(|(g, _)| *g == *v) {
            Some((_, recs)) => recs.push(rec),
            None => groups.push((v, vec![rec])),
        }
    }
    let rank = |recs: &Vec<&Rec>| {
        recs.iter()
            .map(|r| (r.level, r.region.clone()))
            .min()
            .expect("a group has a record")
    };
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| rank(&a.1).cmp(&rank(&b.1))));
    let (best, recs) = groups.first()?;
    let tie = groups.get(1).filter(|g| g.1.len() == recs.len()).map(|_| {
        let (_, region) = rank(recs);
        format!(
            "各地取值票数相同（各 {} 个区划），取层级最高、区划代码最小的 {region} 的取值为全省标准；可用 --reference 指定参照区划",
            recs.len()
        )
    });
    Some(((*best).clone(), tie))
}

/// The standard of an item with no existing file kept: per element, the
/// chosen value (ties noted); an error when an element the item cannot be
/// written without has no value in any record.
pub(super) fn majority(
    ctx: &mut Ctx,
    code: &str,
    recs: &[Rec],
    values: &[[Option<Value>; N]],
) -> Result<[Option<Value>; N], String> {
    let reference = ctx.opts.reference.as_deref();
    if let Some(r) = reference {
        if !recs.iter().any(|x| x.region == r) {
            ctx.sum.note(
                0,
                format!("事项 {code} 没有参照区划 {r} 的记录，全省标准按多数区划的取值确定"),
            );
        }
    }
    let mut standard: [Option<Value>; N] = Default::default();
    for (i, (_, label)) in ELEMENTS.iter().enumerate() {
        let given: Vec<(&Rec, &Value)> = recs
            .iter()
            .zip(values)
            .filter_map(|(r, v)| v[i].as_ref().map(|v| (r, v)))
            .collect();
        if let Some((v, tie)) = choose(&given, reference) {
            if let Some(t) = tie {
                ctx.sum.note(0, format!("事项 {code} 的{label}{t}"));
            }
            standard[i] = Some(v);
        }
        let lacking: Vec<String> = recs
            .iter()
            .zip(values)
            .filter(|(_, v)| v[i].is_none())
            .map(|(r, _)| r.line.to_string())
            .collect();
        if !given.is_empty() && !lacking.is_empty() {
            ctx.sum.note(
                0,
                format!("事项 {code}：第 {} 行的记录没有{label}，按全省标准", lacking.join("、")),
            );
        }
    }
    if standard[ITEM_TYPE].is_none() {
        standard[ITEM_TYPE] = type_name(ctx, &code[2..4]).map(Value::String);
    }
    pending(ctx, code, &mut standard);
    complete(ctx, code, &standard)?;
    Ok(standard)
}

/// 办件类型 and 收费 that no record gives: 待补充 (the item is written, lint
/// reports value-pending at info level), never a guess. `defaults` in the
/// mapping file is for a value the user really knows.
fn pending(ctx: &mut Ctx, code: &str, standard: &mut [Option<Value>; N]) {
    let msg = |what: &str| {
        format!(
            "导出没有{what}，记为“待补充”（lint 以提示级别报告 value-pending）；确知全部记录的取值时，可在映射文件 defaults 中指定"
        )
    };
    if standard[CASE_TYPE].is_none() {
        standard[CASE_TYPE] = Some(Value::String("待补充".into()));
        ctx.sum.note_item(code, msg("办件类型"));
    }
    if standard[FEES].is_none() {
        standard[FEES] = Some(serde_json::json!({"charges": []}));
        ctx.sum.note_item(code, msg("收费（是否收费）"));
    }
}

/// Fail when an element the item needs has no value; note the lists that
/// will be written empty.
fn complete(ctx: &mut Ctx, code: &str, standard: &[Option<Value>; N]) -> Result<(), String> {
    let missing: Vec<&str> = REQUIRED
        .iter()
        .chain([&ITEM_TYPE])
        .filter(|i| standard[**i].is_none())
        .map(|i| ELEMENTS[*i].1)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "事项 {code} 的所有记录都没有{}，无法生成基本目录事项",
            missing.join("、")
        ));
    }
    for (i, (_, label)) in ELEMENTS.iter().enumerate() {
        if standard[i].is_none() {
            ctx.sum
                .note_item(code, format!("所有记录都没有{label}，写为空列表，请补充"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use crate::catalog::Level;
    use serde_json::json;

    /// 无 as the statutory deadline (public services) is 无法定时限, a
    /// value: the record imports, and a note is kept when one is given.
    #[test]
    fn a_statutory_deadline_written_as_none_is_no_deadline() {
        let recs = [
            record(1, "630100", json!({"法定办结时限": "无"})),
            record(2, "630200", json!({"法定办结时限": "无"})),
            record(3, "632200", json!({"法定办结时限": "无（法律法规未规定）"})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(p.summary.failed.is_empty(), "{:?}", p.summary.failed);
        let it = item(&p);
        assert_eq!(
            it.statutory_deadline,
            crate::catalog::Statutory::NoDeadline(crate::catalog::NoDeadline { none: true, note: None })
        );
        assert!(file(&p, "items/630101001000.json")
            .text
            .contains("\"statutory_deadline\": {\n    \"none\": true\n  }"));
        assert_eq!(elements(&local(&p, "632200")), ["/statutory_deadline"]);
    }

    #[test]
    fn the_majority_is_the_standard_and_the_odd_region_deviates() {
        let recs = [
            record(1, "630100", json!({})),
            record(2, "630200", json!({"法定办结时限": "15个工作日"})),
            record(3, "632200", json!({})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(p.summary.failed.is_empty(), "{:?}", p.summary.failed);
        let it = item(&p);
        assert_eq!(it.statutory_deadline.days().unwrap().value, 20);
        assert_eq!(it.levels, [Level::Prefecture]);
        assert_eq!(it.department, "01");
        assert_eq!(it.conditions, ["申请人已依法登记。", "有固定经营场所。"]);
        let odd = local(&p, "630200");
        assert_eq!(elements(&odd), ["/statutory_deadline"]);
        let d = &odd.deviations[0];
        assert_eq!(d.value, json!({"value": 15, "unit": "工作日"}));
        assert_eq!(
            (d.basis.as_str(), d.approved_by.as_str(), &d.approved_on),
            ("", "", &None)
        );
        assert!(local(&p, "630100").deviations.is_empty());
        assert_eq!(p.summary.deviations.len(), 1);
        assert_eq!(p.summary.imported, 3);
    }

    #[test]
    fn a_reference_region_sets_the_standard() {
        let recs = [
            record(1, "630100", json!({})),
            record(2, "630200", json!({"法定办结时限": "15个工作日"})),
            record(3, "632200", json!({})),
        ];
        let mut o = opts();
        o.reference = Some("630200".into());
        let p = run(&recs, &registry(), &o);
        assert_eq!(item(&p).statutory_deadline.days().unwrap().value, 15);
        assert_eq!(elements(&local(&p, "630100")), ["/statutory_deadline"]);
        assert_eq!(elements(&local(&p, "632200")), ["/statutory_deadline"]);
        assert!(local(&p, "630200").deviations.is_empty());
    }

    #[test]
    fn a_tie_is_broken_by_region_code_and_reported() {
        let recs = [
            record(1, "630200", json!({"受理条件": "申请人已依法登记。"})),
            record(2, "630100", json!({})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert_eq!(item(&p).conditions.len(), 2, "630100 has the smaller code");
        assert!(p
            .summary
            .notices
            .keys()
            .any(|m| m.contains("票数相同") && m.contains("630100")));
        assert_eq!(elements(&local(&p, "630200")), ["/conditions"]);
    }

    #[test]
    fn an_item_no_record_can_define_fails_every_record() {
        let recs = [
            record(1, "630100", json!({"法定办结时限": null})),
            record(2, "630200", json!({"法定办结时限": null})),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(p.files.is_empty());
        assert_eq!(p.summary.failed.len(), 2);
        assert!(p.summary.failed[0].message.contains("法定办结时限"));
    }
}
