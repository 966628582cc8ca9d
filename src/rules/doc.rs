//! A rule's documentation as data: the parts of its explanation and the
//! failing example a test applies to the clean test catalog.

use std::borrow::Cow;

use crate::config::{raw::ProvinceDocuments, ConfigFile};

/// One text edit of a file of the clean test catalog (src/testing.rs):
/// the first `from` is replaced by `to`; an empty `from` makes `to` the
/// whole file (added when the catalog has no such file).
// Examples are data for the registry test, which applies each one.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, Copy)]
pub(crate) struct Edit {
    pub(crate) file: &'static str,
    pub(crate) from: &'static str,
    pub(crate) to: &'static str,
}

/// A rule's documented failing example as plain data: what to do to the
/// clean test catalog (src/testing.rs) for the rule to report it. The test
/// `documented_examples_trigger_their_rules` applies every rule's example,
/// checks that the rule then reports more than on the clean catalog, and
/// that the documented failing example ([`Doc::bad`]) shows it
/// ([`Example::shown`]).
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, Copy)]
pub(crate) enum Example {
    /// One [`Edit`]; the explanation shows it ([`Edit::shown`]).
    Edit {
        file: &'static str,
        from: &'static str,
        to: &'static str,
    },
    /// Several edits, applied in order; the explanation shows each.
    Edits(&'static [Edit]),
    /// Copy base files to new paths (`(file, to)` pairs, e.g. another
    /// region's local file), then apply `edits`, which may edit the
    /// copies; the explanation shows each edit.
    Copies {
        copies: &'static [(&'static str, &'static str)],
        edits: &'static [Edit],
    },
    /// Rename a file; the explanation shows the new path.
    Move { file: &'static str, to: &'static str },
    /// Remove a file; the explanation shows its path.
    Remove { file: &'static str },
    /// Replace the first `from` by `to` in a file's bytes (encodings); the
    /// explanation shows the file's path.
    Bytes {
        file: &'static str,
        from: &'static [u8],
        to: &'static [u8],
    },
    /// A file that cannot be read; the explanation shows its path.
    Unreadable { file: &'static str },
    /// Replace `from` by `to` in the shipped `rules/` file of `kind` (empty
    /// `from`: `to` is the whole file) and apply `catalog` edits; the
    /// explanation shows both as for [`Edit`].
    Config {
        kind: ConfigFile,
        from: &'static str,
        to: &'static str,
        catalog: &'static [Edit],
    },
    /// Lint the clean test catalog with a baseline holding `keys`
    /// (`lint --baseline`); the explanation shows each key.
    Baseline { keys: &'static [&'static str] },
}

/// Broad grouping shown by `tongbiao rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Category {
    /// 文件格式
    Format,
    /// 引用完整性
    Reference,
    /// 编码
    Code,
    /// 要素完整
    Element,
    /// 政策规则
    Policy,
    /// 模糊用语
    Text,
    /// 规则配置
    Config,
    /// 变更审核
    Change,
}

impl Category {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Category::Format => "文件格式",
            Category::Reference => "引用完整性",
            Category::Code => "编码",
            Category::Element => "要素完整",
            Category::Policy => "政策规则",
            Category::Text => "模糊用语",
            Category::Config => "规则配置",
            Category::Change => "变更审核",
        }
    }
}

#[cfg(test)]
impl Edit {
    /// What an explanation shows of this edit: `to`, or, when `to` only
    /// adds text after `from`, the added text (without the commas and
    /// whitespace around it).
    pub(crate) fn shown(&self) -> &'static str {
        match self.to.strip_prefix(self.from) {
            Some(added) if !self.from.is_empty() => added.trim_matches(|c: char| c == ',' || c.is_whitespace()),
            _ => self.to,
        }
    }
}

#[cfg(test)]
impl Example {
    /// The texts the rule's [`Doc::bad`] must contain to show this example.
    pub(crate) fn shown(&self) -> Vec<&'static str> {
        match *self {
            Example::Edit { file, from, to } => vec![Edit { file, from, to }.shown()],
            Example::Edits(edits) | Example::Copies { edits, .. } => edits.iter().map(Edit::shown).collect(),
            Example::Move { to, .. } => vec![to],
            Example::Remove { file } | Example::Bytes { file, .. } | Example::Unreadable { file } => vec![file],
            Example::Baseline { keys } => keys.to_vec(),
            Example::Config { from, to, catalog, .. } => {
                let config = Edit { file: "", from, to };
                std::iter::once(config.shown())
                    .chain(catalog.iter().map(Edit::shown))
                    .collect()
            }
        }
    }
}

/// A rule's Chinese documentation, one field per part, each without its
/// header. A part may span lines (a list, a JSON fragment); one whose first
/// line is a list item (`- `) or indented (two spaces) is a block and starts
/// on the line after its header when rendered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc {
    /// What the rule checks (检查内容).
    pub(crate) what: &'static str,
    /// Why it matters (原因).
    pub(crate) why: &'static str,
    /// The policy documents or conventions it enforces (依据), citations
    /// separated by `；`. A province's document is written as a
    /// placeholder, `{standardization}`, `{one_thing}` or
    /// `{service_government}` (rules.json `province_documents`); see
    /// [`Doc::basis_for`].
    pub(crate) basis: &'static str,
    /// A failing example (错误示例); shows the rule's [`Example`].
    pub(crate) bad: &'static str,
    /// How to fix a finding (修改方法).
    pub(crate) fix: &'static str,
}

impl Doc {
    /// The parts with their Chinese headers, in the order they are shown,
    /// the basis as cited for `docs`.
    pub(crate) fn parts_for(&self, docs: &ProvinceDocuments) -> [(&'static str, Cow<'static, str>); 5] {
        [
            ("检查内容", Cow::Borrowed(self.what)),
            ("原因", Cow::Borrowed(self.why)),
            ("依据", Cow::Owned(self.basis_for(docs))),
            ("错误示例", Cow::Borrowed(self.bad)),
            ("修改方法", Cow::Borrowed(self.fix)),
        ]
    }

    /// The basis with the province's documents filled in; a citation of a
    /// document the province does not name is left out (another province
    /// is never cited for want of its own).
    pub(crate) fn basis_for(&self, docs: &ProvinceDocuments) -> String {
        let named = |d: &Option<String>| d.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        let fills = [
            ("{standardization}", named(&docs.standardization)),
            ("{one_thing}", named(&docs.one_thing)),
            ("{service_government}", named(&docs.service_government)),
        ];
        let kept: Vec<String> = citations(self.basis.trim_end_matches('。'))
            .into_iter()
            .filter_map(|c| {
                fills.iter().try_fold(c.to_string(), |c, (mark, doc)| match doc {
                    _ if !c.contains(mark) => Some(c),
                    Some(d) => Some(c.replace(mark, d)),
                    None => None,
                })
            })
            .collect();
        let end = if self.basis.ends_with('。') { "。" } else { "" };
        format!("{}{end}", kept.join("；"))
    }
}

/// The citations of a basis: split at each `；` outside brackets.
fn citations(basis: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in basis.char_indices() {
        match c {
            '（' | '(' | '《' | '“' => depth += 1,
            '）' | ')' | '》' | '”' => depth -= 1,
            '；' if depth == 0 => {
                out.push(&basis[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&basis[start..]);
    out
}
