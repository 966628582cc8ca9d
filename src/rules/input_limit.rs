//! input-limit: a string, an object or a nesting level of a catalog file
//! past the limits set in rules/rules.json `limits`.

use super::{Category, Check, Context, Example, Rule, Sink};
use crate::analysis::limits::Kind;
use crate::config::ConfigFile;
use crate::diag::Severity;

pub(crate) const RULE: Rule = Rule {
    id: "input-limit",
    category: Category::Format,
    severity: Severity::Error,
    summary: "字符串过长、嵌套过深或对象字段过多，超过 rules/rules.json 中的输入上限",
    doc: super::Doc {
        what: "目录文件中每个字符串（字段值和字段名）的字数、对象和数组的嵌套层数、一个对象的字段数，是否超过 rules/rules.json 的 limits（string_chars 默认 1000000 字，depth 默认 64 层，object_keys 默认 10000 个）。文件大小另有 64 MB 的上限，超过的文件不读取（unreadable-file）。",
        why: "真实的目录文件远小于这些上限；超出的多半是误粘贴、生成脚本出错或恶意构造的文件。这样的文件会使门户、比对工具和审核人员的编辑器变慢甚至无法打开，因此在原处报告，而不是默默接受。",
        basis: "本目录格式约定（catalog/README.md）；上限为审核处在 rules/rules.json 中设定的数据。",
        bad: "rules/rules.json 的 limits 中写 \"depth\": 3 时，目录文件中第 4 层的对象或数组（如事项材料中的一个数组）。",
        fix: "删除误粘贴的内容或拆分过大的对象；确需更大上限的，由审核处修改 rules/rules.json 的 limits。",
    },
    example: Example::Config {
        kind: ConfigFile::Rules,
        from: "\"depth\": 64",
        to: "\"depth\": 3",
        catalog: &[],
    },
    check: Check::Catalog(check),
};

fn check(ctx: &Context, out: &mut Sink) {
    let l = &ctx.config.limits;
    // The loader scanned each catalog file while it held the text
    // (`analysis::limits_file`); files of rules/ have their schema's limits.
    let found = (ctx.file_checks.iter().enumerate()).flat_map(|(id, c)| c.breaches.iter().map(move |b| (id, b)));
    for (id, b) in found {
        let (message, help) = match b.kind {
            Kind::String => (
                format!("字符串有 {} 字，超过上限 {} 字", b.count, l.string_chars),
                "删除误粘贴的内容，或把长文本放到附件中；上限见 rules/rules.json 的 limits.string_chars",
            ),
            Kind::Keys => (
                format!("此对象的字段超过上限 {} 个，从此字段起超出", b.count),
                "删除多余的字段或拆分对象；上限见 rules/rules.json 的 limits.object_keys",
            ),
            Kind::Depth => (
                format!("对象和数组的嵌套超过上限 {} 层，从此处起超出", b.count),
                "减少嵌套层数；上限见 rules/rules.json 的 limits.depth",
            ),
        };
        out.push(RULE.at_bytes(id, b.span.0, b.span.1).message(message).help(help));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{hits, lint_with, ITEM};

    #[test]
    fn a_long_value_is_reported_where_it_is_and_the_file_is_still_checked() {
        let long = "长".repeat(1_000_001);
        let text = ITEM.replacen("\"code\"", &format!("\"extra\": \"{long}\", \"code\""), 1);
        let out = lint_with(&[("items/630101001000.json", Some(&text))]);
        let found = hits(&out, "input-limit");
        assert_eq!(found.len(), 1);
        let line = text.lines().position(|l| l.contains("\"extra\"")).unwrap() + 1;
        assert_eq!(found[0].1, line);
        assert_eq!(hits(&out, "unknown-field").len(), 1);
    }

    #[test]
    fn a_limit_out_of_range_is_a_config_finding_at_its_place() {
        use crate::config::{load_texts, ConfigFile, Invalid};
        for (bad, pointer) in [("\"depth\": 0", "/limits/depth"), ("\"depth\": 500", "/limits/depth")] {
            let text = ConfigFile::Rules.default_text().replacen("\"depth\": 64", bad, 1);
            let loaded = load_texts(&[(ConfigFile::Rules, &text)]);
            let Err(invalid) = loaded.config else {
                panic!("{bad} was accepted");
            };
            let at: Vec<String> = invalid
                .iter()
                .map(|i| match i {
                    Invalid::Load(_, p) => format!("{p:?}"),
                    Invalid::Entry(p) => p.pointer.clone(),
                })
                .collect();
            assert!(at.iter().any(|p| p.contains(pointer)), "{bad}: {at:?}");
        }
    }

    #[test]
    fn shipped_limits_pass_the_clean_catalog() {
        let out = lint_with(&[]);
        assert!(hits(&out, "input-limit").is_empty());
    }
}
