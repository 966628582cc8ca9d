//! `tongbiao import`: bring a provincial export into the catalog. The
//! report comes first, then the planned files are written in order (an
//! import lays out a new tree, so missing directories are created).

use super::{FileWrite, Outcome, Status, Step};
use crate::import::ImportError;

pub(super) fn run(args: &crate::import::Args) -> Outcome {
    let imported = match crate::import::run(args) {
        Ok(i) => i,
        Err(ImportError::Run(msg)) => return Outcome::failed(msg),
        Err(ImportError::Rules(broken)) => return super::broken_rules(&broken.0, &broken.1, "未导入"),
        Err(ImportError::Mapping(out)) => {
            let mut o = Outcome::failed("映射文件有误");
            o.steps.insert(0, Step::Out(crate::reports::human(&out, true, false)));
            return o;
        }
    };
    let mut steps: Vec<Step> = imported.stale.into_iter().map(Step::RemoveStale).collect();
    steps.push(Step::Out(imported.report));
    let mut writes = imported.writes;
    // Referenced before referring: registries (materials, agencies,
    // regions…), then base items, then local files. A run stopped between
    // two writes leaves every reference of the files already written valid.
    writes.sort_by_key(|(path, _)| write_rank(path.strip_prefix(&args.out).unwrap_or(path)));
    steps.extend(writes.into_iter().map(|(path, contents)| {
        Step::Write(FileWrite {
            path,
            contents,
            create_dirs: true,
            on_failure: "（此前列出的文件可能已部分写入）".into(),
        })
    }));
    let status = if imported.complete {
        Status::Clean
    } else {
        Status::Findings
    };
    Outcome { steps, status }
}

/// 0 registries, 1 base items, 2 local files (a stable sort keeps the
/// order within each class).
fn write_rank(path: &std::path::Path) -> u8 {
    let under = |dir: &str| path.components().next().is_some_and(|c| c.as_os_str() == dir);
    if under("local") {
        2
    } else if under("items") {
        1
    } else {
        0
    }
}
