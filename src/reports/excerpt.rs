//! The part of a file a code frame shows: the finding's line and one line
//! either side. A long line (a one-line value of megabytes) is clipped to a
//! window around the span, so the frame stays readable, costs the window
//! rather than the line, and the renderer never meets a column it cannot
//! draw (miette panics past column 65,535); control characters are escaped
//! for the terminal. The span is moved to match.

use super::terminal;
use crate::source::SourceFile;

/// Lines up to this many bytes are shown whole.
const LONG: usize = 600;
/// Characters kept of a clipped line, and how many of them before the span.
const WINDOW: usize = 160;
const BEFORE: usize = 40;
/// Shown where a line was clipped.
const CUT: &str = "…";

/// The text to show, the 0-based line of its first line in the file, and
/// the label's byte range in it (on one line).
pub(crate) struct Excerpt {
    pub(crate) text: String,
    pub(crate) first_line: usize,
    pub(crate) label: (usize, usize),
}

/// The excerpt of `file` around the byte range `start..end` (clamped to
/// the text and to character boundaries; never panics).
pub(crate) fn excerpt(file: &SourceFile, start: usize, end: usize) -> Excerpt {
    let text = &*file.text;
    let s = floor(text, start.min(text.len()));
    let e = ceil(text, end.clamp(s, text.len()));
    let line = file.line_index(s);
    let (line_start, line_end) = file.line_range(line).unwrap_or((0, text.len()));
    // Where long lines' windows open: a little before the span, at the same
    // byte column on every line shown (aligned for ASCII).
    let mut from = s - line_start;
    for (n, (i, _)) in text[line_start..s].char_indices().rev().enumerate() {
        from = i;
        if n + 1 == BEFORE {
            break;
        }
    }
    let mut out = String::new();
    let mut first_line = line;
    if let Some((a, b)) = line.checked_sub(1).and_then(|l| file.line_range(l)) {
        push_line(&mut out, &text[a..b], from, None);
        out.push('\n');
        first_line -= 1;
    }
    let span = Some((s - line_start, e.min(line_end) - line_start));
    let label = push_line(&mut out, &text[line_start..line_end], from, span).unwrap_or_default();
    if let Some((a, b)) = file.line_range(line + 1) {
        out.push('\n');
        push_line(&mut out, &text[a..b], from, None);
    }
    Excerpt {
        text: out,
        first_line,
        label,
    }
}

/// Push one line (the `\r` of a CRLF ending dropped), clipped to a window
/// opening at byte `from` when it is long, escaped; returns where the byte
/// range `span` of the line landed in `out`.
fn push_line(out: &mut String, line: &str, from: usize, span: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let (from, limit) = if line.len() > LONG {
        (floor(line, from.min(line.len())), WINDOW)
    } else {
        (0, usize::MAX)
    };
    if from > 0 {
        out.push_str(CUT);
    }
    let (mut a, mut b) = (None, None);
    let mut clipped = false;
    for (n, (i, c)) in line[from..].char_indices().enumerate() {
        if n == limit {
            clipped = true;
            break;
        }
        if let Some((s, e)) = span {
            if a.is_none() && from + i >= s {
                a = Some(out.len());
            }
            if b.is_none() && from + i >= e {
                b = Some(out.len());
            }
        }
        terminal::push(out, c);
    }
    let end = out.len();
    if clipped {
        out.push_str(CUT);
    }
    span.map(|_| {
        let a = a.unwrap_or(end);
        (a, b.unwrap_or(end).max(a))
    })
}

/// The smallest character boundary at or after `i` (at most the length).
fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest character boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.json".into(), Arc::from(text))
    }

    #[test]
    fn short_lines_are_shown_whole_with_their_neighbours() {
        let f = file("{\n  \"a\": 1,\n  \"b\": 2\n}\n");
        let x = excerpt(&f, 14, 17);
        assert_eq!(x.text, "  \"a\": 1,\n  \"b\": 2\n}");
        assert_eq!(x.first_line, 1);
        assert_eq!(&x.text[x.label.0..x.label.1], "\"b\"");
    }

    #[test]
    fn a_long_line_is_clipped_around_the_span() {
        let text = format!("{{\"a\": \"{}\", }}", "x".repeat(65_528));
        let f = file(&text);
        let at = text.find("\", }").unwrap() + 1;
        let x = excerpt(&f, at, at + 1);
        assert!(x.text.chars().count() < WINDOW + 4, "{}", x.text.len());
        assert!(x.text.starts_with(CUT) && x.text.ends_with(", }"), "{}", x.text);
        assert_eq!(&x.text[x.label.0..x.label.1], ",");
    }

    #[test]
    fn control_characters_are_escaped_and_the_span_follows() {
        let f = file("\"\u{1b}[2J\": 1\r\n\"b\": 2\r\n");
        let x = excerpt(&f, 8, 9);
        assert_eq!(x.text, "\"\\u{1b}[2J\": 1\n\"b\": 2");
        assert_eq!(x.first_line, 0);
        assert_eq!(&x.text[x.label.0..x.label.1], "1");
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_do_not_panic() {
        let f = file("材料");
        let x = excerpt(&f, 1, 999);
        assert_eq!(x.text, "材料");
        assert_eq!(x.label, (0, 6));
    }
}
