//! 设定依据: objects, or text with 《titles》, articles and quotations.

use serde_json::Value;

use super::list::split_list;
use super::{structured, text};
use crate::catalog::item::LegalBasis;

/// 设定依据: objects {document, article, text} or text such as
/// "《中华人民共和国食品安全法》第三十五条；《…》".
pub(crate) fn legal_basis(v: &Value) -> Vec<LegalBasis> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        other => vec![other],
    };
    let mut out = Vec::new();
    for e in entries {
        if let Value::Object(o) = &e {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).and_then(text);
            if let Some(document) = get(&["document", "文件名称", "依据名称", "名称"]) {
                out.push(LegalBasis {
                    document,
                    article: get(&["article", "条款", "条款号"]),
                    text: get(&["text", "条款内容", "原文"]),
                });
            }
            continue;
        }
        let Some(s) = text(&e) else { continue };
        for piece in split_list(&s, &[]) {
            for part in split_titles(&piece) {
                if let Some(b) = basis_entry(&part) {
                    out.push(b);
                }
            }
        }
    }
    out
}

/// "《甲》第一条《乙》" → ["《甲》第一条", "《乙》"].
fn split_titles(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c == '《' && cur.contains('《') {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

fn basis_entry(s: &str) -> Option<LegalBasis> {
    let s = s
        .trim()
        .trim_matches(|c: char| matches!(c, '、' | '，' | ',' | '；' | ';'));
    if s.is_empty() {
        return None;
    }
    let (Some(open), Some(close)) = (s.find('《'), s.find('》')) else {
        return Some(LegalBasis {
            document: s.trim_end_matches('。').to_string(),
            article: None,
            text: None,
        });
    };
    if close < open {
        return Some(LegalBasis {
            document: s.to_string(),
            article: None,
            text: None,
        });
    }
    let mut document = s[open..close + '》'.len_utf8()].to_string();
    let mut rest = s[close + '》'.len_utf8()..].trim_start();
    // A revision note in brackets belongs to the title.
    for (o, c) in [('（', '）'), ('(', ')')] {
        if rest.starts_with(o) {
            if let Some(end) = rest.find(c) {
                document.push_str(&rest[..end + c.len_utf8()]);
                rest = rest[end + c.len_utf8()..].trim_start();
            }
        }
    }
    static ARTICLE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = ARTICLE.get_or_init(|| {
        let one = "第[^条《》：:]{1,15}条(?:第[^款《》：:]{1,8}款)?(?:第[^项《》：:]{1,8}项)?";
        regex::Regex::new(&format!("^{one}(?:[、，,和及]\\s*{one})*")).expect("article pattern")
    });
    let article = re.find(rest).map(|m| m.as_str().to_string());
    if let Some(a) = &article {
        rest = &rest[a.len()..];
    }
    let quote = rest
        .trim()
        .trim_start_matches(['：', ':'])
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"' | '，' | ','));
    Some(LegalBasis {
        document,
        article,
        text: (!quote.is_empty() && quote != "。").then(|| quote.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn legal_basis_from_text() {
        let b = legal_basis(&json!(
            "《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。；《食品经营许可和备案管理办法》、《中华人民共和国行政许可法》第四十二条"
        ));
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].document, "《中华人民共和国食品安全法》");
        assert_eq!(b[0].article.as_deref(), Some("第三十五条"));
        assert_eq!(b[0].text.as_deref(), Some("国家对食品生产经营实行许可制度。"));
        assert_eq!(b[1].document, "《食品经营许可和备案管理办法》");
        assert_eq!(b[1].article, None);
        assert_eq!(b[2].article.as_deref(), Some("第四十二条"));
    }
}
