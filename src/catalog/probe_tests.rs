#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::resolves;
use crate::catalog::{AgenciesFile, Bundle, Item, Local};

/// Every pointer to a value of `v`, and near misses around each.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    for miss in ["/x", "/0", "/-", "/01", "/+0", "/999", "/"] {
        out.push(format!("{at}{miss}"));
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let token = k.replace('~', "~0").replace('/', "~1");
                out.push(format!("{at}/{token}x"));
                pointers(x, &format!("{at}/{token}"), out);
            }
        }
        Value::Array(a) => {
            out.push(format!("{at}/{}", a.len()));
            for (i, x) in a.iter().enumerate() {
                pointers(x, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `resolves` agrees with `serde_json::Value::pointer` on every pointer of
/// the value and every near miss; returns how many pointers were tried.
fn agrees<T: Serialize>(value: &T) -> usize {
    let json = serde_json::to_value(value).unwrap();
    let mut all = vec!["no-slash".to_string(), "~".to_string()];
    pointers(&json, "", &mut all);
    for p in &all {
        assert_eq!(resolves(value, p), json.pointer(p).is_some(), "pointer {p:?}");
    }
    all.len()
}

fn shipped(dir: &str, limit: usize) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog").join(dir)];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "json") && files.len() < limit {
                files.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    files
}

#[test]
fn agrees_with_serde_json_on_shipped_files() {
    let mut tried = 0;
    for text in shipped("local", 40) {
        tried += agrees(&serde_json::from_str::<Local>(&text).unwrap());
    }
    for text in shipped("items", 40) {
        tried += agrees(&serde_json::from_str::<Item>(&text).unwrap());
    }
    for text in shipped("bundles", 10) {
        tried += agrees(&serde_json::from_str::<Bundle>(&text).unwrap());
    }
    for text in shipped("agencies", 10) {
        let file: AgenciesFile = serde_json::from_str(&text).unwrap();
        tried += agrees(&file);
        for a in &file.agencies {
            tried += agrees(a);
        }
    }
    assert!(tried > 10_000, "only {tried} pointers");
}

#[derive(Serialize)]
enum Shape {
    Unit,
    New(u8),
    Pair(u8, String),
    Named { side: u8 },
}

#[derive(Serialize)]
struct Mixed {
    shapes: Vec<Shape>,
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<u8>,
    null: Option<u8>,
    by_number: BTreeMap<u32, String>,
    #[serde(rename = "a/b~c")]
    escaped: (bool, Vec<u8>),
    #[serde(flatten)]
    extra: BTreeMap<String, Vec<u8>>,
    #[serde(with = "serde_bytes_like")]
    bytes: Vec<u8>,
}

mod serde_bytes_like {
    pub(super) fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
}

#[test]
fn agrees_with_serde_json_on_every_serde_form() {
    let mixed = Mixed {
        shapes: vec![
            Shape::Unit,
            Shape::New(1),
            Shape::Pair(2, "x".into()),
            Shape::Named { side: 3 },
        ],
        absent: None,
        null: None,
        by_number: BTreeMap::from([(7, "seven".into())]),
        escaped: (true, vec![1, 2]),
        extra: BTreeMap::from([("more".into(), vec![4])]),
        bytes: vec![9, 8],
    };
    agrees(&mixed);
    assert!(resolves(&mixed, "/a~1b~0c/1/0"));
    assert!(resolves(&mixed, "/shapes/3/Named/side"));
    assert!(resolves(&mixed, "/by_number/7"));
    assert!(resolves(&mixed, "/more/0"));
    assert!(resolves(&mixed, "/null"));
    assert!(!resolves(&mixed, "/absent"));
    assert!(!resolves(&mixed, "/shapes/1/Pair"));
}
