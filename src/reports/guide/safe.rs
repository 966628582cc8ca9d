//! What may reach a page unescaped, decided in one place: links only to
//! http(s) addresses, and JSON-LD with every character that could end its
//! `<script>` element escaped. Everything else goes through askama's
//! auto-escaping.

/// A catalog value that may be an address: linked only when it is an
/// http(s) URL without spaces, quotes, angle brackets, backslashes or
/// control and bidirectional-override characters. Otherwise it is shown as
/// text, with a note when it looks like an address of another kind
/// (`javascript:`, `ftp:`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub(crate) text: String,
    pub(crate) href: Option<String>,
    pub(crate) note: Option<&'static str>,
}

impl Link {
    pub(crate) fn new(value: &str) -> Link {
        let href = http_url(value).map(str::to_string);
        let note = (href.is_none() && has_scheme(value)).then_some("（不是 http(s) 网址，未设链接）");
        Link {
            text: value.to_string(),
            href,
            note,
        }
    }
}

/// `value` trimmed when it is an http(s) URL safe to put in `href`.
pub(crate) fn http_url(value: &str) -> Option<&str> {
    let v = value.trim();
    let lower = v.get(..8).unwrap_or(v).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &v[8..]
    } else if lower.starts_with("http://") {
        &v[7..]
    } else {
        return None;
    };
    let host_ok = rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '[');
    let clean = !v.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    });
    (host_ok && clean).then_some(v)
}

/// Whether `value` starts like `scheme:` (letters, digits, + - . before a
/// colon), the shape of an address that is not http(s).
fn has_scheme(value: &str) -> bool {
    let v = value.trim_start();
    match v.find(':') {
        Some(i) if i > 0 => {
            let scheme = &v[..i];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and
/// `&` (so no `</script>` or `<!--` can appear) and U+2028/U+2029 written
/// as `\uXXXX` escapes, which JSON parsers read back as the same string.
pub(crate) fn json_for_script<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    if !text.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_linked() {
        assert_eq!(
            http_url("https://www.qhzwfw.gov.cn/"),
            Some("https://www.qhzwfw.gov.cn/")
        );
        assert_eq!(http_url(" HTTP://example.org/a?b=1 "), Some("HTTP://example.org/a?b=1"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example/",
            "https://",
            "https:///path",
            "https://a.example/\"><img src=x onerror=alert(1)>",
            "https://a.example/ x",
            "https://a.example/\u{202E}fdp.exe",
            "https://a.example/\u{0}",
            "青海政务服务网（「青松办」App）",
            "",
        ] {
            assert_eq!(http_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn other_schemes_are_shown_as_text_with_a_note_plain_text_without() {
        let js = Link::new("javascript:alert(1)");
        assert_eq!(js.href, None);
        assert!(js.note.is_some());
        let name = Link::new("授权委托书（空白）.pdf");
        assert_eq!((name.href, name.note), (None, None));
        let web = Link::new("https://zwfw.qinghai.gov.cn/");
        assert_eq!(web.href.as_deref(), Some("https://zwfw.qinghai.gov.cn/"));
    }

    #[test]
    fn json_ld_cannot_close_its_script_element_and_reads_back_unchanged() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script>&<!--\u{2028}"});
        let text = json_for_script(&v);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        assert!(!text.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
