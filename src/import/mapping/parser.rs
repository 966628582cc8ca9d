//! Parsers named in a mapping file, turning a field's raw value into what
//! its target reads: JSON, split lists, templates, regular expressions and
//! lookup tables.

use serde_json::{Map, Value};

use super::{fold_width, Parser};

/// "{value}({unit})" → ^(?P<value>.*?)\((?P<unit>.*?)\)$, with full-width
/// punctuation in the template and the text treated alike.
pub(super) fn pattern_regex(template: &str) -> Result<regex::Regex, String> {
    let t = fold_width(template);
    let mut re = String::from("^\\s*");
    let mut rest = t.as_str();
    let mut names = 0;
    while let Some(open) = rest.find('{') {
        re.push_str(&regex::escape(&rest[..open]));
        let close = rest[open..].find('}').ok_or_else(|| "“{”没有对应的“}”".to_string())? + open;
        let name = &rest[open + 1..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "占位符“{{{name}}}”应为英文名称，如 {{value}}、{{unit}}、{{note}}"
            ));
        }
        re.push_str(&format!("\\s*(?P<{name}>.*?)\\s*"));
        names += 1;
        rest = &rest[close + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push_str("\\s*$");
    if names == 0 {
        return Err("没有占位符；用 {value}、{unit} 等标出要取出的部分".into());
    }
    regex::Regex::new(&re).map_err(|e| e.to_string())
}

/// Apply a field's parser to its raw value.
pub(crate) fn apply(parser: &Parser, v: Value) -> Result<Value, String> {
    let text = match &v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return Ok(v),
    };
    match parser {
        Parser::Json => serde_json::from_str(&text).map_err(|e| format!("不是有效的 JSON（{e}）")),
        Parser::Split(seps) => {
            let mut parts = vec![text];
            for sep in seps {
                parts = parts
                    .iter()
                    .flat_map(|p| p.split(sep.as_str()).map(str::to_string).collect::<Vec<_>>())
                    .collect();
            }
            Ok(Value::Array(
                parts
                    .into_iter()
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .map(Value::String)
                    .collect(),
            ))
        }
        Parser::Pattern(re) | Parser::Regex(re) => {
            let folded;
            let subject = if matches!(parser, Parser::Pattern(_)) {
                folded = fold_width(&text);
                folded.as_str()
            } else {
                text.as_str()
            };
            let caps = re
                .captures(subject)
                .ok_or_else(|| format!("“{text}”与映射文件中的格式不符"))?;
            let mut obj = Map::new();
            for name in re.capture_names().flatten() {
                if let Some(m) = caps.name(name) {
                    let s = m.as_str().trim();
                    if !s.is_empty() {
                        obj.insert(name.to_string(), Value::String(s.to_string()));
                    }
                }
            }
            Ok(Value::Object(obj))
        }
        Parser::Map(table) => Ok(table.get(text.trim()).cloned().unwrap_or(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_map_parsers() {
        let split = Parser::Split(vec!["|".into()]);
        assert_eq!(
            apply(&split, Value::String("甲| 乙 ||丙".into())).unwrap(),
            serde_json::json!(["甲", "乙", "丙"])
        );
        let map = Parser::Map(serde_json::from_str(r#"{"1": "行政许可"}"#).unwrap());
        assert_eq!(
            apply(&map, Value::String("1".into())).unwrap(),
            Value::String("行政许可".into())
        );
        assert_eq!(
            apply(&map, Value::String("9".into())).unwrap(),
            Value::String("9".into())
        );
    }

    #[test]
    fn patterns_fold_full_width_punctuation() {
        let p = Parser::Pattern(pattern_regex("{value}({unit})").unwrap());
        assert_eq!(
            apply(&p, Value::String("20（工作日）".into())).unwrap(),
            serde_json::json!({"value": "20", "unit": "工作日"})
        );
        assert!(pattern_regex("abc").unwrap_err().contains("占位符"));
    }
}
