//! Findings for problems met before any rule runs: reading a file (the
//! loader's [`Problem`]s) and compiling `rules/` ([`Invalid`]). Each rule
//! file owns its wording; this only dispatches.

use super::unreadable_file;
use super::{bom, config_invalid, duplicate_key, invalid_json, invalid_utf8, schema, unknown_field, unknown_file};
use crate::config::Invalid;
use crate::diag::{Diagnostic, Severity};
use crate::load::Problem;
use crate::schema::Violation;
use crate::source::FileId;

/// The finding for one problem of reading `file`.
pub(crate) fn load_finding(file: FileId, p: &Problem) -> Diagnostic {
    match p {
        Problem::Unreadable(e) => unreadable_file::finding(file, e),
        Problem::Changed(why) => unreadable_file::changed(file, why.as_deref()),
        Problem::InvalidUtf8 { at } => invalid_utf8::finding(file, *at),
        Problem::Bom { len } => bom::finding(file, *len),
        Problem::InvalidJson { at, truncated, reason } => invalid_json::finding(file, *at, *truncated, reason),
        Problem::DuplicateKey {
            pointer,
            key,
            first_line,
        } => duplicate_key::finding(file, pointer, *key, *first_line),
        Problem::UnknownFile => unknown_file::finding(file),
        Problem::Schema(Violation::UnknownField {
            pointer,
            key,
            label,
            help,
        }) => unknown_field::finding(file, pointer, key, label, help),
        Problem::Schema(Violation::Invalid { pointer, message, help }) => schema::finding(file, pointer, message, help),
        Problem::Typed { label, error } => schema::typed_finding(file, label, error),
    }
}

/// The findings that stop a run whose `rules/` is broken. All are errors:
/// a policy that did not read as written must not silently lint with
/// something else.
pub(crate) fn config_findings(invalid: &[Invalid]) -> Vec<Diagnostic> {
    invalid
        .iter()
        .map(|i| {
            let mut d = match i {
                Invalid::Load(file, p) => load_finding(*file, p),
                Invalid::Entry(p) => config_invalid::finding(p),
            };
            d.severity = Severity::Error;
            d
        })
        .collect()
}
