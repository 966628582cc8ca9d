//! The GB/T 2260 division table shipped with the tool (`data/divisions.csv`,
//! see `data/README.md` for its source): one row per code and period, with
//! the codes a retired one was replaced by. From it, the regions of any
//! province, with the former codes that lead to each current one.

use std::collections::{BTreeMap, BTreeSet};

use super::region::{FormerCode, Region};
use super::Level;

const TABLE: &str = include_str!("../../data/divisions.csv");

/// One row of the table.
struct Row<'a> {
    code: &'a str,
    name: &'a str,
    level: &'a str,
    status: &'a str,
    successors: Vec<&'a str>,
}

fn rows() -> impl Iterator<Item = Row<'static>> {
    TABLE.lines().skip(1).filter_map(|l| {
        let f: Vec<&str> = l.split(',').collect();
        let [code, name, level, status, _since, _until, successors] = f.as_slice() else {
            return None;
        };
        Some(Row {
            code,
            name,
            level,
            status,
            // "130108[2001]": the year is when the area moved; the code is what counts.
            successors: successors
                .split(';')
                .map(|s| s.split('[').next().unwrap_or(s))
                .filter(|s| !s.is_empty())
                .collect(),
        })
    })
}

/// The name of the province (or autonomous region, municipality) with
/// this 6-digit code, if the table has it in use.
pub(crate) fn province_name(code: &str) -> Option<&'static str> {
    rows()
        .find(|r| r.code == code && r.status == "在用" && r.level == "省级")
        .map(|r| r.name)
}

/// The regions of a province as the table has them in use: the province,
/// its prefectures (市级) and counties (县级), each county under its
/// prefecture (or the province when it has none), with the retired codes
/// that were replaced by exactly one code leading, in one or more steps, to
/// it. `None`: no province with this code.
pub(crate) fn province_regions(province: &str) -> Option<Vec<Region>> {
    province_name(province)?;
    let prefix = &province[..2];
    let current: BTreeMap<&str, Row<'static>> = rows()
        .filter(|r| r.status == "在用" && r.code.starts_with(prefix))
        .map(|r| (r.code, r))
        .collect();
    let formers = former_codes(prefix, &current);
    let regions = current
        .values()
        .map(|r| {
            let level = match r.level {
                "省级" => Level::Province,
                "地级" => Level::Prefecture,
                _ => Level::County,
            };
            let parent = match level {
                Level::Province => None,
                Level::Prefecture => Some(province.to_string()),
                _ => {
                    let pref = format!("{}00", &r.code[..4]);
                    Some(if current.contains_key(pref.as_str()) {
                        pref
                    } else {
                        province.to_string()
                    })
                }
            };
            Region {
                code: r.code.to_string(),
                name: r.name.to_string(),
                level,
                parent,
                former_codes: formers.get(r.code).cloned().unwrap_or_default(),
            }
        })
        .collect();
    Some(regions)
}

/// Retired codes of the province by the current code they lead to. A code
/// split among several successors leads to none of them (no one region
/// took its place); a chain is followed at most 16 steps.
fn former_codes(prefix: &str, current: &BTreeMap<&str, Row<'static>>) -> BTreeMap<&'static str, Vec<FormerCode>> {
    let retired: Vec<Row<'static>> = rows()
        .filter(|r| r.status == "弃用" && r.code.starts_with(prefix))
        .collect();
    let next: BTreeMap<&str, &str> = retired
        .iter()
        .filter_map(|r| match r.successors.as_slice() {
            [one] => Some((r.code, *one)),
            _ => None,
        })
        .collect();
    let mut out: BTreeMap<&'static str, BTreeSet<(&'static str, &'static str)>> = BTreeMap::new();
    for r in &retired {
        if current.contains_key(r.code) {
            // A code in use again names another area now.
            continue;
        }
        let mut at = r.code;
        for _ in 0..16 {
            match next.get(at) {
                Some(n) => at = n,
                None => break,
            }
            if let Some(c) = current.get(at) {
                out.entry(c.code).or_default().insert((r.code, r.name));
                break;
            }
        }
    }
    out.into_iter()
        .map(|(k, set)| {
            let list = set
                .into_iter()
                .map(|(code, name)| FormerCode {
                    code: code.to_string(),
                    name: name.to_string(),
                })
                .collect();
            (k, list)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives Qinghai exactly the regions of the shipped catalog
    /// (checked by hand against the NBS 2023 list in the domain notes),
    /// and at least its former codes.
    #[test]
    fn qinghai_from_the_table_is_the_shipped_catalog() {
        let shipped: crate::catalog::RegionsFile =
            serde_json::from_str(include_str!("../../catalog/regions.json")).unwrap();
        let made = province_regions("630000").unwrap();
        let key = |r: &Region| (r.code.clone(), r.name.clone(), r.level, r.parent.clone());
        let a: Vec<_> = shipped.regions.iter().map(key).collect();
        let mut b: Vec<_> = made.iter().map(key).collect();
        b.sort();
        let mut a_sorted = a.clone();
        a_sorted.sort();
        assert_eq!(a_sorted, b);
        for r in &shipped.regions {
            let m = made.iter().find(|x| x.code == r.code).unwrap();
            for f in &r.former_codes {
                assert!(
                    m.former_codes.iter().any(|x| x.code == f.code && x.name == f.name),
                    "{}: {} missing",
                    r.code,
                    f.code
                );
            }
        }
        // A chain: 632124 湟中县 → 630122 湟中县 → 630106 湟中区.
        let huangzhong = made.iter().find(|x| x.code == "630106").unwrap();
        assert!(huangzhong.former_codes.iter().any(|f| f.code == "632124"));
    }

    #[test]
    fn guangdong_has_its_prefectures_and_no_unknown_province() {
        assert_eq!(province_name("440000"), Some("广东省"));
        let gd = province_regions("440000").unwrap();
        let gz = gd.iter().find(|r| r.code == "440100").unwrap();
        assert_eq!((gz.name.as_str(), gz.level), ("广州市", Level::Prefecture));
        let dg = gd.iter().find(|r| r.code == "441900").unwrap();
        assert_eq!(dg.name, "东莞市");
        assert!(gd.iter().all(|r| r.code.starts_with("44")));
        assert!(province_regions("990000").is_none());
        assert!(province_regions("440100").is_none(), "a city is not a province");
    }
}
