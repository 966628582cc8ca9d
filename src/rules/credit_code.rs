//! credit-code: an agency's 统一社会信用代码 is malformed.

use super::{Category, Check, Context, Example, Rule};
use crate::codes::credit_code_problem;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "credit-code",
    category: Category::Code,
    severity: Severity::Error,
    summary: "统一社会信用代码的字符集或校验码错误",
    doc: super::Doc {
        what: "实施主体的统一社会信用代码是否为 18 位、只含数字和除 I、O、Z、S、V 外的大写字母，且第 18 位校验码按 GB 32100-2015（GB/T 17710 MOD 31-3）计算正确。",
        why: "信用代码是实施编码的前 18 位；抄错一位，实施编码和办件编号就指向一个不存在或别的机关。",
        basis: "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》。",
        bad: "\"credit_code\": \"11630000MB0O12345X\"（含字母 O）。",
        fix: "从国家企业信用信息公示系统或机构编制部门公布的信息核对后重新填写；无法核实时删除此字段（以提示级别报告“待补充”），不得编造。",
    },
    example: Example::Edit {
        file: "agencies/630100.json",
        from: "\"level\": \"市级\"",
        to: "\"level\": \"市级\", \"credit_code\": \"11630000MB0O12345X\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for a in &ctx.catalog.agencies {
        if let Some(code) = &a.value.credit_code {
            if let Some(p) = credit_code_problem(code) {
                sink.push(
                    RULE.at(a.file, &format!("{}/credit_code", a.pointer))
                        .message(format!("{} 的统一社会信用代码 {code} 有误：{p}", a.value.name))
                        .help("核对公开登记信息后重新填写；无法核实时删除此字段，不得编造"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100};

    #[test]
    fn bad_check_digit_is_reported() {
        let text = edit(
            AGENCIES_630100,
            "\"level\": \"市级\"",
            "\"level\": \"市级\", \"credit_code\": \"91350100M000100Y44\"",
        );
        let out = lint_with(&[("agencies/630100.json", Some(&text))]);
        assert_eq!(hits(&out, "credit-code"), [("agencies/630100.json".to_string(), 4, 97)]);
    }
}
