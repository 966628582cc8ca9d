//! A schema compiled for the canonical key order: for each schema node
//! (after `$ref`s), the declared property names in order, the node each
//! member's value follows, and that of array items. Built once per schema,
//! so ordering a file's keys is a lookup per key rather than a walk of the
//! schema's `properties`, `$ref`s and `anyOf` branches (issue 14: that
//! walk was most of `format-canonical`, itself a quarter of a lint).

use std::collections::HashMap;

use serde_json::Value;

/// Where a schema node's plan is in [`Plan`].
pub(crate) type NodeId = usize;

/// A compiled schema; node 0 is the document's root.
#[derive(Debug)]
pub(crate) struct Plan {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Node {
    /// Each declared property, sorted by length, then name (found by
    /// binary search, which compares lengths before bytes: a hash per key
    /// was ~3% of `lint`, a byte comparison per step ~4%), with its place
    /// in the schema order
    /// (the first place, over the node and its `allOf` / `anyOf` / `oneOf`
    /// branches) and its schema (that of the first branch declaring it).
    props: Box<[(Box<str>, usize, NodeId)]>,
    /// For each place in the schema order, where that property is in
    /// `props`: a file in canonical order names its keys in this order, so
    /// the next few places are tried before a search.
    by_rank: Box<[usize]>,
    /// The schema of properties not declared (a map), if any.
    additional: Option<NodeId>,
    /// The schema of an array's elements, if any.
    items: Option<NodeId>,
}

impl Plan {
    pub(crate) fn new(root: &Value) -> Plan {
        let mut b = Builder {
            root,
            nodes: Vec::new(),
            ids: HashMap::new(),
        };
        b.node(resolved(root, root));
        Plan { nodes: b.nodes }
    }

    pub(crate) const ROOT: NodeId = 0;

    /// Where `key` ranks in the node's order; names the schema does not
    /// declare rank after all the declared ones.
    pub(crate) fn rank(&self, node: NodeId, key: &str) -> usize {
        self.lookup(node, key, 0).0
    }

    /// The schema of the member `key`: a declared property, else the
    /// schema of additional properties (a map).
    pub(crate) fn member(&self, node: NodeId, key: &str) -> Option<NodeId> {
        self.lookup(node, key, 0).1
    }

    /// [`Plan::rank`] and [`Plan::member`] in one search; `from` is the
    /// rank the key is expected at or a little after (the previous key's).
    pub(crate) fn lookup(&self, node: NodeId, key: &str, from: usize) -> (usize, Option<NodeId>) {
        let n = &self.nodes[node];
        let mut near = n.by_rank.iter().skip(from).take(4).map(|&i| &n.props[i]);
        match near.find(|p| *p.0 == *key).or_else(|| n.prop(key)) {
            Some(p) => (p.1, Some(p.2)),
            None => (n.props.len(), n.additional),
        }
    }

    /// The schema of an array's elements.
    pub(crate) fn items(&self, node: NodeId) -> Option<NodeId> {
        self.nodes[node].items
    }
}

impl Node {
    fn prop(&self, key: &str) -> Option<&(Box<str>, usize, NodeId)> {
        let i = self.props.binary_search_by(|p| by_length(&p.0, key)).ok()?;
        self.props.get(i)
    }
}

/// Shorter names first, then by bytes.
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

struct Builder<'s> {
    root: &'s Value,
    nodes: Vec<Node>,
    /// Nodes already planned, by address (recursive schemas end here).
    ids: HashMap<*const Value, NodeId>,
}

impl<'s> Builder<'s> {
    fn node(&mut self, v: &'s Value) -> NodeId {
        if let Some(&id) = self.ids.get(&std::ptr::from_ref(v)) {
            return id;
        }
        let id = self.nodes.len();
        self.nodes.push(Node::default());
        self.ids.insert(std::ptr::from_ref(v), id);
        let alts = alternatives(self.root, v);
        let mut node = Node::default();
        let mut declared: Vec<(&'s String, &'s Value)> = Vec::new();
        for alt in &alts {
            if let Some(Value::Object(props)) = alt.get("properties") {
                for (k, s) in props {
                    if !declared.iter().any(|(d, _)| *d == k) {
                        declared.push((k, s));
                    }
                }
            }
        }
        let mut props: Vec<(Box<str>, usize, NodeId)> = Vec::with_capacity(declared.len());
        for (rank, (k, s)) in declared.into_iter().enumerate() {
            let target = self.node(resolved(self.root, s));
            props.push((k.as_str().into(), rank, target));
        }
        props.sort_unstable_by(|a, b| by_length(&a.0, &b.0));
        let mut by_rank = vec![0; props.len()];
        for (i, p) in props.iter().enumerate() {
            by_rank[p.1] = i;
        }
        node.props = props.into_boxed_slice();
        node.by_rank = by_rank.into_boxed_slice();
        let first_object = |key: &str| alts.iter().find_map(|a| a.get(key).filter(|v| v.is_object()));
        let (additional, items) = (first_object("additionalProperties"), first_object("items"));
        node.additional = additional.map(|s| self.node(resolved(self.root, s)));
        node.items = items.map(|s| self.node(resolved(self.root, s)));
        self.nodes[id] = node;
        id
    }
}

/// Follow `$ref`s (local ones, `#/$defs/…`), a bounded number of times.
fn resolved<'s>(root: &'s Value, mut node: &'s Value) -> &'s Value {
    for _ in 0..16 {
        let target = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|p| root.pointer(p));
        match target {
            Some(t) => node = t,
            None => break,
        }
    }
    node
}

/// This node and the branches of its `allOf` / `anyOf` / `oneOf`.
fn alternatives<'s>(root: &'s Value, node: &'s Value) -> Vec<&'s Value> {
    let mut all = vec![node];
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = node.get(key) {
            all.extend(branches.iter().map(|b| resolved(root, b)));
        }
    }
    all
}
