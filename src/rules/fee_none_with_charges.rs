//! fee-none-with-charges: an item marked free that still lists charges.

use super::{Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "fee-none-with-charges",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "事项标明不收费，却列出了收费项目",
    doc: super::Doc {
        what: "fees.charged 为 false（不收费）时，fees.charges 是否为空。",
        why: "“是否收费”和“收费项目”互相矛盾时，申请人无法判断要不要交费，窗口也可能据收费项目照收不误；收费信息必须前后一致才能公示和监督。",
        basis: "{service_government}（收费公示：公开收费依据、标准）；{standardization}（科学细化量化办事服务标准，消除模糊条款）；《中华人民共和国行政许可法》（实施行政许可不得收费，法律、行政法规另有规定的依照其规定）。",
        bad: "\"fees\": {\"charged\": false, \"charges\": [{\"name\": \"证书工本费\", \"standard\": \"每证 10 元\", \"basis\": \"……\"}]}",
        fix: "确实不收费的，删除 charges 中的收费项目；确实收费的，把 charged 修改为 true，并写全收费标准和收费依据。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"fees\": {\"charged\": false, \"charges\": []}",
        to: "\"fees\": {\"charged\": false, \"charges\": [{\"name\": \"证书工本费\", \"standard\": \"每证 10 元\", \"basis\": \"……\"}]}",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let fees = &it.value.fees;
        if fees.charged == Some(false) && !fees.charges.is_empty() {
            let names: Vec<&str> = fees.charges.iter().map(|c| c.name.trim()).collect();
            sink.push(
                RULE.at(it.file, "/fees/charges")
                    .message(format!(
                        "事项标明不收费（charged 为 false），却列出了 {} 个收费项目：{}",
                        fees.charges.len(),
                        names.join("、")
                    ))
                    .help("不收费的，删除收费项目；收费的，把 charged 改为 true"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "fee-none-with-charges").is_empty());
    }

    #[test]
    fn free_item_with_charges() {
        let item = edit(
            ITEM,
            "\"fees\": {\"charged\": false, \"charges\": []}",
            "\"fees\": {\"charged\": false, \"charges\": [{\"name\": \"测试费\", \"standard\": \"每件10元\", \"basis\": \"《测试收费文件》\"}]}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        assert_eq!(hits(&out, "fee-none-with-charges"), [(I.to_string(), 22, 41)]);
    }
}
