//! unverified-fact: a fact marked 待核实 in a file's provenance. Counted in
//! the summary line; guides label such facts.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::provenance::{Provenance, ProvenanceMap};
use crate::catalog::FileId;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unverified-fact",
    category: Category::Element,
    severity: Severity::Info,
    summary: "事实待核实：尚未取得公开来源",
    doc: super::Doc {
        what: "基本目录事项、实施清单、一件事和实施主体的来源记录（provenance）中，状态为“待核实”的每一项事实。每项报告一条提示，检查汇总行列出待核实的项数。",
        why: "目录要发布为群众阅读的办事指南，每项事实都应有公开来源。尚未核实的事实（如没有取自本区划公布的实施清单的承诺办结时限）不得当作已核实的事实发布：标为待核实，办事指南据此标注，核实后改为“已核实”并写明来源。这只是提示级别，不阻断提交。",
        basis: "{service_government}（办事公开：依据、条件、要求）；{standardization}（科学细化量化办事服务标准）；catalog/README.md“来源与待核实”。",
        bad: "\"provenance\": {\"/promised_deadline\": {\"status\": \"待核实\"}}",
        fix: "从本区划公布的实施清单或法律法规原文核实该事实，改为 {\"status\": \"已核实\", \"source\": {\"document\": \"《……》\", \"article\": \"第……条\", \"url\": \"……\", \"retrieved\": \"YYYY-MM-DD\"}}；无法核实而本区划可不填的，删去该事实。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"deviations\": [],",
        to: "\"deviations\": [],\n  \"provenance\": {\"/promised_deadline\": {\"status\": \"待核实\"}},",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for i in &ctx.catalog.items {
        report(sink, i.file, "", &i.value.provenance);
    }
    for l in &ctx.catalog.locals {
        report(sink, l.file, "", &l.value.provenance);
    }
    for b in &ctx.catalog.bundles {
        report(sink, b.file, "", &b.value.provenance);
    }
    for a in &ctx.catalog.agencies {
        report(sink, a.file, &a.pointer, &a.value.provenance);
    }
}

fn report(sink: &mut Sink, file: FileId, base: &str, map: &ProvenanceMap) {
    for (pointer, p) in map.iter().filter(|(_, p)| p.unverified()) {
        sink.push(
            RULE.at(file, &format!("{base}{pointer}"))
                .message(message(pointer, p))
                .help("核实后把状态改为“已核实”并写明来源；不得把未核实的事实作为已核实的发布"),
        );
    }
}

fn message(pointer: &str, p: &Provenance) -> String {
    let what = if pointer.is_empty() {
        "本文件（整体）".to_string()
    } else {
        pointer.to_string()
    };
    match p.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(note) => format!("{what} {}：{note}", p.status.label()),
        None => format!("{what} {}", p.status.label()),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, AGENCIES_630100, LOCAL};

    const L: &str = "local/630100/630101001000.json";

    #[test]
    fn clean_base_is_not_reported() {
        assert!(hits(&lint_with(&[]), "unverified-fact").is_empty());
    }

    #[test]
    fn each_unverified_fact_is_one_info_at_the_fact() {
        let local = edit(
            LOCAL,
            "\"deviations\": [],",
            "\"deviations\": [],\n  \"provenance\": {\"/visits\": {\"status\": \"待核实\", \"note\": \"未取自实施清单\"}, \"/promised_deadline\": {\"status\": \"待核实\"}, \"/windows\": {\"status\": \"已核实\", \"source\": {\"url\": \"https://example.org\"}}},",
        );
        let out = lint_with(&[(L, Some(&local))]);
        // Reported at the facts themselves (lines 5 and 6), not at the map;
        // the verified /windows entry is not reported.
        assert_eq!(
            hits(&out, "unverified-fact"),
            [(L.to_string(), 5, 24), (L.to_string(), 6, 13)]
        );
        let msgs: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule == "unverified-fact")
            .map(|d| d.message.as_str())
            .collect();
        assert!(msgs.contains(&"/visits 待核实：未取自实施清单"), "{msgs:?}");
    }

    #[test]
    fn agency_pointers_are_relative_to_the_agency() {
        let agencies = edit(
            AGENCIES_630100,
            "\"level\": \"市级\"",
            "\"level\": \"市级\", \"provenance\": {\"/name\": {\"status\": \"待核实\"}}",
        );
        let out = lint_with(&[("agencies/630100.json", Some(&agencies))]);
        assert_eq!(
            hits(&out, "unverified-fact"),
            [("agencies/630100.json".to_string(), 4, 33)]
        );
    }
}
