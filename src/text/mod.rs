//! Free-text checks: normalisation, the phrase matcher built from the
//! lexicon in `rules/`, and the list of free-text fields in the model.

pub mod fields;
pub mod lexicon;
pub mod matcher;
pub mod names;
pub mod normalize;

/// Whether a text field says nothing: empty, or only whitespace (full-width
/// spaces included) and zero-width characters.
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
}

/// [`blank`] for an optional field: absent counts as blank.
pub fn blank_opt(s: Option<&str>) -> bool {
    s.is_none_or(blank)
}
