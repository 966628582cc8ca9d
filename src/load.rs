//! Reading the catalog: walk the tree, read and parse every file in
//! parallel, keep the text for spans, and assemble the typed [`Catalog`].
//! One bad file never stops the run: it yields findings and is left out of
//! the typed catalog; every other file is still checked.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{
    AgenciesFile, At, Bundle, Catalog, CatalogMeta, DepartmentsFile, FileKind, Item, Local, MaterialsFile, RegionsFile,
};
use crate::diag::Diagnostic;
use crate::rules;
use crate::schema;
use crate::source::{FileId, SourceFile, Sources};

/// A file's path (relative to the catalog root, '/'-separated) and its
/// bytes, or the reason it could not be read.
pub struct RawFile {
    pub path: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// The result of loading: all sources, the typed catalog, and the findings
/// made while reading and parsing.
pub struct Loaded {
    pub sources: Sources,
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walk `root` and read every file under it, in parallel, sorted by path so
/// runs are deterministic. An error here (no such directory) means the run
/// cannot happen at all.
pub fn read_tree(root: &Path) -> Result<Vec<RawFile>, String> {
    if !root.is_dir() {
        return Err(format!("目录不存在或不是目录：{}", root.display()));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("无法遍历目录 {}：{e}", root.display()))?;
        if !entry.file_type().is_file() {
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
            paths.push((rel, entry.into_path()));
        }
    }
    Ok(paths
        .into_par_iter()
        .map(|(rel, p)| RawFile {
            path: rel,
            bytes: std::fs::read(&p).map_err(|e| e.to_string()),
        })
        .collect())
}

/// JSON files outside `schema/` are catalog data (or misplaced data, which
/// the unknown-file rule reports). READMEs and other files are ignored.
fn is_data_candidate(rel: &str) -> bool {
    rel.ends_with(".json") && !rel.starts_with(&format!("{}/", schema::SCHEMA_DIR))
}

/// One file's parsed content, by kind.
pub enum Parsed {
    Meta(CatalogMeta),
    Regions(RegionsFile),
    Departments(DepartmentsFile),
    Materials(MaterialsFile),
    Agencies(AgenciesFile),
    Item(Box<Item>),
    Local(Box<Local>),
    Bundle(Box<Bundle>),
    RulesConfig(crate::config::raw::RulesFile),
    Lexicon(crate::config::raw::LexiconFile),
    Exemptions(crate::config::raw::ExemptionsFile),
}

/// Parse every file (in parallel) and assemble the catalog. Pure: no I/O.
/// File ids start at `first_id` (the ids before it belong to `rules/`).
pub fn parse(files: Vec<RawFile>, first_id: FileId) -> Loaded {
    let results: Vec<Outcome1> = files
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| parse_one(first_id + i, raw))
        .collect();

    let mut sources = Sources::default();
    let mut catalog = Catalog::default();
    let mut diagnostics = Vec::new();
    for (i, (source, diags, kind, parsed)) in results.into_iter().enumerate() {
        let id = first_id + i;
        let Some(parsed) = parsed else {
            if let Some(kind) = kind {
                let stem = source.path.rsplit('/').next().unwrap_or("").trim_end_matches(".json");
                catalog.failed.push((kind, stem.to_string()));
            }
            sources.files.push(source);
            diagnostics.extend(diags);
            continue;
        };
        sources.files.push(source);
        diagnostics.extend(diags);
        let list = |name: &str, i: usize| format!("/{name}/{i}");
        match parsed {
            Parsed::Meta(m) => {
                catalog.meta.get_or_insert(At {
                    file: id,
                    pointer: String::new(),
                    value: m,
                });
            }
            Parsed::Regions(f) => catalog
                .regions
                .extend(f.regions.into_iter().enumerate().map(|(i, value)| At {
                    file: id,
                    pointer: list("regions", i),
                    value,
                })),
            Parsed::Departments(f) => {
                catalog
                    .departments
                    .extend(f.departments.into_iter().enumerate().map(|(i, value)| At {
                        file: id,
                        pointer: list("departments", i),
                        value,
                    }))
            }
            Parsed::Materials(f) => catalog
                .materials
                .extend(f.materials.into_iter().enumerate().map(|(i, value)| At {
                    file: id,
                    pointer: list("materials", i),
                    value,
                })),
            Parsed::Agencies(f) => {
                catalog.agency_files.push(At {
                    file: id,
                    pointer: "/region".into(),
                    value: f.region,
                });
                catalog
                    .agencies
                    .extend(f.agencies.into_iter().enumerate().map(|(i, value)| At {
                        file: id,
                        pointer: list("agencies", i),
                        value,
                    }))
            }
            Parsed::Item(v) => catalog.items.push(At {
                file: id,
                pointer: String::new(),
                value: *v,
            }),
            Parsed::Local(v) => catalog.locals.push(At {
                file: id,
                pointer: String::new(),
                value: *v,
            }),
            Parsed::Bundle(v) => catalog.bundles.push(At {
                file: id,
                pointer: String::new(),
                value: *v,
            }),
            // Never produced for catalog paths.
            Parsed::RulesConfig(_) | Parsed::Lexicon(_) | Parsed::Exemptions(_) => {}
        }
    }
    Loaded {
        sources,
        catalog,
        diagnostics,
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One file's result: its source, findings, kind (when its path has one)
/// and typed content (when it parsed).
type Outcome1 = (SourceFile, Vec<Diagnostic>, Option<FileKind>, Option<Parsed>);

fn parse_one(id: FileId, raw: RawFile) -> Outcome1 {
    let kind = FileKind::of_path(&raw.path);
    let (src, diags, parsed) = parse_typed(id, raw, kind);
    (src, diags, kind, parsed)
}

/// Read one file of a known (or unknown) kind through every stage: bytes,
/// UTF-8, BOM, JSON syntax, duplicate keys, schema, typed parse.
pub fn parse_typed(id: FileId, raw: RawFile, kind: Option<FileKind>) -> (SourceFile, Vec<Diagnostic>, Option<Parsed>) {
    let mut diags = Vec::new();
    let bytes = match raw.bytes {
        Ok(b) => b,
        Err(e) => {
            let src = SourceFile::new(raw.path, Arc::from(""));
            diags.push(
                rules::unreadable_file::RULE
                    .at_bytes(id, 0, 0)
                    .message(format!("无法读取文件：{e}"))
                    .help("检查文件权限，或该路径是否为损坏的链接"),
            );
            return (src, diags, None);
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
    let src = SourceFile::new(raw.path, text);
    if let Some(at) = utf8_error {
        diags.push(
            rules::invalid_utf8::RULE
                .at_bytes(id, at, at + 1)
                .message("文件不是合法的 UTF-8 编码")
                .help("以 UTF-8（无 BOM）重新保存此文件；GBK/GB18030 编码的文件须先转换"),
        );
        return (src, diags, None);
    }

    let base = if bytes.starts_with(BOM) {
        diags.push(
            rules::bom::RULE
                .at_bytes(id, 0, BOM.len())
                .message("文件以字节顺序标记（BOM）开头")
                .help("以 UTF-8（无 BOM）重新保存此文件"),
        );
        BOM.len()
    } else {
        0
    };

    let body = &src.text[base..];
    let value: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) => {
            // A truncated file is reported where it ends; other errors
            // where serde_json stopped (its column counts bytes).
            let off = if e.is_eof() {
                src.text.len()
            } else if e.line() <= 1 {
                src.offset_of(e.line(), e.column()) + base
            } else {
                src.offset_of(e.line(), e.column())
            }
            .min(src.text.len());
            let (message, help) = if e.is_eof() {
                (
                    "JSON 不完整：文件在此处意外结束（文件可能被截断）".to_string(),
                    "补全缺失的括号或内容；若文件在传输中被截断，请从版本库恢复".to_string(),
                )
            } else {
                (
                    format!("不是合法的 JSON：{}", json_error_zh(&strip_position(&e.to_string()))),
                    "检查此处的引号、逗号和括号；JSON 不允许注释和末尾逗号".to_string(),
                )
            };
            // serde_json stops at the bracket after a trailing comma; point
            // at the comma itself.
            let off = if e.to_string().starts_with("trailing comma") {
                let before = src.text[..off].trim_end();
                if before.ends_with(',') {
                    before.len() - 1
                } else {
                    off
                }
            } else {
                off
            };
            diags.push(
                rules::invalid_json::RULE
                    .at_bytes(id, off, off)
                    .message(message)
                    .help(help),
            );
            return (src, diags, None);
        }
    };

    if let Some(tree) = crate::spans::Tree::parse(&src.text, base) {
        for dup in tree.duplicate_keys() {
            let (line, _) = src.line_col(dup.first.0);
            let key = crate::spans::segments(&dup.pointer).last().unwrap_or_default();
            let mut d = rules::duplicate_key::RULE
                .at_key(id, &dup.pointer)
                .message(format!("重复的字段“{key}”：第 {line} 行已有同名字段"))
                .help("删除其中一个；JSON 解析器只保留最后一个，前面的内容会被静默丢弃");
            d.span = Some(dup.key);
            diags.push(d);
        }
    }

    let Some(kind) = kind else {
        diags.push(
            rules::unknown_file::RULE
                .at(id, "")
                .message("此文件不在目录约定的位置，tongbiao 不会读取它")
                .help("事项放在 items/，实施清单放在 local/<区划代码>/，一件事放在 bundles/，实施主体放在 agencies/；见 catalog/README.md"),
        );
        return (src, diags, None);
    };

    let before = diags.len();
    schema::validate(kind, id, &value, &mut diags);
    let schema_failed = diags.len() > before;
    let parsed = match kind {
        FileKind::Meta => typed(value).map(Parsed::Meta),
        FileKind::Regions => typed(value).map(Parsed::Regions),
        FileKind::Departments => typed(value).map(Parsed::Departments),
        FileKind::Materials => typed(value).map(Parsed::Materials),
        FileKind::Agencies => typed(value).map(Parsed::Agencies),
        FileKind::Item => typed(value).map(|v| Parsed::Item(Box::new(v))),
        FileKind::Local => typed(value).map(|v| Parsed::Local(Box::new(v))),
        FileKind::Bundle => typed(value).map(|v| Parsed::Bundle(Box::new(v))),
        FileKind::RulesConfig => typed(value).map(Parsed::RulesConfig),
        FileKind::Lexicon => typed(value).map(Parsed::Lexicon),
        FileKind::Exemptions => typed(value).map(Parsed::Exemptions),
    };
    match parsed {
        Ok(p) => (src, diags, Some(p)),
        Err(e) => {
            if !schema_failed {
                // The schema and the types disagree: report rather than hide.
                diags.push(
                    rules::schema::RULE
                        .at(id, "")
                        .message(format!("无法按{}读取：{}", kind.label(), strip_position(&e)))
                        .help("对照 catalog/schema 修改"),
                );
            }
            (src, diags, None)
        }
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

#[cfg(test)]
mod robustness {
    use crate::testing::{lint_with, ITEM, LOCAL};

    /// Every truncation of a real file, and files with bytes flipped, give
    /// findings — never a panic — and the report renders.
    #[test]
    fn truncated_and_corrupted_files_never_panic() {
        let bytes = ITEM.as_bytes();
        for cut in (0..bytes.len()).step_by(61) {
            let text = String::from_utf8_lossy(&bytes[..cut]).to_string();
            let out = lint_with(&[("items/630101001000.json", Some(&text))]);
            let _ = crate::report::human(&out, true, false);
            let _ = crate::report::json(&out);
        }
        let local = LOCAL.as_bytes();
        for at in (0..local.len()).step_by(37) {
            for b in [b'"', b'\\', 0xFF] {
                let mut v = local.to_vec();
                v[at] = b;
                let text = String::from_utf8_lossy(&v).to_string();
                let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
                let _ = crate::report::human(&out, true, false);
            }
        }
    }
}
