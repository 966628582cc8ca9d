//! `tongbiao import`: bring a provincial export into the catalog. The
//! report comes first, then the planned files are written all or nothing
//! (staged beside the target, then moved into place in order).

use super::{Outcome, Staged, Status, Step};
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
    // regions…), then base items, then local files. The output layer
    // stages them all beside the target and moves them in this order, so
    // a failure leaves the catalog as it was, and a kill while moving
    // leaves every reference of the files already moved valid (the next
    // run puts the old files back).
    writes.sort_by_key(|(path, _)| write_rank(path));
    if !writes.is_empty() {
        steps.push(Step::Staged(Staged {
            root: args.out.clone(),
            files: writes,
        }));
    }
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
