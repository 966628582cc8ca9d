//! From records to catalog files: read each record against the registries,
//! choose the provincial standard per item and element, and turn every
//! departure from it into a deviation in that region's local file. Pure:
//! the registries and the existing files come in as values, the files to
//! write and the summary go out.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::mapping::{fold_width, Mapping, Target};
use super::parse::{self, RawMaterial, ReadDeadline, Warnings};
use super::read::{Problem, RawRecord};
use super::resolve::{region_of_agency, resolve_department, resolve_region, AgencyBook, MaterialBook};
use crate::catalog::common::Channel;
use crate::catalog::item::{
    CaseType, Exemption, Fees, ItemMaterial, LegalBasis, ProcessStep, ResultDoc, ServiceObject,
};
use crate::catalog::local::{Deviation, Online, Window};
use crate::catalog::{Agency, CatalogMeta, Deadline, DeadlineUnit, Department, Item, Level, Local, Material, Region};

/// The target catalog as it is before the import.
#[derive(Debug, Clone)]
pub struct Registry {
    pub meta: CatalogMeta,
    pub regions: Vec<Region>,
    pub departments: Vec<Department>,
    pub materials: Vec<Material>,
    /// materials.json as read, kept as JSON so appending entries keeps the
    /// rest byte for byte in meaning. `None`: no such file yet.
    pub materials_file: Option<Value>,
    /// agencies/<region>.json as read (JSON) and as typed entries.
    pub agencies_files: BTreeMap<String, Value>,
    pub agencies: BTreeMap<String, Vec<Agency>>,
    /// Existing items/<code>.json, or why they do not read.
    pub items: BTreeMap<String, Result<Item, String>>,
    /// Existing data files, catalog-relative ('/'-separated).
    pub existing: BTreeSet<String>,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Region whose records are the standard (else: the majority).
    pub reference: Option<String>,
    /// Overwrite existing item and local files.
    pub force: bool,
    /// `updated` of the files written.
    pub date: String,
    /// JSON-pointer patterns of the elements that must be uniform
    /// (rules/rules.json `uniform_elements`): only these become deviations.
    pub uniform: Vec<String>,
}

/// Whether a pointer falls under one of the uniform-element patterns
/// ("*" one segment, "**" the rest), as the lint reads them.
pub fn is_uniform(patterns: &[String], pointer: &str) -> bool {
    patterns
        .iter()
        .any(|p| crate::config::PointerPattern::parse(p).covers(pointer))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Overwrite,
    /// A registry file with entries appended.
    Append,
}

#[derive(Debug, Clone)]
pub struct FileOut {
    pub path: String,
    pub text: String,
    pub action: Action,
}

/// One deviation written (or difference found), for the summary.
#[derive(Debug, Clone)]
pub struct DeviationNote {
    pub path: String,
    pub element: String,
    pub label: &'static str,
    /// What differs, in Chinese.
    pub text: String,
}

/// What happened to one item.
#[derive(Debug, Clone)]
pub struct ItemNote {
    pub code: String,
    pub name: String,
    /// None: an existing file was kept.
    pub action: Option<Action>,
    pub records: usize,
}

/// Everything the summary reports.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Records in the export (read or not).
    pub records: usize,
    /// Records that became a local file (written, or kept because one existed).
    pub imported: usize,
    pub failed: Vec<Problem>,
    /// Fields of the export not mapped to any element: name → lines.
    pub unmapped: BTreeMap<String, Vec<usize>>,
    /// Keys of material objects not mapped: name → lines.
    pub unmapped_material: BTreeMap<String, Vec<usize>>,
    /// Remarks: message → lines (0: not about one line).
    pub notices: BTreeMap<String, Vec<usize>>,
    pub items: Vec<ItemNote>,
    pub locals_written: usize,
    pub deviations: Vec<DeviationNote>,
    /// Differences on elements that are not uniform: reported, not written.
    pub differences: Vec<DeviationNote>,
    pub new_agencies: Vec<(String, String)>,
    pub new_materials: Vec<(String, String)>,
    /// Existing files not overwritten (no --force).
    pub skipped: Vec<String>,
}

impl Summary {
    pub(super) fn note(&mut self, line: usize, msg: impl Into<String>) {
        let lines = self.notices.entry(msg.into()).or_default();
        if !lines.contains(&line) {
            lines.push(line);
        }
    }

    pub(super) fn fail(&mut self, line: usize, msg: impl Into<String>) {
        self.failed.push(Problem {
            line,
            message: msg.into(),
        });
    }
}

pub struct Plan {
    /// Sorted by path.
    pub files: Vec<FileOut>,
    pub summary: Summary,
}

/// The uniform elements of an item, in file order, with Chinese labels.
pub const ELEMENTS: [(&str, &str); 11] = [
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
const N: usize = ELEMENTS.len();
const NAME: usize = 0;
const ITEM_TYPE: usize = 1;
const STATUTORY: usize = 7;
/// Elements an item cannot be written without.
const REQUIRED: [usize; 4] = [0, 7, 8, 9];

/// One record, read and resolved to a region.
pub(super) struct Rec {
    pub(super) line: usize,
    pub(super) code: String,
    pub(super) region: String,
    pub(super) level: Level,
    pub(super) agency: String,
    pub(super) credit_code: Option<String>,
    pub(super) implementation_code: Option<String>,
    pub(super) department: Option<String>,
    pub(super) item_type: Option<String>,
    pub(super) name: Option<String>,
    pub(super) legal_basis: Option<Vec<LegalBasis>>,
    pub(super) service_objects: Option<Vec<ServiceObject>>,
    pub(super) conditions: Option<Vec<String>>,
    pub(super) materials: Option<Vec<RawMaterial>>,
    pub(super) process: Option<Vec<ProcessStep>>,
    pub(super) statutory: Option<ReadDeadline>,
    pub(super) case_type: Option<CaseType>,
    pub(super) fees: Option<Fees>,
    pub(super) results: Option<Vec<ResultDoc>>,
    pub(super) local: LocalFacts,
}

pub(super) struct LocalFacts {
    promised: ReadDeadline,
    visits: u32,
    visit_reason: Option<String>,
    online: Online,
    in_service_centre: bool,
    not_in_centre_reason: Option<String>,
    delivery_by_post: bool,
    windows: Vec<Window>,
    consultation: Vec<Channel>,
    complaint: Vec<Channel>,
}

/// Import the records into the registry's catalog.
pub fn plan(
    records: &[RawRecord],
    read_problems: Vec<Problem>,
    mapping: &Mapping,
    reg: &Registry,
    opts: &Options,
) -> Plan {
    let mut sum = Summary {
        records: records.len() + read_problems.len(),
        failed: read_problems,
        ..Summary::default()
    };
    // Read every record; one (region, item) once.
    let mut recs: Vec<Rec> = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for raw in records {
        let Some(rec) = read_record(raw, mapping, reg, &mut sum) else {
            continue;
        };
        if let Some(first) = seen.get(&(rec.region.clone(), rec.code.clone())) {
            sum.fail(
                rec.line,
                format!(
                    "区划 {} 的事项 {} 已由第 {first} 行导入；每个区划对每个事项只有一份实施清单",
                    rec.region, rec.code
                ),
            );
            continue;
        }
        seen.insert((rec.region.clone(), rec.code.clone()), rec.line);
        recs.push(rec);
    }

    let mut materials = MaterialBook::new(reg);
    let mut agencies = AgencyBook::new(reg);
    let mut files = Vec::new();
    let mut by_code: BTreeMap<String, Vec<Rec>> = BTreeMap::new();
    for r in recs {
        by_code.entry(r.code.clone()).or_default().push(r);
    }
    for (code, recs) in &by_code {
        import_item(
            code,
            recs,
            reg,
            opts,
            mapping,
            &mut materials,
            &mut agencies,
            &mut files,
            &mut sum,
        );
    }

    // Registry entries created on the way, where a file written uses them.
    materials.new.retain(|m| materials.used.contains(&m.id));
    for m in &materials.new {
        if materials.guessed.contains(&m.id) {
            sum.note(
                0,
                format!(
                    "新增材料“{}”（{}）未给出材料类型或来源渠道，记为“其他”，请在 materials.json 中补充",
                    m.name, m.id
                ),
            );
        }
    }
    if !materials.new.is_empty() {
        let mut file = reg
            .materials_file
            .clone()
            .unwrap_or_else(|| json!({"$schema": "schema/materials.schema.json", "materials": []}));
        append(&mut file, "materials", materials.new.iter().map(to_value));
        files.push(FileOut {
            path: "materials.json".into(),
            text: pretty(&file),
            action: if reg.existing.contains("materials.json") {
                Action::Append
            } else {
                Action::Create
            },
        });
        sum.new_materials = materials.new.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
    }
    for (region, list) in &agencies.new {
        let path = format!("agencies/{region}.json");
        let mut file =
            reg.agencies_files.get(region).cloned().unwrap_or_else(
                || json!({"$schema": "../schema/agencies.schema.json", "region": region, "agencies": []}),
            );
        append(&mut file, "agencies", list.iter().map(to_value));
        files.push(FileOut {
            action: if reg.existing.contains(&path) {
                Action::Append
            } else {
                Action::Create
            },
            path,
            text: pretty(&file),
        });
        sum.new_agencies
            .extend(list.iter().map(|a| (a.id.clone(), a.name.clone())));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    sum.failed.sort();
    sum.skipped.sort();
    sum.deviations
        .sort_by(|a, b| (&a.path, &a.element).cmp(&(&b.path, &b.element)));
    sum.differences
        .sort_by(|a, b| (&a.path, &a.element).cmp(&(&b.path, &b.element)));
    Plan { files, summary: sum }
}

fn append(file: &mut Value, key: &str, entries: impl Iterator<Item = Value>) {
    if let Some(Value::Array(a)) = file.get_mut(key) {
        a.extend(entries);
    } else if let Value::Object(o) = file {
        o.insert(key.into(), Value::Array(entries.collect()));
    }
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("catalog types serialise")
}

/// Pretty JSON with a 2-space indent and a final newline, as shipped.
pub fn pretty<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("catalog types serialise");
    s.push('\n');
    s
}

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
            Some(p) => match super::mapping::apply(p, value.clone()) {
                Ok(v) => v,
                Err(e) => {
                    warn.push(format!("字段“{name}”：{e}，按原值读取"));
                    value.clone()
                }
            },
        };
        // 收费 "是" beside 收费项目 […]: the yes/no one is 是否收费.
        if let (Target::Fees, Some((first, old))) = (target, out.get(&Target::Fees)) {
            if !out.contains_key(&Target::Charged) {
                let flag = |v: &Value| parse::text(v).is_some() && parse::boolean(v).is_ok();
                if flag(&value) {
                    out.insert(Target::Charged, (name.clone(), value));
                    continue;
                }
                if flag(old) {
                    let moved = (first.clone(), old.clone());
                    out.insert(Target::Charged, moved);
                    out.insert(Target::Fees, (name.clone(), value));
                    continue;
                }
            }
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

/// Read one record; `None` (with the reasons in the summary) if it cannot
/// be imported.
fn read_record(raw: &RawRecord, mapping: &Mapping, reg: &Registry, sum: &mut Summary) -> Option<Rec> {
    let mut warn = Vec::new();
    let f = collect(raw, mapping, sum, &mut warn);
    let mut errors: Vec<String> = Vec::new();
    let get = |t: Target| f.get(&t).map(|(_, v)| v);
    let src = |t: Target| f.get(&t).map_or(t.label().to_string(), |(s, _)| s.clone());
    macro_rules! field {
        ($t:expr, $e:expr) => {
            match get($t).map(|v| $e(v)) {
                None => None,
                Some(Ok(x)) => Some(x),
                Some(Err(e)) => {
                    errors.push(format!("字段“{}”：{e}", src($t)));
                    None
                }
            }
        };
    }
    let missing = |t: Target| {
        let names: Vec<String> = mapping.sources_of(t).iter().map(|s| format!("“{s}”")).collect();
        format!(
            "缺少{}（字段{}；可在映射文件 fields 中指定字段名，或在 defaults 中统一指定）",
            t.label(),
            names.join("或")
        )
    };

    let implementation_code = get(Target::ImplementationCode)
        .and_then(parse::text)
        .map(|s| fold_width(&s).to_uppercase());
    let code = match get(Target::ItemCode).and_then(parse::text) {
        Some(c) => {
            let c = fold_width(&c);
            if c.len() == 12 && c.bytes().all(|b| b.is_ascii_digit()) {
                Some(c)
            } else {
                errors.push(format!("字段“{}”：基本编码“{c}”应为 12 位数字", src(Target::ItemCode)));
                None
            }
        }
        None => match &implementation_code {
            Some(ic) if ic.len() == 31 && ic[19..].bytes().all(|b| b.is_ascii_digit()) => Some(ic[19..].to_string()),
            _ => {
                errors.push(missing(Target::ItemCode));
                None
            }
        },
    };
    let agency = get(Target::Agency).and_then(parse::text);
    if agency.is_none() {
        errors.push(missing(Target::Agency));
    }
    let region = match get(Target::Region) {
        Some(v) => match resolve_region(v, reg) {
            Ok((r, note)) => {
                if let Some(n) = note {
                    warn.push(n);
                }
                Some(r)
            }
            Err(e) => {
                errors.push(format!("字段“{}”：{e}", src(Target::Region)));
                None
            }
        },
        None => match agency.as_deref().map(|a| region_of_agency(a, reg)) {
            Some(Some(r)) => {
                warn.push("记录没有区划，按实施主体名称在实施主体表中确定区划".into());
                Some(r)
            }
            _ => {
                errors.push(format!(
                    "{}，且实施主体名称无法唯一对应到实施主体表中的某个区划",
                    missing(Target::Region)
                ));
                None
            }
        },
    };
    let region_level = region
        .as_deref()
        .and_then(|r| reg.regions.iter().find(|x| x.code == r))
        .map(|r| r.level);
    if let (Some(stated), Some(actual)) = (field!(Target::Level, parse::level), region_level) {
        if stated != actual {
            warn.push(format!(
                "行使层级“{}”与区划 {}（{}）不符，按区划层级导入",
                stated.label(),
                region.as_deref().unwrap_or_default(),
                actual.label()
            ));
        }
    }

    let units = &mapping.units;
    let unit_of = |t: Target, warn: &mut Warnings, errors: &mut Vec<String>| match get(t) {
        None => None,
        Some(v) => match parse::deadline_unit(v, units, warn) {
            Ok(u) => u,
            Err(e) => {
                errors.push(format!("字段“{}”：{e}", src(t)));
                None
            }
        },
    };
    let statutory_unit = unit_of(Target::StatutoryDeadlineUnit, &mut warn, &mut errors);
    let promised_unit = unit_of(Target::PromisedDeadlineUnit, &mut warn, &mut errors);
    let statutory = field!(Target::StatutoryDeadline, |v| parse::deadline(
        v,
        statutory_unit,
        units,
        &mut warn
    ));
    let promised = field!(Target::PromisedDeadline, |v| parse::deadline(
        v,
        promised_unit,
        units,
        &mut warn
    ));
    if promised.is_none() && get(Target::PromisedDeadline).is_none() {
        errors.push(missing(Target::PromisedDeadline));
    }
    let visits = field!(Target::Visits, parse::visits);
    if get(Target::Visits).is_none() {
        errors.push(missing(Target::Visits));
    }
    let in_service_centre = field!(Target::InServiceCentre, parse::boolean);
    if get(Target::InServiceCentre).is_none() {
        errors.push(missing(Target::InServiceCentre));
    }
    let delivery_by_post = field!(Target::DeliveryByPost, parse::boolean);
    let depth = field!(Target::OnlineDepth, parse::online_depth).flatten();
    let case_type = field!(Target::CaseType, parse::case_type);
    let mut unmapped_attrs = Vec::new();
    let materials = field!(Target::Materials, |v| parse::materials(
        v,
        mapping,
        &mut warn,
        &mut unmapped_attrs
    ));
    let process = field!(Target::Process, |v| parse::process(v, units, &mut warn));
    let fees = match parse::fees(get(Target::Charged), get(Target::Fees), &mut warn) {
        Ok(f) => f,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    for a in unmapped_attrs {
        sum.unmapped_material.entry(a).or_default().push(raw.line);
    }
    let text = |t: Target| get(t).and_then(parse::text);
    let results =
        get(Target::Results).map(|v| parse::results(v, get(Target::ResultKind), get(Target::ResultSample), &mut warn));
    let service_objects = get(Target::ServiceObjects).map(|v| parse::service_objects(v, &mut warn));
    let hours = text(Target::Hours);
    let windows: Vec<Window> = text(Target::Place)
        .map(|p| parse::split_list(&p, &[]))
        .unwrap_or_default()
        .into_iter()
        .map(|place| Window {
            place,
            hours: hours.clone().unwrap_or_default(),
        })
        .collect();
    if !windows.is_empty() && hours.is_none() {
        warn.push("有办理地点而没有办理时间，办理时间留空待补充".into());
    }

    for w in warn {
        sum.note(raw.line, w);
    }
    if !errors.is_empty() {
        for e in errors {
            sum.fail(raw.line, e);
        }
        return None;
    }
    let (Some(code), Some(region), Some(level), Some(agency), Some(promised), Some(visits), Some(centre)) =
        (code, region, region_level, agency, promised, visits, in_service_centre)
    else {
        sum.fail(raw.line, "记录无法导入");
        return None;
    };
    Some(Rec {
        line: raw.line,
        code,
        region,
        level,
        agency,
        credit_code: text(Target::AgencyCreditCode).map(|s| fold_width(&s).to_uppercase()),
        implementation_code,
        department: text(Target::Department),
        item_type: text(Target::ItemType),
        name: text(Target::Name),
        legal_basis: get(Target::LegalBasis).map(parse::legal_basis),
        service_objects,
        conditions: get(Target::Conditions).map(|v| parse::list(v, &[])),
        materials,
        process,
        statutory,
        case_type,
        fees,
        results,
        local: LocalFacts {
            promised,
            visits,
            visit_reason: text(Target::VisitReason),
            online: Online {
                depth,
                address: text(Target::OnlineAddress),
                not_online_reason: text(Target::NotOnlineReason),
            },
            in_service_centre: centre,
            not_in_centre_reason: text(Target::NotInCentreReason),
            delivery_by_post: delivery_by_post.unwrap_or(false),
            windows,
            consultation: get(Target::Consultation).map(parse::channels).unwrap_or_default(),
            complaint: get(Target::Complaint).map(parse::channels).unwrap_or_default(),
        },
    })
}

/// A record's value for each element; `None` where it gave none.
///
/// A deadline of 0 (即办) written without a unit gets the unit of the
/// statutory deadline (工作日 if that has none either): zero is zero in
/// either unit, and a unit-less deadline would be a finding.
fn element_values(r: &Rec, item_type: Option<String>, materials: Option<Vec<ItemMaterial>>) -> [Option<Value>; N] {
    let mut statutory = r.statutory.clone().map(|d| d.deadline);
    if let Some(d) = statutory.as_mut() {
        if d.value == 0 && d.unit.is_none() {
            d.unit = Some(DeadlineUnit::WorkingDays);
        }
    }
    let unit = statutory
        .as_ref()
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

fn item_material(id: String, m: &RawMaterial, mapping: &Mapping) -> ItemMaterial {
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
fn choose(values: &[(&Rec, &Value)], reference: Option<&str>) -> Option<(Value, Option<String>)> {
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

#[allow(clippy::too_many_arguments)]
fn import_item(
    code: &str,
    recs: &[Rec],
    reg: &Registry,
    opts: &Options,
    mapping: &Mapping,
    materials: &mut MaterialBook,
    agencies: &mut AgencyBook,
    files: &mut Vec<FileOut>,
    sum: &mut Summary,
) {
    let item_path = format!("items/{code}.json");
    let existing = reg.items.get(code);
    let keep: Option<&Item> = match existing {
        Some(Ok(item)) if !opts.force => Some(item),
        _ => None,
    };
    let fail_all = |sum: &mut Summary, msg: &str| {
        for r in recs {
            sum.fail(r.line, msg.to_string());
        }
    };
    let department = match keep {
        Some(item) => item.department.clone(),
        None => match resolve_department(code, recs, reg, sum) {
            Ok(d) => d,
            Err(e) => return fail_all(sum, &e),
        },
    };
    let type_by_code: HashMap<&str, &str> = reg
        .meta
        .item_types
        .iter()
        .map(|t| (t.code.as_str(), t.name.as_str()))
        .collect();

    // Each record's value of each element.
    let mut values: Vec<[Option<Value>; N]> = Vec::new();
    for r in recs {
        let item_type = r.item_type.as_deref().map(|t| {
            let t = fold_width(t);
            match type_by_code.get(t.trim()) {
                Some(name) => (*name).to_string(),
                None => {
                    if !reg.meta.item_types.iter().any(|x| x.name == t.trim()) {
                        sum.note(r.line, format!("事项类型“{t}”不在 catalog.json 的事项类型代码表中"));
                    }
                    t.trim().to_string()
                }
            }
        });
        let mats = r.materials.as_ref().map(|list| {
            if list.iter().any(RawMaterial::incomplete) {
                let d = &mapping.material_defaults;
                sum.note(
                    r.line,
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
                    let id = materials.id(m, mapping, r.line, sum);
                    item_material(id, m, mapping)
                })
                .collect()
        });
        values.push(element_values(r, item_type, mats));
    }

    // The standard.
    let mut standard: [Option<Value>; N] = Default::default();
    match keep {
        Some(item) => {
            let v = to_value(item);
            for (i, (key, _)) in ELEMENTS.iter().enumerate() {
                standard[i] = v.get(*key).cloned();
            }
        }
        None => {
            if let Some(r) = &opts.reference {
                if !recs.iter().any(|x| &x.region == r) {
                    sum.note(
                        0,
                        format!("事项 {code} 没有参照区划 {r} 的记录，全省标准按多数区划的取值确定"),
                    );
                }
            }
            for (i, (_, label)) in ELEMENTS.iter().enumerate() {
                let given: Vec<(&Rec, &Value)> = recs
                    .iter()
                    .zip(&values)
                    .filter_map(|(r, v)| v[i].as_ref().map(|v| (r, v)))
                    .collect();
                if let Some((v, tie)) = choose(&given, opts.reference.as_deref()) {
                    if let Some(t) = tie {
                        sum.note(0, format!("事项 {code} 的{label}{t}"));
                    }
                    standard[i] = Some(v);
                }
                let lacking: Vec<String> = recs
                    .iter()
                    .zip(&values)
                    .filter(|(_, v)| v[i].is_none())
                    .map(|(r, _)| r.line.to_string())
                    .collect();
                if !given.is_empty() && !lacking.is_empty() {
                    sum.note(
                        0,
                        format!("事项 {code}：第 {} 行的记录没有{label}，按全省标准", lacking.join("、")),
                    );
                }
            }
            if standard[ITEM_TYPE].is_none() {
                if let Some(name) = type_by_code.get(&code[2..4]) {
                    standard[ITEM_TYPE] = Some(Value::String((*name).to_string()));
                }
            }
            let missing: Vec<&str> = REQUIRED
                .iter()
                .chain([&ITEM_TYPE])
                .filter(|i| standard[**i].is_none())
                .map(|i| ELEMENTS[*i].1)
                .collect();
            if !missing.is_empty() {
                return fail_all(
                    sum,
                    &format!(
                        "事项 {code} 的所有记录都没有{}，无法生成基本目录事项",
                        missing.join("、")
                    ),
                );
            }
            for (i, (_, label)) in ELEMENTS.iter().enumerate() {
                if standard[i].is_none() {
                    sum.note(0, format!("事项 {code} 的所有记录都没有{label}，写为空列表，请补充"));
                }
            }
        }
    }

    // The item file.
    let mut levels: Vec<Level> = recs.iter().map(|r| r.level).collect();
    levels.sort();
    levels.dedup();
    let item_name = standard[NAME]
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let action = match (keep, existing) {
        (Some(item), _) => {
            for r in recs {
                if !item.levels.contains(&r.level) {
                    sum.note(
                        r.line,
                        format!(
                            "区划 {}（{}）不在已有事项 {code} 的行使层级中；lint 将报告 region-level",
                            r.region,
                            r.level.label()
                        ),
                    );
                }
            }
            None
        }
        (None, Some(Err(e))) if !opts.force => {
            sum.note(
                0,
                format!("已有的 {item_path} 无法读取（{e}），未覆盖；全省标准按导入记录确定"),
            );
            sum.skipped.push(item_path.clone());
            None
        }
        (None, found) => {
            let mut obj = Map::new();
            obj.insert("$schema".into(), json!("../schema/item.schema.json"));
            obj.insert("code".into(), json!(code));
            for (i, (key, _)) in ELEMENTS.iter().enumerate() {
                if *key == "legal_basis" {
                    obj.insert("department".into(), json!(department));
                    obj.insert("levels".into(), to_value(&levels));
                }
                obj.insert((*key).into(), standard[i].clone().unwrap_or_else(|| json!([])));
            }
            obj.insert("version".into(), json!(1));
            obj.insert("updated".into(), json!(opts.date));
            let item: Item = match serde_json::from_value(Value::Object(obj)) {
                Ok(i) => i,
                Err(e) => return fail_all(sum, &format!("事项 {code} 无法生成：{e}")),
            };
            let action = if found.is_some() || reg.existing.contains(&item_path) {
                Action::Overwrite
            } else {
                Action::Create
            };
            materials.mark_used(&to_value(&item.materials));
            files.push(FileOut {
                path: item_path.clone(),
                text: pretty(&item),
                action,
            });
            Some(action)
        }
    };
    sum.items.push(ItemNote {
        code: code.to_string(),
        name: item_name,
        action,
        records: recs.len(),
    });

    // The local files, each with its deviations.
    let statutory_unit = standard[STATUTORY]
        .as_ref()
        .and_then(|v| v.get("unit"))
        .and_then(|u| serde_json::from_value::<DeadlineUnit>(u.clone()).ok());
    for (r, vals) in recs.iter().zip(&values) {
        let path = format!("local/{}/{code}.json", r.region);
        sum.imported += 1;
        let exists = reg.existing.contains(&path);
        if exists && !opts.force {
            sum.skipped.push(path);
            continue;
        }
        let agency = agencies.id(r, &department, sum);
        let mut deviations = Vec::new();
        for (i, (key, label)) in ELEMENTS.iter().enumerate() {
            let (Some(std), Some(mine)) = (&standard[i], &vals[i]) else {
                continue;
            };
            for (element, value) in diff(key, std, mine) {
                let note = DeviationNote {
                    path: path.clone(),
                    element: element.clone(),
                    label,
                    text: describe(element_of(key, std, &element), &value, &|id| materials.name_of(id)),
                };
                if !is_uniform(&opts.uniform, &element) {
                    sum.differences.push(note);
                    continue;
                }
                sum.deviations.push(note);
                materials.mark_used(&value);
                deviations.push(Deviation {
                    element,
                    value,
                    basis: String::new(),
                    approved_by: String::new(),
                    approved_on: None,
                });
            }
        }
        let f = &r.local;
        let mut promised: Deadline = f.promised.deadline.clone();
        if promised.value == 0 && promised.unit.is_none() {
            promised.unit = Some(statutory_unit.unwrap_or(DeadlineUnit::WorkingDays));
        }
        let local = Local {
            schema: Some("../../schema/local.schema.json".into()),
            item: code.to_string(),
            region: r.region.clone(),
            agency,
            implementation_code: r.implementation_code.clone(),
            promised_deadline: promised,
            visits: f.visits,
            visit_reason: f.visit_reason.clone(),
            online: f.online.clone(),
            in_service_centre: f.in_service_centre,
            not_in_centre_reason: f.not_in_centre_reason.clone(),
            delivery_by_post: f.delivery_by_post,
            windows: f.windows.clone(),
            consultation: f.consultation.clone(),
            complaint: f.complaint.clone(),
            deviations,
            version: 1,
            updated: opts.date.clone(),
        };
        files.push(FileOut {
            path,
            text: pretty(&local),
            action: if exists { Action::Overwrite } else { Action::Create },
        });
        sum.locals_written += 1;
    }
}

/// The Chinese label of a catalog enum value (its serde name).
fn enum_label<T: Serialize>(v: &T) -> String {
    match to_value(v) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const REGIONS: &str = r#"{"regions": [
      {"code": "630000", "name": "青海省", "level": "省级"},
      {"code": "630100", "name": "西宁市", "level": "市级", "parent": "630000"},
      {"code": "630200", "name": "海东市", "level": "市级", "parent": "630000",
       "former_codes": [{"code": "632100", "name": "海东地区"}]},
      {"code": "632200", "name": "海北藏族自治州", "level": "市级", "parent": "630000"}
    ]}"#;

    fn registry() -> Registry {
        let regions: crate::catalog::RegionsFile = serde_json::from_str(REGIONS).unwrap();
        let departments: crate::catalog::DepartmentsFile = serde_json::from_str(crate::testing::DEPARTMENTS).unwrap();
        let materials: crate::catalog::MaterialsFile = serde_json::from_str(crate::testing::MATERIALS).unwrap();
        let agencies: crate::catalog::AgenciesFile = serde_json::from_str(crate::testing::AGENCIES_630100).unwrap();
        Registry {
            meta: serde_json::from_str(crate::testing::META).unwrap(),
            regions: regions.regions,
            departments: departments.departments,
            materials: materials.materials,
            materials_file: Some(serde_json::from_str(crate::testing::MATERIALS).unwrap()),
            agencies_files: BTreeMap::from([(
                "630100".to_string(),
                serde_json::from_str(crate::testing::AGENCIES_630100).unwrap(),
            )]),
            agencies: BTreeMap::from([("630100".to_string(), agencies.agencies)]),
            items: BTreeMap::new(),
            existing: ["catalog.json", "regions.json", "materials.json", "agencies/630100.json"]
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }

    fn opts() -> Options {
        Options {
            reference: None,
            force: false,
            date: "2026-11-20".into(),
            uniform: [
                "/name",
                "/item_type",
                "/legal_basis",
                "/conditions",
                "/materials",
                "/statutory_deadline",
                "/fees",
                "/results",
                "/case_type",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
        }
    }

    /// A complete record for region `region` with `changes` applied.
    fn record(line: usize, region: &str, changes: Value) -> RawRecord {
        let city = match region {
            "630100" => "西宁市",
            "630200" => "海东市",
            _ => "海北藏族自治州",
        };
        let mut v = json!({
            "基本编码": "630101001000",
            "事项名称": "测试许可事项",
            "事项类型": "行政许可",
            "区划代码": region,
            "实施主体": format!("{city}市场监督管理局"),
            "设定依据": "《中华人民共和国行政许可法》第四十二条",
            "服务对象": "企业法人",
            "受理条件": "1.申请人已依法登记。2.有固定经营场所。",
            "申请材料": [{"材料名称": "申请书", "必要性": "必要", "原件份数": 1, "复印件份数": 0, "材料形式": "纸质或电子"}],
            "办理流程": [{"环节名称": "受理", "办理人员": "窗口", "环节时限": "1个工作日"}],
            "法定办结时限": "20(工作日)",
            "办件类型": "承诺件",
            "收费": "不收费",
            "办理结果": [{"结果名称": "测试许可证", "结果类型": "证照", "结果样本": "样本.pdf"}],
            "承诺办结时限": "10个工作日",
            "到现场次数": "0",
            "网上办理深度": "Ⅳ级",
            "是否进驻政务服务中心": "是",
            "咨询电话": "0971-1234567",
            "投诉电话": "12345"
        });
        if let (Value::Object(o), Value::Object(c)) = (&mut v, changes) {
            for (k, val) in c {
                if val.is_null() {
                    o.remove(&k);
                } else {
                    o.insert(k, val);
                }
            }
        }
        let Value::Object(o) = v else { unreachable!() };
        RawRecord {
            line,
            fields: o.into_iter().collect(),
        }
    }

    fn run(records: &[RawRecord], reg: &Registry, opts: &Options) -> Plan {
        plan(records, Vec::new(), &Mapping::default(), reg, opts)
    }

    fn file<'a>(p: &'a Plan, path: &str) -> &'a FileOut {
        p.files.iter().find(|f| f.path == path).unwrap_or_else(|| {
            panic!(
                "{path} not planned: {:?}",
                p.files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
    }

    fn local(p: &Plan, region: &str) -> Local {
        serde_json::from_str(&file(p, &format!("local/{region}/630101001000.json")).text).unwrap()
    }

    fn item(p: &Plan) -> Item {
        serde_json::from_str(&file(p, "items/630101001000.json").text).unwrap()
    }

    fn elements(l: &Local) -> Vec<&str> {
        l.deviations.iter().map(|d| d.element.as_str()).collect()
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
        assert_eq!(it.statutory_deadline.value, 20);
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
        assert_eq!(item(&p).statutory_deadline.value, 15);
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
    fn one_implementation_per_region_and_item() {
        let recs = [record(1, "630100", json!({})), record(4, "630100", json!({}))];
        let p = run(&recs, &registry(), &opts());
        assert_eq!(p.summary.failed.len(), 1);
        assert_eq!(p.summary.failed[0].line, 4);
        assert!(p.summary.failed[0].message.contains("第 1 行"));
    }

    #[test]
    fn regions_by_twelve_digits_name_or_former_code() {
        let recs = [
            record(1, "630100", json!({"区划代码": "630100000000"})),
            record(2, "630200", json!({"区划代码": "632100"})),
            record(
                3,
                "632200",
                json!({"区划代码": null, "行政区划": "青海省海北藏族自治州"}),
            ),
        ];
        let p = run(&recs, &registry(), &opts());
        assert!(p.summary.failed.is_empty(), "{:?}", p.summary.failed);
        for r in ["630100", "630200", "632200"] {
            local(&p, r);
        }
        assert!(p
            .summary
            .notices
            .keys()
            .any(|m| m.contains("632100") && m.contains("630200")));
    }

    #[test]
    fn agencies_are_matched_by_name_or_created() {
        let mut reg = registry();
        // 630200-01 is taken by another agency: the new one gets a suffix.
        reg.agencies.insert(
            "630200".into(),
            vec![Agency {
                id: "630200-01".into(),
                name: "海东市其他局".into(),
                department: "01".into(),
                level: Level::Prefecture,
                credit_code: None,
            }],
        );
        let recs = [
            record(1, "630100", json!({"实施主体": " 西宁市 市场监督管理局"})),
            record(2, "630200", json!({})),
        ];
        let p = run(&recs, &reg, &opts());
        assert_eq!(local(&p, "630100").agency, "630100-01");
        assert_eq!(local(&p, "630200").agency, "630200-01b");
        assert_eq!(
            p.summary.new_agencies,
            [("630200-01b".to_string(), "海东市市场监督管理局".to_string())]
        );
        assert!(
            p.files.iter().all(|f| f.path != "agencies/630100.json"),
            "nothing new there"
        );
        let f = file(&p, "agencies/630200.json");
        assert_eq!(f.action, Action::Create);
        assert!(f
            .text
            .starts_with("{\n  \"$schema\": \"../schema/agencies.schema.json\""));
    }

    #[test]
    fn materials_are_matched_by_name_or_registered_with_a_stable_id() {
        let recs = [
            record(1, "630100", json!({"申请材料": "居民身份证、经营场所证明"})),
            record(2, "630200", json!({"申请材料": "居民身份证；经营场所证明"})),
        ];
        let p = run(&recs, &registry(), &opts());
        let mats: Vec<String> = item(&p).materials.iter().map(|m| m.material.clone()).collect();
        assert_eq!(mats[0], "id_card");
        let new_id = format!("m_{:08x}", crate::import::resolve::fnv1a("经营场所证明"));
        assert_eq!(mats[1], new_id);
        assert_eq!(p.summary.new_materials, [(new_id.clone(), "经营场所证明".to_string())]);
        let f = file(&p, "materials.json");
        assert_eq!(f.action, Action::Append);
        let v: Value = serde_json::from_str(&f.text).unwrap();
        assert_eq!(v["materials"].as_array().unwrap().len(), 3, "two kept, one added");
        // Bare names: defaults used, and said so.
        assert_eq!(item(&p).materials[1].originals, 1);
        assert!(p.summary.notices.keys().any(|m| m.contains("按默认值")));
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
            assert!(fees.charged);
            assert_eq!(fees.charges.len(), 1, "{a} then {b}");
        }
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

    #[test]
    fn a_record_lacking_local_facts_fails_with_its_line_and_defaults_fill_in() {
        let recs = [
            record(1, "630100", json!({})),
            record(
                7,
                "630200",
                json!({"是否进驻政务服务中心": null, "到现场次数": "好几次"}),
            ),
        ];
        let p = run(&recs, &registry(), &opts());
        let msgs: Vec<&str> = p.summary.failed.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            p.summary.failed.iter().map(|f| f.line).collect::<Vec<_>>(),
            [7, 7],
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("是否进驻政务服务中心")));
        let mapping = Mapping::from_json(r#"{"defaults": {"in_service_centre": "是"}}"#).unwrap();
        let recs = [record(1, "630100", json!({"是否进驻政务服务中心": null}))];
        let p = plan(&recs, Vec::new(), &mapping, &registry(), &opts());
        assert!(p.summary.failed.is_empty());
        assert!(local(&p, "630100").in_service_centre);
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

    #[test]
    fn files_are_pretty_sorted_and_deterministic() {
        let recs = [record(1, "630100", json!({})), record(2, "630200", json!({}))];
        let a = run(&recs, &registry(), &opts());
        let b = run(&recs, &registry(), &opts());
        let paths: Vec<&str> = a.files.iter().map(|f| f.path.as_str()).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        for (x, y) in a.files.iter().zip(&b.files) {
            assert_eq!(x.text, y.text);
            assert!(x.text.ends_with("}\n") && x.text.contains("\n  \""));
        }
        assert!(file(&a, "items/630101001000.json")
            .text
            .starts_with("{\n  \"$schema\": \"../schema/item.schema.json\",\n  \"code\""));
        assert!(file(&a, "local/630100/630101001000.json")
            .text
            .starts_with("{\n  \"$schema\": \"../../schema/local.schema.json\","));
    }

    #[test]
    fn uniform_patterns_match_like_the_lint() {
        let pats: Vec<String> = ["/conditions", "/materials/*/necessity", "/fees/**"]
            .map(String::from)
            .to_vec();
        assert!(is_uniform(&pats, "/conditions"));
        assert!(is_uniform(&pats, "/conditions/2"));
        assert!(is_uniform(&pats, "/materials/1/necessity"));
        assert!(!is_uniform(&pats, "/materials/1"));
        assert!(is_uniform(&pats, "/fees/charges/0"));
        assert!(!is_uniform(&pats, "/process"));
    }
}
