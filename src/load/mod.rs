//! Reading the catalog: walk the tree, read and parse every file in
//! parallel, keep the text for spans, and assemble the typed [`Catalog`].
//! One bad file never stops the run: it yields findings and is left out of
//! the typed catalog; every other file is still checked.

mod file;
mod pass;
mod root;
mod value;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{
    AgenciesFile, At, Bundle, Catalog, CatalogMeta, DepartmentsFile, FileKind, Item, Local, MaterialsFile, RegionsFile,
};
use crate::schema::{self, Schema, Violation};
use crate::source::{FileId, SourceFile, Sources};
use crate::text::strip_bom;

use file::read_open;
pub use file::{read_regular, MAX_FILE_BYTES};
pub use pass::{parse, read_model};
pub(crate) use pass::{parse_each, read_each};
pub use root::{find_catalog, is_under, Target};

/// A file's path (relative to the catalog root, '/'-separated) and its
/// bytes, or the reason it could not be read.
pub struct RawFile {
    pub(crate) path: String,
    pub(crate) bytes: Result<Vec<u8>, String>,
}

/// The result of loading: all sources, the typed catalog, and the
/// problems met while reading and parsing, each with its file.
pub struct Loaded {
    pub sources: Sources,
    pub catalog: Catalog,
    pub(crate) problems: Vec<(FileId, Problem)>,
}

/// Walk `root` and read every file under it, in parallel, sorted by path so
/// runs are deterministic. An error here (no such directory) means the run
/// cannot happen at all.
pub fn read_tree(root: &Path) -> Result<Vec<RawFile>, String> {
    Ok(list_tree(root)?.into_par_iter().map(|l| l.read(root)).collect())
}

/// A data file the walk of a catalog found.
#[derive(Debug)]
pub struct Listed {
    /// Catalog-relative, '/'-separated.
    pub rel: String,
    /// On disk.
    pub path: std::path::PathBuf,
    /// The walk saw a regular file, not a link or anything else: it is
    /// read without a stat of its path first.
    regular: bool,
}

impl Listed {
    /// Read the file (see [`read_regular`] for what is refused); `root`
    /// is the catalog's, where links may lead.
    pub(crate) fn read(self, root: &Path) -> RawFile {
        let bytes = match self.regular {
            true => read_open(&self.path),
            false => read_regular(Some(root), &self.path),
        };
        RawFile { path: self.rel, bytes }
    }
}

/// Read the files listed (catalog-relative path, path on disk) in
/// parallel; `root` is the catalog's, where links may lead (see
/// [`read_regular`] for what is refused).
pub fn read_files(root: &Path, paths: Vec<(String, std::path::PathBuf)>) -> Vec<RawFile> {
    paths
        .into_par_iter()
        .map(|(rel, p)| RawFile {
            path: rel,
            bytes: read_regular(Some(root), &p),
        })
        .collect()
}

/// The data files under `root`: catalog-relative path and path on disk,
/// sorted by path. Every entry named like data that is not a directory is
/// listed — links, FIFOs, devices and sockets too — so that reading it
/// can refuse it with a finding rather than the file silently missing.
pub fn list_tree(root: &Path) -> Result<Vec<Listed>, String> {
    if !root.is_dir() {
        return Err(format!("目录不存在或不是目录：{}", root.display()));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let e = e
                .into_io_error()
                .map_or_else(|| "目录中有循环链接".to_string(), |e| crate::text::os_error(&e));
            format!("无法遍历目录 {}：{e}", root.display())
        })?;
        // A directory is walked into, not read; one named like a data
        // file (`items/x.json/`) is also listed, to be refused by name.
        if entry.file_type().is_dir() && !entry.file_name().to_string_lossy().ends_with(".json") {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if is_data_candidate(&rel) {
            // The entry's own kind (a link is not followed by the walk).
            let regular = entry.file_type().is_file();
            paths.push(Listed {
                rel,
                path: entry.into_path(),
                regular,
            });
        }
    }
    Ok(paths)
}

/// JSON files outside `schema/` are catalog data (or misplaced data, which
/// the unknown-file rule reports), and files under `forms/` are the forms
/// and samples the catalog ships (only their names are used). READMEs and
/// other files are ignored.
pub(crate) fn is_data_candidate(rel: &str) -> bool {
    rel.starts_with(crate::catalog::FORMS_DIR)
        || (rel.ends_with(".json") && !rel.starts_with(&format!("{}/", schema::SCHEMA_DIR)))
}

/// One file's parsed content, by kind.
pub(crate) enum Parsed {
    Meta(CatalogMeta),
    Regions(RegionsFile),
    Departments(DepartmentsFile),
    Materials(MaterialsFile),
    Agencies(AgenciesFile),
    Item(Box<Item>),
    Local(Box<Local>),
    Bundle(Box<Bundle>),
}

/// What went wrong reading one file, as a value: the rules layer owns the
/// findings' wording (`rules::load_finding`).
#[derive(Debug, Clone)]
pub enum Problem {
    /// The file could not be read (permissions, a broken link…).
    Unreadable(String),
    /// Read again to locate its findings, the file was no longer the text
    /// checked: changed (`None`) or no longer readable (the reason).
    Changed(Option<String>),
    /// Not UTF-8: the byte offset of the first bad byte.
    InvalidUtf8 { at: usize },
    /// A byte-order mark of this many bytes opens the file.
    Bom { len: usize },
    /// Not JSON: where, whether the file simply ended, serde_json's reason
    /// in Chinese.
    InvalidJson { at: usize, truncated: bool, reason: String },
    /// A key given twice: its pointer, the second key's byte range, and the
    /// line of the first.
    DuplicateKey {
        pointer: String,
        key: (usize, usize),
        first_line: usize,
    },
    /// A JSON file whose path has no kind in the catalog's layout.
    UnknownFile,
    /// A schema violation.
    Schema(Violation),
    /// The schema passed but the types refused (a bug to report, not hide).
    Typed { label: String, error: String },
}

/// The catalog from every file's result (in path order), with the forms'
/// paths.
fn assemble(forms: Vec<String>, results: Vec<FileResult>, first_id: FileId) -> Loaded {
    let mut loaded = Loaded {
        sources: Sources::default(),
        catalog: Catalog::default(),
        problems: Vec::new(),
    };
    loaded.catalog.forms = forms
        .into_iter()
        .map(|f| f[crate::catalog::FORMS_DIR.len()..].to_string())
        .collect();
    reserve(&mut loaded, &results);
    for (i, (source, problems, kind, parsed)) in results.into_iter().enumerate() {
        let id = first_id + i;
        loaded.problems.extend(problems.into_iter().map(|p| (id, p)));
        match (parsed, kind) {
            (Some(parsed), _) => {
                // An item whose code is not its file's name (a code the
                // schema refused, say) is still checked, but the code its
                // file names counts as broken: references to it are not
                // a cascade of unknown items.
                if let Parsed::Item(item) = &parsed {
                    let stem = source.path.rsplit('/').next().unwrap_or("").trim_end_matches(".json");
                    if item.code != stem {
                        loaded.catalog.failed.push((FileKind::Item, stem.to_string()));
                    }
                }
                add(&mut loaded.catalog, id, parsed);
            }
            (None, Some(kind)) => {
                let stem = source.path.rsplit('/').next().unwrap_or("").trim_end_matches(".json");
                loaded.catalog.failed.push((kind, stem.to_string()));
            }
            (None, None) => {}
        }
        loaded.sources.files.push(source);
    }
    loaded
}

/// Size the catalog's lists exactly: a national catalog's 100,000 local
/// files would otherwise be moved into a list grown by doubling, which
/// holds up to twice their size (issue 14).
fn reserve(loaded: &mut Loaded, results: &[FileResult]) {
    let (mut items, mut locals, mut bundles) = (0, 0, 0);
    for (.., parsed) in results {
        match parsed {
            Some(Parsed::Item(_)) => items += 1,
            Some(Parsed::Local(_)) => locals += 1,
            Some(Parsed::Bundle(_)) => bundles += 1,
            _ => {}
        }
    }
    loaded.catalog.items.reserve_exact(items);
    loaded.catalog.locals.reserve_exact(locals);
    loaded.catalog.bundles.reserve_exact(bundles);
    loaded.sources.files.reserve_exact(results.len());
}

/// Each element of a registry list, addressed by its pointer.
fn each<'a, T: 'a>(file: FileId, name: &'a str, list: Vec<T>) -> impl Iterator<Item = At<T>> + 'a {
    list.into_iter().enumerate().map(move |(i, value)| At {
        file,
        pointer: format!("/{name}/{i}"),
        value,
    })
}

fn whole<T>(file: FileId, value: T) -> At<T> {
    At {
        file,
        pointer: String::new(),
        value,
    }
}

/// Put one parsed file into the catalog.
fn add(catalog: &mut Catalog, id: FileId, parsed: Parsed) {
    match parsed {
        Parsed::Meta(m) => {
            catalog.meta.get_or_insert(whole(id, m));
        }
        Parsed::Regions(f) => catalog.regions.extend(each(id, "regions", f.regions)),
        Parsed::Departments(f) => catalog.departments.extend(each(id, "departments", f.departments)),
        Parsed::Materials(f) => catalog.materials.extend(each(id, "materials", f.materials)),
        Parsed::Agencies(f) => {
            catalog.agency_files.push(At {
                file: id,
                pointer: "/region".into(),
                value: f.region,
            });
            catalog.agencies.extend(each(id, "agencies", f.agencies));
        }
        Parsed::Item(v) => catalog.items.push(whole(id, v)),
        Parsed::Local(v) => catalog.locals.push(whole(id, v)),
        Parsed::Bundle(v) => catalog.bundles.push(whole(id, *v)),
    }
}

/// One file's result: its source, problems, kind (when its path has one)
/// and typed content (when it parsed).
type FileResult = (SourceFile, Vec<Problem>, Option<FileKind>, Option<Parsed>);

fn parse_one(raw: RawFile) -> FileResult {
    let kind = FileKind::of_path(&raw.path);
    let (src, mut problems, value) = read_json(raw);
    let Some(value) = value else {
        return (src, problems, kind, None);
    };
    let Some(kind) = kind else {
        problems.push(Problem::UnknownFile);
        return (src, problems, None, None);
    };
    let schema = schema::catalog(kind);
    let p = &mut problems;
    let parsed = match kind {
        FileKind::Meta => check_typed(schema, value, p).map(Parsed::Meta),
        FileKind::Regions => check_typed(schema, value, p).map(Parsed::Regions),
        FileKind::Departments => check_typed(schema, value, p).map(Parsed::Departments),
        FileKind::Materials => check_typed(schema, value, p).map(Parsed::Materials),
        FileKind::Agencies => check_typed(schema, value, p).map(Parsed::Agencies),
        FileKind::Item => check_typed(schema, value, p).map(|v| Parsed::Item(Box::new(v))),
        FileKind::Local => check_typed(schema, value, p).map(|v| Parsed::Local(Box::new(v))),
        FileKind::Bundle => check_typed(schema, value, p).map(|v| Parsed::Bundle(Box::new(v))),
    };
    (src, problems, Some(kind), parsed)
}

/// Read one configuration-like document (a `rules/` file, an import
/// mapping) through the same stages as a catalog file: bytes, UTF-8, BOM,
/// JSON syntax, duplicate keys, schema (every violation), typed parse.
pub(crate) fn parse_document<T: DeserializeOwned>(
    raw: RawFile,
    schema: &Schema,
) -> (SourceFile, Vec<Problem>, Option<T>) {
    let (src, mut problems, value) = read_json(raw);
    let typed = value.and_then(|v| check_typed(schema, v, &mut problems));
    (src, problems, typed)
}

/// Validate against the schema, then parse into the type. `None` when
/// either refused (the problems say why).
fn check_typed<T: DeserializeOwned>(schema: &Schema, value: Value, problems: &mut Vec<Problem>) -> Option<T> {
    let violations = schema.check(&value);
    let schema_failed = !violations.is_empty();
    problems.extend(violations.into_iter().map(Problem::Schema));
    // A file with schema violations that still reads as the type stays in
    // the catalog, so its other checks run too.
    match typed(value) {
        Ok(t) => Some(t),
        Err(e) => {
            if !schema_failed {
                problems.push(Problem::Typed {
                    label: schema.label.clone(),
                    error: strip_position(&e),
                });
            }
            None
        }
    }
}

/// Bytes to a JSON value: UTF-8, BOM, syntax, duplicate keys.
fn read_json(raw: RawFile) -> (SourceFile, Vec<Problem>, Option<Value>) {
    let mut problems = Vec::new();
    let bytes = match raw.bytes {
        Ok(b) => b,
        Err(e) => {
            problems.push(Problem::Unreadable(e));
            return (SourceFile::new(raw.path, Arc::from("")), problems, None);
        }
    };
    // Text: exact when UTF-8; otherwise lossy, which keeps every offset up
    // to the first bad byte, so that finding still points at the right place.
    let (text, utf8_error) = match std::str::from_utf8(&bytes) {
        Ok(t) => (Arc::<str>::from(t), None),
        Err(e) => (
            Arc::<str>::from(String::from_utf8_lossy(&bytes).as_ref()),
            Some(e.valid_up_to()),
        ),
    };
    let mut src = SourceFile::new(raw.path, text);
    if let Some(at) = utf8_error {
        problems.push(Problem::InvalidUtf8 { at });
        return (src, problems, None);
    }
    let base = src.text.len() - strip_bom(&src.text).len();
    if base > 0 {
        problems.push(Problem::Bom { len: base });
    }
    let (value, repeated) = match value::parse(&src.text[base..]) {
        Ok(v) => v,
        Err(e) => {
            problems.push(syntax_problem(&src, base, &e));
            return (src, problems, None);
        }
    };
    src.json = true;
    if repeated {
        duplicate_keys(&src, base, &mut problems);
    }
    (src, problems, Some(value))
}

/// Where and why serde_json refused the text.
fn syntax_problem(src: &SourceFile, base: usize, e: &serde_json::Error) -> Problem {
    // A truncated file is reported where it ends; other errors where
    // serde_json stopped (its column counts bytes).
    let off = if e.is_eof() {
        src.text.len()
    } else if e.line() <= 1 {
        src.offset_of(e.line(), e.column()) + base
    } else {
        src.offset_of(e.line(), e.column())
    }
    .min(src.text.len());
    // serde_json stops at the bracket after a trailing comma; point at the
    // comma itself.
    let message = e.to_string();
    let before = src.text[..off].trim_end();
    let at = if message.starts_with("trailing comma") && before.ends_with(',') {
        before.len() - 1
    } else {
        off
    };
    Problem::InvalidJson {
        at,
        truncated: e.is_eof(),
        reason: json_error_zh(&strip_position(&message)),
    }
}

fn duplicate_keys(src: &SourceFile, base: usize, problems: &mut Vec<Problem>) {
    // serde_json accepted the text: scan it without a second check.
    for dup in crate::spans::Tree::valid(&src.text, base).duplicate_keys() {
        problems.push(Problem::DuplicateKey {
            first_line: src.line_col(dup.first.0).0,
            pointer: dup.pointer,
            key: dup.key,
        });
    }
}

fn typed<T: DeserializeOwned>(v: Value) -> Result<T, String> {
    serde_json::from_value(v).map_err(|e| e.to_string())
}

/// serde_json's syntax messages in Chinese (the original kept in
/// parentheses for the ones not translated).
pub(crate) fn json_error_zh(msg: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("trailing comma", "末尾多余的逗号"),
        ("expected `,` or `}`", "缺少逗号或右花括号 }"),
        ("expected `,` or `]`", "缺少逗号或右方括号 ]"),
        ("expected `:`", "字段名后缺少冒号"),
        ("key must be a string", "字段名必须是带双引号的字符串"),
        ("expected value", "此处应为一个 JSON 值"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("control character", "字符串中有未转义的控制字符（如换行、制表符）"),
        ("invalid escape", "无效的转义序列"),
        ("invalid unicode code point", "无效的 Unicode 转义"),
        ("number out of range", "数字超出范围"),
        ("invalid number", "无效的数字"),
        ("trailing characters", "JSON 结束后还有多余的字符"),
        ("recursion limit exceeded", "嵌套层数过深"),
        ("lone leading surrogate", "无效的 Unicode 代理项"),
    ];
    match KNOWN.iter().find(|(en, _)| msg.starts_with(en)) {
        Some((_, zh)) => zh.to_string(),
        None => format!("语法错误（{msg}）"),
    }
}

/// serde_json appends " at line L column C"; we show our own position.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
