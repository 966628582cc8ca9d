//! result-sample: a result without a sample.

use super::{blank_opt, Category, Check, Context, Example, Rule};
use crate::catalog::provenance::covering;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "result-sample",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "办理结果没有结果样本",
    doc: super::Doc {
        what: "面向申请人的事项中，每个办理结果是否填写了结果样本（sample：样本文件名或地址），且不是空白。样本尚未取得、在来源记录（provenance）中把该结果（如 /results/0）标为“待核实”的，不报告为错误，而由 unverified-fact 以提示计入待核实项数。",
        why: "结果样本让申请人事先知道将拿到什么证照或批文、上面载明哪些事项，是办事公开的一部分；只有名称没有样本，申请人无从核对，各地出具的结果也难以统一。",
        basis: "{service_government}（办事公开：公开依据、条件、要求、过程和结果）；{one_thing}（办理结果等要素信息全省统一）；本目录格式约定（catalog/README.md）。",
        bad: "\"results\": [{\"name\": \"食品经营许可证\", \"kind\": \"证照\"}]",
        fix: "增加 \"sample\": \"食品经营许可证（样本）.pdf\"，并把样本文件随目录一起发布。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"results\": [{\"name\": \"测试许可证\", \"kind\": \"证照\", \"sample\": \"测试许可证（样本）.pdf\"}]",
        to: "\"results\": [{\"name\": \"食品经营许可证\", \"kind\": \"证照\"}]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        if !ctx.applicant_facing(&it.value) {
            continue;
        }
        for (i, r) in it.value.results.iter().enumerate() {
            let pointer = format!("/results/{i}/sample");
            let pending = covering(&it.value.provenance, &pointer).is_some_and(|p| p.unverified());
            if blank_opt(r.sample.as_deref()) && !pending {
                // A missing sample falls back to the result object.
                sink.push(
                    RULE.at(it.file, &pointer)
                        .message(format!("办理结果“{}”没有结果样本", r.name.trim()))
                        .help("在 sample 中填写结果样本的文件名或地址"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "result-sample").is_empty());
    }

    #[test]
    fn missing_sample_is_reported_at_the_result() {
        let item = edit(ITEM, ", \"sample\": \"测试许可证（样本）.pdf\"", "");
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "result-sample"), [(I.to_string(), 23, 15)]);
    }

    #[test]
    fn blank_sample_is_reported_at_the_sample() {
        let item = edit(ITEM, "\"sample\": \"测试许可证（样本）.pdf\"", "\"sample\": \"\"");
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "result-sample"), [(I.to_string(), 23, 57)]);
    }

    #[test]
    fn a_sample_pending_verification_is_left_to_unverified_fact() {
        let item = edit(ITEM, ", \"sample\": \"测试许可证（样本）.pdf\"", "");
        let pending = edit(
            &item,
            "\"version\": 1,",
            "\"provenance\": {\"/results/0\": {\"status\": \"待核实\", \"note\": \"结果样本待补充\"}},\n  \"version\": 1,",
        );
        let out = lint_with(&[(I, Some(&pending))]);
        assert_eq!(hits(&out, "result-sample"), []);
        assert_eq!(hits(&out, "unverified-fact").len(), 1);
        // A verified result without a sample is still an error.
        let verified = pending.replace(
            "\"status\": \"待核实\"",
            "\"status\": \"已核实\", \"source\": {\"document\": \"《某办法》\"}",
        );
        let out = lint_with(&[(I, Some(&verified))]);
        assert_eq!(hits(&out, "result-sample").len(), 1);
    }
}
