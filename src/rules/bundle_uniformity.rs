//! bundle-uniformity: a 一件事's material set is exactly the deduplicated
//! union of its members' materials, and its overall promised deadline is no
//! longer than its members' promised deadlines added up.

use std::collections::HashSet;

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::{Deadline, FileKind};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "bundle-uniformity",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "一件事的材料不是成员事项材料的合并去重，或整体时限超过成员时限之和",
    doc: super::Doc {
        what: "- 一件事的材料清单（materials）是否恰好是各成员事项（基本目录事项）申请材料的合并去重：成员事项要求、一件事却没有列出的材料报告为缺少；一件事列出、却没有任何成员事项要求的材料报告为多余；
- 整体承诺办结时限（promised_deadline）是否不超过各成员承诺办结时限之和（单位相同时比较），并指出承诺时限最长的成员事项。
各成员事项都写明免提交（exemption）的材料，申请人不再提交，一件事可以不列，列出也不算多余。成员事项不存在或文件未能解析时不检查材料（由 unknown-member 等规则报告）。",
        why: "一件事的“一套材料”来自成员事项的全省统一标准：少列，申请人按一件事准备的材料不够，到窗口还要补；多列，就是在标准之外增加了材料。整体时限长于各成员分别办理的时限之和，集成办理反而更慢，失去了“高效办成一件事”的意义。",
        basis: "{one_thing}（一次告知、一表申请、一套材料、一窗（端）受理、一网办理）及第15项（申请材料、办结时限等要素信息全省统一）；{standardization}（同一政务服务事项“无差别受理、同标准办理”；精减审批材料、压缩办理时限）；国发〔2024〕3号（高效办成一件事）。",
        bad: "成员事项要求 id_card 和 application_form，一件事 \"materials\": [\"application_form\", \"lease_contract\"]；两个成员各承诺 5 个工作日，一件事 \"promised_deadline\": {\"value\": 15, \"unit\": \"工作日\"}。",
        fix: "把一件事的材料清单修改为各成员事项申请材料的合并去重（补上缺少的材料标识，删除多余的）；把整体承诺办结时限压缩到不超过各成员承诺时限之和（最好不超过承诺时限最长的成员事项）。",
    },
    example: Example::Edit {
        file: "bundles/test-bundle.json",
        from: "\"materials\": [\"application_form\"]",
        to: "\"materials\": [\"application_form\", \"lease_contract\"]",
    },
    check: Check::Catalog(check),
};

fn show(d: &Deadline) -> String {
    match d.unit {
        Some(u) => format!("{} 个{}", d.value, u.label()),
        None => format!("{}（未写单位）", d.value),
    }
}

fn check(ctx: &Context, sink: &mut Sink) {
    for b in &ctx.catalog.bundles {
        check_materials(ctx, b, sink);
        check_deadline(ctx, b, sink);
    }
}

/// Materials: the deduplicated union of the members' materials. Not
/// checked when a member is unknown or an item file did not parse (other
/// rules report those).
fn check_materials(ctx: &Context, b: &crate::catalog::At<crate::catalog::Bundle>, sink: &mut Sink) {
    let members: Option<Vec<_>> = b
        .value
        .members
        .iter()
        .map(|m| ctx.index.items.get(m.item.as_str()))
        .collect();
    let (Some(members), false) = (members, ctx.index.broken(FileKind::Item)) else {
        return;
    };
    let theirs = MemberMaterials::of(members.iter().map(|it| &*it.value));
    report_missing(b, &theirs, sink);
    report_extra(b, &theirs, sink);
}

/// The materials of a bundle's members.
struct MemberMaterials<'a> {
    /// Every material, deduplicated, in the members' order.
    union: Vec<&'a str>,
    /// The same, as a set.
    seen: HashSet<&'a str>,
    /// Those some member requires: a material every member exempts (免提交)
    /// need not be listed, the applicant does not hand it in.
    required: HashSet<&'a str>,
}

impl<'a> MemberMaterials<'a> {
    fn of(members: impl Iterator<Item = &'a crate::catalog::Item>) -> Self {
        let mut out = MemberMaterials {
            union: Vec::new(),
            seen: HashSet::new(),
            required: HashSet::new(),
        };
        for it in members {
            for m in &it.materials {
                if out.seen.insert(m.material.as_str()) {
                    out.union.push(&m.material);
                }
                if m.exemption.is_none() {
                    out.required.insert(m.material.as_str());
                }
            }
        }
        out
    }
}

/// One finding for all the required materials the bundle does not list.
fn report_missing(b: &crate::catalog::At<crate::catalog::Bundle>, theirs: &MemberMaterials, sink: &mut Sink) {
    let listed: HashSet<&str> = b.value.materials.iter().map(String::as_str).collect();
    let missing: Vec<&str> = theirs
        .union
        .iter()
        .copied()
        .filter(|m| theirs.required.contains(m) && !listed.contains(m))
        .collect();
    if !missing.is_empty() {
        sink.push(
            RULE.at(b.file, "/materials")
                .message(format!(
                    "一件事的材料清单缺少成员事项要求的材料：{}",
                    missing.join("、")
                ))
                .help("一套材料应为各成员事项申请材料的合并去重：补上缺少的材料标识"),
        );
    }
}

/// One finding per material no member has (listing an exempt one is not
/// extra), each reported once, at its first place.
fn report_extra(b: &crate::catalog::At<crate::catalog::Bundle>, theirs: &MemberMaterials, sink: &mut Sink) {
    let mut reported = HashSet::new();
    for (j, m) in b.value.materials.iter().enumerate() {
        if !theirs.seen.contains(m.as_str()) && reported.insert(m.as_str()) {
            sink.push(
                RULE.at(b.file, &format!("/materials/{j}"))
                    .message(format!("材料“{m}”不是任何成员事项的申请材料"))
                    .help("删除该材料；确需提交的，应先写入成员事项的全省统一标准"),
            );
        }
    }
}

/// Deadline: overall ≤ the members' deadlines added up, compared only when
/// every member's deadline has the bundle's unit.
fn check_deadline(ctx: &Context, b: &crate::catalog::At<crate::catalog::Bundle>, sink: &mut Sink) {
    let v = &b.value;
    let Some(unit) = v.promised_deadline.unit else { return };
    if v.members.is_empty() || v.members.iter().any(|m| m.promised_deadline.unit != Some(unit)) {
        return;
    }
    let sum: u32 = v.members.iter().map(|m| m.promised_deadline.value).sum();
    if v.promised_deadline.value <= sum {
        return;
    }
    let (k, longest) = longest_member(&v.members);
    let name = ctx
        .index
        .items
        .get(longest.item.as_str())
        .map_or(String::new(), |i| format!("“{}”", i.value.name));
    sink.push(
        RULE.at(b.file, "/promised_deadline")
            .message(format!(
                "整体承诺办结时限 {} 超过 {} 个成员事项承诺时限之和 {} 个{}；承诺时限最长的成员是第 {} 个 {}{}（{}）",
                show(&v.promised_deadline),
                v.members.len(),
                sum,
                unit.label(),
                k + 1,
                longest.item,
                name,
                show(&longest.promised_deadline)
            ))
            .help(format!(
                "把整体承诺办结时限压缩到不超过 {sum} 个{}，最好不超过最长成员的 {}",
                unit.label(),
                show(&longest.promised_deadline)
            )),
    );
}

/// The member with the longest promised deadline (the first of equals),
/// with its index. `members` is not empty.
fn longest_member(members: &[crate::catalog::bundle::BundleMember]) -> (usize, &crate::catalog::bundle::BundleMember) {
    members
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.promised_deadline.value.cmp(&b.promised_deadline.value).then(j.cmp(i)))
        .expect("members is not empty")
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, BUNDLE};

    const B: &str = "bundles/test-bundle.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "bundle-uniformity").is_empty());
    }

    #[test]
    fn materials_missing_and_extra() {
        // The member requires application_form; id_card is exempt (电子证照).
        let bundle = edit(
            BUNDLE,
            "\"materials\": [\"application_form\"]",
            "\"materials\": [\"id_card\", \"lease_contract\"]",
        );
        let out = lint_with(&[(B, Some(&bundle))]);
        assert_eq!(
            hits(&out, "bundle-uniformity"),
            [(B.to_string(), 7, 16), (B.to_string(), 7, 28)]
        );
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "bundle-uniformity")
            .map(|d| &*d.message)
            .collect();
        assert_eq!(msgs[0], "一件事的材料清单缺少成员事项要求的材料：application_form");
        assert_eq!(msgs[1], "材料“lease_contract”不是任何成员事项的申请材料");
    }

    #[test]
    fn overall_deadline_longer_than_the_sum() {
        let bundle = edit(
            BUNDLE,
            "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"},\n  \"online_entry\"",
            "\"promised_deadline\": {\"value\": 11, \"unit\": \"工作日\"},\n  \"online_entry\"",
        );
        let out = lint_with(&[(B, Some(&bundle))]);
        assert_eq!(hits(&out, "bundle-uniformity"), [(B.to_string(), 8, 24)]);
        let d = out.diagnostics.iter().find(|d| d.rule == "bundle-uniformity").unwrap();
        assert_eq!(
            &*d.message,
            "整体承诺办结时限 11 个工作日 超过 1 个成员事项承诺时限之和 10 个工作日；承诺时限最长的成员是第 1 个 630101001000“测试许可事项”（10 个工作日）"
        );
    }
}
