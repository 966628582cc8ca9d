//! unknown-material: a material reference that is not in the registry.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-material",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "引用的材料不在材料库（materials.json）中",
    doc: super::Doc {
        what: "事项申请材料和一件事材料清单中的每个材料标识，是否在 materials.json 材料库中登记。",
        why: "材料库保证同一材料在所有事项中名称、类型和来源渠道一致；绕开材料库的材料无法判断能否免提交，也无法在一件事中合并去重。",
        basis: "{one_thing}（一套材料；能通过数据共享核验的免于提交）；国发〔2016〕55号（凡是能通过网络共享复用的材料，不得要求重复提交）。",
        bad: "\"material\": \"yingye_zhizhao\"，而材料库中的营业执照标识为 business_license。",
        fix: "改用材料库中的标识；确为新材料时，先在 materials.json 中登记。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"material\": \"application_form\"",
        to: "\"material\": \"yingye_zhizhao\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    if ctx.index.broken(FileKind::Materials) {
        return;
    }
    let mut check_ref = |file, pointer: String, id: &str| {
        if !ctx.index.materials.contains_key(id) {
            sink.push(
                RULE.at(file, &pointer)
                    .message(format!("材料库中没有标识为“{id}”的材料"))
                    .help("改用 materials.json 中的材料标识，或先在材料库中登记该材料"),
            );
        }
    };
    for it in &ctx.catalog.items {
        for (i, m) in it.value.materials.iter().enumerate() {
            check_ref(it.file, format!("/materials/{i}/material"), &m.material);
        }
    }
    for b in &ctx.catalog.bundles {
        for (i, m) in b.value.materials.iter().enumerate() {
            check_ref(b.file, format!("/materials/{i}"), m);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, BUNDLE, ITEM};

    #[test]
    fn item_and_bundle_references_are_checked() {
        let item = edit(ITEM, "{\"material\": \"id_card\"", "{\"material\": \"id_kard\"");
        let bundle = edit(BUNDLE, "[\"application_form\"]", "[\"application_from\"]");
        let out = lint_with(&[
            ("items/630101001000.json", Some(&item)),
            ("bundles/test-bundle.json", Some(&bundle)),
        ]);
        assert_eq!(
            hits(&out, "unknown-material"),
            [
                ("bundles/test-bundle.json".to_string(), 7, 17),
                ("items/630101001000.json".to_string(), 12, 18),
            ]
        );
    }
}
