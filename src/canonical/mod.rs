//! The canonical form of a JSON file (catalog/README.md: UTF-8 without a
//! BOM, 2-space indent): one definition for `tongbiao fmt`, `tongbiao new`
//! and the `format-canonical` rule.
//!
//! - keys of an object in the order of its schema's `properties`
//!   (following `$ref`s); keys the schema does not name keep their order
//!   after the named ones, so nothing is ever dropped (a duplicate key
//!   stays, next to its twin);
//! - strings written raw (CJK and every other character unescaped), except
//!   what JSON requires (`"`, `\`, control characters) and what an editor
//!   would hide (DEL and C1 controls, U+2028/U+2029, the invisible
//!   characters of `text::normalize::invisible`), as lowercase `\u00XX`;
//! - numbers exactly as written (`1.0` stays `1.0`, `1E5` stays `1E5`):
//!   the tree comes from jsonc-parser, which keeps a number's text;
//! - 2-space indent, `": "` after keys, `[]` and `{}` when empty, one
//!   final newline: what `json.dumps(…, ensure_ascii=False, indent=2)`
//!   writes (so scripts that write JSON that way, like
//!   `scripts/gen_bench_catalog.py`, write canonical files).
//!
//! serde_json stays the gate for validity (the loader's), so a text is
//! canonicalised exactly when lint can read it.

use jsonc_parser::ast::{ObjectPropName, Value as Node};
use jsonc_parser::CollectOptions;
use serde_json::Value;

use crate::text::normalize::invisible;

mod plan;
mod verify;

pub(crate) use plan::Plan;
pub(crate) use verify::nesting_if_canonical;

/// Why a text has no canonical form.
#[derive(Debug)]
pub(crate) enum NotJson {
    /// serde_json refused it (positions are in the text after any BOM).
    Syntax(serde_json::Error),
    /// serde_json accepted what the span parser refused (not expected).
    Tree(String),
}

/// The canonical text of `text` (a leading BOM is dropped), ordering keys
/// by `schema` (a JSON Schema with its `$defs`); `None` keeps every
/// object's key order.
pub(crate) fn canonical(text: &str, schema: Option<&Value>) -> Result<String, NotJson> {
    canonical_with(text, schema.map(Plan::new).as_ref())
}

/// [`canonical`] with the schema already compiled (`Schema::plan`), for
/// callers that canonicalise many files.
pub(crate) fn canonical_with(text: &str, plan: Option<&Plan>) -> Result<String, NotJson> {
    let body = crate::text::strip_bom(text);
    serde_json::from_str::<serde::de::IgnoredAny>(body).map_err(NotJson::Syntax)?;
    canonical_valid(body, plan)
}

/// [`canonical_with`] for a text serde_json has already accepted (after
/// any BOM, which `text` must not hold): the loader's, so each catalog
/// file is checked as JSON once, not twice (issue 14).
pub(crate) fn canonical_valid(body: &str, plan: Option<&Plan>) -> Result<String, NotJson> {
    let parsed = jsonc_parser::parse_to_ast(body, &CollectOptions::default(), &crate::spans::strict())
        .map_err(|e| NotJson::Tree(e.to_string()))?;
    let Some(root) = parsed.value else {
        return Err(NotJson::Tree("empty document".into()));
    };
    let mut out = String::with_capacity(body.len());
    write(
        &mut out,
        &root,
        plan.map(|p| At {
            plan: p,
            node: Plan::ROOT,
        }),
        0,
    );
    out.push('\n');
    Ok(out)
}

/// A place in a compiled schema.
#[derive(Clone, Copy)]
struct At<'p> {
    plan: &'p Plan,
    node: plan::NodeId,
}

impl<'p> At<'p> {
    fn to(self, node: Option<plan::NodeId>) -> Option<At<'p>> {
        node.map(|node| At { plan: self.plan, node })
    }
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write(out: &mut String, node: &Node, schema: Option<At>, depth: usize) {
    match node {
        Node::NullKeyword(_) => out.push_str("null"),
        Node::BooleanLit(b) => out.push_str(if b.value { "true" } else { "false" }),
        Node::NumberLit(n) => out.push_str(n.value),
        Node::StringLit(s) => string(out, &s.value),
        Node::Array(a) if a.elements.is_empty() => out.push_str("[]"),
        Node::Array(a) => {
            out.push('[');
            let items = schema.and_then(|s| s.to(s.plan.items(s.node)));
            for (i, e) in a.elements.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write(out, e, items, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        Node::Object(o) if o.properties.is_empty() => out.push_str("{}"),
        Node::Object(o) => {
            let mut members: Vec<(&str, &Node)> = o.properties.iter().map(|p| (name(&p.name), &p.value)).collect();
            if let Some(s) = schema {
                // Stable: unnamed keys (ranked last) keep their order.
                members.sort_by_key(|(k, _)| s.plan.rank(s.node, k));
            }
            out.push('{');
            for (i, (key, value)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                string(out, key);
                out.push_str(": ");
                write(
                    out,
                    value,
                    schema.and_then(|s| s.to(s.plan.member(s.node, key))),
                    depth + 1,
                );
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

fn name<'a>(n: &'a ObjectPropName) -> &'a str {
    match n {
        ObjectPropName::String(s) => &s.value,
        ObjectPropName::Word(w) => w.value,
    }
}

/// Characters written as `\u00XX`: what JSON requires (C0 controls) and
/// what an editor would not show.
fn escaped(c: char) -> bool {
    c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) || matches!(c, '\u{2028}' | '\u{2029}') || invisible(c)
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    // Runs of characters written as they are go out in one copy (most
    // strings are one run): a copy per character was ~4% of `lint`.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let plain = match c {
            ' '..='~' => c != '"' && c != '\\',
            _ => !escaped(c) && !matches!(c, '\n' | '\r' | '\t' | '\u{8}' | '\u{c}'),
        };
        if plain {
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonc_parser::ast::Value as Node;
    use proptest::prelude::*;

    fn item_schema() -> &'static Value {
        crate::schema::catalog(crate::catalog::FileKind::Item).value()
    }

    /// Whether `text` is already canonical; `None` when it is not JSON.
    fn is_canonical(text: &str, schema: Option<&Value>) -> Option<bool> {
        canonical(text, schema).ok().map(|c| c == text)
    }

    #[test]
    fn layout_escapes_and_numbers() {
        let text = "\u{feff}{\"b\":[1.0,-0,1E+5,{}],\"a\":\"\\u9752\\u6d77\\n\\u0001\\/\u{200b}\",\"c\":[]}";
        let want = "{\n  \"b\": [\n    1.0,\n    -0,\n    1E+5,\n    {}\n  ],\n  \"a\": \"青海\\n\\u0001/\\u200b\",\n  \"c\": []\n}\n";
        assert_eq!(canonical(text, None).unwrap(), want);
        assert_eq!(is_canonical(want, None), Some(true));
        assert_eq!(is_canonical(text, None), Some(false));
        assert_eq!(is_canonical("{", None), None);
    }

    #[test]
    fn keys_follow_the_schema_through_refs_and_unknown_keys_stay_after() {
        let text = r#"{"zz": 1, "name": "x", "code": "1", "legal_basis": [{"text": "t", "document": "d", "extra": 0, "article": "a"}], "$schema": "s", "aa": 2}"#;
        let out = canonical(text, Some(item_schema())).unwrap();
        let keys: Vec<&str> = out.lines().filter_map(|l| l.trim().split('"').nth(1)).collect();
        assert_eq!(
            keys,
            [
                "$schema",
                "code",
                "name",
                "legal_basis",
                "document",
                "article",
                "text",
                "extra",
                "zz",
                "aa"
            ]
        );
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let out = canonical(r#"{"name": 1, "code": 2, "name": 3}"#, Some(item_schema())).unwrap();
        assert_eq!(out, "{\n  \"code\": 2,\n  \"name\": 1,\n  \"name\": 3\n}\n");
    }

    #[test]
    fn the_shipped_catalog_is_canonical() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let files = crate::load::read_tree(&root).unwrap();
        assert!(files.len() > 100);
        let bad: Vec<&str> = files
            .iter()
            .filter(|f| {
                let kind = crate::catalog::FileKind::of_path(&f.path).unwrap();
                let text = std::str::from_utf8(f.bytes.as_ref().unwrap()).unwrap();
                is_canonical(text, Some(crate::schema::catalog(kind).value())) != Some(true)
            })
            .map(|f| f.path.as_str())
            .collect();
        assert!(bad.is_empty(), "not canonical (run tongbiao fmt catalog): {bad:?}");
    }

    /// A value as text and as data: numbers as written, strings decoded.
    #[derive(Debug, Clone, PartialEq)]
    enum Tree {
        Null,
        Bool(bool),
        Num(String),
        Str(String),
        Arr(Vec<Tree>),
        Obj(Vec<(String, Tree)>),
    }

    fn tree(n: &Node, sort: bool) -> Tree {
        match n {
            Node::NullKeyword(_) => Tree::Null,
            Node::BooleanLit(b) => Tree::Bool(b.value),
            Node::NumberLit(x) => Tree::Num(x.value.to_string()),
            Node::StringLit(s) => Tree::Str(s.value.to_string()),
            Node::Array(a) => Tree::Arr(a.elements.iter().map(|e| tree(e, sort)).collect()),
            Node::Object(o) => {
                let mut m: Vec<(String, Tree)> = o
                    .properties
                    .iter()
                    .map(|p| (name(&p.name).to_string(), tree(&p.value, sort)))
                    .collect();
                if sort {
                    m.sort_by(|a, b| a.0.cmp(&b.0));
                }
                Tree::Obj(m)
            }
        }
    }

    fn parsed(text: &str, sort: bool) -> Tree {
        let body = crate::text::strip_bom(text);
        let ast = jsonc_parser::parse_to_ast(body, &CollectOptions::default(), &crate::spans::strict()).unwrap();
        tree(&ast.value.unwrap(), sort)
    }

    /// Text for a value in a noisy but valid layout: random whitespace,
    /// characters randomly escaped (`\uXXXX`, surrogate pairs, `\/`).
    fn noisy(t: &Tree, noise: &mut impl Iterator<Item = u8>, out: &mut String) {
        let ws = |out: &mut String, noise: &mut dyn Iterator<Item = u8>| {
            for _ in 0..noise.next().unwrap_or(0) % 3 {
                out.push([' ', '\t', '\n', '\r'][usize::from(noise.next().unwrap_or(0) % 4)]);
            }
        };
        ws(out, noise);
        match t {
            Tree::Null => out.push_str("null"),
            Tree::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Tree::Num(n) => out.push_str(n),
            Tree::Str(s) => noisy_str(s, noise, out),
            Tree::Arr(a) => {
                out.push('[');
                for (i, e) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    noisy(e, noise, out);
                }
                ws(out, noise);
                out.push(']');
            }
            Tree::Obj(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    ws(out, noise);
                    noisy_str(k, noise, out);
                    ws(out, noise);
                    out.push(':');
                    noisy(v, noise, out);
                }
                ws(out, noise);
                out.push('}');
            }
        }
        ws(out, noise);
    }

    fn noisy_str(s: &str, noise: &mut impl Iterator<Item = u8>, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            let escape = noise.next().unwrap_or(0).is_multiple_of(3);
            match c {
                '"' | '\\' if !escape => {
                    out.push('\\');
                    out.push(c);
                }
                '/' if escape => out.push_str("\\/"),
                c if escape || c < ' ' || c == '"' || c == '\\' => {
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    /// `text` with one edit at a char boundary near `at`: a byte added
    /// (space, line break, `\\/` escape, upper-case hex) or removed, or two
    /// neighbouring lines swapped.
    fn one_edit(text: &str, at: usize, edit: u8) -> String {
        let mut i = at % text.len().max(1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let (a, b) = text.split_at(i);
        match edit {
            0 => format!("{a} {b}"),
            1 => format!("{a}\n{b}"),
            2 => format!("{a}{}", b.get(1..).unwrap_or("")),
            3 => text.replacen('/', "\\/", 1),
            4 => match text.find("\\u") {
                Some(k) if text.len() >= k + 6 => {
                    let (x, y) = text.split_at(k + 2);
                    format!("{x}{}{}", y[..4].to_uppercase(), &y[4..])
                }
                _ => text.to_string(),
            },
            _ => {
                let mut lines: Vec<&str> = text.lines().collect();
                let n = i % lines.len().max(1);
                if n + 1 < lines.len() {
                    lines.swap(n, n + 1);
                }
                lines.join("\n") + "\n"
            }
        }
    }

    fn value() -> impl Strategy<Value = Tree> {
        let keys = prop::sample::select(vec![
            "code",
            "name",
            "document",
            "article",
            "text",
            "legal_basis",
            "x",
            "名称",
            "$schema",
        ]);
        let num = prop::sample::select(vec![
            "0",
            "-0",
            "1.0",
            "20",
            "1e5",
            "1E+05",
            "-2.50",
            "12345678901234567890.000",
        ]);
        let leaf = prop_oneof![
            Just(Tree::Null),
            any::<bool>().prop_map(Tree::Bool),
            num.prop_map(|n| Tree::Num(n.to_string())),
            "[a-z\"\\\\/ 青海\u{1}\n\t\u{7f}\u{200b}\u{2028}😀]{0,6}".prop_map(Tree::Str),
        ];
        leaf.prop_recursive(4, 24, 5, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Tree::Arr),
                prop::collection::vec((keys.clone().prop_map(String::from), inner), 0..5).prop_map(Tree::Obj),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn canonical_is_idempotent_and_keeps_the_value(t in value(), noise in prop::collection::vec(any::<u8>(), 64)) {
            let mut text = String::new();
            noisy(&t, &mut noise.iter().copied().cycle(), &mut text);
            for schema in [None, Some(item_schema())] {
                let once = canonical(&text, schema).unwrap();
                prop_assert_eq!(canonical(&once, schema).unwrap(), once.clone());
                let sort = schema.is_some();
                prop_assert_eq!(parsed(&once, sort), parsed(&text, sort));
                let a: serde_json::Value = serde_json::from_str(&once).unwrap();
                let b: serde_json::Value = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(a, b);
            }
            prop_assert_eq!(parsed(&text, false), t);
        }

        /// The one-scan check agrees with building the canonical text, on
        /// noisy texts and on canonical ones with one byte changed.
        #[test]
        fn the_scan_agrees_with_the_canonical_text(t in value(), noise in prop::collection::vec(any::<u8>(), 64), at in any::<usize>(), edit in 0u8..6) {
            let mut text = String::new();
            noisy(&t, &mut noise.iter().copied().cycle(), &mut text);
            let item = Plan::new(item_schema());
            for plan in [None, Some(&item)] {
                let once = canonical_with(&text, plan).unwrap();
                prop_assert!(verify::is_canonical(&once, plan));
                prop_assert_eq!(verify::is_canonical(&text, plan), once == text);
                let near = one_edit(&once, at, edit);
                if let Ok(c) = canonical_with(&near, plan) {
                    prop_assert_eq!(verify::is_canonical(&near, plan), c == near, "{:?}", near);
                }
            }
        }
    }
}
