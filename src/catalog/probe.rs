//! Whether a JSON pointer names a value of a model value's JSON form,
//! decided without building that form: a serde `Serializer` that follows
//! the pointer's tokens and skips every other field and element (issue 14:
//! `provenance-invalid` built a whole `serde_json::Value` per file for this).
//!
//! The answer is `serde_json::to_value(value)?.pointer(pointer).is_some()`
//! for every value whose serialization succeeds (the catalog model's always
//! does): objects by key (the last of repeated keys, as a `Value` map keeps),
//! arrays by RFC 6901 index, `Option`, newtype and enum forms as serde_json
//! writes them. A serialization error on the pointer's path answers `false`.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};

/// Whether `pointer` (RFC 6901, as `serde_json::Value::pointer` reads it)
/// names a value in the JSON form of `value`.
pub(crate) fn resolves<T: Serialize + ?Sized>(value: &T, pointer: &str) -> bool {
    if pointer.is_empty() {
        return true;
    }
    let Some(tail) = pointer.strip_prefix('/') else {
        return false;
    };
    let tokens: Vec<Cow<str>> = tail.split('/').map(unescape).collect();
    value.serialize(Probe { rest: &tokens }).unwrap_or(false)
}

fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// An array index as `serde_json::Value::pointer` reads one.
fn index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

/// A map key's JSON form, as serde_json writes keys (strings, numbers, bools).
fn key_text<K: Serialize + ?Sized>(key: &K) -> Result<String, Unserializable> {
    match serde_json::to_value(key) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(serde_json::Value::Number(n)) => Ok(n.to_string()),
        Ok(serde_json::Value::Bool(b)) => Ok(b.to_string()),
        _ => Err(Unserializable),
    }
}

#[derive(Debug)]
pub(crate) struct Unserializable;

impl fmt::Display for Unserializable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value has no JSON form")
    }
}

impl std::error::Error for Unserializable {}

impl ser::Error for Unserializable {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Unserializable
    }
}

/// The serializer: `rest` are the tokens still to follow from this value.
#[derive(Clone, Copy)]
struct Probe<'p> {
    rest: &'p [Cow<'p, str>],
}

/// What a compound value's elements are searched for.
enum Want<'p> {
    /// Nothing: the answer is already known.
    Known,
    /// The element at this index (`None`: the token is no index).
    Index(Option<usize>),
    /// The entry or field with this key.
    Key(&'p str),
}

/// The state of one array, object or struct being searched.
struct Walk<'p> {
    want: Want<'p>,
    /// Tokens to follow inside the element found.
    rest: &'p [Cow<'p, str>],
    seen: usize,
    /// Whether the last map key written was the one wanted.
    matched: bool,
    found: bool,
}

impl<'p> Probe<'p> {
    /// A leaf: it exists when no token is left.
    fn leaf(self) -> Result<bool, Unserializable> {
        Ok(self.rest.is_empty())
    }

    fn known(found: bool) -> Walk<'p> {
        Walk {
            want: Want::Known,
            rest: &[],
            seen: 0,
            matched: false,
            found,
        }
    }

    /// An array: search it for the first token as an index.
    fn array(self) -> Walk<'p> {
        match self.rest.split_first() {
            None => Self::known(true),
            Some((t, rest)) => Walk {
                want: Want::Index(index(t)),
                rest,
                seen: 0,
                matched: false,
                found: false,
            },
        }
    }

    /// An object: search it for the first token as a key.
    fn object(self) -> Walk<'p> {
        match self.rest.split_first() {
            None => Self::known(true),
            Some((t, rest)) => Walk {
                want: Want::Key(t),
                rest,
                seen: 0,
                matched: false,
                found: false,
            },
        }
    }

    /// serde_json's `{variant: …}` around an enum's content: `Some` with the
    /// probe for the content when the pointer goes into it, else the answer.
    fn variant(self, variant: &str) -> Result<Probe<'p>, bool> {
        match self.rest.split_first() {
            None => Err(true),
            Some((t, rest)) if t == variant => Ok(Probe { rest }),
            Some(_) => Err(false),
        }
    }
}

impl Walk<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        if let Want::Index(Some(i)) = self.want {
            if i == self.seen {
                self.found = value.serialize(Probe { rest: self.rest })?;
            }
        }
        self.seen += 1;
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unserializable> {
        if let Want::Key(k) = self.want {
            if k == key {
                self.found = value.serialize(Probe { rest: self.rest })?;
            }
        }
        Ok(())
    }
}

impl<'p> ser::Serializer for Probe<'p> {
    type Ok = bool;
    type Error = Unserializable;
    type SerializeSeq = Walk<'p>;
    type SerializeTuple = Walk<'p>;
    type SerializeTupleStruct = Walk<'p>;
    type SerializeTupleVariant = Walk<'p>;
    type SerializeMap = Walk<'p>;
    type SerializeStruct = Walk<'p>;
    type SerializeStructVariant = Walk<'p>;

    fn serialize_bool(self, _: bool) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_i8(self, _: i8) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_i16(self, _: i16) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_i32(self, _: i32) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_i64(self, _: i64) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_i128(self, _: i128) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_u8(self, _: u8) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_u16(self, _: u16) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_u32(self, _: u32) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_u64(self, _: u64) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_u128(self, _: u128) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_f32(self, _: f32) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_f64(self, _: f64) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_char(self, _: char) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_str(self, _: &str) -> Result<bool, Unserializable> {
        self.leaf()
    }
    /// serde_json writes bytes as an array of numbers.
    fn serialize_bytes(self, v: &[u8]) -> Result<bool, Unserializable> {
        Ok(match self.rest {
            [] => true,
            [t] => index(t).is_some_and(|i| i < v.len()),
            _ => false,
        })
    }
    fn serialize_none(self) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<bool, Unserializable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<bool, Unserializable> {
        self.leaf()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, Unserializable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<bool, Unserializable> {
        match self.variant(variant) {
            Ok(inner) => value.serialize(inner),
            Err(known) => Ok(known),
        }
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Walk<'p>, Unserializable> {
        Ok(self.array())
    }
    fn serialize_tuple(self, _: usize) -> Result<Walk<'p>, Unserializable> {
        Ok(self.array())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Walk<'p>, Unserializable> {
        Ok(self.array())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Walk<'p>, Unserializable> {
        Ok(self.variant(variant).map_or_else(Probe::known, Probe::array))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Walk<'p>, Unserializable> {
        Ok(self.object())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Walk<'p>, Unserializable> {
        Ok(self.object())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Walk<'p>, Unserializable> {
        Ok(self.variant(variant).map_or_else(Probe::known, Probe::object))
    }
}

impl ser::SerializeSeq for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        self.element(value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeTuple for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        self.element(value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeTupleStruct for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        self.element(value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeTupleVariant for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        self.element(value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeMap for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unserializable> {
        if let Want::Key(k) = self.want {
            self.matched = key_text(key)? == k;
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unserializable> {
        if self.matched {
            self.matched = false;
            self.found = value.serialize(Probe { rest: self.rest })?;
        }
        Ok(())
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeStruct for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unserializable> {
        self.field(key, value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

impl ser::SerializeStructVariant for Walk<'_> {
    type Ok = bool;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unserializable> {
        self.field(key, value)
    }
    fn end(self) -> Result<bool, Unserializable> {
        Ok(self.found)
    }
}

#[cfg(test)]
#[path = "probe_tests.rs"]
mod tests;
