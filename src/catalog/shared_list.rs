//! Lists that repeat whole across a national catalog's files — a region's
//! windows and channels, the provenance block an import script writes into
//! every file — stored once and shared (issue 14), the way [`Shared`]
//! stores a repeated string.
//!
//! A [`SharedList`] reads, writes and validates as a JSON array (its schema
//! is `Vec<T>`'s) and reads as a slice; a [`SharedValue`] reads, writes and
//! validates as its `T`. Both are immutable.
//!
//! [`Shared`]: super::shared::Shared

use rustc_hash::{FxHashMap, FxHashSet};
use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::fmt;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

use schemars::{JsonSchema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a shared list may hold: compared and hashed by content, sent
/// between the threads that parse.
pub(crate) trait Poolable: Hash + Eq + Send + Sync + 'static {}
impl<T: Hash + Eq + Send + Sync + 'static> Poolable for T {}

/// A list of the catalog, shared with every equal one read in this
/// process.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct SharedList<T>(Arc<[T]>);

type Pools = FxHashMap<TypeId, Box<dyn Any + Send>>;

/// One set of lists per element type, behind one lock: a lock held for one
/// set lookup per file is not where the time goes (docs/benchmarks.md).
fn pools() -> &'static Mutex<Pools> {
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    POOLS.get_or_init(Mutex::default)
}

impl<T: Poolable> SharedList<T> {
    /// The one copy of `list` (kept now if it is new). The empty list is
    /// not pooled: it holds no memory.
    pub(crate) fn new(list: Vec<T>) -> SharedList<T> {
        if list.is_empty() {
            return SharedList(Arc::from(list));
        }
        // A poisoned pool (a panic elsewhere while it was held) still
        // holds valid lists.
        let mut pools = pools().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let pool = pools
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(FxHashSet::<Arc<[T]>>::default()))
            .downcast_mut::<FxHashSet<Arc<[T]>>>()
            .expect("a pool holds lists of the type it is keyed by");
        if let Some(a) = pool.get(&list[..]) {
            return SharedList(Arc::clone(a));
        }
        let a: Arc<[T]> = Arc::from(list);
        pool.insert(Arc::clone(&a));
        SharedList(a)
    }
}

impl<T> Default for SharedList<T> {
    fn default() -> SharedList<T> {
        SharedList(Arc::from(Vec::new()))
    }
}

impl<T> std::ops::Deref for SharedList<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Poolable> From<Vec<T>> for SharedList<T> {
    fn from(list: Vec<T>) -> SharedList<T> {
        SharedList::new(list)
    }
}

impl<T: Poolable> FromIterator<T> for SharedList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> SharedList<T> {
        SharedList::new(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a SharedList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for SharedList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Serialize> Serialize for SharedList<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl<'de, T: Poolable + Deserialize<'de>> Deserialize<'de> for SharedList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedList<T>, D::Error> {
        Vec::<T>::deserialize(d).map(SharedList::new)
    }
}

impl<T: JsonSchema> JsonSchema for SharedList<T> {
    fn inline_schema() -> bool {
        Vec::<T>::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        Vec::<T>::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        Vec::<T>::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

/// A value of the catalog that repeats whole across files (a local's
/// online block, its promised deadline), shared with every equal one read
/// in this process: one pointer in each file's model. Reads, writes and
/// validates as `T`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct SharedValue<T>(Arc<T>);

impl<T: Poolable> SharedValue<T> {
    /// The one copy of `value` (kept now if it is new).
    pub(crate) fn new(value: T) -> SharedValue<T> {
        let mut pools = pools().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let pool = pools
            .entry(TypeId::of::<SharedValue<T>>())
            .or_insert_with(|| Box::new(FxHashSet::<Arc<T>>::default()))
            .downcast_mut::<FxHashSet<Arc<T>>>()
            .expect("a pool holds values of the type it is keyed by");
        if let Some(a) = pool.get(&value) {
            return SharedValue(Arc::clone(a));
        }
        let a = Arc::new(value);
        pool.insert(Arc::clone(&a));
        SharedValue(a)
    }
}

impl<T> std::ops::Deref for SharedValue<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Poolable> From<T> for SharedValue<T> {
    fn from(value: T) -> SharedValue<T> {
        SharedValue::new(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for SharedValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Serialize> Serialize for SharedValue<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Poolable + Deserialize<'de>> Deserialize<'de> for SharedValue<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedValue<T>, D::Error> {
        T::deserialize(d).map(SharedValue::new)
    }
}

impl<T: JsonSchema> JsonSchema for SharedValue<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_share_one_allocation_and_read_as_arrays() {
        let a: SharedList<String> = serde_json::from_str(r#"["窗口", "12345"]"#).unwrap();
        let b = SharedList::from(vec![String::from("窗口"), String::from("12345")]);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(&*a, ["窗口", "12345"]);
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"["窗口","12345"]"#);
        let other: SharedList<String> = serde_json::from_str(r#"["12345", "窗口"]"#).unwrap();
        assert!(!Arc::ptr_eq(&a.0, &other.0), "order is content");
        let numbers: SharedList<u32> = serde_json::from_str("[1, 2]").unwrap();
        assert_eq!(&*numbers, [1, 2], "each element type has its own pool");
        assert!(serde_json::from_str::<SharedList<u32>>(r#"{"a": 1}"#).is_err());
        assert!(SharedList::<u32>::default().is_empty());
    }

    #[test]
    fn equal_values_share_one_allocation_and_read_as_themselves() {
        let a: SharedValue<(u32, String)> = serde_json::from_str(r#"[1, "工作日"]"#).unwrap();
        let b = SharedValue::from((1, String::from("工作日")));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a.1, "工作日");
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"[1,"工作日"]"#);
        let list: SharedList<(u32, String)> = serde_json::from_str(r#"[[1, "工作日"]]"#).unwrap();
        assert_eq!(list[0], *a, "a value and a list of it keep separate pools");
        let mut g = SchemaGenerator::default();
        assert_eq!(
            SharedValue::<(u32, String)>::json_schema(&mut g),
            <(u32, String)>::json_schema(&mut g)
        );
    }

    #[test]
    fn its_schema_is_a_vecs() {
        let mut g = SchemaGenerator::default();
        assert_eq!(
            SharedList::<String>::json_schema(&mut g),
            Vec::<String>::json_schema(&mut g)
        );
        assert_eq!(SharedList::<u32>::schema_name(), Vec::<u32>::schema_name());
    }
}
