//! Comparisons shared by every kind of file: any JSON value (editorial or
//! not), deadlines, ordered rankings.

use serde::Serialize;
use serde_json::Value;

use super::text::same_meaning;
use super::{Ctx, Out};
use crate::analysis::show_json;
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

/// Every key of two objects compared as [`value`], except `skip`.
pub(crate) fn fields(out: &mut Out, ctx: &Ctx, base: &str, old: &Value, new: &Value, skip: &[&str]) {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = o.keys().chain(n.keys().filter(|k| !o.contains_key(*k))).collect();
    keys.retain(|k| !skip.contains(&k.as_str()) && k.as_str() != "$schema");
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
