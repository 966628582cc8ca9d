//! legal-basis-superseded: an item still cites a document that was repealed
//! or replaced (the table is rules.json `superseded`).

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::Item;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "legal-basis-superseded",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "事项仍引用已被取代的法律、法规或规章",
    doc: super::Doc {
        what: "基本目录事项的设定依据（legal_basis 的 document）、受理条件、法定办结时限说明、材料依据和收费依据、减免依据中，是否出现 rules/rules.json 的 superseded 表所列已被取代的文件名称（带书名号）。",
        why: "文件被废止或被新文件取代后，按旧文件写的时限、条件和材料可能已经改变（如食品经营许可的法定时限由2015年办法的20个工作日改为2023年办法的10个工作日）。继续引用旧文件，群众看到的就是过时的规定。",
        basis: "《中华人民共和国立法法》（新法优于旧法）；{standardization}（科学细化量化办事服务标准）；rules/rules.json superseded 表中各条的说明。",
        bad: "\"legal_basis\": [{\"document\": \"《中华人民共和国执业医师法》\"}]",
        fix: "改为引用取代它的现行文件，并按现行文件核对时限、条件、材料和收费；取代关系有误的，修改 rules/rules.json 的 superseded 表。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"legal_basis\": [{\"document\": \"《中华人民共和国行政许可法》\", \"article\": \"第四十二条\"}]",
        to: "\"legal_basis\": [{\"document\": \"《中华人民共和国执业医师法》\"}]",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    let table = &ctx.config.superseded;
    if table.is_empty() {
        return;
    }
    for it in &ctx.catalog.items {
        for (pointer, text) in cited(&it.value) {
            for s in table.iter().filter(|s| text.contains(s.document.trim())) {
                let since = s
                    .since
                    .as_deref()
                    .map(|d| format!("（自 {d} 起施行）"))
                    .unwrap_or_default();
                sink.push(
                    RULE.at(it.file, &pointer)
                        .message(format!("引用的{}已被{}{since}取代", s.document.trim(), s.by.trim()))
                        .help(format!("改为引用{}，并按其核对时限、条件、材料和收费", s.by.trim())),
                );
            }
        }
    }
}

/// The texts of an item that cite documents, with their pointers.
fn cited(item: &Item) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for (i, b) in item.legal_basis.iter().enumerate() {
        out.push((format!("/legal_basis/{i}/document"), &b.document));
    }
    for (i, c) in item.conditions.iter().enumerate() {
        out.push((format!("/conditions/{i}"), c));
    }
    let note = match &item.statutory_deadline {
        crate::catalog::common::Statutory::Days(d) => d.note.as_ref(),
        crate::catalog::common::Statutory::NoDeadline(n) => n.note.as_ref(),
    };
    if let Some(n) = note {
        out.push(("/statutory_deadline/note".into(), n));
    }
    for (i, m) in item.materials.iter().enumerate() {
        if let Some(b) = &m.basis {
            out.push((format!("/materials/{i}/basis"), b));
        }
    }
    for (i, c) in item.fees.charges.iter().enumerate() {
        out.push((format!("/fees/charges/{i}/basis"), &c.basis));
        if let Some(w) = &c.waiver_basis {
            out.push((format!("/fees/charges/{i}/waiver_basis"), w));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM};

    const I: &str = "items/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "legal-basis-superseded").is_empty());
    }

    #[test]
    fn a_superseded_basis_and_an_old_deadline_note_are_reported() {
        let item = edit(
            ITEM,
            "\"document\": \"《中华人民共和国行政许可法》\", \"article\": \"第四十二条\"",
            "\"document\": \"《食品经营许可管理办法》\"",
        );
        let item = edit(
            &item,
            "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\"}",
            "\"statutory_deadline\": {\"value\": 20, \"unit\": \"工作日\", \"note\": \"依据《中华人民共和国执业医师法》第十三条\"}",
        );
        let out = lint_with(&[(I, Some(&item))]);
        let found = hits(&out, "legal-basis-superseded");
        assert_eq!(found.len(), 2, "{found:?}");
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "legal-basis-superseded")
            .map(|d| &*d.message)
            .collect();
        assert!(
            msgs.iter().any(|m| m.contains("《食品经营许可和备案管理办法》")),
            "{msgs:?}"
        );
    }

    #[test]
    fn the_current_document_is_not_reported() {
        // 《食品经营许可和备案管理办法》 contains no superseded title.
        let item = edit(
            ITEM,
            "\"document\": \"《中华人民共和国行政许可法》\", \"article\": \"第四十二条\"",
            "\"document\": \"《食品经营许可和备案管理办法》\"",
        );
        assert!(hits(&lint_with(&[(I, Some(&item))]), "legal-basis-superseded").is_empty());
    }
}
