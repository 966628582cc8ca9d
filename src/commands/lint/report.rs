//! What `tongbiao lint` reports and how: the format on standard output,
//! more formats into files (`--output FORMAT=FILE`, so CI lints once),
//! rule selection, the `--fail-on` threshold and `--statistics`. Kept out
//! of `lint.rs`, which runs the pipeline.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;

use super::super::{Color, Outcome, Status};
use crate::diag::Severity;
use crate::lint;
use crate::lint::select::{self, Selection};
use crate::reports;

/// A format of the lint report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LintFormat {
    /// 带代码片段的中文报告
    Human,
    /// 每条问题一行：文件:行:列: 级别 规则 信息
    Concise,
    /// JSON 数据（文件、行、列、指针、规则、级别、信息）
    Json,
    /// SARIF 2.1.0（代码扫描，如 GitHub code scanning）
    Sarif,
    /// GitHub Actions 注释（工作流命令）；设置了 GITHUB_STEP_SUMMARY 时另写作业摘要
    Github,
    /// GitLab 代码质量报告（Code Quality JSON）
    Gitlab,
    /// JUnit XML（每条规则一个 testsuite，每条问题一个 failure）
    Junit,
    /// Markdown（合并请求评论：按规则、按区划统计，明细折叠）
    Markdown,
}

/// One `--output FORMAT=FILE`.
#[derive(Clone, Debug)]
pub(crate) struct Output {
    format: LintFormat,
    path: PathBuf,
}

fn parse_output(s: &str) -> Result<Output, String> {
    let Some((name, path)) = s.split_once('=') else {
        return Err("应写成 格式=文件，如 sarif=lint.sarif".into());
    };
    let format = LintFormat::from_str(name.trim(), true).map_err(|_| {
        let known: Vec<String> = LintFormat::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("未知的格式“{name}”；可用的格式：{}", known.join("、"))
    })?;
    if path.is_empty() {
        return Err("缺少文件名，如 sarif=lint.sarif".into());
    }
    Ok(Output {
        format,
        path: PathBuf::from(path),
    })
}

/// When a run fails (exit 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// 有错误时
    Error,
    /// 有警告或错误时
    Warning,
    /// 有任何问题（含提示）时
    Info,
    /// 从不（只报告）
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// The report options of `tongbiao lint`.
#[derive(clap::Args, Debug)]
pub(crate) struct Options {
    /// 标准输出的格式
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    format: LintFormat,
    /// 另将报告写入文件（格式=文件，可重复；如 --output sarif=lint.sarif --output markdown=summary.md）
    #[arg(long = "output", value_name = "FORMAT=FILE", value_parser = parse_output)]
    outputs: Vec<Output>,
    /// 何时以退出码 1 结束：存在该级别或更严重的问题时（never：从不）
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// 只报告这些规则的问题（规则标识，逗号分隔或重复给出）
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    select: Vec<String>,
    /// 不报告这些规则的问题（规则标识，逗号分隔或重复给出）
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    ignore: Vec<String>,
    /// 附上按规则统计的问题数（human、concise 在报告之后；json 中为 statistics）
    #[arg(long)]
    statistics: bool,
}

/// How the terminal and CI want the report.
pub(crate) struct View {
    pub(crate) show_info: bool,
    pub(crate) color: bool,
    /// `GITHUB_STEP_SUMMARY`: where the github format writes the job
    /// summary.
    pub(crate) step_summary: Option<PathBuf>,
    /// The `rules/` directory in use (`None`: the shipped defaults): the
    /// SARIF rule help cites its province's documents.
    pub(crate) rules_dir: Option<PathBuf>,
}

impl View {
    pub(crate) fn new(show_info: bool, color: Color) -> View {
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
        };
        View {
            show_info,
            color,
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from),
            rules_dir: None,
        }
    }
}

impl Options {
    /// The selection, or the run's failure for an unknown rule id (exit 2).
    pub(crate) fn selection(&self) -> Result<Selection, Outcome> {
        Selection::new(&self.select, &self.ignore).map_err(|e| {
            let hint = e.suggestion.map(|s| format!("是否想写“{s}”？")).unwrap_or_default();
            Outcome::failed(format!(
                "没有标识为“{}”的规则（--select/--ignore）；{hint}运行 tongbiao rules 查看全部规则",
                e.id
            ))
        })
    }

    /// Whether no report of the run lists infos one by one (the human and
    /// concise reports without `show_info` only count them): the run may
    /// count them instead of keeping them (issue 14).
    pub(crate) fn lists_no_info(&self, show_info: bool) -> bool {
        let counts_only = |f: LintFormat| matches!(f, LintFormat::Human | LintFormat::Concise);
        !show_info && counts_only(self.format) && self.outputs.iter().all(|w| counts_only(w.format))
    }

    /// The report on standard output, the files asked for, and the exit
    /// status by the threshold.
    pub(crate) fn outcome(&self, mut out: lint::Outcome, selection: &Selection, view: &View) -> Outcome {
        selection.apply(&mut out);
        let mut o = Outcome::default();
        // JSON is written as it is serialised (hundreds of megabytes for a
        // national catalog): the step owns the outcome, pushed first below.
        let streamed = self.format == LintFormat::Json;
        if !streamed {
            o.out(self.render(self.format, &out, view, view.color));
        }
        for w in &self.outputs {
            o.write(w.path.clone(), self.render(w.format, &out, view, false), false);
        }
        let github = self.format == LintFormat::Github || self.outputs.iter().any(|w| w.format == LintFormat::Github);
        if let (true, Some(path)) = (github, &view.step_summary) {
            // The whole summary, written atomically: the file GitHub gives
            // each step starts empty, and this replaces it.
            o.write(path.clone(), reports::markdown(&out, true), false);
        }
        o.status = if select::fails(&out, self.fail_on.threshold()) {
            Status::Findings
        } else {
            Status::Clean
        };
        // The run's largest value (every file's text and finding) and the
        // process exits once the report is out: freeing it allocation by
        // allocation, serially, was ~5% of a 100k-file lint (issue 14).
        if streamed {
            let statistics = self.statistics;
            let stream = crate::commands::Stream(Box::new(move |w| {
                let written = reports::json::json_to(&out, statistics, w);
                std::mem::forget(out);
                written
            }));
            o.steps.insert(0, crate::commands::Step::Stream(stream));
        } else {
            std::mem::forget(out);
        }
        o
    }

    fn render(&self, format: LintFormat, out: &lint::Outcome, view: &View, color: bool) -> String {
        let stats = |mut s: String| {
            if self.statistics {
                s.push_str(&reports::statistics(out));
            }
            s
        };
        match format {
            LintFormat::Human => stats(reports::human(out, view.show_info, color)),
            LintFormat::Concise => stats(reports::concise(out, view.show_info)),
            LintFormat::Json => reports::json(out, self.statistics),
            LintFormat::Sarif => reports::sarif(out, &crate::config::province_documents(view.rules_dir.as_deref())),
            LintFormat::Github => reports::github(out, view.step_summary.is_some()),
            LintFormat::Gitlab => reports::gitlab(out),
            LintFormat::Junit => reports::junit(out),
            LintFormat::Markdown => reports::markdown(out, view.show_info),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::Step;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        options: Options,
    }

    fn run(args: &[&str], step_summary: Option<&str>) -> Outcome {
        let cli = Cli::try_parse_from(std::iter::once("lint").chain(args.iter().copied())).unwrap();
        let view = View {
            show_info: false,
            color: false,
            step_summary: step_summary.map(PathBuf::from),
            rules_dir: None,
        };
        let selection = cli.options.selection().unwrap();
        cli.options.outcome(crate::testing::lint_with(&[]), &selection, &view)
    }

    fn writes(o: &Outcome) -> Vec<(String, &str)> {
        o.steps
            .iter()
            .filter_map(|s| match s {
                Step::Write(w) => Some((w.path.display().to_string(), w.contents.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn outputs_are_written_through_the_outcome() {
        let o = run(
            &[
                "--format",
                "concise",
                "--output",
                "sarif=a.sarif",
                "--output",
                "JUnit=b.xml",
            ],
            None,
        );
        let w = writes(&o);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].0, "a.sarif");
        assert!(w[0].1.contains("\"version\": \"2.1.0\""));
        assert!(w[1].1.starts_with("<?xml"));
        assert!(matches!(&o.steps[0], Step::Out(s) if s.contains("检查")));
    }

    #[test]
    fn the_github_format_writes_the_job_summary_when_github_asks() {
        assert!(writes(&run(&["--format", "github"], None)).is_empty());
        let o = run(&["--format", "github"], Some("summary.md"));
        let w = writes(&o);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, "summary.md");
        assert!(w[0].1.starts_with("## 同标检查结果"));
        assert!(writes(&run(&["--format", "json"], Some("summary.md"))).is_empty());
    }

    #[test]
    fn only_reports_that_count_infos_let_the_run_count_them() {
        let lists_no_info = |args: &[&str], show_info: bool| {
            let cli = Cli::try_parse_from(std::iter::once("lint").chain(args.iter().copied())).unwrap();
            cli.options.lists_no_info(show_info)
        };
        assert!(lists_no_info(&[], false));
        assert!(lists_no_info(
            &["--format", "concise", "--output", "human=a.txt", "--statistics"],
            false
        ));
        assert!(!lists_no_info(&[], true));
        for f in ["json", "sarif", "junit", "markdown", "gitlab", "github"] {
            assert!(!lists_no_info(&["--format", f], false), "{f}");
            assert!(!lists_no_info(&["--output", &format!("{f}=x")], false), "{f}");
        }
    }

    #[test]
    fn bad_outputs_and_unknown_rules_are_refused() {
        for bad in ["sarif", "pdf=a.pdf", "sarif="] {
            assert!(Cli::try_parse_from(["lint", "--output", bad]).is_err(), "{bad}");
        }
        let cli = Cli::try_parse_from(["lint", "--select", "bom,vage-catch-all"]).unwrap();
        let Err(o) = cli.options.selection() else {
            panic!("an unknown rule must be refused")
        };
        assert_eq!(o.status, Status::Failed);
        assert!(matches!(&o.steps[0], Step::Err(s) if s.contains("是否想写“vague-catch-all”")));
    }
}
