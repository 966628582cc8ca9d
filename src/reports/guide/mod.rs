//! The service-guide site (`tongbiao guide`): every page as a value — its
//! path inside the site and its bytes — rendered on demand by index, so
//! the output layer can render and write 100,000 guides in parallel
//! without holding them all. HTML comes from the askama templates under
//! `templates/guide/` (auto-escaped); JSON from serde; the sitemap from
//! quick-xml.
//!
//! The site: `index.html`; `guide/<区划>/<基本编码>.html` (one guide per
//! implementation, its printable 一次告知单 a section of it, `#notice`)
//! and `….json` (its data, schema in `schema/guide.schema.json`); `item/<基本编码>.html`
//! (the item across regions); `bundle/<id>.html`; `region/<区划>.html`,
//! `department/<代码>.html`, `type/<代码>.html`; `search.html` and
//! `assets/search.js` (over the Pagefind index, a post-build step);
//! `assets/guide.css`;
//! `sitemap.xml`; and the marker file [`MARKER`].

mod data;
mod flow;
mod index;
mod machine;
mod pages;
pub(crate) mod safe;
mod search;
pub(crate) mod view;

use std::collections::{BTreeMap, HashMap};

use crate::analysis::uniformity::{analyse, Report};
use crate::catalog::{Catalog, Index, Level};
use crate::config::Config;

pub(crate) use machine::guide_schema_text;

/// The file every generated site carries; a directory without it is not
/// replaced by `tongbiao guide`.
pub(crate) const MARKER: &str = ".tongbiao-site";

/// The stylesheet, one external file (CSP: no inline styles).
const CSS: &str = include_str!("../../../templates/guide/guide.css");

/// Options of a build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Absolute base URL of the site (ends with '/'), for the sitemap and
    /// JSON-LD; `None`: site-relative addresses.
    pub(crate) base_url: Option<String>,
}

/// One page of the site, by what it shows.
#[derive(Debug, Clone, Copy)]
enum Page {
    Marker,
    Css,
    Schema,
    Sitemap,
    Home,
    Search,
    SearchJs,
    /// A guide's two files: the page (with its 一次告知单) and its JSON.
    Guide(usize),
    Item(usize),
    Bundle(usize),
    Region(usize),
    Department(usize),
    Type(usize),
}

/// The model and the lookups every page needs, owned, with the page list.
pub(crate) struct Site {
    catalog: Catalog,
    config: Config,
    options: Options,
    report: Report,
    /// Positions in the catalog's lists, by code or id.
    items: HashMap<String, usize>,
    regions: HashMap<String, usize>,
    agencies: HashMap<String, usize>,
    departments: HashMap<String, usize>,
    materials: HashMap<String, usize>,
    reports: HashMap<String, usize>,
    /// Locals that get a guide (item, region and agency found), by
    /// (region, item).
    guides: Vec<usize>,
    /// Guides (positions in `guides`) by item code and by region code.
    by_item: BTreeMap<String, Vec<usize>>,
    by_region: BTreeMap<String, Vec<usize>>,
    /// Bundles (positions in the catalog) that hold an item, by item code.
    bundles_of: HashMap<String, Vec<usize>>,
    /// Item positions sorted by code; region, department and item-type
    /// positions in page order.
    item_order: Vec<usize>,
    region_order: Vec<usize>,
    department_order: Vec<usize>,
    type_order: Vec<usize>,
    pages: Vec<Page>,
}

impl Site {
    /// The site for a linted catalog.
    pub(crate) fn build(mut catalog: Catalog, config: Config, options: Options) -> Site {
        strip_schemas(&mut catalog);
        let report = {
            let index = Index::build(&catalog);
            analyse(&catalog, &index, &config)
        };
        let pos = |keys: Vec<&str>| -> HashMap<String, usize> {
            let mut m = HashMap::with_capacity(keys.len());
            for (i, k) in keys.into_iter().enumerate() {
                m.entry(k.to_string()).or_insert(i);
            }
            m
        };
        let c = &catalog;
        let items = pos(c.items.iter().map(|i| i.value.code.as_str()).collect());
        let regions = pos(c.regions.iter().map(|r| r.value.code.as_str()).collect());
        let agencies = pos(c.agencies.iter().map(|a| a.value.id.as_str()).collect());
        let departments = pos(c.departments.iter().map(|d| d.value.code.as_str()).collect());
        let materials = pos(c.materials.iter().map(|m| m.value.id.as_str()).collect());
        let reports = pos(report.items.iter().map(|r| r.code.as_str()).collect());
        let mut guides: Vec<usize> = (0..c.locals.len())
            .filter(|&i| {
                let l = &c.locals[i].value;
                items.contains_key(&*l.item) && regions.contains_key(&*l.region) && agencies.contains_key(&*l.agency)
            })
            .collect();
        guides.sort_by(|&a, &b| {
            let (a, b) = (&c.locals[a].value, &c.locals[b].value);
            (&a.region, &a.item).cmp(&(&b.region, &b.item))
        });
        let (by_item, by_region) = group(c, &guides);
        let mut bundle_order: Vec<usize> = (0..c.bundles.len()).collect();
        bundle_order.sort_by(|&a, &b| c.bundles[a].value.id.cmp(&c.bundles[b].value.id));
        let mut bundles_of: HashMap<String, Vec<usize>> = HashMap::new();
        for &b in &bundle_order {
            for m in &c.bundles[b].value.members {
                bundles_of.entry(m.item.clone()).or_default().push(b);
            }
        }
        let sorted = |n: usize, key: &dyn Fn(usize) -> String| {
            let mut v: Vec<usize> = (0..n).collect();
            v.sort_by_key(|&i| key(i));
            v.dedup_by_key(|i| key(*i));
            v
        };
        let item_order = sorted(c.items.len(), &|i| c.items[i].value.code.clone());
        let region_order = sorted(c.regions.len(), &|i| c.regions[i].value.code.clone());
        let department_order = sorted(c.departments.len(), &|i| c.departments[i].value.code.clone());
        let type_count = c.meta.as_ref().map_or(0, |m| m.value.item_types.len());
        let type_order = sorted(type_count, &|i| {
            c.meta
                .as_ref()
                .map(|m| m.value.item_types[i].code.clone())
                .unwrap_or_default()
        });
        let mut site = Site {
            catalog,
            config,
            options,
            report,
            items,
            regions,
            agencies,
            departments,
            materials,
            reports,
            guides,
            by_item,
            by_region,
            bundles_of,
            item_order,
            region_order,
            department_order,
            type_order,
            pages: Vec::new(),
        };
        site.pages = site.page_list(&bundle_order);
        site
    }

    fn page_list(&self, bundle_order: &[usize]) -> Vec<Page> {
        let mut p = vec![
            Page::Marker,
            Page::Css,
            Page::Schema,
            Page::Sitemap,
            Page::Home,
            Page::Search,
            Page::SearchJs,
        ];
        p.extend((0..self.guides.len()).map(Page::Guide));
        p.extend(self.item_order.iter().map(|&i| Page::Item(i)));
        p.extend(bundle_order.iter().map(|&b| Page::Bundle(b)));
        p.extend(self.region_order.iter().map(|&r| Page::Region(r)));
        p.extend(self.department_order.iter().map(|&d| Page::Department(d)));
        p.extend(self.type_order.iter().map(|&t| Page::Type(t)));
        p
    }

    /// How many units (a file, or a guide's two files) the site has.
    pub(crate) fn len(&self) -> usize {
        self.pages.len()
    }

    /// How many files the site has.
    pub(crate) fn files(&self) -> usize {
        self.pages.len() + self.guides.len()
    }

    /// How many guides (implementations) the site has.
    pub(crate) fn guide_count(&self) -> usize {
        self.guides.len()
    }

    /// Directories to create before writing, parents first.
    pub(crate) fn dirs(&self) -> Vec<String> {
        let mut d: Vec<String> = [
            "assets",
            "schema",
            "guide",
            "item",
            "bundle",
            "region",
            "department",
            "type",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        d.extend(self.by_region.keys().map(|r| format!("guide/{r}")));
        d
    }

    /// Unit `i`'s files: path in the site and bytes. A guide's two
    /// files are one unit, so its view is gathered once.
    pub(crate) fn render(&self, i: usize) -> Vec<(String, Vec<u8>)> {
        if let Page::Guide(g) = self.pages[i] {
            let d = data::guide(self, g);
            return vec![
                (self.guide_path(g, "html"), pages::guide(self, &d).into_bytes()),
                (self.guide_path(g, "json"), machine::guide_json(&d).into_bytes()),
            ];
        }
        let (path, text) = match self.pages[i] {
            Page::Marker => (MARKER.to_string(), marker_text(&self.catalog)),
            Page::Css => ("assets/guide.css".to_string(), CSS.to_string()),
            Page::Schema => ("schema/guide.schema.json".to_string(), guide_schema_text()),
            Page::Sitemap => ("sitemap.xml".to_string(), machine::sitemap(self)),
            Page::Home => ("index.html".to_string(), index::home(self)),
            Page::Search => ("search.html".to_string(), search::page(self)),
            Page::SearchJs => ("assets/search.js".to_string(), search::SCRIPT.to_string()),
            Page::Guide(_) => return Vec::new(),
            Page::Item(i) => (item_path(&self.catalog.items[i].value.code), index::item(self, i)),
            Page::Bundle(b) => (
                format!("bundle/{}.html", self.catalog.bundles[b].value.id),
                index::bundle(self, b),
            ),
            Page::Region(r) => (region_path(&self.catalog.regions[r].value.code), index::region(self, r)),
            Page::Department(d) => (
                format!("department/{}.html", self.catalog.departments[d].value.code),
                index::department(self, d),
            ),
            Page::Type(t) => (self.type_path(t), index::item_type(self, t)),
        };
        vec![(path, text.into_bytes())]
    }

    /// Site-relative path of guide `g`'s file with this extension.
    fn guide_path(&self, g: usize, ext: &str) -> String {
        let l = &self.catalog.locals[self.guides[g]].value;
        format!("guide/{}/{}.{ext}", l.region, l.item)
    }

    fn type_path(&self, t: usize) -> String {
        let code = self
            .catalog
            .meta
            .as_ref()
            .map_or("", |m| m.value.item_types[t].code.as_str());
        format!("type/{code}.html")
    }

    /// The region and its ancestors, province first.
    fn region_chain(&self, code: &str) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut next = self.regions.get(code).copied();
        while let Some(r) = next {
            if chain.contains(&r) || chain.len() > 8 {
                break;
            }
            chain.push(r);
            next = (self.catalog.regions[r].value.parent.as_deref()).and_then(|p| self.regions.get(p).copied());
        }
        chain.reverse();
        chain
    }

    /// Regions whose parent is `code`, in code order.
    fn children(&self, code: &str) -> Vec<usize> {
        (self.region_order.iter().copied())
            .filter(|&r| self.catalog.regions[r].value.parent.as_deref() == Some(code))
            .collect()
    }

    /// The province's regions (no parent), in code order.
    fn top_regions(&self) -> Vec<usize> {
        (self.region_order.iter().copied())
            .filter(|&r| {
                self.catalog.regions[r].value.parent.is_none() || self.catalog.regions[r].value.level == Level::Province
            })
            .collect()
    }

    fn title(&self) -> String {
        self.catalog
            .meta
            .as_ref()
            .map_or_else(|| "办事指南".to_string(), |m| format!("{} · 办事指南", m.value.title))
    }
}

/// Guides (positions in `guides`) by item code and by region code.
type Groups = (BTreeMap<String, Vec<usize>>, BTreeMap<String, Vec<usize>>);

fn group(c: &Catalog, guides: &[usize]) -> Groups {
    let mut by_item: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_region: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (g, &l) in guides.iter().enumerate() {
        let l = &c.locals[l].value;
        by_item.entry(l.item.to_string()).or_default().push(g);
        by_region.entry(l.region.to_string()).or_default().push(g);
    }
    (by_item, by_region)
}

/// The guide JSON embeds items and local files without `$schema` (it has
/// its own schema): removed once for the site, not cloned away per guide.
fn strip_schemas(catalog: &mut Catalog) {
    for i in &mut catalog.items {
        i.value.schema = None;
    }
    for l in &mut catalog.locals {
        l.value.schema = None;
    }
}

fn item_path(code: &str) -> String {
    format!("item/{code}.html")
}

fn region_path(code: &str) -> String {
    format!("region/{code}.html")
}

/// The marker's text: what made the site, from what (no timestamp: the
/// same catalog gives the same bytes).
fn marker_text(c: &Catalog) -> String {
    let (title, updated) = c.meta.as_ref().map_or((String::new(), String::new()), |m| {
        (m.value.title.clone(), m.value.updated.clone())
    });
    format!("tongbiao guide site\ncatalog: {title}\ncatalog updated: {updated}\n")
}

#[cfg(test)]
mod tests;
