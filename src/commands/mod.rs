//! The commands layer: arguments in, an [`Outcome`] out. Each subcommand
//! has its module; none prints, writes or picks an exit code (that is
//! `output`, which carries the outcome out).

mod baseline;
mod check_text;
mod cli_zh;
mod diff;
mod fmt;
#[doc(hidden)]
pub mod fuzzing;
mod guide;
mod import;
mod init;
mod lint;
mod new;
mod rules;
mod schema;
mod uniformity;

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::reports::terminal::safe;

pub(crate) use cli_zh::scaffolding;

/// What a command did: the steps to carry out, in order, and how the run
/// went.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) steps: Vec<Step>,
    pub(crate) status: Status,
}

/// How a run went: its exit code, 0 / 1 / 2.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Status {
    /// No error finding (warnings and infos may exist).
    #[default]
    Clean,
    /// Error findings.
    Findings,
    /// The run could not happen.
    Failed,
}

/// One thing for the output layer to do.
#[derive(Debug)]
pub(crate) enum Step {
    /// Text for standard output.
    Out(String),
    /// Text for standard error.
    Err(String),
    /// A file to write atomically; a failure stops the run (exit 2).
    Write(FileWrite),
    /// A temporary file an interrupted run left behind, to remove (only a
    /// regular file is removed; a failure is reported and the run goes on).
    RemoveStale(PathBuf),
    /// A static site to render and publish as a whole (`guide`); a
    /// failure stops the run (exit 2) and leaves the previous site.
    Publish(Publish),
    /// Files to write into a directory all or nothing (`import`): staged
    /// beside it, then moved into place in order; a failure stops the run
    /// (exit 2) and leaves the directory as it was.
    Staged(Staged),
    /// Text for standard output written as it is made (a report too large
    /// to hold whole: `lint --format json` on a national catalog).
    Stream(Stream),
}

/// A report that writes itself to the writer the output layer gives it.
pub(crate) struct Stream(pub(crate) StreamFn);

/// How a streamed report writes itself.
pub(crate) type StreamFn = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send>;

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stream")
    }
}

/// Files for the output layer to write into `root` as one change: every
/// file is first written into a staging directory beside `root`; only
/// when all are written are they renamed into place, in the given order
/// (referenced before referring), each replaced file kept until the end so
/// a failure puts it back. Only regular files or absent paths are replaced.
#[derive(Debug)]
pub(crate) struct Staged {
    pub(crate) root: PathBuf,
    /// Paths relative to `root`, and their contents, in rename order.
    pub(crate) files: Vec<(PathBuf, String)>,
}

/// A static site for the output layer to publish: pages are rendered on
/// demand by index (in parallel, never all held at once), written into a
/// sibling temporary directory of `dir`, which then replaces `dir`.
pub(crate) struct Publish {
    pub(crate) dir: PathBuf,
    /// The file every site carries: a directory without it is not a
    /// previous site and is never replaced.
    pub(crate) marker: &'static str,
    /// Directories to create first ('/'-separated, parents before children).
    pub(crate) dirs: Vec<String>,
    /// Units to render (a unit is one or more files).
    pub(crate) count: usize,
    /// Unit `i`'s files: path relative to the site ('/'-separated) and bytes.
    pub(crate) page: PageFn,
    /// Print where the time went (render, write, swap) on standard error.
    pub(crate) timings: bool,
}

/// How a site renders unit `i`.
pub(crate) type PageFn = Box<dyn Fn(usize) -> Vec<(String, Vec<u8>)> + Send + Sync>;

impl std::fmt::Debug for Publish {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Publish")
            .field("dir", &self.dir)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

/// A file a command produces.
#[derive(Debug)]
pub(crate) struct FileWrite {
    pub(crate) path: PathBuf,
    pub(crate) contents: String,
    /// Create missing directories (a command that lays out a new tree).
    pub(crate) create_dirs: bool,
    /// Added to the error message when the write fails.
    pub(crate) on_failure: String,
}

impl Outcome {
    /// A run that could not happen, with its Chinese message (a line on
    /// standard error, `错误：` first; escaped for the terminal, as every
    /// message on standard error is).
    pub(crate) fn failed(message: impl AsRef<str>) -> Outcome {
        Outcome {
            steps: vec![Step::Err(format!("错误：{}\n", safe(message.as_ref())))],
            status: Status::Failed,
        }
    }

    pub(crate) fn out(&mut self, text: impl Into<String>) -> &mut Outcome {
        self.steps.push(Step::Out(text.into()));
        self
    }

    /// A message for people on standard error, escaped for the terminal
    /// (it may name a file or quote catalog text).
    pub(crate) fn err(&mut self, text: impl Into<String>) -> &mut Outcome {
        let text = text.into();
        self.steps.push(Step::Err(safe(&text).into_owned()));
        self
    }

    pub(crate) fn write(&mut self, path: PathBuf, contents: String, create_dirs: bool) -> &mut Outcome {
        self.steps.push(Step::Write(FileWrite {
            path,
            contents,
            create_dirs,
            on_failure: String::new(),
        }));
        self
    }
}

#[derive(Parser)]
#[command(
    name = "tongbiao",
    about = "同标：青海省政务服务事项目录的检查工具（同一事项、无差别受理、同标准办理）",
    long_about = "同标（tongbiao）检查以 JSON 文件保存的政务服务事项目录：格式、编码、引用完整性和政策规则，\n每条问题给出文件、行、列和修改建议。\n\n退出码：0 无错误；1 发现错误；2 无法运行（如目录不存在）。"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查目录：格式、编码、引用和规则，最后输出一行汇总
    Lint(lint::Args),
    /// 记录目录现有的全部问题，写成基线文件；此后 lint --baseline 只报告新增的问题
    Baseline(baseline::Args),
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
        /// 这些文字将要写入的字段（JSON 指针，如 /conditions/0、/materials/0/name、/deviations/0/value）；
        /// 检查范围与 lint 相同（rules.json 的 text_scope 和 rule_scope）
        #[arg(long, value_name = "指针", default_value = "/conditions/0")]
        field: String,
    },
    /// 由数据模型重新生成 catalog/schema/、rules/schema/ 和 docs/schema/ 下的 JSON Schema
    Schema {
        /// 目录路径（默认 catalog）；Schema 写入其下的 schema/ 及旁边的 rules/schema/
        #[arg(default_value = "catalog")]
        path: PathBuf,
        /// 只检查已提交的 Schema 是否与模型一致，不写文件（不一致时退出码 1）
        #[arg(long)]
        check: bool,
    },
    /// 列出全部规则（标识、类别、默认级别、说明）
    Rules {
        /// 输出格式（json：标识、类别、默认级别、说明的数组）
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// 显示一条规则的完整说明
    Explain {
        /// 规则标识，如 unknown-field
        rule: String,
        /// 规则配置目录（默认：当前目录下的 rules/，没有时用内置配置）；说明的“依据”引用其中 province_documents 所列的本省文件
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// 导入各地导出的事项清单（JSON Lines 或 CSV）：拆分为全省标准和实施清单，差异登记为待审核的偏离
    Import(crate::import::Args),
    /// 同一事项、同标准办理：每个事项的每个要素，哪些区划按全省标准办理、哪些偏离（本地取值与标准并列）；终端表格、Markdown 或带热力图的 HTML
    Uniformity(uniformity::Args),
    /// 生成命令行补全脚本，如 tongbiao completions bash > /etc/bash_completion.d/tongbiao
    Completions {
        /// 外壳：bash、zsh、fish、elvish 或 powershell
        shell: clap_complete::Shell,
    },
    /// 把目录文件改写为规范格式（UTF-8 无 BOM、2 空格缩进、字段按 Schema 顺序、中文不转义、末尾换行）；--check 只列出不规范的文件
    Fmt(fmt::Args),
    /// 新建目录文件（事项、实施清单或一件事）：写在应在的路径，必填字段为占位内容“暂无”，lint 会报告直到填写；已存在的文件不覆盖
    New(new::Args),
    /// 新建任一省份的空目录：catalog.json（事项类型代码表）、regions.json（GB/T 2260 区划及曾用代码）、空的部门表和材料库，以及旁边的 rules/ 默认配置（已有则不动）
    Init(init::Args),
    /// 比较两个版本的目录（git 修订版本或目录）：逐事项、逐区划列出变更，按对申请人的影响分为增负、减负、结构、中性
    Diff(diff::Args),
    /// 由目录生成办事指南静态网站：每个实施清单一页指南和一张一次告知单，一件事、区划、部门、事项类型索引，各地比较页，每份指南的 JSON 数据和 sitemap.xml；lint 有错误时不生成
    ///
    /// 站内搜索（search.html）使用 Pagefind 索引，须在生成后运行：npx pagefind@1.6.0 --site
    /// 输出目录（npm 包 pagefind 1.6.0，生成 输出目录/pagefind/）。未运行时搜索页提示索引尚未生成，
    /// 其余页面不受影响。
    Guide(guide::Args),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// 带代码片段的中文报告
    Human,
    /// JSON 数据（文件、行、列、指针、规则、级别、信息）
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}

/// The one way every command reports a broken `rules/`: the findings
/// with code frames, then why nothing else happened. (`lint` prints them
/// in its chosen format on standard output; the others on standard error.)
fn broken_rules(sources: &[crate::source::SourceFile], invalid: &[crate::config::Invalid], not_done: &str) -> Outcome {
    let sources = crate::source::Sources {
        files: sources.to_vec(),
    };
    let out = crate::lint::located(sources, crate::rules::config_findings(invalid));
    let mut o = Outcome::failed(format!("rules/ 中的配置有误，{not_done}；请先修正上面列出的问题"));
    o.steps
        .insert(0, Step::Err(crate::reports::human::frames(&out, true, false)));
    o
}

/// Parse the process arguments.
pub(crate) fn parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// The command tree, with its scaffolding in Chinese.
pub(crate) fn command() -> clap::Command {
    cli_zh::localize(Cli::command())
}

/// Run one parsed command line.
pub(crate) fn execute(cli: Cli) -> Outcome {
    match cli.command {
        Command::Lint(args) => lint::run(&args),
        Command::Baseline(args) => baseline::run(&args),
        Command::CheckText {
            file,
            format,
            rules,
            field,
        } => {
            let rules = rules.unwrap_or_else(|| PathBuf::from("rules"));
            check_text::run(&file, &rules, &field, format == Format::Json)
        }
        Command::Schema { path, check } => schema::run(&path, check),
        Command::Rules { format } => rules::list(format == Format::Json),
        Command::Explain { rule, rules: dir } => rules::explain(&rule, dir),
        Command::Import(args) => import::run(&args),
        Command::Uniformity(args) => uniformity::run(&args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "tongbiao", &mut script);
            let mut o = Outcome::default();
            o.out(String::from_utf8_lossy(&script));
            o
        }
        Command::Fmt(args) => fmt::run(&args),
        Command::New(args) => new::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Guide(args) => guide::run(&args),
    }
}
