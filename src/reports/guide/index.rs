//! The index pages: home, regions, departments, item types, one page per
//! item comparing the regions that implement it (the uniformity report's
//! picture, for the public), and the 一件事 bundle pages.

use askama::Template;

use super::data::{visits, Crumb};
use super::pages::failed;
use super::safe::Link;
use super::view::{deadline, label, statutory, Fact};
use super::{item_path, region_path, Site};

/// One row of a list of guides or items.
struct Row {
    name: String,
    path: String,
    note: String,
}

/// A region's guide count and link.
struct RegionLink {
    name: String,
    path: String,
    guides: usize,
    children: Vec<RegionLink>,
}

#[derive(Template)]
#[template(path = "guide/home.html")]
struct Home {
    root: &'static str,
    page_title: String,
    site_title: String,
    guides: usize,
    items: usize,
    regions: Vec<RegionLink>,
    bundles: Vec<Row>,
    departments: Vec<Row>,
    types: Vec<Row>,
}

#[derive(Template)]
#[template(path = "guide/list.html")]
struct List {
    root: &'static str,
    page_title: String,
    site_title: String,
    heading: String,
    intro: String,
    trail: Vec<Crumb>,
    children: Vec<Row>,
    rows: Vec<Row>,
    filter: &'static str,
    filter_value: String,
}

/// One region's row on an item page.
struct Compare {
    region: String,
    path: String,
    agency: Fact,
    promised: Fact,
    visits: Fact,
    online: Fact,
}

/// A bundle's member item and its promised deadline.
struct Member {
    name: String,
    path: String,
    deadline: Fact,
}

/// A divergence from the standard or the majority, for the public.
struct Difference {
    element: String,
    region: String,
    standard: String,
    value: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "guide/item.html")]
struct ItemPage {
    root: &'static str,
    page_title: String,
    site_title: String,
    name: String,
    code: String,
    item_type: String,
    department: String,
    statutory: String,
    rows: Vec<Compare>,
    differences: Vec<Difference>,
}

#[derive(Template)]
#[template(path = "guide/bundle.html")]
struct BundlePage {
    root: &'static str,
    page_title: String,
    site_title: String,
    name: String,
    department: String,
    members: Vec<Member>,
    form: String,
    blank_form: Option<Link>,
    materials: Vec<String>,
    deadline: Fact,
    online: Link,
    window: String,
}

fn render(t: &impl Template) -> String {
    t.render().unwrap_or_else(|e| failed(&e))
}

impl Site {
    fn department_name(&self, code: &str) -> String {
        self.departments
            .get(code)
            .map_or_else(|| code.to_string(), |&d| self.catalog.departments[d].value.name.clone())
    }

    fn region_link(&self, r: usize, depth: usize) -> RegionLink {
        let region = &self.catalog.regions[r].value;
        RegionLink {
            name: region.name.clone(),
            path: region_path(&region.code),
            guides: self.by_region.get(&region.code).map_or(0, Vec::len),
            children: if depth < 2 {
                (self.children(&region.code).into_iter())
                    .map(|c| self.region_link(c, depth + 1))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }

    /// Items as rows (name, item page, a note).
    fn item_rows(&self, keep: impl Fn(&crate::catalog::Item) -> bool) -> Vec<Row> {
        (self.item_order.iter())
            .map(|&i| &self.catalog.items[i].value)
            .filter(|i| keep(i))
            .map(|i| Row {
                name: i.name.clone(),
                path: item_path(&i.code),
                note: format!("{} 个地区办理", self.by_item.get(&i.code).map_or(0, Vec::len)),
            })
            .collect()
    }

    /// Paths of the index pages, for the sitemap.
    pub(crate) fn html_index_paths(&self) -> Vec<String> {
        let mut bundles: Vec<String> = (self.catalog.bundles.iter())
            .map(|b| format!("bundle/{}.html", b.value.id))
            .collect();
        bundles.sort();
        let c = &self.catalog;
        bundles
            .into_iter()
            .chain(self.region_order.iter().map(|&r| region_path(&c.regions[r].value.code)))
            .chain((self.department_order.iter()).map(|&d| format!("department/{}.html", c.departments[d].value.code)))
            .chain((0..self.type_order.len()).map(|t| self.type_path(self.type_order[t])))
            .collect()
    }
}

pub(crate) fn home(site: &Site) -> String {
    let c = &site.catalog;
    let mut bundles: Vec<Row> = (c.bundles.iter())
        .map(|b| Row {
            name: b.value.name.clone(),
            path: format!("bundle/{}.html", b.value.id),
            note: format!("{} 个事项一起办", b.value.members.len()),
        })
        .collect();
    bundles.sort_by(|a, b| a.path.cmp(&b.path));
    let departments = (site.department_order.iter())
        .map(|&d| &c.departments[d].value)
        .map(|d| Row {
            name: d.name.clone(),
            path: format!("department/{}.html", d.code),
            note: String::new(),
        })
        .collect();
    let types = (site.type_order.iter())
        .filter_map(|&t| c.meta.as_ref().map(|m| (t, &m.value.item_types[t])))
        .map(|(t, ty)| Row {
            name: ty.name.clone(),
            path: site.type_path(t),
            note: String::new(),
        })
        .collect();
    render(&Home {
        root: "",
        page_title: site.title(),
        site_title: site.title(),
        guides: site.guides.len(),
        items: c.items.len(),
        regions: site.top_regions().into_iter().map(|r| site.region_link(r, 0)).collect(),
        bundles,
        departments,
        types,
    })
}

pub(crate) fn region(site: &Site, r: usize) -> String {
    let c = &site.catalog;
    let region = &c.regions[r].value;
    let trail = (site.region_chain(&region.code).into_iter())
        .map(|x| Crumb {
            name: c.regions[x].value.name.clone(),
            path: region_path(&c.regions[x].value.code),
        })
        .collect();
    let children = (site.children(&region.code).into_iter())
        .map(|x| &c.regions[x].value)
        .map(|x| Row {
            name: x.name.clone(),
            path: region_path(&x.code),
            note: format!("{} 项", site.by_region.get(&x.code).map_or(0, Vec::len)),
        })
        .collect();
    let rows = (site.by_region.get(&region.code).into_iter().flatten())
        .map(|&g| {
            let l = &c.locals[site.guides[g]].value;
            let item = &c.items[site.items[l.item.as_str()]].value;
            let agency = &c.agencies[site.agencies[l.agency.as_str()]].value;
            Row {
                name: item.name.clone(),
                path: site.guide_path(g, "html"),
                note: agency.name.clone(),
            }
        })
        .collect();
    render(&List {
        root: "../",
        page_title: format!("{} · 办事指南", region.name),
        site_title: site.title(),
        heading: format!("{}的办事指南", region.name),
        intro: format!(
            "{}（{}）本级办理的事项，按基本编码排列。",
            region.name,
            label(&region.level)
        ),
        trail,
        children,
        rows,
        filter: "region",
        filter_value: region.name.clone(),
    })
}

pub(crate) fn department(site: &Site, d: usize) -> String {
    let dept = &site.catalog.departments[d].value;
    render(&List {
        root: "../",
        page_title: format!("{} · 办事指南", dept.name),
        site_title: site.title(),
        heading: format!("{}的事项", dept.name),
        intro: format!(
            "主管部门为{}（省级：{}）的事项；点开事项可以看到各地区的办事指南。",
            dept.name, dept.provincial_name
        ),
        trail: Vec::new(),
        children: Vec::new(),
        rows: site.item_rows(|i| i.department == dept.code),
        filter: "department",
        filter_value: dept.name.clone(),
    })
}

pub(crate) fn item_type(site: &Site, t: usize) -> String {
    let Some(ty) = site.catalog.meta.as_ref().map(|m| &m.value.item_types[t]) else {
        return String::new();
    };
    render(&List {
        root: "../",
        page_title: format!("{} · 办事指南", ty.name),
        site_title: site.title(),
        heading: format!("{}类事项", ty.name),
        intro: "点开事项可以看到各地区的办事指南。".into(),
        trail: Vec::new(),
        children: Vec::new(),
        rows: site.item_rows(|i| i.item_type == ty.name),
        filter: "",
        filter_value: String::new(),
    })
}

pub(crate) fn item(site: &Site, i: usize) -> String {
    let c = &site.catalog;
    let item = &c.items[i].value;
    let rows = (site.by_item.get(&item.code).into_iter().flatten())
        .map(|&g| {
            let l = &c.locals[site.guides[g]].value;
            let p = &l.provenance;
            let online = l.online.depth.map_or_else(|| "不能网上办理".into(), |d| label(&d));
            Compare {
                region: c.regions[site.regions[l.region.as_str()]].value.name.clone(),
                path: site.guide_path(g, "html"),
                agency: super::view::agency_fact(&c.agencies[site.agencies[l.agency.as_str()]].value, p),
                promised: Fact::text(deadline(&super::view::without_note(&l.promised_deadline)))
                    .checked(p, "/promised_deadline"),
                visits: Fact::text(visits(l.visits)).checked(p, "/visits"),
                online: Fact::text(online).checked(p, "/online/depth"),
            }
        })
        .collect();
    let differences = (site.reports.get(&item.code).map(|&r| &site.report.items[r]).into_iter())
        .flat_map(|r| &r.elements)
        .flat_map(|e| e.divergences.iter().map(move |d| (e, d)))
        .map(|(e, d)| Difference {
            element: e.label.clone(),
            region: d.region_name.clone(),
            standard: d.standard.clone(),
            value: d.value.clone(),
            status: d.status.label(),
        })
        .collect();
    render(&ItemPage {
        root: "../",
        page_title: format!("{} · 各地区办理情况", item.name),
        site_title: site.title(),
        name: item.name.clone(),
        code: item.code.clone(),
        item_type: item.item_type.clone(),
        department: site.department_name(&item.department),
        statutory: statutory(&item.statutory_deadline),
        rows,
        differences,
    })
}

pub(crate) fn bundle(site: &Site, b: usize) -> String {
    let c = &site.catalog;
    let bundle = &c.bundles[b].value;
    let p = &bundle.provenance;
    let members = (bundle.members.iter().enumerate())
        .map(|(n, m)| Member {
            name: site
                .items
                .get(&m.item)
                .map_or_else(|| m.item.clone(), |&i| c.items[i].value.name.clone()),
            path: item_path(&m.item),
            deadline: Fact::text(deadline(&m.promised_deadline)).checked(p, &format!("/members/{n}/promised_deadline")),
        })
        .collect();
    let materials = (bundle.materials.iter())
        .map(|id| {
            site.materials
                .get(id)
                .map_or_else(|| id.clone(), |&m| c.materials[m].value.name.clone())
        })
        .collect();
    render(&BundlePage {
        root: "../",
        page_title: format!("{} · 一件事", bundle.name),
        site_title: site.title(),
        name: bundle.name.clone(),
        department: site.department_name(&bundle.lead_department),
        members,
        form: bundle.form.name.clone(),
        blank_form: bundle.form.blank_form.as_deref().map(Link::new),
        materials,
        deadline: Fact::text(deadline(&bundle.promised_deadline)).checked(p, "/promised_deadline"),
        online: Link::new(&bundle.online_entry),
        window: bundle.window.clone(),
    })
}
