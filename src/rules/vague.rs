//! The shared scan behind the vague-language rules: every free-text field
//! of items, local files and bundles is matched once against the lexicon
//! of `rules/`; each per-class rule then reports its own class. Not a rule
//! itself (the registry test skips this file).

use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Context, Rule};
use crate::config::raw::VagueClass;
use crate::diag::Sink;
use crate::source::FileId;
use crate::text::fields;
use crate::text::matcher::{Hit, Usage};

/// One vague phrase in one field.
#[derive(Debug, Clone)]
pub(crate) struct TextHit {
    pub(crate) file: FileId,
    pub(crate) pointer: String,
    pub(crate) entry: usize,
    /// Byte range inside the field's (decoded) text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// All hits, computed on first use and shared between the class rules.
pub(crate) fn hits<'a>(ctx: &'a Context) -> &'a (Vec<TextHit>, Usage) {
    ctx.text_hits.get_or_init(|| scan(ctx))
}

/// One document whose free text is scanned: its fields are listed when
/// its turn comes, not for the whole catalog at once (a national
/// catalog's field pointers would be held together, issue 14).
enum Doc<'a> {
    Item(&'a crate::catalog::Item),
    Local(&'a crate::catalog::Local),
    Bundle(&'a crate::catalog::Bundle),
    Material(&'a str, &'a crate::catalog::Material),
}

impl Doc<'_> {
    fn texts(&self) -> fields::Texts<'_> {
        match self {
            Doc::Item(v) => fields::item(v),
            Doc::Local(v) => fields::local(v),
            Doc::Bundle(v) => fields::bundle(v),
            Doc::Material(pointer, v) => {
                let mut texts = fields::Texts::new();
                fields::material(&mut texts, pointer, v);
                texts
            }
        }
    }
}

fn scan(ctx: &Context) -> (Vec<TextHit>, Usage) {
    let c = ctx.catalog;
    let m = &ctx.config.matcher;
    let mut docs: Vec<(FileId, Doc)> = Vec::new();
    docs.extend(c.items.iter().map(|i| (i.file, Doc::Item(&i.value))));
    docs.extend(c.locals.iter().map(|l| (l.file, Doc::Local(&l.value))));
    docs.extend(c.bundles.iter().map(|b| (b.file, Doc::Bundle(&b.value))));
    docs.extend(
        c.materials
            .iter()
            .map(|v| (v.file, Doc::Material(&v.pointer, &v.value))),
    );
    let memo = Memo::default();
    docs.par_iter()
        .map(|(file, doc)| {
            let mut usage = Usage::new(m, ctx.config.allow_count);
            let mut out = Vec::new();
            for (pointer, text) in doc.texts() {
                if !ctx.config.in_scope("", &pointer) {
                    continue;
                }
                for &(entry, start, end) in memo.hits(text, |t| m.find(t, &mut usage)).iter() {
                    out.push(TextHit {
                        file: *file,
                        pointer: pointer.clone(),
                        entry,
                        start,
                        end,
                    });
                }
            }
            (out, usage)
        })
        .reduce(
            || (Vec::new(), Usage::new(m, ctx.config.allow_count)),
            |(mut a, mut ua), (b, ub)| {
                a.extend(b);
                ua.merge(&ub);
                (a, ua)
            },
        )
}

/// The texts matched so far in this scan, with their hits (entry, byte
/// range). A catalog repeats the same clause in every region's file of an
/// item — the point of "same item, same standard" — so each distinct text
/// is matched once (issue 14: matching was an eighth of `lint`). What a
/// text marks used in the lexicon was marked when it was first matched;
/// the usage of a run is the union over its texts, so it is the same.
/// Bounded: past [`MEMO_TEXTS`] distinct texts new ones are matched and
/// not kept, so memory does not grow with the catalog.
#[derive(Default)]
struct Memo<'a> {
    seen: Mutex<FxHashMap<&'a str, Hits>>,
}

/// A text's hits: lexicon entry and byte range.
type Hits = Arc<[(usize, usize, usize)]>;

const MEMO_TEXTS: usize = 1 << 16;

impl<'a> Memo<'a> {
    fn hits(&self, text: &'a str, find: impl FnOnce(&str) -> Vec<Hit>) -> Hits {
        let lock = || self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(hits) = lock().get(text) {
            return Arc::clone(hits);
        }
        let hits: Hits = find(text).iter().map(|h| (h.entry, h.start, h.end)).collect();
        let mut seen = lock();
        if seen.len() < MEMO_TEXTS {
            seen.insert(text, Arc::clone(&hits));
        }
        hits
    }
}

/// Report the hits of one class as findings of `rule`.
pub(crate) fn report(ctx: &Context, sink: &mut Sink, class: VagueClass, rule: &Rule) {
    for h in &hits(ctx).0 {
        let e = ctx.config.matcher.entry(h.entry);
        if e.class != class || !ctx.config.in_scope(rule.id, &h.pointer) {
            continue;
        }
        let mut d = rule
            .at(h.file, &h.pointer)
            .message(format!("{}：{}", class.label(), e.message))
            .help(format!("{}（依据：{}）", e.rewrite, e.policy));
        d.set_sub((h.start, h.end));
        sink.push(d);
    }
}

/// Shared test helper: lint the base catalog with one condition replaced.
#[cfg(test)]
pub(crate) fn lint_condition(text: &str) -> crate::lint::Outcome {
    let item = crate::testing::edit(
        crate::testing::ITEM,
        "\"conditions\": [\"申请人已依法登记\"]",
        &format!("\"conditions\": [{}]", serde_json::to_string(text).unwrap()),
    );
    crate::testing::lint_with(&[("items/630101001000.json", Some(&item))])
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn a_repeated_text_is_matched_once_and_reported_at_each_place() {
        let memo = Memo::default();
        let calls = Cell::new(0);
        let find = |_: &str| {
            calls.set(calls.get() + 1);
            vec![Hit {
                entry: 3,
                start: 0,
                end: 6,
            }]
        };
        let first = memo.hits("其他材料", find);
        let again = memo.hits("其他材料", find);
        assert_eq!(
            (&first[..], &again[..], calls.get()),
            (&[(3, 0, 6)][..], &[(3, 0, 6)][..], 1)
        );
        memo.hits("相关材料", find);
        assert_eq!(calls.get(), 2);

        // Through lint: the same clause in two places, a finding at each.
        let item = crate::testing::edit(
            crate::testing::ITEM,
            "\"conditions\": [\"申请人已依法登记\"]",
            "\"conditions\": [\"提交其他相关材料\", \"提交其他相关材料\"]",
        );
        let out = crate::testing::lint_with(&[("items/630101001000.json", Some(&item))]);
        let mut at: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("vague"))
            .map(crate::diag::Diagnostic::pointer)
            .collect();
        at.sort_unstable();
        assert_eq!(at, ["/conditions/0", "/conditions/1"]);
    }
}
