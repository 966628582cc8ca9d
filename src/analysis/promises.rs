//! Promised deadlines wherever the catalog makes them (local files, bundle
//! members), each with the item it is promised for: what the deadline
//! rules compare with the item's statutory deadline.

use crate::catalog::Catalog;
use crate::source::FileId;

/// A promised deadline in the catalog (a local file's, or a bundle
/// member's) with the item it is promised for: what the deadline rules
/// compare with the item's statutory deadline.
pub(crate) struct Promise<'a> {
    pub(crate) file: FileId,
    pub(crate) pointer: String,
    pub(crate) deadline: &'a crate::catalog::Deadline,
    pub(crate) item: &'a str,
    /// Chinese name of the deadline, for messages.
    pub(crate) what: &'static str,
}

pub(crate) fn promises(c: &Catalog) -> impl Iterator<Item = Promise<'_>> {
    let locals = c.locals.iter().map(|l| Promise {
        file: l.file,
        pointer: "/promised_deadline".into(),
        deadline: &l.value.promised_deadline,
        item: &l.value.item,
        what: "承诺办结时限",
    });
    let members = c.bundles.iter().flat_map(|b| {
        b.value.members.iter().enumerate().map(move |(i, m)| Promise {
            file: b.file,
            pointer: format!("/members/{i}/promised_deadline"),
            deadline: &m.promised_deadline,
            item: &m.item,
            what: "成员承诺办结时限",
        })
    });
    locals.chain(members)
}
