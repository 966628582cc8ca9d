//! Strings that repeat across a national catalog's files — provenance
//! pointers and notes written by the same import script into 100,000
//! files — stored once and shared (issue 14: memory that does not grow
//! with the catalog for what the catalog repeats).
//!
//! A [`Shared`] reads, writes and validates as a JSON string (its schema is
//! `String`'s) and compares, orders and hashes as its text, so it can key a
//! `BTreeMap` looked up by `&str`.

use rustc_hash::FxHashSet;
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use schemars::{JsonSchema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string of the catalog, shared with every equal one read in this
/// process.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Shared(Arc<str>);

/// The texts seen so far. Two threads parse at once: a mutex held for
/// one set lookup is not where the time goes (measured in
/// docs/benchmarks.md).
fn pool() -> &'static Mutex<FxHashSet<Arc<str>>> {
    static POOL: OnceLock<Mutex<FxHashSet<Arc<str>>>> = OnceLock::new();
    POOL.get_or_init(Mutex::default)
}

impl Shared {
    /// The one copy of `s` (made now if it is new).
    pub(crate) fn new(s: &str) -> Shared {
        // A poisoned pool (a panic elsewhere while it was held) still
        // holds valid strings.
        let mut pool = pool().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(a) = pool.get(s) {
            return Shared(Arc::clone(a));
        }
        let a: Arc<str> = Arc::from(s);
        pool.insert(Arc::clone(&a));
        Shared(a)
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// The shared text itself, for a finding that points at it.
    pub(crate) fn arc(&self) -> Arc<str> {
        Arc::clone(&self.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared::new(s)
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        Shared::new(&s)
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Shared> for str {
    fn eq(&self, other: &Shared) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Shared;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Shared, E> {
                Ok(Shared::new(v))
            }
        }
        d.deserialize_str(Visitor)
    }
}

impl JsonSchema for Shared {
    fn inline_schema() -> bool {
        String::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation_and_read_as_strings() {
        let a: Shared = serde_json::from_str("\"待核实：生成脚本填写\"").unwrap();
        let b = Shared::from(String::from("待核实：生成脚本填写"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a.as_str(), "待核实：生成脚本填写");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"待核实：生成脚本填写\"");
        let other = Shared::new("/visits");
        assert!(other < a, "ordered as text");
        let map: std::collections::BTreeMap<Shared, u8> = [(other, 1)].into_iter().collect();
        assert_eq!(map.get("/visits"), Some(&1));
        assert!(serde_json::from_str::<Shared>("3").is_err());
    }

    #[test]
    fn its_schema_is_a_strings() {
        let mut g = SchemaGenerator::default();
        assert_eq!(Shared::json_schema(&mut g), String::json_schema(&mut g));
        assert_eq!(Shared::schema_name(), String::schema_name());
    }
}
