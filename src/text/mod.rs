//! Free-text checks: normalisation, the phrase matcher built from the
//! lexicon in `rules/`, and the list of free-text fields in the model.

pub mod fields;
pub mod matcher;
pub mod names;
pub mod normalize;
