//! Base items (the standard), paired by 基本编码. A change here reaches
//! every region implementing the item.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::compare::{deadline, fields, json, provenance, ranked, show, value};
use super::lineage::{shown, Descent, Lineage};
use super::text::{pair, same_meaning};
use super::{path, Ctx, Out};
use crate::catalog::item::{CaseType, ItemMaterial, Necessity, ProcessStep};
use crate::catalog::{Catalog, Item};
use crate::source::Sources;

pub(crate) fn compare(
    out: &mut Out,
    (b, bs): (&Catalog, &Sources),
    (h, hs): (&Catalog, &Sources),
    (implementing, lineage): (&BTreeMap<String, Vec<String>>, &Lineage),
    failed: &HashSet<String>,
) {
    let base: BTreeMap<&str, _> = b.items.iter().map(|i| (i.value.code.as_str(), i)).collect();
    let head: BTreeMap<&str, _> = h.items.iter().map(|i| (i.value.code.as_str(), i)).collect();
    for (code, i) in &head {
        let ctx = Ctx {
            file: path(hs, i.file),
            item: Some((*code).to_string()),
            region: None,
            regions: implementing.get(*code).cloned().unwrap_or_default(),
        };
        let named = |c: &String| base.get(c.as_str()).map(|o| shown(&o.value)).unwrap_or_default();
        match (base.get(code), lineage.of.get(*code)) {
            (Some(old), _) => item(out, &ctx, &old.value, &i.value),
            (None, Some(Descent::Recoded(c))) => {
                let Some(old) = base.get(c.as_str()) else { continue };
                out.push(&ctx, "item-recoded", "/code", Some(named(c)), Some(shown(&i.value)));
                out.predecessors.insert(ctx.file.clone(), path(bs, old.file));
                item(out, &ctx, &old.value, &i.value);
            }
            (None, Some(Descent::Split(c))) => {
                out.push(
                    &ctx,
                    "item-split",
                    "/former_codes",
                    Some(named(c)),
                    Some(shown(&i.value)),
                );
            }
            (None, Some(Descent::Merged(cs))) => {
                let olds = cs.iter().map(named).collect::<Vec<_>>().join("、");
                out.push(&ctx, "item-merged", "/former_codes", Some(olds), Some(shown(&i.value)));
            }
            (None, None) if !failed.contains(&ctx.file) => {
                out.push(&ctx, "item-added", "", None, Some(i.value.name.clone()));
            }
            (None, None) => {}
        }
    }
    let gone = base
        .iter()
        .filter(|(c, _)| !head.contains_key(*c) && !lineage.claimed.contains(**c));
    for (code, i) in gone {
        let ctx = Ctx {
            file: path(bs, i.file),
            item: Some((*code).to_string()),
            region: None,
            regions: implementing.get(*code).cloned().unwrap_or_default(),
        };
        if !failed.contains(&ctx.file) {
            out.push(&ctx, "item-removed", "", Some(i.value.name.clone()), None);
        }
    }
}

fn item(out: &mut Out, ctx: &Ctx, old: &Item, new: &Item) {
    conditions(out, ctx, &old.conditions, &new.conditions);
    materials(out, ctx, &old.materials, &new.materials);
    process(out, ctx, &old.process, &new.process);
    match (old.statutory_deadline.days(), new.statutory_deadline.days()) {
        (Some(o), Some(n)) => deadline(out, ctx, "/statutory_deadline", o, n),
        // To or from 无法定时限: a changed value, not longer or shorter.
        _ if old.statutory_deadline != new.statutory_deadline => value(
            out,
            ctx,
            "/statutory_deadline",
            Some(&json(&old.statutory_deadline)),
            Some(&json(&new.statutory_deadline)),
        ),
        _ => {}
    }
    let rank = |c: CaseType| u32::from(c == CaseType::Promised);
    ranked(
        out,
        ctx,
        "/case_type",
        (&old.case_type, &new.case_type),
        (rank(old.case_type), rank(new.case_type)),
        ("case-type-promised", "case-type-immediate"),
    );
    fees(out, ctx, old, new);
    let skip = [
        "code",
        "former_codes",
        "version",
        "updated",
        "change_notes",
        "conditions",
        "materials",
        "process",
        "statutory_deadline",
        "case_type",
        "fees",
    ];
    fields(out, ctx, "", &json(old), &json(new), &skip);
    provenance(out, ctx, &old.provenance, &new.provenance);
}

fn conditions(out: &mut Out, ctx: &Ctx, old: &[String], new: &[String]) {
    let p = pair(old, new, |_| None, Clone::clone);
    for &i in &p.removed {
        out.push(
            ctx,
            "condition-removed",
            &format!("/conditions/{i}"),
            Some(old[i].clone()),
            None,
        );
    }
    for &j in &p.added {
        out.push(
            ctx,
            "condition-added",
            &format!("/conditions/{j}"),
            None,
            Some(new[j].clone()),
        );
    }
    for &(i, j) in &p.pairs {
        if old[i] != new[j] {
            let kind = if same_meaning(&old[i], &new[j]) {
                "reworded"
            } else {
                "condition-changed"
            };
            out.push(
                ctx,
                kind,
                &format!("/conditions/{j}"),
                Some(old[i].clone()),
                Some(new[j].clone()),
            );
        }
    }
    if p.reordered() {
        out.push(ctx, "reordered", "/conditions", None, None);
    }
}

fn necessity_rank(n: Necessity) -> u32 {
    match n {
        Necessity::Optional => 0,
        Necessity::Deferrable => 1,
        Necessity::Required => 2,
    }
}

fn materials(out: &mut Out, ctx: &Ctx, old: &[ItemMaterial], new: &[ItemMaterial]) {
    let p = pair(old, new, |m| Some(m.material.clone()), |m| m.material.clone());
    for &i in &p.removed {
        out.push(
            ctx,
            "material-removed",
            &format!("/materials/{i}"),
            Some(old[i].material.clone()),
            None,
        );
    }
    for &j in &p.added {
        out.push(
            ctx,
            "material-added",
            &format!("/materials/{j}"),
            None,
            Some(new[j].material.clone()),
        );
    }
    for &(i, j) in &p.pairs {
        material(out, ctx, &format!("/materials/{j}"), &old[i], &new[j]);
    }
    if p.reordered() {
        out.push(ctx, "reordered", "/materials", None, None);
    }
}

fn material(out: &mut Out, ctx: &Ctx, at: &str, o: &ItemMaterial, n: &ItemMaterial) {
    let nec = (necessity_rank(o.necessity), necessity_rank(n.necessity));
    let up_down = ("material-required", "material-relaxed");
    ranked(
        out,
        ctx,
        &format!("{at}/necessity"),
        (&o.necessity, &n.necessity),
        nec,
        up_down,
    );
    let more = ("copies-more", "copies-fewer");
    ranked(
        out,
        ctx,
        &format!("{at}/originals"),
        (&o.originals, &n.originals),
        (o.originals, n.originals),
        more,
    );
    ranked(
        out,
        ctx,
        &format!("{at}/copies"),
        (&o.copies, &n.copies),
        (o.copies, n.copies),
        more,
    );
    match (&o.exemption, &n.exemption) {
        (Some(e), None) => out.push(
            ctx,
            "exemption-removed",
            &format!("{at}/exemption"),
            Some(show(&json(e))),
            None,
        ),
        (None, Some(e)) => out.push(
            ctx,
            "exemption-added",
            &format!("{at}/exemption"),
            None,
            Some(show(&json(e))),
        ),
        (Some(a), Some(b)) => value(out, ctx, &format!("{at}/exemption"), Some(&json(a)), Some(&json(b))),
        (None, None) => {}
    }
    fields(
        out,
        ctx,
        at,
        &json(o),
        &json(n),
        &["material", "necessity", "originals", "copies", "exemption"],
    );
}

fn step_text(s: &ProcessStep) -> String {
    format!("{}：{}；{}", s.name, s.actor, s.standard.as_deref().unwrap_or(""))
}

fn process(out: &mut Out, ctx: &Ctx, old: &[ProcessStep], new: &[ProcessStep]) {
    let p = pair(old, new, |_| None, step_text);
    for &i in &p.removed {
        out.push(
            ctx,
            "step-removed",
            &format!("/process/{i}"),
            Some(step_text(&old[i])),
            None,
        );
    }
    for &j in &p.added {
        out.push(
            ctx,
            "step-added",
            &format!("/process/{j}"),
            None,
            Some(step_text(&new[j])),
        );
    }
    for &(i, j) in &p.pairs {
        let at = format!("/process/{j}");
        let (o, n) = (step_text(&old[i]), step_text(&new[j]));
        if o != n {
            let kind = if same_meaning(&o, &n) {
                "reworded"
            } else {
                "step-changed"
            };
            out.push(ctx, kind, &at, Some(o), Some(n));
        }
        match (&old[i].deadline, &new[j].deadline) {
            (Some(a), Some(b)) => deadline(out, ctx, &format!("{at}/deadline"), a, b),
            (a, b) if a.is_some() != b.is_some() => value(
                out,
                ctx,
                &format!("{at}/deadline"),
                a.as_ref().map(json).as_ref(),
                b.as_ref().map(json).as_ref(),
            ),
            _ => {}
        }
    }
    if p.reordered() {
        out.push(ctx, "reordered", "/process", None, None);
    }
}

fn fees(out: &mut Out, ctx: &Ctx, old: &Item, new: &Item) {
    let (o, n) = (&old.fees, &new.fees);
    if o.charged != n.charged {
        // None: 待补充 (not given yet), neither added nor removed.
        let kind = match (o.charged, n.charged) {
            (Some(_), Some(true)) => "fee-added",
            (Some(_), Some(false)) => "fee-removed",
            _ => "field-changed",
        };
        let show = |c: Option<bool>| c.map_or("待补充".to_string(), |b| b.to_string());
        out.push(ctx, kind, "/fees/charged", Some(show(o.charged)), Some(show(n.charged)));
    }
    let p = pair(&o.charges, &n.charges, |c| Some(c.name.clone()), |c| c.name.clone());
    for &i in &p.removed {
        out.push(
            ctx,
            "fee-removed",
            &format!("/fees/charges/{i}"),
            Some(o.charges[i].name.clone()),
            None,
        );
    }
    for &j in &p.added {
        out.push(
            ctx,
            "fee-added",
            &format!("/fees/charges/{j}"),
            None,
            Some(n.charges[j].name.clone()),
        );
    }
    for &(i, j) in &p.pairs {
        let at = format!("/fees/charges/{j}");
        let (a, b) = (&o.charges[i].standard, &n.charges[j].standard);
        if a != b {
            let kind = if same_meaning(a, b) { "reworded" } else { "fee-changed" };
            out.push(ctx, kind, &format!("{at}/standard"), Some(a.clone()), Some(b.clone()));
        }
        let (ja, jb): (Value, Value) = (json(&o.charges[i]), json(&n.charges[j]));
        fields(out, ctx, &at, &ja, &jb, &["name", "standard"]);
    }
}
