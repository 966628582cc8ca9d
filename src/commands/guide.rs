//! `tongbiao guide`: the service-guide site, built from a catalog that
//! lints without errors, published atomically into `--out`.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Outcome, Publish, Status, Step};
use crate::diag::Severity;
use crate::reports::guide::{Options, Site, MARKER};
use crate::{config, lint, rules};

/// Arguments of `tongbiao guide`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// 目录路径（默认 catalog）
    #[arg(default_value = "catalog")]
    pub(crate) catalog: PathBuf,
    /// 网站输出目录：先在其旁边生成新网站，再整体替换；已存在的目录必须是 tongbiao 生成的网站
    /// （含 .tongbiao-site 文件）或空目录，否则拒绝替换
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// 网站的绝对网址（http(s)，如 https://zwfw.example.gov.cn/guide/），用于 sitemap.xml 和页面中的
    /// 结构化数据；不填时 sitemap.xml 中为相对网站根目录的路径
    #[arg(long, value_name = "网址", value_parser = parse_base_url)]
    pub(crate) base_url: Option<String>,
    /// 规则配置目录（默认：目录旁的 rules/）
    #[arg(long)]
    pub(crate) rules: Option<PathBuf>,
    /// 在标准错误输出上显示各阶段用时（检查、渲染、写入、替换）
    #[arg(long)]
    pub(crate) timings: bool,
}

/// An http(s) URL, given a trailing '/'.
fn parse_base_url(s: &str) -> Result<String, String> {
    match crate::reports::guide::safe::http_url(s) {
        Some(u) if u.ends_with('/') => Ok(u.to_string()),
        Some(u) => Ok(format!("{u}/")),
        None => Err("须为 http:// 或 https:// 开头的网址，且不含空格、引号和尖括号".into()),
    }
}

pub(super) fn run(args: &Args) -> Outcome {
    let start = std::time::Instant::now();
    let rules_dir = args
        .rules
        .clone()
        .unwrap_or_else(|| args.catalog.join("..").join("rules"));
    if args.rules.is_some() && !rules_dir.is_dir() {
        return Outcome::failed(format!(
            "--rules 指定的规则配置目录不存在或不是目录：{}",
            rules_dir.display()
        ));
    }
    let mut cfg = config::load(rules_dir.is_dir().then_some(rules_dir.as_path()), &rules::known);
    if let Err(invalid) = &cfg.config {
        return super::broken_rules(&cfg.sources, invalid, "未生成办事指南");
    }
    // Only errors block publishing: info rules nothing raises are not run.
    if let Ok(c) = &mut cfg.config {
        c.errors_only = true;
    }
    let (out, catalog) = match lint::lint_dir_model(&args.catalog, &cfg, &config::today(), lint::Keep::Errors) {
        Ok(r) => r,
        Err(lint::Failure::Io(e)) => return Outcome::failed(format!("无法读取目录：{e}")),
        Err(lint::Failure::Config(_)) => return Outcome::failed("rules/ 中的配置有误，未生成办事指南"),
    };
    let errors = out.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        return refused(&out, errors);
    }
    let linted = start.elapsed();
    drop(out);
    let config = match std::mem::replace(&mut cfg.config, Err(Vec::new())) {
        Ok(c) => c,
        Err(_) => return Outcome::failed("rules/ 中的配置有误，未生成办事指南"),
    };
    let t = std::time::Instant::now();
    let site = Arc::new(Site::build(
        catalog,
        config,
        Options {
            base_url: args.base_url.clone(),
        },
    ));
    let modelled = t.elapsed();
    let mut o = Outcome::default();
    if args.timings {
        o.err(format!(
            "检查目录（读取、解析、lint）{:.2} 秒，建立索引与各地比较 {:.2} 秒\n",
            linted.as_secs_f64(),
            modelled.as_secs_f64()
        ));
    }
    o.err(format!(
        "办事指南 {} 份，网站共 {} 个文件\n",
        site.guide_count(),
        site.files()
    ));
    let pages = Arc::clone(&site);
    // The process ends after publishing: one reference is never released,
    // so the model (every file of the catalog) is not freed allocation by
    // allocation on one core at the end (~0.15 s at 100,000 files); the
    // operating system takes the memory back at exit.
    std::mem::forget(Arc::clone(&site));
    o.steps.push(Step::Publish(Publish {
        dir: args.out.clone(),
        marker: MARKER,
        dirs: site.dirs(),
        count: site.len(),
        page: Box::new(move |i| pages.render(i)),
        timings: args.timings,
    }));
    o
}

/// Lint found errors: list them as lint does (code frames, then the
/// summary line) and publish nothing.
fn refused(out: &lint::Outcome, errors: usize) -> Outcome {
    let mut o = Outcome::default();
    o.err(crate::reports::human::frames(out, false, false));
    o.err(format!(
        "错误：目录有 {errors} 个错误，未生成办事指南（有错误的目录会把错误的信息告诉办事群众）；请先修正上面列出的错误，可用 tongbiao lint 复查\n"
    ));
    o.status = Status::Findings;
    o
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::rules::{Check, RULES};

    /// guide skips catalog rules whose default severity is below error
    /// (unless rules/ raises them, `Config::skips`): sound only while no
    /// such rule gives a finding a higher severity itself. Read in each
    /// rule's source (before its tests) for a severity it sets.
    #[test]
    fn no_rule_below_error_raises_its_own_findings() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut checked = 0;
        for r in RULES {
            if r.severity == Severity::Error || !matches!(r.check, Check::Catalog(_)) {
                continue;
            }
            let path = dir.join(format!("{}.rs", r.id.replace('-', "_")));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let sets = code.matches("Severity::Error").count() + code.matches(".severity =").count();
            assert_eq!(sets, 0, "{} (default {:?}) sets a severity itself", r.id, r.severity);
            checked += 1;
        }
        assert!(checked >= 5, "expected the warning and info rules, found {checked}");
    }
}
