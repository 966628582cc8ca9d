//! required-content: content the schema lets through but a catalog cannot
//! do without — a name, a legal basis, the conditions, materials and
//! results of an applicant-facing item, a local's windows, a real version
//! and date, the catalog's own format and type codes.

use super::{blank, Category, Check, Context, Example, Rule};
use crate::diag::{Severity, Sink};

pub(crate) const RULE: Rule = Rule {
    id: "required-content",
    category: Category::Policy,
    severity: Severity::Error,
    summary: "必备内容缺失、为空或无效",
    doc: super::Doc {
        what: "格式校验允许、但目录不能缺少的内容：
- 事项名称不是空白；设定依据至少一条，每条写明文件名称；
- 面向申请人的事项（catalog.json 中 applicant_facing 为 true 的类型）列有受理条件（每条不是空白）、申请材料和办理结果；
- 实施清单列有至少一个办理窗口；
- 版本号至少为 1；更新日期是真实存在的日期（如 2026-02-30 不是）；
- $schema 指向目录自带的 schema/ 文件，而不是别处的地址；
- catalog.json 的 format_version 是本工具支持的版本（1），事项类型代码和名称各不重复。",
        why: "这些内容缺失时格式校验仍会通过，检查却会静默地少查一块：没有条件和材料的行政许可无从办理，没有窗口的实施清单无处办理，日期和版本无效则无法判断新旧，重复的类型代码让类型无法确定。",
        basis: "《政务服务事项基本目录》要素要求（事项名称、设定依据、受理条件、申请材料、办理结果等要素齐全）；国办发〔2018〕45号（推进政务服务事项标准化，要素统一）。",
        bad: "\"name\": \"\", \"conditions\": [], \"version\": 0, \"updated\": \"2026-13-45\"",
        fix: "补全事项名称、受理条件、申请材料、办理结果和办理窗口；版本号从 1 起，每次修改加 1；日期写成真实存在的 YYYY-MM-DD。",
    },
    example: Example::Edit {
        file: "items/630101001000.json",
        from: "\"conditions\": [\"申请人已依法登记\"]",
        to: "\"conditions\": []",
    },
    check: Check::Catalog(check),
};

/// The format of the catalog this tool reads.
const FORMAT_VERSION: u32 = 1;

fn check(ctx: &Context, sink: &mut Sink) {
    items(ctx, sink);
    for l in &ctx.catalog.locals {
        let v = &l.value;
        let mut need = |p: &str, bad: bool, m: &str| push(sink, l.file, p, bad, m);
        need("/windows", v.windows.is_empty(), "实施清单没有办理窗口");
        common(
            &mut need,
            v.version,
            &v.updated,
            v.schema.as_deref(),
            "local.schema.json",
        );
    }
    if let Some(m) = &ctx.catalog.meta {
        let v = &m.value;
        let mut need = |p: &str, bad: bool, msg: &str| push(sink, m.file, p, bad, msg);
        need(
            "/format_version",
            v.format_version != FORMAT_VERSION,
            &format!("format_version 为 {}，本工具只支持 {FORMAT_VERSION}", v.format_version),
        );
        schema_ref(&mut need, v.schema.as_deref(), "catalog.schema.json");
        let mut seen = std::collections::HashSet::new();
        for (i, t) in v.item_types.iter().enumerate() {
            let dup = !seen.insert(t.code.as_str()) || !seen.insert(t.name.as_str());
            need(
                &format!("/item_types/{i}"),
                dup,
                &format!("事项类型代码“{}”或名称“{}”重复", t.code, t.name),
            );
        }
    }
}

fn items(ctx: &Context, sink: &mut Sink) {
    for it in &ctx.catalog.items {
        let v = &it.value;
        let mut need = |p: &str, bad: bool, m: &str| push(sink, it.file, p, bad, m);
        need("/name", blank(&v.name), "事项名称为空");
        need("/legal_basis", v.legal_basis.is_empty(), "没有设定依据");
        for (i, b) in v.legal_basis.iter().enumerate() {
            need(
                &format!("/legal_basis/{i}/document"),
                blank(&b.document),
                "设定依据没有文件名称",
            );
        }
        if ctx.applicant_facing(v) {
            need("/conditions", v.conditions.is_empty(), "面向申请人的事项没有受理条件");
            for (i, c) in v.conditions.iter().enumerate() {
                need(&format!("/conditions/{i}"), blank(c), "受理条件为空白");
            }
            need("/materials", v.materials.is_empty(), "面向申请人的事项没有申请材料");
            need("/results", v.results.is_empty(), "面向申请人的事项没有办理结果");
        }
        common(
            &mut need,
            v.version,
            &v.updated,
            v.schema.as_deref(),
            "item.schema.json",
        );
    }
}

/// Version, date and `$schema`, which every versioned file has.
fn common(need: &mut impl FnMut(&str, bool, &str), version: u32, updated: &str, schema: Option<&str>, name: &str) {
    need("/version", version == 0, "版本号为 0；版本号从 1 起");
    need(
        "/updated",
        crate::config::parse_date(updated).is_none(),
        &format!("更新日期“{updated}”不是真实存在的日期"),
    );
    schema_ref(need, schema, name);
}

/// `$schema` must name the catalog's own `schema/<name>`, by a relative path.
fn schema_ref(need: &mut impl FnMut(&str, bool, &str), schema: Option<&str>, name: &str) {
    let Some(s) = schema else { return };
    let own = !s.contains(':') && (s == name || s.ends_with(&format!("schema/{name}")));
    need("/$schema", !own, &format!("$schema“{s}”不是目录自带的 schema/{name}"));
}

fn push(sink: &mut Sink, file: crate::catalog::FileId, pointer: &str, bad: bool, message: &str) {
    if bad {
        sink.push(RULE.at(file, pointer).message(message).help("补全或改正此处内容"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edit, hits, lint_with, ITEM, LOCAL, META};

    const I: &str = "items/630101001000.json";
    const L: &str = "local/630100/630101001000.json";

    fn rule_hits(changes: &[(&str, Option<&str>)]) -> usize {
        hits(&lint_with(changes), "required-content").len()
    }

    #[test]
    fn clean_base_is_not_reported() {
        assert_eq!(rule_hits(&[]), 0);
    }

    #[test]
    fn each_missing_or_empty_required_element_of_an_item_is_reported() {
        for (from, to) in [
            ("\"name\": \"测试许可事项\"", "\"name\": \"\""),
            ("\"name\": \"测试许可事项\"", "\"name\": \"  \""),
            ("\"conditions\": [\"申请人已依法登记\"]", "\"conditions\": []"),
            ("\"conditions\": [\"申请人已依法登记\"]", "\"conditions\": [\"\"]"),
            ("  \"conditions\": [\"申请人已依法登记\"],\n", ""),
            (
                "[{\"document\": \"《中华人民共和国行政许可法》\", \"article\": \"第四十二条\"}]",
                "[]",
            ),
            (
                "\"results\": [{\"name\": \"测试许可证\", \"kind\": \"证照\", \"sample\": \"测试许可证（样本）.pdf\"}]",
                "\"results\": []",
            ),
            ("\"version\": 1", "\"version\": 0"),
            ("\"updated\": \"2026-11-01\"", "\"updated\": \"2026-13-45\""),
            ("{\n", "{\n  \"$schema\": \"https://example.com/item.schema.json\",\n"),
        ] {
            let item = edit(ITEM, from, to);
            assert_eq!(rule_hits(&[(I, Some(&item))]), 1, "{to}");
        }
        let item = edit(ITEM, "{\n", "{\n  \"$schema\": \"../schema/item.schema.json\",\n");
        assert_eq!(rule_hits(&[(I, Some(&item))]), 0);
    }

    #[test]
    fn a_local_without_windows_is_reported() {
        let local = edit(
            LOCAL,
            "[{\"place\": \"西宁市政务服务中心\", \"hours\": \"法定工作日\"}]",
            "[]",
        );
        assert_eq!(rule_hits(&[(L, Some(&local))]), 1);
    }

    #[test]
    fn an_unknown_format_version_and_a_repeated_type_code_are_reported() {
        let meta = edit(META, "\"format_version\": 1", "\"format_version\": 999");
        assert_eq!(rule_hits(&[("catalog.json", Some(&meta))]), 1);
        let meta = edit(
            META,
            "{\"code\": \"20\", \"name\": \"公共服务\"",
            "{\"code\": \"01\", \"name\": \"公共服务\"",
        );
        assert_eq!(rule_hits(&[("catalog.json", Some(&meta))]), 1);
    }
}
