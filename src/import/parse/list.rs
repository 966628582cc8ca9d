//! Lists written as text: lines, numbered entries ("1." "（2）" "三、"),
//! ；-separated entries, and small Chinese numerals.

use serde_json::Value;

use super::{structured, text};

/// A list: a JSON array, or text split into entries (lines, numbered
/// entries "1." "（2）" "三、", otherwise ；), each also split at `extra`.
pub(crate) fn list(v: &Value, extra: &[char]) -> Vec<String> {
    match structured(v) {
        Value::Array(a) => a.iter().filter_map(text).collect(),
        other => text(&other).map(|s| split_list(&s, extra)).unwrap_or_default(),
    }
}

/// Split text into list entries; see [`list`].
pub(crate) fn split_list(s: &str, extra: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    for line in s.split(['\n', '\r']) {
        let (pieces, numbered) = split_numbered(line);
        let pieces: Vec<String> = if numbered {
            pieces
        } else {
            line.split(['；', ';']).map(str::to_string).collect()
        };
        for p in pieces {
            for q in p.split(|c| extra.contains(&c)) {
                let q = q
                    .trim()
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, '；' | ';' | '，' | ',' | '、'));
                if !q.is_empty() {
                    out.push(q.to_string());
                }
            }
        }
    }
    out
}

/// Split a line at numbering markers ("1." "2、" "3）" "（4）" "五、") that
/// start the line or follow a separator; `false` if there are none.
fn split_numbered(line: &str) -> (Vec<String>, bool) {
    let chars: Vec<char> = line.chars().collect();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0
            || matches!(
                chars[i - 1],
                '；' | ';' | '。' | '，' | ',' | ' ' | '\t' | '　' | '：' | ':'
            );
        if at_start {
            if let Some(end) = marker_at(&chars, i) {
                marks.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if marks.is_empty() {
        return (vec![line.to_string()], false);
    }
    let mut pieces = Vec::new();
    let head: String = chars[..marks[0].0].iter().collect();
    if !head.trim().is_empty() {
        pieces.push(head);
    }
    for (k, &(_, end)) in marks.iter().enumerate() {
        let stop = marks.get(k + 1).map_or(chars.len(), |m| m.0);
        pieces.push(chars[end..stop].iter().collect());
    }
    (pieces, true)
}

fn marker_at(c: &[char], i: usize) -> Option<usize> {
    let digit = |k: usize| c.get(k).is_some_and(|x| x.is_ascii_digit());
    // 1. 2、 3） 10.
    if digit(i) {
        let mut j = i + 1;
        if digit(j) {
            j += 1;
        }
        if matches!(c.get(j), Some('.' | '．' | '、' | ')' | '）')) && !digit(j + 1) {
            return Some(j + 1);
        }
        return None;
    }
    // （1） (2)
    if matches!(c[i], '(' | '（') && digit(i + 1) {
        let mut j = i + 2;
        if digit(j) {
            j += 1;
        }
        if matches!(c.get(j), Some(')' | '）')) {
            return Some(j + 1);
        }
        return None;
    }
    // 一、 十二、
    const CN: &str = "一二三四五六七八九十";
    let mut j = i;
    while j < c.len() && j - i < 3 && CN.contains(c[j]) {
        j += 1;
    }
    (j > i && c.get(j) == Some(&'、')).then_some(j + 1)
}

/// A small Chinese numeral (一 … 九十九, 两) or ASCII digits.
pub(super) fn number(s: &str) -> Option<(u32, usize)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, digits.len()));
    }
    let val = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|b| (b / 3) as u32)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = s.chars().take_while(|c| val(*c).is_some() || *c == '十').collect();
    if chars.is_empty() {
        return None;
    }
    let used: usize = chars.iter().map(|c| c.len_utf8()).sum();
    let n = match chars.iter().position(|c| *c == '十') {
        None if chars.len() == 1 => val(chars[0])?,
        None => return None,
        Some(p) => {
            let tens = if p == 0 { 1 } else { val(chars[p - 1])? };
            let ones = match chars.get(p + 1) {
                Some(c) => val(*c)?,
                None => 0,
            };
            if p > 1 || chars.len() > p + 2 {
                return None;
            }
            tens * 10 + ones
        }
    };
    Some((n, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_numbering_lines_and_semicolons() {
        assert_eq!(
            split_list("1.申请人已取得营业执照；2.场所面积不小于1.5平方米。", &[]),
            ["申请人已取得营业执照", "场所面积不小于1.5平方米。"]
        );
        assert_eq!(split_list("（1）甲\n（2）乙、丙", &[]), ["甲", "乙、丙"]);
        assert_eq!(split_list("一、甲；二、乙", &[]), ["甲", "乙"]);
        assert_eq!(split_list("甲；乙", &[]), ["甲", "乙"]);
        assert_eq!(split_list("居民身份证、营业执照", &['、']), ["居民身份证", "营业执照"]);
        assert_eq!(split_list("设有消毒、更衣设施", &[]), ["设有消毒、更衣设施"]);
    }
}
