//! deviation-widened: between the two revisions of `tongbiao diff`, a local
//! file gained a deviation from the provincial standard, or an existing
//! deviation's value moved further from what is good for applicants.

use std::collections::HashMap;

use serde_json::Value;

use super::{Category, Check, DiffContext, Example, Rule};
use crate::catalog::Deviation;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "deviation-widened",
    category: Category::Change,
    severity: Severity::Warning,
    summary: "实施清单新增了偏离全省标准的内容，或偏离变得对申请人更不利",
    doc: super::Doc {
        what: "tongbiao diff 比较两个版本的实施清单（按路径配对；随区划或事项改码而改名的实施清单与改名前的比较，拆分、合并出的事项的实施清单与同一区划旧事项的实施清单比较；其他新增的实施清单视为全部偏离都是新增）：deviations 中出现了旧版本没有的要素；或同一要素的本地取值改动后对申请人更不利——时限（同一单位）变长、数值变大、列表多出旧版本没有的条目；取值改动而无法判断方向的（如文字或单位改变）也报告，请审核人判断。",
        why: "偏离是各地改动全省统一标准的唯一途径，每多一处偏离，同一事项在各地就多一处“不同标准”。即使写明了依据和批准机关（deviation-unapproved 检查的是有没有写），新增或扩大偏离也应在合并前由审核处逐一确认依据是否真的允许这样做。",
        basis: "{standardization}（同一政务服务事项“无差别受理、同标准办理”）；{one_thing}第15项（要素信息全省统一）；《优化营商环境条例》（不得在法律法规之外增设条件）。",
        bad: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 25, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"市人民政府\"}]（旧版本没有这项偏离）",
        fix: "确认依据确实允许这样偏离、批准机关确已批准后再合并；不能确认的，删除该偏离（或恢复原来的取值），按全省标准办理。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": []",
        to: "\"deviations\": [{\"element\": \"/statutory_deadline\", \"value\": {\"value\": 25, \"unit\": \"工作日\"}, \"basis\": \"《某条例》第十条\", \"approved_by\": \"市人民政府\"}]",
    },
    check: Check::Diff(check),
};

/// Whether `new` is worse for applicants than `old`: `Some(true)` worse,
/// `Some(false)` not, `None` when the direction cannot be told.
fn worse(old: &Value, new: &Value) -> Option<bool> {
    match (old, new) {
        (Value::Number(a), Value::Number(b)) => Some(b.as_f64() > a.as_f64()),
        (Value::Array(a), Value::Array(b)) => Some(b.iter().any(|x| !a.contains(x))),
        (Value::Object(a), Value::Object(b)) if a.get("unit") == b.get("unit") => {
            match (a.get("value"), b.get("value")) {
                (Some(x @ Value::Number(_)), Some(y @ Value::Number(_))) if a.len() == b.len() => worse(x, y),
                _ => None,
            }
        }
        _ => None,
    }
}

fn check(ctx: &DiffContext, sink: &mut Sink) {
    let path = |s: &crate::load::Loaded, f| s.sources.get(f).path.clone();
    let base: HashMap<String, &[Deviation]> = ctx
        .base
        .catalog
        .locals
        .iter()
        .map(|l| (path(ctx.base, l.file), l.value.deviations.as_slice()))
        .collect();
    for l in &ctx.head.catalog.locals {
        // A file re-coded continues its predecessor; one of an item split
        // or merged continues the old items' files of its region.
        let here = path(ctx.head, l.file);
        let was: Vec<&String> = match (ctx.diff.predecessors.get(&here), ctx.diff.origins.get(&here)) {
            (Some(p), _) => vec![p],
            (None, Some(os)) => os.iter().collect(),
            (None, None) => vec![&here],
        };
        let old: Vec<&Deviation> = was.iter().flat_map(|p| base.get(*p).copied().unwrap_or(&[])).collect();
        for (i, d) in l.value.deviations.iter().enumerate() {
            let same: Vec<&&Deviation> = old.iter().filter(|o| o.element == d.element).collect();
            let message = match same.first() {
                None => format!("新增了对要素 {} 的偏离", d.element),
                Some(_) if same.iter().any(|o| o.value == d.value) => continue,
                Some(o) => match worse(&o.value, &d.value) {
                    Some(false) => continue,
                    Some(true) => format!("对要素 {} 的偏离扩大了，对申请人更不利", d.element),
                    None => format!("对要素 {} 的偏离取值改动了，无法判断是否对申请人更不利", d.element),
                },
            };
            sink.push(
                RULE.at(l.file, &format!("/deviations/{i}/value"))
                    .message(message)
                    .help("确认法律依据确实允许这样偏离、批准机关确已批准；不能确认的，删除该偏离或恢复原来的取值"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{diff_pair, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn with(value: &str) -> String {
        LOCAL.replace(
            "\"deviations\": [],",
            &format!("\"deviations\": [{{\"element\": \"/statutory_deadline\", \"value\": {value}, \"basis\": \"《某条例》\", \"approved_by\": \"西宁市人民政府\"}}],"),
        )
    }

    fn found(old: &str, new: &str) -> Vec<String> {
        diff_pair(&[(L, Some(old))], &[(L, Some(new))])
            .into_iter()
            .filter(|(r, _)| r == "deviation-widened")
            .map(|(_, m)| m)
            .collect()
    }

    const D15: &str = r#"{"value": 15, "unit": "工作日"}"#;
    const D25: &str = r#"{"value": 25, "unit": "工作日"}"#;

    #[test]
    fn an_added_or_longer_deviation_is_reported() {
        assert_eq!(found(LOCAL, &with(D15)).len(), 1);
        let longer = found(&with(D15), &with(D25));
        assert_eq!(longer.len(), 1);
        assert!(longer[0].contains("扩大"), "{longer:?}");
    }

    #[test]
    fn a_narrowed_or_unchanged_deviation_is_quiet() {
        assert!(found(&with(D25), &with(D15)).is_empty());
        assert!(found(&with(D15), &with(D15)).is_empty());
        assert!(found(&with(D15), LOCAL).is_empty());
    }

    #[test]
    fn a_change_of_unknown_direction_is_reported_for_review() {
        let other = found(&with(D15), &with(r#"{"value": 15, "unit": "日"}"#));
        assert_eq!(other.len(), 1);
        assert!(other[0].contains("无法判断"), "{other:?}");
    }
}
