//! unknown-agency: a local file names an agency that does not exist, or
//! one that belongs to another region.

use super::{Category, Check, Context, Example, Rule};
use crate::catalog::FileKind;
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "unknown-agency",
    category: Category::Reference,
    severity: Severity::Error,
    summary: "实施清单的实施主体不存在，或不属于该区划",
    doc: super::Doc {
        what: "实施清单的 agency 是否是 agencies/<区划代码>.json 中已登记的实施主体，且属于该实施清单所在的区划。",
        why: "实施主体决定由谁受理、由谁承担法律责任；写错实施主体，申请人会被指向错误的机关。",
        basis: "{standardization}（政务服务事项标准化）；本目录格式约定（catalog/README.md）。",
        bad: "local/630100/… 中写 \"agency\": \"630102-01\"（区县的机关实施市本级的清单）。",
        fix: "改为本区划 agencies 文件中的实施主体标识，或先在该文件中登记实施主体。",
    },
    example: Example::Edit {
        file: "local/630100/630101001000.json",
        from: "\"agency\": \"630100-01\"",
        to: "\"agency\": \"630102-01\"",
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, sink: &mut Sink) {
    for l in &ctx.catalog.locals {
        let v = &l.value;
        match ctx.index.agencies.get(v.agency.as_str()) {
            None if ctx.index.broken_file(FileKind::Agencies, &v.region) => {}
            None => sink.push(
                RULE.at(l.file, "/agency")
                    .message(format!("没有标识为 {} 的实施主体", v.agency))
                    .help(format!(
                        "在 agencies/{}.json 中登记该实施主体，或改用已登记的标识",
                        v.region
                    )),
            ),
            Some(a) => {
                let agency_region = ctx
                    .path(a.file)
                    .trim_start_matches("agencies/")
                    .trim_end_matches(".json");
                if agency_region != v.region {
                    sink.push(
                        RULE.at(l.file, "/agency")
                            .message(format!(
                                "实施主体 {}（{}）属于区划 {}，不属于本清单的区划 {}",
                                v.agency, a.value.name, agency_region, v.region
                            ))
                            .help("改用本区划的实施主体"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, LOCAL};

    #[test]
    fn missing_agency_is_reported_at_the_reference() {
        let text = edit(LOCAL, "\"agency\": \"630100-01\"", "\"agency\": \"630100-99\"");
        let out = lint_with(&[("local/630100/630101001000.json", Some(&text))]);
        assert_eq!(
            hits(&out, "unknown-agency"),
            [("local/630100/630101001000.json".to_string(), 4, 13)]
        );
    }
}
