//! One guide's view: everything its pages (HTML, 一次告知单, JSON) show,
//! gathered once from the site's model.

use super::flow::{self, Flow};
use super::view::{
    self, any_unverified, channel, deadline, label, material_row, statutory, Applied, Fact, MaterialRow, Merged,
};
use super::Site;
use crate::catalog::common::Channel;
use crate::catalog::item::{Commitment, Item};
use crate::catalog::provenance::ProvenanceMap;
use crate::catalog::Local;
use crate::config::raw::Citation;

/// A link in the region trail: name and site-relative path.
pub(crate) struct Crumb {
    pub(crate) name: String,
    pub(crate) path: String,
}

/// Which sections hold facts marked 待核实 (in the item's provenance, or
/// the local file's for local facts shown as plain flags).
#[derive(Default)]
pub(crate) struct Pending {
    pub(crate) basis: bool,
    pub(crate) conditions: bool,
    pub(crate) materials: bool,
    pub(crate) process: bool,
    pub(crate) statutory: bool,
    pub(crate) fees: bool,
    pub(crate) delivery_by_post: bool,
    pub(crate) in_service_centre: bool,
    pub(crate) visit_reason: bool,
}

impl Pending {
    fn of(item: &Item, local: &Local) -> Pending {
        let i = |p: &str| any_unverified(&item.provenance, p);
        let l = |p: &str| any_unverified(&local.provenance, p);
        Pending {
            basis: i("/legal_basis"),
            conditions: i("/conditions"),
            materials: i("/materials"),
            process: i("/process"),
            statutory: i("/statutory_deadline"),
            fees: i("/fees"),
            delivery_by_post: l("/delivery_by_post"),
            in_service_centre: l("/in_service_centre"),
            visit_reason: l("/visit_reason"),
        }
    }
}

/// Which standard elements an approved deviation changed here.
#[derive(Default)]
pub(crate) struct Changed {
    pub(crate) name: bool,
    pub(crate) basis: bool,
    pub(crate) conditions: bool,
    pub(crate) materials: bool,
    pub(crate) statutory: bool,
    pub(crate) fees: bool,
    pub(crate) results: bool,
    pub(crate) case_type: bool,
}

impl Changed {
    fn of(m: &Merged) -> Changed {
        Changed {
            name: m.changed("/name"),
            basis: m.changed("/legal_basis"),
            conditions: m.changed("/conditions"),
            materials: m.changed("/materials"),
            statutory: m.changed("/statutory_deadline"),
            fees: m.changed("/fees"),
            results: m.changed("/results"),
            case_type: m.changed("/case_type"),
        }
    }
}

pub(crate) struct GuideData<'a> {
    pub(crate) item: std::borrow::Cow<'a, Item>,
    pub(crate) local: &'a Local,
    pub(crate) path: String,
    pub(crate) notice_path: String,
    pub(crate) json_path: String,
    pub(crate) region_code: String,
    pub(crate) region_name: String,
    pub(crate) region_trail: Vec<Crumb>,
    pub(crate) agency: Fact,
    /// The agency file marks the name itself 待核实 (the guide JSON lists
    /// `/agency/name`).
    pub(crate) agency_name_unverified: bool,
    pub(crate) department_code: String,
    pub(crate) department: String,
    pub(crate) level: String,
    pub(crate) objects: String,
    pub(crate) case_type: String,
    pub(crate) type_code: String,
    pub(crate) materials: Vec<MaterialRow>,
    pub(crate) flow: Flow,
    pub(crate) statutory: String,
    pub(crate) promised: Fact,
    pub(crate) results: Vec<(String, String, Option<Fact>)>,
    pub(crate) windows: Vec<(Fact, Fact)>,
    pub(crate) visits: Fact,
    pub(crate) online_depth: Fact,
    pub(crate) pending: Pending,
    pub(crate) online_address: Option<Fact>,
    pub(crate) consultation: Vec<(String, Fact)>,
    pub(crate) complaint: Vec<(String, Fact)>,
    pub(crate) tongban: Option<(String, String)>,
    pub(crate) applied: Vec<Applied>,
    pub(crate) changed: Changed,
    pub(crate) bundles: Vec<Crumb>,
    /// The provincial document on 帮办代办 and 绿色通道 for older and
    /// disabled applicants (rules.json `province_documents`), if configured.
    pub(crate) assistance: Option<&'a Citation>,
}

impl GuideData<'_> {
    pub(crate) fn commitment(&self) -> Option<&Commitment> {
        self.item.commitment.as_ref()
    }

    /// Materials the applicant brings, and those they need not.
    pub(crate) fn bring(&self) -> impl Iterator<Item = &MaterialRow> {
        self.materials.iter().filter(|m| m.bring)
    }

    pub(crate) fn not_bring(&self) -> impl Iterator<Item = &MaterialRow> {
        self.materials.iter().filter(|m| !m.bring)
    }

    pub(crate) fn has_not_bring(&self) -> bool {
        self.materials.iter().any(|m| !m.bring)
    }

    pub(crate) fn deferrable(&self) -> impl Iterator<Item = &MaterialRow> {
        self.materials.iter().filter(|m| !m.deferral.is_empty())
    }

    pub(crate) fn has_deferrable(&self) -> bool {
        self.materials.iter().any(|m| !m.deferral.is_empty())
    }

    /// Whether a fact the 一次告知单 shows is marked 待核实 (its legend
    /// line explains the mark).
    pub(crate) fn notice_unverified(&self) -> bool {
        let windows = self.windows.iter().any(|(p, h)| p.unverified || h.unverified);
        let channels = self.consultation.iter().any(|(_, f)| f.unverified);
        let online = self.online_address.as_ref().is_some_and(|a| a.unverified);
        let fixed = self.visits.unverified || self.promised.unverified || self.agency.unverified;
        windows || channels || online || fixed
    }

    /// The title: item name and region.
    pub(crate) fn title(&self) -> String {
        format!("{}（{}）", self.item.name, self.region_name)
    }
}

/// Gather guide `g`'s view.
pub(crate) fn guide<'a>(site: &'a Site, g: usize) -> GuideData<'a> {
    let c = &site.catalog;
    let local = &c.locals[site.guides[g]].value;
    let base = &c.items[site.items[local.item.as_str()]].value;
    let merged = view::merge(base, local, &site.config);
    let changed = Changed::of(&merged);
    let lp = &local.provenance;
    let Merged { item, applied } = merged;
    let agency = &c.agencies[site.agencies[local.agency.as_str()]].value;
    let department = site.departments.get(&item.department).map(|&d| &c.departments[d].value);
    let trail: Vec<Crumb> = (site.region_chain(&local.region).into_iter())
        .map(|r| &c.regions[r].value)
        .map(|r| Crumb {
            name: r.name.clone(),
            path: super::region_path(&r.code),
        })
        .collect();
    let region_name = trail.last().map(|c| c.name.clone()).unwrap_or_default();
    let materials = (item.materials.iter())
        .map(|m| material_row(m, site.materials.get(&m.material).map(|&i| &c.materials[i].value)))
        .collect();
    let type_code = site
        .catalog
        .meta
        .as_ref()
        .and_then(|m| m.value.item_types.iter().find(|t| t.name == item.item_type))
        .map(|t| t.code.clone())
        .unwrap_or_default();
    GuideData {
        path: site.guide_path(g, "html"),
        notice_path: format!("{}#notice", site.guide_path(g, "html")),
        json_path: site.guide_path(g, "json"),
        region_code: local.region.to_string(),
        region_name,
        region_trail: trail,
        agency: view::agency_fact(agency, lp),
        agency_name_unverified: view::unverified(&agency.provenance, "/name"),
        department_code: item.department.clone(),
        department: department.map_or_else(|| item.department.clone(), |d| d.name.clone()),
        level: agency.level.label().to_string(),
        objects: item.service_objects.iter().map(label).collect::<Vec<_>>().join("、"),
        case_type: label(&item.case_type),
        type_code,
        materials,
        flow: flow::layout(&item.process),
        statutory: statutory(&item.statutory_deadline),
        promised: Fact::text(deadline(&local.promised_deadline)).checked(lp, "/promised_deadline"),
        results: (item.results.iter().enumerate())
            .map(|(n, r)| {
                let sample = (r.sample.as_deref())
                    .map(|s| Fact::link(s).checked(&item.provenance, &format!("/results/{n}/sample")));
                (r.name.clone(), label(&r.kind), sample)
            })
            .collect(),
        windows: windows(local),
        visits: Fact::text(visits(local.visits)).checked(lp, "/visits"),
        online_depth: Fact::text(local.online.depth.map(|d| label(&d)).unwrap_or_default())
            .checked(lp, "/online/depth"),
        online_address: (local.online.address.as_deref()).map(|a| Fact::link(a).checked(lp, "/online/address")),
        consultation: channels(&local.consultation, lp, "/consultation"),
        complaint: channels(&local.complaint, lp, "/complaint"),
        pending: Pending::of(&item, local),
        tongban: item.tongban.as_ref().map(|t| {
            let modes = t.modes.iter().map(label).collect::<Vec<_>>().join("、");
            (label(&t.scope), modes)
        }),
        applied,
        changed,
        bundles: bundles(site, &local.item),
        assistance: site.config.province_documents.assisted_service.as_ref(),
        item,
        local,
    }
}

/// The 一件事 bundles that hold `item`, as links.
fn bundles(site: &Site, item: &str) -> Vec<Crumb> {
    (site.bundles_of.get(item).into_iter().flatten())
        .map(|&b| &site.catalog.bundles[b].value)
        .map(|b| Crumb {
            name: b.name.clone(),
            path: format!("bundle/{}.html", b.id),
        })
        .collect()
}

/// The windows' places and hours, each with its status.
fn windows(local: &Local) -> Vec<(Fact, Fact)> {
    let lp = &local.provenance;
    (local.windows.iter().enumerate())
        .map(|(n, w)| {
            (
                Fact::text(w.place.to_string()).checked(lp, &format!("/windows/{n}/place")),
                Fact::text(w.hours.to_string()).checked(lp, &format!("/windows/{n}/hours")),
            )
        })
        .collect()
}

/// Consultation or complaint channels (at `pointer` in the local file).
fn channels(list: &[Channel], lp: &ProvenanceMap, pointer: &str) -> Vec<(String, Fact)> {
    (list.iter().enumerate())
        .map(|(n, c)| channel(c, lp, &format!("{pointer}/{n}")))
        .collect()
}

/// 到办事现场次数 in words.
pub(crate) fn visits(n: u32) -> String {
    match n {
        0 => "0 次（不用到现场）".into(),
        1 | 2 => format!("{n} 次"),
        _ => "多次".into(),
    }
}
