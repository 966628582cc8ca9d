//! 申请材料: objects with attributes (keys per the mapping) or bare names.

use serde_json::{Map, Value};

use super::list::list;
use super::scalar::{boolean, count};
use super::{structured, text, Warnings};
use crate::catalog::item::{ExemptionMethod, MaterialForm, Necessity};
use crate::catalog::material::{MaterialKind, MaterialSource};
use crate::import::mapping::{Mapping, MaterialAttr};

/// One 申请材料 entry as read: a name and whatever attributes were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawMaterial {
    pub(crate) name: String,
    pub(crate) necessity: Option<Necessity>,
    pub(crate) originals: Option<u32>,
    pub(crate) copies: Option<u32>,
    pub(crate) form: Option<MaterialForm>,
    pub(crate) kind: Option<MaterialKind>,
    pub(crate) source: Option<MaterialSource>,
    pub(crate) issuer: Option<String>,
    pub(crate) paper_size: Option<String>,
    pub(crate) filling_notes: Option<String>,
    pub(crate) blank_form: Option<String>,
    pub(crate) sample: Option<String>,
    pub(crate) basis: Option<String>,
    pub(crate) situation: Option<String>,
    pub(crate) exemption: Option<ExemptionMethod>,
    pub(crate) exemption_note: Option<String>,
    pub(crate) submission_reason: Option<String>,
    pub(crate) core: bool,
}

impl RawMaterial {
    /// Whether one of the attributes the item needs was not given.
    pub(crate) fn incomplete(&self) -> bool {
        self.necessity.is_none() || self.originals.is_none() || self.copies.is_none() || self.form.is_none()
    }
}

/// 申请材料: a list of objects with attributes (keys per the mapping), or
/// bare names (a list, or text split at lines, ；, 、).
pub(crate) fn materials(
    v: &Value,
    mapping: &Mapping,
    warn: &mut Warnings,
    unmapped: &mut Vec<String>,
) -> Result<Vec<RawMaterial>, String> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => {
            return Ok(list(&other, &['、'])
                .into_iter()
                .map(|name| RawMaterial {
                    name,
                    ..RawMaterial::default()
                })
                .collect())
        }
    };
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match e {
            Value::Object(o) => out.push(material_object(o, i, mapping, warn, unmapped)?),
            other => {
                if let Some(name) = text(other) {
                    out.push(RawMaterial {
                        name,
                        ..RawMaterial::default()
                    });
                }
            }
        }
    }
    Ok(out)
}

fn material_object(
    o: &Map<String, Value>,
    i: usize,
    mapping: &Mapping,
    warn: &mut Warnings,
    unmapped: &mut Vec<String>,
) -> Result<RawMaterial, String> {
    let mut m = RawMaterial::default();
    let mut name = None;
    for (k, val) in o {
        let attr = match mapping.material_attr(k) {
            Some(Some(a)) => a,
            Some(None) => continue,
            None => {
                if !unmapped.contains(k) {
                    unmapped.push(k.clone());
                }
                continue;
            }
        };
        // The catalog's own shape: {"method": …, "note": …}.
        if let (MaterialAttr::Exemption, Value::Object(e)) = (attr, val) {
            m.exemption = e
                .get("method")
                .and_then(text)
                .as_deref()
                .and_then(exemption_method)
                .flatten();
            m.exemption_note = e.get("note").and_then(text);
            continue;
        }
        let Some(s) = text(val) else { continue };
        if attr == MaterialAttr::Name {
            name = Some(s);
        } else if let Err(what) = set_attr(&mut m, attr, val, s.clone()) {
            warn.push(format!("申请材料第 {} 项的{what}“{s}”无法识别，按默认值", i + 1));
        }
    }
    m.name = name.ok_or_else(|| format!("申请材料第 {} 项没有材料名称", i + 1))?;
    Ok(m)
}

/// Set one attribute (other than the name) from its value `val`, read as
/// text `s`; the attribute's Chinese name when the value does not read.
fn set_attr(m: &mut RawMaterial, attr: MaterialAttr, val: &Value, s: String) -> Result<(), &'static str> {
    fn read<T>(v: Option<T>, what: &'static str) -> Result<T, &'static str> {
        v.ok_or(what)
    }
    match attr {
        MaterialAttr::Name => {}
        MaterialAttr::Necessity => m.necessity = Some(read(necessity(&s), "必要性")?),
        MaterialAttr::Kind => m.kind = Some(read(material_kind(&s), "材料类型")?),
        MaterialAttr::Source => m.source = Some(read(material_source(&s), "来源渠道")?),
        MaterialAttr::Form => m.form = Some(read(material_form(&s), "材料形式")?),
        MaterialAttr::Originals => m.originals = Some(read(count(val).ok(), "原件份数")?),
        MaterialAttr::Copies => m.copies = Some(read(count(val).ok(), "复印件份数")?),
        MaterialAttr::Issuer => m.issuer = Some(s),
        MaterialAttr::PaperSize => m.paper_size = Some(s),
        MaterialAttr::FillingNotes => m.filling_notes = Some(s),
        MaterialAttr::BlankForm => m.blank_form = Some(s),
        MaterialAttr::Sample => m.sample = Some(s),
        MaterialAttr::Basis => m.basis = Some(s),
        MaterialAttr::Situation => m.situation = Some(s),
        MaterialAttr::Exemption => {
            if let Some(e) = read(exemption_method(&s), "免提交方式")? {
                m.exemption = Some(e);
            }
        }
        MaterialAttr::ExemptionNote => m.exemption_note = Some(s),
        MaterialAttr::SubmissionReason => m.submission_reason = Some(s),
        MaterialAttr::Core => m.core = read(boolean(val).ok(), "是否核心材料")?,
    }
    Ok(())
}

fn necessity(s: &str) -> Option<Necessity> {
    if s.contains("容缺") {
        Some(Necessity::Deferrable)
    } else if s.starts_with('非') || s.starts_with('否') || s.contains("可选") || s.contains("非必") {
        Some(Necessity::Optional)
    } else if s.starts_with('必') || s == "是" {
        Some(Necessity::Required)
    } else {
        None
    }
}

/// 免提交方式; `Some(None)`: explicitly not exempt (否, 无).
fn exemption_method(s: &str) -> Option<Option<ExemptionMethod>> {
    if s.contains("电子证照") {
        Some(Some(ExemptionMethod::ElectronicLicense))
    } else if s.contains("共享") {
        Some(Some(ExemptionMethod::DataSharing))
    } else if s.contains("内部") || s.contains("调取") {
        Some(Some(ExemptionMethod::InternalRetrieval))
    } else if ["否", "无", "不免提交"].contains(&s) {
        Some(None)
    } else {
        None
    }
}

fn material_kind(s: &str) -> Option<MaterialKind> {
    if s.contains("证件") || s.contains("证书") || s.contains("证明") || s.contains("证照") {
        Some(MaterialKind::Certificate)
    } else if s.contains("表") || s.contains("文书") {
        Some(MaterialKind::Form)
    } else if s == "其他" {
        Some(MaterialKind::Other)
    } else {
        None
    }
}

fn material_source(s: &str) -> Option<MaterialSource> {
    if s.contains("自备") || s.contains("申请人") {
        Some(MaterialSource::Applicant)
    } else if s.contains("政府") || s.contains("核发") {
        Some(MaterialSource::Government)
    } else if s.contains("中介") {
        Some(MaterialSource::Intermediary)
    } else if s == "其他" {
        Some(MaterialSource::Other)
    } else {
        None
    }
}

fn material_form(s: &str) -> Option<MaterialForm> {
    match (s.contains("纸质"), s.contains("电子")) {
        (true, true) => Some(MaterialForm::PaperOrElectronic),
        (true, false) => Some(MaterialForm::Paper),
        (false, true) => Some(MaterialForm::Electronic),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn materials_with_attributes_or_bare() {
        let m = Mapping::default();
        let mut w = Vec::new();
        let mut un = Vec::new();
        let bare = materials(&json!("1.居民身份证；2.营业执照、授权委托书"), &m, &mut w, &mut un).unwrap();
        let names: Vec<&str> = bare.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["居民身份证", "营业执照", "授权委托书"]);
        assert!(bare[0].incomplete());
        let full = materials(
            &json!("[{\"材料名称\": \"申请书\", \"必要性\": \"必要\", \"原件份数\": \"1份\", \"复印件份数\": 0, \"材料形式\": \"纸质、电子\", \"备注\": \"x\"}]"),
            &m,
            &mut w,
            &mut un,
        )
        .unwrap();
        assert_eq!(full[0].necessity, Some(Necessity::Required));
        assert_eq!(full[0].originals, Some(1));
        assert_eq!(full[0].form, Some(MaterialForm::PaperOrElectronic));
        assert!(!full[0].incomplete());
        assert_eq!(un, ["备注"]);
        assert!(w.is_empty());
        let err = materials(&json!([{"必要性": "必要"}]), &m, &mut w, &mut un).unwrap_err();
        assert!(err.contains("没有材料名称"));
    }
}
