//! Free-text checks: normalisation, the phrase matcher built from the
//! lexicon in `rules/`, and the list of free-text fields in the model.

mod context;
pub(crate) mod field_row;
pub(crate) mod fields;
pub(crate) mod lexicon;
pub mod matcher;
pub(crate) mod names;
pub(crate) mod normalize;
mod os_error;
mod patterns;

pub(crate) use os_error::os_error;

/// The byte-order mark some editors put before UTF-8 text.
pub(crate) const BOM: char = '\u{feff}';

/// `text` without a leading byte-order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// Whether a text field says nothing: empty, or only whitespace (full-width
/// spaces included) and zero-width characters.
pub(crate) fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || normalize::invisible(c))
}

/// [`blank`] for an optional field: absent counts as blank.
pub(crate) fn blank_opt(s: Option<&str>) -> bool {
    s.is_none_or(blank)
}
