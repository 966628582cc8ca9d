//! The semantic diff of two catalog versions (issue 8): elements paired by
//! identity (items by 基本编码, local files by region and 基本编码 with
//! re-coded regions followed, registries by id; inside an element,
//! materials by registry id, conditions and steps by text similarity),
//! every change classified by its effect on applicants (`classes`).
//! Pure: two loaded catalogs in, a [`Diff`] out.

pub mod classes;
mod compare;
mod items;
mod lineage;
mod locals;
mod registries;
pub mod text;

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

pub use classes::Class;

use crate::catalog::Catalog;
use crate::load::{Loaded, Problem};
use crate::source::Sources;

/// One side of the diff: a label for messages (a revision or a
/// directory) and what was loaded from it.
pub struct Side<'a> {
    pub label: &'a str,
    pub loaded: &'a Loaded,
}

/// One change, as the JSON output documents it.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The file (catalog-relative; the HEAD side's path, or the BASE's
    /// when the file is gone).
    pub file: String,
    /// JSON pointer of the element in that file ("" = the whole file).
    pub pointer: String,
    pub class: Class,
    /// Stable id of the kind of change (`classes::KINDS`).
    pub kind: &'static str,
    /// Chinese name of the kind.
    pub label: &'static str,
    /// The item (基本编码) the change belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The region (区划代码) of a local file's change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The old and new value as shown to a reviewer (absent: added/removed).
    pub old: Option<String>,
    pub new: Option<String>,
    /// Old and new text with the changed characters marked (`[-…-]`,
    /// `{+…+}`), for changed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marked: Option<(String, String)>,
    /// Regions whose applicants the change reaches: the region of a local
    /// file, or every region implementing an item of the standard.
    pub regions: Vec<String>,
}

/// A file that could not be read or parsed on one side: reported, and
/// left out of the diff.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub side: String,
    pub file: String,
    pub message: String,
}

/// The diff: changes (增负 first, then by file and pointer) and notes.
#[derive(Debug, Default, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
    /// HEAD files that continue a BASE file under another path (a local
    /// file re-coded with its region or item, an item re-coded): HEAD
    /// path → BASE path. Not part of the JSON output.
    #[serde(skip)]
    pub predecessors: BTreeMap<String, String>,
    /// HEAD local files of an item split or merged from others: HEAD path
    /// → the BASE local files of the same region of the old items. Not
    /// part of the JSON output.
    #[serde(skip)]
    pub origins: BTreeMap<String, Vec<String>>,
}

impl Diff {
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }
}

/// Where a change is reported and whom it reaches.
#[derive(Clone, Default)]
pub(crate) struct Ctx {
    pub(crate) file: String,
    pub(crate) item: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) regions: Vec<String>,
}

/// The changes being collected.
#[derive(Default)]
pub(crate) struct Out {
    pub(crate) changes: Vec<Change>,
    pub(crate) predecessors: BTreeMap<String, String>,
    pub(crate) origins: BTreeMap<String, Vec<String>>,
}

impl Out {
    pub(crate) fn push(
        &mut self,
        ctx: &Ctx,
        kind: &'static str,
        pointer: &str,
        old: Option<String>,
        new: Option<String>,
    ) {
        let (class, label) = classes::of(kind);
        let marked = match (&old, &new) {
            (Some(o), Some(n)) if o != n && !o.is_empty() && !n.is_empty() => Some(text::marked(o, n)),
            _ => None,
        };
        self.changes.push(Change {
            file: ctx.file.clone(),
            pointer: pointer.to_string(),
            class,
            kind,
            label,
            item: ctx.item.clone(),
            region: ctx.region.clone(),
            old,
            new,
            marked,
            regions: ctx.regions.clone(),
        });
    }
}

/// Compare two sides.
pub fn diff(base: &Side, head: &Side) -> Diff {
    let mut notes = failed_notes(base);
    notes.extend(failed_notes(head));
    let failed: HashSet<String> = notes.iter().map(|n| n.file.clone()).collect();
    let mut out = Out::default();
    let (b, h) = (&base.loaded.catalog, &head.loaded.catalog);
    let (bs, hs) = (&base.loaded.sources, &head.loaded.sources);
    let implementing = implementing(b, h);
    let lineage = lineage::lineage(b, h);
    items::compare(&mut out, (b, bs), (h, hs), (&implementing, &lineage), &failed);
    locals::compare(&mut out, (b, bs), (h, hs), &lineage, &failed);
    registries::compare(&mut out, (b, bs), (h, hs), &failed);
    let mut changes = out.changes;
    changes.sort_by(|x, y| (x.class, &x.file, &x.pointer).cmp(&(y.class, &y.file, &y.pointer)));
    Diff {
        changes,
        notes,
        predecessors: out.predecessors,
        origins: out.origins,
    }
}

/// Regions implementing each item: on the HEAD side, or the BASE side
/// for an item HEAD no longer has.
fn implementing(base: &Catalog, head: &Catalog) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in &head.locals {
        m.entry(l.value.item.to_string())
            .or_default()
            .push(l.value.region.to_string());
    }
    for l in &base.locals {
        if !head.items.iter().any(|i| i.value.code == l.value.item) {
            m.entry(l.value.item.to_string())
                .or_default()
                .push(l.value.region.to_string());
        }
    }
    for v in m.values_mut() {
        v.sort();
        v.dedup();
    }
    m
}

pub(crate) fn path(sources: &Sources, id: usize) -> String {
    sources.files.get(id).map(|f| f.path.clone()).unwrap_or_default()
}

/// Files with a problem that kept them out of the typed catalog.
fn failed_notes(side: &Side) -> Vec<Note> {
    let c = &side.loaded.catalog;
    let mut typed: HashSet<usize> = HashSet::new();
    typed.extend(c.meta.iter().map(|m| m.file));
    typed.extend(c.regions.iter().map(|x| x.file));
    typed.extend(c.departments.iter().map(|x| x.file));
    typed.extend(c.materials.iter().map(|x| x.file));
    typed.extend(c.agency_files.iter().map(|x| x.file));
    typed.extend(c.items.iter().map(|x| x.file));
    typed.extend(c.locals.iter().map(|x| x.file));
    typed.extend(c.bundles.iter().map(|x| x.file));
    let mut seen = HashSet::new();
    let mut notes = Vec::new();
    for (id, problem) in &side.loaded.problems {
        let file = path(&side.loaded.sources, *id);
        let fatal = !typed.contains(id) && crate::catalog::FileKind::of_path(&file).is_some();
        if fatal && seen.insert(*id) {
            notes.push(Note {
                side: side.label.to_string(),
                file,
                message: describe(problem),
            });
        }
    }
    notes
}

fn describe(p: &Problem) -> String {
    match p {
        Problem::Unreadable(e) => format!("无法读取：{e}"),
        Problem::InvalidUtf8 { at } => format!("不是 UTF-8 文本（第 {at} 字节起）"),
        Problem::InvalidJson { reason, .. } => format!("不是有效的 JSON：{reason}"),
        Problem::Schema(_) | Problem::Typed { .. } => "不符合目录格式".to_string(),
        Problem::DuplicateKey { .. } | Problem::Bom { .. } | Problem::UnknownFile | Problem::Changed(_) => {
            "无法解析".to_string()
        }
    }
}
