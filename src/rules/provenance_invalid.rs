//! provenance-invalid: a provenance entry that names no fact of its file, or
//! says 已核实 without a source a reader can look up.

use serde::Serialize;

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::provenance::{FactStatus, ProvenanceMap};
use crate::catalog::FileId;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "provenance-invalid",
    category: Category::Reference,
    severity: Severity::Warning,
    summary: "来源记录无效：指针不指向本文件中的事实，或“已核实”未写明来源",
    doc: super::Doc {
        what: "来源记录（provenance）的每个键是否是本文件（实施主体为该实施主体对象）中存在的值的 JSON 指针；状态为“已核实”的记录是否写明来源，且来源至少有文件名称（document）或网址（url）。",
        why: "来源记录要告诉读者每项事实从何而来。指针写错（如事实已改名、已删除）时，记录不再说明任何事实，而被它遗漏的事实会被当作没有记录；“已核实”而没有可查的来源，等于没有来源，办事指南会把未核实的事实当作已核实发布。",
        basis: "{service_government}（办事公开：依据、条件、要求）；catalog/README.md“来源与待核实”。",
        bad: "\"provenance\": {\"/promised_deadlin\": {\"status\": \"待核实\"}}",
        fix: "把键改为事实的 JSON 指针（如 /promised_deadline、/conditions/2）；“已核实”的记录在 source 中写明文件名称（及文号、条款）或网址和查阅日期，写不出来源的改为“待核实”。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": [],",
        to: "\"deviations\": [],\n  \"provenance\": {\"/promised_deadlin\": {\"status\": \"待核实\"}},",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for i in &ctx.catalog.items {
        entries(sink, i.file, "", &i.value, &i.value.provenance);
    }
    for l in &ctx.catalog.locals {
        entries(sink, l.file, "", &l.value, &l.value.provenance);
    }
    for b in &ctx.catalog.bundles {
        entries(sink, b.file, "", &b.value, &b.value.provenance);
    }
    for a in &ctx.catalog.agencies {
        entries(sink, a.file, &a.pointer, &a.value, &a.value.provenance);
    }
}

fn entries<T: Serialize>(sink: &mut Sink, file: FileId, base: &str, value: &T, map: &ProvenanceMap) {
    if map.is_empty() {
        return;
    }
    let json = serde_json::to_value(value).unwrap_or_default();
    for (pointer, p) in map {
        let at = format!("{base}/provenance/{}", escape(pointer));
        if json.pointer(pointer).is_none() {
            sink.push(
                RULE.at_key(file, &at)
                    .message(format!("来源记录“{pointer}”不指向本文件中的任何值"))
                    .help("把键改为事实的 JSON 指针，如 /promised_deadline；事实已删除的，删去这条记录"),
            );
        } else if p.status == FactStatus::Verified && !p.source.as_ref().is_some_and(|s| s.names_something()) {
            sink.push(
                RULE.at(file, &at)
                    .message(format!("“{pointer}”标为已核实，但没有写明可查的来源（文件名称或网址）"))
                    .help("在 source 中写明文件名称（及文号、条款）或网址和查阅日期；写不出来源的改为“待核实”"),
            );
        }
    }
}

/// A key as one JSON-pointer segment (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    fn with(provenance: &str) -> Vec<(String, usize, usize)> {
        let local = edit(
            LOCAL,
            "\"deviations\": [],",
            &format!("\"deviations\": [],\n  \"provenance\": {provenance},"),
        );
        hits(&lint_with(&[(L, Some(&local))]), "provenance-invalid")
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "provenance-invalid").is_empty());
    }

    #[test]
    fn valid_entries_pass() {
        let ok = r#"{"": {"status": "待核实"}, "/online/depth": {"status": "待核实"}, "/windows/0/place": {"status": "已核实", "source": {"document": "《某办法》", "article": "第十条"}}}"#;
        assert_eq!(with(ok), []);
    }

    #[test]
    fn a_pointer_to_nothing_is_reported_at_its_key() {
        assert_eq!(
            with(r#"{"/promised_deadlin": {"status": "待核实"}}"#),
            [(L.to_string(), 14, 18)]
        );
        assert_eq!(with(r#"{"/windows/3": {"status": "待核实"}}"#).len(), 1);
    }

    #[test]
    fn verified_needs_a_source_naming_something() {
        assert_eq!(with(r#"{"/visits": {"status": "已核实"}}"#).len(), 1);
        assert_eq!(
            with(r#"{"/visits": {"status": "已核实", "source": {"article": "第十条"}}}"#).len(),
            1
        );
        assert_eq!(
            with(r#"{"/visits": {"status": "已核实", "source": {"url": "https://www.qhzwfw.gov.cn"}}}"#),
            []
        );
    }
}
