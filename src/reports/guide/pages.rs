//! A guide's HTML page (templates/guide/guide.html), its printable
//! 一次告知单 included as a section (templates/guide/notice.html).

use askama::Template;

use super::data::GuideData;
use super::{machine, Site};

/// Guides live two directories down: guide/<区划>/<基本编码>.html.
const GUIDE_ROOT: &str = "../../";

#[derive(Template)]
#[template(path = "guide/guide.html")]
struct GuidePage<'a, 'b> {
    root: &'static str,
    page_title: String,
    site_title: String,
    jsonld: String,
    g: &'b GuideData<'a>,
}

pub(crate) fn guide(site: &Site, g: &GuideData) -> String {
    let page = GuidePage {
        root: GUIDE_ROOT,
        page_title: format!("{} · 办事指南", g.title()),
        site_title: site.title(),
        jsonld: machine::json_ld(site, g),
        g,
    };
    page.render().unwrap_or_else(|e| failed(&e))
}

/// Templates render plain strings and numbers, which always format; a
/// failure would be a bug, shown on the page rather than a panic.
pub(crate) fn failed(e: &askama::Error) -> String {
    let e = e
        .to_string()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<!DOCTYPE html><html lang=\"zh-CN\"><title>页面生成失败</title><p>页面生成失败：{e}</p></html>\n")
}
