//! version-not-bumped: a file whose content changed between the two
//! revisions of `tongbiao diff` while its `version` did not advance or its
//! `updated` date went backwards. A second bump on the same day keeps the
//! date: the version alone tells the two apart.

use std::collections::HashMap;

use serde_json::Value;

use super::{Category, Check, DiffContext, Example, Rule};
use crate::diag::{Severity, Sink};
use crate::load::Loaded;
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "version-not-bumped",
    category: Category::Change,
    severity: Severity::Error,
    summary: "文件内容改动了，版本号没有增加或更新日期早于旧版本",
    doc: super::Doc {
        what: "tongbiao diff 比较两个版本时，基本目录事项、实施清单和“一件事”文件的内容（version、updated 以外的任何值，格式调整不算）有改动的，version 是否比旧版本大、updated 是否不早于旧版本（同一天内再次修改、版本号已增加的，日期可以不变）。文件按路径配对，随区划或事项改码而改名的文件与改名前的文件比较（改码本身就是内容改动，须升版本）；新增、删除的文件和拆分、合并出的新事项不检查。",
        why: "版本号和更新日期是公开的事项信息告诉申请人和窗口“以哪一版为准”的唯一凭据：内容改了而版本不变，两份内容不同的清单会以同一版本号并存，群众、窗口人员和审核人员无法判断看到的是不是最新标准，也无从追溯某次改动。",
        basis: "{service_government}（办事公开：依据、条件、要求、过程和结果向社会公开，公开的须是可辨认的现行版本）；本项目 catalog/README.md（每次修改 version 加 1，updated 写修改日期）。",
        bad: "\"visits\": 1,（内容改动，\"version\": 1 与 \"updated\": \"2026-11-01\" 未变）",
        fix: "把 version 加 1，把 updated 改为本次修改的日期（YYYY-MM-DD）。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"visits\": 0,",
        to: "\"visits\": 1,",
    },
    check: Check::Diff(check),
};

/// Every versioned file (items, local files, bundles) of one side as
/// (path, file id, value).
fn versioned(side: &Loaded) -> Vec<(&str, FileId, Value)> {
    let c = &side.catalog;
    let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
    let mut out = Vec::new();
    out.extend(c.items.iter().map(|x| (x.file, json(serde_json::to_value(&x.value)))));
    out.extend(c.locals.iter().map(|x| (x.file, json(serde_json::to_value(&x.value)))));
    out.extend(c.bundles.iter().map(|x| (x.file, json(serde_json::to_value(&x.value)))));
    out.into_iter()
        .map(|(f, v)| (side.sources.get(f).path.as_str(), f, v))
        .collect()
}

/// The value without what a version bump itself changes.
fn content(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        for k in ["version", "updated", "$schema"] {
            o.remove(k);
        }
    }
    v
}

fn check(ctx: &DiffContext, sink: &mut Sink) {
    let base: HashMap<&str, Value> = versioned(ctx.base).into_iter().map(|(p, _, v)| (p, v)).collect();
    for (path, file, new) in versioned(ctx.head) {
        // A file re-coded (with its region or item) continues its
        // predecessor: compared with it.
        let was = ctx.diff.predecessors.get(path).map_or(path, String::as_str);
        let Some(old) = base.get(was) else { continue };
        if content(old) == content(&new) {
            continue;
        }
        let version = |v: &Value| v.get("version").and_then(Value::as_u64).unwrap_or(0);
        let updated = |v: &Value| v.get("updated").and_then(Value::as_str).unwrap_or("").to_string();
        let (ov, nv, ou, nu) = (version(old), version(&new), updated(old), updated(&new));
        let pointer = if nv <= ov {
            "/version"
        } else if nu < ou {
            "/updated"
        } else {
            continue;
        };
        sink.push(finding(file, pointer, (ov, nv), (&ou, &nu)));
    }
}

fn finding(file: FileId, pointer: &str, (ov, nv): (u64, u64), (ou, nu): (&str, &str)) -> crate::diag::Diagnostic {
    let what = if pointer == "/version" {
        format!("版本号未增加（旧 {ov}，新 {nv}）")
    } else {
        format!("更新日期早于旧版本（旧 {ou}，新 {nu}）")
    };
    RULE.at(file, pointer)
        .message(format!("文件内容有改动，但{what}"))
        .help(format!("把 version 改为 {}，updated 改为本次修改的日期", ov + 1))
}

#[cfg(test)]
mod tests {
    use crate::testing::{diff_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn rules(changed: &str) -> Vec<(String, String)> {
        diff_with(&[(L, Some(changed))])
            .into_iter()
            .filter(|(r, _)| r == "version-not-bumped")
            .collect()
    }

    #[test]
    fn a_change_without_a_bump_is_reported_at_the_version() {
        let t = LOCAL.replace("\"visits\": 0", "\"visits\": 1");
        let found = rules(&t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("版本号未增加（旧 1，新 1）"), "{found:?}");
    }

    #[test]
    fn a_bumped_version_with_an_earlier_date_is_reported_at_the_date() {
        let t = LOCAL
            .replace("\"visits\": 0", "\"visits\": 1")
            .replace("\"version\": 1", "\"version\": 2")
            .replace("2026-11-01", "2026-10-31");
        let found = rules(&t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .1
                .contains("更新日期早于旧版本（旧 2026-11-01，新 2026-10-31）"),
            "{found:?}"
        );
    }

    #[test]
    fn a_second_bump_on_the_same_day_keeps_the_date() {
        let t = LOCAL
            .replace("\"visits\": 0", "\"visits\": 1")
            .replace("\"version\": 1", "\"version\": 2");
        assert!(rules(&t).is_empty());
    }

    /// The item re-coded 630101001000 → 630101009000 (its file and its
    /// local file renamed), versions bumped or not.
    fn recoded(bump: bool) -> Vec<(String, String)> {
        let mut item = crate::testing::ITEM.replace(
            "\"code\": \"630101001000\",",
            "\"code\": \"630101009000\",\n  \"former_codes\": [{\"code\": \"630101001000\", \"name\": \"测试许可事项\"}],",
        );
        let mut local = LOCAL.replace("\"item\": \"630101001000\"", "\"item\": \"630101009000\"");
        if bump {
            for t in [&mut item, &mut local] {
                *t = t
                    .replace("\"version\": 1", "\"version\": 2")
                    .replace("2026-11-01", "2026-12-01");
            }
        }
        diff_with(&[
            ("items/630101001000.json", None),
            (L, None),
            ("items/630101009000.json", Some(&item)),
            ("local/630100/630101009000.json", Some(&local)),
        ])
        .into_iter()
        .filter(|(r, _)| r == "version-not-bumped")
        .collect()
    }

    #[test]
    fn a_recoded_file_is_compared_with_its_predecessor() {
        let found = recoded(false);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().all(|(_, m)| m.contains("版本号未增加（旧 1，新 1）")),
            "{found:?}"
        );
        assert!(recoded(true).is_empty());
    }

    #[test]
    fn a_bumped_change_or_a_formatting_change_is_quiet() {
        let t = LOCAL
            .replace("\"visits\": 0", "\"visits\": 1")
            .replace("\"version\": 1", "\"version\": 2")
            .replace("2026-11-01", "2026-12-01");
        assert!(rules(&t).is_empty());
        assert!(rules(&LOCAL.replace("  \"item\"", "    \"item\"")).is_empty());
    }
}
