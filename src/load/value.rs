//! A JSON text to a `serde_json::Value`, noting on the way whether any
//! object repeats a key. The map insert that builds each object already
//! finds the earlier key, so the check is free; the scan that finds where
//! the duplicates are (`spans::Tree::duplicate_keys`) then runs only for
//! the few files that have one (issue 14: it ran on every file, ~6% of
//! `lint`). The value is the one `serde_json::from_str::<Value>` gives:
//! the same deserializer, the same number and map handling (a repeated
//! key keeps its first place and its last value).

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The value of `text` and whether some object in it repeats a key.
pub(crate) fn parse(text: &str) -> Result<(Value, bool), serde_json::Error> {
    let repeated = Cell::new(false);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed(&repeated).deserialize(&mut de)?;
    de.end()?;
    Ok((value, repeated.get()))
}

/// Builds a value; sets the flag when a key repeats.
#[derive(Clone, Copy)]
struct Seed<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(self)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            if out.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_repeated_key_is_noted_at_any_depth_and_the_value_is_serde_jsons() {
        for (text, repeated) in [
            (r#"{"a": 1, "b": [{"c": 2}]}"#, false),
            (r#"{"a": 1, "a": 2}"#, true),
            (r#"[{"x": {"k": 1, "\u006b": 2}}]"#, true),
            (r#"{"a": {"k": 1}, "b": {"k": 1}}"#, false),
        ] {
            let (value, got) = parse(text).unwrap();
            assert_eq!(got, repeated, "{text}");
            assert_eq!(value, serde_json::from_str::<Value>(text).unwrap(), "{text}");
        }
        for bad in ["{", "[1,]", "1 2", "{\"a\":1e400}"] {
            assert_eq!(
                parse(bad).map(|v| v.0).map_err(|e| e.to_string()),
                serde_json::from_str::<Value>(bad).map_err(|e| e.to_string()),
                "{bad}"
            );
        }
    }

    /// JSON texts whose objects often repeat a key (`"\\u0061"` is `a`).
    fn json() -> impl Strategy<Value = String> {
        let leaf = prop::sample::select(vec![
            "1",
            "-2.5e3",
            "1e400",
            "\"a\"",
            "null",
            "true",
            "18446744073709551616",
        ])
        .prop_map(String::from);
        leaf.prop_recursive(4, 32, 4, |inner| {
            let key = prop::sample::select(vec!["a", "b", "\\u0061"]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec((key, inner), 0..4).prop_map(|m| {
                    let members: Vec<String> = m.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
                    format!("{{{}}}", members.join(", "))
                }),
            ]
        })
    }

    proptest! {
        /// Same value (key order included) and same errors as serde_json,
        /// and a repeated key noted exactly when the span scan finds one.
        #[test]
        fn agrees_with_serde_json_and_the_span_scan(text in prop_oneof![json(), r#"[\[\]{}:, "ab0-9.eE\\u]{0,40}"#]) {
            let ours = parse(&text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string());
            prop_assert_eq!(ours.as_ref().map(|v| &v.0), theirs.as_ref());
            if let Ok((value, repeated)) = ours {
                let scanned = !crate::spans::Tree::valid(&text, 0).duplicate_keys().is_empty();
                prop_assert_eq!(repeated, scanned);
                prop_assert_eq!(serde_json::to_string(&value).unwrap(), serde_json::to_string(&theirs.unwrap()).unwrap());
            }
        }
    }
}
