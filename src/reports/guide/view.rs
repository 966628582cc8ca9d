//! One guide's facts as the page shows them: the provincial standard with
//! the local implementation's approved deviations applied (and marked), the
//! local facts, and the registry names the codes stand for. Plain values:
//! the templates escape them.

use std::borrow::Cow;

use serde::Serialize;

use super::safe::Link;
use crate::analysis::deviation::{standing, uniform_element, Standing};
use crate::catalog::common::{Channel, ChannelKind};
use crate::catalog::item::{Item, ItemMaterial, Necessity};
use crate::catalog::provenance::{covering, ProvenanceMap};
use crate::catalog::{Deadline, Deviation, Local, Material, Statutory};
use crate::config::Config;

/// An enum's Chinese name, as the catalog writes it (its serde name).
pub(crate) fn label<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A deadline in words: "20 个工作日", "即办（当场办结）".
pub(crate) fn deadline(d: &Deadline) -> String {
    let main = match (d.value, d.unit) {
        (0, _) => "即办（当场办结）".to_string(),
        (v, Some(u)) => format!("{v} 个{}", u.label()),
        (v, None) => format!("{v} 天（单位未注明是工作日还是自然日）"),
    };
    match &d.note {
        Some(n) => format!("{main}。{n}"),
        None => main,
    }
}

/// A statutory deadline in words; the law may set none (无法定时限).
pub(crate) fn statutory(s: &Statutory) -> String {
    match s {
        Statutory::Days(d) => deadline(d),
        Statutory::NoDeadline(n) => match &n.note {
            Some(note) => format!("法律法规未规定办结时限。{note}"),
            None => "法律法规未规定办结时限".to_string(),
        },
    }
}

/// The deadline without its note (for tables).
pub(crate) fn without_note(d: &Deadline) -> Deadline {
    Deadline {
        value: d.value,
        unit: d.unit,
        note: None,
    }
}

/// Whether the fact at `pointer` is marked 待核实 (by its own entry or
/// the nearest ancestor's in the file's provenance map).
pub(crate) fn unverified(map: &ProvenanceMap, pointer: &str) -> bool {
    covering(map, pointer).is_some_and(|p| p.unverified())
}

/// Whether anything at or under `pointer` is marked 待核实 (for a
/// section: "this section holds unverified facts").
pub(crate) fn any_unverified(map: &ProvenanceMap, pointer: &str) -> bool {
    unverified(map, pointer)
        || map
            .iter()
            .any(|(k, v)| v.unverified() && k.strip_prefix(pointer).is_some_and(|rest| rest.starts_with('/')))
}

/// Pointers marked 待核实 in a provenance map, each with `prefix`.
pub(crate) fn unverified_pointers(map: &ProvenanceMap, prefix: &str) -> Vec<String> {
    (map.iter())
        .filter(|(_, v)| v.unverified())
        .map(|(k, _)| format!("{prefix}{k}"))
        .collect()
}

/// A fact as shown, with its verification status from the catalog's
/// provenance: `templates/guide/fact.html` is the one place that labels
/// an unverified one (待核实), never as a commitment.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    pub(crate) text: String,
    pub(crate) link: Option<Link>,
    pub(crate) unverified: bool,
}

impl Fact {
    pub(crate) fn text(text: impl Into<String>) -> Fact {
        Fact {
            text: text.into(),
            link: None,
            unverified: false,
        }
    }

    pub(crate) fn link(value: &str) -> Fact {
        Fact {
            text: value.to_string(),
            link: Some(Link::new(value)),
            unverified: false,
        }
    }

    /// This fact, marked 待核实 when `map` says so for `pointer`.
    pub(crate) fn checked(mut self, map: &ProvenanceMap, pointer: &str) -> Fact {
        self.unverified = unverified(map, pointer);
        self
    }
}

/// The implementing agency's name as a fact: 待核实 when the local file
/// marks its choice of agency (`/agency`) or the agency file marks the
/// name itself (`/name`) as not yet verified.
pub(crate) fn agency_fact(agency: &crate::catalog::Agency, local: &ProvenanceMap) -> Fact {
    let mut f = Fact::text(agency.name.clone()).checked(local, "/agency");
    f.unverified |= unverified(&agency.provenance, "/name");
    f
}

/// A deviation applied to this guide, as the page names it.
#[derive(Debug, Clone)]
pub(crate) struct Applied {
    pub(crate) element: String,
    pub(crate) basis: String,
    pub(crate) approved_by: String,
    pub(crate) approved_on: String,
}

/// The standard as this implementation applies it: the item itself, or a
/// copy with the deviations in force written in.
pub(crate) struct Merged<'a> {
    pub(crate) item: Cow<'a, Item>,
    pub(crate) applied: Vec<Applied>,
}

impl Merged<'_> {
    /// Whether a deviation changed the element at `pointer` (or one inside
    /// it, or the one containing it).
    pub(crate) fn changed(&self, pointer: &str) -> bool {
        self.applied.iter().any(|a| {
            a.element == pointer
                || a.element.starts_with(&format!("{pointer}/"))
                || pointer.starts_with(&format!("{}/", a.element))
        })
    }
}

/// Apply `local`'s deviations in force to `item`. A deviation whose value
/// does not fit the element (the result would not be a valid item) is not
/// applied: the standard stands and lint reports the deviation.
pub(crate) fn merge<'a>(item: &'a Item, local: &Local, config: &Config) -> Merged<'a> {
    let in_force: Vec<&Deviation> = (local.deviations.iter())
        .filter(|d| standing(d, config) == Standing::InForce)
        .collect();
    if in_force.is_empty() {
        return Merged {
            item: Cow::Borrowed(item),
            applied: Vec::new(),
        };
    }
    let Ok(mut value) = serde_json::to_value(item) else {
        return Merged {
            item: Cow::Borrowed(item),
            applied: Vec::new(),
        };
    };
    let mut applied = Vec::new();
    for d in in_force {
        let Some(slot) = value.pointer_mut(&d.element) else {
            continue;
        };
        let before = std::mem::replace(slot, d.value.clone());
        if serde_json::from_value::<Item>(value.clone()).is_err() {
            if let Some(slot) = value.pointer_mut(&d.element) {
                *slot = before;
            }
            continue;
        }
        applied.push(Applied {
            element: element_name(config, &d.element),
            basis: d.basis.clone(),
            approved_by: d.approved_by.clone(),
            approved_on: d.approved_on.clone().unwrap_or_default(),
        });
    }
    match serde_json::from_value::<Item>(value) {
        Ok(changed) => Merged {
            item: Cow::Owned(changed),
            applied,
        },
        Err(_) => Merged {
            item: Cow::Borrowed(item),
            applied: Vec::new(),
        },
    }
}

/// A deviation's element in words: "法定办结时限（/statutory_deadline）".
fn element_name(config: &Config, element: &str) -> String {
    let top = uniform_element(config, element).unwrap_or(element);
    let name = match top {
        "/name" => "事项名称",
        "/item_type" => "事项类型",
        "/legal_basis" => "设定依据",
        "/conditions" => "受理条件",
        "/materials" => "申请材料",
        "/statutory_deadline" => "法定办结时限",
        "/fees" => "收费",
        "/results" => "办理结果",
        "/case_type" => "办件类型",
        _ => "其他要素",
    };
    format!("{name}（{element}）")
}

/// One material as a guide lists it.
pub(crate) struct MaterialRow {
    pub(crate) name: String,
    pub(crate) necessity: String,
    pub(crate) originals: u32,
    pub(crate) copies: u32,
    pub(crate) form: String,
    pub(crate) paper_size: String,
    pub(crate) kind: String,
    pub(crate) source: String,
    pub(crate) issuer: String,
    pub(crate) situation: String,
    pub(crate) filling_notes: String,
    pub(crate) blank_form: Option<Link>,
    pub(crate) sample: Option<Link>,
    pub(crate) basis: String,
    /// 免提交: how, and the note.
    pub(crate) exemption: String,
    /// 容缺后补: the commitment and the deadline to hand it in.
    pub(crate) deferral: String,
    pub(crate) core: bool,
    /// The applicant brings it (not exempt).
    pub(crate) bring: bool,
}

pub(crate) fn material_row(m: &ItemMaterial, reg: Option<&Material>) -> MaterialRow {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    let exemption = m.exemption.as_ref().map_or(String::new(), |e| match &e.note {
        Some(n) => format!("{}：{n}", label(&e.method)),
        None => label(&e.method),
    });
    let deferral = m.deferral.as_ref().map_or(String::new(), |d| {
        format!("{}（补交时限：{}）", d.commitment, deadline(&d.deadline))
    });
    MaterialRow {
        name: reg.map_or_else(|| format!("{}（材料库中未找到）", m.material), |r| r.name.clone()),
        necessity: label(&m.necessity),
        originals: m.originals,
        copies: m.copies,
        form: label(&m.form),
        paper_size: s(&m.paper_size),
        kind: reg.map(|r| label(&r.kind)).unwrap_or_default(),
        source: reg.map(|r| label(&r.source)).unwrap_or_default(),
        issuer: reg.and_then(|r| r.issuer.clone()).unwrap_or_default(),
        situation: s(&m.situation),
        filling_notes: s(&m.filling_notes),
        blank_form: m.blank_form.as_deref().map(Link::new),
        sample: m.sample.as_deref().map(Link::new),
        basis: s(&m.basis),
        exemption,
        deferral,
        core: m.core,
        bring: m.exemption.is_none() && m.necessity != Necessity::Optional,
    }
}

/// A consultation or complaint channel as shown; `pointer` is where it
/// sits in the local file (for its provenance).
pub(crate) fn channel(c: &Channel, map: &ProvenanceMap, pointer: &str) -> (String, Fact) {
    let fact = match c.kind {
        ChannelKind::Website => Fact::link(&c.value),
        _ => Fact::text(c.value.to_string()),
    };
    (label(&c.kind), fact.checked(map, pointer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::common::DeadlineUnit;

    #[test]
    fn deadlines_read_as_words() {
        let d = |value, unit| Deadline {
            value,
            unit,
            note: None,
        };
        assert_eq!(deadline(&d(20, Some(DeadlineUnit::WorkingDays))), "20 个工作日");
        assert_eq!(deadline(&d(0, Some(DeadlineUnit::WorkingDays))), "即办（当场办结）");
        assert!(deadline(&d(5, None)).contains("单位未注明"));
    }
}
