//! Elements that may differ between regions but are compared across them
//! ([`Aspect`]): promised deadline, visits, online depth, presence in the
//! service centre. The yardstick is the most common value among the
//! implementing regions (the mode); the best value is the province's best
//! practice. Shared by the `spread-outlier` rule and the uniformity report.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::catalog::local::OnlineDepth;
use crate::catalog::{At, Catalog, DeadlineUnit, Local};

/// Fewer implementing regions than this and a "majority" means nothing:
/// spreads are still shown, but nobody is called an outlier.
pub(crate) const MIN_REGIONS: usize = 3;

/// An element of an implementation that may differ between regions, but
/// is compared across them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Aspect {
    PromisedDeadline,
    Visits,
    OnlineDepth,
    InServiceCentre,
}

impl Aspect {
    pub(crate) const ALL: [Aspect; 4] = [
        Aspect::PromisedDeadline,
        Aspect::Visits,
        Aspect::OnlineDepth,
        Aspect::InServiceCentre,
    ];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Aspect::PromisedDeadline => "承诺办结时限",
            Aspect::Visits => "到办事现场次数",
            Aspect::OnlineDepth => "网上办理深度",
            Aspect::InServiceCentre => "进驻政务服务中心",
        }
    }

    /// Where the value is in a local file.
    pub(crate) fn pointer(self) -> &'static str {
        match self {
            Aspect::PromisedDeadline => "/promised_deadline",
            Aspect::Visits => "/visits",
            Aspect::OnlineDepth => "/online/depth",
            Aspect::InServiceCentre => "/in_service_centre",
        }
    }

    /// The pointer a finding should use for this local: an absent online
    /// depth points at `/online`.
    pub(crate) fn pointer_in(self, l: &Local) -> &'static str {
        match self {
            Aspect::OnlineDepth if l.online.depth.is_none() => "/online",
            _ => self.pointer(),
        }
    }

    pub(crate) fn of(self, l: &Local) -> Value {
        match self {
            Aspect::PromisedDeadline => Value::Deadline(l.promised_deadline.value, l.promised_deadline.unit),
            Aspect::Visits => Value::Visits(l.visits),
            Aspect::OnlineDepth => Value::Depth(l.online.depth),
            Aspect::InServiceCentre => Value::Centre(l.in_service_centre),
        }
    }
}

/// One region's value of an [`Aspect`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Value {
    Deadline(u32, Option<DeadlineUnit>),
    Visits(u32),
    Depth(Option<OnlineDepth>),
    /// None: 待补充 (not given).
    Centre(Option<bool>),
}

impl Value {
    /// How this value compares with `other` for the applicant:
    /// `Greater` = better. `None` when they cannot be compared (deadlines
    /// in different or missing units; 即办 beats any deadline).
    pub(crate) fn quality(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Deadline(a, u), Value::Deadline(b, v)) => {
                if *a == 0 || *b == 0 || (u.is_some() && u == v) {
                    Some(b.cmp(a))
                } else {
                    None
                }
            }
            (Value::Visits(a), Value::Visits(b)) => Some(b.cmp(a)),
            // Not online at all (None) is below Ⅰ级.
            (Value::Depth(a), Value::Depth(b)) => Some(a.cmp(b)),
            (Value::Centre(Some(a)), Value::Centre(Some(b))) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// The value in Chinese, as a reviewer reads it.
    pub(crate) fn show(&self) -> String {
        match self {
            Value::Deadline(0, _) => "即办（0）".into(),
            Value::Deadline(v, Some(u)) => format!("{v} 个{}", u.label()),
            Value::Deadline(v, None) => format!("{v}（未写单位）"),
            Value::Visits(3) => "多次".into(),
            Value::Visits(n) => format!("{n} 次"),
            Value::Depth(Some(d)) => match d {
                OnlineDepth::I => "Ⅰ级".into(),
                OnlineDepth::II => "Ⅱ级".into(),
                OnlineDepth::III => "Ⅲ级".into(),
                OnlineDepth::IV => "Ⅳ级（全程网办）".into(),
            },
            Value::Depth(None) => "不能网办".into(),
            Value::Centre(Some(true)) => "已进驻".into(),
            Value::Centre(Some(false)) => "未进驻".into(),
            Value::Centre(None) => "待补充".into(),
        }
    }
}

/// The spread of one aspect over the regions implementing one item.
#[derive(Debug)]
pub(crate) struct Spread<'a> {
    pub(crate) aspect: Aspect,
    /// Each implementing region's value, in region-code order.
    pub(crate) values: Vec<(&'a At<Box<Local>>, Value)>,
    /// The strictly most common value and how many regions have it; `None`
    /// when two values tie (there is no majority to measure against).
    pub(crate) mode: Option<(Value, usize)>,
    /// The best value that can be compared with the mode.
    pub(crate) best: Option<Value>,
}

impl<'a> Spread<'a> {
    pub(crate) fn new(aspect: Aspect, locals: &[&'a At<Box<Local>>]) -> Spread<'a> {
        let values: Vec<(&At<Box<Local>>, Value)> = locals.iter().map(|l| (*l, aspect.of(&l.value))).collect();
        let mut counts: HashMap<&Value, usize> = HashMap::new();
        for (_, v) in &values {
            *counts.entry(v).or_default() += 1;
        }
        let top = counts.values().copied().max().unwrap_or(0);
        let mut at_top: Vec<&Value> = counts.iter().filter(|(_, n)| **n == top).map(|(v, _)| *v).collect();
        at_top.sort();
        let mode = match at_top.as_slice() {
            [only] => Some(((*only).clone(), top)),
            _ => None,
        };
        let best = mode.as_ref().and_then(|(m, _)| {
            values
                .iter()
                .map(|(_, v)| v)
                .filter(|v| v.quality(m).is_some())
                .max_by(|a, b| a.quality(b).unwrap_or(Ordering::Equal).then_with(|| b.cmp(a)))
                .cloned()
        });
        Spread {
            aspect,
            values,
            mode,
            best,
        }
    }

    /// Whether there is a majority to measure against.
    pub(crate) fn has_majority(&self) -> bool {
        self.values.len() >= MIN_REGIONS && self.mode.as_ref().is_some_and(|(_, n)| *n >= 2)
    }

    /// Regions worse than the mode (comparable values only).
    pub(crate) fn outliers(&self) -> impl Iterator<Item = &(&'a At<Box<Local>>, Value)> + '_ {
        let mode = self.mode.as_ref().filter(|_| self.has_majority()).map(|(m, _)| m);
        self.values
            .iter()
            .filter(move |(_, v)| mode.is_some_and(|m| v.quality(m) == Some(Ordering::Less)))
    }

    /// Region codes having exactly this value, in code order.
    pub(crate) fn regions_with(&self, v: &Value) -> Vec<&'a str> {
        self.values
            .iter()
            .filter(|(_, x)| x == v)
            .map(|(l, _)| l.value.region.as_str())
            .collect()
    }

    /// The distinct values, best first (incomparable ones last, by value),
    /// each with how many regions have it.
    pub(crate) fn distribution(&self) -> Vec<(Value, usize)> {
        let mut counts: HashMap<&Value, usize> = HashMap::new();
        for (_, v) in &self.values {
            *counts.entry(v).or_default() += 1;
        }
        let mut d: Vec<(Value, usize)> = counts.into_iter().map(|(v, n)| (v.clone(), n)).collect();
        d.sort_by(|(a, _), (b, _)| match b.quality(a) {
            Some(o) if o != Ordering::Equal => o,
            _ => a.cmp(b),
        });
        d
    }
}

/// Local files grouped by item once (linear), each group sorted by region
/// code with one file per region (a second file for the same region and
/// item is the duplicate-id rule's business). Groups in item-code order.
pub(crate) fn locals_by_item(c: &Catalog) -> Vec<(&str, Vec<&At<Box<Local>>>)> {
    let mut by: HashMap<&str, Vec<&At<Box<Local>>>> = HashMap::new();
    for l in &c.locals {
        by.entry(l.value.item.as_str()).or_default().push(l);
    }
    let mut out: Vec<(&str, Vec<&At<Box<Local>>>)> = by.into_iter().collect();
    out.sort_by_key(|(k, _)| *k);
    for (_, ls) in &mut out {
        ls.sort_by(|a, b| a.value.region.cmp(&b.value.region));
        ls.dedup_by(|a, b| a.value.region == b.value.region);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: u32) -> Value {
        Value::Deadline(v, Some(DeadlineUnit::WorkingDays))
    }

    #[test]
    fn quality_orders_for_the_applicant() {
        assert_eq!(d(5).quality(&d(10)), Some(Ordering::Greater));
        assert_eq!(
            d(5).quality(&Value::Deadline(5, Some(DeadlineUnit::CalendarDays))),
            None
        );
        assert_eq!(
            Value::Deadline(0, None).quality(&Value::Deadline(3, Some(DeadlineUnit::CalendarDays))),
            Some(Ordering::Greater)
        );
        assert_eq!(Value::Visits(0).quality(&Value::Visits(1)), Some(Ordering::Greater));
        assert_eq!(
            Value::Depth(None).quality(&Value::Depth(Some(OnlineDepth::I))),
            Some(Ordering::Less)
        );
        assert_eq!(
            Value::Depth(Some(OnlineDepth::IV)).quality(&Value::Depth(Some(OnlineDepth::III))),
            Some(Ordering::Greater)
        );
        assert_eq!(
            Value::Centre(Some(false)).quality(&Value::Centre(Some(true))),
            Some(Ordering::Less)
        );
        assert_eq!(Value::Centre(None).quality(&Value::Centre(Some(true))), None);
    }
}
