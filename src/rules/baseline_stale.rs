//! baseline-stale: an entry of the baseline (`lint --baseline`) that no
//! finding matched any more.

use super::{Category, Check, Example, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::source::FileId;

/// The key of the example: a catch-all phrase in the test item's first
/// condition, which the clean test catalog does not have.
const EXAMPLE_KEY: &str = "vague-catch-all|items/630101001000.json|/conditions/0|0c5e4b4f1d2a3e6f";

pub(crate) const RULE: Rule = Rule {
    id: "baseline-stale",
    category: Category::Config,
    severity: Severity::Warning,
    summary: "基线中的条目已没有对应的问题，应从基线中删除",
    doc: super::Doc {
        what: "lint --baseline 指定的基线文件中，每个条目是否仍对应本次检查的一个问题（同一个键出现几次，就要对应几个问题）。",
        why: "基线只用来接纳导入时已有的问题，只减不增：问题修正了、文字改了或文件改名后，旧条目若留在基线里，日后同一位置再出现同样的问题就会被悄悄放过。级别为警告：默认不使 CI 失败，但在 --fail-on warning 的 CI 中，修正问题的同一次提交须同时删去基线条目。",
        basis: "本项目基线约定（README.md）；{standardization}（规范办事标准）。",
        bad: "tongbiao-baseline.json 的 \"findings\" 中有 \"vague-catch-all|items/630101001000.json|/conditions/0|0c5e4b4f1d2a3e6f\"，而该事项的受理条件中已没有兜底用语。",
        fix: "删除该条目，或运行 tongbiao baseline 重新生成基线并在提交中核对其差异（只应减少）。",
    },
    example: Example::Baseline {
        keys: &[EXAMPLE_KEY],
    },
    check: Check::Pipeline,
};

/// The finding on entry `index` (its `key`) of the baseline file `file`.
pub(crate) fn finding(file: FileId, index: usize, key: &str) -> Diagnostic {
    let mut parts = key.splitn(4, '|');
    let (rule, path, pointer) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let at = if pointer.is_empty() {
        String::new()
    } else {
        format!(" {pointer} 处")
    };
    RULE.at(file, &format!("/findings/{index}"))
        .message(format!(
            "基线条目已没有对应的问题：{path}{at}的 {rule}（已修正，或文字、位置已改变）"
        ))
        .help("删除此条目，或运行 tongbiao baseline 重新生成；基线只减不增")
}
