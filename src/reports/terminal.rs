//! Text bound for a terminal. Control characters (C0 but tab and newline,
//! DEL, C1) and the bidirectional controls are shown as Rust-style escapes
//! (`\u{1b}`), so no file name, key, value or message can move the cursor,
//! recolour, retitle or reorder the screen. Every terminal renderer (human,
//! concise, uniformity text, check-text, diff) passes what it shows through
//! here; JSON, SARIF and the other machine formats keep data exact (their
//! own escaping applies).

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as itself (newline and tab are
/// layout, not commands).
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The Unicode bidirectional formatting characters (embeddings, overrides,
/// isolates, marks): they reorder what is shown after them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character escaped; borrowed when there is none.
pub(crate) fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

/// `s` for one line of output: newlines escaped too.
pub(crate) fn safe_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' {
            out.push_str("\\n");
        } else {
            push(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Push `c`, escaped when unsafe.
pub(crate) fn push(out: &mut String, c: char) {
    if is_unsafe(c) {
        out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_c1_and_bidi_controls_are_shown_escaped() {
        assert_eq!(safe("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(safe("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(safe("x\u{202e}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(safe("\r\u{7f}\u{0}"), "\\u{d}\\u{7f}\\u{0}");
    }

    #[test]
    fn ordinary_text_newlines_and_tabs_pass_unchanged() {
        assert!(matches!(safe("材料\t清单\n第二行"), Cow::Borrowed(_)));
        assert_eq!(safe_line("a\nb"), "a\\nb");
        assert!(matches!(safe_line("其他材料"), Cow::Borrowed(_)));
    }
}
