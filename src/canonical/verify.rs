//! Whether a text already is in canonical form, decided in one scan of
//! the text against the layout [`super::write`] would give it, with no
//! tree and no second text (issue 14: building the canonical text of
//! every file to compare it was a fifth of `lint`). Nearly every catalog
//! file is canonical; for the few that are not, the caller builds the
//! canonical text to say where they differ.
//!
//! The text must be JSON serde_json accepted (no BOM). The scan says
//! `true` only for a text equal to its canonical form; the property test
//! in `super::tests` holds it to [`super::canonical`] on noisy and
//! near-canonical texts.

use std::borrow::Cow;

use super::plan::NodeId;
use super::{escaped, Plan};

/// Deeper than serde_json's recursion limit (128): not expected in a
/// text it accepted; such a text is left to the slow path.
const MAX_DEPTH: usize = 256;

/// Whether `body` equals its canonical form under `plan`.
#[cfg(test)]
pub(crate) fn is_canonical(body: &str, plan: Option<&Plan>) -> bool {
    nesting_if_canonical(body, plan).is_some()
}

/// When `body` equals its canonical form under `plan`, how deep it nests
/// (the outermost object or array is level 1; a scalar document is 0):
/// the scan already walks every level, and the input-limit check needs
/// no scan of its own for a canonical file within the limits.
pub(crate) fn nesting_if_canonical(body: &str, plan: Option<&Plan>) -> Option<usize> {
    let mut c = Cursor {
        s: body,
        i: 0,
        deepest: 0,
    };
    c.value(plan.map(|p| (p, Plan::ROOT)), 0)?;
    (&body[c.i..] == "\n").then_some(c.deepest)
}

/// A compiled schema and the node a value follows.
type At<'p> = Option<(&'p Plan, NodeId)>;

struct Cursor<'a> {
    s: &'a str,
    i: usize,
    /// The deepest level of object or array seen.
    deepest: usize,
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        &self.s.as_bytes()[self.i..]
    }

    fn eat(&mut self, lit: &str) -> Option<()> {
        self.bytes().starts_with(lit.as_bytes()).then(|| self.i += lit.len())
    }

    /// A line break and `depth` levels of two-space indent.
    fn line(&mut self, depth: usize) -> Option<()> {
        self.eat("\n")?;
        let want = 2 * depth;
        let spaces = self.bytes().iter().take(want).take_while(|&&b| b == b' ').count();
        (spaces == want).then(|| self.i += want)
    }

    fn value(&mut self, at: At, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.bytes().first()? {
            b'n' => self.eat("null"),
            b't' => self.eat("true"),
            b'f' => self.eat("false"),
            b'"' => self.string().map(drop),
            b'[' => self.array(at, depth),
            b'{' => self.object(at, depth),
            // Numbers are written as they are.
            b'-' | b'0'..=b'9' => {
                let len = self
                    .bytes()
                    .iter()
                    .take_while(|b| b"0123456789+-.eE".contains(b))
                    .count();
                self.i += len;
                Some(())
            }
            _ => None,
        }
    }

    fn array(&mut self, at: At, depth: usize) -> Option<()> {
        self.eat("[")?;
        self.deepest = self.deepest.max(depth + 1);
        if self.eat("]").is_some() {
            return Some(());
        }
        let items = at.and_then(|(p, n)| p.items(n).map(|i| (p, i)));
        loop {
            self.line(depth + 1)?;
            self.value(items, depth + 1)?;
            if self.eat(",").is_none() {
                break;
            }
        }
        self.line(depth)?;
        self.eat("]")
    }

    fn object(&mut self, at: At, depth: usize) -> Option<()> {
        self.eat("{")?;
        self.deepest = self.deepest.max(depth + 1);
        if self.eat("}").is_some() {
            return Some(());
        }
        // The writer sorts members by rank, stably: the text is in order
        // when the ranks never go down.
        let mut last_rank = 0;
        loop {
            self.line(depth + 1)?;
            let key = self.string()?;
            let mut member = None;
            if let Some((plan, node)) = at {
                let (rank, schema) = plan.lookup(node, &key, last_rank);
                if rank < last_rank {
                    return None;
                }
                last_rank = rank;
                member = schema.map(|m| (plan, m));
            }
            self.eat(": ")?;
            self.value(member, depth + 1)?;
            if self.eat(",").is_none() {
                break;
            }
        }
        self.line(depth)?;
        self.eat("}")
    }

    /// A string literal written as `super::string` writes its value; the
    /// value (borrowed when the literal has no escape).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat("\"")?;
        let start = self.i;
        let mut owned: Option<String> = None;
        loop {
            let run = self.plain_run()?;
            if let Some(o) = &mut owned {
                o.push_str(&self.s[self.i..self.i + run]);
            }
            self.i += run;
            match self.bytes().first()? {
                b'"' => {
                    let value = owned.map_or_else(|| Cow::Borrowed(&self.s[start..self.i]), Cow::Owned);
                    self.i += 1;
                    return Some(value);
                }
                _ => {
                    let (c, len) = canonical_escape(self.bytes())?;
                    owned.get_or_insert_with(|| self.s[start..self.i].to_string()).push(c);
                    self.i += len;
                }
            }
        }
    }

    /// The length of the run of characters written as they are, up to the
    /// next `"` or `\`; `None` when a character in it would be escaped.
    fn plain_run(&self) -> Option<usize> {
        let rest = self.bytes();
        let mut at = 0;
        while let Some(&b) = rest.get(at) {
            match b {
                b'"' | b'\\' => return Some(at),
                0..=0x1f | 0x7f => return None,
                // The lead bytes of every character beyond ASCII that
                // `escaped` holds: U+0080–U+00BF (C1 controls, soft hyphen),
                // U+061C, U+180E, U+2000–U+2FFF, U+FE00–U+FFFF. Only those
                // are decoded; CJK text is skipped byte by byte.
                0xc2 | 0xd8 | 0xe1 | 0xe2 | 0xef => {
                    let c = self.s[self.i + at..].chars().next()?;
                    if escaped(c) {
                        return None;
                    }
                    at += c.len_utf8();
                }
                _ => at += 1,
            }
        }
        None
    }
}

/// The character an escape at the start of `b` stands for and the
/// escape's length, when the writer writes that character that way.
fn canonical_escape(b: &[u8]) -> Option<(char, usize)> {
    let c = match b.get(..2)? {
        br#"\""# => '"',
        br"\\" => '\\',
        br"\n" => '\n',
        br"\r" => '\r',
        br"\t" => '\t',
        br"\b" => '\u{8}',
        br"\f" => '\u{c}',
        br"\u" => {
            let hex = b.get(2..6)?;
            if !hex.iter().all(|h| h.is_ascii_digit() || (b'a'..=b'f').contains(h)) {
                return None;
            }
            let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            let c = char::from_u32(code)?;
            let short = matches!(c, '\n' | '\r' | '\t' | '\u{8}' | '\u{c}');
            return (escaped(c) && !short).then_some((c, 6));
        }
        _ => return None,
    };
    Some((c, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_keys_and_escapes_decide() {
        let plan = Plan::new(crate::schema::catalog(crate::catalog::FileKind::Item).value());
        let ok =
            "{\n  \"code\": \"1\",\n  \"name\": \"青海\\n\\u0001\\u200b\",\n  \"x\": [\n    1.0,\n    {}\n  ]\n}\n";
        assert!(is_canonical(ok, Some(&plan)));
        for bad in [
            "{\n  \"name\": \"1\",\n  \"code\": \"1\"\n}\n",
            "{\n  \"code\": \"\\/\"\n}\n",
            "{\n  \"code\": \"\\u000a\"\n}\n",
            "{\n  \"code\": \"\\u200B\"\n}\n",
            "{\n  \"code\": \"\u{200b}\"\n}\n",
            "{\n  \"code\": [ ]\n}\n",
            "{\n  \"code\":\"1\"\n}\n",
            "{\n   \"code\": 1\n}\n",
            "{\n  \"code\": 1\n}",
            "{\n  \"code\": 1\n}\n\n",
        ] {
            assert!(!is_canonical(bad, Some(&plan)), "{bad:?}");
        }
        // Without a schema the keys keep their order.
        assert!(is_canonical("{\n  \"name\": 1,\n  \"code\": 2\n}\n", None));
    }

    #[test]
    fn every_character_is_plain_exactly_when_the_writer_writes_it_raw() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| !matches!(c, '"' | '\\'))
        {
            let text = format!("{c}\"");
            let cursor = Cursor {
                s: &text,
                i: 0,
                deepest: 0,
            };
            assert_eq!(cursor.plain_run().is_some(), !escaped(c), "{:?}", c);
        }
    }

    #[test]
    fn the_nesting_of_a_canonical_text_is_counted_from_1() {
        assert_eq!(nesting_if_canonical("1\n", None), Some(0));
        assert_eq!(nesting_if_canonical("[]\n", None), Some(1));
        assert_eq!(
            nesting_if_canonical("{\n  \"a\": [\n    {},\n    [\n      []\n    ]\n  ]\n}\n", None),
            Some(4)
        );
        assert_eq!(nesting_if_canonical("[ ]\n", None), None);
    }
}
