//! The shared scan behind the vague-language rules: every free-text field
//! of items, local files and bundles is matched once against the lexicon
//! of `rules/`; each per-class rule then reports its own class. Not a rule
//! itself (the registry test skips this file).

use rayon::prelude::*;

use super::{Context, Rule};
use crate::config::raw::VagueClass;
use crate::diag::Sink;
use crate::source::FileId;
use crate::text::fields;
use crate::text::matcher::Usage;

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
    docs.par_iter()
        .map(|(file, doc)| {
            let mut usage = Usage::new(m, ctx.config.allow_count);
            let mut out = Vec::new();
            for (pointer, text) in doc.texts() {
                if !ctx.config.in_scope("", &pointer) {
                    continue;
                }
                for h in m.find(text, &mut usage) {
                    out.push(TextHit {
                        file: *file,
                        pointer: pointer.clone(),
                        entry: h.entry,
                        start: h.start,
                        end: h.end,
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
