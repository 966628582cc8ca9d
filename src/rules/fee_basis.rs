//! fee-basis: a charged item whose charges lack name, standard or basis.

use super::{blank, blank_opt, Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "fee-basis",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "收费事项未列明收费项目、收费标准（金额或计算方法）和收费依据",
    doc: super::Doc {
        what: "面向申请人的事项收费（fees.charged 为 true）时：
- 至少列出一个收费项目（fees.charges 不为空）；
- 每个收费项目都填写了收费项目名称、收费标准和收费依据，且不是空白；
- 收费标准写明了金额或计算方法（含数字、“元”、百分比或“×分之×”），不得只写“按规定收费”“按规定”之类；书名号《》内的文件名不算金额；
- 允许减免的（waiver_allowed 为 true），写明减免依据。",
        why: "收费是申请人最关心的要素之一。“按规定收费”没有告诉申请人交多少钱、依据哪个文件，既不能监督，也为乱收费留下空间。",
        basis: "{service_government}（收费公示：公开收费依据、标准）；{standardization}（科学细化量化办事服务标准，消除模糊条款、兜底条款）；《中华人民共和国行政许可法》（实施行政许可不得收费，法律、行政法规另有规定的依照其规定）。",
        bad: "\"fees\": {\"charged\": true, \"charges\": [{\"name\": \"证书工本费\", \"standard\": \"按规定收费\", \"basis\": \"\"}]}",
        fix: "把收费标准修改为具体金额或计算方法，如“每证 10 元”；在 basis 中写明批准收费的文件名称及文号；允许减免的写明 waiver_basis。确实不收费的，把 charged 改为 false 并删除收费项目。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"fees\": {\"charged\": false, \"charges\": []}",
        to: "\"fees\": {\"charged\": true, \"charges\": [{\"name\": \"证书工本费\", \"standard\": \"按规定收费\", \"basis\": \"\"}]}",
    },
    check: Check::Catalog(check),
};

/// Whether a fee standard states an amount or a formula. Text inside 《》
/// is a document title, whose years and numbers are not an amount.
fn states_amount(outside_titles: &str) -> bool {
    outside_titles
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '元' | '%' | '％' | '‰'))
        || outside_titles.contains("分之")
}

/// A standard that does not say what the applicant pays.
fn vague(standard: &str) -> bool {
    let mut depth = 0u32;
    let mut text = String::new();
    for c in standard.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() => text.push(c),
            _ => {}
        }
    }
    text.contains("规定收费") || text.contains("规定标准收费") || !states_amount(&text)
}

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let v = &it.value;
        if v.fees.charged != Some(true) || !ctx.applicant_facing(v) {
            continue;
        }
        if v.fees.charges.is_empty() {
            sink.push(
                RULE.at(it.file, "/fees/charges")
                    .message("事项收费，但没有列出收费项目")
                    .help(
                        "在 fees.charges 中逐项列出收费项目名称、收费标准和收费依据；不收费的，把 charged 改为 false",
                    ),
            );
        }
        for (i, c) in v.fees.charges.iter().enumerate() {
            let at = |field: &str| format!("/fees/charges/{i}/{field}");
            if blank(&c.name) {
                sink.push(
                    RULE.at(it.file, &at("name"))
                        .message("收费项目名称为空")
                        .help("填写收费项目名称，如“证书工本费”"),
                );
            }
            if blank(&c.standard) {
                sink.push(
                    RULE.at(it.file, &at("standard"))
                        .message("收费标准为空")
                        .help("填写金额或计算方法，如“每证 10 元”"),
                );
            } else if vague(&c.standard) {
                sink.push(
                    RULE.at(it.file, &at("standard"))
                        .message(format!("收费标准“{}”没有写明金额或计算方法", c.standard.trim()))
                        .help("改为具体金额或计算方法，如“每证 10 元”“按评估价的 0.5% 收取”"),
                );
            }
            if blank(&c.basis) {
                sink.push(
                    RULE.at(it.file, &at("basis"))
                        .message("收费依据为空")
                        .help("填写批准收费的文件名称及文号"),
                );
            }
            if c.waiver_allowed && blank_opt(c.waiver_basis.as_deref()) {
                sink.push(
                    RULE.at(it.file, &at("waiver_basis"))
                        .message("收费项目允许减免，但没有写明减免依据")
                        .help("在 waiver_basis 中写明减免的依据文件及适用情形"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, META};

    const I: &str = "items/630101001000.json";
    const FEES: &str = "\"fees\": {\"charged\": false, \"charges\": []}";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "fee-basis").is_empty());
    }

    #[test]
    fn charged_without_charges() {
        let item = edit(ITEM, FEES, "\"fees\": {\"charged\": true, \"charges\": []}");
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "fee-basis"), [(I.to_string(), 22, 40)]);
    }

    #[test]
    fn vague_standard_and_blank_basis() {
        let item = edit(
            ITEM,
            FEES,
            "\"fees\": {\"charged\": true, \"charges\": [{\"name\": \"测试费\", \"standard\": \"按规定收费\", \"basis\": \" \"}]}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(
            hits(&out, "fee-basis"),
            [(I.to_string(), 22, 69), (I.to_string(), 22, 87)]
        );
    }

    #[test]
    fn waiver_without_basis_falls_back_to_the_charge() {
        let item = edit(
            ITEM,
            FEES,
            "\"fees\": {\"charged\": true, \"charges\": [{\"name\": \"测试费\", \"standard\": \"每件10元\", \"basis\": \"《测试收费文件》\", \"waiver_allowed\": true}]}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "fee-basis"), [(I.to_string(), 22, 41)]);
    }

    #[test]
    fn not_applicant_facing_is_skipped() {
        let item = edit(ITEM, FEES, "\"fees\": {\"charged\": true, \"charges\": []}");
        let meta = edit(
            META,
            "\"name\": \"行政许可\", \"applicant_facing\": true",
            "\"name\": \"行政许可\", \"applicant_facing\": false",
        );
        let out = lint_with(&[(I, Some(&item)), ("catalog.json", Some(&meta))]);
        assert!(hits(&out, "fee-basis").is_empty());
    }

    #[test]
    fn standards() {
        use super::vague;
        for ok in [
            "每证10元",
            "每件 五十元",
            "按评估价的0.5%收取",
            "按工程造价的千分之三收取",
            "每平方米３元",
        ] {
            assert!(!vague(ok), "{ok} should state an amount");
        }
        for bad in [
            "按规定",
            "按规定收费",
            "按国家规定收费",
            "按《青海省收费标准（2019）》执行",
            "减半收取",
        ] {
            assert!(vague(bad), "{bad} should be vague");
        }
    }
}
