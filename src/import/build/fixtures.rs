//! A small registry and complete records, for the tests of each part.
//! Test code only (declared under `#[cfg(test)]` in build/mod.rs; the
//! attribute below marks the file as such for the layer check too).

#[cfg(test)]
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
    plan(records.to_vec(), Vec::new(), &Mapping::default(), reg, opts)
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
