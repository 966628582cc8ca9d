//! missing-file: a file every catalog must have is absent.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Diagnostic, Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "missing-file",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "缺少目录必备文件（catalog.json、regions.json 等）",
    doc: super::Doc {
        what: "目录根部是否有 catalog.json、regions.json、departments.json 和 materials.json，且能被读取。",
        why: "没有区划表、部门表和材料库，实施清单的区划、实施主体和材料引用都无法核对。",
        basis: "本目录格式约定（catalog/README.md）。",
        bad: "删除了 catalog/regions.json 的目录。",
        fix: "从版本库恢复该文件，或按 catalog/README.md 新建。",
    },
    example: Example::Remove { file: "regions.json" },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let present = |name: &str| ctx.sources.files.iter().any(|f| f.path == name);
    let needed = [
        ("catalog.json", ctx.catalog.meta.is_some()),
        ("regions.json", !ctx.catalog.regions.is_empty()),
        ("departments.json", !ctx.catalog.departments.is_empty()),
        ("materials.json", !ctx.catalog.materials.is_empty()),
    ];
    for (name, loaded) in needed {
        // A present file that failed to parse was already reported.
        if !loaded && !present(name) {
            // Anchor on the first catalog file of the run, so the finding
            // has a file to name; the message names the missing one.
            let Some(anchor) = ctx
                .sources
                .files
                .iter()
                .position(|f| FileKind::of_path(&f.path).is_some())
            else {
                continue;
            };
            sink.push(
                Diagnostic::at(RULE.id, RULE.severity, anchor, "")
                    .message(format!("目录缺少 {name}"))
                    .help(format!("在目录根部添加 {name}；格式见 catalog/README.md")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::lint_with;

    #[test]
    fn missing_regions_file_is_reported() {
        let out = lint_with(&[("regions.json", None)]);
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "missing-file")
            .map(|d| &*d.message)
            .collect();
        assert_eq!(msgs, ["目录缺少 regions.json"]);
    }
}
