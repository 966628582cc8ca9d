//! Items re-coded, split or merged, from the new items' `former_codes`: a
//! HEAD item naming a BASE code that HEAD no longer has descends from it.
//! One old code claimed by one new item that claims nothing else is a
//! re-code (the two are compared like one item); claimed by several new
//! items, a split; a new item claiming several old codes, a merge.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Item};

/// How a HEAD item descends from BASE items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Descent {
    /// One old code, which no other new item claims.
    Recoded(String),
    /// One old code that other new items claim too.
    Split(String),
    /// Several old codes.
    Merged(Vec<String>),
}

/// The descent of every HEAD item that claims a removed BASE code, and
/// the BASE codes so claimed.
pub(crate) struct Lineage {
    pub(crate) of: BTreeMap<String, Descent>,
    pub(crate) claimed: BTreeSet<String>,
}

impl Lineage {
    /// The HEAD code of a BASE item re-coded one to one.
    pub(crate) fn recoded(&self) -> BTreeMap<String, String> {
        self.of
            .iter()
            .filter_map(|(new, d)| match d {
                Descent::Recoded(old) => Some((old.clone(), new.clone())),
                _ => None,
            })
            .collect()
    }
}

pub(crate) fn lineage(base: &Catalog, head: &Catalog) -> Lineage {
    let in_base: BTreeSet<&str> = base.items.iter().map(|i| i.value.code.as_str()).collect();
    let in_head: BTreeSet<&str> = head.items.iter().map(|i| i.value.code.as_str()).collect();
    let mut parents: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut children: BTreeMap<String, usize> = BTreeMap::new();
    for i in head.items.iter().map(|i| &i.value) {
        if in_base.contains(i.code.as_str()) {
            continue;
        }
        let mut olds: Vec<String> = (i.former_codes.iter())
            .map(|f| f.code.clone())
            .filter(|c| in_base.contains(c.as_str()) && !in_head.contains(c.as_str()))
            .collect();
        olds.sort();
        olds.dedup();
        for o in &olds {
            *children.entry(o.clone()).or_default() += 1;
        }
        if !olds.is_empty() {
            parents.insert(i.code.clone(), olds);
        }
    }
    let of = parents
        .into_iter()
        .map(|(new, mut olds)| {
            let d = match olds.len() {
                1 if children.get(&olds[0]) == Some(&1) => Descent::Recoded(olds.remove(0)),
                1 => Descent::Split(olds.remove(0)),
                _ => Descent::Merged(olds),
            };
            (new, d)
        })
        .collect();
    Lineage {
        of,
        claimed: children.into_keys().collect(),
    }
}

/// An item as a reviewer reads it: code and name.
pub(crate) fn shown(i: &Item) -> String {
    format!("{} {}", i.code, i.name)
}
