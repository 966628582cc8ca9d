//! The catalog model: one set of types (serde + schemars) that loading,
//! linting, diffing and guides all walk. The types are the single source of
//! truth for the JSON Schemas in `catalog/schema/`.

pub(crate) mod agency;
pub(crate) mod bundle;
pub(crate) mod common;
pub(crate) mod divisions;
pub(crate) mod item;
pub(crate) mod local;
pub(crate) mod material;
pub(crate) mod meta;
pub(crate) mod probe;
pub(crate) mod provenance;
pub(crate) mod region;
pub(crate) mod shared;
pub(crate) mod shared_list;

pub(crate) use agency::{AgenciesFile, Agency, Department, DepartmentsFile};
pub(crate) use bundle::Bundle;
pub(crate) use common::{ChangeNote, Deadline, DeadlineUnit, Level, NoDeadline, Statutory};
pub(crate) use item::Item;
pub use local::{Deviation, Local};
pub(crate) use material::{Material, MaterialsFile};
pub(crate) use meta::CatalogMeta;
pub(crate) use region::{Region, RegionsFile};

use std::collections::HashMap;

/// Index of a file in a run's sources (`source::Sources`), stable for one
/// run: how a value of the model says which file it came from.
pub(crate) type FileId = usize;

/// What a file under `catalog/` is, decided by its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum FileKind {
    Meta,
    Regions,
    Departments,
    Materials,
    Agencies,
    Item,
    Local,
    Bundle,
}

impl FileKind {
    /// All kinds, in the order their schemas are written.
    pub(crate) const ALL: [FileKind; 8] = [
        FileKind::Meta,
        FileKind::Regions,
        FileKind::Departments,
        FileKind::Materials,
        FileKind::Agencies,
        FileKind::Item,
        FileKind::Local,
        FileKind::Bundle,
    ];

    /// Classify a catalog-relative path ('/'-separated). `None`: not a
    /// catalog data file (README, schemas, or something unexpected).
    pub(crate) fn of_path(rel: &str) -> Option<FileKind> {
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["catalog.json"] => Some(FileKind::Meta),
            ["regions.json"] => Some(FileKind::Regions),
            ["departments.json"] => Some(FileKind::Departments),
            ["materials.json"] => Some(FileKind::Materials),
            ["agencies", f] if f.ends_with(".json") => Some(FileKind::Agencies),
            ["items", f] if f.ends_with(".json") => Some(FileKind::Item),
            ["local", _, f] if f.ends_with(".json") => Some(FileKind::Local),
            ["bundles", f] if f.ends_with(".json") => Some(FileKind::Bundle),
            _ => None,
        }
    }

    /// File name of this kind's schema in `catalog/schema/`.
    pub(crate) fn schema_file(self) -> &'static str {
        match self {
            FileKind::Meta => "catalog.schema.json",
            FileKind::Regions => "regions.schema.json",
            FileKind::Departments => "departments.schema.json",
            FileKind::Materials => "materials.schema.json",
            FileKind::Agencies => "agencies.schema.json",
            FileKind::Item => "item.schema.json",
            FileKind::Local => "local.schema.json",
            FileKind::Bundle => "bundle.schema.json",
        }
    }

    /// The JSON Schema of this kind, generated from the Rust types.
    pub(crate) fn schema(self) -> serde_json::Value {
        let schema = match self {
            FileKind::Meta => schemars::schema_for!(CatalogMeta),
            FileKind::Regions => schemars::schema_for!(RegionsFile),
            FileKind::Departments => schemars::schema_for!(DepartmentsFile),
            FileKind::Materials => schemars::schema_for!(MaterialsFile),
            FileKind::Agencies => schemars::schema_for!(AgenciesFile),
            FileKind::Item => schemars::schema_for!(Item),
            FileKind::Local => schemars::schema_for!(Local),
            FileKind::Bundle => schemars::schema_for!(Bundle),
        };
        let mut v = schema.to_value();
        strip_null(&mut v);
        v
    }
}

/// Optional fields are simply omitted in the catalog; `null` is not a value
/// anyone should write. schemars renders `Option<T>` as "T or null", which
/// also turns every enum error into an unreadable anyOf; strip the null.
pub(crate) fn strip_null(v: &mut serde_json::Value) {
    use serde_json::Value;
    if let Value::Object(o) = v {
        if let Some(Value::Array(types)) = o.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let t = types.remove(0);
                o.insert("type".into(), t);
            }
        }
        if let Some(Value::Array(any)) = o.get("anyOf") {
            let non_null: Vec<&Value> = any
                .iter()
                .filter(|s| s.get("type") != Some(&Value::from("null")))
                .collect();
            if non_null.len() == 1 && any.len() == 2 {
                let keep = non_null[0].clone();
                o.remove("anyOf");
                if let Value::Object(k) = keep {
                    for (key, val) in k {
                        o.entry(key).or_insert(val);
                    }
                }
            }
        }
        for (_, child) in o.iter_mut() {
            strip_null(child);
        }
    } else if let Value::Array(a) = v {
        for child in a {
            strip_null(child);
        }
    }
}

/// A value read from a catalog file, with where it came from: the file and
/// the JSON pointer of the value inside it. Spans are looked up from the
/// pointer when a finding needs them, so the model stays small at scale.
#[derive(Debug, Clone)]
pub(crate) struct At<T> {
    pub(crate) file: FileId,
    pub(crate) pointer: String,
    pub(crate) value: T,
}

/// The whole typed catalog, as far as it parsed. Files that failed to parse
/// are absent here; their findings were already reported.
#[derive(Debug, Default)]
pub struct Catalog {
    pub(crate) meta: Option<At<CatalogMeta>>,
    pub(crate) regions: Vec<At<Region>>,
    pub(crate) departments: Vec<At<Department>>,
    pub(crate) materials: Vec<At<Material>>,
    pub(crate) agencies: Vec<At<Agency>>,
    /// The region code each agencies file declares, for the file-name check.
    pub(crate) agency_files: Vec<At<String>>,
    pub(crate) items: Vec<At<Box<Item>>>,
    pub(crate) locals: Vec<At<Box<Local>>>,
    pub(crate) bundles: Vec<At<Bundle>>,
    /// Files whose kind is known but which did not parse, as (kind, file
    /// stem). References into them are not reported as dangling: the
    /// parse finding already explains, and a cascade would bury it.
    pub(crate) failed: Vec<(FileKind, String)>,
    /// Names of the files under `forms/` (blank forms and samples the
    /// catalog ships), relative to `forms/`. Only their names are kept.
    pub(crate) forms: std::collections::BTreeSet<String>,
}

/// The folder of the files (blank forms, samples) the catalog ships.
pub(crate) const FORMS_DIR: &str = "forms/";

/// Lookup tables built once over the catalog, so cross-file checks are
/// hash lookups rather than scans (100,000 files must stay linear).
pub struct Index<'a> {
    pub(crate) regions: HashMap<&'a str, &'a At<Region>>,
    pub(crate) departments: HashMap<&'a str, &'a At<Department>>,
    pub(crate) materials: HashMap<&'a str, &'a At<Material>>,
    pub(crate) agencies: HashMap<&'a str, &'a At<Agency>>,
    pub(crate) items: HashMap<&'a str, &'a At<Box<Item>>>,
    pub(crate) item_types: HashMap<&'a str, &'a meta::ItemTypeCode>,
    failed: std::collections::HashSet<(FileKind, &'a str)>,
}

impl<'a> Index<'a> {
    /// The first definition wins; duplicates are reported by the
    /// duplicate-id rule, which walks the same lists.
    pub fn build(c: &'a Catalog) -> Index<'a> {
        fn first<'a, T>(list: &'a [At<T>], key: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a At<T>> {
            let mut m = HashMap::with_capacity(list.len());
            for e in list {
                m.entry(key(&e.value)).or_insert(e);
            }
            m
        }
        Index {
            regions: first(&c.regions, |r| r.code.as_str()),
            departments: first(&c.departments, |d| d.code.as_str()),
            materials: first(&c.materials, |m| m.id.as_str()),
            agencies: first(&c.agencies, |a| a.id.as_str()),
            items: first(&c.items, |i| i.code.as_str()),
            item_types: c
                .meta
                .iter()
                .flat_map(|m| m.value.item_types.iter())
                .map(|t| (t.name.as_str(), t))
                .collect(),
            failed: c.failed.iter().map(|(k, s)| (*k, s.as_str())).collect(),
        }
    }

    /// Whether any file of this kind failed to parse (so lookups in it are
    /// incomplete and "not found" proves nothing).
    pub(crate) fn broken(&self, kind: FileKind) -> bool {
        self.failed.iter().any(|(k, _)| *k == kind)
    }

    /// Whether the file of this kind and stem exists but failed to parse.
    pub(crate) fn broken_file(&self, kind: FileKind, stem: &str) -> bool {
        self.failed.contains(&(kind, stem))
    }
}
