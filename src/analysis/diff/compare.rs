//! Comparisons shared by every kind of file: any JSON value (editorial or
//! not), deadlines, ordered rankings.

use serde::Serialize;
use serde_json::Value;

use super::text::same_meaning;
use super::{Ctx, Out};
use crate::analysis::show_json;
use crate::catalog::provenance::{FactStatus, ProvenanceMap};
use crate::catalog::Deadline;

/// A model value as JSON (the model always serialises).
pub(crate) fn json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A value shown to a reviewer.
pub(crate) fn show(v: &Value) -> String {
    show_json(v)
}

/// Any value without a direction for applicants: nothing when equal,
/// `reordered` for the same elements in another order, `reworded` for the
/// same normalised text, `field-changed` otherwise.
pub(crate) fn value(out: &mut Out, ctx: &Ctx, pointer: &str, old: Option<&Value>, new: Option<&Value>) {
    if old == new {
        return;
    }
    let (os, ns) = (old.map(show), new.map(show));
    let kind = match (old, new) {
        (Some(Value::Array(a)), Some(Value::Array(b))) if a.len() == b.len() && a.iter().all(|x| b.contains(x)) => {
            "reordered"
        }
        (Some(_), Some(_)) if same_meaning(os.as_deref().unwrap_or(""), ns.as_deref().unwrap_or("")) => "reworded",
        _ => "field-changed",
    };
    out.push(ctx, kind, pointer, os, ns);
}

/// Every key of two objects compared as [`value`], except `skip`,
/// `$schema` and `provenance`.
pub(crate) fn fields(out: &mut Out, ctx: &Ctx, base: &str, old: &Value, new: &Value, skip: &[&str]) {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = o.keys().chain(n.keys().filter(|k| !o.contains_key(*k))).collect();
    // A file's provenance is compared by [`provenance`].
    keys.retain(|k| !skip.contains(&k.as_str()) && !["$schema", "provenance"].contains(&k.as_str()));
    for k in keys {
        value(out, ctx, &format!("{base}/{k}"), o.get(k), n.get(k));
    }
}

/// A deadline: longer or shorter in the same unit, or a changed unit.
pub(crate) fn deadline(out: &mut Out, ctx: &Ctx, pointer: &str, old: &Deadline, new: &Deadline) {
    if old == new {
        return;
    }
    let (os, ns) = (Some(show(&json(old))), Some(show(&json(new))));
    let kind = if old.unit != new.unit {
        "deadline-unit-changed"
    } else if new.value > old.value {
        "deadline-longer"
    } else if new.value < old.value {
        "deadline-shorter"
    } else {
        return value(out, ctx, pointer, Some(&json(old)), Some(&json(new)));
    };
    out.push(ctx, kind, pointer, os, ns);
}

/// A ranked value: `up` when it rose, `down` when it fell.
pub(crate) fn ranked<T: Serialize>(
    out: &mut Out,
    ctx: &Ctx,
    pointer: &str,
    (old, new): (&T, &T),
    (old_rank, new_rank): (u32, u32),
    (up, down): (&'static str, &'static str),
) {
    let kind = match new_rank.cmp(&old_rank) {
        std::cmp::Ordering::Greater => up,
        std::cmp::Ordering::Less => down,
        std::cmp::Ordering::Equal => return,
    };
    out.push(ctx, kind, pointer, Some(show(&json(old))), Some(show(&json(new))));
}

/// A file's provenance map: `fact-verified` when a fact's status became
/// 已核实, `fact-unverified` when it became (or was newly marked) 待核实,
/// any other change of an entry as [`value`]. Pointers are
/// `/provenance/<the fact's pointer, escaped>`.
pub(crate) fn provenance(out: &mut Out, ctx: &Ctx, old: &ProvenanceMap, new: &ProvenanceMap) {
    let keys: std::collections::BTreeSet<&str> = old.keys().chain(new.keys()).map(|k| k.as_str()).collect();
    for k in keys {
        let pointer = format!("/provenance/{}", k.replace('~', "~0").replace('/', "~1"));
        let (o, n) = (old.get(k), new.get(k));
        let kind = match (o.map(|p| p.status), n.map(|p| p.status)) {
            (Some(FactStatus::Unverified) | None, Some(FactStatus::Verified)) => "fact-verified",
            (Some(FactStatus::Verified) | None, Some(FactStatus::Unverified)) => "fact-unverified",
            _ => {
                value(out, ctx, &pointer, o.map(json).as_ref(), n.map(json).as_ref());
                continue;
            }
        };
        out.push(
            ctx,
            kind,
            &pointer,
            o.map(|p| show(&json(p))),
            n.map(|p| show(&json(p))),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::diff::{diff, Side};
    use crate::testing::{edit, side_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn with(provenance: &str) -> String {
        edit(
            LOCAL,
            "\"deviations\": [],",
            &format!("\"deviations\": [],\n  \"provenance\": {provenance},"),
        )
    }

    #[test]
    fn a_fact_becoming_verified_or_unverified_is_its_own_change() {
        let base = side_with(&[(L, Some(&with(r#"{"/visits": {"status": "待核实"}}"#)))]);
        let head = side_with(&[(
            L,
            Some(&with(
                r#"{"/visits": {"status": "已核实", "source": {"url": "https://example.org"}}, "/promised_deadline": {"status": "待核实"}}"#,
            )),
        )]);
        let d = diff(
            &Side {
                label: "base",
                loaded: &base,
            },
            &Side {
                label: "head",
                loaded: &head,
            },
        );
        let kinds: Vec<(&str, &str)> = d.changes.iter().map(|c| (c.kind, c.pointer.as_str())).collect();
        assert!(kinds.contains(&("fact-verified", "/provenance/~1visits")), "{kinds:?}");
        assert!(
            kinds.contains(&("fact-unverified", "/provenance/~1promised_deadline")),
            "{kinds:?}"
        );
        assert!(!kinds.iter().any(|(k, _)| *k == "field-changed"), "{kinds:?}");
    }
}
