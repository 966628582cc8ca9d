//! How elements and values of the standard are named and shown to a
//! reviewer: labels come from the schema titles (the one source of Chinese
//! field names), values compactly.

use crate::catalog::FileKind;

/// Chinese name of an element of the standard, by its pointer (the schema
/// title of its field); unknown pointers are shown as they are.
pub(crate) fn element_label(pointer: &str) -> String {
    let mut segs = crate::spans::segments(pointer);
    let first = segs.next().unwrap_or_default();
    let rest: Vec<String> = segs.collect();
    // Fields of the standard first, then the local ones (promised
    // deadline, visits…), each named by its schema title.
    let title = [FileKind::Item, FileKind::Local]
        .into_iter()
        .find_map(|k| crate::schema::catalog(k).title(&first));
    let Some(name) = title else {
        return pointer.to_string();
    };
    match rest.first() {
        None => name.to_string(),
        Some(i) if i.chars().all(|c| c.is_ascii_digit()) && rest.len() == 1 => {
            format!("{name}第 {} 项", i.parse::<usize>().map_or(0, |n| n + 1))
        }
        Some(_) => format!("{name}（{pointer}）"),
    }
}

/// A JSON value of the standard shown compactly: a deadline object as
/// "20 个工作日", a string as itself, anything else as compact JSON.
pub(crate) fn show_json(v: &serde_json::Value) -> String {
    use serde_json::Value as J;
    match v {
        J::String(s) => s.clone(),
        J::Object(o)
            if o.get("value").is_some_and(J::is_u64)
                && o.keys().all(|k| ["value", "unit", "note"].contains(&k.as_str())) =>
        {
            let n = o["value"].as_u64().unwrap_or(0);
            match o.get("unit").and_then(J::as_str) {
                Some(u) => format!("{n} 个{u}"),
                None => format!("{n}（未写单位）"),
            }
        }
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_labels() {
        assert_eq!(element_label("/statutory_deadline"), "法定办结时限");
        assert_eq!(element_label("/materials/2"), "申请材料第 3 项");
        assert_eq!(element_label("/materials/2/copies"), "申请材料（/materials/2/copies）");
        assert_eq!(element_label("/nope"), "/nope");
    }

    #[test]
    fn json_values_show_compactly() {
        let v: serde_json::Value = serde_json::json!({"value": 20, "unit": "工作日"});
        assert_eq!(show_json(&v), "20 个工作日");
        assert_eq!(show_json(&serde_json::json!("承诺件")), "承诺件");
        assert_eq!(show_json(&serde_json::json!([1, 2])), "[1,2]");
    }
}
