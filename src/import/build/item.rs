//! One item: its department, each record's element values, the standard,
//! the item file (or the existing one kept) and a local file per record
//! with its deviations.

use serde_json::{json, Map, Value};

use super::deviation::deviations;
use super::record::Rec;
use super::standard::{self, element_values, item_material, ELEMENTS, N, NAME, STATUTORY};
use super::summary::ItemNote;
use super::{enum_label, pretty, to_value, Action, Ctx, FileOut};
use crate::catalog::item::ItemMaterial;
use crate::catalog::shared::Shared;
use crate::catalog::{Deadline, DeadlineUnit, Item, Level, Local};
use crate::import::mapping::fold_width;
use crate::import::parse::RawMaterial;

/// One item while it is imported.
pub(super) struct ItemWork<'a> {
    pub(super) code: &'a str,
    pub(super) recs: &'a [Rec],
    /// The existing item, kept as the standard (no --force).
    pub(super) keep: Option<&'a Item>,
    pub(super) department: String,
    /// Each record's value of each element.
    pub(super) values: Vec<[Option<Value>; N]>,
    pub(super) standard: [Option<Value>; N],
}

/// Import the records of one item; if the item cannot be written, every
/// record of it fails with the reason.
pub(super) fn import_item(ctx: &mut Ctx, code: &str, recs: &[Rec]) {
    if let Err(e) = try_import(ctx, code, recs) {
        for r in recs {
            ctx.sum.fail(r.line, e.clone());
        }
    }
}

fn try_import(ctx: &mut Ctx, code: &str, recs: &[Rec]) -> Result<(), String> {
    let keep: Option<&Item> = match ctx.reg.items.get(code) {
        Some(Ok(item)) if !ctx.opts.force => Some(item),
        _ => None,
    };
    let department = match keep {
        Some(item) => item.department.clone(),
        None => ctx
            .departments
            .resolve(&ctx.reg.meta.province, code, recs, &mut ctx.sum)?,
    };
    let values = record_values(ctx, recs);
    let standard = match keep {
        Some(item) => {
            let v = to_value(item);
            ELEMENTS.map(|(key, _)| v.get(key).cloned())
        }
        None => standard::majority(ctx, code, recs, &values)?,
    };
    let work = ItemWork {
        code,
        recs,
        keep,
        department,
        values,
        standard,
    };
    let action = item_file(ctx, &work)?;
    ctx.sum.items.push(ItemNote {
        code: code.to_string(),
        name: work.standard[NAME]
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        action,
        records: recs.len(),
    });
    local_files(ctx, &work);
    Ok(())
}

/// Each record's value of each element, with item types named and
/// materials registered.
fn record_values(ctx: &mut Ctx, recs: &[Rec]) -> Vec<[Option<Value>; N]> {
    let mut values = Vec::new();
    for r in recs {
        let item_type = r.item_type.as_deref().map(|t| item_type(ctx, r.line, t));
        if let Some(t) = &item_type {
            type_code(ctx, &r.code, t);
        }
        let mats = r.materials.as_ref().map(|list| materials_of(ctx, r.line, list));
        values.push(element_values(r, item_type, mats));
    }
    values
}

/// The name of an item type given by code or name.
fn item_type(ctx: &mut Ctx, line: usize, t: &str) -> String {
    let t = fold_width(t);
    match type_name(ctx, t.trim()) {
        Some(name) => name,
        None => {
            if !ctx.reg.meta.item_types.iter().any(|x| x.name == t.trim()) {
                ctx.sum
                    .note(line, format!("事项类型“{t}”不在 catalog.json 的事项类型代码表中"));
            }
            t.trim().to_string()
        }
    }
}

/// An item type whose code in catalog.json is not digits 3–4 of the item
/// code: the export follows another code list. Reported (once per type and
/// code), never re-coded: the catalog's list is what lint reads.
fn type_code(ctx: &mut Ctx, code: &str, name: &str) {
    let Some(listed) = ctx.reg.meta.item_types.iter().find(|t| t.name == name) else {
        return;
    };
    let digits = &code[2..4];
    if listed.code != digits {
        ctx.sum.note_item(
            code,
            format!(
                "事项类型“{name}”在 catalog.json 的代码表中为 {}，而这些基本编码第 3–4 位为 {digits}：导出按另一份代码表编码；本省代码表如此的，请先修改 catalog.json 的 item_types 再 lint（否则 lint 报告 base-code）",
                listed.code
            ),
        );
    }
}

/// The name of the item type with this code in catalog.json.
pub(super) fn type_name(ctx: &Ctx, code: &str) -> Option<String> {
    ctx.reg
        .meta
        .item_types
        .iter()
        .rev()
        .find(|t| t.code == code)
        .map(|t| t.name.clone())
}

/// A record's materials as the item lists them, registered by name.
pub(super) fn materials_of(ctx: &mut Ctx, line: usize, list: &[RawMaterial]) -> Vec<ItemMaterial> {
    if list.iter().any(RawMaterial::incomplete) {
        let d = &ctx.mapping.material_defaults;
        ctx.sum.note(
            line,
            format!(
                "申请材料只有名称或缺少属性，缺少的必要性、份数和形式按默认值填写（{}、原件 {} 份、复印件 {} 份、{}），请核对",
                enum_label(&d.necessity),
                d.originals,
                d.copies,
                enum_label(&d.form)
            ),
        );
    }
    list.iter()
        .map(|m| {
            let id = ctx.materials.id(m, ctx.mapping, line, &mut ctx.sum);
            item_material(id, m, ctx.mapping)
        })
        .collect()
}

/// Plan the item file, or keep the existing one; the action for the
/// summary (`None`: kept).
fn item_file(ctx: &mut Ctx, w: &ItemWork) -> Result<Option<Action>, String> {
    let code = w.code;
    let item_path = format!("items/{code}.json");
    let existing = ctx.reg.items.get(code);
    match (w.keep, existing) {
        (Some(item), _) => {
            for r in w.recs {
                if !item.levels.contains(&r.level) {
                    ctx.sum.note(
                        r.line,
                        format!(
                            "区划 {}（{}）不在已有事项 {code} 的行使层级中；lint 将报告 region-level",
                            r.region,
                            r.level.label()
                        ),
                    );
                }
            }
            Ok(None)
        }
        (None, Some(Err(e))) if !ctx.opts.force => {
            ctx.sum.note(
                0,
                format!("已有的 {item_path} 无法读取（{e}），未覆盖；全省标准按导入记录确定"),
            );
            ctx.sum.skipped.push(item_path);
            Ok(None)
        }
        (None, found) => {
            let item = new_item(ctx, w)?;
            let action = if found.is_some() || ctx.reg.existing.contains(&item_path) {
                Action::Overwrite
            } else {
                Action::Create
            };
            ctx.materials.mark_used(&to_value(&item.materials));
            ctx.files.push(FileOut {
                path: item_path,
                text: pretty(&item),
                action,
            });
            Ok(Some(action))
        }
    }
}

/// The item file: the standard, the department and the levels of the
/// regions that implement it.
fn new_item(ctx: &Ctx, w: &ItemWork) -> Result<Item, String> {
    let code = w.code;
    let mut levels: Vec<Level> = w.recs.iter().map(|r| r.level).collect();
    levels.sort();
    levels.dedup();
    let mut obj = Map::new();
    obj.insert("$schema".into(), json!("../schema/item.schema.json"));
    obj.insert("code".into(), json!(code));
    for (i, (key, _)) in ELEMENTS.iter().enumerate() {
        if *key == "legal_basis" {
            obj.insert("department".into(), json!(w.department));
            obj.insert("levels".into(), to_value(&levels));
        }
        obj.insert((*key).into(), w.standard[i].clone().unwrap_or_else(|| json!([])));
    }
    obj.insert("version".into(), json!(1));
    obj.insert("updated".into(), json!(ctx.opts.date));
    serde_json::from_value(Value::Object(obj)).map_err(|e| format!("事项 {code} 无法生成：{e}"))
}

/// The local files, each with its deviations; existing ones are kept
/// unless forced.
fn local_files(ctx: &mut Ctx, w: &ItemWork) {
    let statutory_unit = w.standard[STATUTORY]
        .as_ref()
        .and_then(|v| v.get("unit"))
        .and_then(|u| serde_json::from_value::<DeadlineUnit>(u.clone()).ok());
    for (r, vals) in w.recs.iter().zip(&w.values) {
        let path = format!("local/{}/{}.json", r.region, w.code);
        ctx.sum.imported += 1 + r.more.len();
        let exists = ctx.reg.existing.contains(&path);
        if exists && !ctx.opts.force {
            ctx.sum.skipped.push(path);
            continue;
        }
        let agency = ctx.agencies.id(r, &w.department, &mut ctx.sum);
        let mut local = local(ctx, r, agency, statutory_unit);
        local.deviations = deviations(ctx, &path, &w.standard, vals);
        local.handling_items = super::handling::items(ctx, r);
        ctx.files.push(FileOut {
            path,
            text: pretty(&local),
            action: if exists { Action::Overwrite } else { Action::Create },
        });
        ctx.sum.locals_written += 1;
    }
}

/// A record's local file, without deviations. A promised deadline of 0
/// without a unit takes the statutory deadline's.
fn local(ctx: &Ctx, r: &Rec, agency: String, statutory_unit: Option<DeadlineUnit>) -> Local {
    let f = &r.local;
    let mut promised: Deadline = f.promised.deadline.clone();
    if promised.value == 0 && promised.unit.is_none() {
        promised.unit = Some(statutory_unit.unwrap_or(DeadlineUnit::WorkingDays));
    }
    Local {
        schema: Some("../../schema/local.schema.json".into()),
        item: r.code.clone().into(),
        region: r.region.clone().into(),
        agency: agency.into(),
        implementation_code: r.implementation_code.as_deref().map(Box::from),
        promised_deadline: promised.into(),
        visits: f.visits,
        visit_reason: f.visit_reason.as_deref().map(Shared::new),
        online: f.online.clone().into(),
        in_service_centre: f.in_service_centre,
        not_in_centre_reason: f.not_in_centre_reason.as_deref().map(Shared::new),
        delivery_by_post: f.delivery_by_post,
        windows: f.windows.clone().into(),
        consultation: f.consultation.clone().into(),
        complaint: f.complaint.clone().into(),
        handling_items: Vec::new(),
        deviations: Vec::new(),
        change_notes: Vec::new(),
        provenance: Default::default(),
        version: 1,
        updated: ctx.opts.date.clone().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Action;
    use crate::catalog::{DeadlineUnit, Item, Level};
    use serde_json::json;

    #[test]
    fn an_existing_item_is_the_standard_and_existing_files_are_kept() {
        let mut reg = registry();
        let mut existing: Item = serde_json::from_str(crate::testing::ITEM).unwrap();
        existing.levels = vec![Level::Prefecture];
        reg.items.insert("630101001000".into(), Ok(existing));
        reg.existing.insert("items/630101001000.json".into());
        reg.existing.insert("local/630100/630101001000.json".into());
        let recs = [record(1, "630100", json!({})), record(2, "630200", json!({}))];
        let p = run(&recs, &reg, &opts());
        assert!(p.files.iter().all(|f| f.path != "items/630101001000.json"));
        assert_eq!(p.summary.skipped, ["local/630100/630101001000.json"]);
        assert_eq!(p.summary.imported, 2);
        // The records differ from the existing standard (its conditions,
        // materials…): those become deviations.
        let l = local(&p, "630200");
        assert!(elements(&l).contains(&"/conditions"), "{:?}", elements(&l));
        assert!(
            !elements(&l).contains(&"/statutory_deadline"),
            "equal to the existing standard"
        );

        let mut o = opts();
        o.force = true;
        let p = run(&recs, &reg, &o);
        assert_eq!(file(&p, "items/630101001000.json").action, Action::Overwrite);
        assert_eq!(file(&p, "local/630100/630101001000.json").action, Action::Overwrite);
        assert!(p.summary.skipped.is_empty());
        assert!(local(&p, "630200").deviations.is_empty());
    }

    #[test]
    fn national_codes_take_the_department_from_the_record() {
        let recs = [record(
            1,
            "630100",
            json!({"基本编码": "000101001000", "主管部门": "市场监督管理部门"}),
        )];
        let p = run(&recs, &registry(), &opts());
        let it: Item = serde_json::from_str(&file(&p, "items/000101001000.json").text).unwrap();
        assert_eq!(it.department, "01");
        // Without one, the agency's name is tried; a name that matches no
        // department fails the record.
        let recs = [record(
            1,
            "630100",
            json!({"基本编码": "000101001000", "实施主体": "西宁市某某中心"}),
        )];
        let p = run(&recs, &registry(), &opts());
        assert_eq!(p.summary.failed.len(), 1);
        assert!(p.summary.failed[0].message.contains("主管部门"));
    }

    #[test]
    fn immediate_deadlines_take_the_statutory_unit() {
        let recs = [record(
            1,
            "630100",
            json!({"法定办结时限": "0个自然日", "办件类型": "即办件", "承诺办结时限": "即办", "办理流程": [{"环节名称": "受理", "办理人员": "窗口", "环节时限": "即办"}]}),
        )];
        let p = run(&recs, &registry(), &opts());
        let l = local(&p, "630100");
        assert_eq!(l.promised_deadline.unit, Some(DeadlineUnit::CalendarDays));
        assert_eq!(
            item(&p).process[0].deadline.as_ref().unwrap().unit,
            Some(DeadlineUnit::CalendarDays)
        );
    }
}
