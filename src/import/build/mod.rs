//! From records to catalog files: read each record against the registries,
//! choose the provincial standard per item and element, and turn every
//! departure from it into a deviation in that region's local file. Pure:
//! the registries and the existing files come in as values, the files to
//! write and the summary go out.
//!
//! - `record`: one record read into a [`record::Rec`].
//! - `standard`: element values and the standard chosen among them.
//! - `item`: one item's item file and local files.
//! - `deviation`: what differs from the standard, and how.
//! - `summary`: what the report lists.

mod deviation;
mod fields;
mod item;
mod record;
mod standard;
mod summary;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::{json, Value};

use super::mapping::Mapping;
use super::read::{Problem, RawRecord};
use super::resolve::{AgencyBook, MaterialBook};
use crate::catalog::{Agency, CatalogMeta, Department, Item, Material, Region};
pub(in crate::import) use record::Rec;
pub(crate) use summary::{DeviationNote, ItemNote, Summary};

/// The target catalog as it is before the import.
#[derive(Debug, Clone)]
pub(crate) struct Registry {
    pub(crate) meta: CatalogMeta,
    pub(crate) regions: Vec<Region>,
    pub(crate) departments: Vec<Department>,
    pub(crate) materials: Vec<Material>,
    /// materials.json as read, kept as JSON so appending entries keeps the
    /// rest byte for byte in meaning. `None`: no such file yet.
    pub(crate) materials_file: Option<Value>,
    /// agencies/<region>.json as read (JSON) and as typed entries.
    pub(crate) agencies_files: BTreeMap<String, Value>,
    pub(crate) agencies: BTreeMap<String, Vec<Agency>>,
    /// Existing items/<code>.json, or why they do not read.
    pub(crate) items: BTreeMap<String, Result<Item, String>>,
    /// Existing data files, catalog-relative ('/'-separated).
    pub(crate) existing: BTreeSet<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Region whose records are the standard (else: the majority).
    pub(crate) reference: Option<String>,
    /// Overwrite existing item and local files.
    pub(crate) force: bool,
    /// `updated` of the files written.
    pub(crate) date: String,
    /// JSON-pointer patterns of the elements that must be uniform
    /// (rules/rules.json `uniform_elements`): only these become deviations.
    pub(crate) uniform: Vec<String>,
    /// Name synonyms (rules/rules.json `synonyms`, compiled): material
    /// names are matched with lint's key, so import never registers a
    /// material lint would call a duplicate.
    pub(crate) synonyms: Vec<(String, usize)>,
}

/// Whether a pointer falls under one of the uniform-element patterns
/// ("*" one segment, "**" the rest), as the lint reads them.
pub(crate) fn is_uniform(patterns: &[String], pointer: &str) -> bool {
    patterns
        .iter()
        .any(|p| crate::config::PointerPattern::parse(p).covers(pointer))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Create,
    Overwrite,
    /// A registry file with entries appended.
    Append,
}

#[derive(Debug, Clone)]
pub(crate) struct FileOut {
    pub(crate) path: String,
    pub(crate) text: String,
    pub(crate) action: Action,
}

pub(crate) struct Plan {
    /// Sorted by path.
    pub(crate) files: Vec<FileOut>,
    pub(crate) summary: Summary,
}

/// What `plan` builds up while importing item after item.
struct Ctx<'a> {
    reg: &'a Registry,
    opts: &'a Options,
    mapping: &'a Mapping,
    materials: MaterialBook,
    agencies: AgencyBook,
    files: Vec<FileOut>,
    sum: Summary,
}

/// Import the records into the registry's catalog.
pub(crate) fn plan(
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
    let by_code = read_all(records, mapping, reg, &mut sum);
    let mut ctx = Ctx {
        reg,
        opts,
        mapping,
        materials: MaterialBook::new(reg, &opts.synonyms),
        agencies: AgencyBook::new(reg),
        files: Vec::new(),
        sum,
    };
    for (code, recs) in &by_code {
        item::import_item(&mut ctx, code, recs);
    }
    registry_files(&mut ctx);
    let Ctx { mut files, mut sum, .. } = ctx;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    sum.sort();
    Plan { files, summary: sum }
}

/// Read every record, by item code; one (region, item) once.
fn read_all(records: &[RawRecord], mapping: &Mapping, reg: &Registry, sum: &mut Summary) -> BTreeMap<String, Vec<Rec>> {
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut by_code: BTreeMap<String, Vec<Rec>> = BTreeMap::new();
    for raw in records {
        let Some(rec) = record::read_record(raw, mapping, reg, sum) else {
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
        by_code.entry(rec.code.clone()).or_default().push(rec);
    }
    by_code
}

/// Registry entries created on the way, where a file written uses them:
/// materials.json and agencies/<region>.json with the new entries appended.
fn registry_files(ctx: &mut Ctx) {
    let (reg, materials, sum) = (ctx.reg, &mut ctx.materials, &mut ctx.sum);
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
        ctx.files.push(registry_file(reg, "materials.json".into(), &file));
        sum.new_materials = materials.new.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
    }
    for (region, list) in &ctx.agencies.new {
        let mut file =
            reg.agencies_files.get(region).cloned().unwrap_or_else(
                || json!({"$schema": "../schema/agencies.schema.json", "region": region, "agencies": []}),
            );
        append(&mut file, "agencies", list.iter().map(to_value));
        ctx.files
            .push(registry_file(reg, format!("agencies/{region}.json"), &file));
        sum.new_agencies
            .extend(list.iter().map(|a: &Agency| (a.id.clone(), a.name.clone())));
    }
}

/// A registry file: entries appended to an existing one, or a new one.
fn registry_file(reg: &Registry, path: String, file: &Value) -> FileOut {
    FileOut {
        action: if reg.existing.contains(&path) {
            Action::Append
        } else {
            Action::Create
        },
        path,
        text: pretty(file),
    }
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
pub(crate) fn pretty<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("catalog types serialise");
    s.push('\n');
    s
}

/// The Chinese label of a catalog enum value (its serde name).
fn enum_label<T: Serialize>(v: &T) -> String {
    match to_value(v) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
pub(in crate::import) mod fixtures {
    //! A small registry and complete records, for the tests of each part.

    use super::*;
    use crate::catalog::Local;
    use crate::import::read::RawRecord;
    use serde_json::json;

    const REGIONS: &str = r#"{"regions": [
      {"code": "630000", "name": "青海省", "level": "省级"},
      {"code": "630100", "name": "西宁市", "level": "市级", "parent": "630000"},
      {"code": "630200", "name": "海东市", "level": "市级", "parent": "630000",
       "former_codes": [{"code": "632100", "name": "海东地区"}]},
      {"code": "632200", "name": "海北藏族自治州", "level": "市级", "parent": "630000"}
    ]}"#;

    pub(in crate::import) fn registry() -> Registry {
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

    pub(in crate::import::build) fn opts() -> Options {
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
            synonyms: Vec::new(),
        }
    }

    /// A complete record for region `region` with `changes` applied.
    pub(in crate::import::build) fn record(line: usize, region: &str, changes: Value) -> RawRecord {
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

    pub(in crate::import::build) fn run(records: &[RawRecord], reg: &Registry, opts: &Options) -> Plan {
        plan(records, Vec::new(), &Mapping::default(), reg, opts)
    }

    pub(in crate::import::build) fn file<'a>(p: &'a Plan, path: &str) -> &'a FileOut {
        p.files.iter().find(|f| f.path == path).unwrap_or_else(|| {
            panic!(
                "{path} not planned: {:?}",
                p.files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
    }

    pub(in crate::import::build) fn local(p: &Plan, region: &str) -> Local {
        serde_json::from_str(&file(p, &format!("local/{region}/630101001000.json")).text).unwrap()
    }

    pub(in crate::import::build) fn item(p: &Plan) -> Item {
        serde_json::from_str(&file(p, "items/630101001000.json").text).unwrap()
    }

    pub(in crate::import::build) fn elements(l: &Local) -> Vec<&str> {
        l.deviations.iter().map(|d| d.element.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::catalog::Agency;
    use crate::catalog::Level;
    use serde_json::json;

    #[test]
    fn one_implementation_per_region_and_item() {
        let recs = [record(1, "630100", json!({})), record(4, "630100", json!({}))];
        let p = run(&recs, &registry(), &opts());
        assert_eq!(p.summary.failed.len(), 1);
        assert_eq!(p.summary.failed[0].line, 4);
        assert!(p.summary.failed[0].message.contains("第 1 行"));
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
                provenance: Default::default(),
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
