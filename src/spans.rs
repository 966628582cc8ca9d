//! Byte spans of JSON keys and values, from jsonc-parser's AST in strict
//! mode. serde_json stays the gate for validity and typed parsing; this
//! module only answers "where is this pointer in the text" and finds the
//! duplicate keys serde_json silently drops.

use jsonc_parser::ast::{ObjectProp, ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diag::{escape, Target};

/// A parsed tree over `text[base..]` (base skips a BOM).
pub(crate) struct Tree<'a> {
    root: Option<Value<'a>>,
    base: usize,
    /// Member positions (the last of a repeated key) of the large objects
    /// looked into, by the object's start: many findings in one object
    /// (100,000 unknown keys) cost one lookup each, not a scan each.
    members: std::cell::RefCell<std::collections::HashMap<usize, std::collections::HashMap<String, usize>>>,
}

/// Objects with more members than this are indexed on first lookup.
const INDEXED_MEMBERS: usize = 32;

/// A key that appears twice in one object.
pub(crate) struct DuplicateKey {
    /// Pointer of the repeated member.
    pub(crate) pointer: String,
    /// Byte range of the later (repeated) key.
    pub(crate) key: (usize, usize),
    /// Byte range of the first occurrence's key.
    pub(crate) first: (usize, usize),
}

pub(crate) fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

impl<'a> Tree<'a> {
    /// Parse `text[base..]`. `None` when the text is not JSON (callers have
    /// already reported that through serde_json's error).
    pub(crate) fn parse(text: &'a str, base: usize) -> Option<Tree<'a>> {
        let body = text.get(base..)?;
        let parsed = jsonc_parser::parse_to_ast(body, &CollectOptions::default(), &strict()).ok()?;
        Some(Tree {
            root: parsed.value,
            base,
            members: Default::default(),
        })
    }

    /// Byte range of the value (or its key) at `pointer`. When the pointer
    /// does not exist (a missing required field), the nearest existing
    /// ancestor is returned, so a finding still lands somewhere sensible.
    pub(crate) fn find(&self, pointer: &str, target: Target) -> Option<(usize, usize)> {
        let mut node = self.root.as_ref()?;
        let mut key_range = None;
        for seg in segments(pointer) {
            let next = match node {
                Value::Object(o) => self.member(o, &seg).map(|p| (name_range(&p.name), &p.value)),
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
        let r = match (target, key_range) {
            (Target::Key, Some(k)) => k,
            _ => {
                let r = node.range();
                (r.start, r.end)
            }
        };
        Some((r.0 + self.base, r.1 + self.base))
    }

    /// The member `key` of `o` (the last, when repeated).
    fn member<'t>(&self, o: &'t jsonc_parser::ast::Object<'a>, key: &str) -> Option<&'t ObjectProp<'a>> {
        if o.properties.len() <= INDEXED_MEMBERS {
            return o.properties.iter().rev().find(|p| p.name.as_str() == key);
        }
        let mut members = self.members.borrow_mut();
        let index = members.entry(o.range.start).or_insert_with(|| {
            o.properties
                .iter()
                .enumerate()
                .map(|(i, p)| (p.name.as_str().to_string(), i))
                .collect()
        });
        index.get(key).and_then(|&i| o.properties.get(i))
    }

    /// Every key repeated within one object, in document order.
    pub(crate) fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        let mut out = Vec::new();
        if let Some(root) = &self.root {
            walk_dups(root, &mut String::new(), self.base, &mut out);
        }
        out
    }
}

fn name_range(n: &ObjectPropName) -> Option<(usize, usize)> {
    let r = match n {
        ObjectPropName::String(s) => s.range,
        ObjectPropName::Word(w) => w.range,
    };
    Some((r.start, r.end))
}

fn walk_dups(v: &Value, path: &mut String, base: usize, out: &mut Vec<DuplicateKey>) {
    match v {
        Value::Object(o) => {
            let mut seen: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
            for p in &o.properties {
                let key = p.name.as_str();
                let r = name_range(&p.name).unwrap_or((0, 0));
                let r = (r.0 + base, r.1 + base);
                let len = path.len();
                path.push('/');
                path.push_str(&escape(key));
                match seen.get(key) {
                    Some(&first) => out.push(DuplicateKey {
                        pointer: path.clone(),
                        key: r,
                        first,
                    }),
                    None => {
                        seen.insert(key, r);
                    }
                }
                walk_dups(&p.value, path, base, out);
                path.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, e) in a.elements.iter().enumerate() {
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                walk_dups(e, path, base, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Split a JSON pointer into unescaped segments.
pub(crate) fn segments(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
}

#[cfg(test)]
mod tests {
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
    fn finds_members_of_large_objects_the_last_repeated_one() {
        let members: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{\"o\": {{{}, \"k7\": \"last\"}}}}", members.join(", "));
        let t = Tree::parse(&text, 0).unwrap();
        for i in [0, 50, 99] {
            let (s, e) = t.find(&format!("/o/k{i}"), Target::Key).unwrap();
            assert_eq!(&text[s..e], format!("\"k{i}\""));
        }
        let (s, e) = t.find("/o/k7", Target::Value).unwrap();
        assert_eq!(&text[s..e], "\"last\"");
        let (s, e) = t.find("/o/none", Target::Value).unwrap();
        assert!(text[s..e].starts_with("{\"k0\""));
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
}
