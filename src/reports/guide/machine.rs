//! The site for machines: one JSON file per guide (schema:
//! `docs/schema/guide.schema.json`, also shipped in the site), schema.org
//! `GovernmentService` JSON-LD in every guide page, and `sitemap.xml`.

use schemars::JsonSchema;
use serde::Serialize;

use super::data::GuideData;
use super::safe::{http_url, json_for_script};
use super::view::{self, Applied};
use super::Site;
use crate::catalog::item::Item;
use crate::catalog::Local;
use crate::config::raw::Citation;

/// # 办事指南数据
///
/// tongbiao guide 为每个实施清单生成的办事指南数据（guide/<区划代码>/<基本编码>.json）：全省标准（已套用经批准的本地偏离）、本地实施信息，以及编码所指的名称。
#[derive(Serialize, JsonSchema)]
pub(crate) struct GuideJson<'a> {
    /// # 数据格式版本
    format: u32,
    /// # 指南页面
    ///
    /// 相对网站根目录的路径。
    page: &'a str,
    /// # 一次告知单
    ///
    /// 指南页面中一次告知单的位置（页面路径加 #notice）；从这里打印，只打印告知单（A4 一页）。
    notice: &'a str,
    /// # 区划
    region: Named<'a>,
    /// # 区划路径
    ///
    /// 从省到本区划的名称。
    region_path: Vec<&'a str>,
    /// # 实施机关
    agency: Named<'a>,
    /// # 主管部门
    department: Named<'a>,
    /// # 全省标准
    ///
    /// 事项的全省统一标准，已套用下面 applied_deviations 中经批准的本地偏离。
    item: &'a Item,
    /// # 本地实施信息
    local: &'a Local,
    /// # 申请材料名称
    ///
    /// item.materials 中各材料标识对应的材料库名称，顺序相同。
    material_names: Vec<&'a str>,
    /// # 已套用的本地偏离
    applied_deviations: Vec<AppliedJson>,
    /// # 待核实的信息
    ///
    /// 目录来源记录中标为待核实的要素，写成本文件中的 JSON 指针（/item/…、/local/…）；网页上标注“待核实”，不作为已核实的承诺。
    unverified: Vec<String>,
    /// # 帮办代办和绿色通道
    ///
    /// 每份指南都有：本省要求的依据（规则配置中配置时）和本地安排的说明。
    assistance: AssistanceJson<'a>,
}

/// # 帮办代办和绿色通道
#[derive(Serialize, JsonSchema)]
struct AssistanceJson<'a> {
    /// # 依据
    ///
    /// 本省要求为老年人、残疾人等特殊群体开设“绿色通道”、提供帮办代办服务的文件条款和原文（rules/rules.json 的 province_documents.assisted_service）；未配置时省略。
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a Citation>,
    /// # 本地安排
    ///
    /// 目录尚未载明各地的具体安排（待核实），请办事群众向办理窗口或 12345 咨询。
    local_arrangement: &'static str,
}

/// What the page and the JSON say about the local arrangement: the catalog
/// has no field for it, so nothing is promised.
const LOCAL_ARRANGEMENT: &str = "本地的具体安排（在哪个窗口、是否需要预约）目录尚未载明（待核实，以窗口答复为准）。老年人、残疾人等需要帮办代办或走绿色通道的，请向办理窗口咨询，或拨打 12345 政务服务便民热线。";

/// # 编码与名称
#[derive(Serialize, JsonSchema)]
struct Named<'a> {
    /// # 代码或标识
    code: &'a str,
    /// # 名称
    name: &'a str,
}

/// # 已套用的本地偏离
#[derive(Serialize, JsonSchema)]
struct AppliedJson {
    /// # 要素
    element: String,
    /// # 法律依据
    basis: String,
    /// # 批准机关
    approved_by: String,
    /// # 批准日期
    #[serde(skip_serializing_if = "String::is_empty")]
    approved_on: String,
}

impl From<&Applied> for AppliedJson {
    fn from(a: &Applied) -> AppliedJson {
        AppliedJson {
            element: a.element.clone(),
            basis: a.basis.clone(),
            approved_by: a.approved_by.clone(),
            approved_on: a.approved_on.clone(),
        }
    }
}

/// The guide data schema as written to docs/schema/ and into the site.
pub(crate) fn guide_schema_text() -> String {
    let mut v = schemars::schema_for!(GuideJson<'static>).to_value();
    crate::catalog::strip_null(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Guide `g`'s JSON file. The item and the local file are borrowed:
/// [`Site::build`] removed their `$schema` once for all guides.
pub(crate) fn guide_json(d: &GuideData) -> String {
    let json = GuideJson {
        format: 1,
        page: &d.path,
        notice: &d.notice_path,
        region: Named {
            code: &d.region_code,
            name: &d.region_name,
        },
        region_path: d.region_trail.iter().map(|c| c.name.as_str()).collect(),
        agency: Named {
            code: &d.local.agency,
            name: &d.agency.text,
        },
        department: Named {
            code: &d.department_code,
            name: &d.department,
        },
        item: &d.item,
        local: d.local,
        material_names: d.materials.iter().map(|m| m.name.as_str()).collect(),
        applied_deviations: d.applied.iter().map(AppliedJson::from).collect(),
        unverified: (view::unverified_pointers(&d.item.provenance, "/item").into_iter())
            .chain(view::unverified_pointers(&d.local.provenance, "/local"))
            .chain(d.agency_name_unverified.then(|| "/agency/name".to_string()))
            .collect(),
        assistance: AssistanceJson {
            basis: d.assistance,
            local_arrangement: LOCAL_ARRANGEMENT,
        },
    };
    // Compact (one line): 100,000 of these are written per build.
    let mut s = serde_json::to_string(&json).unwrap_or_default();
    s.push('\n');
    s
}

/// schema.org `GovernmentService` (the JSON-LD of a guide page).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GovernmentService<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    service_type: &'a str,
    identifier: &'a str,
    provider: Typed<'a>,
    area_served: Typed<'a>,
    audience: Audience<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    available_channel: Vec<ServiceChannel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A schema.org thing given by its type and name.
#[derive(Serialize)]
struct Typed<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Audience<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    audience_type: &'a str,
}

/// Online (`serviceUrl`) or at a window (`serviceLocation`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ServiceChannel<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_location: Option<Typed<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    available_language: Option<&'static str>,
}

/// schema.org `GovernmentService` for a guide, escaped for its <script>;
/// serialized from borrowed fields (no intermediate `serde_json::Value`).
pub(crate) fn json_ld(site: &Site, d: &GuideData) -> String {
    let area = d.region_trail.iter().map(|c| c.name.as_str()).collect::<String>();
    let online = (d.local.online.address.as_deref().and_then(http_url)).map(|url| ServiceChannel {
        kind: "ServiceChannel",
        name: "网上办理",
        service_url: Some(url),
        service_location: None,
        available_language: None,
    });
    let windows = d.local.windows.iter().map(|w| ServiceChannel {
        kind: "ServiceChannel",
        name: "窗口办理",
        service_url: None,
        service_location: Some(Typed {
            kind: "Place",
            name: &w.place,
        }),
        available_language: Some("zh-CN"),
    });
    let v = GovernmentService {
        context: "https://schema.org",
        kind: "GovernmentService",
        name: &d.item.name,
        service_type: &d.item.item_type,
        identifier: d.local.implementation_code.as_deref().unwrap_or(&d.item.code),
        provider: Typed {
            kind: "GovernmentOrganization",
            name: &d.agency.text,
        },
        area_served: Typed {
            kind: "AdministrativeArea",
            name: &area,
        },
        audience: Audience {
            kind: "Audience",
            audience_type: &d.objects,
        },
        available_channel: online.into_iter().chain(windows).collect(),
        url: (site.options.base_url.as_ref()).map(|base| format!("{base}{}", d.path)),
    };
    json_for_script(&v)
}

/// `sitemap.xml`: every HTML page, in page order; absolute URLs with `--base-url`, site-relative
/// paths without.
pub(crate) fn sitemap(site: &Site) -> String {
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 1);
    let base = site.options.base_url.clone().unwrap_or_default();
    let mut paths = vec!["index.html".to_string()];
    paths.extend((0..site.guides.len()).map(|g| site.guide_path(g, "html")));
    paths.extend(
        site.item_order
            .iter()
            .map(|&i| super::item_path(&site.catalog.items[i].value.code)),
    );
    paths.extend(site.html_index_paths());
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let mut set = BytesStart::new("urlset");
    set.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    let _ = w.write_event(Event::Start(set));
    for p in paths {
        let _ = w.write_event(Event::Start(BytesStart::new("url")));
        let _ = w.write_event(Event::Start(BytesStart::new("loc")));
        let _ = w.write_event(Event::Text(BytesText::new(&format!("{base}{p}"))));
        let _ = w.write_event(Event::End(BytesEnd::new("loc")));
        let _ = w.write_event(Event::End(BytesEnd::new("url")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("urlset")));
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}
