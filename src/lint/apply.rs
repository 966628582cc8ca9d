//! What `rules/` does to a run's findings: severities and overrides,
//! exemptions, and findings about `rules/` itself (stale overrides, expired
//! or unused exemptions, unused lexicon entries).

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::rules;
use crate::source::Sources;
use crate::text::matcher::Usage;

/// Which overrides and exemptions matched a finding.
struct Used {
    overrides: Vec<bool>,
    exemptions: Vec<bool>,
    expired: Vec<bool>,
}

/// Apply `config` to `found`; returns the findings kept and the number of
/// exemptions in force.
pub(super) fn apply(
    config: &Config,
    sources: &Sources,
    found: Vec<Diagnostic>,
    usage: Option<&Usage>,
    today: &str,
) -> (Vec<Diagnostic>, usize) {
    let mut used = Used {
        overrides: vec![false; config.overrides.len()],
        exemptions: vec![false; config.exemptions.len()],
        expired: config
            .exemptions
            .iter()
            .map(|e| e.entry.expires.as_str() < today)
            .collect(),
    };
    let mut kept: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|d| severity_and_exemption(config, sources, d, &mut used))
        .collect();
    let (stale, in_force) = stale_entries(config, &used, usage);
    // Exactly: not a doubling of the run's largest vector for a few more.
    kept.reserve_exact(stale.len());
    for mut d in stale {
        let path = &sources.get(d.file).path;
        if let Some(sev) = config.severity(d.rule, d.severity, path, d.pointer(), &mut []) {
            d.severity = sev;
            kept.push(d);
        }
    }
    (kept, in_force)
}

/// Severities, overrides and exemptions applied to findings made outside
/// the lint run (the diff rules'), on `today`. Entries that matched none
/// of them are not reported: the lint run reports stale entries.
pub(super) fn apply_to(config: &Config, sources: &Sources, found: Vec<Diagnostic>, today: &str) -> Vec<Diagnostic> {
    let mut used = Used {
        overrides: vec![false; config.overrides.len()],
        exemptions: vec![false; config.exemptions.len()],
        expired: (config.exemptions.iter())
            .map(|e| e.entry.expires.as_str() < today)
            .collect(),
    };
    found
        .into_iter()
        .filter_map(|d| severity_and_exemption(config, sources, d, &mut used))
        .collect()
}

/// The finding with its configured severity, or `None` when turned off or
/// exempted (an expired exemption exempts nothing).
fn severity_and_exemption(
    config: &Config,
    sources: &Sources,
    mut d: Diagnostic,
    used: &mut Used,
) -> Option<Diagnostic> {
    let path = &sources.get(d.file).path;
    d.severity = config.severity(d.rule, d.severity, path, d.pointer(), &mut used.overrides)?;
    let key = exemption_key(path);
    let hit = config.exemptions.iter().position(|e| {
        let e = &e.entry;
        key.is_some_and(|(item, region)| e.item == item && e.region.as_deref() == region)
            && e.rule == d.rule
            && (crate::config::at_or_under(d.pointer(), &e.pointer) || e.pointer.is_empty())
    });
    if let Some(i) = hit {
        used.exemptions[i] = true;
        if !used.expired[i] {
            return None;
        }
    }
    Some(d)
}

/// Findings about entries of `rules/` that did nothing, and how many
/// exemptions are in force.
fn stale_entries(config: &Config, used: &Used, usage: Option<&Usage>) -> (Vec<Diagnostic>, usize) {
    let mut out: Vec<Diagnostic> = config
        .overrides
        .iter()
        .zip(&used.overrides)
        .filter(|(_, u)| !**u)
        .map(|(o, _)| rules::stale_override::finding(o))
        .collect();
    let mut in_force = 0;
    for (i, e) in config.exemptions.iter().enumerate() {
        if used.expired[i] {
            out.push(rules::exemption_expired::finding(e));
        } else if !used.exemptions[i] && !rules::is_diff(&e.entry.rule) {
            // An exemption from a diff rule is used by `tongbiao diff`.
            out.push(rules::exemption_unused::finding(e));
        } else {
            in_force += 1;
        }
    }
    if let Some(u) = usage {
        let entries = u.entries.iter().enumerate().filter(|(_, used)| !**used);
        out.extend(
            entries.map(|(i, _)| {
                rules::unused_lexicon_entry::entry_finding(&config.lexicon_at[i], config.matcher.entry(i))
            }),
        );
        let allow = u.allow.iter().enumerate().filter(|(_, used)| !**used);
        out.extend(allow.map(|(i, _)| rules::unused_lexicon_entry::allow_finding(&config.allow_at[i])));
    }
    (out, in_force)
}

/// (基本编码, 区划) of an item or local file, for exemption matching.
fn exemption_key(path: &str) -> Option<(&str, Option<&str>)> {
    let mut parts = path.split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("items"), Some(f), None, None) => Some((f.strip_suffix(".json")?, None)),
        (Some("local"), Some(r), Some(f), None) => Some((f.strip_suffix(".json")?, Some(r))),
        _ => None,
    }
}
