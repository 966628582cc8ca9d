//! credit-code-missing: an agency whose credit code is not filled in yet.

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "credit-code-missing",
    category: Category::Code,
    severity: Severity::Info,
    summary: "实施主体的统一社会信用代码待补充",
    doc: super::Doc {
        what: "实施主体是否填写了统一社会信用代码。",
        why: "没有信用代码就无法生成实施编码。信用代码未公开或未核实时，宁可留空也不得编造，因此这只是提示级别的“待补充”，不阻断提交。",
        basis: "GB 32100-2015；全国一体化政务服务平台实施清单编码规则（实施编码前 18 位为实施主体信用代码）。",
        bad: "agencies/630100.json 中新登记 {\"id\": \"630100-02\", \"name\": \"市行政审批服务局\", \"department\": \"01\", \"level\": \"市级\"}，没有 credit_code。",
        fix: "从公开登记信息核实后填写 credit_code，再为该主体的实施清单填写实施编码。",
    },
    example: Example::Edit {
        file: "agencies/630100.json",
        from: "\"level\": \"市级\"}",
        to: "\"level\": \"市级\"}, {\"id\": \"630100-02\", \"name\": \"市行政审批服务局\", \"department\": \"01\", \"level\": \"市级\"}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for a in &ctx.catalog.agencies {
        if a.value.credit_code.is_none() {
            sink.push(
                RULE.at(a.file, &a.pointer)
                    .message(format!("{}（{}）的统一社会信用代码待补充", a.value.name, a.value.id))
                    .help("核实后填写 credit_code；不得编造"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100};

    #[test]
    fn missing_code_is_an_info() {
        // The base agency has a code in this test so the clean base stays
        // clean; removing it yields the info.
        let with = edit(
            AGENCIES_630100,
            "\"level\": \"市级\"",
            "\"level\": \"市级\", \"credit_code\": \"91350100M000100Y43\"",
        );
        let out = lint_with(&[("agencies/630100.json", Some(&with))]);
        assert_eq!(hits(&out, "credit-code-missing"), []);
        let out = lint_with(&[]);
        assert_eq!(
            hits(&out, "credit-code-missing"),
            [("agencies/630100.json".to_string(), 4, 5)]
        );
        // (The compact test files are all reported by format-canonical.)
        assert!(out
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Info || d.rule == "format-canonical"));
    }
}
