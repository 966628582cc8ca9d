//! Byte spans of JSON keys and values, found by scanning the text (no
//! tree is built). serde_json stays the gate for validity and typed
//! parsing; this module only answers "where is this pointer in the text"
//! and finds the duplicate keys serde_json silently drops. Both scan the
//! bytes once, allocating nothing for a file without duplicates.

mod index;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diag::{escape, Target};

/// The JSON text of one file, `text[base..]` (base skips a BOM).
pub(crate) struct Tree<'a> {
    text: &'a str,
    base: usize,
    /// Built by the first [`Tree::find`].
    index: std::cell::OnceCell<Option<index::Index>>,
}

/// A key that appears twice in one object.
pub(crate) struct DuplicateKey {
    /// Pointer of the repeated member.
    pub(crate) pointer: String,
    /// Byte range of the later (repeated) key.
    pub(crate) key: (usize, usize),
    /// Byte range of the first occurrence's key.
    pub(crate) first: (usize, usize),
}

/// jsonc-parser's options for strict JSON (what `canonical` parses with).
pub(crate) fn strict() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
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
    /// The text `text[base..]`, when it is JSON (callers have already
    /// reported otherwise through serde_json's error).
    pub(crate) fn parse(text: &'a str, base: usize) -> Option<Tree<'a>> {
        let body = text.get(base..)?;
        serde_json::from_str::<serde::de::IgnoredAny>(body).ok()?;
        Some(Tree::valid(text, base))
    }

    /// [`Tree::parse`] for a text serde_json has already accepted.
    pub(crate) fn valid(text: &'a str, base: usize) -> Tree<'a> {
        Tree {
            text,
            base,
            index: std::cell::OnceCell::new(),
        }
    }

    fn scan(&self, at: usize) -> Scan<'a> {
        Scan {
            b: self.text.as_bytes(),
            i: at,
        }
    }

    /// Byte range of the value (or its key) at `pointer`. When the pointer
    /// does not exist (a missing required field), the nearest existing
    /// ancestor is returned, so a finding still lands somewhere sensible.
    /// The first call indexes the text once; later ones follow the index.
    pub(crate) fn find(&self, pointer: &str, target: Target) -> Option<(usize, usize)> {
        let index = self.index.get_or_init(|| {
            let mut s = self.scan(self.base);
            s.ws();
            index::Index::build(self.text, s.i)
        });
        let (key_range, value) = index.as_ref()?.find(self.text, pointer)?;
        match (target, key_range) {
            (Target::Key, Some(k)) => Some(k),
            _ => Some(value),
        }
    }

    /// Every key repeated within one object, in document order.
    pub(crate) fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        let mut out = Vec::new();
        let mut s = self.scan(self.base);
        s.ws();
        // The text is JSON: a scan that stops early only loses duplicates
        // after the stop, never panics.
        let _ = s.dups(self.text, &mut Walk::default(), &mut out);
        out
    }
}

/// A pointer segment unescaped (`~1` is `/`, `~0` is `~`).
fn unescape(seg: &str) -> Cow<'_, str> {
    if seg.contains('~') {
        Cow::Owned(seg.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(seg)
    }
}

/// A cursor over JSON bytes. Every method returns `None` on bytes that
/// are not JSON (or at the end), never panics.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    fn ws(&mut self) {
        while self
            .b
            .get(self.i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// A string literal at the cursor: its range, quotes included.
    fn string(&mut self) -> Option<(usize, usize)> {
        self.ws();
        let start = self.i;
        (self.peek()? == b'"').then_some(())?;
        self.i += 1;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        Some((start, self.i))
    }

    /// Skip the value at the cursor; the offset just after it.
    fn skip_value(&mut self) -> Option<usize> {
        self.ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' if depth > 0 => self.i += 1,
                c if c.is_ascii_whitespace() && depth > 0 => self.i += 1,
                _ => {
                    // A number or a literal.
                    let start = self.i;
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.'))
                    {
                        self.i += 1;
                    }
                    (self.i > start).then_some(())?;
                }
            }
            if depth == 0 {
                return Some(self.i);
            }
        }
    }

    /// Walk the value at the cursor for repeated keys; `keys` holds the
    /// keys of the enclosing objects (each object's after its parent's),
    /// `path` the members and elements leading here.
    fn dups(&mut self, text: &'a str, walk: &mut Walk<'a>, out: &mut Vec<DuplicateKey>) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                let mark = walk.keys.len();
                // Past a few keys the object's keys are also hashed: 100,000
                // keys in one object cost a lookup each, not a scan each.
                let mut large: Option<HashMap<Cow<'a, str>, (usize, usize)>> = None;
                loop {
                    let r = self.string()?;
                    let name = key(text, r)?;
                    self.eat(b':')?;
                    walk.path.push(Step::Key(r));
                    let seen = walk.keys.len() - mark;
                    if large.is_none() && seen > HASHED_KEYS {
                        large = Some(walk.keys[mark..].iter().map(|(k, r)| (k.clone(), *r)).collect());
                    }
                    let first = match &large {
                        Some(m) => m.get(&name).copied(),
                        None => walk.keys[mark..].iter().find(|(k, _)| *k == name).map(|&(_, f)| f),
                    };
                    match first {
                        Some(first) => out.push(DuplicateKey {
                            pointer: walk.pointer(text),
                            key: r,
                            first,
                        }),
                        None => {
                            if let Some(m) = &mut large {
                                m.insert(name.clone(), r);
                            }
                            walk.keys.push((name, r));
                        }
                    }
                    self.dups(text, walk, out)?;
                    walk.path.pop();
                    if self.eat(b',').is_none() {
                        walk.keys.truncate(mark);
                        return self.eat(b'}');
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                for i in 0.. {
                    walk.path.push(Step::Index(i));
                    self.dups(text, walk, out)?;
                    walk.path.pop();
                    if self.eat(b',').is_none() {
                        break;
                    }
                }
                self.eat(b']')
            }
            _ => self.skip_value().map(|_| ()),
        }
    }
}

/// Objects with more keys than this are checked for repeats through a hash
/// map (fewer are scanned: cheaper than hashing).
const HASHED_KEYS: usize = 16;

/// One step from the root: a member (its key's range) or an element.
enum Step {
    Key((usize, usize)),
    Index(usize),
}

/// The state of the duplicate-key walk: the open objects' keys and the
/// steps to the value being walked (a pointer is built only for a
/// duplicate).
#[derive(Default)]
struct Walk<'a> {
    keys: Vec<(Cow<'a, str>, (usize, usize))>,
    path: Vec<Step>,
}

impl Walk<'_> {
    fn pointer(&self, text: &str) -> String {
        let mut p = String::new();
        for step in &self.path {
            p.push('/');
            match step {
                Step::Key(r) => p.push_str(&escape(&key(text, *r).unwrap_or_default())),
                Step::Index(i) => p.push_str(&i.to_string()),
            }
        }
        p
    }
}

/// The decoded text of the key literal at `r` (borrowed unless escaped).
fn key(text: &str, r: (usize, usize)) -> Option<Cow<'_, str>> {
    let lit = text.get(r.0..r.1)?;
    let inner = &lit[1..lit.len() - 1];
    if inner.contains('\\') {
        serde_json::from_str::<String>(lit).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
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
mod tests;
