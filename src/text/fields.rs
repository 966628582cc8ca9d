//! The free-text fields of the model, each with its JSON pointer: the text
//! the catalog's authors write. Codes, ids, dates and enums are not here.
//! Whether a field is checked is decided by `rules/` (text_scope), e.g.
//! the verbatim law text under /legal_basis/*/text is excluded there.

use crate::catalog::{Bundle, Deadline, Item, Local, Material};

/// (pointer, text) pairs.
pub(crate) type Texts<'a> = Vec<(String, &'a str)>;

fn deadline<'a>(out: &mut Texts<'a>, at: String, d: &'a Deadline) {
    if let Some(n) = &d.note {
        out.push((format!("{at}/note"), n));
    }
}

fn opt<'a, S: std::ops::Deref<Target = str>>(out: &mut Texts<'a>, at: String, v: &'a Option<S>) {
    if let Some(s) = v {
        out.push((at, s));
    }
}

pub(crate) fn item(v: &Item) -> Texts<'_> {
    let mut out: Texts = vec![("/name".into(), v.name.as_str())];
    for (i, b) in v.legal_basis.iter().enumerate() {
        out.push((format!("/legal_basis/{i}/document"), &b.document));
        opt(&mut out, format!("/legal_basis/{i}/article"), &b.article);
        opt(&mut out, format!("/legal_basis/{i}/text"), &b.text);
    }
    for (i, c) in v.conditions.iter().enumerate() {
        out.push((format!("/conditions/{i}"), c));
    }
    for (i, m) in v.materials.iter().enumerate() {
        let at = format!("/materials/{i}");
        opt(&mut out, format!("{at}/filling_notes"), &m.filling_notes);
        opt(&mut out, format!("{at}/basis"), &m.basis);
        opt(&mut out, format!("{at}/situation"), &m.situation);
        opt(&mut out, format!("{at}/submission_reason"), &m.submission_reason);
        if let Some(e) = &m.exemption {
            opt(&mut out, format!("{at}/exemption/note"), &e.note);
        }
        if let Some(d) = &m.deferral {
            out.push((format!("{at}/deferral/commitment"), &d.commitment));
            deadline(&mut out, format!("{at}/deferral/deadline"), &d.deadline);
        }
    }
    for (i, s) in v.process.iter().enumerate() {
        out.push((format!("/process/{i}/name"), &s.name));
        out.push((format!("/process/{i}/actor"), &s.actor));
        opt(&mut out, format!("/process/{i}/standard"), &s.standard);
        if let Some(d) = &s.deadline {
            deadline(&mut out, format!("/process/{i}/deadline"), d);
        }
    }
    match &v.statutory_deadline {
        crate::catalog::Statutory::Days(d) => deadline(&mut out, "/statutory_deadline".into(), d),
        crate::catalog::Statutory::NoDeadline(n) => opt(&mut out, "/statutory_deadline/note".into(), &n.note),
    }
    for (i, c) in v.fees.charges.iter().enumerate() {
        out.push((format!("/fees/charges/{i}/name"), &c.name));
        out.push((format!("/fees/charges/{i}/standard"), &c.standard));
        out.push((format!("/fees/charges/{i}/basis"), &c.basis));
        opt(&mut out, format!("/fees/charges/{i}/waiver_basis"), &c.waiver_basis);
    }
    for (i, r) in v.results.iter().enumerate() {
        out.push((format!("/results/{i}/name"), &r.name));
    }
    if let Some(c) = &v.commitment {
        out.push(("/commitment/content".into(), &c.content));
        out.push(("/commitment/requirements".into(), &c.requirements));
        out.push(("/commitment/liability".into(), &c.liability));
        out.push(("/commitment/verification".into(), &c.verification));
    }
    out
}

pub(crate) fn local(v: &Local) -> Texts<'_> {
    let mut out = Texts::new();
    deadline(&mut out, "/promised_deadline".into(), &v.promised_deadline);
    opt(&mut out, "/visit_reason".into(), &v.visit_reason);
    opt(
        &mut out,
        "/online/not_online_reason".into(),
        &v.online.not_online_reason,
    );
    opt(&mut out, "/not_in_centre_reason".into(), &v.not_in_centre_reason);
    for (i, w) in v.windows.iter().enumerate() {
        out.push((format!("/windows/{i}/place"), &w.place));
        out.push((format!("/windows/{i}/hours"), &w.hours));
    }
    for (i, d) in v.deviations.iter().enumerate() {
        out.push((format!("/deviations/{i}/basis"), &d.basis));
        json_strings(&mut out, format!("/deviations/{i}/value"), &d.value);
    }
    out
}

/// Every string inside a JSON value (a deviation's local value may be a
/// text, a list of conditions or an object), each at its pointer.
fn json_strings<'a>(out: &mut Texts<'a>, at: String, v: &'a serde_json::Value) {
    match v {
        serde_json::Value::String(s) => out.push((at, s)),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                json_strings(out, format!("{at}/{i}"), x);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                json_strings(out, format!("{at}/{}", crate::diag::escape(k)), x);
            }
        }
        _ => {}
    }
}

/// A material of the registry (materials.json), at `at` (its pointer):
/// the standard name every item shows, and the issuer.
pub(crate) fn material<'a>(out: &mut Texts<'a>, at: &str, v: &'a Material) {
    out.push((format!("{at}/name"), &v.name));
    opt(out, format!("{at}/issuer"), &v.issuer);
}

pub(crate) fn bundle(v: &Bundle) -> Texts<'_> {
    let mut out: Texts = vec![
        ("/name".into(), v.name.as_str()),
        ("/form/name".into(), v.form.name.as_str()),
        ("/window".into(), v.window.as_str()),
    ];
    deadline(&mut out, "/promised_deadline".into(), &v.promised_deadline);
    for (i, m) in v.members.iter().enumerate() {
        deadline(
            &mut out,
            format!("/members/{i}/promised_deadline"),
            &m.promised_deadline,
        );
    }
    out
}
