//! Deviations from the provincial standard: the one definition of which
//! element a deviation departs from and whether it is in force, used by
//! the deviation rules, the summary line and the uniformity report alike.

use crate::catalog::local::Deviation;
use crate::config::{Config, PointerPattern};
use crate::text::blank;

/// Where a deviation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Standing {
    /// Departs from a uniform element with a legal basis and an approving
    /// authority: in force.
    InForce,
    /// Departs from a uniform element without basis or approval.
    Unapproved,
    /// Names an element that is not uniform (it may differ anyway) or does
    /// not exist: never in force, whatever its basis.
    NotUniform,
}

/// Where `d` stands under `config`'s uniform elements.
pub(crate) fn standing(d: &Deviation, config: &Config) -> Standing {
    if uniform_element(config, &d.element).is_none() {
        Standing::NotUniform
    } else if blank(&d.basis) || blank(&d.approved_by) {
        Standing::Unapproved
    } else {
        Standing::InForce
    }
}

/// Deviations in force in the whole catalog (for the summary line).
pub(crate) fn count_in_force(c: &crate::catalog::Catalog, config: &Config) -> usize {
    // One local's identical deviations count once (the
    // deviation-conflict rule reports the repeats).
    c.locals
        .iter()
        .map(|l| {
            let mut seen = std::collections::HashSet::new();
            l.value
                .deviations
                .iter()
                .filter(|d| standing(d, config) == Standing::InForce)
                .filter(|d| seen.insert((d.element.as_str(), d.value.to_string())))
                .count()
        })
        .sum()
}

/// The uniform element (an entry of rules.json `uniform_elements`) that a
/// pointer into an item falls under, if any: `/materials/2/copies` is under
/// `/materials`. Patterns may use `*` for one segment and `**` for any.
pub(crate) fn uniform_element<'c>(config: &'c Config, element: &str) -> Option<&'c str> {
    config
        .uniform_elements
        .iter()
        .find(|p| PointerPattern::parse(p).covers(element))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_prefixes() {
        assert!(PointerPattern::parse("/materials").covers("/materials/2/copies"));
        assert!(PointerPattern::parse("/materials").covers("/materials"));
        assert!(!PointerPattern::parse("/materials").covers("/materialsx"));
        assert!(PointerPattern::parse("/fees/*/basis").covers("/fees/charges/basis"));
        assert!(!PointerPattern::parse("/name").covers(""));
    }

    fn dev(element: &str, basis: &str, approved_by: &str) -> Deviation {
        Deviation {
            element: element.into(),
            value: serde_json::json!(5),
            basis: basis.into(),
            approved_by: approved_by.into(),
            approved_on: None,
        }
    }

    /// One definition for lint and the report: a deviation is in force
    /// only on a uniform element, with both a basis and an approver. A
    /// promised deadline may differ anyway, so a "deviation" from it is
    /// never in force, even with a basis (the report once called it
    /// approved while lint did not count it).
    #[test]
    fn standing_needs_a_uniform_element_a_basis_and_an_approver() {
        let c = Config::defaults();
        let s = |e, b, a| standing(&dev(e, b, a), &c);
        assert_eq!(
            s("/statutory_deadline", "《某条例》", "西宁市人民政府"),
            Standing::InForce
        );
        assert_eq!(
            s("/materials/1/copies", "《某条例》", "西宁市人民政府"),
            Standing::InForce
        );
        assert_eq!(s("/statutory_deadline", "", "西宁市人民政府"), Standing::Unapproved);
        assert_eq!(
            s("/statutory_deadline", "《某条例》", " \u{3000}"),
            Standing::Unapproved
        );
        assert_eq!(
            s("/promised_deadline", "《某条例》", "西宁市人民政府"),
            Standing::NotUniform
        );
        assert_eq!(s("/promised_deadline", "", ""), Standing::NotUniform);
    }
}
