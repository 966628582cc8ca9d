//! Provenance: where a fact in a catalog file comes from, or that it is not
//! verified yet (待核实). Kept as one optional map per file, from the JSON
//! pointer of a fact to its provenance, so the facts themselves stay plain
//! values and files without provenance are unchanged.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::shared::Shared;
use super::shared_list::SharedList;

/// # 来源记录
///
/// 键为本文件（实施主体为该实施主体对象）中事实的 JSON 指针，如 /promised_deadline、/conditions/2；一条记录覆盖该指针及其下的全部值（"" 为整个文件或整个对象）。值为该事实的来源或“待核实”状态。
///
/// Read as a JSON object (the last of repeated keys kept, as a map keeps
/// it) and held as its entries sorted by key, sized exactly; keys and notes
/// are [`Shared`] and the whole map a [`SharedList`]: a national catalog
/// repeats the same few pointers and notes, often the same map, in every
/// file (issue 14).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProvenanceMap(SharedList<(Shared, Provenance)>);

impl ProvenanceMap {
    #[cfg(test)]
    pub(crate) fn new() -> ProvenanceMap {
        ProvenanceMap::default()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entry of exactly `pointer`.
    pub(crate) fn get(&self, pointer: &str) -> Option<&Provenance> {
        let i = self.0.binary_search_by(|(k, _)| k.as_str().cmp(pointer)).ok()?;
        Some(&self.0[i].1)
    }

    /// The entries in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Shared, &Provenance)> + Clone {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &Shared> {
        self.0.iter().map(|(k, _)| k)
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = &Provenance> {
        self.0.iter().map(|(_, v)| v)
    }

    /// Set the entry of `pointer` (tests; loading reads a map).
    #[cfg(test)]
    pub(crate) fn insert(&mut self, pointer: Shared, p: Provenance) {
        let mut map: BTreeMap<Shared, Provenance> = self.0.iter().cloned().collect();
        map.insert(pointer, p);
        *self = map.into_iter().collect();
    }
}

impl FromIterator<(Shared, Provenance)> for ProvenanceMap {
    /// Entries in key order, the last of repeated keys kept.
    fn from_iter<I: IntoIterator<Item = (Shared, Provenance)>>(entries: I) -> ProvenanceMap {
        let mut entries: Vec<(Shared, Provenance)> = entries.into_iter().collect();
        // Stable, so of equal keys the last read is the last here; a
        // sorted vector rather than a BTreeMap: no node per entry (issue
        // 14: the map was ~2% of lint at 100k).
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(Shared, Provenance)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        ProvenanceMap(kept.into())
    }
}

impl<'a> IntoIterator for &'a ProvenanceMap {
    type Item = (&'a Shared, &'a Provenance);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Shared, Provenance)>, fn(&'a (Shared, Provenance)) -> Self::Item>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for ProvenanceMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for ProvenanceMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ProvenanceMap, D::Error> {
        d.deserialize_map(Entries)
    }
}

/// Reads a JSON object's entries in order; [`ProvenanceMap::from_iter`]
/// sorts them.
struct Entries;

impl<'de> serde::de::Visitor<'de> for Entries {
    type Value = ProvenanceMap;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<ProvenanceMap, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(entry) = map.next_entry::<Shared, Provenance>()? {
            entries.push(entry);
        }
        Ok(entries.into_iter().collect())
    }
}

impl JsonSchema for ProvenanceMap {
    fn inline_schema() -> bool {
        BTreeMap::<Shared, Provenance>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        BTreeMap::<Shared, Provenance>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        BTreeMap::<Shared, Provenance>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        BTreeMap::<Shared, Provenance>::json_schema(generator)
    }
}

/// # 事实来源
///
/// 一项事实的核实状态及来源。已核实的须写明来源（文件或网址）；未取得公开来源的写“待核实”，办事指南据此标注，不得作为已核实的事实发布。
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Provenance {
    /// # 核实状态
    pub(crate) status: FactStatus,
    /// # 来源
    ///
    /// 已核实时必填：依据的文件（名称、文号、条款）或公开网页（网址、查阅日期）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source: Option<Box<Source>>,
    /// # 说明
    ///
    /// 可选；如待核实的原因、需向哪个机关核实。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<Shared>,
}

impl Provenance {
    /// Whether the fact still awaits verification.
    pub(crate) fn unverified(&self) -> bool {
        self.status == FactStatus::Unverified
    }
}

/// # 核实状态
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum FactStatus {
    /// 已对照来源核实。
    #[serde(rename = "已核实")]
    Verified,
    /// 尚未取得公开来源，待核实。
    #[serde(rename = "待核实")]
    Unverified,
}

impl FactStatus {
    pub(crate) fn label(self) -> &'static str {
        match self {
            FactStatus::Verified => "已核实",
            FactStatus::Unverified => "待核实",
        }
    }
}

/// # 来源
///
/// 至少写明文件名称或网址之一；不得编造文号、条款或网址。
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    /// # 文件名称
    ///
    /// 带书名号的全称，如“《食品经营许可和备案管理办法》”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) document: Option<String>,
    /// # 文号
    ///
    /// 如“国家市场监督管理总局令第78号”“发改价格〔2003〕2322号”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) number: Option<String>,
    /// # 条款
    ///
    /// 确知时填写，如“第二十一条”；不确知时不填。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) article: Option<String>,
    /// # 网址
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) url: Option<String>,
    /// # 查阅日期
    ///
    /// 查阅网页或文件的日期，格式 YYYY-MM-DD。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) retrieved: Option<String>,
}

impl Source {
    /// Whether the source names something a reader can look up.
    pub(crate) fn names_something(&self) -> bool {
        let some = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
        some(&self.document) || some(&self.url)
    }
}

/// The provenance that covers a pointer: the entry of the pointer itself or
/// of its nearest ancestor ("" covers everything). Guides ask this for each
/// fact they print.
pub(crate) fn covering<'a>(map: &'a ProvenanceMap, pointer: &str) -> Option<&'a Provenance> {
    let mut p = pointer;
    loop {
        if let Some(v) = map.get(p) {
            return Some(v);
        }
        if p.is_empty() {
            return None;
        }
        p = p.rfind('/').map_or("", |i| &p[..i]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(status: FactStatus) -> Provenance {
        Provenance {
            status,
            source: None,
            note: None,
        }
    }

    #[test]
    fn nearest_ancestor_covers_a_pointer() {
        let mut m = ProvenanceMap::new();
        m.insert("/online".into(), entry(FactStatus::Unverified));
        m.insert("/online/address".into(), entry(FactStatus::Verified));
        assert!(covering(&m, "/online/depth").unwrap().unverified());
        assert!(!covering(&m, "/online/address").unwrap().unverified());
        assert!(covering(&m, "/onlinex").is_none());
        assert!(covering(&m, "/visits").is_none());
        m.insert("".into(), entry(FactStatus::Unverified));
        assert!(covering(&m, "/visits").unwrap().unverified());
    }

    #[test]
    fn a_map_reads_and_writes_as_an_object_in_key_order_the_last_repeat_kept() {
        let text = r#"{"/visits": {"status": "待核实"}, "/a": {"status": "已核实"}, "/visits": {"status": "已核实", "note": "n"}}"#;
        let m: ProvenanceMap = serde_json::from_str(text).unwrap();
        assert_eq!(m.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["/a", "/visits"]);
        assert_eq!(m.get("/visits").and_then(|p| p.note.as_deref()), Some("n"));
        assert!(m.get("/b").is_none());
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"/a":{"status":"已核实"},"/visits":{"status":"已核实","note":"n"}}"#
        );
        let mut g = schemars::SchemaGenerator::default();
        assert_eq!(
            ProvenanceMap::json_schema(&mut g),
            BTreeMap::<String, Provenance>::json_schema(&mut g)
        );
    }

    #[test]
    fn a_source_must_name_a_document_or_url() {
        let mut s = Source {
            document: None,
            number: None,
            article: Some("第十条".into()),
            url: None,
            retrieved: None,
        };
        assert!(!s.names_something());
        s.url = Some("  ".into());
        assert!(!s.names_something());
        s.document = Some("《社会救助暂行办法》".into());
        assert!(s.names_something());
    }
}
