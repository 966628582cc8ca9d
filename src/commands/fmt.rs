//! `tongbiao fmt`: rewrite catalog files in their canonical form
//! (`canonical`), or with `--check` list the files that are not.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Outcome, Status};
use crate::canonical::{canonical_with, NotJson};
use crate::catalog::FileKind;
use crate::load::{self, RawFile};
use crate::reports::terminal::safe_line;

/// Arguments of `tongbiao fmt`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 目录或单个文件（默认 catalog）；目录中 schema/ 下的文件和不属于目录结构的文件不处理
    #[arg(default_value = "catalog")]
    pub(crate) paths: Vec<PathBuf>,
    /// 只检查不写文件：列出不是规范格式的文件（有则退出码 1）
    #[arg(long)]
    pub(crate) check: bool,
}

/// One file to format: where it is on disk, how it is shown, its kind.
struct Target {
    disk: PathBuf,
    shown: String,
    kind: FileKind,
    bytes: Result<Vec<u8>, String>,
}

/// What became of one file.
enum Verdict {
    Canonical,
    Changed(String),
    /// Not formatted: the line and column when there is one, the reason.
    Refused(Option<(usize, usize)>, String),
}

pub(super) fn run(args: &Args) -> Outcome {
    let mut targets = Vec::new();
    for path in &args.paths {
        if let Err(e) = collect(path, &mut targets) {
            return Outcome::failed(e);
        }
    }
    let verdicts: Vec<Verdict> = targets.par_iter().map(verdict).collect();
    let mut o = Outcome::default();
    let mut changed = Vec::new();
    for (t, v) in targets.iter().zip(verdicts) {
        match v {
            Verdict::Canonical => {}
            Verdict::Changed(text) => {
                changed.push(t.shown.as_str());
                if !args.check {
                    o.write(t.disk.clone(), text, false);
                }
            }
            Verdict::Refused(at, why) => {
                let at = at.map_or(String::new(), |(l, c)| format!(":{l}:{c}"));
                o.err(format!("{}{at}：{why}；未修改\n", t.shown));
                o.status = Status::Findings;
            }
        }
    }
    report(&mut o, args, targets.len(), &changed);
    o
}

fn report(o: &mut Outcome, args: &Args, files: usize, changed: &[&str]) {
    let list: String = changed.iter().map(|p| format!("  {}\n", safe_line(p))).collect();
    let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    if args.check {
        if !changed.is_empty() {
            o.out(format!(
                "以下 {} 个文件不是规范格式，请运行 tongbiao fmt {}：\n{list}",
                changed.len(),
                paths.join(" ")
            ));
            o.status = Status::Findings;
        }
        o.out(format!("检查 {files} 个文件，{} 个不是规范格式\n", changed.len()));
    } else {
        if !changed.is_empty() {
            o.out(format!("已改写为规范格式：\n{list}"));
        }
        o.out(format!("检查 {files} 个文件，改写 {} 个\n", changed.len()));
    }
}

/// The catalog files under `path` (a directory: every data file, kinds by
/// their path inside it; a file: its kind by the end of its path).
fn collect(path: &Path, out: &mut Vec<Target>) -> Result<(), String> {
    if path.is_dir() {
        let base = crate::source::display_base(path);
        for RawFile { path: rel, bytes } in load::read_tree(path)? {
            if let Some(kind) = FileKind::of_path(&rel) {
                out.push(Target {
                    disk: path.join(&rel),
                    shown: format!("{base}{rel}"),
                    kind,
                    bytes,
                });
            }
        }
        return Ok(());
    }
    if !path.is_file() {
        return Err(format!("文件或目录不存在：{}", path.display()));
    }
    let kind = kind_of_file(path).ok_or_else(|| {
        format!(
            "{} 不是目录数据文件（应为 catalog.json、items/<基本编码>.json、local/<区划代码>/<基本编码>.json 等，见 catalog/README.md）",
            path.display()
        )
    })?;
    out.push(Target {
        disk: path.to_path_buf(),
        shown: path.display().to_string(),
        kind,
        bytes: std::fs::read(path).map_err(|e| e.to_string()),
    });
    Ok(())
}

/// A file's kind from the longest end of its path that names one
/// (`catalog/items/X.json` is an item: `items/X.json`).
fn kind_of_file(path: &Path) -> Option<FileKind> {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (0..parts.len()).find_map(|i| FileKind::of_path(&parts[i..].join("/")))
}

fn verdict(t: &Target) -> Verdict {
    let bytes = match &t.bytes {
        Ok(b) => b,
        Err(e) => return Verdict::Refused(None, format!("无法读取（{e}）")),
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Verdict::Refused(None, "不是 UTF-8 编码的文本，请先转换为 UTF-8（无 BOM）".into());
    };
    let schema = crate::schema::catalog(t.kind).plan();
    match canonical_with(text, Some(schema)) {
        Ok(c) if c == text => Verdict::Canonical,
        Ok(c) => Verdict::Changed(c),
        Err(NotJson::Syntax(e)) => {
            let (at, why) = syntax(text, &e);
            Verdict::Refused(Some(at), why)
        }
        Err(NotJson::Tree(e)) => Verdict::Refused(None, format!("不是合法的 JSON（{e}）")),
    }
}

/// Line, column (in characters: serde_json counts bytes in the text after
/// any BOM) and Chinese reason of a syntax error.
fn syntax(text: &str, e: &serde_json::Error) -> ((usize, usize), String) {
    let body = crate::text::strip_bom(text);
    let line = body.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
    let mut end = e.column().saturating_sub(1).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let column = line[..end].chars().count() + 1;
    let message = e.to_string();
    let reason = message.rfind(" at line ").map_or(message.as_str(), |i| &message[..i]);
    let why = if e.is_eof() {
        "JSON 不完整：文件在此处意外结束（文件可能被截断）".to_string()
    } else {
        format!("不是合法的 JSON：{}", load::json_error_zh(reason))
    };
    ((e.line(), column), why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_end_of_the_path() {
        let k = |p: &str| kind_of_file(Path::new(p));
        assert_eq!(k("catalog/items/630101001001.json"), Some(FileKind::Item));
        assert_eq!(k("/x/catalog/local/630100/630101001001.json"), Some(FileKind::Local));
        assert_eq!(k("catalog/catalog.json"), Some(FileKind::Meta));
        assert_eq!(k("catalog/agencies/catalog.json"), Some(FileKind::Agencies));
        assert_eq!(k("notes.json"), None);
    }

    #[test]
    fn syntax_errors_name_line_and_character_column() {
        let text = "{\n  \"名称\": 1,\n}";
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!(
            syntax(text, &e),
            ((3, 1), "不是合法的 JSON：末尾多余的逗号".to_string())
        );
    }
}
