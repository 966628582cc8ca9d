//! Resolving a record against the target catalog's registries: regions
//! (codes, former codes, names), agencies (by name within the region, or
//! new), materials (by registry name, or new with a stable id) and the
//! item's competent department.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::build::{Rec, Registry, Summary};
use super::mapping::{fold_width, Mapping};
use super::parse::{self, RawMaterial};
use crate::catalog::{Agency, Department, Material, Region};

/// A region by code (6 or 12 digits, former codes followed) or by name.
/// The second value is a remark for the summary.
pub(super) fn resolve_region(v: &Value, reg: &Registry) -> Result<(String, Option<String>), String> {
    let s = parse::required_text(v)?;
    let t = fold_width(&s);
    let t = t.trim();
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let code = match t.len() {
            6 => t,
            12 if t.ends_with("000000") => &t[..6],
            _ => return Err(format!("区划代码“{t}”应为 6 位（或后 6 位为 0 的 12 位）")),
        };
        if reg.regions.iter().any(|r| r.code == code) {
            return Ok((code.to_string(), None));
        }
        for r in &reg.regions {
            if let Some(f) = r.former_codes.iter().find(|f| f.code == code) {
                return Ok((
                    r.code.clone(),
                    Some(format!(
                        "区划代码 {code}（{}）已调整为 {}（{}），按新代码导入",
                        f.name, r.code, r.name
                    )),
                ));
            }
        }
        return Err(format!("区划代码 {code} 不在 regions.json 中"));
    }
    let name = t.strip_prefix("青海省").filter(|n| !n.is_empty()).unwrap_or(t);
    let parent_name = |r: &Region| {
        r.parent
            .as_deref()
            .and_then(|p| reg.regions.iter().find(|x| x.code == p))
            .map(|p| p.name.as_str())
            .unwrap_or_default()
    };
    let hits: Vec<&Region> = reg
        .regions
        .iter()
        .filter(|r| r.name == name || format!("{}{}", parent_name(r), r.name) == name)
        .collect();
    match hits.as_slice() {
        [one] => Ok((one.code.clone(), None)),
        [] => {
            for r in &reg.regions {
                if r.former_codes.iter().any(|f| f.name == name) {
                    return Ok((
                        r.code.clone(),
                        Some(format!("区划“{name}”已调整为 {}（{}），按新区划导入", r.code, r.name)),
                    ));
                }
            }
            Err(format!("区划“{name}”不在 regions.json 中"))
        }
        _ => Err(format!("区划名称“{name}”对应多个区划，请改用区划代码")),
    }
}

/// Names of regions, agencies and departments compare as lint compares
/// names: normalised, without spaces and punctuation.
fn name_key(s: &str) -> String {
    crate::text::names::plain_key(s)
}

/// A material name's key: lint's (material-near-duplicate), synonyms and
/// all, so an import never registers a material lint then calls the same.
fn material_key(name: &str, synonyms: &[(String, usize)]) -> String {
    crate::text::names::name_key(name, synonyms)
}

/// The region of the only agency with this name, if exactly one.
pub(super) fn region_of_agency(name: &str, reg: &Registry) -> Option<String> {
    let key = name_key(name);
    let hits: Vec<&String> = reg
        .agencies
        .iter()
        .filter(|(_, list)| list.iter().any(|a| name_key(&a.name) == key))
        .map(|(r, _)| r)
        .collect();
    match hits.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// The material registry, with the entries this import adds.
pub(super) struct MaterialBook {
    by_name: HashMap<String, String>,
    /// rules.json `synonyms`, compiled: material names key as lint's do.
    synonyms: Vec<(String, usize)>,
    ids: HashSet<String>,
    existing: HashMap<String, Material>,
    pub(super) new: Vec<Material>,
    /// New materials whose type or source was not given.
    pub(super) guessed: HashSet<String>,
    /// Ids referenced by the files written: only new materials among
    /// them are registered.
    pub(super) used: HashSet<String>,
}

impl MaterialBook {
    pub(super) fn new(reg: &Registry, synonyms: &[(String, usize)]) -> Self {
        MaterialBook {
            by_name: reg
                .materials
                .iter()
                .map(|m| (material_key(&m.name, synonyms), m.id.clone()))
                .collect(),
            synonyms: synonyms.to_vec(),
            ids: reg.materials.iter().map(|m| m.id.clone()).collect(),
            existing: reg.materials.iter().map(|m| (m.id.clone(), m.clone())).collect(),
            new: Vec::new(),
            guessed: HashSet::new(),
            used: HashSet::new(),
        }
    }

    /// Record the material ids a value written refers to.
    pub(super) fn mark_used(&mut self, v: &Value) {
        match v {
            Value::Object(o) => {
                if let Some(Value::String(id)) = o.get("material") {
                    self.used.insert(id.clone());
                }
                o.values().for_each(|x| self.mark_used(x));
            }
            Value::Array(a) => a.iter().for_each(|x| self.mark_used(x)),
            _ => {}
        }
    }

    pub(super) fn name_of(&self, id: &str) -> Option<String> {
        self.existing
            .get(id)
            .or_else(|| self.new.iter().find(|m| m.id == id))
            .map(|m| m.name.clone())
    }

    /// The id for a material name: the registry's entry with that name, or
    /// a new entry with an id derived from the name (stable across runs).
    pub(super) fn id(&mut self, m: &RawMaterial, mapping: &Mapping, line: usize, sum: &mut Summary) -> String {
        let key = material_key(&m.name, &self.synonyms);
        if let Some(id) = self.by_name.get(&key) {
            if let Some(reg) = self.existing.get(id) {
                if m.source.is_some_and(|s| s != reg.source) {
                    sum.note(
                        line,
                        format!("申请材料“{}”的来源渠道与材料库登记的不同，以材料库为准", reg.name),
                    );
                }
                if m.kind.is_some_and(|k| k != reg.kind) {
                    sum.note(
                        line,
                        format!("申请材料“{}”的材料类型与材料库登记的不同，以材料库为准", reg.name),
                    );
                }
            }
            return id.clone();
        }
        let base = format!("m_{:08x}", fnv1a(&key));
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        let d = &mapping.material_defaults;
        if m.kind.is_none() || m.source.is_none() {
            self.guessed.insert(id.clone());
        }
        self.new.push(Material {
            id: id.clone(),
            name: m.name.trim().to_string(),
            kind: m.kind.unwrap_or(d.kind),
            source: m.source.unwrap_or(d.source),
            issuer: m.issuer.clone(),
            e_license: false,
            shared_verification: false,
        });
        self.ids.insert(id.clone());
        self.by_name.insert(key, id.clone());
        id
    }
}

/// FNV-1a, 32 bits: a short, stable id for a material name.
pub(super) fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The agencies of each region, with the entries this import adds.
pub(super) struct AgencyBook {
    all: BTreeMap<String, Vec<Agency>>,
    pub(super) new: BTreeMap<String, Vec<Agency>>,
}

impl AgencyBook {
    pub(super) fn new(reg: &Registry) -> Self {
        AgencyBook {
            all: reg.agencies.clone(),
            new: BTreeMap::new(),
        }
    }

    /// The agency of this name in the region, created if not there.
    pub(super) fn id(&mut self, r: &Rec, department: &str, sum: &mut Summary) -> String {
        let list = self.all.entry(r.region.clone()).or_default();
        let key = name_key(&r.agency);
        let credit = r.credit_code.clone().or_else(|| {
            r.implementation_code
                .as_ref()
                .filter(|c| c.len() == 31)
                .map(|c| c[..18].to_string())
        });
        if let Some(a) = list.iter().find(|a| name_key(&a.name) == key) {
            check_known(a, r, department, credit.as_deref(), sum);
            return a.id.clone();
        }
        let credit_code = credit.filter(|c| match crate::codes::credit_code_problem(c) {
            None => true,
            Some(p) => {
                sum.note(
                    r.line,
                    format!(
                        "实施主体“{}”的统一社会信用代码 {c} 有误（{p}），未写入实施主体表",
                        r.agency
                    ),
                );
                false
            }
        });
        let base = format!("{}-{department}", r.region);
        let mut id = base.clone();
        let mut suffix = b'b';
        while list.iter().any(|a| a.id == id) {
            id = format!("{base}{}", suffix as char);
            suffix += 1;
        }
        let a = Agency {
            id: id.clone(),
            name: r.agency.trim().to_string(),
            department: department.to_string(),
            level: r.level,
            credit_code,
            provenance: Default::default(),
        };
        list.push(a.clone());
        self.new.entry(r.region.clone()).or_default().push(a);
        id
    }
}

/// Note where a record disagrees with the agency table's entry for its
/// agency (the table wins).
fn check_known(a: &Agency, r: &Rec, department: &str, credit: Option<&str>, sum: &mut Summary) {
    if a.department != department {
        sum.note(
            r.line,
            format!(
                "实施主体“{}”（{}）登记的主管部门 {} 与事项 {} 的主管部门 {department} 不同",
                a.name, a.id, a.department, r.code
            ),
        );
    }
    if let (Some(c), Some(mine)) = (&a.credit_code, credit) {
        if c != mine {
            sum.note(
                r.line,
                format!(
                    "实施主体“{}”的统一社会信用代码 {mine} 与实施主体表登记的 {c} 不同，以实施主体表为准",
                    a.name
                ),
            );
        }
    }
}

/// The department of an item: for this province's own codes, digits 5–6;
/// otherwise the 主管部门 field or the agencies' names, matched against
/// departments.json.
pub(super) fn resolve_department(
    code: &str,
    recs: &[Rec],
    reg: &Registry,
    sum: &mut Summary,
) -> Result<String, String> {
    let province = reg.meta.province.get(..2).unwrap_or("63");
    if code.starts_with(province) {
        return coded_department(code, recs, reg, sum);
    }
    let mut votes: BTreeMap<String, usize> = BTreeMap::new();
    for r in recs {
        let d = r
            .department
            .as_deref()
            .and_then(|d| department_named(d, reg).or_else(|| department_in(d, reg)))
            .or_else(|| department_in(&r.agency, reg));
        if let Some(d) = d {
            *votes.entry(d).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(c.clone())))
        .map(|(c, _)| c)
        .ok_or_else(|| {
            format!(
                "无法确定事项 {code} 的主管部门：记录中没有能对应到 departments.json 的主管部门（填写部门代码或名称）"
            )
        })
}

/// The department coded in digits 5–6; a record naming another is noted.
fn coded_department(code: &str, recs: &[Rec], reg: &Registry, sum: &mut Summary) -> Result<String, String> {
    let dd = &code[4..6];
    if !reg.departments.iter().any(|d| d.code == dd) {
        return Err(format!(
            "基本编码 {code} 第 5–6 位的部门代码 {dd} 不在 departments.json 中"
        ));
    }
    for r in recs {
        if let Some(other) = r.department.as_deref().and_then(|d| department_named(d, reg)) {
            if other != dd {
                sum.note(
                    r.line,
                    format!(
                        "主管部门“{}”与基本编码 {code} 的部门代码 {dd} 不符，按基本编码",
                        r.department.as_deref().unwrap_or_default()
                    ),
                );
            }
        }
    }
    Ok(dd.to_string())
}

/// The department with this code, name or provincial name.
fn department_named(s: &str, reg: &Registry) -> Option<String> {
    let k = name_key(s);
    reg.departments
        .iter()
        .find(|d| d.code == s || name_key(&d.name) == k || name_key(&d.provincial_name) == k)
        .map(|d| d.code.clone())
}

/// The only department whose name (without 部门, 机关, 机构) `s` contains.
fn department_in(s: &str, reg: &Registry) -> Option<String> {
    let hits: Vec<&Department> = reg
        .departments
        .iter()
        .filter(|d| {
            let st = d
                .name
                .trim_end_matches("部门")
                .trim_end_matches("机关")
                .trim_end_matches("机构");
            !st.is_empty() && s.contains(st)
        })
        .collect();
    match hits.as_slice() {
        [one] => Some(one.code.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::MaterialBook;
    use crate::config::Config;
    use crate::import::build::fixtures::registry;
    use crate::import::build::Summary;
    use crate::import::mapping::Mapping;
    use crate::import::parse::RawMaterial;

    /// The registry has 居民身份证 (id_card). An export that writes it with
    /// a synonym, full-width brackets and Traditional characters names the
    /// same material for lint (material-near-duplicate), so import must
    /// reuse id_card rather than register a second material.
    #[test]
    fn material_names_match_as_lint_compares_them() {
        let config = Config::defaults();
        let mut book = MaterialBook::new(&registry(), &config.synonyms);
        let mut sum = Summary::default();
        for name in ["居民身份证", "居民 身份證", "（居民身份证）"] {
            let raw = RawMaterial {
                name: name.into(),
                ..RawMaterial::default()
            };
            assert_eq!(book.id(&raw, &Mapping::default(), 1, &mut sum), "id_card", "{name}");
        }
        assert!(book.new.is_empty());
    }
}
