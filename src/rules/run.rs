//! Running the registry's rules over a catalog (or a diff), gathering
//! their findings in registry order.

use super::{Check, Context, DiffContext, Rule, RULES};
use crate::diag::{Counted, Diagnostic, Sink};

/// Run every catalog rule, their findings after `first` (the loading
/// findings). Rules are independent, so they run in parallel; the caller
/// sorts findings (ties keep this order). Also returns the infos counted
/// instead of kept, per rule, when the config asks for it
/// ([`crate::config::Config::counts`]).
pub(crate) fn run(ctx: &Context, first: Vec<Diagnostic>) -> (Vec<Diagnostic>, Counted) {
    use rayon::prelude::*;
    let active: Vec<&Rule> = (RULES.iter().copied())
        .filter(|r| matches!(r.check, Check::Catalog(_)) && !ctx.config.skips(r.id, r.severity))
        .collect();
    let run_one = |r: &Rule, room: usize| {
        let mut sink = if ctx.config.counts(r.id, r.severity) {
            Sink::counting(r.id)
        } else {
            Sink::with_room(room)
        };
        if let Check::Catalog(f) = r.check {
            f(ctx, &mut sink);
        }
        (sink.diagnostics, sink.counted)
    };
    let mut parts: Vec<Option<(Vec<Diagnostic>, usize)>> = (active.par_iter())
        .map(|r| (!BULK.contains(&r.id)).then(|| run_one(r, 0)))
        .collect();
    // The room also takes the findings about `rules/` entries that did
    // nothing, added after the rules (`lint::apply`).
    let room = first.len() + parts.iter().flatten().map(|p| p.0.len()).sum::<usize>() + ctx.config.entry_count();
    for (r, part) in active.iter().zip(&mut parts) {
        if part.is_none() {
            *part = Some(run_one(r, room));
        }
    }
    let mut counted = Counted::new();
    let mut found = vec![first];
    for (r, (part, n)) in active.iter().zip(parts.into_iter().flatten()) {
        if n > 0 {
            counted.push((r.id, n));
        }
        found.push(part);
    }
    (crate::diag::concat(found), counted)
}

/// Rules whose findings grow with the catalog (one per unverified fact:
/// 700,000 on a 100,000-file catalog) run after the others, leaving room
/// in their vector for every other finding (and those `lint::apply` adds),
/// so the findings are gathered in that vector without copying it (issue
/// 14). The order of the parts stays the registry's. (A second such rule
/// would be better marked by a flag on [`Rule`] than named here.)
const BULK: &[&str] = &["unverified-fact"];

/// Run every diff rule (`tongbiao diff`), with their default severities.
pub(crate) fn run_diff(ctx: &DiffContext) -> Vec<Diagnostic> {
    let mut sink = Sink::default();
    for r in RULES {
        if let Check::Diff(f) = r.check {
            f(ctx, &mut sink);
        }
    }
    sink.diagnostics
}
