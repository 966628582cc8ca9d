//! unverified-fact: a fact marked 待核实 in a file's provenance. Counted in
//! the summary line; guides label such facts.

use super::{Category, Check, Context, Example, Rule};
use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::provenance::FactStatus;
use crate::diag::{Diagnostic, Severity, Sink};

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
    let c = ctx.catalog;
    let maps = (c.items.iter().map(|i| (i.file, "", &i.value.provenance)))
        .chain(c.locals.iter().map(|l| (l.file, "", &l.value.provenance)))
        .chain(c.bundles.iter().map(|b| (b.file, "", &b.value.provenance)))
        .chain(
            c.agencies
                .iter()
                .map(|a| (a.file, a.pointer.as_str(), &a.value.provenance)),
        );
    // A national catalog has hundreds of thousands of these findings
    // (issue 14): the vector is sized once (with the room `rules::run`
    // asks for the other rules' findings), and the pointers and messages,
    // which repeat from file to file, are shared rather than copied.
    let count = maps
        .clone()
        .map(|(.., m)| m.values().filter(|p| p.unverified()).count());
    sink.reserve(count.sum());
    let mut messages: HashMap<(&str, Option<&str>), Arc<str>> = HashMap::new();
    for (file, base, map) in maps {
        for (pointer, p) in map.iter().filter(|(_, p)| p.unverified()) {
            let at = match base {
                "" => pointer.arc(),
                _ => Arc::from(format!("{base}{pointer}")),
            };
            let note = p.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
            let message = messages
                .entry((pointer.as_str(), note))
                .or_insert_with(|| message(pointer, note).into());
            sink.push(
                Diagnostic::at_shared(RULE.id, RULE.severity, file, at)
                    .message(Arc::clone(message))
                    .help("核实后把状态改为“已核实”并写明来源；不得把未核实的事实作为已核实的发布"),
            );
        }
    }
}

fn message(pointer: &str, note: Option<&str>) -> String {
    let what = if pointer.is_empty() {
        "本文件（整体）"
    } else {
        pointer
    };
    let status = FactStatus::Unverified.label();
    match note {
        Some(note) => format!("{what} {status}：{note}"),
        None => format!("{what} {status}"),
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
            .map(|d| &*d.message)
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
