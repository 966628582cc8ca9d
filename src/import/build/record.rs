//! One record of the export, read against the mapping and the registries:
//! its item, region, agency, element values and local facts. A record that
//! cannot be imported gets its reasons in the summary, by line.

use super::fields::Fields;
use super::{Registry, Summary};
use crate::catalog::common::Channel;
use crate::catalog::item::{CaseType, Fees, LegalBasis, ProcessStep, ResultDoc, ServiceObject};
use crate::catalog::local::{Online, Window};
use crate::catalog::{Level, NoDeadline, Statutory};
use crate::import::mapping::{fold_width, Mapping, Target};
use crate::import::parse::{self, RawMaterial, ReadDeadline};
use crate::import::read::RawRecord;
use crate::import::resolve::{region_of_agency, resolve_region};

/// One record, read and resolved to a region.
pub(in crate::import) struct Rec {
    pub(in crate::import) line: usize,
    pub(in crate::import) code: String,
    pub(in crate::import) region: String,
    pub(in crate::import) level: Level,
    pub(in crate::import) agency: String,
    pub(in crate::import) credit_code: Option<String>,
    pub(in crate::import) implementation_code: Option<String>,
    pub(in crate::import) department: Option<String>,
    pub(in crate::import) item_type: Option<String>,
    pub(in crate::import) name: Option<String>,
    pub(in crate::import) legal_basis: Option<Vec<LegalBasis>>,
    pub(in crate::import) service_objects: Option<Vec<ServiceObject>>,
    pub(in crate::import) conditions: Option<Vec<String>>,
    pub(in crate::import) materials: Option<Vec<RawMaterial>>,
    pub(in crate::import) process: Option<Vec<ProcessStep>>,
    pub(in crate::import) statutory: Option<Statutory>,
    pub(in crate::import) case_type: Option<CaseType>,
    pub(in crate::import) fees: Option<Fees>,
    pub(in crate::import) results: Option<Vec<ResultDoc>>,
    pub(in crate::import) local: LocalFacts,
    /// The 业务办理项 this record is, when its code has 33 characters
    /// (or a handling-item code is given).
    pub(in crate::import) handling: Option<super::handling::Handling>,
    /// Further records of the same region and item, each another handling
    /// item of this implementation.
    pub(in crate::import) more: Vec<Rec>,
}

/// What a record says about its own region's implementation.
pub(in crate::import) struct LocalFacts {
    pub(super) promised: ReadDeadline,
    pub(super) visits: u32,
    pub(super) visit_reason: Option<String>,
    pub(super) online: Online,
    pub(super) in_service_centre: Option<bool>,
    pub(super) not_in_centre_reason: Option<String>,
    pub(super) delivery_by_post: bool,
    pub(super) windows: Vec<Window>,
    pub(super) consultation: Vec<Channel>,
    pub(super) complaint: Vec<Channel>,
}

/// Read one record; `None` (with the reasons in the summary) if it cannot
/// be imported.
pub(super) fn read_record(raw: &RawRecord, mapping: &Mapping, reg: &Registry, sum: &mut Summary) -> Option<Rec> {
    let mut fs = Fields::of(raw, mapping, sum);
    let handling = super::handling::read(&mut fs);
    let who = identity(&mut fs, reg);
    let elements = elements(&mut fs, raw.line, sum);
    let local = local_facts(&mut fs);
    for w in std::mem::take(&mut fs.warn) {
        sum.note(raw.line, w);
    }
    if !fs.errors.is_empty() {
        for e in fs.errors {
            sum.fail(raw.line, e);
        }
        return None;
    }
    let (Some(who), Some(local)) = (who, local) else {
        sum.fail(raw.line, "记录无法导入");
        return None;
    };
    Some(Rec {
        line: raw.line,
        code: who.code,
        region: who.region,
        level: who.level,
        agency: who.agency,
        credit_code: fs.text(Target::AgencyCreditCode).map(|s| fold_width(&s).to_uppercase()),
        implementation_code: who.implementation_code,
        department: fs.text(Target::Department),
        item_type: fs.text(Target::ItemType),
        name: fs.text(Target::Name),
        legal_basis: fs.get(Target::LegalBasis).map(parse::legal_basis),
        service_objects: elements.service_objects,
        conditions: fs.get(Target::Conditions).map(|v| parse::list(v, &[])),
        materials: elements.materials,
        process: elements.process,
        statutory: elements.statutory,
        case_type: elements.case_type,
        fees: elements.fees,
        results: elements.results,
        local,
        handling,
        more: Vec::new(),
    })
}

/// Which implementation a record is: item, region (and its level), agency.
struct Identity {
    code: String,
    implementation_code: Option<String>,
    region: String,
    level: Level,
    agency: String,
}

fn identity(fs: &mut Fields, reg: &Registry) -> Option<Identity> {
    let implementation_code = fs
        .text(Target::ImplementationCode)
        .map(|s| fold_width(&s).to_uppercase());
    let code = item_code(fs, implementation_code.as_deref());
    let agency = fs.text(Target::Agency);
    if agency.is_none() {
        let msg = fs.missing(Target::Agency);
        fs.errors.push(msg);
    }
    let region = region(fs, agency.as_deref(), reg);
    let level = region_level(fs, region.as_deref(), reg);
    Some(Identity {
        code: code?,
        implementation_code,
        region: region?,
        level: level?,
        agency: agency?,
    })
}

/// The 12-digit item code: given, or digits 20–31 of the implementation code.
fn item_code(fs: &mut Fields, implementation_code: Option<&str>) -> Option<String> {
    match fs.text(Target::ItemCode) {
        Some(c) => {
            let c = fold_width(&c);
            if c.len() == 12 && c.bytes().all(|b| b.is_ascii_digit()) {
                Some(c)
            } else {
                let msg = format!("字段“{}”：基本编码“{c}”应为 12 位数字", fs.src(Target::ItemCode));
                fs.errors.push(msg);
                None
            }
        }
        None => match implementation_code {
            Some(ic) if ic.len() == 31 && ic[19..].bytes().all(|b| b.is_ascii_digit()) => Some(ic[19..].to_string()),
            _ => {
                let msg = fs.missing(Target::ItemCode);
                fs.errors.push(msg);
                None
            }
        },
    }
}

/// The region: given (code or name), or the only one whose agency table
/// has an agency of this name.
fn region(fs: &mut Fields, agency: Option<&str>, reg: &Registry) -> Option<String> {
    if let Some(v) = fs.get(Target::Region) {
        return match resolve_region(v, reg) {
            Ok((r, note)) => {
                fs.warn.extend(note);
                Some(r)
            }
            Err(e) => {
                let msg = format!("字段“{}”：{e}", fs.src(Target::Region));
                fs.errors.push(msg);
                None
            }
        };
    }
    match agency.map(|a| region_of_agency(a, reg)) {
        Some(Some(r)) => {
            fs.warn
                .push("记录没有区划，按实施主体名称在实施主体表中确定区划".into());
            Some(r)
        }
        _ => {
            let msg = format!(
                "{}，且实施主体名称无法唯一对应到实施主体表中的某个区划",
                fs.missing(Target::Region)
            );
            fs.errors.push(msg);
            None
        }
    }
}

/// The region's level; a stated 行使层级 that differs is noted.
fn region_level(fs: &mut Fields, region: Option<&str>, reg: &Registry) -> Option<Level> {
    let actual = region
        .and_then(|r| reg.regions.iter().find(|x| x.code == r))
        .map(|r| r.level);
    let stated = fs.read(Target::Level, |v, _| parse::level(v));
    if let (Some(stated), Some(actual)) = (stated, actual) {
        if stated != actual {
            fs.warn.push(format!(
                "行使层级“{}”与区划 {}（{}）不符，按区划层级导入",
                stated.label(),
                region.unwrap_or_default(),
                actual.label()
            ));
        }
    }
    actual
}

/// The element values a record gives that take some reading.
struct Elements {
    statutory: Option<Statutory>,
    case_type: Option<CaseType>,
    materials: Option<Vec<RawMaterial>>,
    process: Option<Vec<ProcessStep>>,
    fees: Option<Fees>,
    results: Option<Vec<ResultDoc>>,
    service_objects: Option<Vec<ServiceObject>>,
}

fn elements(fs: &mut Fields, line: usize, sum: &mut Summary) -> Elements {
    let statutory_unit = deadline_unit(fs, Target::StatutoryDeadlineUnit);
    let units = &fs.mapping.units;
    let statutory = fs.read(Target::StatutoryDeadline, |v, w| {
        if let Some(note) = parse::no_deadline(v) {
            return Ok(Statutory::NoDeadline(NoDeadline { none: true, note }));
        }
        parse::deadline(v, statutory_unit, units, w).map(|d| Statutory::Days(d.deadline))
    });
    let case_type = fs.read(Target::CaseType, |v, _| parse::case_type(v));
    let mut unmapped_attrs = Vec::new();
    let mapping = fs.mapping;
    let materials = fs.read(Target::Materials, |v, w| {
        parse::materials(v, mapping, w, &mut unmapped_attrs)
    });
    for a in unmapped_attrs {
        sum.unmapped_material.entry(a).or_default().push(line);
    }
    let process = fs.read(Target::Process, |v, w| parse::process(v, units, w));
    let values = &fs.values;
    let get = |t: Target| values.get(&t).map(|(_, v)| v);
    let fees = match parse::fees(get(Target::Charged), get(Target::Fees), &mut fs.warn) {
        Ok(f) => f,
        Err(e) => {
            fs.errors.push(e);
            None
        }
    };
    let (kind, sample) = (get(Target::ResultKind), get(Target::ResultSample));
    let results = get(Target::Results).map(|v| parse::results(v, kind, sample, &mut fs.warn));
    let service_objects = get(Target::ServiceObjects).map(|v| parse::service_objects(v, &mut fs.warn));
    Elements {
        statutory,
        case_type,
        materials,
        process,
        fees,
        results,
        service_objects,
    }
}

/// A deadline unit given in its own field.
fn deadline_unit(fs: &mut Fields, t: Target) -> Option<crate::catalog::DeadlineUnit> {
    let units = &fs.mapping.units;
    fs.read(t, |v, w| parse::deadline_unit(v, units, w)).flatten()
}

fn local_facts(fs: &mut Fields) -> Option<LocalFacts> {
    let promised_unit = deadline_unit(fs, Target::PromisedDeadlineUnit);
    let units = &fs.mapping.units;
    let promised = fs.require(Target::PromisedDeadline, |v, w| {
        parse::deadline(v, promised_unit, units, w)
    });
    let visits = fs.require(Target::Visits, |v, _| parse::visits(v));
    let centre = fs.read(Target::InServiceCentre, |v, _| parse::boolean(v));
    if fs.get(Target::InServiceCentre).is_none() {
        fs.warn.push(format!(
            "没有{}，记为“待补充”（lint 以提示级别报告 value-pending）；确知全部记录的取值时，可在映射文件 defaults 中指定",
            fs.src(Target::InServiceCentre)
        ));
    }
    let delivery_by_post = fs.read(Target::DeliveryByPost, |v, _| parse::boolean(v));
    let depth = fs.read(Target::OnlineDepth, |v, _| parse::online_depth(v)).flatten();
    let windows = windows(fs);
    Some(LocalFacts {
        promised: promised?,
        visits: visits?,
        visit_reason: fs.text(Target::VisitReason),
        online: Online {
            depth,
            address: fs.text(Target::OnlineAddress).map(Into::into),
            not_online_reason: fs.text(Target::NotOnlineReason).map(Into::into),
        },
        in_service_centre: centre,
        not_in_centre_reason: fs.text(Target::NotInCentreReason),
        delivery_by_post: delivery_by_post.unwrap_or(false),
        windows,
        consultation: fs.get(Target::Consultation).map(parse::channels).unwrap_or_default(),
        complaint: fs.get(Target::Complaint).map(parse::channels).unwrap_or_default(),
    })
}

/// 办理地点 (one window per place) with 办理时间.
fn windows(fs: &mut Fields) -> Vec<Window> {
    let hours = fs.text(Target::Hours);
    let windows: Vec<Window> = places(fs)
        .into_iter()
        .map(|place| Window {
            place: place.into(),
            hours: hours.clone().unwrap_or_default().into(),
        })
        .collect();
    if !windows.is_empty() && hours.is_none() {
        fs.warn.push("有办理地点而没有办理时间，办理时间留空待补充".into());
    }
    windows
}

/// The places of 办理地点: a text split into places, a list, or what a
/// mapping `parse` took out of the text (`{place}` or `{value}`). A value
/// given that yields no place is reported, never dropped in silence.
fn places(fs: &mut Fields) -> Vec<String> {
    let Some(v) = fs.get(Target::Place).cloned() else {
        return Vec::new();
    };
    let found: Vec<String> = match &v {
        serde_json::Value::Object(o) => o
            .get("place")
            .or_else(|| o.get("value"))
            .and_then(parse::text)
            .map(|p| parse::split_list(&p, &[]))
            .unwrap_or_default(),
        other => parse::text(other)
            .map(|p| parse::split_list(&p, &[]))
            .or_else(|| other.as_array().map(|a| a.iter().filter_map(parse::text).collect()))
            .unwrap_or_default(),
    };
    if found.is_empty() && !is_blank(&v) {
        let msg = format!(
            "字段“{}”：取不出办理地点（映射文件 parse 的结果中没有 {{place}} 或 {{value}}，或值不是文字），办理窗口留空待补充",
            fs.src(Target::Place)
        );
        fs.warn.push(msg);
    }
    found
}

fn is_blank(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.trim().is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::plan;
    use serde_json::json;

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

    /// A `parse` on 办理地点 that matches without a {place}/{value}, or
    /// that does not match: reported at the record's line either way.
    #[test]
    fn a_place_parse_that_yields_nothing_is_reported_with_the_line() {
        for (pattern, expect) in [("{room}号窗口", "取不出办理地点"), ("{place}大厅", "格式不符")] {
            let text =
                format!(r#"{{"fields": {{"办理地点": {{"to": "办理地点", "parse": {{"pattern": "{pattern}"}}}}}}}}"#);
            let mapping = crate::import::mapping::from_json(&text).unwrap();
            let recs = [record(
                9,
                "630100",
                json!({"办理地点": "3号窗口", "办理时间": "工作日"}),
            )];
            let p = plan(recs.to_vec(), Vec::new(), &mapping, &registry(), &opts());
            let hit = p.summary.notices.iter().find(|(m, _)| m.contains(expect));
            assert!(
                hit.is_some_and(|(_, l)| l.contains(&9)),
                "{pattern}: {:?}",
                p.summary.notices
            );
        }
    }

    /// A value that does not read fails the record at its line; a value
    /// the export lacks is 待补充 (not a guess, not a failure), and
    /// `defaults` fills in what the user knows.
    #[test]
    fn a_bad_local_fact_fails_a_missing_one_is_pending_and_defaults_fill_in() {
        let recs = [
            record(1, "630100", json!({})),
            record(
                7,
                "630200",
                json!({"是否进驻政务服务中心": null, "到现场次数": "好几次"}),
            ),
            record(8, "632200", json!({"是否进驻政务服务中心": null})),
        ];
        let p = run(&recs, &registry(), &opts());
        let msgs: Vec<&str> = p.summary.failed.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            p.summary.failed.iter().map(|f| f.line).collect::<Vec<_>>(),
            [7],
            "{msgs:?}"
        );
        assert!(msgs[0].contains("到现场次数"));
        assert_eq!(local(&p, "632200").in_service_centre, None);
        let note = p
            .summary
            .notices
            .iter()
            .find(|(m, _)| m.contains("待补充") && m.contains("defaults"));
        assert!(note.is_some_and(|(_, l)| l.contains(&8)), "{:?}", p.summary.notices);
        let mapping = crate::import::mapping::from_json(r#"{"defaults": {"in_service_centre": "是"}}"#).unwrap();
        let recs = [record(1, "630100", json!({"是否进驻政务服务中心": null}))];
        let p = plan(recs.to_vec(), Vec::new(), &mapping, &registry(), &opts());
        assert!(p.summary.failed.is_empty());
        assert_eq!(local(&p, "630100").in_service_centre, Some(true));
    }
}
