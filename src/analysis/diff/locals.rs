//! Local files, paired by (region, 基本编码); a region re-coded in
//! `regions.json` (`former_codes`) or an item re-coded (its new file's
//! `former_codes`) pairs the old files with the new ones.
//! Local files of an item added or removed as a whole are part of that
//! item's change, not counted again.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::compare::{deadline, fields, json, provenance, ranked};
use super::lineage::{Descent, Lineage};
use super::{path, Ctx, Out};
use crate::catalog::local::OnlineDepth;
use crate::catalog::{Catalog, Local};
use crate::source::Sources;

pub(crate) fn compare(
    out: &mut Out,
    (b, bs): (&Catalog, &Sources),
    (h, hs): (&Catalog, &Sources),
    lineage: &Lineage,
    failed: &HashSet<String>,
) {
    let items_recoded = lineage.recoded();
    let recoded: HashMap<&str, &str> = h
        .regions
        .iter()
        .flat_map(|r| {
            r.value
                .former_codes
                .iter()
                .map(move |f| (f.code.as_str(), r.value.code.as_str()))
        })
        .collect();
    let now = |r: &str| recoded.get(r).copied().unwrap_or(r).to_string();
    let item_now = |i: &'_ str| items_recoded.get(i).map_or(i.to_string(), Clone::clone);
    let base: BTreeMap<(String, String), _> = b
        .locals
        .iter()
        .map(|l| ((now(&l.value.region), item_now(&l.value.item)), l))
        .collect();
    let head: BTreeMap<(String, String), _> = h
        .locals
        .iter()
        .map(|l| ((l.value.region.to_string(), l.value.item.to_string()), l))
        .collect();
    let in_base: HashSet<&str> = b.items.iter().map(|i| i.value.code.as_str()).collect();
    let in_head: HashSet<&str> = h.items.iter().map(|i| i.value.code.as_str()).collect();
    for ((region, item), l) in &head {
        let ctx = ctx(path(hs, l.file), region, item);
        match base.get(&(region.clone(), item.clone())) {
            Some(old) => {
                let was = path(bs, old.file);
                moved(out, &ctx, was, (&old.value, &l.value));
                local(out, &ctx, &old.value, &l.value);
                provenance(out, &ctx, &old.value.provenance, &l.value.provenance);
            }
            None if in_base.contains(item.as_str()) && !failed.contains(&ctx.file) => {
                out.push(&ctx, "coverage-gained", "", None, Some(region.clone()));
            }
            None => {
                let olds = match lineage.of.get(item) {
                    Some(Descent::Split(c)) => vec![c.clone()],
                    Some(Descent::Merged(cs)) => cs.clone(),
                    _ => Vec::new(),
                };
                let from: Vec<String> = (olds.into_iter())
                    .filter_map(|c| base.get(&(region.clone(), c)).map(|o| path(bs, o.file)))
                    .collect();
                if !from.is_empty() {
                    out.origins.insert(ctx.file.clone(), from);
                }
            }
        }
    }
    for ((region, item), l) in base.iter().filter(|(k, _)| !head.contains_key(*k)) {
        let ctx = ctx(path(bs, l.file), region, item);
        if in_head.contains(item.as_str()) && !failed.contains(&ctx.file) {
            out.push(&ctx, "coverage-lost", "", Some(l.value.region.to_string()), None);
        }
    }
}

/// A local file paired under another path (its region or item re-coded):
/// the structural change, and the predecessor the diff rules compare with.
fn moved(out: &mut Out, ctx: &Ctx, was: String, (o, n): (&Local, &Local)) {
    if o.region != n.region {
        out.push(
            ctx,
            "local-recoded",
            "/region",
            Some(was.clone()),
            Some(ctx.file.clone()),
        );
    }
    if o.item != n.item {
        out.push(
            ctx,
            "local-item-recoded",
            "/item",
            Some(was.clone()),
            Some(ctx.file.clone()),
        );
    }
    if was != ctx.file {
        out.predecessors.insert(ctx.file.clone(), was);
    }
}

fn ctx(file: String, region: &str, item: &str) -> Ctx {
    Ctx {
        file,
        item: Some(item.to_string()),
        region: Some(region.to_string()),
        regions: vec![region.to_string()],
    }
}

fn depth_rank(d: Option<OnlineDepth>) -> u32 {
    match d {
        None => 0,
        Some(OnlineDepth::I) => 1,
        Some(OnlineDepth::II) => 2,
        Some(OnlineDepth::III) => 3,
        Some(OnlineDepth::IV) => 4,
    }
}

/// 进驻政务服务中心: joined or left; to or from 待补充 (not given) a
/// changed value.
fn centre(out: &mut Out, ctx: &Ctx, o: Option<bool>, n: Option<bool>) {
    let flag = |b: bool| u32::from(!b);
    match (o, n) {
        (Some(oc), Some(nc)) => ranked(
            out,
            ctx,
            "/in_service_centre",
            (&oc, &nc),
            (flag(oc), flag(nc)),
            ("left-service-centre", "joined-service-centre"),
        ),
        (oc, nc) if oc != nc => super::compare::value(
            out,
            ctx,
            "/in_service_centre",
            oc.map(serde_json::Value::Bool).as_ref(),
            nc.map(serde_json::Value::Bool).as_ref(),
        ),
        _ => {}
    }
}

fn local(out: &mut Out, ctx: &Ctx, o: &Local, n: &Local) {
    deadline(
        out,
        ctx,
        "/promised_deadline",
        &o.promised_deadline,
        &n.promised_deadline,
    );
    let visits = ("visits-more", "visits-fewer");
    ranked(
        out,
        ctx,
        "/visits",
        (&o.visits, &n.visits),
        (o.visits, n.visits),
        visits,
    );
    let (od, nd) = (o.online.depth, n.online.depth);
    // Lower depth = more burden: rank inverted.
    let depth = (4 - depth_rank(od), 4 - depth_rank(nd));
    ranked(
        out,
        ctx,
        "/online/depth",
        (&od, &nd),
        depth,
        ("online-depth-lower", "online-depth-higher"),
    );
    let flag = |b: bool| u32::from(!b);
    centre(out, ctx, o.in_service_centre, n.in_service_centre);
    let post = (flag(o.delivery_by_post), flag(n.delivery_by_post));
    let (op, np) = (&o.delivery_by_post, &n.delivery_by_post);
    ranked(
        out,
        ctx,
        "/delivery_by_post",
        (op, np),
        post,
        ("post-withdrawn", "post-added"),
    );
    // An agency id re-coded with its region is the same agency.
    if o.agency.replacen(o.region.as_str(), &n.region, 1) != n.agency {
        out.push(
            ctx,
            "agency-changed",
            "/agency",
            Some(o.agency.to_string()),
            Some(n.agency.to_string()),
        );
    }
    let (mut jo, mut jn) = (json(o), json(n));
    for j in [&mut jo, &mut jn] {
        if let Some(online) = j.get_mut("online").and_then(|v| v.as_object_mut()) {
            online.remove("depth");
        }
    }
    let skip = [
        "item",
        "region",
        "agency",
        "version",
        "updated",
        "change_notes",
        "promised_deadline",
        "visits",
        "in_service_centre",
        "delivery_by_post",
        "implementation_code",
    ];
    fields(out, ctx, "", &jo, &jn, &skip);
}
