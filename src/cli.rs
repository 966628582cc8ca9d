//! The command line: parse arguments, call the library, print, and return
//! the exit code (0 clean, 1 findings, 2 could not run).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::{check_text, config, lint, report, rules, schema};

#[derive(Parser)]
#[command(
    name = "tongbiao",
    version,
    about = "同标：青海省政务服务事项目录的检查工具（同一事项、无差别受理、同标准办理）",
    long_about = "同标（tongbiao）检查以 JSON 文件保存的政务服务事项目录：格式、编码、引用完整性和政策规则，\n每条问题给出文件、行、列和修改建议。\n\n退出码：0 无错误；1 发现错误；2 无法运行（如目录不存在）。"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查目录：格式、编码、引用和规则，最后输出一行汇总
    Lint {
        /// 目录路径（默认 catalog）
        #[arg(default_value = "catalog")]
        path: PathBuf,
        /// 输出格式
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 同时显示提示级别的问题（如待补充的统一社会信用代码）
        #[arg(long)]
        show_info: bool,
        /// 彩色输出
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// 规则配置目录（默认：目录旁的 rules/；其中缺少的文件使用内置默认）
        #[arg(long)]
        rules: Option<PathBuf>,
        /// 判断豁免是否到期所用的日期 YYYY-MM-DD（默认今天）
        #[arg(long)]
        today: Option<String>,
    },
    /// 检查草拟的条款文字：每行一条，报告模糊条款、兜底条款等用语及其位置
    CheckText {
        /// 文本文件；- 或省略表示标准输入
        #[arg(default_value = "-")]
        file: String,
        /// 输出格式（json 中的 start/end 为原文行内的字符偏移，从 0 起，end 不含）
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 规则配置目录（默认：当前目录下的 rules/，缺少的文件使用内置默认）
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// 由数据模型重新生成 catalog/schema/ 和 rules/schema/ 下的 JSON Schema
    Schema {
        /// 目录路径（默认 catalog）；Schema 写入其下的 schema/ 及旁边的 rules/schema/
        #[arg(default_value = "catalog")]
        path: PathBuf,
        /// 只检查已提交的 Schema 是否与模型一致，不写文件（不一致时退出码 1）
        #[arg(long)]
        check: bool,
    },
    /// 列出全部规则（标识、类别、默认级别、说明）
    Rules,
    /// 显示一条规则的完整说明
    Explain {
        /// 规则标识，如 unknown-field
        rule: String,
    },
    /// 导入各地导出的事项清单（JSON Lines 或 CSV）：拆分为全省标准和实施清单，差异登记为待审核的偏离
    Import(crate::import::Args),
    /// 同一事项、同标准办理：每个事项的每个要素，哪些区划按全省标准办理、哪些偏离（本地取值与标准并列）；终端表格、Markdown 或带热力图的 HTML
    Uniformity(crate::uniformity::Args),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// 带代码片段的中文报告
    Human,
    /// JSON 数据（文件、行、列、指针、规则、级别、信息）
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Run the command line; returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Lint {
            path,
            format,
            show_info,
            color,
            rules,
            today,
        } => {
            let rules = rules.unwrap_or_else(|| path.join("..").join("rules"));
            run_lint(&path, &rules, today, format, show_info, color)
        }
        Command::CheckText { file, format, rules } => {
            let rules = rules.unwrap_or_else(|| PathBuf::from("rules"));
            check_text::run(&file, &rules, format == Format::Json)
        }
        Command::Schema { path, check } => run_schema(&path, check),
        Command::Rules => {
            let mut s = String::new();
            for r in rules::RULES {
                s.push_str(&format!(
                    "{:<24} {:<6} {:<4} {}\n",
                    r.id,
                    r.category.label(),
                    r.severity.label(),
                    r.summary
                ));
            }
            print(&s);
            0
        }
        Command::Import(args) => run_import(&args),
        Command::Uniformity(args) => crate::uniformity::run(&args),
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => {
                print(&format!(
                    "{}（{}，默认级别：{}）\n{}\n\n{}\n",
                    r.id,
                    r.category.label(),
                    r.severity.label(),
                    r.summary,
                    r.explanation
                ));
                0
            }
            None => {
                eprintln!("错误：没有标识为“{rule}”的规则；运行 tongbiao rules 查看全部规则");
                2
            }
        },
    }
}

pub(crate) fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn run_lint(path: &Path, rules: &Path, today: Option<String>, format: Format, show_info: bool, color: Color) -> i32 {
    let today = match today {
        Some(t) if config::parse_date(&t).is_some() => t,
        Some(t) => {
            eprintln!("错误：--today 的值“{t}”不是 YYYY-MM-DD 格式的有效日期");
            return 2;
        }
        None => config::today(),
    };
    let rules_dir = rules.is_dir().then_some(rules);
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    };
    let out = match lint::lint_dir(path, rules_dir, &today) {
        Ok(o) => o,
        Err(lint::Failure::Io(e)) => {
            eprintln!("错误：无法检查目录：{e}");
            return 2;
        }
        Err(lint::Failure::Config(out)) => {
            match format {
                Format::Human => print(&report::human(&out, true, color)),
                Format::Json => print(&report::json(&out)),
            }
            eprintln!("错误：rules/ 中的配置有误，未检查目录；请先修正上面列出的问题");
            return 2;
        }
    };
    match format {
        Format::Human => print(&report::human(&out, show_info, color)),
        Format::Json => print(&report::json(&out)),
    }
    i32::from(lint::has_errors(&out))
}

fn run_schema(path: &Path, check: bool) -> i32 {
    let catalog_dir = path.join(schema::SCHEMA_DIR);
    let rules_dir = path.join("..").join("rules").join(schema::SCHEMA_DIR);
    let mut drift = Vec::new();
    let all = schema::rendered()
        .into_iter()
        .map(|(n, t)| (catalog_dir.join(n), t))
        .chain(
            config::rendered_schemas()
                .into_iter()
                .map(|(n, t)| (rules_dir.join(n), t)),
        );
    for (file, text) in all {
        let current = std::fs::read_to_string(&file).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            drift.push(file.display().to_string());
            continue;
        }
        if let Err(e) = write_atomically(&file, &text) {
            eprintln!("错误：无法写入 {}：{e}", file.display());
            return 2;
        }
        println!("已更新 {}", file.display());
    }
    if !drift.is_empty() {
        eprintln!(
            "以下 Schema 与数据模型不一致，请运行 tongbiao schema {} 重新生成：\n  {}",
            path.display(),
            drift.join("\n  ")
        );
        return 1;
    }
    0
}

/// Write via a temporary file in the same directory and rename, so a crash
/// never leaves a half-written file.
pub(crate) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// `tongbiao import`: write the planned files in order (creating the
/// target's directories: import lays out a catalog), then print the report;
/// 0 every record imported, 1 some could not be, 2 the run could not happen.
fn run_import(args: &crate::import::Args) -> i32 {
    use crate::import::ImportError;
    let imported = match crate::import::run(args) {
        Ok(i) => i,
        Err(ImportError::Run(msg)) => {
            eprintln!("错误：{msg}");
            return 2;
        }
        Err(ImportError::Mapping(out)) => {
            print(&report::human(&out, true, false));
            eprintln!("错误：映射文件有误");
            return 2;
        }
    };
    for (path, text) in &imported.writes {
        let written = match path.parent() {
            Some(dir) => std::fs::create_dir_all(dir),
            None => Ok(()),
        }
        .and_then(|()| write_atomically(path, text));
        if let Err(e) = written {
            print(&imported.report);
            eprintln!("错误：无法写入 {}：{e}（此前列出的文件可能已部分写入）", path.display());
            return 2;
        }
    }
    print(&imported.report);
    i32::from(!imported.complete)
}
