//! The search page (`search.html`, templates/guide/search.html) and its
//! script (`assets/search.js`): a form over the Pagefind index that
//! `pagefind --site DIR` writes into `DIR/pagefind/` after `tongbiao guide`
//! (the post-build step). Without the index or without JavaScript the page
//! says so and points to the indexes.

use askama::Template;

use super::{pages, Site};

/// The search script, one external file (CSP: no inline scripts).
pub(super) const SCRIPT: &str = include_str!("../../../templates/guide/search.js");

#[derive(Template)]
#[template(path = "guide/search.html")]
struct SearchPage {
    root: &'static str,
    page_title: String,
    site_title: String,
}

pub(super) fn page(site: &Site) -> String {
    let page = SearchPage {
        root: "",
        page_title: format!("搜索 · {}", site.title()),
        site_title: site.title(),
    };
    page.render().unwrap_or_else(|e| pages::failed(&e))
}
