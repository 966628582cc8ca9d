//! Input limits (rules.json `limits`): one pass over a file's JSON text
//! finds every string longer than the limit, every object with more
//! members than the limit (at its first member over it) and the first
//! place nested deeper than the limit. Linear in the text; never panics on
//! text that is not JSON (it stops where the text stops making sense).

use crate::config::raw::Limits;

/// What a breach is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A string (value or key) of `count` characters.
    String,
    /// An object with a member past the limit (`count`: the limit).
    Keys,
    /// Nesting deeper than the limit (`count`: the limit).
    Depth,
}

/// One breach: its kind, the byte range it is reported on and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Breach {
    pub(crate) kind: Kind,
    pub(crate) span: (usize, usize),
    pub(crate) count: u64,
}

/// An open object or array within the depth limit.
struct Frame {
    object: bool,
    keys: u64,
}

/// Every breach of `limits` in `text`, in document order.
pub(crate) fn scan(text: &str, limits: &Limits) -> Vec<Breach> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Only frames within the depth limit are kept (a hostile file may nest
    // a million levels); deeper levels are counted.
    let mut stack: Vec<Frame> = Vec::new();
    let mut depth: u64 = 0;
    let mut deep_reported = false;
    // A string in an object right after `{` or `,` is a key.
    let mut after_open_or_comma = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c @ (b'{' | b'[') => {
                depth += 1;
                if depth <= limits.depth {
                    stack.push(Frame {
                        object: c == b'{',
                        keys: 0,
                    });
                } else if !deep_reported {
                    deep_reported = true;
                    out.push(Breach {
                        kind: Kind::Depth,
                        span: (i, i + 1),
                        count: limits.depth,
                    });
                }
                after_open_or_comma = true;
            }
            b'}' | b']' => {
                if depth <= limits.depth {
                    stack.pop();
                }
                depth = depth.saturating_sub(1);
                after_open_or_comma = false;
            }
            b',' => after_open_or_comma = true,
            b'"' => {
                let Some(end) = string_end(b, i) else {
                    break;
                };
                let is_key = after_open_or_comma && depth <= limits.depth && stack.last().is_some_and(|f| f.object);
                if is_key {
                    if let Some(f) = stack.last_mut() {
                        f.keys += 1;
                        if f.keys == limits.object_keys + 1 {
                            out.push(Breach {
                                kind: Kind::Keys,
                                span: (i, end),
                                count: limits.object_keys,
                            });
                        }
                    }
                }
                // A string of no more bytes than the limit has no more
                // characters either: only longer ones are counted.
                if (end - i - 2) as u64 > limits.string_chars {
                    let chars = string_chars(&b[i + 1..end - 1]);
                    if chars > limits.string_chars {
                        out.push(Breach {
                            kind: Kind::String,
                            span: (i, end),
                            count: chars,
                        });
                    }
                }
                after_open_or_comma = false;
                i = end;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => after_open_or_comma = false,
        }
        i += 1;
    }
    out
}

/// The end (one past the closing quote) of the string literal opening at
/// `start`; `None` when it never closes.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += b.get(i..)?.iter().position(|&c| c == b'"' || c == b'\\')?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// Characters a string literal's body decodes to: an escape is one
/// character (`\uXXXX` too), otherwise every byte that starts a UTF-8
/// character.
fn string_chars(body: &[u8]) -> u64 {
    let mut n: u64 = 0;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\\' => {
                i += if body.get(i + 1) == Some(&b'u') { 6 } else { 2 };
                n += 1;
            }
            c => {
                n += u64::from((c as i8) >= -0x40);
                i += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(string_chars: u64, depth: u64, object_keys: u64) -> Limits {
        Limits {
            string_chars,
            depth,
            object_keys,
        }
    }

    fn kinds(text: &str, l: &Limits) -> Vec<(Kind, String, u64)> {
        scan(text, l)
            .into_iter()
            .map(|b| (b.kind, text[b.span.0..b.span.1].to_string(), b.count))
            .collect()
    }

    #[test]
    fn a_string_over_the_limit_is_reported_with_its_character_count() {
        let l = limits(3, 10, 10);
        // 名称 is 2 characters (6 bytes); "\u4e2d\"ab" is 4 characters.
        let text = r#"{"名称": "abc", "x": ["\u4e2d\"ab"], "名称名称": 1}"#;
        assert_eq!(
            kinds(text, &l),
            [
                (Kind::String, r#""\u4e2d\"ab""#.to_string(), 4),
                (Kind::String, "\"名称名称\"".to_string(), 4)
            ]
        );
    }

    #[test]
    fn an_object_is_reported_at_its_first_member_over_the_limit() {
        let l = limits(100, 10, 2);
        let text = r#"{"a": {"x": "y", "z": ["q", "r", "s"]}, "b": 2, "c": 3, "d": 4}"#;
        assert_eq!(kinds(text, &l), [(Kind::Keys, "\"c\"".to_string(), 2)]);
    }

    #[test]
    fn nesting_is_reported_once_where_it_goes_past_the_limit() {
        let l = limits(100, 2, 10);
        assert_eq!(
            kinds(r#"{"a": [{"b": [1]}], "c": [[[]]]}"#, &l),
            [(Kind::Depth, "{".to_string(), 2)]
        );
        assert!(kinds(r#"{"a": [1, 2], "b": {"c": 1}}"#, &l).is_empty());
    }

    #[test]
    fn text_that_is_not_json_never_panics() {
        let l = limits(1, 1, 1);
        for text in ["\"abc", "\"a\\", "]]]}}}", "{{{{", "{\"a\":\"b\\u12\"", ""] {
            let _ = scan(text, &l);
        }
        // A million levels keep one frame per level within the limit.
        assert_eq!(scan(&"[".repeat(1_000_000), &l).len(), 1);
    }
}
