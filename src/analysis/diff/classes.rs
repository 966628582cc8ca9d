//! The classes of changes (the default table and its compiled form live in
//! the config layer, `config::classes`, so that rules.json `diff.classes`
//! is checked against them), and the step that applies a compiled table
//! to a diff.

pub use crate::config::classes::{known, of, Class, Classes, KINDS};

use super::Diff;

impl Diff {
    /// Give every change the class `classes` says (rules.json
    /// `diff.classes` over the defaults) and sort again (增负 first, then by
    /// file and pointer).
    pub fn classify(&mut self, classes: &Classes) {
        for c in &mut self.changes {
            c.class = classes.of(c.kind);
        }
        self.changes
            .sort_by(|x, y| (x.class, &x.file, &x.pointer).cmp(&(y.class, &y.file, &y.pointer)));
    }
}
