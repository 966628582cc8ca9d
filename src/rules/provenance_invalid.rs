//! provenance-invalid: a provenance entry that names no fact of its file, or
//! says 已核实 without a source a reader can look up.

use rayon::prelude::*;
use serde::Serialize;

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::provenance::{FactStatus, ProvenanceMap};
use crate::catalog::FileId;
use crate::diag::{Diagnostic, Severity, Sink};

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

/// Files are independent: each file's entries are checked on its own
/// thread, the findings kept in file order.
fn check(ctx: &Context, sink: &mut Sink) {
    let c = ctx.catalog;
    // Sized once: one entry per file of a national catalog (issue 14).
    let mut files: Vec<Entries> =
        Vec::with_capacity(c.items.len() + c.locals.len() + c.bundles.len() + c.agencies.len());
    files.extend(
        c.items
            .iter()
            .map(|i| Entries::of(i.file, "", &i.value, &i.value.provenance)),
    );
    files.extend(
        c.locals
            .iter()
            .map(|l| Entries::of(l.file, "", &l.value, &l.value.provenance)),
    );
    files.extend(
        c.bundles
            .iter()
            .map(|b| Entries::of(b.file, "", &b.value, &b.value.provenance)),
    );
    files.extend(
        c.agencies
            .iter()
            .map(|a| Entries::of(a.file, &a.pointer, &a.value, &a.value.provenance)),
    );
    files.retain(|e| !e.map.is_empty());
    let found: Vec<Diagnostic> = files.par_iter().flat_map_iter(|e| e.findings()).collect();
    for d in found {
        sink.push(d);
    }
}

/// One value's provenance entries, with the value they point into.
struct Entries<'a> {
    file: FileId,
    base: &'a str,
    value: &'a (dyn erased::Value + Sync),
    map: &'a ProvenanceMap,
}

impl<'a> Entries<'a> {
    fn of<T: Serialize + Sync>(file: FileId, base: &'a str, value: &'a T, map: &'a ProvenanceMap) -> Self {
        Entries { file, base, value, map }
    }

    fn findings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (pointer, p) in self.map {
            let at = || format!("{}/provenance/{}", self.base, escape(pointer));
            if !self.value.resolves(pointer) {
                out.push(
                    RULE.at_key(self.file, &at())
                        .message(format!("来源记录“{pointer}”不指向本文件中的任何值"))
                        .help("把键改为事实的 JSON 指针，如 /promised_deadline；事实已删除的，删去这条记录"),
                );
            } else if p.status == FactStatus::Verified && !p.source.as_ref().is_some_and(|s| s.names_something()) {
                out.push(
                    RULE.at(self.file, &at())
                        .message(format!("“{pointer}”标为已核实，但没有写明可查的来源（文件名称或网址）"))
                        .help("在 source 中写明文件名称（及文号、条款）或网址和查阅日期；写不出来源的改为“待核实”"),
                );
            }
        }
        out
    }
}

mod erased {
    /// A model value whose JSON form a pointer can be probed in, behind one
    /// pointer type for the four kinds of value that carry provenance.
    pub(super) trait Value {
        fn resolves(&self, pointer: &str) -> bool;
    }

    impl<T: serde::Serialize> Value for T {
        fn resolves(&self, pointer: &str) -> bool {
            crate::catalog::probe::resolves(self, pointer)
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
