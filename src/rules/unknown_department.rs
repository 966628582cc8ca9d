//! unknown-department: a department code departments.json does not define.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-department",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "主管部门代码不在 departments.json 中",
    doc: super::Doc {
        what: "事项、实施主体和一件事牵头部门所引用的部门代码，是否在 departments.json 中定义。",
        why: "部门代码是基本编码第 5–6 位，也决定事项归哪个部门维护；未定义的代码无法归口，基本编码也无法核对。",
        basis: "本目录 departments.json（全国部门代码表未公开，由本目录统一分配）；{standardization}（政务服务事项标准化）；本目录格式约定（catalog/README.md）。",
        bad: "\"department\": \"99\"，而 departments.json 中没有 99。",
        fix: "改用 departments.json 中的代码，或先在该文件中登记部门。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"department\": \"01\"",
        to: "\"department\": \"99\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    if ctx.index.broken(FileKind::Departments) {
        return;
    }
    let mut check_code = |file, pointer: String, code: &str| {
        if !ctx.index.departments.contains_key(code) {
            sink.push(
                RULE.at(file, &pointer)
                    .message(format!("departments.json 中没有部门代码 {code}"))
                    .help("改用 departments.json 中的部门代码，或先登记该部门"),
            );
        }
    };
    let c = ctx.catalog;
    for it in &c.items {
        check_code(it.file, "/department".into(), &it.value.department);
    }
    for a in &c.agencies {
        check_code(a.file, format!("{}/department", a.pointer), &a.value.department);
    }
    for b in &c.bundles {
        check_code(b.file, "/lead_department".into(), &b.value.lead_department);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100};

    #[test]
    fn agency_with_unknown_department() {
        let text = edit(AGENCIES_630100, "\"department\": \"01\"", "\"department\": \"99\"");
        let out = lint_with(&[("agencies/630100.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-department"),
            [("agencies/630100.json".to_string(), 4, 61)]
        );
    }
}
