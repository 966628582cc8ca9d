//! The registries and other files keyed by id: regions (re-codings
//! followed through `former_codes`), departments, materials, agencies,
//! bundles.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::compare::{deadline, fields, json};
use super::{path, Ctx, Out};
use crate::catalog::{At, Catalog};
use crate::source::Sources;

type Sides<'a> = ((&'a Catalog, &'a Sources), (&'a Catalog, &'a Sources));

pub(crate) fn compare(out: &mut Out, b: (&Catalog, &Sources), h: (&Catalog, &Sources), failed: &HashSet<String>) {
    regions(out, (b, h), failed);
    let kinds = ("registry-added", "registry-removed");
    keyed(
        out,
        (b.1, &b.0.departments),
        (h.1, &h.0.departments),
        |d| d.code.clone(),
        kinds,
        failed,
    );
    keyed(
        out,
        (b.1, &b.0.materials),
        (h.1, &h.0.materials),
        |m| m.id.clone(),
        kinds,
        failed,
    );
    let kinds = ("agency-added", "agency-removed");
    keyed(
        out,
        (b.1, &b.0.agencies),
        (h.1, &h.0.agencies),
        |a| a.id.clone(),
        kinds,
        failed,
    );
    let kinds = ("bundle-added", "bundle-removed");
    keyed(
        out,
        (b.1, &b.0.bundles),
        (h.1, &h.0.bundles),
        |x| x.id.clone(),
        kinds,
        failed,
    );
}

/// Elements of two lists by key: added, removed, or compared field by
/// field (a bundle's promised deadline as a deadline).
fn keyed<T: Serialize>(
    out: &mut Out,
    (bs, old): (&Sources, &[At<T>]),
    (hs, new): (&Sources, &[At<T>]),
    key: impl Fn(&T) -> String,
    (added, removed): (&'static str, &'static str),
    failed: &HashSet<String>,
) {
    let o: BTreeMap<String, &At<T>> = old.iter().map(|a| (key(&a.value), a)).collect();
    let n: BTreeMap<String, &At<T>> = new.iter().map(|a| (key(&a.value), a)).collect();
    for (k, a) in &n {
        let ctx = Ctx {
            file: path(hs, a.file),
            ..Ctx::default()
        };
        match o.get(k) {
            Some(b) => {
                let (jb, ja) = (json(&b.value), json(&a.value));
                if let (Ok(db), Ok(da)) = (deadline_of(&jb), deadline_of(&ja)) {
                    deadline(out, &ctx, &format!("{}/promised_deadline", a.pointer), &db, &da);
                }
                fields(
                    out,
                    &ctx,
                    &a.pointer,
                    &jb,
                    &ja,
                    &["version", "updated", "promised_deadline"],
                );
            }
            None if !failed.contains(&ctx.file) => out.push(&ctx, added, &a.pointer, None, Some(k.clone())),
            None => {}
        }
    }
    for (k, b) in o.iter().filter(|(k, _)| !n.contains_key(*k)) {
        let file = path(bs, b.file);
        if !failed.contains(&file) {
            out.push(
                &Ctx { file, ..Ctx::default() },
                removed,
                &b.pointer,
                Some(k.clone()),
                None,
            );
        }
    }
}

fn deadline_of(v: &serde_json::Value) -> Result<crate::catalog::Deadline, ()> {
    v.get("promised_deadline")
        .and_then(|d| serde_json::from_value(d.clone()).ok())
        .ok_or(())
}

/// Regions by code; a new code whose `former_codes` holds a removed one is
/// a re-coding (one structural change), not a removal and an addition.
fn regions(out: &mut Out, ((b, bs), (h, hs)): Sides, failed: &HashSet<String>) {
    let old: BTreeMap<&str, _> = b.regions.iter().map(|r| (r.value.code.as_str(), r)).collect();
    let new: BTreeMap<&str, _> = h.regions.iter().map(|r| (r.value.code.as_str(), r)).collect();
    let mut recoded = HashSet::new();
    for (code, r) in &new {
        let ctx = Ctx {
            file: path(hs, r.file),
            region: Some((*code).to_string()),
            regions: vec![(*code).to_string()],
            ..Ctx::default()
        };
        if let Some(was) = old.get(code) {
            fields(out, &ctx, &r.pointer, &json(&was.value), &json(&r.value), &[]);
            continue;
        }
        let former = r
            .value
            .former_codes
            .iter()
            .find(|f| old.contains_key(f.code.as_str()) && !new.contains_key(f.code.as_str()));
        match former {
            Some(f) => {
                recoded.insert(f.code.as_str());
                let o = format!("{} {}", f.code, f.name);
                out.push(
                    &ctx,
                    "region-recoded",
                    &r.pointer,
                    Some(o),
                    Some(format!("{code} {}", r.value.name)),
                );
            }
            None if !failed.contains(&ctx.file) => {
                out.push(
                    &ctx,
                    "region-added",
                    &r.pointer,
                    None,
                    Some(format!("{code} {}", r.value.name)),
                );
            }
            None => {}
        }
    }
    for (code, r) in old
        .iter()
        .filter(|(c, _)| !new.contains_key(*c) && !recoded.contains(*c))
    {
        let file = path(bs, r.file);
        if !failed.contains(&file) {
            let ctx = Ctx {
                file,
                region: Some((*code).to_string()),
                ..Ctx::default()
            };
            out.push(
                &ctx,
                "region-removed",
                &r.pointer,
                Some(format!("{code} {}", r.value.name)),
                None,
            );
        }
    }
}
