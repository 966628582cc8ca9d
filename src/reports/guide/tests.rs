//! The site from in-memory catalogs: hostile strings stay text, links are
//! http(s) only, an approved deviation is applied and marked.

// (The module is test-only; the attribute also marks it so for tests/layers.rs,
// which reads what follows `#[cfg(test)]` as test code.)
#[cfg(test)]
use super::*;
use crate::load::{parse, RawFile};
use crate::testing::{base, edit, BUNDLE, ITEM, LOCAL};

const EMPTY_ICON: &str = "<link rel=\"icon\" href=\"data:,\">";
const EVIL: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>\u{202E}</title><!--";

fn site(changes: &[(&str, String)]) -> Site {
    let files = base()
        .into_iter()
        .map(|(p, t)| {
            let t = changes.iter().find(|(c, _)| *c == p).map_or(t, |(_, n)| n.clone());
            RawFile {
                path: p,
                bytes: Ok(t.into_bytes()),
            }
        })
        .collect();
    let loaded = parse(files, 0);
    assert!(loaded.problems.is_empty(), "the test catalog parses");
    Site::build(loaded.catalog, Config::defaults(), Options::default())
}

fn pages(site: &Site) -> Vec<(String, String)> {
    (0..site.len())
        .flat_map(|i| site.render(i))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn hostile_strings_stay_text_and_only_http_links_are_drawn() {
    let evil = serde_json::to_string(EVIL).unwrap();
    let item = edit(ITEM, "\"测试许可事项\"", &evil);
    let item = edit(&item, "\"申请人已依法登记\"", &evil);
    let local = edit(LOCAL, "\"青海政务服务网\"", "\"javascript:alert(1)\"");
    let local = edit(&local, "\"西宁市政务服务中心\"", &evil);
    let local = edit(
        &local,
        "{\"kind\": \"窗口\", \"value\": \"西宁市政务服务中心市场监管窗口\"}",
        "{\"kind\": \"网站\", \"value\": \"JavaScript:alert(1)\"}, {\"kind\": \"网站\", \"value\": \"https://zwfw.example.gov.cn/\"}",
    );
    let bundle = edit(
        BUNDLE,
        "\"青海政务服务网\"",
        "\"data:text/html,<script>alert(1)</script>\"",
    );
    let s = site(&[
        ("items/630101001000.json", item),
        ("local/630100/630101001000.json", local),
        ("bundles/test-bundle.json", bundle),
    ]);
    let tag_handler = regex::Regex::new(r"(?i)<[^>]*\son[a-z]+\s*=").unwrap();
    let mut guide_seen = false;
    for (path, page) in pages(&s) {
        if !path.ends_with(".html") {
            continue;
        }
        // The layout's empty icon (no /favicon.ico request) is the one data: URL.
        let page = page.replace(EMPTY_ICON, "");
        assert!(!page.contains("<script>alert"), "{path}: {page}");
        assert!(!page.contains("<img"), "{path}");
        assert!(!tag_handler.is_match(&page), "{path}: an event handler");
        assert!(!page.to_ascii_lowercase().contains("href=\"javascript"), "{path}");
        assert!(!page.contains("href=\"data:"), "{path}");
        let scripts = page.matches("<script").count();
        if path == "guide/630100/630101001000.html" {
            guide_seen = true;
            assert_eq!(scripts, 1, "only the JSON-LD block");
            let start = page.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
            let end = start + page[start..].find("</script>").unwrap();
            let ld: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
            assert_eq!(ld["name"], EVIL, "the JSON-LD carries the name unchanged");
            assert!(page.contains("href=\"https://zwfw.example.gov.cn/\""));
            assert!(page.contains("不是 http(s) 网址，未设链接"));
            assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img"));
        } else if path == "search.html" {
            assert_eq!(scripts, 1, "only the search script");
            assert!(page.contains("<script type=\"module\" src=\"assets/search.js\"></script>"));
        } else {
            assert_eq!(scripts, 0, "{path}");
        }
    }
    assert!(guide_seen);
}

#[test]
fn an_approved_deviation_is_applied_and_marked() {
    let local = edit(
        LOCAL,
        "\"deviations\": []",
        r#""deviations": [{"element": "/statutory_deadline", "value": {"value": 15, "unit": "工作日"}, "basis": "《青海省某条例》", "approved_by": "西宁市人民政府"}]"#,
    );
    let s = site(&[("local/630100/630101001000.json", local)]);
    let page = page_of(&s, "guide/630100/630101001000.html");
    assert!(page.contains("15 个工作日"), "the local value is shown");
    assert!(!page.contains("20 个工作日"), "the standard value is replaced");
    assert!(page.contains("本地经批准的调整") && page.contains("《青海省某条例》") && page.contains("西宁市人民政府"));
    let (_, json) = pages(&s)
        .into_iter()
        .find(|(p, _)| p == "guide/630100/630101001000.json")
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["item"]["statutory_deadline"]["value"], 15);
    assert_eq!(v["applied_deviations"][0]["approved_by"], "西宁市人民政府");
}

#[test]
fn an_unapproved_deviation_is_not_applied() {
    let local = edit(
        LOCAL,
        "\"deviations\": []",
        r#""deviations": [{"element": "/statutory_deadline", "value": {"value": 15, "unit": "工作日"}, "basis": "", "approved_by": ""}]"#,
    );
    let s = site(&[("local/630100/630101001000.json", local)]);
    let page = page_of(&s, "guide/630100/630101001000.html");
    assert!(page.contains("20 个工作日") && !page.contains("本地经批准的调整"));
}

#[test]
fn a_fact_marked_unverified_is_labelled_on_the_page_and_in_the_json() {
    let local = edit(
        LOCAL,
        "\"deviations\": []",
        r#""deviations": [], "provenance": {"/promised_deadline": {"status": "待核实"}}"#,
    );
    let s = site(&[("local/630100/630101001000.json", local)]);
    let all = pages(&s);
    let page = |name: &str| &all.iter().find(|(p, _)| p == name).unwrap().1;
    let page_text = page("guide/630100/630101001000.html");
    // The guide, then its 一次告知单 (a section at the end).
    let (guide, notice) = page_text.split_at(page_text.find("<section id=\"notice\"").unwrap());
    let promised = guide.find(">承诺办结时限</dt>").unwrap();
    let row = &guide[promised..promised + guide[promised..].find("</dd>").unwrap()];
    assert!(row.contains("10 个工作日") && row.contains("待核实"), "{row}");
    let statutory = guide.find(">法定办结时限</dt>").unwrap();
    let row = &guide[statutory..statutory + guide[statutory..].find("</dd>").unwrap()];
    assert!(!row.contains("待核实"), "only the marked fact: {row}");
    // The 一次告知单 marks it with * and one legend line.
    let promised = notice.find("<dt>承诺办结时限</dt>").unwrap();
    let row = &notice[promised..promised + notice[promised..].find("</dd>").unwrap()];
    assert!(
        row.contains("10 个工作日") && row.contains("*<span class=\"vh\">（待核实）"),
        "{row}"
    );
    assert!(notice.contains("标 * 的事项待核实，以窗口答复为准"));
    assert!(page("item/630101001000.html").contains("待核实"));
    let v: serde_json::Value = serde_json::from_str(page("guide/630100/630101001000.json")).unwrap();
    assert_eq!(v["unverified"], serde_json::json!(["/local/promised_deadline"]));
    let clean = site(&[]);
    let labelled = pages(&clean)
        .into_iter()
        .any(|(n, p)| n.ends_with(".html") && without_assistance(&p).contains("待核实"));
    assert!(
        !labelled,
        "nothing marked, nothing labelled (but the local 帮办代办 arrangement)"
    );
}

/// A page without its 帮办代办 section and the 一次告知单's 帮办代办 row
/// (which label the local arrangement 待核实 on every guide: the catalog
/// does not record it).
fn without_assistance(page: &str) -> String {
    let cut = |page: String, from: &str, to: &str| match page.find(from) {
        Some(start) => {
            let end = start + page[start..].find(to).unwrap();
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page,
    };
    let page = cut(page.to_string(), "<section id=\"assistance\"", "</section>");
    cut(page, "<dt>帮办代办</dt>", "</dd>")
}

#[test]
fn every_guide_cites_the_assisted_service_document_from_the_config() {
    let s = site(&[]);
    let cited = Config::defaults().province_documents.assisted_service.unwrap();
    let page = page_of(&s, "guide/630100/630101001000.html");
    let section = &page[page.find("<section id=\"assistance\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains(&format!("<p>{}规定：</p>", cited.document)),
        "{section}"
    );
    assert!(
        section.contains(&format!("<blockquote>{}</blockquote>", cited.quote)),
        "{section}"
    );
    assert!(section.contains("老年人、残疾人") && section.contains("12345") && section.contains("待核实"));
    // The printed 一次告知单 says it too, without promising an arrangement.
    let notice = &page[page.find("<section id=\"notice\"").unwrap()..];
    let row = &notice[notice.find("<dt>帮办代办</dt>").unwrap()..];
    let row = &row[..row.find("</dd>").unwrap()];
    assert!(
        row.contains("绿色通道") && row.contains("12345") && row.contains("待核实"),
        "{row}"
    );
    let v: serde_json::Value = serde_json::from_str(&page_of(&s, "guide/630100/630101001000.json")).unwrap();
    assert_eq!(v["assistance"]["basis"]["document"], cited.document.as_str());
    assert_eq!(v["assistance"]["basis"]["quote"], cited.quote.as_str());

    // Another province's rules/ without the citation: the section stays,
    // it cites nothing and still says where to ask.
    let files = base()
        .into_iter()
        .map(|(p, t)| RawFile {
            path: p,
            bytes: Ok(t.into_bytes()),
        })
        .collect();
    let mut config = Config::defaults();
    config.province_documents.assisted_service = None;
    let bare = Site::build(parse(files, 0).catalog, config, Options::default());
    let page = page_of(&bare, "guide/630100/630101001000.html");
    let section = &page[page.find("<section id=\"assistance\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        !section.contains("<blockquote>") && !section.contains("规定："),
        "{section}"
    );
    assert!(section.contains("12345"), "{section}");
    let v: serde_json::Value = serde_json::from_str(&page_of(&bare, "guide/630100/630101001000.json")).unwrap();
    assert!(v["assistance"].get("basis").is_none() && v["assistance"]["local_arrangement"].is_string());
}

/// The page at `name` of the site.
fn page_of(site: &Site, name: &str) -> String {
    pages(site).into_iter().find(|(p, _)| p == name).unwrap().1
}

/// The 实施机关 row of a guide page (the test catalog has one).
fn agency_row(page: &str) -> &str {
    let at = page.find(">实施机关</dt>").unwrap();
    &page[at..at + page[at..].find("</dd>").unwrap()]
}

#[test]
fn an_unverified_agency_is_labelled_whether_the_local_or_the_agency_file_marks_it() {
    let guide = |s: &Site| page_of(s, "guide/630100/630101001000.html");
    let json = |s: &Site| {
        let page = page_of(s, "guide/630100/630101001000.json");
        serde_json::from_str::<serde_json::Value>(&page).unwrap()["unverified"].clone()
    };
    let clean = site(&[]);
    assert!(!agency_row(&guide(&clean)).contains("待核实"));
    // The local file's choice of agency is unverified.
    let local = edit(
        LOCAL,
        "\"deviations\": []",
        r#""deviations": [], "provenance": {"/agency": {"status": "待核实"}}"#,
    );
    let by_local = site(&[("local/630100/630101001000.json", local)]);
    let page = guide(&by_local);
    assert!(agency_row(&page).contains("西宁市市场监督管理局") && agency_row(&page).contains("待核实"));
    assert!(
        page.contains("· 西宁市市场监督管理局<strong class=\"unverified mark\">*"),
        "the notice marks it"
    );
    assert_eq!(json(&by_local), serde_json::json!(["/local/agency"]));
    // The agency file's name itself is unverified.
    let agencies = edit(
        crate::testing::AGENCIES_630100,
        "\"level\": \"市级\"}",
        r#""level": "市级", "provenance": {"/name": {"status": "待核实"}}}"#,
    );
    let by_name = site(&[("agencies/630100.json", agencies)]);
    assert!(agency_row(&guide(&by_name)).contains("待核实"));
    assert_eq!(json(&by_name), serde_json::json!(["/agency/name"]));
}
