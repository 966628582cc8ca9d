//! The target catalog's registries, read before the import: catalog.json,
//! regions, departments, materials, agencies (from `--registry` where the
//! target has none), the existing items and the list of existing files.
//! Registry files copied from `--registry` are added to the files planned.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::build::{Action, FileOut, Registry};
use crate::catalog::{AgenciesFile, Agency, CatalogMeta, DepartmentsFile, Item, MaterialsFile, RegionsFile};

/// Registry files copied from `--registry`: written only where the target
/// has none.
pub(super) struct Copies {
    /// Registry files the target lacked, copied verbatim.
    files: Vec<(String, String)>,
    /// agencies/<region>.json from `--registry` the target lacks, by region.
    agencies: BTreeMap<String, String>,
}

/// Read the target's registries (from `--registry` where the target has
/// none), its items and the list of its existing data files.
pub(super) fn load(out: &Path, fallback: Option<&Path>) -> Result<(Registry, Copies), String> {
    let mut files = Files {
        out,
        fallback,
        copies: Copies {
            files: Vec::new(),
            agencies: BTreeMap::new(),
        },
        missing: Vec::new(),
    };
    let core = files.core()?;
    let mut agencies = Agencies::default();
    agencies.read_dir(out, None)?;
    if let Some(dir) = fallback {
        agencies.read_dir(dir, Some(&mut files.copies.agencies))?;
    }
    let (items, existing) = existing(out)?;
    // An agencies file copied from --registry gets new entries appended in
    // the target: it is then written as a whole (with the copy's entries).
    let reg = Registry {
        meta: core.meta,
        regions: core.regions.regions,
        departments: core.departments.departments,
        materials: core.materials,
        materials_file: core.materials_file,
        agencies_files: agencies.files,
        agencies: agencies.typed,
        items,
        existing,
    };
    Ok((reg, files.copies))
}

/// The registry files every import needs, and materials.json.
struct Core {
    meta: CatalogMeta,
    regions: RegionsFile,
    departments: DepartmentsFile,
    /// materials.json as JSON (entries are appended to it), if there is one.
    materials_file: Option<Value>,
    materials: Vec<crate::catalog::Material>,
}

/// Reads registry files from the target, or from `--registry` (noting the
/// copy).
struct Files<'a> {
    out: &'a Path,
    fallback: Option<&'a Path>,
    copies: Copies,
    /// Required files found in neither place.
    missing: Vec<String>,
}

impl Files<'_> {
    /// A registry file's path and text, from the target or else `--registry`.
    fn read(&mut self, name: &str, required: bool) -> Result<Option<(PathBuf, String)>, String> {
        let p = self.out.join(name);
        if p.exists() {
            return Ok(Some((p.clone(), read_text(&p)?)));
        }
        if let Some(dir) = self.fallback {
            let q = dir.join(name);
            if q.is_file() {
                let t = read_text(&q)?;
                self.copies.files.push((name.to_string(), t.clone()));
                return Ok(Some((q, t)));
            }
        }
        if required {
            self.missing.push(name.to_string());
        }
        Ok(None)
    }

    fn core(&mut self) -> Result<Core, String> {
        let meta = self.read("catalog.json", true)?;
        let regions = self.read("regions.json", true)?;
        let departments = self.read("departments.json", true)?;
        let materials = self.read("materials.json", false)?;
        let (Some(meta), Some(regions), Some(departments)) = (meta, regions, departments) else {
            return Err(format!(
                "目标目录 {} 缺少 {}；导入需要目标目录的目录信息、区划表和部门表：用 --registry 指定从哪个目录复制（如 --registry catalog），或先将这些文件复制到目标目录",
                self.out.display(),
                self.missing.join("、")
            ));
        };
        let meta = parse_file(&meta.0, crate::text::strip_bom(&meta.1))?;
        let regions = parse_file(&regions.0, crate::text::strip_bom(&regions.1))?;
        let departments = parse_file(&departments.0, crate::text::strip_bom(&departments.1))?;
        let (materials_file, materials) = match materials {
            Some((p, t)) => {
                let t = crate::text::strip_bom(&t);
                let typed: MaterialsFile = parse_file(&p, t)?;
                let raw: Value = parse_file(&p, t)?;
                // A copied file is new in the target: entries are appended to the copy.
                (Some(raw), typed.materials)
            }
            None => (None, Vec::new()),
        };
        Ok(Core {
            meta,
            regions,
            departments,
            materials_file,
            materials,
        })
    }
}

/// agencies/<region>.json files by region: as JSON and as typed entries.
#[derive(Default)]
struct Agencies {
    files: BTreeMap<String, Value>,
    typed: BTreeMap<String, Vec<Agency>>,
}

impl Agencies {
    /// Read `dir`/agencies/*.json for the regions not read yet; with
    /// `copies`, the files read are copies from `--registry`.
    fn read_dir(&mut self, dir: &Path, mut copies: Option<&mut BTreeMap<String, String>>) -> Result<(), String> {
        let Ok(entries) = std::fs::read_dir(dir.join("agencies")) else {
            return Ok(());
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = read_text(&p)?;
            let t = crate::text::strip_bom(&text);
            let typed: AgenciesFile = parse_file(&p, t)?;
            if self.typed.contains_key(&typed.region) {
                continue;
            }
            let raw: Value = parse_file(&p, t)?;
            if let Some(c) = copies.as_deref_mut() {
                c.insert(typed.region.clone(), t.to_string());
            }
            self.files.insert(typed.region.clone(), raw);
            self.typed.insert(typed.region.clone(), typed.agencies);
        }
        Ok(())
    }
}

type Existing = (BTreeMap<String, Result<Item, String>>, BTreeSet<String>);

/// The target's items (or why each does not read) and all its files,
/// catalog-relative.
fn existing(out: &Path) -> Result<Existing, String> {
    let mut items = BTreeMap::new();
    let mut existing = BTreeSet::new();
    if !out.is_dir() {
        return Ok((items, existing));
    }
    // The same listing lint reads (data files only: what import writes).
    for crate::load::Listed { rel, path, .. } in crate::load::list_tree(out)? {
        if let Some(name) = rel.strip_prefix("items/").and_then(|n| n.strip_suffix(".json")) {
            let item = regular(&path)
                .and_then(|()| std::fs::read_to_string(&path).map_err(|e| crate::text::os_error(&e)))
                .and_then(|t| serde_json::from_str(crate::text::strip_bom(&t)).map_err(|e| e.to_string()));
            items.insert(name.to_string(), item);
        }
        existing.insert(rel);
    }
    Ok((items, existing))
}

/// A file's text; anything but a regular file (a FIFO, a device, a
/// socket, a directory) is refused rather than opened, so a FIFO in the
/// target cannot block the import.
/// Temporary files an interrupted write left in the target (the atomic
/// writes' `.tmpXXXXXX`, renamed into place when complete): removed by
/// the next import.
pub(super) fn stale_temporaries(out: &Path) -> Vec<PathBuf> {
    if !out.is_dir() {
        return Vec::new();
    }
    let is_temp = |name: &str| {
        name.strip_prefix(".tmp")
            .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    walkdir::WalkDir::new(out)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_str().is_some_and(is_temp))
        .map(|e| e.path().to_path_buf())
        .collect()
}

fn read_text(p: &Path) -> Result<String, String> {
    regular(p)?;
    std::fs::read_to_string(p).map_err(|e| format!("无法读取 {}：{}", p.display(), crate::text::os_error(&e)))
}

fn regular(p: &Path) -> Result<(), String> {
    match std::fs::metadata(p) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(format!(
            "{} 不是普通文件（是目录、FIFO、设备或套接字），不读取；请移走它再导入",
            p.display()
        )),
        Err(e) => Err(format!("无法读取 {}：{}", p.display(), crate::text::os_error(&e))),
    }
}

fn parse_file<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "无法读取 {}：{e}；请先用 tongbiao lint 检查并修正该文件",
            path.display()
        )
    })
}

/// Copy `--registry` agency files of the regions the import writes local
/// files in (their agencies are referenced), and the core registry files.
pub(super) fn add_copies(files: &mut Vec<FileOut>, copies: Copies) {
    let mut regions: BTreeSet<String> = BTreeSet::new();
    for f in files.iter() {
        if let Some(rest) = f.path.strip_prefix("local/") {
            if let Some((r, _)) = rest.split_once('/') {
                regions.insert(r.to_string());
            }
        }
    }
    for (region, text) in copies.agencies {
        let path = format!("agencies/{region}.json");
        if regions.contains(&region) && !files.iter().any(|f| f.path == path) {
            files.push(FileOut {
                path,
                text,
                action: Action::Create,
            });
        }
    }
    for (path, text) in copies.files {
        if files.iter().any(|f| f.path == path) {
            // Entries were appended to the copy: written as one file.
            continue;
        }
        files.push(FileOut {
            path,
            text,
            action: Action::Create,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}
