//! A flat index of one JSON text's values, built in one scan when a file
//! has findings to place: each value's range, its key's and its first
//! child and next sibling, so each pointer is followed member by member
//! instead of re-scanning the text per finding.

use super::{key, Scan};

const NONE: usize = usize::MAX;

/// A byte range in the text.
type Range = (usize, usize);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    Scalar,
}

struct Node {
    kind: Kind,
    /// The key's range (quotes included) for an object member.
    key: Option<(usize, usize)>,
    start: usize,
    end: usize,
    child: usize,
    next: usize,
}

/// The values of a text, in document order (a value before its children).
pub(super) struct Index {
    nodes: Vec<Node>,
    /// The children of the large objects and arrays looked into, by node:
    /// many findings in one object (100,000 unknown keys) or array cost a
    /// lookup each, not a walk of the siblings each.
    large: std::cell::RefCell<std::collections::HashMap<usize, Children>>,
}

/// Objects and arrays with more children than this are indexed on first
/// lookup.
const INDEXED_CHILDREN: usize = 32;

/// A large node's children: members by key (the last of a repeated key),
/// or elements by position.
enum Children {
    Members(std::collections::HashMap<String, usize>),
    Elements(Vec<usize>),
}

impl Index {
    /// Index the value at `at`; `None` when the text is not JSON there.
    pub(super) fn build(text: &str, at: usize) -> Option<Index> {
        let mut nodes = Vec::new();
        let mut s = Scan {
            b: text.as_bytes(),
            i: at,
        };
        s.index(None, &mut nodes)?;
        Some(Index {
            nodes,
            large: Default::default(),
        })
    }

    /// The key range (for a member) and value range at `pointer`, or at
    /// the nearest existing ancestor (then without a key).
    pub(super) fn find(&self, text: &str, pointer: &str) -> Option<(Option<Range>, Range)> {
        let mut node = 0;
        let mut key_range = None;
        for seg in pointer.split('/').skip(1) {
            let seg = super::unescape(seg);
            let n = self.nodes.get(node)?;
            let next = match n.kind {
                Kind::Scalar => None,
                _ if self.children(node).nth(INDEXED_CHILDREN).is_some() => self.large_child(text, node, &seg),
                Kind::Object => {
                    let mut found = None;
                    for c in self.children(node) {
                        if *key(text, self.nodes[c].key?)? == *seg {
                            found = Some(c);
                        }
                    }
                    found
                }
                Kind::Array => seg.parse::<usize>().ok().and_then(|i| self.children(node).nth(i)),
            };
            match next {
                Some(c) => {
                    key_range = self.nodes[c].key;
                    node = c;
                }
                None => {
                    key_range = None;
                    break;
                }
            }
        }
        let n = self.nodes.get(node)?;
        Some((key_range, (n.start, n.end)))
    }

    /// Child `seg` of the large object or array `node`, through its index
    /// (built on first lookup).
    fn large_child(&self, text: &str, node: usize, seg: &str) -> Option<usize> {
        let mut large = self.large.borrow_mut();
        let children = large.entry(node).or_insert_with(|| match self.nodes[node].kind {
            Kind::Object => Children::Members(
                self.children(node)
                    .filter_map(|c| Some((key(text, self.nodes[c].key?)?.into_owned(), c)))
                    .collect(),
            ),
            _ => Children::Elements(self.children(node).collect()),
        });
        match children {
            Children::Members(m) => m.get(seg).copied(),
            Children::Elements(e) => seg.parse::<usize>().ok().and_then(|i| e.get(i).copied()),
        }
    }

    fn children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.nodes[node].child;
        std::iter::successors((first != NONE).then_some(first), |&c| {
            let next = self.nodes[c].next;
            (next != NONE).then_some(next)
        })
    }
}

impl Scan<'_> {
    /// Index the value at the cursor (its children after it).
    fn index(&mut self, key: Option<(usize, usize)>, nodes: &mut Vec<Node>) -> Option<()> {
        self.ws();
        let me = nodes.len();
        nodes.push(Node {
            kind: Kind::Scalar,
            key,
            start: self.i,
            end: self.i,
            child: NONE,
            next: NONE,
        });
        let close = match self.peek()? {
            b'{' => b'}',
            b'[' => b']',
            _ => {
                nodes[me].end = self.skip_value()?;
                return Some(());
            }
        };
        nodes[me].kind = if close == b'}' { Kind::Object } else { Kind::Array };
        self.i += 1;
        if self.eat(close).is_none() {
            let mut prev = NONE;
            loop {
                let k = if close == b'}' {
                    let k = self.string()?;
                    self.eat(b':')?;
                    Some(k)
                } else {
                    None
                };
                let c = nodes.len();
                match prev {
                    NONE => nodes[me].child = c,
                    p => nodes[p].next = c,
                }
                prev = c;
                self.index(k, nodes)?;
                if self.eat(b',').is_none() {
                    self.eat(close)?;
                    break;
                }
            }
        }
        nodes[me].end = self.i;
        Some(())
    }
}
