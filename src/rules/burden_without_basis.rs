//! burden-without-basis: a change that makes life harder for applicants
//! (class 增负 in `tongbiao diff`) with no legal basis stated for it in the
//! changed file's `change_notes`.

use serde_json::Value;

use super::{blank, Category, Check, DiffContext, Example, Rule};
use crate::analysis::diff::{Change, Class};
use crate::catalog::ChangeNote;
use crate::diag::{Diagnostic, Severity, Sink};
use crate::source::FileId;

pub(crate) const RULE: Rule = Rule {
    id: "burden-without-basis",
    category: Category::Change,
    severity: Severity::Error,
    summary: "增加申请人负担的变更没有写明法律依据",
    doc: super::Doc {
        what: "tongbiao diff 中类别为“增负”的每处变更（新增材料、时限延长、到现场次数增加等，类别可在 rules.json 的 diff.classes 中调整），所在文件（基本目录事项或实施清单）的 change_notes 中是否有一条说明：version 等于文件当前的版本号，pointer 是该变更的 JSON 指针或其上级（如 /materials 覆盖 /materials/3），basis 不为空白。整个文件被删除的变更（如区划不再实施某事项）无处可写，不检查；偏离全省标准的依据写在偏离自身的 basis 中，由 deviation-unapproved 和 deviation-widened 检查。",
        why: "减证便民要求不在法律法规之外增设条件、材料和环节。增负的改动若说不出依据，往往就是部门为自身方便加码；要求每次增负都写明依据，审核人员在合并前就能看到依据并核对，申请人日后追问“为什么多要一份材料”时也有据可查。",
        basis: "《优化营商环境条例》（不得在法律法规之外增设条件、材料、环节）；{standardization}（同一政务服务事项“无差别受理、同标准办理”）；本项目 README.md（变更说明 change_notes 的写法）。",
        bad: "\"promised_deadline\": {\"value\": 15, \"unit\": \"工作日\"},（由 10 个工作日延长，change_notes 中没有 /promised_deadline 的说明）",
        fix: "在文件中加入（或补充）change_notes：[{\"version\": 当前版本号, \"pointer\": \"/promised_deadline\", \"basis\": \"《某条例》第十条\"}]；没有依据的，撤回这处增负变更。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"promised_deadline\": {\"value\": 10, \"unit\": \"工作日\"},",
        to: "\"promised_deadline\": {\"value\": 15, \"unit\": \"工作日\"},",
    },
    check: Check::Diff(check),
};

/// Whether a note's pointer covers a change's: the same element or one
/// above it ("" covers the whole file).
fn covers(note: &str, change: &str) -> bool {
    note.is_empty() || change == note || change.starts_with(&format!("{note}/"))
}

/// HEAD's notes, version and value of a file (items and local files).
fn head_file<'a>(ctx: &'a DiffContext, file: FileId) -> Option<(&'a [ChangeNote], u32, Value)> {
    let c = &ctx.head.catalog;
    let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
    if let Some(i) = c.items.iter().find(|i| i.file == file) {
        return Some((
            &i.value.change_notes,
            i.value.version,
            json(serde_json::to_value(&i.value)),
        ));
    }
    let l = c.locals.iter().find(|l| l.file == file)?;
    Some((
        &l.value.change_notes,
        l.value.version,
        json(serde_json::to_value(&l.value)),
    ))
}

fn check(ctx: &DiffContext, sink: &mut Sink) {
    for c in ctx.diff.changes.iter().filter(|c| c.class == Class::Up) {
        // A file gone from HEAD has nowhere to state a basis.
        let Some(file) = ctx.head_file(&c.file) else { continue };
        let Some((notes, version, value)) = head_file(ctx, file) else {
            continue;
        };
        let stated = notes
            .iter()
            .any(|n| n.version == version && covers(&n.pointer, &c.pointer) && !blank(&n.basis));
        if !stated {
            sink.push(finding(file, &existing(&value, &c.pointer), c, version));
        }
    }
}

/// The longest part of `pointer` that HEAD's value has (a removed
/// element's pointer may name the BASE side's position).
fn existing(value: &Value, pointer: &str) -> String {
    let mut p = pointer.to_string();
    while !p.is_empty() && value.pointer(&p).is_none() {
        p.truncate(p.rfind('/').unwrap_or(0));
    }
    p
}

fn finding(file: FileId, at: &str, c: &Change, version: u32) -> Diagnostic {
    let pointer = if c.pointer.is_empty() {
        "（整个文件）"
    } else {
        &c.pointer
    };
    RULE.at(file, at)
        .message(format!("增负变更“{}”（{pointer}）没有写明法律依据", c.label))
        .help(format!(
            "在 change_notes 中加入 {{\"version\": {version}, \"pointer\": \"{}\", \"basis\": \"法律依据\"}}；没有依据的，撤回这处变更",
            c.pointer
        ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{diff_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn rules(changed: &str) -> Vec<String> {
        diff_with(&[(L, Some(changed))])
            .into_iter()
            .filter(|(r, _)| r == "burden-without-basis")
            .map(|(_, m)| m)
            .collect()
    }

    fn longer() -> String {
        LOCAL
            .replace("\"value\": 10", "\"value\": 15")
            .replace("\"version\": 1", "\"version\": 2")
    }

    fn with_note(t: &str, note: &str) -> String {
        t.replace(
            "\"deviations\": [],",
            &format!("\"deviations\": [],\n  \"change_notes\": [{note}],"),
        )
    }

    #[test]
    fn a_longer_deadline_without_a_note_is_reported() {
        let found = rules(&longer());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("时限延长"), "{found:?}");
    }

    #[test]
    fn a_note_of_this_version_over_the_element_is_a_basis() {
        let note = r#"{"version": 2, "pointer": "/promised_deadline", "basis": "《某条例》第十条"}"#;
        assert!(rules(&with_note(&longer(), note)).is_empty());
        let whole = r#"{"version": 2, "pointer": "", "basis": "《某条例》第十条"}"#;
        assert!(rules(&with_note(&longer(), whole)).is_empty());
    }

    #[test]
    fn an_old_blank_or_elsewhere_note_is_not() {
        for note in [
            r#"{"version": 1, "pointer": "/promised_deadline", "basis": "《某条例》"}"#,
            r#"{"version": 2, "pointer": "/promised_deadline", "basis": " "}"#,
            r#"{"version": 2, "pointer": "/visits", "basis": "《某条例》"}"#,
        ] {
            assert_eq!(rules(&with_note(&longer(), note)).len(), 1, "{note}");
        }
    }

    #[test]
    fn covers_by_prefix_of_segments() {
        assert!(super::covers("/materials", "/materials/3"));
        assert!(!super::covers("/materials/1", "/materials/10"));
    }
}
