//! The scanner against jsonc-parser's AST (what spans were found with
//! before issue 14), as an oracle: same ranges, same duplicates.

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::CollectOptions;
use proptest::prelude::*;

use super::*;

#[test]
fn finds_values_and_keys() {
    let text = "{\"a\": {\"b\": [1, \"x\"]}}";
    let t = Tree::parse(text, 0).unwrap();
    let (s, e) = t.find("/a/b/1", Target::Value).unwrap();
    assert_eq!(&text[s..e], "\"x\"");
    let (s, e) = t.find("/a/b", Target::Key).unwrap();
    assert_eq!(&text[s..e], "\"b\"");
    // A missing member falls back to its parent object.
    let (s, e) = t.find("/a/missing", Target::Value).unwrap();
    assert_eq!(&text[s..e], "{\"b\": [1, \"x\"]}");
}

#[test]
fn finds_members_and_elements_of_large_nodes_the_last_repeated_member() {
    let members: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
    let elements: Vec<String> = (0..100).map(|i| format!("\"e{i}\"")).collect();
    let text = format!(
        "{{\"o\": {{{}, \"k7\": \"last\"}}, \"a\": [{}]}}",
        members.join(", "),
        elements.join(", ")
    );
    let t = Tree::parse(&text, 0).unwrap();
    for i in [0, 50, 99] {
        let (s, e) = t.find(&format!("/o/k{i}"), Target::Key).unwrap();
        assert_eq!(&text[s..e], format!("\"k{i}\""));
        let (s, e) = t.find(&format!("/a/{i}"), Target::Value).unwrap();
        assert_eq!(&text[s..e], format!("\"e{i}\""));
    }
    let (s, e) = t.find("/o/k7", Target::Value).unwrap();
    assert_eq!(&text[s..e], "\"last\"");
    let (s, e) = t.find("/o/none", Target::Value).unwrap();
    assert!(text[s..e].starts_with("{\"k0\""));
    let (s, e) = t.find("/a/100", Target::Value).unwrap();
    assert!(text[s..e].starts_with("[\"e0\""));
}

#[test]
fn finds_repeated_keys_in_large_objects_with_the_first_occurrence() {
    let mut members: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
    members.push("\"k3\": 1".into());
    members.push("\"k99\": 2".into());
    let text = format!("{{\"o\": {{{}}}}}", members.join(", "));
    let t = Tree::parse(&text, 0).unwrap();
    let d = t.duplicate_keys();
    let got: Vec<(&str, &str, &str)> = d
        .iter()
        .map(|d| (d.pointer.as_str(), &text[d.key.0..d.key.1], &text[d.first.0..d.first.1]))
        .collect();
    assert_eq!(got, [("/o/k3", "\"k3\"", "\"k3\""), ("/o/k99", "\"k99\"", "\"k99\"")]);
    assert!(d[0].key.0 > d[0].first.0 && d[1].key.0 > d[1].first.0);
}

#[test]
fn reports_each_repeated_key() {
    let text = "{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}";
    let t = Tree::parse(text, 0).unwrap();
    let d = t.duplicate_keys();
    let ptrs: Vec<&str> = d.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(ptrs, ["/b/c", "/a"]);
    assert_eq!(&text[d[1].key.0..d[1].key.1], "\"a\"");
}

#[test]
fn escaped_keys_and_a_bom_are_handled() {
    let text = "\u{feff}{\"a/b\": {\"\\u0078\": 1, \"x\": [true, null]}, \"~\": -1.5e3}";
    let t = Tree::parse(text, 3).unwrap();
    let (s, e) = t.find("/a~1b/x/1", Target::Value).unwrap();
    assert_eq!(&text[s..e], "null");
    let (s, e) = t.find("/~0", Target::Value).unwrap();
    assert_eq!(&text[s..e], "-1.5e3");
    let d = t.duplicate_keys();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].pointer, "/a~1b/x");
    assert_eq!(&text[d[0].first.0..d[0].first.1], "\"\\u0078\"");
    assert!(Tree::parse("{\"a\": }", 0).is_none());
}

/// The jsonc-parser AST's answer for `find` (the code this module had).
fn oracle_find(text: &str, pointer: &str, target: Target) -> Option<(usize, usize)> {
    let ast = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()).ok()?;
    let mut node = ast.value.as_ref()?;
    let mut key_range = None;
    for seg in segments(pointer) {
        let next = match node {
            Value::Object(o) => o
                .properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == seg)
                .map(|p| (Some(name_range(&p.name)), &p.value)),
            Value::Array(a) => seg
                .parse::<usize>()
                .ok()
                .and_then(|i| a.elements.get(i))
                .map(|v| (None, v)),
            _ => None,
        };
        match next {
            Some((k, v)) => {
                key_range = k;
                node = v;
            }
            None => {
                key_range = None;
                break;
            }
        }
    }
    match (target, key_range) {
        (Target::Key, Some(k)) => Some(k),
        _ => Some((node.range().start, node.range().end)),
    }
}

fn name_range(n: &ObjectPropName) -> (usize, usize) {
    let r = match n {
        ObjectPropName::String(s) => s.range,
        ObjectPropName::Word(w) => w.range,
    };
    (r.start, r.end)
}

/// A duplicate as (pointer, key range, first key's range).
type Dup = (String, (usize, usize), (usize, usize));

/// The jsonc-parser AST's duplicates.
fn oracle_dups(text: &str) -> Vec<Dup> {
    fn walk(v: &Value, path: &str, out: &mut Vec<Dup>) {
        match v {
            Value::Object(o) => {
                let mut seen = std::collections::HashMap::new();
                for p in &o.properties {
                    let key = p.name.as_str();
                    let r = name_range(&p.name);
                    let here = format!("{path}/{}", escape(key));
                    match seen.get(key) {
                        Some(&first) => out.push((here.clone(), r, first)),
                        None => {
                            seen.insert(key, r);
                        }
                    }
                    walk(&p.value, &here, out);
                }
            }
            Value::Array(a) => {
                for (i, e) in a.elements.iter().enumerate() {
                    walk(e, &format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(Some(v)) = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()).map(|a| a.value) {
        walk(&v, "", &mut out);
    }
    out
}

/// JSON texts with repeated and escaped keys, odd spacing, every kind of
/// value.
fn json_text() -> impl Strategy<Value = String> {
    let ws = prop::sample::select(vec!["", " ", "\n  ", "\t", "\r\n"]);
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("-12.5e+3".to_string()),
        Just("0".to_string()),
        "[a-c/~\"\\\\青 ]{0,4}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        Just("\"\\u9752\\\"\"".to_string()),
    ];
    let key = prop::sample::select(vec![
        "\"a\"",
        "\"b\"",
        "\"\\u0061\"",
        "\"a/b\"",
        "\"~\"",
        "\"青\"",
        "\"\"",
    ]);
    leaf.prop_recursive(4, 40, 5, move |inner| {
        prop_oneof![
            prop::collection::vec((inner.clone(), ws.clone()), 0..5).prop_map(|v| {
                let parts: Vec<String> = v.into_iter().map(|(x, w)| format!("{w}{x}{w}")).collect();
                format!("[{}]", parts.join(","))
            }),
            prop::collection::vec((key.clone(), inner, ws.clone()), 0..5).prop_map(|v| {
                let parts: Vec<String> = v.into_iter().map(|(k, x, w)| format!("{w}{k}{w}:{w}{x}")).collect();
                format!("{{{}}}", parts.join(","))
            }),
        ]
    })
}

/// Every pointer into `v`, and one missing member under each object.
fn pointers(v: &serde_json::Value, here: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            out.push(format!("{here}/missing"));
            for (k, x) in m {
                pointers(x, format!("{here}/{}", escape(k)), out);
            }
        }
        serde_json::Value::Array(a) => {
            out.push(format!("{here}/{}", a.len()));
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_scanner_agrees_with_the_ast(text in json_text(), pad in "[ \n]{0,2}") {
        let text = format!("{pad}{text}{pad}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let tree = Tree::parse(&text, 0).unwrap();
        let mut ptrs = Vec::new();
        pointers(&value, String::new(), &mut ptrs);
        for p in &ptrs {
            for target in [Target::Key, Target::Value] {
                prop_assert_eq!(tree.find(p, target), oracle_find(&text, p, target), "{} in {}", p, text);
            }
        }
        let dups: Vec<_> = tree.duplicate_keys().into_iter().map(|d| (d.pointer, d.key, d.first)).collect();
        prop_assert_eq!(dups, oracle_dups(&text));
    }
}
