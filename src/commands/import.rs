//! `tongbiao import`: bring a provincial export into the catalog.

use super::{Outcome, Status};

pub(super) fn run(args: &crate::import::Args) -> Outcome {
    let status = match crate::import::run(args) {
        0 => Status::Clean,
        1 => Status::Findings,
        _ => Status::Failed,
    };
    Outcome {
        steps: Vec::new(),
        status,
    }
}
